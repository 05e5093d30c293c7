import Kernels

/// `F.batch_norm`: per-channel normalisation over the batch and spatial dims, one autograd node
/// (`NativeBatchNormBackward0`) for input, weight and bias, as ATen's `native_batch_norm`.
extension Functional {
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
                                 training: Bool, momentum: Double, eps: Double) throws -> Tensor {
        try requireFloat(input, "batch_norm")
        guard input.dim >= 2 else {
            throw TorchError.runtime("running_mean should contain \(input.dim == 1 ? input.shape[0] : 1) elements not \(runningMean?.numel ?? 0)")
        }
        let c = input.shape[1]
        for (name, t) in [("running_mean", runningMean), ("running_var", runningVar), ("weight", weight), ("bias", bias)] {
            if let t, t.numel != c { throw TorchError.runtime("\(name) should contain \(c) elements not \(t.numel)") }
        }
        let n = c == 0 ? 0 : input.numel / c
        if training && n <= 1 {
            throw TorchError.value("Expected more than 1 value per channel when training, got input size torch.Size([\(input.shape.map(String.init).joined(separator: ", "))])")
        }
        let batchStats = training || runningMean == nil || runningVar == nil
        let x = try input.detach().dense()
        let dtype = x.dtype
        let batch = input.shape[0], spatial = c == 0 || batch == 0 ? 0 : input.numel / (batch * c)
        let w = try weight.map { try $0.detach().dense(dtype) }, b = try bias.map { try $0.detach().dense(dtype) }
        let y = try Tensor.uninitialized(input.shape, dtype: dtype)  // every element is written by batchNormApply
        // The statistics the output and the backward use: the batch's (mean, 1/√(var + eps)) in
        // training, the running ones in evaluation (ATen's save_mean / save_invstd).
        let mean = try Tensor.zeros([c], dtype: dtype), invstd = try Tensor.zeros([c], dtype: dtype)
        func forward<T: KFloat>(_: T.Type) throws {
            let xp = ptr(x, T.self), mp = ptr(mean, T.self), sp = ptr(invstd, T.self)
            let alpha = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(c, 1)), beta = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(c, 1))
            defer { alpha.deallocate(); beta.deallocate() }
            if batchStats {
                let varSum = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(c, 1))
                defer { varSum.deallocate() }
                if spatial == 1 { batchNormStatsRows(xp, rows: batch, channels: c, mean: mp, varSum: varSum) }
                else { batchNormStats(xp, batch: batch, channels: c, spatial: spatial, mean: mp, varSum: varSum) }
                // batch_norm_cpu_update_stats_template: var = var_sum / n in the element type, the
                // inverse std in Double; the running averages with a momentum of the element type.
                let nT = T(n), m = T(momentum)
                var newMean = [Double](), newVar = [Double]()
                let rm = try runningMean.map { try $0.detach().dense(dtype) }, rv = try runningVar.map { try $0.detach().dense(dtype) }
                for ch in 0..<c {
                    let variance = Double(varSum[ch] / nT)
                    sp[ch] = variance != 0 || eps != 0 ? T(1 / (variance + eps).squareRoot()) : 0
                    if training, let rm, let rv {
                        newMean.append(Double(m * mp[ch] + (1 - m) * ptr(rm, T.self)[ch]))
                        let unbiased = Double(varSum[ch] / T(n - 1))
                        newVar.append(Double(m) * unbiased + Double((1 - m) * ptr(rv, T.self)[ch]))
                    }
                }
                if training, let runningMean, let runningVar, !newMean.isEmpty {
                    try runningMean.copy_(try Tensor.from(doubles: newMean, shape: [c], dtype: runningMean.dtype))
                    try runningVar.copy_(try Tensor.from(doubles: newVar, shape: [c], dtype: runningVar.dtype))
                }
                for ch in 0..<c {
                    (alpha[ch], beta[ch]) = batchNormTerms(mean: mp[ch], invstd: sp[ch], weight: w.map { ptr($0, T.self)[ch] } ?? 1,
                                                           bias: b.map { ptr($0, T.self)[ch] } ?? 0)
                }
            } else {
                let rm = try runningMean!.detach().dense(dtype), rv = try runningVar!.detach().dense(dtype)
                for ch in 0..<c {
                    mp[ch] = ptr(rm, T.self)[ch]
                    // The forward takes 1/√(var + eps) in the element type, the backward in Double.
                    let forwardInvstd = 1 / (ptr(rv, T.self)[ch] + T(eps)).squareRoot()
                    sp[ch] = T(1 / (Double(ptr(rv, T.self)[ch]) + eps).squareRoot())
                    (alpha[ch], beta[ch]) = batchNormTerms(mean: mp[ch], invstd: forwardInvstd, weight: w.map { ptr($0, T.self)[ch] } ?? 1,
                                                           bias: b.map { ptr($0, T.self)[ch] } ?? 0)
                }
            }
            batchNormApply(xp, ptr(y, T.self), batch: batch, channels: c, spatial: spatial, alpha: alpha, beta: beta)
        }
        if dtype == .float64 { try forward(Double.self) } else { try forward(Float.self) }
        let inputs = [input] + [weight, bias].compactMap { $0 }
        let hasWeight = weight != nil, hasBias = bias != nil
        return y.recording("NativeBatchNormBackward0", inputs) { g in
            let gd = try g.dense(dtype)
            let gx = try Tensor.uninitialized(input.shape, dtype: dtype)  // every element is written by the backward kernel
            let gw = try Tensor.zeros([c], dtype: dtype), gb = try Tensor.zeros([c], dtype: dtype)
            func backward<T: KFloat>(_: T.Type) {
                if spatial == 1 {
                    batchNormBackwardRows(x: ptr(x, T.self), dy: ptr(gd, T.self), dx: ptr(gx, T.self), rows: batch, channels: c,
                                          weight: w.map { ptr($0, T.self) }, mean: ptr(mean, T.self), invstd: ptr(invstd, T.self),
                                          training: batchStats, dweight: ptr(gw, T.self), dbias: ptr(gb, T.self))
                } else {
                    batchNormBackward(x: ptr(x, T.self), dy: ptr(gd, T.self), dx: ptr(gx, T.self), batch: batch, channels: c, spatial: spatial,
                                      weight: w.map { ptr($0, T.self) }, mean: ptr(mean, T.self), invstd: ptr(invstd, T.self),
                                      training: batchStats, dweight: ptr(gw, T.self), dbias: ptr(gb, T.self))
                }
            }
            if dtype == .float64 { backward(Double.self) } else { backward(Float.self) }
            var grads: [Tensor?] = [gx]
            if hasWeight { grads.append(gw) }
            if hasBias { grads.append(gb) }
            return grads
        }
    }
}

