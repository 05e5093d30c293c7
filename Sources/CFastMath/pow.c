/* ATen's pow kernels for an exponent it does not special-case: cpu_kernel_vec over a contiguous
   array, two vectors per step through Vectorized::pow, the rest through the scalar lambda.
   Vectorized::pow is SLEEF's u10 pow at AVX2/AVX-512 and std::pow per lane (powf, the exponent in
   float) in the default build. The scalar lambda of a tensor-to-a-number pow raises to the
   exponent as a double (`std::pow(base, static_cast<double>(exp))`), rounded back to float. */
#include "cfastmath.h"
#include <math.h>

#pragma clang fp contract(off)

#include "csleef_avx2.h"
#include "csleef_avx512.h"

void nnsh_pow_f32(const float *x, const float *e, long e_stride, double scalar_exponent, float *y, long n) {
    int level = nnsh_cpu_capability();
    long step = level == 2 ? 32 : 16;
    long from = n - n % step;
#if defined(__x86_64__) && defined(__clang__)
    if (level == 2) nnsh_avx512_powf(x, e, e_stride, y, from);
    else if (level == 1) nnsh_avx2_powf(x, e, e_stride, y, from);
    else
#endif
        for (long i = 0; i < from; i++) y[i] = powf(x[i], e[e_stride ? i : 0]);
    for (long i = from; i < n; i++) y[i] = e_stride ? powf(x[i], e[i]) : (float)pow((double)x[i], scalar_exponent);
}

void nnsh_pow_f64(const double *x, const double *e, long e_stride, double *y, long n) {
    int level = nnsh_cpu_capability();
    long step = level == 2 ? 16 : 8;
    long from = n - n % step;
#if defined(__x86_64__) && defined(__clang__)
    if (level == 2) nnsh_avx512_pow(x, e, e_stride, y, from);
    else if (level == 1) nnsh_avx2_pow(x, e, e_stride, y, from);
    else
#endif
        for (long i = 0; i < from; i++) y[i] = pow(x[i], e[e_stride ? i : 0]);
    for (long i = from; i < n; i++) y[i] = pow(x[i], e[e_stride ? i : 0]);
}
