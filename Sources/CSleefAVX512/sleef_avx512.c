#include "csleef_avx512.h"
#if defined(__x86_64__)
#include <immintrin.h>
#include <sleef.h>
#include <string.h>

#pragma clang fp contract(off)

#define ARRAY(name, body)                                                                \
    void name(const float *x, float *y, long n) {                                        \
        long i = 0;                                                                      \
        for (; i + 16 <= n; i += 16) { __m512 v = _mm512_loadu_ps(x + i); _mm512_storeu_ps(y + i, body); }       \
        if (i < n) {                                                                     \
            float buf[16] = {0};                                                        \
            memcpy(buf, x + i, sizeof(float) * (size_t)(n - i));                         \
            __m512 v = _mm512_loadu_ps(buf);                                                           \
            _mm512_storeu_ps(buf, body);                                                             \
            memcpy(y + i, buf, sizeof(float) * (size_t)(n - i));                         \
        }                                                                                \
    }
ARRAY(nnsh_avx512_exp, Sleef_expf16_u10avx512f(v))
ARRAY(nnsh_avx512_log, Sleef_logf16_u10avx512f(v))
ARRAY(nnsh_avx512_log1p, Sleef_log1pf16_u10avx512f(v))
ARRAY(nnsh_avx512_expm1, Sleef_expm1f16_u10avx512f(v))
ARRAY(nnsh_avx512_tanh, Sleef_tanhf16_u10avx512f(v))
ARRAY(nnsh_avx512_sigmoid, _mm512_div_ps(_mm512_set1_ps(1.0f), _mm512_add_ps(Sleef_expf16_u10avx512f(_mm512_sub_ps(_mm512_setzero_ps(), v)), _mm512_set1_ps(1.0f))))
ARRAY(nnsh_avx512_silu, _mm512_div_ps(v, _mm512_add_ps(_mm512_set1_ps(1.0f), Sleef_expf16_u10avx512f(_mm512_xor_ps(_mm512_set1_ps(-0.0f), v)))))

void nnsh_avx512_powf(const float *x, const float *e, long e_stride, float *y, long n) {
    for (long i = 0; i + 16 <= n; i += 16)
        _mm512_storeu_ps(y + i, Sleef_powf16_u10avx512f(_mm512_loadu_ps(x + i), e_stride ? _mm512_loadu_ps(e + i) : _mm512_set1_ps(e[0])));
}

void nnsh_avx512_pow(const double *x, const double *e, long e_stride, double *y, long n) {
    for (long i = 0; i + 8 <= n; i += 8)
        _mm512_storeu_pd(y + i, Sleef_powd8_u10avx512f(_mm512_loadu_pd(x + i), e_stride ? _mm512_loadu_pd(e + i) : _mm512_set1_pd(e[0])));
}
#endif