/// `F.layer_norm` and `F.group_norm`: normalisation over groups of contiguous elements (the last
/// dims of a row; a channel group of a sample) with ATen's output form
/// `(x * rstd + (-mean * rstd)) * gamma + beta`; the statistics are taken in Double.
extension Functional {
    public static func layerNorm(_ input: Tensor, normalizedShape: [Int], weight: Tensor?, bias: Tensor?, eps: Double) throws -> Tensor {
        try requireFloat(input, "LayerNormKernelImpl")
        let k = normalizedShape.count
        guard k >= 1, input.dim >= k, Array(input.shape.suffix(k)) == normalizedShape else {
            let expected = "[*, " + normalizedShape.map(String.init).joined(separator: ", ") + "]"
            throw TorchError.runtime("Given normalized_shape=\(normalizedShape), expected input with shape \(expected), but got input of size\(input.shape)")
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.shape != normalizedShape {
                throw TorchError.runtime("Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(t.shape) and normalized_shape = \(normalizedShape)")
            }
        }
        let inner = Shape.elementCount(normalizedShape[...])
        return try groupNormalize(input, groups: input.numel / Swift.max(inner, 1), groupSize: inner, affineIndex: { $0 % Swift.max(inner, 1) },
                                  affineShape: normalizedShape, weight: weight, bias: bias, eps: eps, node: "NativeLayerNormBackward0", kind: .layer)
    }

    public static func groupNorm(_ input: Tensor, numGroups: Int, weight: Tensor?, bias: Tensor?, eps: Double) throws -> Tensor {
        try requireFloat(input, "GroupNormKernelImpl")
        guard input.dim >= 2 else {
            throw TorchError.runtime("Expected at least 2 dimensions for input tensor but received \(input.dim)")
        }
        let n = input.shape[0], c = input.shape[1]
        guard numGroups > 0, c % numGroups == 0 else {
            throw TorchError.runtime("Expected number of channels in input to be divisible by num_groups, but got input of shape \(input.shape) and num_groups=\(numGroups)")
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.numel != c || t.dim != 1 {
                throw TorchError.runtime("Expected \(name) to be a vector of size equal to the number of channels in input, but got \(name) of shape \(t.shape) and input of shape \(input.shape)")
            }
        }
        let spatial = Shape.elementCount(input.shape.dropFirst(2)[...])
        let groupSize = c / numGroups * spatial
        return try groupNormalize(input, groups: n * numGroups, groupSize: groupSize, affineIndex: { ($0 / Swift.max(spatial, 1)) % c },
                                  affineShape: [c], weight: weight, bias: bias, eps: eps, node: "NativeGroupNormBackward0", kind: .group)
    }

    /// Which ATen kernel's arithmetic the forward follows.
    enum NormalizationKind {
        /// LayerNormKernelImplInternal: rstd = 1 / sqrt(var + eps) in T, then
        /// `(x − mean) · rstd · γ + β` with the last multiply-add fused where PyTorch's build fuses it.
        case layer
        /// GroupNormKernelImplInternal: rstd = 1 / sqrt(max(var, 0) + eps), per channel
        /// scale = rstd · γ and bias = −scale · mean + β, then `scale · x + bias`.
        case group
    }

