import Kernels
import Testing

/// Deterministic SplitMix64 generator.
struct Rng {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int {
        r.lowerBound + Int(next() % UInt64(r.upperBound - r.lowerBound + 1))
    }
    mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) * 2 - 1 }
    mutating func array(_ n: Int) -> [Double] { (0..<n).map { _ in double() } }
    mutating func bool() -> Bool { next() & 1 == 0 }
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
}

func maxAbsDiff(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    var m = 0.0
    for i in 0..<a.count { m = max(m, abs(a[i] - b[i])) }
    return m
}

func maxAbsDiffF(_ a: [Float], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    var m = 0.0
    for i in 0..<a.count { m = max(m, abs(Double(a[i]) - b[i])) }
    return m
}

/// Calls `body` with an output array of `count` elements (pre-filled with garbage to catch missed writes).
/// Kernels index raw pointers (unchecked in release builds), so `produce` puts a guard zone after
/// the output and fails the calling test if anything was written there.
func produce<T: KernelFloat>(_ count: Int, sourceLocation: SourceLocation = #_sourceLocation,
                             _ body: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    let sentinel = T(12345.0), guardCount = 64
    var out = [T](repeating: sentinel, count: count + guardCount)
    out.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    #expect(out[count...].allSatisfy { $0 == sentinel }, "kernel wrote past the end of its output",
            sourceLocation: sourceLocation)
    out.removeLast(guardCount)
    return out
}

/// Random conv geometry in 1, 2 or 3 spatial dims, with a valid (≥1) output size.
func randomConvGeometry(_ rng: inout Rng, dims: Int, pointwise: Bool = false) -> ConvGeometry {
    while true {
        let groups = rng.int(1...3)
        let cg = rng.int(1...3), og = rng.int(1...3)
        var inp = [1, 1, 1], k = [1, 1, 1], s = [1, 1, 1], p = [0, 0, 0], d = [1, 1, 1]
        for a in (3 - dims)..<3 {
            inp[a] = rng.int(1...(dims == 3 ? 6 : 9))
            if !pointwise {
                k[a] = rng.int(1...3); s[a] = rng.int(1...3); p[a] = rng.int(0...2); d[a] = rng.int(1...2)
            }
        }
        let g = ConvGeometry(batch: rng.int(1...2), inChannels: groups * cg, outChannels: groups * og, groups: groups,
                             input: (inp[0], inp[1], inp[2]), kernel: (k[0], k[1], k[2]), stride: (s[0], s[1], s[2]),
                             padding: (p[0], p[1], p[2]), dilation: (d[0], d[1], d[2]))
        if g.outD >= 1 && g.outH >= 1 && g.outW >= 1 { return g }
    }
}

/// Naive convolution reference: `bias + Σ w·x` summed in the order (channel, kd, kh, kw).
func refConv<T: KernelFloat>(_ g: ConvGeometry, _ x: [T], _ w: [T], _ b: [T]?) -> [T] {
    let cg = g.inChannels / g.groups, og = g.outChannels / g.groups
    var out = [T](repeating: 0, count: g.batch * g.outChannels * g.outPlane)
    for n in 0..<g.batch { for o in 0..<g.outChannels {
        let grp = o / og
        for od in 0..<g.outD { for oh in 0..<g.outH { for ow in 0..<g.outW {
            var s = b?[o] ?? 0
            for ci in 0..<cg { for kd in 0..<g.kD { for kh in 0..<g.kH { for kw in 0..<g.kW {
                let id = od * g.strideD - g.padD + kd * g.dilD
                let ih = oh * g.strideH - g.padH + kh * g.dilH
                let iw = ow * g.strideW - g.padW + kw * g.dilW
                if id < 0 || id >= g.inD || ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW { continue }
                let c = grp * cg + ci
                let xv = x[(((n * g.inChannels + c) * g.inD + id) * g.inH + ih) * g.inW + iw]
                let wv = w[(((o * cg + ci) * g.kD + kd) * g.kH + kh) * g.kW + kw]
                s += xv * wv
            }}}}
            out[(((n * g.outChannels + o) * g.outD + od) * g.outH + oh) * g.outW + ow] = s
        }}}
    }}
    return out
}

