// Vectorised float32 loops for the kernels: compiled twice (AVX2+FMA and baseline) and chosen at
// run time by CPU features. Results are bit-identical between the two builds: no multiply-add is
// contracted except where a fused multiply-add is written explicitly.
#ifndef CFASTMATH_H
#define CFASTMATH_H

/// PyTorch's normal_fill_16_AVX2 over `blocks` consecutive blocks of 16 uniforms in d.
void nnsh_normal_fill16_f32(float *d, long blocks, float mean, float std);
/// out[ow] = bias + Σ_i w[i] * taps[i][ow], summed in tap order, for ow in [lo, hi) (hi - lo >= 8):
/// the interior columns of one output row of the direct convolution.
void nnsh_conv_taps_f32(const float *const *taps, const float *w, long ntaps, float bias, float *out, long lo, long hi);
/// Whether the CPU has AVX2 and FMA (the baseline build computes fused multiply-adds in software, slowly).
int nnsh_has_vector_fma(void);
/// Four output rows of a stride-1 convolution at once: out[j][ow] = (Σ_t w[4t+j] · base[offs[t] + ow]) + bias[j]
/// for ow in [0, n) (n >= 8), fused multiply-adds in tap order over a zero-padded input.
void nnsh_conv_rows4_f32(const float *base, const long *offs, long ntaps, const float *w, const float *bias,
                         float *const *out, long n);


/* ATen's float32 kernels at PyTorch's CPU capability (vecmath.c). */
/// 0 default, 1 AVX2, 2 AVX-512: what PyTorch's DispatchStub picks here (ATEN_CPU_CAPABILITY overrides).
int nnsh_cpu_capability(void);
/// Tests: follow `level` (at most what the CPU has; -1 goes back to detection); returns the level now used.
int nnsh_set_cpu_capability(int level);
/// "DEFAULT", "AVX2" or "AVX512".
const char *nnsh_cpu_capability_name(void);
/// Vectorized<float>::size() at that capability.
long nnsh_vector_lanes_f32(void);
/// Where cpu_kernel_vec's scalar tail starts for a contiguous loop over n elements.
long nnsh_elementwise_scalar_from(long n);
enum { NNSH_OP_SIGMOID = 0, NNSH_OP_TANH = 1, NNSH_OP_SILU = 2, NNSH_OP_SOFTPLUS = 3, NNSH_OP_ELU = 4 };
/// y[i] = op(x[i]) for i in [begin, end); elements from scalar_from on take ATen's scalar lambda.
/// params: softplus (beta, threshold); elu (negcoef, poscoef, negiptcoef).
void nnsh_activation_f32(int op, const float *x, float *y, long begin, long end, long scalar_from, const float *params);
/// The op's backward: grad and the saved tensor (output for sigmoid and tanh, input for the others).
void nnsh_activation_backward_f32(int op, const float *grad, const float *saved, float *y, long begin, long end,
                                  long scalar_from, const float *params);
/// y[i] = pow(x[i], e[i · e_stride]) as ATen's pow kernel over a contiguous array (pow.c);
/// `scalar_exponent`: the Python number of a tensor-to-a-number pow (e_stride 0), for the tail.
void nnsh_pow_f32(const float *x, const float *e, long e_stride, double scalar_exponent, float *y, long n);
void nnsh_pow_f64(const double *x, const double *e, long e_stride, double *y, long n);
/// softmax / log_softmax over the last dim of a contiguous [outer, dim] array, and its backward.
void nnsh_softmax_lastdim_f32(const float *x, float *y, long outer, long dim, int log);
void nnsh_softmax_backward_lastdim_f32(const float *g, const float *y, float *gi, long outer, long dim, int log);
/// The same over the middle dim of a contiguous [outer, dim, inner] array.
void nnsh_softmax_f32(const float *x, float *y, long outer, long dim, long inner, int log);
void nnsh_softmax_backward_f32(const float *g, const float *y, float *gi, long outer, long dim, long inner, int log);

#endif

/* Batch normalisation's float loops as ATen's AVX2 build computes them (Sources/Kernels/BatchNorm.swift
   says which expressions PyTorch's FMA build contracts); call only on CPUs with AVX2 and FMA. */
void nnsh_bn_apply_fma_f32(const float *x, float *y, long n, float alpha, float beta);
void nnsh_bn_dx_fma_f32(const float *x, const float *dy, float *dx, long n, float mean, float k, float grad_mean, float invstd, float w);
float nnsh_bn_sum_avx2_f32(const float *dy, long n);
float nnsh_bn_dot_avx2_f32(const float *x, const float *dy, long n, float mean);
