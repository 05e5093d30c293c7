/* ATen's float32 activation and softmax kernels at one CPU capability, included once per level by
   vecmath.c with LEVEL_NAME(x), LEVEL_ATTR, W (Vectorized<float>::size()), FMA(a, b, c) (what GCC's
   -ffp-contract=fast makes of `a * b + c` in that capability's translation unit), VEXP/VLOG/VLOG1P/
   VEXPM1/VTANH (Vectorized<float>'s functions over an array, lane by lane), VSIGMOID/VSILU (their
   fused loops) and LANE_TREE (how vec_reduce_all folds one vector's lanes). Every expression keeps
   ATen's operation order. The file undefines all of these at its end, ready for the next level. */

#define BLOCK 256

/* cpu_kernel_vec: elements before `scalar_from` go through the vector lambda, the rest through the
   scalar one (vectorized_loop takes 2 * W elements per step and leaves the remainder to basic_loop). */
static LEVEL_ATTR void LEVEL_NAME(unary)(int op, const float *x, float *y, long begin, long end, long scalar_from,
                                         const float *p) {
    float t[BLOCK];
    for (long b = begin; b < end; b += BLOCK) {
        long n = end - b < BLOCK ? end - b : BLOCK;
        long nv = scalar_from - b; nv = nv < 0 ? 0 : nv > n ? n : nv;
        const float *xs = x + b; float *ys = y + b;
        switch (op) {
        case NNSH_OP_SIGMOID:
            VSIGMOID(xs, ys, nv);
            for (long i = nv; i < n; i++) ys[i] = 1.0f / (1.0f + expf(-xs[i]));
            break;
        case NNSH_OP_SILU:
            VSILU(xs, ys, nv);
            for (long i = nv; i < n; i++) ys[i] = xs[i] / (1.0f + expf(-xs[i]));
            break;
        case NNSH_OP_SOFTPLUS: {
            float beta = p[0], threshold = p[1];
            for (long i = 0; i < nv; i++) t[i] = xs[i] * beta;
            VEXP(t, t, nv);
            VLOG1P(t, t, nv);
            for (long i = 0; i < nv; i++) ys[i] = xs[i] * beta > threshold ? xs[i] : t[i] / beta;
            for (long i = nv; i < n; i++) ys[i] = xs[i] * beta > threshold ? xs[i] : log1pf(expf(xs[i] * beta)) / beta;
            break;
        }
        case NNSH_OP_ELU: {
            float negcoef = p[0], poscoef = p[1], negiptcoef = p[2];
            for (long i = 0; i < nv; i++) t[i] = xs[i] * negiptcoef;
            VEXPM1(t, t, nv);
            for (long i = 0; i < nv; i++) ys[i] = xs[i] > 0.0f ? xs[i] * poscoef : t[i] * negcoef;
            for (long i = nv; i < n; i++) ys[i] = xs[i] <= 0.0f ? expm1f(xs[i] * negiptcoef) * negcoef : xs[i] * poscoef;
            break;
        }
        case NNSH_OP_TANH:
            VTANH(xs, ys, n);
            break;
        }
    }
}

