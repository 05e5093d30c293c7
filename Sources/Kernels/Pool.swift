// Max / average pooling and max unpooling over `planes` (= N*C) contiguous D×H×W planes.

/// Geometry of a pooling op: input `[planes, inD, inH, inW]`, output `[planes, outD, outH, outW]`.
/// `output` is given by the caller (ceil_mode already applied); `outputSize` reproduces PyTorch's rule.
public struct PoolGeometry: Sendable, Hashable {
    public var planes: Int
    public var inD: Int, inH: Int, inW: Int
    public var kD: Int, kH: Int, kW: Int
    public var strideD: Int, strideH: Int, strideW: Int
    public var padD: Int, padH: Int, padW: Int
    public var dilD: Int, dilH: Int, dilW: Int
    public var outD: Int, outH: Int, outW: Int

    /// `output` defaults to PyTorch's pooling output size with `ceilMode`.
    @inlinable
    public init(planes: Int, input: (Int, Int, Int), kernel: (Int, Int, Int),
                stride: (Int, Int, Int), padding: (Int, Int, Int) = (0, 0, 0),
                dilation: (Int, Int, Int) = (1, 1, 1), ceilMode: Bool = false, output: (Int, Int, Int)? = nil) {
        self.planes = planes
        (inD, inH, inW) = input
        (kD, kH, kW) = kernel
        (strideD, strideH, strideW) = stride
        (padD, padH, padW) = padding
        (dilD, dilH, dilW) = dilation
        if let o = output {
            (outD, outH, outW) = o
        } else {
            outD = PoolGeometry.outputSize(input.0, kernel.0, stride.0, padding.0, dilation.0, ceilMode: ceilMode)
            outH = PoolGeometry.outputSize(input.1, kernel.1, stride.1, padding.1, dilation.1, ceilMode: ceilMode)
            outW = PoolGeometry.outputSize(input.2, kernel.2, stride.2, padding.2, dilation.2, ceilMode: ceilMode)
        }
    }

    /// PyTorch's `pooling_output_shape`.
    @inlinable
    public static func outputSize(_ i: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int, ceilMode: Bool) -> Int {
        let num = i + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)
        var o = (num >= 0 ? num / s : -((-num + s - 1) / s)) + 1
        if ceilMode && (o - 1) * s >= i + p { o -= 1 }
        return o
    }

    @inlinable public var inPlane: Int { inD * inH * inW }
    @inlinable public var outPlane: Int { outD * outH * outW }
}

