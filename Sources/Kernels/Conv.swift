// Convolution and transposed convolution (1-d/2-d/3-d as 3-d with size-1 leading dims), NCDHW.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

// MARK: - Convolution forward

/// Convolution forward: `output = bias + conv(input, weight)` (cross-correlation, zero padding).
/// `bias` has `outChannels` entries or is nil.
@inlinable
public func convForward<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                        bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
    let og = g.outChannels / g.groups
    if T.self == Float.self && g.usesRowKernel {
        convForwardRows(g, input: UnsafeRawPointer(input).assumingMemoryBound(to: Float.self),
                        weight: UnsafeRawPointer(weight).assumingMemoryBound(to: Float.self),
                        bias: bias.map { UnsafeRawPointer($0).assumingMemoryBound(to: Float.self) },
                        output: UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self))
    } else if og <= 2 && !g.isPointwise && directSkipsPaddingLikePyTorch(g, weight: weight) {
        convForwardDirect(g, input: input, weight: weight, bias: bias, output: output)
    } else {
        convForwardGEMM(g, input: input, weight: weight, bias: bias, output: output)
    }
}

/// Whether skipping the taps that fall in the zero padding (as `convForwardDirect` does) gives
/// PyTorch's values. It does for finite weights (the skipped terms are ±0). With an `inf` or `nan`
/// weight PyTorch's float32 depthwise kernel (`groups == C == O > 1`) skips them too, but its other
/// paths (float64, channel multipliers, `groups=1`) multiply the padding's zeros, so the border is
/// `nan`: those go through the GEMM path, whose zero-filled columns do the same.
@inlinable
func directSkipsPaddingLikePyTorch<T: KernelFloat>(_ g: ConvGeometry, weight: UnsafePointer<T>) -> Bool {
    if g.padD == 0 && g.padH == 0 && g.padW == 0 { return true }
    if T.self == Float.self && g.groups > 1 && g.inChannels == g.groups && g.outChannels == g.groups { return true }
    let count = g.outChannels * (g.inChannels / g.groups) * g.kernelVolume
    for i in 0..<count where !weight[i].isFinite { return false }
    return true
}

/// Direct convolution loops (no im2col): one output row at a time. Wins when few output channels
/// per group (depthwise, single output channel).
///
/// Each row first lists its taps (input row, weight) in summation order (channel, kd, kh, kw). With
/// stride 1 the columns where every tap is inside the input are computed several vectors at a time
/// over all taps (`KernelFloat.convTapsRange`; AVX2 C for Float), so the row is stored once instead
/// of once per tap; the border columns (and every column of a strided convolution) run the same sums
/// one by one. Every output element is `bias + Σ w·x` added in the same order on both paths, so the
/// result does not depend on which path computed it.
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
    // Per-kw valid output ranges and input offsets; [interiorLo, interiorHi) is valid for every kw.
    var ranges = [Int](repeating: 0, count: 3 * kW)
    var interiorLo = 0, interiorHi = oW
    for kw in 0..<kW {
        let off = kw * g.dilW - g.padW
        let (lo, hi) = validRange(oW, sW, off, iW)
        ranges[3 * kw] = lo; ranges[3 * kw + 1] = hi; ranges[3 * kw + 2] = off
        interiorLo = max(interiorLo, lo); interiorHi = min(interiorHi, hi)
    }
    if sW != 1 { interiorHi = interiorLo }   // the vector loop reads contiguous input columns
    let (vecLo, vecHi) = (interiorLo, max(interiorLo, interiorHi))
    ranges.withUnsafeBufferPointer { rp in
        let rp = rp.baseAddress!
        parallelFor(count: rows, minChunk: max(1, 8192 / work)) { range in
            // This row's taps: input row pointer (kw offset applied), weight, kw.
            let maxTaps = cg * K
            let tapRow = UnsafeMutablePointer<UnsafePointer<T>>.allocate(capacity: maxTaps)
            let tapW = UnsafeMutablePointer<T>.allocate(capacity: maxTaps)
            let tapKw = UnsafeMutablePointer<Int>.allocate(capacity: maxTaps)
            defer { tapRow.deallocate(); tapW.deallocate(); tapKw.deallocate() }
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
                let b0 = bias.map { $0[o] } ?? 0
                var taps = 0
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
                                tapRow[taps] = inRow + rp[3 * kw + 2]
                                tapW[taps] = wr[kw]
                                tapKw[taps] = kw
                                taps += 1
                            }
                        }
                    }
                }
                // Border (and, with stride > 1, all) columns: each tap only where it is in range.
                func scalarColumns(_ cols: Range<Int>) {
                    for ow in cols {
                        var acc = b0
                        for i in 0..<taps {
                            let kw = tapKw[i]
                            if ow >= rp[3 * kw] && ow < rp[3 * kw + 1] { acc += tapW[i] * tapRow[i][ow &* sW] }
                        }
                        outRow[ow] = acc
                    }
                }
                if vecHi - vecLo >= 8 {
                    scalarColumns(0..<vecLo)
                    T.convTapsRange(tapRow, tapW, count: taps, bias: b0, outRow, vecLo..<vecHi)
                    scalarColumns(vecHi..<oW)
                } else {
                    scalarColumns(0..<oW)
                }
            }
        }
    }
}