/* The backward kernels: a = grad_output, s = the saved tensor (output for sigmoid/tanh, input otherwise). */
static LEVEL_ATTR void LEVEL_NAME(backward)(int op, const float *a, const float *s, float *y, long begin, long end,
                                            long scalar_from, const float *p) {
    float t[BLOCK];
    for (long b = begin; b < end; b += BLOCK) {
        long n = end - b < BLOCK ? end - b : BLOCK;
        long nv = scalar_from - b; nv = nv < 0 ? 0 : nv > n ? n : nv;
        const float *as = a + b, *ss = s + b; float *ys = y + b;
        switch (op) {
        case NNSH_OP_SIGMOID:
            for (long i = 0; i < n; i++) ys[i] = as[i] * (1.0f - ss[i]) * ss[i];
            break;
        case NNSH_OP_TANH:
            for (long i = 0; i < n; i++) ys[i] = as[i] * FMA(-ss[i], ss[i], 1.0f);
            break;
        case NNSH_OP_SILU:
            for (long i = 0; i < nv; i++) t[i] = -ss[i];
            VEXP(t, t, nv);
            for (long i = 0; i < nv; i++) {
                float sg = 1.0f / (1.0f + t[i]);
                ys[i] = as[i] * sg * FMA(ss[i], 1.0f - sg, 1.0f);
            }
            for (long i = nv; i < n; i++) {
                float sg = 1.0f / (1.0f + expf(-ss[i]));
                ys[i] = as[i] * sg * FMA(ss[i], 1.0f - sg, 1.0f);
            }
            break;
        case NNSH_OP_SOFTPLUS: {
            float beta = p[0], threshold = p[1];
            for (long i = 0; i < nv; i++) t[i] = ss[i] * beta;
            VEXP(t, t, nv);
            for (long i = 0; i < nv; i++) ys[i] = ss[i] * beta > threshold ? as[i] : as[i] * t[i] / (t[i] + 1.0f);
            for (long i = nv; i < n; i++) {
                float z = expf(ss[i] * beta);
                ys[i] = ss[i] * beta > threshold ? as[i] : as[i] * z / (z + 1.0f);
            }
            break;
        }
        case NNSH_OP_ELU: {
            float negcoef = p[0], poscoef = p[1], negiptcoef = p[2];
            for (long i = 0; i < nv; i++) t[i] = ss[i] * negiptcoef;
            VEXP(t, t, nv);
            for (long i = 0; i < nv; i++) ys[i] = ss[i] > 0.0f ? as[i] * poscoef : as[i] * negiptcoef * negcoef * t[i];
            for (long i = nv; i < n; i++)
                ys[i] = ss[i] <= 0.0f ? as[i] * negiptcoef * negcoef * expf(ss[i] * negiptcoef) : as[i] * poscoef;
            break;
        }
        }
    }
}

/* reduce_all(+) over one row: a sequential fold below one vector, else W lane sums (the partial last
   vector adds into the first lanes) folded by LANE_TREE. With `mul`, the terms are v[i] * mul[i]
   (map2_reduce_all(x * y, +): here the product is rounded before the add; PyTorch's build does not
   fuse across the two lambdas). */
static LEVEL_ATTR float LEVEL_NAME(row_sum)(const float *v, const float *mul, long n) {
    float acc[W];
    if (n < W) {
        float r = mul ? v[0] * mul[0] : v[0];
        for (long i = 1; i < n; i++) r = r + (mul ? v[i] * mul[i] : v[i]);
        return r;
    }
    for (long l = 0; l < W; l++) acc[l] = mul ? v[l] * mul[l] : v[l];
    long d = W;
    for (; d < n - n % W; d += W)
        for (long l = 0; l < W; l++) acc[l] = acc[l] + (mul ? v[d + l] * mul[d + l] : v[d + l]);
    for (long l = 0; d + l < n; l++) acc[l] = acc[l] + (mul ? v[d + l] * mul[d + l] : v[d + l]);
    return LANE_TREE(acc);
}

static LEVEL_ATTR float LEVEL_NAME(row_max)(const float *v, long n) {
    float m = v[0];
    for (long i = 1; i < n; i++) m = (v[i] != v[i] || m != m) ? NAN : (v[i] > m ? v[i] : m);
    return m;
}

/* _vec_softmax_lastdim / _vec_log_softmax_lastdim. */
static LEVEL_ATTR void LEVEL_NAME(softmax_lastdim)(const float *x, float *y, long outer, long dim, int log) {
    for (long r = 0; r < outer; r++) {
        const float *xs = x + r * dim; float *ys = y + r * dim;
        float m = LEVEL_NAME(row_max)(xs, dim);
        for (long i = 0; i < dim; i++) ys[i] = xs[i] - m;
        if (log) {
            float *e = malloc(sizeof(float) * dim);
            if (!e) return;
            VEXP(ys, e, dim);
            float s = LEVEL_NAME(row_sum)(e, 0, dim);
            free(e);
            VLOG(&s, &s, 1);
            for (long i = 0; i < dim; i++) ys[i] = (xs[i] - m) - s;
        } else {
            VEXP(ys, ys, dim);
            float s = 1.0f / LEVEL_NAME(row_sum)(ys, 0, dim);
            for (long i = 0; i < dim; i++) ys[i] = ys[i] * s;
        }
    }
}

