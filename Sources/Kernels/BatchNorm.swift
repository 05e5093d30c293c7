import CFastMath

// Batch normalisation over contiguous N×C×S arrays, as ATen's CPU kernels compute it
// (aten/src/ATen/native/cpu/batch_norm_kernel.cpp and Normalization.cpp): the statistics as
// sequential sums in Double per channel, the output as x·alpha + beta, and the backward's sums as
// `vec::reduce_all` takes them — per plane over vector lanes (the width of the CPU level PyTorch
// picks), folded as that level's horizontal reduction, then added in Double — so results match
// PyTorch's bit for bit on each CPU.

/// Per channel: the mean and the sum of squared deviations (`batch_norm_cpu_collect_stats_contiguous_impl`).
@_specialize(exported: true, where T == Float)
@_specialize(exported: true, where T == Double)
public func batchNormStats<T: KernelFloat>(_ x: UnsafePointer<T>, batch: Int, channels: Int, spatial: Int,
                                           mean: UnsafeMutablePointer<T>, varSum: UnsafeMutablePointer<T>) {
    let count = Double(batch * spatial)
    parallelFor(count: channels) { range in
        for c in range {
            var sum = 0.0
            for n in 0..<batch {
                let p = x + (n * channels + c) * spatial
                for i in 0..<spatial { sum += Double(p[i]) }
            }
            let m = T(sum / count)
            mean[c] = m
            var squares = 0.0
            for n in 0..<batch {
                let p = x + (n * channels + c) * spatial
                for i in 0..<spatial {
                    let d = p[i] - m
                    squares += Double(d * d)
                }
            }
            varSum[c] = T(squares)
        }
    }
}

/// ATen registers its batch-norm kernels with `REGISTER_DISPATCH`, which leaves the AVX-512 slot
/// empty: an AVX-512 CPU runs the AVX2 build.
var batchNormCapability: KernelCapability { kernelCapability == .avx512 ? .avx2 : kernelCapability }

/// Whether PyTorch's kernels at the CPU level in use fuse `a * b + c` into one rounding: its AVX2
/// and AVX-512 builds are compiled with FMA and GCC contracts the vector expressions; the
/// DEFAULT build has no FMA.
public var kernelsFuseMultiplyAdd: Bool { kernelCapability != .default }

/// The per-channel terms of the output, `alpha = invstd · weight`, `beta = bias − mean · alpha`
/// (`batch_norm_cpu_collect_linear_and_constant_terms`, compiled per CPU level: fused there).
@_specialize(exported: true, where T == Float)
@_specialize(exported: true, where T == Double)
public func batchNormTerms<T: KernelFloat>(mean: T, invstd: T, weight: T, bias: T) -> (alpha: T, beta: T) {
    let alpha = invstd * weight
    return (alpha, kernelsFuseMultiplyAdd ? bias.addingProduct(-mean, alpha) : bias - mean * alpha)
}

/// y = x · alpha[c] + beta[c] (`batch_norm_cpu_contiguous_impl`), fused at the vector levels.
@_specialize(exported: true, where T == Float)
@_specialize(exported: true, where T == Double)
public func batchNormApply<T: KernelFloat>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, batch: Int, channels: Int, spatial: Int,
                                           alpha: UnsafePointer<T>, beta: UnsafePointer<T>) {
    let fused = kernelsFuseMultiplyAdd
    parallelFor(count: batch * channels, minChunk: max(1, 16_384 / max(spatial, 1))) { range in
        for plane in range {
            let a = alpha[plane % channels], b = beta[plane % channels]
            let p = x + plane * spatial, q = y + plane * spatial
            if fused, T.self == Float.self {
                // The C loop compiles `fmaf` to the instruction (Swift's addingProduct calls libm here).
                nnsh_bn_apply_fma_f32(UnsafeRawPointer(p).assumingMemoryBound(to: Float.self), UnsafeMutableRawPointer(q).assumingMemoryBound(to: Float.self),
                                      spatial, Float(a), Float(b))
            } else if fused { for i in 0..<spatial { q[i] = b.addingProduct(p[i], a) } }
            else { for i in 0..<spatial { q[i] = p[i] * a + b } }
        }
    }
}