/// Max pooling forward. Padding is implicit -inf. `indices` (optional) receive the flat index
/// `(d*inH + h)*inW + w` of the maximum within its input plane. NaN wins; first maximum wins ties.
@inlinable
public func maxPoolForward<T: KernelFloat>(_ g: PoolGeometry, input: UnsafePointer<T>, output: UnsafeMutablePointer<T>,
                                           indices: UnsafeMutablePointer<Int64>?) {
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (kD, kH, kW) = (g.kD, g.kH, g.kW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    let (dD, dH, dW) = (g.dilD, g.dilH, g.dilW)
    let rows = g.planes * oD * oH
    let inPlane = g.inPlane
    // Kernel sizes may be huge (ceil_mode keeps one output); this work estimate only tunes the split.
    parallelFor(count: rows, minChunk: max(1, 4096 / max(oW &* kD &* kH &* kW, 1))) { range in
        for r in range {
            let oh = r % oH
            let t = r / oH
            let od = t % oD
            let p = t / oD
            let src = input + p * inPlane
            let outRow = output + r * oW
            let idxRow = indices.map { $0 + r * oW }
            var d0 = od * sD - g.padD
            let d1 = min(d0 + (kD - 1) * dD + 1, iD)
            while d0 < 0 { d0 += dD }
            var h0 = oh * sH - g.padH
            let h1 = min(h0 + (kH - 1) * dH + 1, iH)
            while h0 < 0 { h0 += dH }
            if dD == 1 && dH == 1 && dW == 1 && d1 - d0 == 1 {
                // common case: unit dilation, one depth slice — plain window loops
                let planeOff = d0 * iH
                if kH == 2 && kW == 2 && sW == 2 && g.padW == 0 && h1 - h0 == 2 && 2 * oW <= iW {
                    // 2×2 windows, stride 2 along w, fully inside: four loads per output, same
                    // order and NaN/tie rules as the general loop (first maximum wins, NaN wins).
                    let b0 = (planeOff + h0) * iW, b1 = b0 + iW
                    let r0 = src + b0, r1 = src + b1
                    for ow in 0..<oW {
                        let c = 2 &* ow
                        var mv = r0[c], mi = b0 &+ c
                        var v = r0[c &+ 1]
                        if v > mv || v != v { mv = v; mi = b0 &+ c &+ 1 }
                        v = r1[c]
                        if v > mv || v != v { mv = v; mi = b1 &+ c }
                        v = r1[c &+ 1]
                        if v > mv || v != v { mv = v; mi = b1 &+ c &+ 1 }
                        outRow[ow] = mv
                        if let idxRow { idxRow[ow] = Int64(mi) }
                    }
                    continue
                }
                for ow in 0..<oW {
                    let ws = ow * sW - g.padW
                    let w0 = max(ws, 0), w1 = min(ws + kW, iW)
                    var maxIdx = (planeOff + h0) * iW + w0
                    var maxVal = -T.infinity
                    for ih in h0..<max(h0, h1) {
                        let base = (planeOff + ih) * iW
                        for iw in w0..<max(w0, w1) {
                            let v = src[base &+ iw]
                            if v > maxVal || v != v { maxVal = v; maxIdx = base &+ iw }
                        }
                    }
                    outRow[ow] = maxVal
                    if let idxRow { idxRow[ow] = Int64(maxIdx) }
                }
                continue
            }
            for ow in 0..<oW {
                var w0 = ow * sW - g.padW
                let w1 = min(w0 + (kW - 1) * dW + 1, iW)
                while w0 < 0 { w0 += dW }
                var maxIdx = (d0 * iH + h0) * iW + w0
                var maxVal = -T.infinity
                var id = d0
                while id < d1 {
                    var ih = h0
                    while ih < h1 {
                        let base = (id * iH + ih) * iW
                        var iw = w0
                        while iw < w1 {
                            let v = src[base + iw]
                            if v > maxVal || v.isNaN { maxVal = v; maxIdx = base + iw }
                            iw += dW
                        }
                        ih += dH
                    }
                    id += dD
                }
                outRow[ow] = maxVal
                idxRow?[ow] = Int64(maxIdx)
            }
        }
    }
}

/// Max pooling backward: `gradInput` (overwritten) gets `gradOutput` scatter-added at `indices`.
@inlinable
public func maxPoolBackward<T: KernelFloat>(_ g: PoolGeometry, gradOutput: UnsafePointer<T>, indices: UnsafePointer<Int64>,
                                            gradInput: UnsafeMutablePointer<T>) {
    let inPlane = g.inPlane, outPlane = g.outPlane
    parallelFor(count: g.planes, minChunk: max(1, 16384 / max(inPlane + outPlane, 1))) { range in
        for p in range {
            let gi = gradInput + p * inPlane
            gi.update(repeating: 0, count: inPlane)
            let go = gradOutput + p * outPlane
            let ix = indices + p * outPlane
            for i in 0..<outPlane {
                // a window holding no input element (dilation) reports an index past the plane: skip it
                let j = Int(ix[i])
                if UInt(bitPattern: j) < UInt(inPlane) { gi[j] += go[i] }
            }
        }
    }
}

/// Average pooling forward (zero padding), PyTorch's divisor rule: window clipped to `input+padding`
/// gives the padded pool size, clipped to the input gives the summed elements;
/// divisor = divisorOverride ?? (countIncludePad ? padded pool size : number of summed elements).
@inlinable
public func avgPoolForward<T: KernelFloat>(_ g: PoolGeometry, countIncludePad: Bool, divisorOverride: Int?,
                                           input: UnsafePointer<T>, output: UnsafeMutablePointer<T>) {
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (kD, kH, kW) = (g.kD, g.kH, g.kW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    let (pD, pH, pW) = (g.padD, g.padH, g.padW)
    let rows = g.planes * oD * oH
    let inPlane = g.inPlane
    // Kernel sizes may be huge (ceil_mode keeps one output); this work estimate only tunes the split.
    parallelFor(count: rows, minChunk: max(1, 4096 / max(oW &* kD &* kH &* kW, 1))) { range in
        for r in range {
            let oh = r % oH
            let t = r / oH
            let od = t % oD
            let p = t / oD
            let src = input + p * inPlane
            let outRow = output + r * oW
            var d0 = od * sD - pD
            var d1 = min(d0 + kD, iD + pD)
            var h0 = oh * sH - pH
            var h1 = min(h0 + kH, iH + pH)
            let dhPool = (d1 - d0) * (h1 - h0)
            d0 = max(d0, 0); h0 = max(h0, 0)
            d1 = min(d1, iD); h1 = min(h1, iH)
            for ow in 0..<oW {
                var w0 = ow * sW - pW
                var w1 = min(w0 + kW, iW + pW)
                let poolSize = dhPool * (w1 - w0)
                w0 = max(w0, 0); w1 = min(w1, iW)
                if d0 >= d1 || h0 >= h1 || w0 >= w1 { outRow[ow] = 0; continue }
                let divisor: Int
                if let divisorOverride { divisor = divisorOverride }
                else if countIncludePad { divisor = poolSize }
                else { divisor = (d1 - d0) * (h1 - h0) * (w1 - w0) }
                var sum: T = 0
                for id in d0..<d1 {
                    for ih in h0..<h1 {
                        let row = src + (id * iH + ih) * iW
                        for iw in w0..<w1 { sum += row[iw] }
                    }
                }
                outRow[ow] = sum / T(divisor)
            }
        }
    }
}

/// Average pooling backward: `gradInput` (overwritten) gets each `gradOutput / divisor` spread over its window.
@inlinable
public func avgPoolBackward<T: KernelFloat>(_ g: PoolGeometry, countIncludePad: Bool, divisorOverride: Int?,
                                            gradOutput: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>) {
    let (iD, iH, iW, oD, oH, oW) = (g.inD, g.inH, g.inW, g.outD, g.outH, g.outW)
    let (kD, kH, kW) = (g.kD, g.kH, g.kW)
    let (sD, sH, sW) = (g.strideD, g.strideH, g.strideW)
    let (pD, pH, pW) = (g.padD, g.padH, g.padW)
    let inPlane = g.inPlane, outPlane = g.outPlane
    parallelFor(count: g.planes, minChunk: max(1, 16384 / max(inPlane + outPlane, 1))) { range in
        for p in range {
            let gi = gradInput + p * inPlane
            gi.update(repeating: 0, count: inPlane)
            let go = gradOutput + p * outPlane
            for od in 0..<oD {
                let d0 = od * sD - pD
                let d1 = min(d0 + kD, iD + pD)
                for oh in 0..<oH {
                    var h0 = oh * sH - pH
                    var h1 = min(h0 + kH, iH + pH)
                    let dhPool = (d1 - d0) * (h1 - h0)
                    let dd0 = max(d0, 0), dd1 = min(d1, iD)
                    h0 = max(h0, 0); h1 = min(h1, iH)
                    for ow in 0..<oW {
                        var w0 = ow * sW - pW
                        var w1 = min(w0 + kW, iW + pW)
                        let poolSize = dhPool * (w1 - w0)
                        w0 = max(w0, 0); w1 = min(w1, iW)
                        if dd0 >= dd1 || h0 >= h1 || w0 >= w1 { continue }
                        let divisor: Int
                        if let divisorOverride { divisor = divisorOverride }
                        else if countIncludePad { divisor = poolSize }
                        else { divisor = (dd1 - dd0) * (h1 - h0) * (w1 - w0) }
                        let v = go[(od * oH + oh) * oW + ow] / T(divisor)
                        for id in dd0..<dd1 {
                            for ih in h0..<h1 {
                                let row = gi + (id * iH + ih) * iW
                                for iw in w0..<w1 { row[iw] += v }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Max unpooling forward: `output[planes, outputPlane]` zeroed, then `output[p][indices[p][i]] = input[p][i]`
/// (later elements win on duplicate indices, as in PyTorch's serial loop).
@inlinable
public func maxUnpoolForward<T: KernelFloat>(planes: Int, inputPlane: Int, outputPlane: Int, input: UnsafePointer<T>,
                                             indices: UnsafePointer<Int64>, output: UnsafeMutablePointer<T>) {
    parallelFor(count: planes, minChunk: max(1, 16384 / max(inputPlane + outputPlane, 1))) { range in
        for p in range {
            let o = output + p * outputPlane
            o.update(repeating: 0, count: outputPlane)
            let x = input + p * inputPlane
            let ix = indices + p * inputPlane
            for i in 0..<inputPlane { o[Int(ix[i])] = x[i] }
        }
    }
}

/// Max unpooling backward: `gradInput[p][i] = gradOutput[p][indices[p][i]]`.
@inlinable
public func maxUnpoolBackward<T: KernelFloat>(planes: Int, inputPlane: Int, outputPlane: Int, gradOutput: UnsafePointer<T>,
                                              indices: UnsafePointer<Int64>, gradInput: UnsafeMutablePointer<T>) {
    let total = planes * inputPlane
    parallelFor(count: total, minChunk: 32768) { range in
        for j in range {
            let p = j / inputPlane
            gradInput[j] = gradOutput[p * outputPlane + Int(indices[j])]
        }
    }
}
