/* ATen's float32 activation and softmax kernels, bit for bit, at the CPU capability PyTorch itself
   would pick on this machine (its DispatchStub: AVX-512 when the CPU has AVX512F/VL/BW/DQ and FMA,
   else AVX2 when it has AVX2 and FMA, else the default build; ATEN_CPU_CAPABILITY overrides, as it
   does for PyTorch). The vector math is SLEEF's u10 functions, which PyTorch's Vectorized<float>
   calls; their results do not depend on the vector width, but reductions and scalar tails do. */
#include "cfastmath.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#pragma clang fp contract(off)

static int detected = -1;

int nnsh_cpu_capability(void) {
    if (detected >= 0) return detected;
    int level = 0;
#if defined(__x86_64__) && defined(__clang__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) level = 1;
    if (level == 1 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")) level = 2;
#endif
    const char *env = getenv("ATEN_CPU_CAPABILITY");
    if (env) {
        if (strcmp(env, "default") == 0) level = 0;
        else if (strcmp(env, "avx2") == 0 && level >= 1) level = 1;
    }
    detected = level;
    return level;
}

int nnsh_set_cpu_capability(int level) {
    detected = -1;
    int hardware = nnsh_cpu_capability();
    detected = level < 0 ? -1 : (level < hardware ? level : hardware);
    return nnsh_cpu_capability();
}

const char *nnsh_cpu_capability_name(void) {
    static const char *names[] = {"DEFAULT", "AVX2", "AVX512"};
    return names[nnsh_cpu_capability()];
}

/* ---- DEFAULT: Vectorized<float> is 8 lanes of scalar libm calls, no fused multiply-add. ---- */
static void exp_scalar(const float *x, float *y, long n) { for (long i = 0; i < n; i++) y[i] = expf(x[i]); }
static void log_scalar(const float *x, float *y, long n) { for (long i = 0; i < n; i++) y[i] = logf(x[i]); }
static void log1p_scalar(const float *x, float *y, long n) { for (long i = 0; i < n; i++) y[i] = log1pf(x[i]); }
static void expm1_scalar(const float *x, float *y, long n) { for (long i = 0; i < n; i++) y[i] = expm1f(x[i]); }
static void tanh_scalar(const float *x, float *y, long n) { for (long i = 0; i < n; i++) y[i] = tanhf(x[i]); }
static void sigmoid_scalar(const float *x, float *y, long n) { for (long i = 0; i < n; i++) y[i] = 1.0f / (expf(0.0f - x[i]) + 1.0f); }
static void silu_scalar(const float *x, float *y, long n) { for (long i = 0; i < n; i++) y[i] = x[i] / (1.0f + expf(-x[i])); }
static float tree_sequential8(float *a) {
    float r = a[0];
    for (int l = 1; l < 8; l++) r = r + a[l];
    return r;
}
#define LEVEL_NAME(x) x##_default
#define LEVEL_ATTR
#define W 8
#define FMA(a, b, c) ((a) * (b) + (c))
#define VEXP exp_scalar
#define VLOG log_scalar
#define VLOG1P log1p_scalar
#define VEXPM1 expm1_scalar
#define VTANH tanh_scalar
#define VSIGMOID sigmoid_scalar
#define VSILU silu_scalar
#define LANE_TREE tree_sequential8
#include "vecmath_body.h"

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
/* SLEEF's functions over arrays live in CSleefAVX2/CSleefAVX512, each compiled for its ISA: a
   vector argument to SLEEF from a function that only carries a target attribute is passed on the
   stack (the file's baseline ABI), which SLEEF does not read. */
#include "csleef_avx2.h"
#include "csleef_avx512.h"
#define AVX2_ATTR __attribute__((target("avx2,fma")))
#define AVX512_ATTR __attribute__((target("avx2,fma,avx512f,avx512vl,avx512bw,avx512dq")))

/* vec_reduce_all's shuffles: lane l adds lane l + h for h = W/2, ..., 1. */
static AVX2_ATTR float tree8(float *a) {
    for (int h = 4; h >= 1; h /= 2) for (int l = 0; l < h; l++) a[l] = a[l] + a[l + h];
    return a[0];
}
static AVX512_ATTR float tree16(float *a) {
    for (int h = 8; h >= 1; h /= 2) for (int l = 0; l < h; l++) a[l] = a[l] + a[l + h];
    return a[0];
}

#define LEVEL_NAME(x) x##_avx2
#define LEVEL_ATTR AVX2_ATTR
#define W 8
#define FMA(a, b, c) fmaf(a, b, c)
#define VEXP nnsh_avx2_exp
#define VLOG nnsh_avx2_log
#define VLOG1P nnsh_avx2_log1p
#define VEXPM1 nnsh_avx2_expm1
#define VTANH nnsh_avx2_tanh
#define VSIGMOID nnsh_avx2_sigmoid
#define VSILU nnsh_avx2_silu
#define LANE_TREE tree8
#include "vecmath_body.h"

#define LEVEL_NAME(x) x##_avx512
#define LEVEL_ATTR AVX512_ATTR
#define W 16
#define FMA(a, b, c) fmaf(a, b, c)
#define VEXP nnsh_avx512_exp
#define VLOG nnsh_avx512_log
#define VLOG1P nnsh_avx512_log1p
#define VEXPM1 nnsh_avx512_expm1
#define VTANH nnsh_avx512_tanh
#define VSIGMOID nnsh_avx512_sigmoid
#define VSILU nnsh_avx512_silu
#define LANE_TREE tree16
#include "vecmath_body.h"

#define DISPATCH3(call) \
    switch (nnsh_cpu_capability()) { case 2: call##_avx512 ARGS; break; case 1: call##_avx2 ARGS; break; default: call##_default ARGS; }
#else
#define DISPATCH3(call) call##_default ARGS;
#endif

long nnsh_vector_lanes_f32(void) { return nnsh_cpu_capability() == 2 ? 16 : 8; }

long nnsh_elementwise_scalar_from(long n) {
    if (nnsh_cpu_capability() == 0) return 0;
    long step = 2 * nnsh_vector_lanes_f32();
    return n - n % step;
}

#define ARGS (op, x, y, begin, end, scalar_from, params)
void nnsh_activation_f32(int op, const float *x, float *y, long begin, long end, long scalar_from, const float *params) {
    DISPATCH3(unary)
}
#undef ARGS
#define ARGS (op, grad, saved, y, begin, end, scalar_from, params)
void nnsh_activation_backward_f32(int op, const float *grad, const float *saved, float *y, long begin, long end,
                                  long scalar_from, const float *params) {
    DISPATCH3(backward)
}
#undef ARGS
#define ARGS (x, y, outer, dim, log)
void nnsh_softmax_lastdim_f32(const float *x, float *y, long outer, long dim, int log) { DISPATCH3(softmax_lastdim) }
#undef ARGS
#define ARGS (g, y, gi, outer, dim, log)
void nnsh_softmax_backward_lastdim_f32(const float *g, const float *y, float *gi, long outer, long dim, int log) {
    DISPATCH3(softmax_backward_lastdim)
}
#undef ARGS
#define ARGS (x, y, outer, dim, inner, log)
void nnsh_softmax_f32(const float *x, float *y, long outer, long dim, long inner, int log) { DISPATCH3(softmax_inner) }
#undef ARGS
#define ARGS (g, y, gi, outer, dim, inner, log)
void nnsh_softmax_backward_f32(const float *g, const float *y, float *gi, long outer, long dim, long inner, int log) {
    DISPATCH3(softmax_backward_inner)
}
#undef ARGS