// MARK: - Chunked vol2col / col2vol (one thread each)

/// Target column-chunk size in elements (default 256K; `NNSH_CONV_CHUNK` overrides it, for tuning).
@usableFromInline
let convChunkElements: Int = {
    if let p = getenv("NNSH_CONV_CHUNK"), let v = Int(String(cString: p)), v > 0 { return v }
    return 1 << 18
}()

extension ConvGeometry {
    /// Output rows (over `outD * outH`) per spatial chunk of the GEMM convolutions: the column buffer
    /// of a chunk holds about 256K elements (cache-sized), at least 256 columns, at least one row.
    @inlinable
    public var chunkRows: Int {
        let q = outD * outH
        if q <= 0 { return 1 }
        let (re, o1) = (inChannels / max(groups, 1)).multipliedReportingOverflow(by: kernelVolume)
        let (rowElems, o2) = re.multipliedReportingOverflow(by: max(outW, 1))
        let byTarget = (o1 || o2) ? 1 : convChunkElements / max(rowElems, 1)
        return min(q, max(byTarget, (255 + outW) / max(outW, 1), 1))
    }

    @inlinable
    var chunkCount: Int {
        let q = outD * outH
        return q <= 0 ? 0 : (q + chunkRows - 1) / chunkRows
    }
}

/// Scratch elements (of the compute type) the GEMM convolution kernels may take for this geometry,
/// over all threads: one chunk column buffer per thread plus per-thread weight-gradient partials (or,
/// for `usesRowKernel` geometries, the row kernel's padded input if that is larger).
/// `Int.max` on overflow. Callers check it against their memory cap before calling the kernels.
public func convScratchElements(_ g: ConvGeometry) -> Int {
    let cg = g.inChannels / max(g.groups, 1)
    var total = 0
    for v in [cg, g.kernelVolume, g.chunkRows, max(g.outW, 1), kernelThreadCount] {
        let (r, o) = (total == 0 ? 1 : total).multipliedReportingOverflow(by: v)
        if o { return Int.max }
        total = r
    }
    let (w1, o1) = g.outChannels.multipliedReportingOverflow(by: cg)
    let (w2, o2) = w1.multipliedReportingOverflow(by: g.kernelVolume)
    let (w3, o3) = w2.multipliedReportingOverflow(by: kernelThreadCount)
    let (sum, o4) = total.addingReportingOverflow(w3)
    if o1 || o2 || o3 || o4 { return Int.max }
    return g.usesRowKernel ? max(sum, g.rowKernelScratchElements) : sum
}

/// Column row `r = ((c*kD+kd)*kH+kh)*kW+kw`: its channel and the input offset of its kernel tap in each
/// dim (dilation applied, padding removed). Shared by `vol2colRows` and its adjoint `col2volRows`.
@inlinable @inline(__always)
func columnRowOrigin(_ g: ConvGeometry, _ r: Int) -> (channel: Int, d: Int, h: Int, w: Int) {
    let kw = r % g.kW
    var t = r / g.kW
    let kh = t % g.kH
    t /= g.kH
    let kd = t % g.kD
    return (t / g.kD, kd * g.dilD - g.padD, kh * g.dilH - g.padH, kw * g.dilW - g.padW)
}

