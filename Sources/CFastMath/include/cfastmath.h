// Vectorised float32 loops for the kernels: compiled twice (AVX2+FMA and baseline) and chosen at
// run time by CPU features. Results are bit-identical between the two builds: no multiply-add is
// contracted except where a fused multiply-add is written explicitly.
#ifndef CFASTMATH_H
#define CFASTMATH_H

/// y[i] = 1 / (1 + exp(-x[i])) with the Cephes-style exp of Kernels' fastExpf (x may equal y).
void nnsh_sigmoid_f32(const float *x, float *y, long n);
/// y[i] = tanh(x[i]) as Kernels' fastTanhf (x may equal y).
void nnsh_tanh_f32(const float *x, float *y, long n);
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

#endif
