// torch.nn.functional.pad over the last 1–3 dims: constant / reflect / replicate / circular.

public enum PadMode: Sendable, Hashable {
    case constant, reflect, replicate, circular
}

/// Input `[planes, inD, inH, inW]` (1-d/2-d callers use size-1 leading dims and zero pads there),
/// output `[planes, outD, outH, outW]` with `outX = inX + before + after`. Pads may be negative (cropping).
public struct PadGeometry: Sendable, Hashable {
    public var planes: Int
    public var inD: Int, inH: Int, inW: Int
    public var front: Int, back: Int, top: Int, bottom: Int, left: Int, right: Int

    @inlinable
    public init(planes: Int, input: (Int, Int, Int), front: Int = 0, back: Int = 0, top: Int = 0, bottom: Int = 0,
                left: Int = 0, right: Int = 0) {
        self.planes = planes
        (inD, inH, inW) = input
        self.front = front; self.back = back; self.top = top; self.bottom = bottom
        self.left = left; self.right = right
    }

    /// From torch's pad list order `(left, right, top, bottom, front, back)` (2, 4 or 6 entries).
    @inlinable
    public init(planes: Int, input: (Int, Int, Int), torchPads p: [Int]) {
        self.init(planes: planes, input: input,
                  front: p.count > 4 ? p[4] : 0, back: p.count > 5 ? p[5] : 0,
                  top: p.count > 2 ? p[2] : 0, bottom: p.count > 3 ? p[3] : 0,
                  left: p[0], right: p[1])
    }

    @inlinable public var outD: Int { inD + front + back }
    @inlinable public var outH: Int { inH + top + bottom }
    @inlinable public var outW: Int { inW + left + right }
    @inlinable public var inPlane: Int { inD * inH * inW }
    @inlinable public var outPlane: Int { outD * outH * outW }
}

/// Source index along one dim for output position `o`, or -1 (constant fill).
@inlinable @inline(__always)
func padSource(_ o: Int, _ before: Int, _ n: Int, _ mode: PadMode) -> Int {
    var i = o - before
    switch mode {
    case .constant:
        return i >= 0 && i < n ? i : -1
    case .reflect:
        if n == 1 { return 0 }
        let period = 2 * (n - 1)
        i %= period
        if i < 0 { i += period }
        return i < n ? i : period - i
    case .replicate:
        return min(max(i, 0), n - 1)
    case .circular:
        i %= n
        return i < 0 ? i + n : i
    }
}

@inlinable
func padTable(_ outCount: Int, _ before: Int, _ n: Int, _ mode: PadMode) -> [Int] {
    (0..<max(outCount, 0)).map { padSource($0, before, n, mode) }
}

/// Padding forward (overwrites `output`).
@inlinable
public func padForward<T: KernelFloat>(_ g: PadGeometry, mode: PadMode, value: T,
                                       input: UnsafePointer<T>, output: UnsafeMutablePointer<T>) {
    let (oD, oH, oW) = (g.outD, g.outH, g.outW)
    let (iH, iW) = (g.inH, g.inW)
    let inPlane = g.inPlane
    let td = padTable(oD, g.front, g.inD, mode)
    let th = padTable(oH, g.top, g.inH, mode)
    let tw = padTable(oW, g.left, g.inW, mode)
    // contiguous middle run along W: output [wLo, wHi) copies input [wLo-left, ...); a left pad
    // wider than the output (the right side crops the rest) leaves no run and no tail.
    let wLo = min(max(g.left, 0), oW), wHi = min(oW, g.left + iW)
    let rows = g.planes * oD * oH
    tw.withUnsafeBufferPointer { twp in
        let twp = twp.baseAddress!
        parallelFor(count: rows, minChunk: max(1, 16384 / max(oW, 1))) { range in
            for r in range {
                let oh = r % oH
                let t = r / oH
                let od = t % oD
                let p = t / oD
                let dst = output + r * oW
                let sd = td[od], sh = th[oh]
                if sd < 0 || sh < 0 {
                    dst.update(repeating: value, count: oW)
                    continue
                }
                let src = input + p * inPlane + (sd * iH + sh) * iW
                for ow in 0..<wLo {
                    let s = twp[ow]
                    dst[ow] = s < 0 ? value : src[s]
                }
                if wHi > wLo { (dst + wLo).update(from: src + (wLo - g.left), count: wHi - wLo) }
                for ow in max(wHi, wLo)..<oW {
                    let s = twp[ow]
                    dst[ow] = s < 0 ? value : src[s]
                }
            }
        }
    }
}

/// Padding backward, the adjoint of `padForward` (overwrites `gradInput`; mode constant ignores the fill value).
@inlinable
public func padBackward<T: KernelFloat>(_ g: PadGeometry, mode: PadMode,
                                        gradOutput: UnsafePointer<T>, gradInput: UnsafeMutablePointer<T>) {
    let (oD, oH, oW) = (g.outD, g.outH, g.outW)
    let (iH, iW) = (g.inH, g.inW)
    let inPlane = g.inPlane, outPlane = g.outPlane
    let td = padTable(oD, g.front, g.inD, mode)
    let th = padTable(oH, g.top, g.inH, mode)
    let tw = padTable(oW, g.left, g.inW, mode)
    tw.withUnsafeBufferPointer { twp in
        let twp = twp.baseAddress!
        parallelFor(count: g.planes, minChunk: max(1, 16384 / max(inPlane + outPlane, 1))) { range in
            for p in range {
                let gi = gradInput + p * inPlane
                gi.update(repeating: 0, count: inPlane)
                let go = gradOutput + p * outPlane
                for od in 0..<oD {
                    let sd = td[od]
                    if sd < 0 { continue }
                    for oh in 0..<oH {
                        let sh = th[oh]
                        if sh < 0 { continue }
                        let dst = gi + (sd * iH + sh) * iW
                        let src = go + (od * oH + oh) * oW
                        for ow in 0..<oW {
                            let s = twp[ow]
                            if s >= 0 { dst[s] += src[ow] }
                        }
                    }
                }
            }
        }
    }
}
