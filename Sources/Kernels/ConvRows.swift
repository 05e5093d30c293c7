// Row-blocked direct convolution for float32: four output channels by 16 columns per step, over a
// zero-padded copy of the input (no column matrix).
import CFastMath
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Most output channels per group for the row kernel (default 48; `NNSH_CONV_ROWS` overrides it, for
/// tuning; 0 turns the row kernel off). 0 without AVX2+FMA, where its fused multiply-adds are library
/// calls and the GEMM path is faster.
@usableFromInline
let convRowKernelMaxChannels: Int = {
    if nnsh_has_vector_fma() == 0 { return 0 }
    if let p = getenv("NNSH_CONV_ROWS"), let v = Int(String(cString: p)), v >= 0 { return v }
    return 48
}()

extension ConvGeometry {
    /// Whether `convForward` may take the row kernel on this machine and settings.
    public static var rowKernelAvailable: Bool { convRowKernelMaxChannels >= 4 }

    /// Whether `convForward` takes `convForwardRows` for float32 data. The GEMM path copies every input
    /// value once per kernel tap into its column matrix (9 times for a 3×3 kernel, 27 for 3×3×3) and
    /// OpenBLAS packs it again, which costs more than the arithmetic when a group has few output
    /// channels; the row kernel reads the input in place. It needs stride 1 along W (it loads contiguous
    /// input columns), at least 8 output columns and 4 to 48 output channels per group (see
    /// `convRowKernelMaxChannels`). Measured
    /// (`nnsh-bench --cpu`, 2026-11-27): `conv3d_8to16` 12.9 → 5.6 ms, 16-channel 2-d convolutions
    /// 6.3–6.9 → 4.2–4.9 ms, the tutorial's 16→33 17 → 14 ms; with 64 output channels OpenBLAS's
    /// blocking wins (`conv2d_64to64` 26 vs 29 ms, `conv1d_64to64` 9.7 vs 10.4), so those keep the GEMM.
    /// The dilated kernel must fit in the padded input (the layers check it; the kernel reads no further).
    @inlinable
    public var usesRowKernel: Bool {
        let og = outChannels / max(groups, 1)
        return og >= 4 && og <= convRowKernelMaxChannels && strideW == 1 && outW >= 8 && outD > 0 && outH > 0 && !isPointwise
            && Self.kernelFits(kD, dilD, inD, padD) && Self.kernelFits(kH, dilH, inH, padH) && Self.kernelFits(kW, dilW, inW, padW)
    }

    /// `dilation * (kernel - 1) < input + 2 * padding`, false on overflow.
    @inlinable
    static func kernelFits(_ kernel: Int, _ dilation: Int, _ input: Int, _ padding: Int) -> Bool {
        let (span, o1) = dilation.multipliedReportingOverflow(by: kernel - 1)
        let (p2, o2) = padding.multipliedReportingOverflow(by: 2)
        let (extent, o3) = input.addingReportingOverflow(p2)
        return !(o1 || o2 || o3) && kernel >= 1 && span < extent
    }

    /// Scratch elements `convForwardRows` takes: the zero-padded input of one (batch item, group) and the
    /// weights packed in blocks of four output channels. `Int.max` on overflow.
    public var rowKernelScratchElements: Int {
        let cg = inChannels / max(groups, 1), og = outChannels / max(groups, 1)
        var padded = cg
        for (size, pad) in [(inD, padD), (inH, padH), (inW, padW)] {
            let (p2, o1) = pad.multipliedReportingOverflow(by: 2)
            let (extent, o2) = size.addingReportingOverflow(p2)
            let (r, o3) = padded.multipliedReportingOverflow(by: extent)
            if o1 || o2 || o3 { return Int.max }
            padded = r
        }
        let (w1, o4) = ((og + 3) / 4 * 4).multipliedReportingOverflow(by: cg)
        let (w2, o5) = w1.multipliedReportingOverflow(by: kernelVolume)
        let (w3, o6) = w2.multipliedReportingOverflow(by: groups)
        let (sum, o7) = padded.addingReportingOverflow(w3)
        return (o4 || o5 || o6 || o7) ? Int.max : sum
    }
}

/// Convolution forward for float32 geometries with `usesRowKernel`: `output = conv(input, weight) + bias`.
///
/// Per (batch item, group) the input is copied into a zero-padded buffer, so every kernel tap of an
/// output row is one contiguous input row at a fixed offset: the taps' offsets are computed once, and
/// `nnsh_conv_rows4_f32` sums them for four output channels at a time (the input vectors are loaded
/// once for the four). Each output element is the fused multiply-add sum over (channel, kd, kh, kw)
/// in that order, then the bias; the padding's zeros are multiplied like any input, so a non-finite
/// weight next to the border gives `nan` as the GEMM path does. Threads split the output rows.
public func convForwardRows(_ g: ConvGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                            bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>) {
    let (C, O, groups) = (g.inChannels, g.outChannels, g.groups)
    let cg = C / groups, og = O / groups
    let K = g.kernelVolume, taps = cg * K
    let (iD, iH, iW) = (g.inD, g.inH, g.inW)
    let (oD, oH, oW) = (g.outD, g.outH, g.outW)
    let (pD, pH, pW) = (iD + 2 * g.padD, iH + 2 * g.padH, iW + 2 * g.padW)
    let pPlane = pD * pH * pW, inPlane = g.inPlane, outPlane = g.outPlane
    let blocks = (og + 3) / 4

    // Offsets of the taps in the padded image, in summation order (channel, kd, kh, kw); weights as
    // [group][block of four output channels][tap][4] and biases as [group][block][4], the absent
    // channels of the last block 0. Plain buffers (like the padded image) keep the loops below flat.
    func zeroed<T: Numeric>(_ count: Int) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
        p.initialize(repeating: 0, count: max(count, 1))
        return p
    }
    let offs: UnsafeMutablePointer<Int> = zeroed(taps)
    let packed: UnsafeMutablePointer<Float> = zeroed(groups * blocks * taps * 4)
    let packedBias: UnsafeMutablePointer<Float> = zeroed(groups * blocks * 4)
    let padded: UnsafeMutablePointer<Float> = zeroed(cg * pPlane)
    defer { offs.deallocate(); packed.deallocate(); packedBias.deallocate(); padded.deallocate() }
    for c in 0..<cg {
        for kd in 0..<g.kD {
            for kh in 0..<g.kH {
                for kw in 0..<g.kW {
                    let t = ((c * g.kD + kd) * g.kH + kh) * g.kW + kw
                    offs[t] = c * pPlane + (kd * g.dilD * pH + kh * g.dilH) * pW + kw * g.dilW
                }
            }
        }
    }
    for grp in 0..<groups {
        for o in 0..<og {
            let src = weight + (grp * og + o) * taps
            let dst = (grp * blocks + o / 4) * taps * 4 + o % 4
            for t in 0..<taps { packed[dst + 4 * t] = src[t] }
            packedBias[(grp * blocks + o / 4) * 4 + o % 4] = bias?[grp * og + o] ?? 0
        }
    }
    let rows = blocks * oD * oH
    let flopsPerRow = taps * 4 * oW

    for n in 0..<g.batch {
        for grp in 0..<groups {
            if KernelInterrupt.requested { return }
            // The interior of the padded image; its border stays zero from the first fill.
            let image = input + (n * C + grp * cg) * inPlane
            parallelFor(count: cg * iD, minChunk: max(1, 16384 / max(iH * iW, 1))) { range in
                for cd in range {
                    let c = cd / iD, d = cd % iD
                    for h in 0..<iH {
                        let dst = padded + c * pPlane + ((d + g.padD) * pH + h + g.padH) * pW + g.padW
                        dst.update(from: image + (c * iD + d) * iH * iW + h * iW, count: iW)
                    }
                }
            }
            let outImage = output + (n * O + grp * og) * outPlane
            parallelFor(count: rows, minChunk: max(1, 65536 / max(flopsPerRow, 1))) { range in
                // Rows of the absent channels of the last block go to a scratch row.
                let spare = UnsafeMutablePointer<Float>.allocate(capacity: oW)
                let outRows = UnsafeMutablePointer<UnsafeMutablePointer<Float>?>.allocate(capacity: 4)
                defer { spare.deallocate(); outRows.deallocate() }
                for r in range {
                    if KernelInterrupt.requested { return }
                    let oh = r % oH, od = r / oH % oD, block = r / oH / oD
                    let base = padded + (od * g.strideD * pH + oh * g.strideH) * pW
                    let rowOffset = od * oH * oW + oh * oW
                    for j in 0..<4 {
                        let o = block * 4 + j
                        outRows[j] = o < og ? outImage + o * outPlane + rowOffset : spare
                    }
                    let packedBlock = grp * blocks + block
                    nnsh_conv_rows4_f32(base, offs, taps, packed + packedBlock * taps * 4,
                                        packedBias + packedBlock * 4, outRows, oW)
                }
            }
        }
    }
}