/// Reference for the float32 row kernel: `(Σ w·x) + bias`, the sum in the order (channel, kd, kh, kw)
/// with fused multiply-adds from +0, the padding's zeros multiplied like any input.
func refConvFused(_ g: ConvGeometry, _ x: [Float], _ w: [Float], _ b: [Float]?) -> [Float] {
    let cg = g.inChannels / g.groups, og = g.outChannels / g.groups
    var out = [Float](repeating: 0, count: g.batch * g.outChannels * g.outPlane)
    for n in 0..<g.batch { for o in 0..<g.outChannels {
        let grp = o / og
        for od in 0..<g.outD { for oh in 0..<g.outH { for ow in 0..<g.outW {
            var s: Float = 0
            for ci in 0..<cg { for kd in 0..<g.kD { for kh in 0..<g.kH { for kw in 0..<g.kW {
                let id = od * g.strideD - g.padD + kd * g.dilD
                let ih = oh * g.strideH - g.padH + kh * g.dilH
                let iw = ow * g.strideW - g.padW + kw * g.dilW
                let inside = id >= 0 && id < g.inD && ih >= 0 && ih < g.inH && iw >= 0 && iw < g.inW
                let xv = inside ? x[(((n * g.inChannels + grp * cg + ci) * g.inD + id) * g.inH + ih) * g.inW + iw] : 0
                s = s.addingProduct(w[(((o * cg + ci) * g.kD + kd) * g.kH + kh) * g.kW + kw], xv)
            }}}}
            out[(((n * g.outChannels + o) * g.outD + od) * g.outH + oh) * g.outW + ow] = s + (b?[o] ?? 0)
        }}}
    }}
    return out
}

/// Naive transposed convolution reference (scatter form), g as from `ConvGeometry.transposed`.
func refConvTranspose(_ g: ConvGeometry, _ x: [Double], _ w: [Double], _ b: [Double]?) -> [Double] {
    let cg = g.inChannels / g.groups, og = g.outChannels / g.groups
    var out = [Double](repeating: 0, count: g.batch * g.outChannels * g.outPlane)
    for n in 0..<g.batch { for o in 0..<g.outChannels {
        for i in 0..<g.outPlane { out[(n * g.outChannels + o) * g.outPlane + i] = b?[o] ?? 0 }
    }}
    for n in 0..<g.batch { for c in 0..<g.inChannels {
        let grp = c / cg
        for id in 0..<g.inD { for ih in 0..<g.inH { for iw in 0..<g.inW {
            let xv = x[(((n * g.inChannels + c) * g.inD + id) * g.inH + ih) * g.inW + iw]
            for oi in 0..<og { for kd in 0..<g.kD { for kh in 0..<g.kH { for kw in 0..<g.kW {
                let od = id * g.strideD - g.padD + kd * g.dilD
                let oh = ih * g.strideH - g.padH + kh * g.dilH
                let ow = iw * g.strideW - g.padW + kw * g.dilW
                if od < 0 || od >= g.outD || oh < 0 || oh >= g.outH || ow < 0 || ow >= g.outW { continue }
                let o = grp * og + oi
                let wv = w[(((c * og + oi) * g.kD + kd) * g.kH + kh) * g.kW + kw]
                out[(((n * g.outChannels + o) * g.outD + od) * g.outH + oh) * g.outW + ow] += xv * wv
            }}}}
        }}}
    }}
    return out
}

func withOptional<T, R>(_ a: [T]?, _ body: (UnsafePointer<T>?) -> R) -> R {
    if let a { return a.withUnsafeBufferPointer { body($0.baseAddress) } }
    return body(nil)
}
