#include "cfastmath.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)

#define ALWAYS static inline __attribute__((always_inline))

ALWAYS uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
ALWAYS float bitsf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/* avx_mathfun.h log256_ps / sincos256_ps with GCC's FMAs (shared/specs/RNG.md §4b). */
ALWAYS float avx_logf(float x) {
    uint32_t b = fbits(x);
    float e = (float)((int32_t)(b >> 23) - 127) + 1.0f;
    float m = bitsf((b & 0x807FFFFFu) | 0x3F000000u);
    int lt = m < 0.707106781186547524f;
    e = lt ? e - 1.0f : e;
    m = lt ? (m - 1.0f) + m : m - 1.0f;
    float z = m * m;
    float y = 7.0376836292e-2f;
    y = fmaf(y, m, -1.1514610310e-1f);
    y = fmaf(y, m, 1.1676998740e-1f);
    y = fmaf(y, m, -1.2420140846e-1f);
    y = fmaf(y, m, 1.4249322787e-1f);
    y = fmaf(y, m, -1.6668057665e-1f);
    y = fmaf(y, m, 2.0000714765e-1f);
    y = fmaf(y, m, -2.4999993993e-1f);
    y = fmaf(y, m, 3.3333331174e-1f);
    float ym = y * m;
    float eq1 = e * -2.12194440e-4f;
    y = fmaf(ym, z, eq1);
    y = y - z * 0.5f;
    return fmaf(e, 0.693359375f, m + y);
}

ALWAYS void normal16_body(float *d0, long blocks, float mean, float std) {
    for (long b = 0; b < blocks; b++) {
        float *d = d0 + 16 * b;
        for (int k = 0; k < 8; k++) {
            float u1 = 1.0f - d[k];
            float radius = __builtin_elementwise_sqrt(-2.0f * avx_logf(u1));
            float x0 = 6.2831855f * d[k + 8];
            int32_t j = (int32_t)(x0 * 1.27323954473516f);
            j = (j + 1) & ~1;
            float yj = (float)j;
            float x = fmaf(yj, -0.78515625f, x0);
            x = fmaf(yj, -2.4187564849853515625e-4f, x);
            x = fmaf(yj, -3.77489497744594108e-8f, x);
            float z = x * x;
            float cp = fmaf(fmaf(2.443315711809948e-5f, z, -1.388731625493765e-3f), z, 4.166664568298827e-2f);
            float cz = cp * z;
            float hz = -(z * 0.5f);
            cp = fmaf(cz, z, hz) + 1.0f;
            float sp = fmaf(fmaf(-1.9515295891e-4f, z, 8.3321608736e-3f), z, -1.6666654611e-1f);
            float sz = sp * z;
            sp = fmaf(sz, x, x);
            int swap = (j & 2) != 0;
            float s = swap ? cp : sp;
            float c = swap ? sp : cp;
            s = (j & 4) != 0 ? -s : s;
            c = ((j - 2) & 4) == 0 ? -c : c;
            d[k] = fmaf(radius * c, std, mean);
            d[k + 8] = fmaf(radius * s, std, mean);
        }
    }
}

/* Eight floats in one vector (a ymm register with AVX, two xmm registers without). The helpers are
   always inlined, so no v8f crosses a call boundary and clang's ABI warning does not apply. */
#pragma clang diagnostic ignored "-Wpsabi"
typedef float v8f __attribute__((vector_size(32)));
ALWAYS v8f load8(const float *p) { v8f v; memcpy(&v, p, sizeof v); return v; }
ALWAYS void store8(float *p, v8f v) { memcpy(p, &v, sizeof v); }

/* out[ow] = bias + w[0]*taps[0][ow] + w[1]*taps[1][ow] + ... (left to right) for ow in [lo, hi),
   hi - lo >= 8. Columns go 32 at a time (four independent sums hide the add latency), then 8,
   then one block ending at hi that overlaps columns already done (recomputing gives the same values). */
ALWAYS void conv_taps_body(const float *const *taps, const float *w, long ntaps, float bias, float *out, long lo, long hi) {
    const v8f b = (v8f){0, 0, 0, 0, 0, 0, 0, 0} + bias;
    long ow = lo;
    for (; ow + 32 <= hi; ow += 32) {
        v8f a0 = b, a1 = b, a2 = b, a3 = b;
        for (long i = 0; i < ntaps; i++) {
            const float *x = taps[i] + ow;
            const float wi = w[i];
            a0 = a0 + wi * load8(x);
            a1 = a1 + wi * load8(x + 8);
            a2 = a2 + wi * load8(x + 16);
            a3 = a3 + wi * load8(x + 24);
        }
        store8(out + ow, a0); store8(out + ow + 8, a1); store8(out + ow + 16, a2); store8(out + ow + 24, a3);
    }
    for (;;) {
        if (ow + 8 > hi) {
            if (ow == hi) return;
            ow = hi - 8;
        }
        v8f a0 = b;
        for (long i = 0; i < ntaps; i++) a0 = a0 + w[i] * load8(taps[i] + ow);
        store8(out + ow, a0);
        ow += 8;
    }
}

