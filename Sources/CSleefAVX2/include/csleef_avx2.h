// SLEEF's u10 functions over float arrays at AVX2 width, as ATen's Vectorized<float> calls them
// (full vectors, then the last lanes in a zero-padded vector, as Vectorized::loadu(ptr, count)).
// Compiled with -mavx2 -mfma for this file only, so vector arguments go to SLEEF in registers (a
// function-level target attribute leaves the call ABI at the file's baseline: arguments on the
// stack, which SLEEF does not read). Call only when nnsh_cpu_capability() says the CPU has AVX2.
#ifndef CSLEEF_AVX2_H
#define CSLEEF_AVX2_H
void nnsh_avx2_exp(const float *x, float *y, long n);
void nnsh_avx2_log(const float *x, float *y, long n);
void nnsh_avx2_log1p(const float *x, float *y, long n);
void nnsh_avx2_expm1(const float *x, float *y, long n);
void nnsh_avx2_tanh(const float *x, float *y, long n);
/// sigmoid's and SiLU's vector lambdas in one pass: 1 / ((0 - x).exp() + 1), x / (1 + x.neg().exp()).
void nnsh_avx2_sigmoid(const float *x, float *y, long n);
void nnsh_avx2_silu(const float *x, float *y, long n);
/// y[i] = pow(x[i], e[i * e_stride]) over whole vectors only (n a multiple of the width).
void nnsh_avx2_powf(const float *x, const float *e, long e_stride, float *y, long n);
void nnsh_avx2_pow(const double *x, const double *e, long e_stride, double *y, long n);
#endif