/// The lane width and the horizontal fold of `Vectorized<float>` at a CPU level (8 lanes folded
/// in order at DEFAULT, 8 lanes as a tree at AVX2, 16 as a tree at AVX-512); doubles have half
/// the lanes, folded in order.
struct LaneFold {
    let width: Int
    let tree: Bool

    init<T: KernelFloat>(_: T.Type, _ level: KernelCapability) {
        let floatLanes = level == .avx512 ? 16 : 8
        width = T.self == Float.self ? floatLanes : floatLanes / 2
        // ATen specialises the SIMD fold for float only; doubles fold lane after lane.
        tree = level != .default && T.self == Float.self
    }

    /// `vec_reduce_all(op, acc)`: the SIMD fold (a tree of halvings) or, at DEFAULT, lane after lane.
    func fold<T: KernelFloat>(_ lanes: UnsafeMutablePointer<T>) -> T {
        if !tree { return sequential(lanes, width) }
        var span = width / 2
        while span >= 1 {
            for i in 0..<span { lanes[i] = lanes[i] + lanes[i + span] }
            span /= 2
        }
        return lanes[0]
    }

    /// The generic `vec_reduce_all(op, acc, size)`: lane 0 plus each of the next `size - 1` lanes in turn.
    func sequential<T: KernelFloat>(_ lanes: UnsafeMutablePointer<T>, _ size: Int) -> T {
        var acc = lanes[0]
        for i in 1..<max(size, 1) { acc = acc + lanes[i] }
        return acc
    }

    /// `vec::reduce_all(+, a, size)`: lane sums over the whole vectors and the tail, then the fold.
    func reduce<T: KernelFloat>(_ count: Int, _ lanes: UnsafeMutablePointer<T>, _ value: (Int) -> T) -> T {
        reduceProducts(count, lanes, fusedTail: false, { value($0) }, { _ in 1 })
    }

    /// `vec::map2_reduce_all((a, b) -> a·b, +, ...)`: the whole vectors accumulate with a separate
    /// multiply and add, the partial last vector with a fused multiply-add at the FMA levels
    /// (`fusedTail`; GCC contracts only that `Vec::set(acc, acc + a * b)`); below one vector's width
    /// the products are summed lane after lane.
    func reduceProducts<T: KernelFloat>(_ count: Int, _ lanes: UnsafeMutablePointer<T>, fusedTail: Bool,
                                        _ a: (Int) -> T, _ b: (Int) -> T) -> T {
        if count < width {
            for i in 0..<width { lanes[i] = i < count ? a(i) * b(i) : 0 }
            return sequential(lanes, count)
        }
        for i in 0..<width { lanes[i] = a(i) * b(i) }
        var d = width
        let whole = count - count % width
        while d < whole {
            for i in 0..<width { lanes[i] = lanes[i] + a(d + i) * b(d + i) }
            d += width
        }
        if count - d > 0 {
            if fusedTail { for i in 0..<(count - d) { lanes[i] = lanes[i].addingProduct(a(d + i), b(d + i)) } }
            else { for i in 0..<(count - d) { lanes[i] = lanes[i] + a(d + i) * b(d + i) } }
        }
        return fold(lanes)
    }
}