/* Four output rows of a stride-1 convolution over a zero-padded input at once:
   out[j][ow] = (Σ_t w[4t+j] · base[offs[t] + ow]) + bias[j] for ow in [0, n), n >= 8, the sum taken in tap
   order with fused multiply-adds (each tap's input vectors are loaded once for four channels, so the loop
   is bound by the FMA units, not by loads). Columns go 16 at a time (eight sums: with 24 the twelve sums
   and their operands overflow the 16 registers and the loop spills, at half the speed), then 8, then
   one block ending at n that overlaps columns already done (recomputing gives the same values). */
ALWAYS v8f splat8(float s) { return (v8f){s, s, s, s, s, s, s, s}; }
ALWAYS v8f fma8(v8f a, v8f b, v8f c) { return __builtin_elementwise_fma(a, b, c); }
ALWAYS void conv_rows4_body(const float *base, const long *offs, long ntaps, const float *w, const float *bias,
                            float *const *out, long n) {
    const v8f b0 = splat8(bias[0]), b1 = splat8(bias[1]), b2 = splat8(bias[2]), b3 = splat8(bias[3]);
    long ow = 0;
    for (; ow + 16 <= n; ow += 16) {
        v8f a00 = splat8(0), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
        for (long t = 0; t < ntaps; t++) {
            const float *x = base + offs[t] + ow;
            const v8f x0 = load8(x), x1 = load8(x + 8);
            const float *wt = w + 4 * t;
            v8f wv = splat8(wt[0]);
            a00 = fma8(wv, x0, a00); a01 = fma8(wv, x1, a01);
            wv = splat8(wt[1]);
            a10 = fma8(wv, x0, a10); a11 = fma8(wv, x1, a11);
            wv = splat8(wt[2]);
            a20 = fma8(wv, x0, a20); a21 = fma8(wv, x1, a21);
            wv = splat8(wt[3]);
            a30 = fma8(wv, x0, a30); a31 = fma8(wv, x1, a31);
        }
        store8(out[0] + ow, a00 + b0); store8(out[0] + ow + 8, a01 + b0);
        store8(out[1] + ow, a10 + b1); store8(out[1] + ow + 8, a11 + b1);
        store8(out[2] + ow, a20 + b2); store8(out[2] + ow + 8, a21 + b2);
        store8(out[3] + ow, a30 + b3); store8(out[3] + ow + 8, a31 + b3);
    }
    for (;;) {
        if (ow + 8 > n) {
            if (ow == n) return;
            ow = n - 8;
        }
        v8f a0 = splat8(0), a1 = a0, a2 = a0, a3 = a0;
        for (long t = 0; t < ntaps; t++) {
            const v8f x0 = load8(base + offs[t] + ow);
            const float *wt = w + 4 * t;
            a0 = fma8(splat8(wt[0]), x0, a0); a1 = fma8(splat8(wt[1]), x0, a1);
            a2 = fma8(splat8(wt[2]), x0, a2); a3 = fma8(splat8(wt[3]), x0, a3);
        }
        store8(out[0] + ow, a0 + b0); store8(out[1] + ow, a1 + b1); store8(out[2] + ow, a2 + b2); store8(out[3] + ow, a3 + b3);
        ow += 8;
    }
}

#if defined(__x86_64__) && defined(__clang__)
#define TARGET_AVX2 __attribute__((target("avx2,fma")))
static TARGET_AVX2 void normal16_avx2(float *d, long blocks, float mean, float std) { normal16_body(d, blocks, mean, std); }
static TARGET_AVX2 void conv_taps_avx2(const float *const *taps, const float *w, long ntaps, float bias, float *out, long lo, long hi) {
    conv_taps_body(taps, w, ntaps, bias, out, lo, hi);
}
static TARGET_AVX2 void conv_rows4_avx2(const float *base, const long *offs, long ntaps, const float *w,
                                        const float *bias, float *const *out, long n) {
    conv_rows4_body(base, offs, ntaps, w, bias, out, n);
}
static int has_avx2(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return cached;
}
#define DISPATCH(fast, generic) if (has_avx2()) { fast; } else { generic; }
int nnsh_has_vector_fma(void) { return has_avx2(); }
#else
#define DISPATCH(fast, generic) generic;
int nnsh_has_vector_fma(void) { return 0; }
#endif

static void conv_rows4_generic(const float *base, const long *offs, long ntaps, const float *w, const float *bias,
                               float *const *out, long n) {
    conv_rows4_body(base, offs, ntaps, w, bias, out, n);
}
static void conv_taps_generic(const float *const *taps, const float *w, long ntaps, float bias, float *out, long lo, long hi) {
    conv_taps_body(taps, w, ntaps, bias, out, lo, hi);
}
static void normal16_generic(float *d, long blocks, float mean, float std) { normal16_body(d, blocks, mean, std); }

void nnsh_normal_fill16_f32(float *d, long blocks, float mean, float std) {
    DISPATCH(normal16_avx2(d, blocks, mean, std), normal16_generic(d, blocks, mean, std))
}
void nnsh_conv_taps_f32(const float *const *taps, const float *w, long ntaps, float bias, float *out, long lo, long hi) {
    DISPATCH(conv_taps_avx2(taps, w, ntaps, bias, out, lo, hi), conv_taps_generic(taps, w, ntaps, bias, out, lo, hi))
}
void nnsh_conv_rows4_f32(const float *base, const long *offs, long ntaps, const float *w, const float *bias,
                         float *const *out, long n) {
    DISPATCH(conv_rows4_avx2(base, offs, ntaps, w, bias, out, n), conv_rows4_generic(base, offs, ntaps, w, bias, out, n))
}