/// Columns for channels `0..<channels` of `image` and output rows `q0..<q1` (flattened `od * outH + oh`):
/// row `((c*kD+kd)*kH+kh)*kW+kw`, column `(q - q0) * outW + ow`, leading dimension `(q1 - q0) * outW`.
/// Rows are contiguous copies over W (zeros at the padded edges).
@inlinable
func vol2colRows<T: KernelFloat>(_ g: ConvGeometry, image: UnsafePointer<T>, channels: Int,
                                 _ q0: Int, _ q1: Int, col: UnsafeMutablePointer<T>) {
    let K = g.kernelVolume
    let (iD, iH, iW, oH, oW) = (g.inD, g.inH, g.inW, g.outH, g.outW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    let n = (q1 - q0) * oW
    let inPlane = g.inPlane
    for r in 0..<(channels * K) {
        let (c, offD, offH, offW) = columnRowOrigin(g, r)
        let src = image + c * inPlane
        var dst = col + r * n
        let (wLo, wHi) = validRange(oW, sW, offW, iW)
        var od = q0 / oH, oh = q0 % oH
        for _ in q0..<q1 {
            let id = od * sD + offD, ih = oh * sH + offH
            if id < 0 || id >= iD || ih < 0 || ih >= iH || wLo >= wHi {
                dst.update(repeating: 0, count: oW)
            } else {
                let s = src + (id * iH + ih) * iW
                if wLo > 0 { dst.update(repeating: 0, count: wLo) }
                if sW == 1 {
                    (dst + wLo).update(from: s + (wLo &+ offW), count: wHi - wLo)
                } else {
                    for ow in wLo..<wHi { dst[ow] = s[ow &* sW &+ offW] }
                }
                if wHi < oW { (dst + wHi).update(repeating: 0, count: oW - wHi) }
            }
            dst += oW
            oh += 1
            if oh == oH { oh = 0; od += 1 }
        }
    }
}

/// Adds chunk columns (layout as `vol2colRows`) back into `image` (accumulated into, not cleared).
@inlinable
func col2volRows<T: KernelFloat>(_ g: ConvGeometry, col: UnsafePointer<T>, channels: Int,
                                 _ q0: Int, _ q1: Int, image: UnsafeMutablePointer<T>) {
    let K = g.kernelVolume
    let (iD, iH, iW, oH, oW) = (g.inD, g.inH, g.inW, g.outH, g.outW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    let n = (q1 - q0) * oW
    let inPlane = g.inPlane
    for r in 0..<(channels * K) {
        let (c, offD, offH, offW) = columnRowOrigin(g, r)
        let dstImg = image + c * inPlane
        var src = col + r * n
        let (wLo, wHi) = validRange(oW, sW, offW, iW)
        if wLo >= wHi { continue }
        var od = q0 / oH, oh = q0 % oH
        for _ in q0..<q1 {
            let id = od * sD + offD, ih = oh * sH + offH
            if id >= 0 && id < iD && ih >= 0 && ih < iH {
                let d = dstImg + (id * iH + ih) * iW
                if sW == 1 {
                    let dd = d + offW
                    for ow in wLo..<wHi { dd[ow] += src[ow] }
                } else {
                    for ow in wLo..<wHi { d[ow &* sW &+ offW] += src[ow] }
                }
            }
            src += oW
            oh += 1
            if oh == oH { oh = 0; od += 1 }
        }
    }
}

/// im2col/vol2col + GEMM convolution (pointwise convolutions skip the im2col). Work items are
/// (batch item, group, spatial chunk); each thread runs its items with single-threaded GEMMs on a
/// cache-sized column chunk (see `forEachConvItem`).
@inlinable
public func convForwardGEMM<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                            bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let gk = cg * g.kernelVolume
    let L = g.outPlane, oW = g.outW
    let inPlane = g.inPlane
    let Q = g.outD * g.outH
    let rowsPer = g.chunkRows, chunks = g.chunkCount
    let beta: T = bias == nil ? 0 : 1
    let pointwise = g.isPointwise
    let colElems = pointwise ? 0 : gk * rowsPer * oW
    let groups = g.groups
    forEachConvItem(count: g.batch * groups * chunks, scratchBytes: colElems * MemoryLayout<T>.stride) { item, _, scratch in
        let chunk = item % chunks, ng = item / chunks
        let grp = ng % groups, n = ng / groups
        let q0 = chunk * rowsPer, q1 = min(Q, q0 + rowsPer), cols = (q1 - q0) * oW
        let img = input + (n * C + grp * cg) * inPlane
        let out = output + (n * O + grp * og) * L + q0 * oW
        if let bias {
            for o in 0..<og { (out + o * L).update(repeating: bias[grp * og + o], count: cols) }
        }
        if pointwise {
            T.gemm(transA: false, transB: false, m: og, n: cols, k: cg, alpha: 1,
                   a: weight + grp * og * cg, lda: cg, b: img + q0 * oW, ldb: L,
                   beta: beta, c: out, ldc: L)
        } else {
            let col = scratch.bindMemory(to: T.self, capacity: max(colElems, 1))
            vol2colRows(g, image: img, channels: cg, q0, q1, col: col)
            T.gemm(transA: false, transB: false, m: og, n: cols, k: gk, alpha: 1,
                   a: weight + grp * og * gk, lda: gk, b: col, ldb: cols,
                   beta: beta, c: out, ldc: L)
        }
    }
}

// MARK: - Convolution backward

/// Gradient wrt the convolution input: `gradInput = convᵀ(gradOutput, weight)` (overwritten).
/// Work items are (batch item, group), or channel halves of one image; each thread zeroes its image
/// slice, then per spatial chunk runs a GEMM into its column chunk and adds it back (col2vol).
@inlinable
public func convBackwardInput<T: KernelFloat>(_ g: ConvGeometry, gradOutput: UnsafePointer<T>,
                                              weight: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let K = g.kernelVolume
    let gk = cg * K
    let L = g.outPlane, oW = g.outW
    let inPlane = g.inPlane
    let Q = g.outD * g.outH
    let rowsPer = g.chunkRows, chunks = g.chunkCount
    let groups = g.groups
    if g.isPointwise {
        forEachConvItem(count: g.batch * groups * chunks, scratchBytes: 0) { item, _, _ in
            let chunk = item % chunks, ng = item / chunks
            let grp = ng % groups, n = ng / groups
            let q0 = chunk * rowsPer, q1 = min(Q, q0 + rowsPer), cols = (q1 - q0) * oW
            T.gemm(transA: true, transB: false, m: cg, n: cols, k: og, alpha: 1,
                   a: weight + grp * og * cg, lda: cg,
                   b: gradOutput + (n * O + grp * og) * L + q0 * oW, ldb: L,
                   beta: 0, c: gradInput + (n * C + grp * cg) * inPlane + q0 * oW, ldc: L)
        }
        return
    }
    let ng = g.batch * groups
    let splits = ng >= kernelThreadCount ? 1 : max(1, min(cg, kernelThreadCount))
    let colElems = gk * rowsPer * oW
    forEachConvItem(count: ng * splits, scratchBytes: colElems * MemoryLayout<T>.stride) { item, _, scratch in
        let s = item % splits, nGrp = item / splits
        let grp = nGrp % groups, n = nGrp / groups
        let c0 = cg * s / splits, c1 = cg * (s + 1) / splits
        let img = gradInput + (n * C + grp * cg + c0) * inPlane
        img.update(repeating: 0, count: (c1 - c0) * inPlane)
        let col = scratch.bindMemory(to: T.self, capacity: max(colElems, 1))
        for chunk in 0..<chunks {
            let q0 = chunk * rowsPer, q1 = min(Q, q0 + rowsPer), cols = (q1 - q0) * oW
            T.gemm(transA: true, transB: false, m: (c1 - c0) * K, n: cols, k: og, alpha: 1,
                   a: weight + grp * og * gk + c0 * K, lda: gk,
                   b: gradOutput + (n * O + grp * og) * L + q0 * oW, ldb: L,
                   beta: 0, c: col, ldc: cols)
            col2volRows(g, col: col, channels: c1 - c0, q0, q1, image: img)
        }
    }
}

/// Gradient wrt the convolution weight (overwritten), `[outChannels, inChannels/groups, kD, kH, kW]`.
/// Each thread accumulates its items' GEMMs (beta 1) into its own partial; the partials are summed.
@inlinable
public func convBackwardWeight<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>,
                                               gradOutput: UnsafePointer<T>, gradWeight: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let gk = cg * g.kernelVolume
    let L = g.outPlane, oW = g.outW
    let inPlane = g.inPlane
    let Q = g.outD * g.outH
    let rowsPer = g.chunkRows, chunks = g.chunkCount
    let groups = g.groups
    let wElems = O * gk
    gradWeight.update(repeating: 0, count: wElems)
    let items = g.batch * groups * chunks
    let threads = min(kernelThreadCount, items)
    let partials: UnsafeMutablePointer<T>? = threads > 1 ? .allocate(capacity: (threads - 1) * wElems) : nil
    partials?.update(repeating: 0, count: (threads - 1) * wElems)
    defer { partials?.deallocate() }
    let pointwise = g.isPointwise
    let colElems = pointwise ? 0 : gk * rowsPer * oW
    forEachConvItem(count: items, scratchBytes: colElems * MemoryLayout<T>.stride) { item, t, scratch in
        let chunk = item % chunks, nGrp = item / chunks
        let grp = nGrp % groups, n = nGrp / groups
        let q0 = chunk * rowsPer, q1 = min(Q, q0 + rowsPer), cols = (q1 - q0) * oW
        let acc = t == 0 ? gradWeight : partials! + (t - 1) * wElems
        let img = input + (n * C + grp * cg) * inPlane
        let b: UnsafePointer<T>, ldb: Int
        if pointwise {
            b = img + q0 * oW; ldb = L
        } else {
            let col = scratch.bindMemory(to: T.self, capacity: max(colElems, 1))
            vol2colRows(g, image: img, channels: cg, q0, q1, col: col)
            b = UnsafePointer(col); ldb = cols
        }
        T.gemm(transA: false, transB: true, m: og, n: gk, k: cols, alpha: 1,
               a: gradOutput + (n * O + grp * og) * L + q0 * oW, lda: L,
               b: b, ldb: ldb,
               beta: 1, c: acc + grp * og * gk, ldc: gk)
    }
    if let partials {
        for t in 0..<(threads - 1) {
            let p = partials + t * wElems
            for i in 0..<wElems { gradWeight[i] += p[i] }
        }
    }
}

