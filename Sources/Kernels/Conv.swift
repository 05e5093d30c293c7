// Convolution and transposed convolution (1-d/2-d/3-d as 3-d with size-1 leading dims), NCDHW.

/// Geometry of a convolution. Layouts: input `[batch, inChannels, inD, inH, inW]`,
/// output `[batch, outChannels, outD, outH, outW]`, weight `[outChannels, inChannels/groups, kD, kH, kW]`.
///
/// For a *transposed* convolution the same struct is used with the transposed layer's own
/// meaning: input `[batch, inChannels, inD, inH, inW]`, output `[batch, outChannels, outD, outH, outW]`
/// (outD etc. include output_padding), weight `[inChannels, outChannels/groups, kD, kH, kW]`;
/// `padding`, `stride`, `dilation` are the layer's. Use `ConvGeometry.transposed(...)` to build it.
public struct ConvGeometry: Sendable, Hashable {
    public var batch: Int
    public var inChannels: Int
    public var outChannels: Int
    public var groups: Int
    public var inD: Int, inH: Int, inW: Int
    public var kD: Int, kH: Int, kW: Int
    public var strideD: Int, strideH: Int, strideW: Int
    public var padD: Int, padH: Int, padW: Int
    public var dilD: Int, dilH: Int, dilW: Int
    public var outD: Int, outH: Int, outW: Int

    /// Convolution geometry; `output` defaults to the convolution output size.
    @inlinable
    public init(batch: Int, inChannels: Int, outChannels: Int, groups: Int = 1,
                input: (Int, Int, Int), kernel: (Int, Int, Int),
                stride: (Int, Int, Int) = (1, 1, 1), padding: (Int, Int, Int) = (0, 0, 0),
                dilation: (Int, Int, Int) = (1, 1, 1), output: (Int, Int, Int)? = nil) {
        self.batch = batch; self.inChannels = inChannels; self.outChannels = outChannels; self.groups = groups
        (inD, inH, inW) = input
        (kD, kH, kW) = kernel
        (strideD, strideH, strideW) = stride
        (padD, padH, padW) = padding
        (dilD, dilH, dilW) = dilation
        if let o = output {
            (outD, outH, outW) = o
        } else {
            outD = ConvGeometry.convOutputSize(input.0, kernel.0, stride.0, padding.0, dilation.0)
            outH = ConvGeometry.convOutputSize(input.1, kernel.1, stride.1, padding.1, dilation.1)
            outW = ConvGeometry.convOutputSize(input.2, kernel.2, stride.2, padding.2, dilation.2)
        }
    }

    /// Transposed-convolution geometry (`inChannels`/`outChannels` are the layer's C_in / C_out);
    /// output size `(in-1)*stride - 2*pad + dil*(k-1) + outputPadding + 1`.
    @inlinable
    public static func transposed(batch: Int, inChannels: Int, outChannels: Int, groups: Int = 1,
                                  input: (Int, Int, Int), kernel: (Int, Int, Int),
                                  stride: (Int, Int, Int) = (1, 1, 1), padding: (Int, Int, Int) = (0, 0, 0),
                                  outputPadding: (Int, Int, Int) = (0, 0, 0),
                                  dilation: (Int, Int, Int) = (1, 1, 1)) -> ConvGeometry {
        func o(_ i: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int, _ op: Int) -> Int {
            (i - 1) * s - 2 * p + d * (k - 1) + op + 1
        }
        return ConvGeometry(batch: batch, inChannels: inChannels, outChannels: outChannels, groups: groups,
                            input: input, kernel: kernel, stride: stride, padding: padding, dilation: dilation,
                            output: (o(input.0, kernel.0, stride.0, padding.0, dilation.0, outputPadding.0),
                                     o(input.1, kernel.1, stride.1, padding.1, dilation.1, outputPadding.1),
                                     o(input.2, kernel.2, stride.2, padding.2, dilation.2, outputPadding.2)))
    }

