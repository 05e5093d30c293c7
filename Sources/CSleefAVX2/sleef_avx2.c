#include "csleef_avx2.h"
#if defined(__x86_64__)
#include <immintrin.h>
#include <sleef.h>
#include <string.h>

#pragma clang fp contract(off)

#define ARRAY(name, body)                                                                \
    void name(const float *x, float *y, long n) {                                        \
        long i = 0;                                                                      \
        for (; i + 8 <= n; i += 8) { __m256 v = _mm256_loadu_ps(x + i); _mm256_storeu_ps(y + i, body); }       \
        if (i < n) {                                                                     \
            float buf[8] = {0};                                                        \
            memcpy(buf, x + i, sizeof(float) * (size_t)(n - i));                         \
            __m256 v = _mm256_loadu_ps(buf);                                                           \
            _mm256_storeu_ps(buf, body);                                                             \
            memcpy(y + i, buf, sizeof(float) * (size_t)(n - i));                         \
        }                                                                                \
    }
ARRAY(nnsh_avx2_exp, Sleef_expf8_u10avx2(v))
ARRAY(nnsh_avx2_log, Sleef_logf8_u10avx2(v))
ARRAY(nnsh_avx2_log1p, Sleef_log1pf8_u10avx2(v))
ARRAY(nnsh_avx2_expm1, Sleef_expm1f8_u10avx2(v))
ARRAY(nnsh_avx2_tanh, Sleef_tanhf8_u10avx2(v))
ARRAY(nnsh_avx2_sigmoid, _mm256_div_ps(_mm256_set1_ps(1.0f), _mm256_add_ps(Sleef_expf8_u10avx2(_mm256_sub_ps(_mm256_setzero_ps(), v)), _mm256_set1_ps(1.0f))))
ARRAY(nnsh_avx2_silu, _mm256_div_ps(v, _mm256_add_ps(_mm256_set1_ps(1.0f), Sleef_expf8_u10avx2(_mm256_xor_ps(_mm256_set1_ps(-0.0f), v)))))

void nnsh_avx2_powf(const float *x, const float *e, long e_stride, float *y, long n) {
    for (long i = 0; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, Sleef_powf8_u10avx2(_mm256_loadu_ps(x + i), e_stride ? _mm256_loadu_ps(e + i) : _mm256_set1_ps(e[0])));
}

void nnsh_avx2_pow(const double *x, const double *e, long e_stride, double *y, long n) {
    for (long i = 0; i + 4 <= n; i += 4)
        _mm256_storeu_pd(y + i, Sleef_powd4_u10avx2(_mm256_loadu_pd(x + i), e_stride ? _mm256_loadu_pd(e + i) : _mm256_set1_pd(e[0])));
}
#endif