/// Gradient wrt the convolution weight when every gradOutput element equals `value` (the expanded
/// gradient of `out.sum()`): `value * Σ_n Σ_l col_n[r, l]`, the same for every output channel of a group.
@inlinable
public func convBackwardWeightConstant<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>, value: T,
                                                       gradWeight: UnsafeMutablePointer<T>) {
    let C = g.inChannels
    let cg = C / g.groups, og = g.outChannels / g.groups
    let K = g.kernelVolume
    let gk = cg * K
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    let inPlane = g.inPlane
    let batch = g.batch
    // rows r = c * K + tap over all C channels; each row's sum is written to every output channel of its group.
    parallelFor(count: C * K, minChunk: max(1, 16384 / max(batch * g.outPlane, 1))) { range in
        for r in range {
            let kw = r % g.kW
            var t = r / g.kW
            let kh = t % g.kH
            t /= g.kH
            let kd = t % g.kD
            let c = t / g.kD
            let offD = kd * g.dilD - g.padD
            let offH = kh * g.dilH - g.padH
            let offW = kw * g.dilW - g.padW
            let (wLo, wHi) = validRange(oW, sW, offW, iW)
            var total: T = 0
            if wLo < wHi {
                for n in 0..<batch {
                    let src = input + (n * C + c) * inPlane
                    for od in 0..<oD {
                        let id = od * sD + offD
                        if id < 0 || id >= iD { continue }
                        for oh in 0..<oH {
                            let ih = oh * sH + offH
                            if ih < 0 || ih >= iH { continue }
                            let s = src + (id * iH + ih) * iW
                            var a0: T = 0, a1: T = 0, a2: T = 0, a3: T = 0
                            if sW == 1 {
                                let p = s + offW
                                var w = wLo
                                while w + 4 <= wHi { a0 += p[w]; a1 += p[w + 1]; a2 += p[w + 2]; a3 += p[w + 3]; w += 4 }
                                while w < wHi { a0 += p[w]; w += 1 }
                            } else {
                                for ow in wLo..<wHi { a0 += s[ow &* sW &+ offW] }
                            }
                            total += (a0 + a1) + (a2 + a3)
                        }
                    }
                }
            }
            let v = value * total
            let grp = c / cg, ci = c % cg
            for o in (grp * og)..<((grp + 1) * og) { gradWeight[o * gk + ci * K + (r % K)] = v }
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
    if g.outChannels / g.groups <= 2 && !g.isPointwise {
        convTransposeForwardDirect(g, input: input, weight: weight, output: output)
    } else {
        convBackwardInput(g.swapped, gradOutput: input, weight: weight, gradInput: output)
    }
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

/// Direct transposed convolution (no columns) for few output channels per group: one output row at a
/// time, scattering each contributing input row over it (the row stays in L1). Overwrites `output`.
@inlinable
public func convTransposeForwardDirect<T: KernelFloat>(_ g: ConvGeometry, input: UnsafePointer<T>,
                                                       weight: UnsafePointer<T>, output: UnsafeMutablePointer<T>) {
    let (C, O) = (g.inChannels, g.outChannels)
    let cg = C / g.groups, og = O / g.groups
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (kD, kH, kW) = (g.kD, g.kH, g.kW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    let K = g.kernelVolume
    let inPlane = g.inPlane
    // Per kw: input range [lo, hi) whose outputs iw*sW + off fall in 0..<oW, and off.
    var ranges = [Int](repeating: 0, count: 3 * kW)
    for kw in 0..<kW {
        let off = kw * g.dilW - g.padW
        let lo = off >= 0 ? 0 : (-off + sW - 1) / sW
        let top = oW - 1 - off
        let hi = top < 0 ? 0 : min(iW, top / sW + 1)
        ranges[3 * kw] = min(lo, hi); ranges[3 * kw + 1] = hi; ranges[3 * kw + 2] = off
    }
    let rows = g.batch * O * oD * oH
    ranges.withUnsafeBufferPointer { rp in
        let rp = rp.baseAddress!
        parallelFor(count: rows, minChunk: max(1, 8192 / max(1, cg * K * iW / max(sD * sH, 1)))) { range in
            for r in range {
                let oh = r % oH
                var t = r / oH
                let od = t % oD
                t /= oD
                let o = t % O
                let n = t / O
                let grp = o / og, oo = o % og
                let outRow = output + r * oW
                outRow.update(repeating: 0, count: oW)
                for kd in 0..<kD {
                    let pd = od + g.padD - kd * g.dilD
                    if pd < 0 || pd % sD != 0 { continue }
                    let id = pd / sD
                    if id >= iD { continue }
                    for kh in 0..<kH {
                        let ph = oh + g.padH - kh * g.dilH
                        if ph < 0 || ph % sH != 0 { continue }
                        let ih = ph / sH
                        if ih >= iH { continue }
                        for ci in 0..<cg {
                            let c = grp * cg + ci
                            let inRow = input + (n * C + c) * inPlane + (id * iH + ih) * iW
                            let wr = weight + ((c * og + oo) * kD + kd) * kH * kW + kh * kW
                            for kw in 0..<kW {
                                let w = wr[kw]
                                let lo = rp[3 * kw], hi = rp[3 * kw + 1], off = rp[3 * kw + 2]
                                if sW == 1 {
                                    let d = outRow + off
                                    for iw in lo..<hi { d[iw] += w * inRow[iw] }
                                } else {
                                    for iw in lo..<hi { outRow[iw &* sW &+ off] += w * inRow[iw] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