    /// `(in + 2*pad - dil*(k-1) - 1) / stride + 1`
    @inlinable
    public static func convOutputSize(_ i: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> Int {
        (i + 2 * p - d * (k - 1) - 1) / s + 1
    }

    @inlinable public var inPlane: Int { inD * inH * inW }
    @inlinable public var outPlane: Int { outD * outH * outW }
    @inlinable public var kernelVolume: Int { kD * kH * kW }

    /// The ordinary convolution whose backward-input is this transposed convolution's forward:
    /// channels and spatial sizes swapped, same kernel/stride/padding/dilation/groups, same weight buffer.
    @inlinable
    public var swapped: ConvGeometry {
        var g = self
        g.inChannels = outChannels; g.outChannels = inChannels
        (g.inD, g.inH, g.inW) = (outD, outH, outW)
        (g.outD, g.outH, g.outW) = (inD, inH, inW)
        return g
    }

    @inlinable
    var isPointwise: Bool {
        kD == 1 && kH == 1 && kW == 1 && strideD == 1 && strideH == 1 && strideW == 1
            && padD == 0 && padH == 0 && padW == 0
    }
}

// MARK: - vol2col / col2vol

/// Columns for channels `c0..<c0+cCount` of one image: row `((c*kD+kd)*kH+kh)*kW+kw`, column `(od*outH+oh)*outW+ow`.
@inlinable
func vol2col<T: KernelFloat>(_ g: ConvGeometry, image: UnsafePointer<T>, channels: Int,
                             col: UnsafeMutablePointer<T>) {
    let K = g.kernelVolume
    let L = g.outPlane
    let rows = channels * K
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    parallelFor(count: rows, minChunk: max(1, 16384 / max(L, 1))) { range in
        for r in range {
            let kw = r % g.kW
            var t = r / g.kW
            let kh = t % g.kH
            t /= g.kH
            let kd = t % g.kD
            let c = t / g.kD
            let src = image + c * g.inPlane
            let dst = col + r * L
            let offD = kd * g.dilD - g.padD
            let offH = kh * g.dilH - g.padH
            let offW = kw * g.dilW - g.padW
            let (wLo, wHi) = validRange(oW, sW, offW, iW)
            for od in 0..<oD {
                let id = od * sD + offD
                let dRow = dst + od * oH * oW
                if id < 0 || id >= iD {
                    dRow.update(repeating: 0, count: oH * oW)
                    continue
                }
                for oh in 0..<oH {
                    let ih = oh * sH + offH
                    let d = dRow + oh * oW
                    if ih < 0 || ih >= iH {
                        d.update(repeating: 0, count: oW)
                        continue
                    }
                    let s = src + (id * iH + ih) * iW
                    for ow in 0..<wLo { d[ow] = 0 }
                    if sW == 1 {
                        (d + wLo).update(from: s + (wLo &+ offW), count: wHi - wLo)
                    } else {
                        for ow in wLo..<wHi { d[ow] = s[ow &* sW &+ offW] }
                    }
                    for ow in wHi..<oW { d[ow] = 0 }
                }
            }
        }
    }
}

/// Adds columns (layout as `vol2col`) back into `image` (which is accumulated into, not cleared).
@inlinable
func col2vol<T: KernelFloat>(_ g: ConvGeometry, col: UnsafePointer<T>, channels: Int,
                             image: UnsafeMutablePointer<T>) {
    let K = g.kernelVolume
    let L = g.outPlane
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    parallelFor(count: channels, minChunk: max(1, 16384 / max(K * L, 1))) { range in
        for c in range {
            let dstImg = image + c * g.inPlane
            for kd in 0..<g.kD {
                let offD = kd * g.dilD - g.padD
                for kh in 0..<g.kH {
                    let offH = kh * g.dilH - g.padH
                    for kw in 0..<g.kW {
                        let offW = kw * g.dilW - g.padW
                        let r = ((c * g.kD + kd) * g.kH + kh) * g.kW + kw
                        let src = col + r * L
                        let (wLo, wHi) = validRange(oW, sW, offW, iW)
                        if wLo >= wHi { continue }
                        for od in 0..<oD {
                            let id = od * sD + offD
                            if id < 0 || id >= iD { continue }
                            for oh in 0..<oH {
                                let ih = oh * sH + offH
                                if ih < 0 || ih >= iH { continue }
                                let s = src + (od * oH + oh) * oW
                                let d = dstImg + (id * iH + ih) * iW
                                if sW == 1 {
                                    for ow in wLo..<wHi { d[ow &+ offW] += s[ow] }
                                } else {
                                    for ow in wLo..<wHi { d[ow &* sW &+ offW] += s[ow] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

// MARK: - Convolution forward

/// Convolution forward: `output = bias + conv(input, weight)` (cross-correlation, zero padding).
/// `bias` has `outChannels` entries or is nil.
@inlinable
public func convForward<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                        bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
    let og = g.outChannels / g.groups
    if og <= 2 && !g.isPointwise {
        convForwardDirect(g, input: input, weight: weight, bias: bias, output: output)
    } else {
        convForwardGEMM(g, input: input, weight: weight, bias: bias, output: output)
    }
}

/// Fills each output plane with its channel's bias (or zero).
@inlinable
func fillBias<T: KernelFloat>(_ out: UnsafeMutablePointer<T>, batch: Int, channels: Int, plane: Int,
                              bias: UnsafePointer<T>?) {
    parallelFor(count: batch * channels, minChunk: max(1, 32768 / max(plane, 1))) { range in
        for p in range {
            (out + p * plane).update(repeating: bias.map { $0[p % channels] } ?? 0, count: plane)
        }
    }
}

/// Direct convolution loops (no im2col): one output row at a time, accumulating contiguous
/// row segments. Wins when few output channels per group (depthwise, single output channel).
@inlinable
public func convForwardDirect<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                              bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (kD, kH, kW) = (g.kD, g.kH, g.kW)
    let sW = g.strideW
    let K = g.kernelVolume
    let inPlane = g.inPlane
    let rows = g.batch * O * oD * oH
    let work = max(1, cg * K * oW)
    // Per-kw valid output ranges and input offsets.
    var ranges = [Int](repeating: 0, count: 3 * kW)
    for kw in 0..<kW {
        let off = kw * g.dilW - g.padW
        let (lo, hi) = validRange(oW, sW, off, iW)
        ranges[3 * kw] = lo; ranges[3 * kw + 1] = hi; ranges[3 * kw + 2] = off
    }
    ranges.withUnsafeBufferPointer { rp in
        let rp = rp.baseAddress!
        parallelFor(count: rows, minChunk: max(1, 8192 / work)) { range in
            for r in range {
                if KernelInterrupt.requested { return }
                let oh = r % oH
                var t = r / oH
                let od = t % oD
                t /= oD
                let o = t % O
                let n = t / O
                let grp = o / og
                let outRow = output + r * oW
                outRow.update(repeating: bias.map { $0[o] } ?? 0, count: oW)
                for ci in 0..<cg {
                    let inImg = input + (n * C + grp * cg + ci) * inPlane
                    let wk = weight + (o * cg + ci) * K
                    for kd in 0..<kD {
                        let id = od * g.strideD + kd * g.dilD - g.padD
                        if id < 0 || id >= iD { continue }
                        for kh in 0..<kH {
                            let ih = oh * g.strideH + kh * g.dilH - g.padH
                            if ih < 0 || ih >= iH { continue }
                            let inRow = inImg + (id * iH + ih) * iW
                            let wr = wk + (kd * kH + kh) * kW
                            for kw in 0..<kW {
                                let w = wr[kw]
                                let lo = rp[3 * kw], hi = rp[3 * kw + 1], off = rp[3 * kw + 2]
                                if sW == 1 {
                                    let s = inRow + off
                                    for ow in lo..<hi { outRow[ow] += w * s[ow] }
                                } else {
                                    for ow in lo..<hi { outRow[ow] += w * inRow[ow &* sW &+ off] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// im2col/vol2col + GEMM convolution (pointwise convolutions skip the im2col).
@inlinable
public func convForwardGEMM<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                            bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let K = g.kernelVolume
    let L = g.outPlane
    let inPlane = g.inPlane
    let beta: T = bias == nil ? 0 : 1
    if bias != nil { fillBias(output, batch: g.batch, channels: O, plane: L, bias: bias) }
    if g.isPointwise {
        for n in 0..<g.batch {
        if KernelInterrupt.requested { return }
            if KernelInterrupt.requested { return }
            for grp in 0..<g.groups {
                T.gemm(transA: false, transB: false, m: og, n: L, k: cg, alpha: 1,
                       a: weight + grp * og * cg, lda: cg,
                       b: input + (n * C + grp * cg) * inPlane, ldb: L,
                       beta: beta, c: output + (n * O + grp * og) * L, ldc: L)
            }
        }
        return
    }
    let col = UnsafeMutablePointer<T>.allocate(capacity: max(1, cg * K * L))
    defer { col.deallocate() }
    for n in 0..<g.batch {
        if KernelInterrupt.requested { return }
        for grp in 0..<g.groups {
            vol2col(g, image: input + (n * C + grp * cg) * inPlane, channels: cg, col: col)
            T.gemm(transA: false, transB: false, m: og, n: L, k: cg * K, alpha: 1,
                   a: weight + grp * og * cg * K, lda: cg * K,
                   b: col, ldb: L,
                   beta: beta, c: output + (n * O + grp * og) * L, ldc: L)
        }
    }
}

// MARK: - Convolution backward

/// Gradient wrt the convolution input: `gradInput = convᵀ(gradOutput, weight)` (overwritten).
@inlinable
public func convBackwardInput<T: KernelFloat>(_ g: ConvGeometry, gradOutput: UnsafePointer<T>,
                                              weight: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let K = g.kernelVolume
    let L = g.outPlane
    let inPlane = g.inPlane
    if g.isPointwise {
        for n in 0..<g.batch {
        if KernelInterrupt.requested { return }
            if KernelInterrupt.requested { return }
            for grp in 0..<g.groups {
                T.gemm(transA: true, transB: false, m: cg, n: L, k: og, alpha: 1,
                       a: weight + grp * og * cg, lda: cg,
                       b: gradOutput + (n * O + grp * og) * L, ldb: L,
                       beta: 0, c: gradInput + (n * C + grp * cg) * inPlane, ldc: L)
            }
        }
        return
    }
    fillBias(gradInput, batch: g.batch, channels: C, plane: inPlane, bias: nil)
    let col = UnsafeMutablePointer<T>.allocate(capacity: max(1, cg * K * L))
    defer { col.deallocate() }
    for n in 0..<g.batch {
        if KernelInterrupt.requested { return }
        for grp in 0..<g.groups {
            T.gemm(transA: true, transB: false, m: cg * K, n: L, k: og, alpha: 1,
                   a: weight + grp * og * cg * K, lda: cg * K,
                   b: gradOutput + (n * O + grp * og) * L, ldb: L,
                   beta: 0, c: col, ldc: L)
            col2vol(g, col: col, channels: cg, image: gradInput + (n * C + grp * cg) * inPlane)
        }
    }
}

/// Gradient wrt the convolution weight (overwritten), `[outChannels, inChannels/groups, kD, kH, kW]`.
@inlinable
public func convBackwardWeight<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>,
                                               gradOutput: UnsafePointer<T>, gradWeight: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let K = g.kernelVolume
    let L = g.outPlane
    let inPlane = g.inPlane
    gradWeight.update(repeating: 0, count: O * cg * K)
    let pointwise = g.isPointwise
    let col = pointwise ? nil : UnsafeMutablePointer<T>.allocate(capacity: max(1, cg * K * L))
    defer { col?.deallocate() }
    for n in 0..<g.batch {
        if KernelInterrupt.requested { return }
        for grp in 0..<g.groups {
            let img = input + (n * C + grp * cg) * inPlane
            let b: UnsafePointer<T>
            if let col {
                vol2col(g, image: img, channels: cg, col: col)
                b = UnsafePointer(col)
            } else {
                b = img
            }
            T.gemm(transA: false, transB: true, m: og, n: cg * K, k: L, alpha: 1,
                   a: gradOutput + (n * O + grp * og) * L, lda: L,
                   b: b, ldb: L,
                   beta: 1, c: gradWeight + grp * og * cg * K, ldc: cg * K)
        }
    }
}

/// Sum of `x[batch, channels, plane]` over batch and plane, per channel (overwrites `result[channels]`).
/// This is the bias gradient of (transposed) convolutions: `channelSum(gradOutput, batch: N, channels: O, plane: outPlane)`.
@inlinable
public func channelSum<T: KernelFloat>(_ x: UnsafePointer<T>, batch: Int, channels: Int, plane: Int,
                                       result: UnsafeMutablePointer<T>) {
    parallelFor(count: channels, minChunk: max(1, 65536 / max(batch * plane, 1))) { range in
        for c in range {
            var total: T = 0
            for n in 0..<batch {
                let p = x + (n * channels + c) * plane
                var a0: T = 0, a1: T = 0, a2: T = 0, a3: T = 0, a4: T = 0, a5: T = 0, a6: T = 0, a7: T = 0
                var i = 0
                while i + 8 <= plane {
                    a0 += p[i]; a1 += p[i + 1]; a2 += p[i + 2]; a3 += p[i + 3]
                    a4 += p[i + 4]; a5 += p[i + 5]; a6 += p[i + 6]; a7 += p[i + 7]
                    i += 8
                }
                while i < plane { a0 += p[i]; i += 1 }
                total += ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7))
            }
            result[c] = total
        }
    }
}

/// Gradient wrt the convolution bias: per output channel sum of gradOutput (overwrites `gradBias[outChannels]`).
@inlinable
public func convBackwardBias<T: KernelFloat>(_ g: ConvGeometry, gradOutput: UnsafePointer<T>,
                                             gradBias: UnsafeMutablePointer<T>) {
    channelSum(gradOutput, batch: g.batch, channels: g.outChannels, plane: g.outPlane, result: gradBias)
}

// MARK: - Transposed convolution (geometry as built by `ConvGeometry.transposed`)

/// Transposed convolution forward: `output = bias + convᵀ(input, weight)`, weight `[inChannels, outChannels/groups, k...]`.
@inlinable
public func convTransposeForward<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                                 bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
    convBackwardInput(g.swapped, gradOutput: input, weight: weight, gradInput: output)
    if let bias {
        let plane = g.outPlane, O = g.outChannels
        parallelFor(count: g.batch * O, minChunk: max(1, 32768 / max(plane, 1))) { range in
            for p in range {
                let b = bias[p % O]
                let o = output + p * plane
                for i in 0..<plane { o[i] += b }
            }
        }
    }
}

/// Transposed convolution gradient wrt its input: the ordinary convolution of gradOutput with the weight.
@inlinable
public func convTransposeBackwardInput<T: KernelFloat>(_ g: ConvGeometry, gradOutput: UnsafePointer<T>,
                                                       weight: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>) {
    convForward(g.swapped, input: gradOutput, weight: weight, bias: nil, output: gradInput)
}

/// Transposed convolution gradient wrt its weight `[inChannels, outChannels/groups, k...]` (overwritten).
@inlinable
public func convTransposeBackwardWeight<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>,
                                                        gradOutput: UnsafePointer<T>, gradWeight: UnsafeMutablePointer<T>) {
    convBackwardWeight(g.swapped, input: gradOutput, gradOutput: input, gradWeight: gradWeight)
}

/// Transposed convolution gradient wrt its bias `[outChannels]` (overwritten).
@inlinable
public func convTransposeBackwardBias<T: KernelFloat>(_ g: ConvGeometry, gradOutput: UnsafePointer<T>,
                                                      gradBias: UnsafeMutablePointer<T>) {
    channelSum(gradOutput, batch: g.batch, channels: g.outChannels, plane: g.outPlane, result: gradBias)
}