    /// Normalises `groups` runs of `groupSize` contiguous elements; element `i` (flat) takes the
    /// affine parameters at `affineIndex(i)`. The statistics are ATen's RowwiseMoments; the
    /// backward is nnsh's own (in double), not yet ATen's order.
    private static func groupNormalize(_ input: Tensor, groups: Int, groupSize: Int, affineIndex: @escaping (Int) -> Int, affineShape: [Int],
                                       weight: Tensor?, bias: Tensor?, eps: Double, node: String, kind: NormalizationKind) throws -> Tensor {
        let x = try input.dense(), dtype = input.dtype
        let w = try weight?.dense(dtype), b = try bias?.dense(dtype)
        let y = try Tensor.zeros(input.shape, dtype: dtype)
        let xhat = try Tensor.zeros(input.shape, dtype: dtype)
        var rstds = [Double](repeating: 0, count: groups)
        func forward<T: KFloat>(_: T.Type) {
            let xp = ptr(x, T.self), yp = ptr(y, T.self), hp = ptr(xhat, T.self)
            let wp = w.map { ptr($0, T.self) }, bp = b.map { ptr($0, T.self) }
            let moments = RowwiseMoments<T>(), fused = kernelsFuseMultiplyAdd
            let affine = wp != nil || bp != nil
            for g in 0..<groups {
                let base = g * groupSize
                let (mean, variance) = moments(xp + base, groupSize)
                let rstd: T
                switch kind {
                case .layer: rstd = 1 / (variance + T(eps)).squareRoot()
                case .group: rstd = T(1 / (Double(Swift.max(variance, 0)) + eps).squareRoot())
                }
                rstds[g] = Double(rstd)
                for i in 0..<groupSize {
                    let j = base + i, a = affineIndex(j)
                    let gamma = wp?[a] ?? 1, beta = bp?[a] ?? 0
                    let centred = xp[j] - mean   // ATen's `x + bias` with bias = -mean: the same value
                    let h = centred * rstd
                    hp[j] = h
                    switch kind {
                    case .layer:
                        // `(x + bias) * scale * gamma + beta`, the last multiply-add fused. Without a
                        // weight GCC folds `* 1`, so the fused multiply is the one by `scale`.
                        if fused && wp == nil && bp != nil {
                            yp[j] = beta.addingProduct(centred, rstd)
                        } else {
                            yp[j] = fused ? beta.addingProduct(h, gamma) : h * gamma + beta
                        }
                    case .group:
                        if !affine { yp[j] = h; continue }
                        let scale = rstd * gamma
                        let shift = fused ? beta.addingProduct(-scale, mean) : -scale * mean + beta
                        yp[j] = fused ? shift.addingProduct(scale, xp[j]) : scale * xp[j] + shift
                    }
                }
            }
        }
        if dtype == .float64 { forward(Double.self) } else { forward(Float.self) }
        let inputs = [input] + [weight, bias].compactMap { $0 }
        let hasWeight = weight != nil, hasBias = bias != nil, count = x.numel
        return y.recording(node, inputs) { g in
            let gd = try g.dense(dtype)
            let gx = try Tensor.zeros(x.shape, dtype: dtype)
            let gw = try Tensor.zeros(affineShape, dtype: dtype), gb = try Tensor.zeros(affineShape, dtype: dtype)
            func backward<T: KFloat>(_: T.Type) {
                let gp = ptr(gd, T.self), hp = ptr(xhat, T.self), op = ptr(gx, T.self)
                let wp = w.map { ptr($0, T.self) }, gwp = ptr(gw, T.self), gbp = ptr(gb, T.self)
                for gi in 0..<groups {
                    let base = gi * groupSize
                    // dxhat = g * w; dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)).
                    var sum1 = 0.0, sum2 = 0.0
                    for i in 0..<groupSize {
                        let j = base + i
                        let d = Double(gp[j]) * Double(wp?[affineIndex(j)] ?? 1)
                        sum1 += d
                        sum2 += d * Double(hp[j])
                    }
                    let m = Double(Swift.max(groupSize, 1))
                    for i in 0..<groupSize {
                        let j = base + i
                        let d = Double(gp[j]) * Double(wp?[affineIndex(j)] ?? 1)
                        op[j] = T(rstds[gi] * (d - sum1 / m - Double(hp[j]) * sum2 / m))
                    }
                }
                if hasWeight || hasBias {
                    var sw = [Double](repeating: 0, count: gw.numel), sb = sw
                    for j in 0..<count {
                        let a = affineIndex(j)
                        sw[a] += Double(gp[j]) * Double(hp[j])
                        sb[a] += Double(gp[j])
                    }
                    for a in 0..<sw.count { gwp[a] = T(sw[a]); gbp[a] = T(sb[a]) }
                }
            }
            if dtype == .float64 { backward(Double.self) } else { backward(Float.self) }
            var grads: [Tensor?] = [gx]
            if hasWeight { grads.append(gw) }
            if hasBias { grads.append(gb) }
            return grads
        }
    }
}