/* _vec_host_softmax_backward_lastdim. */
static LEVEL_ATTR void LEVEL_NAME(softmax_backward_lastdim)(const float *g, const float *y, float *gi, long outer,
                                                            long dim, int log) {
    for (long r = 0; r < outer; r++) {
        const float *gs = g + r * dim, *ys = y + r * dim; float *out = gi + r * dim;
        if (log) {
            float s = LEVEL_NAME(row_sum)(gs, 0, dim);
            VEXP(ys, out, dim);
            for (long i = 0; i < dim; i++) out[i] = FMA(-out[i], s, gs[i]);
        } else {
            float s = LEVEL_NAME(row_sum)(gs, ys, dim);
            for (long i = 0; i < dim; i++) out[i] = (gs[i] - s) * ys[i];
        }
    }
}

/* _vec_softmax / _vec_logsoftmax (dim not last): each column of `inner` reduced down `dim`; columns
   from inner - inner % W on take the scalar path (std::exp). */
static LEVEL_ATTR void LEVEL_NAME(softmax_inner)(const float *x, float *y, long outer, long dim, long inner, int log) {
    long vec_cols = inner - inner % W;
    float *col = malloc(sizeof(float) * (dim > 0 ? dim : 1) * 2);
    if (!col) return;
    float *e = col + dim;
    for (long o = 0; o < outer; o++) {
        for (long j = 0; j < inner; j++) {
            const float *xs = x + o * dim * inner + j; float *ys = y + o * dim * inner + j;
            int vector = j < vec_cols;
            float m = -INFINITY;
            if (log) {
                for (long d = 0; d < dim; d++) m = xs[d * inner] > m ? xs[d * inner] : m;
            } else {
                m = xs[0];
                for (long d = 1; d < dim; d++) {
                    float v = xs[d * inner];
                    m = vector ? ((v != v || m != m) ? NAN : (v > m ? v : m)) : (v > m ? v : m);
                }
            }
            for (long d = 0; d < dim; d++) col[d] = xs[d * inner] - m;
            if (vector) VEXP(col, e, dim); else for (long d = 0; d < dim; d++) e[d] = expf(col[d]);
            float s = 0.0f;
            for (long d = 0; d < dim; d++) s = s + e[d];
            if (log) {
                if (vector) VLOG(&s, &s, 1); else s = logf(s);
                for (long d = 0; d < dim; d++) ys[d * inner] = (xs[d * inner] - m) - s;
            } else {
                for (long d = 0; d < dim; d++) ys[d * inner] = e[d] / s;
            }
        }
    }
    free(col);
}

/* _vec_softmax_backward / _vec_log_softmax_backward (dim not last). */
static LEVEL_ATTR void LEVEL_NAME(softmax_backward_inner)(const float *g, const float *y, float *gi, long outer,
                                                          long dim, long inner, int log) {
    long vec_cols = inner - inner % W;
    float *e = malloc(sizeof(float) * (dim > 0 ? dim : 1) * 2);
    if (!e) return;
    float *col = e + dim;
    for (long o = 0; o < outer; o++) {
        for (long j = 0; j < inner; j++) {
            long base = o * dim * inner + j;
            float s = 0.0f;
            if (log) {
                for (long d = 0; d < dim; d++) s = s + g[base + d * inner];
                for (long d = 0; d < dim; d++) col[d] = y[base + d * inner];
                if (j < vec_cols) VEXP(col, e, dim); else for (long d = 0; d < dim; d++) e[d] = expf(col[d]);
                for (long d = 0; d < dim; d++) gi[base + d * inner] = FMA(-e[d], s, g[base + d * inner]);
            } else {
                for (long d = 0; d < dim; d++) s = FMA(g[base + d * inner], y[base + d * inner], s);
                for (long d = 0; d < dim; d++) gi[base + d * inner] = y[base + d * inner] * (g[base + d * inner] - s);
            }
        }
    }
    free(e);
}

#undef BLOCK
#undef LEVEL_NAME
#undef LEVEL_ATTR
#undef W
#undef FMA
#undef VEXP
#undef VLOG
#undef VLOG1P
#undef VEXPM1
#undef VTANH
#undef VSIGMOID
#undef VSILU
#undef LANE_TREE