/// The backward of batch normalisation (`batch_norm_cpu_backward_contiguous_impl`): per channel the
/// sum of dy and of (x − mean)·dy, then dx, dweight and dbias. `dx` may be nil (not needed).
/// `mean` and `invstd` are the saved statistics in training, or the running mean and
/// 1/√(running_var + eps) in evaluation.
@_specialize(exported: true, where T == Float)
@_specialize(exported: true, where T == Double)
public func batchNormBackward<T: KernelFloat>(x: UnsafePointer<T>, dy: UnsafePointer<T>, dx: UnsafeMutablePointer<T>?,
                                              batch: Int, channels: Int, spatial: Int, weight: UnsafePointer<T>?,
                                              mean: UnsafePointer<T>, invstd: UnsafePointer<T>, training: Bool,
                                              dweight: UnsafeMutablePointer<T>, dbias: UnsafeMutablePointer<T>) {
    let fold = LaneFold(T.self, batchNormCapability)
    let fused = kernelsFuseMultiplyAdd
    let floatAVX2 = T.self == Float.self && batchNormCapability == .avx2
    let n = batch * spatial
    let nT = T(n)
    parallelFor(count: channels) { range in
        let lanes = UnsafeMutablePointer<T>.allocate(capacity: fold.width)
        defer { lanes.deallocate() }
        for c in range {
            let w = weight?[c] ?? 1
            let m = mean[c], s = invstd[c]
            var sum = 0.0, dotp = 0.0
            for b in 0..<batch {
                let xp = x + (b * channels + c) * spatial, gp = dy + (b * channels + c) * spatial
                if floatAVX2 {
                    let xf = UnsafeRawPointer(xp).assumingMemoryBound(to: Float.self), gf = UnsafeRawPointer(gp).assumingMemoryBound(to: Float.self)
                    sum += Double(nnsh_bn_sum_avx2_f32(gf, spatial))
                    dotp += Double(nnsh_bn_dot_avx2_f32(xf, gf, spatial, Float(m)))
                } else {
                    sum += Double(fold.reduce(spatial, lanes) { gp[$0] })
                    dotp += Double(fold.reduceProducts(spatial, lanes, fusedTail: fused, { xp[$0] - m }, { gp[$0] }))
                }
            }
            if let dx {
                if training {
                    let k = T(dotp) * s * s / nT
                    let gradMean = T(sum / Double(n))
                    for b in 0..<batch {
                        let o = (b * channels + c) * spatial
                        let xp = x + o, gp = dy + o, out = dx + o
                        // dy − grad_mean − (x − mean)·k, the product fused into the subtraction at the FMA levels.
                        if fused, T.self == Float.self {
                            nnsh_bn_dx_fma_f32(UnsafeRawPointer(xp).assumingMemoryBound(to: Float.self), UnsafeRawPointer(gp).assumingMemoryBound(to: Float.self),
                                               UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self), spatial,
                                               Float(m), Float(k), Float(gradMean), Float(s), Float(w))
                        } else if fused {
                            for i in 0..<spatial { out[i] = (gp[i] - gradMean).addingProduct(-(xp[i] - m), k) * s * w }
                        } else {
                            for i in 0..<spatial { out[i] = (gp[i] - gradMean - (xp[i] - m) * k) * s * w }
                        }
                    }
                } else {
                    for b in 0..<batch {
                        let o = (b * channels + c) * spatial
                        let gp = dy + o, out = dx + o
                        for i in 0..<spatial { out[i] = gp[i] * s * w }
                    }
                }
            }
            dweight[c] = T(dotp * Double(s))
            dbias[c] = T(sum)
        }
    }
}

// MARK: One value per channel and sample (2-D input, or 1×1 planes)

// ATen takes its channels-last kernels when the channel stride is 1 (`batch_norm_use_channels_last_kernels`),
// which an (N, C) input and an N×C×1×1 one are: rows of C, summed by thread into float buffers (one
// per thread, the rows split as `at::parallel_for` splits them), then across threads in Double.

/// The row range thread `t` of `threads` takes (`at::parallel_for`'s OpenMP split).
func threadRows(_ t: Int, _ threads: Int, _ rows: Int) -> Range<Int> {
    let chunk = (rows + threads - 1) / threads
    let begin = t * chunk
    return begin < rows ? begin..<min(rows, begin + chunk) : rows..<rows
}

