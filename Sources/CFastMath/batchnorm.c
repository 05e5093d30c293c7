// Batch normalisation's float loops at PyTorch's AVX2 level, with fused multiply-adds exactly where
// GCC contracts ATen's vector expressions and nowhere else (contraction is off for this file).
#include "cfastmath.h"
#include <math.h>

#pragma clang fp contract(off)
#pragma STDC FP_CONTRACT OFF

#define FMA_ATTR __attribute__((target("avx2,fma")))

FMA_ATTR void nnsh_bn_apply_fma_f32(const float *x, float *y, long n, float alpha, float beta) {
    for (long i = 0; i < n; i++) y[i] = fmaf(x[i], alpha, beta);
}

FMA_ATTR void nnsh_bn_dx_fma_f32(const float *x, const float *dy, float *dx, long n, float mean, float k, float grad_mean,
                                 float invstd, float w) {
    for (long i = 0; i < n; i++) {
        float d = fmaf(-(x[i] - mean), k, dy[i] - grad_mean);
        dx[i] = d * invstd * w;
    }
}

// Vectorized<float>'s AVX2 horizontal sum: halves of 4, 2, 1 lanes.
static inline float fold8(float *l) {
    for (int i = 0; i < 4; i++) l[i] = l[i] + l[i + 4];
    for (int i = 0; i < 2; i++) l[i] = l[i] + l[i + 2];
    return l[0] + l[1];
}

// vec::reduce_all(+, dy, n) with 8 lanes.
FMA_ATTR float nnsh_bn_sum_avx2_f32(const float *dy, long n) {
    float l[8];
    if (n < 8) {
        float acc = n > 0 ? dy[0] : 0;
        for (long i = 1; i < n; i++) acc = acc + dy[i];
        return acc;
    }
    for (int i = 0; i < 8; i++) l[i] = dy[i];
    long d = 8, whole = n - n % 8;
    for (; d < whole; d += 8)
        for (int i = 0; i < 8; i++) l[i] = l[i] + dy[d + i];
    for (long i = 0; i < n - d; i++) l[i] = l[i] + dy[d + i];
    return fold8(l);
}

// vec::map2_reduce_all((x - mean) * dy, +) with 8 lanes: the main loop unfused, the tail fused
// (as PyTorch's AVX2 build computes it), below 8 elements the products summed lane after lane.
FMA_ATTR float nnsh_bn_dot_avx2_f32(const float *x, const float *dy, long n, float mean) {
    float l[8];
    if (n < 8) {
        float acc = n > 0 ? (x[0] - mean) * dy[0] : 0;
        for (long i = 1; i < n; i++) acc = acc + (x[i] - mean) * dy[i];
        return acc;
    }
    for (int i = 0; i < 8; i++) l[i] = (x[i] - mean) * dy[i];
    long d = 8, whole = n - n % 8;
    for (; d < whole; d += 8)
        for (int i = 0; i < 8; i++) {
            float p = (x[d + i] - mean) * dy[d + i];
            l[i] = l[i] + p;
        }
    for (long i = 0; i < n - d; i++) l[i] = fmaf(x[d + i] - mean, dy[d + i], l[i]);
    return fold8(l);
}