/// `batch_norm_cpu_collect_stats_channels_last_impl` over `rows` rows of `channels` values.
@_specialize(exported: true, where T == Float)
@_specialize(exported: true, where T == Double)
public func batchNormStatsRows<T: KernelFloat>(_ x: UnsafePointer<T>, rows: Int, channels: Int,
                                               mean: UnsafeMutablePointer<T>, varSum: UnsafeMutablePointer<T>) {
    let threads = kernelThreadCount, fused = kernelsFuseMultiplyAdd
    guard rows > threads else {
        for c in 0..<channels {
            var sum = 0.0
            for r in 0..<rows { sum += Double(x[r * channels + c]) }
            let m = T(sum / Double(rows))
            mean[c] = m
            var squares = 0.0
            for r in 0..<rows { let d = x[r * channels + c] - m; squares += Double(d * d) }
            varSum[c] = T(squares)
        }
        return
    }
    var buffer = [T](repeating: 0, count: threads * channels)
    for t in 0..<threads {
        for r in threadRows(t, threads, rows) {
            for c in 0..<channels { buffer[t * channels + c] = x[r * channels + c] + buffer[t * channels + c] }
        }
    }
    for c in 0..<channels {
        var sum = 0.0
        for t in 0..<threads { sum += Double(buffer[t * channels + c]) }
        mean[c] = T(sum / Double(rows))
    }
    for i in buffer.indices { buffer[i] = 0 }
    for t in 0..<threads {
        for r in threadRows(t, threads, rows) {
            for c in 0..<channels {
                let d = x[r * channels + c] - mean[c], y = buffer[t * channels + c]
                buffer[t * channels + c] = fused ? y.addingProduct(d, d) : y + d * d
            }
        }
    }
    for c in 0..<channels {
        var squares = 0.0
        for t in 0..<threads { squares += Double(buffer[t * channels + c]) }
        varSum[c] = T(squares)
    }
}

/// `batch_norm_cpu_backward_channels_last_impl`: the sums per thread in float, then in Double and
/// stored back as float; dx, dweight and dbias from those float sums.
@_specialize(exported: true, where T == Float)
@_specialize(exported: true, where T == Double)
public func batchNormBackwardRows<T: KernelFloat>(x: UnsafePointer<T>, dy: UnsafePointer<T>, dx: UnsafeMutablePointer<T>?,
                                                  rows: Int, channels: Int, weight: UnsafePointer<T>?,
                                                  mean: UnsafePointer<T>, invstd: UnsafePointer<T>, training: Bool,
                                                  dweight: UnsafeMutablePointer<T>, dbias: UnsafeMutablePointer<T>) {
    let threads = kernelThreadCount, fused = kernelsFuseMultiplyAdd
    var sums = [T](repeating: 0, count: threads * channels), dots = sums
    for t in 0..<threads {
        for r in threadRows(t, threads, rows) {
            for c in 0..<channels {
                let i = t * channels + c, xv = x[r * channels + c], g = dy[r * channels + c]
                sums[i] = sums[i] + g
                dots[i] = fused ? dots[i].addingProduct(xv - mean[c], g) : dots[i] + (xv - mean[c]) * g
            }
        }
    }
    var sum = [T](repeating: 0, count: channels), dot = sum
    for c in 0..<channels {
        var s = 0.0, d = 0.0
        for t in 0..<threads { s += Double(sums[t * channels + c]) }
        for t in 0..<threads { d += Double(dots[t * channels + c]) }
        sum[c] = T(s); dot[c] = T(d)
    }
    let nT = T(rows)
    if let dx {
        for r in 0..<rows {
            for c in 0..<channels {
                let j = r * channels + c, s = invstd[c], w = weight?[c] ?? 1
                if training {
                    let k = dot[c] * s * s / nT
                    let gradMean = sum[c] / nT
                    let xm = x[j] - mean[c]
                    // Unlike the contiguous kernel's, this expression is not contracted.
                    dx[j] = (dy[j] - gradMean - xm * k) * s * w
                } else {
                    dx[j] = dy[j] * s * w
                }
            }
        }
    }
    for c in 0..<channels {
        dweight[c] = dot[c] * invstd[c]
        dbias[c] = sum[c]
    }
}
