import Testing
import Kernels

func randomPoolGeometry(_ rng: inout Rng, dims: Int, dilation: Bool) -> PoolGeometry {
    while true {
        var inp = [1, 1, 1], k = [1, 1, 1], s = [1, 1, 1], p = [0, 0, 0], d = [1, 1, 1]
        for a in (3 - dims)..<3 {
            inp[a] = rng.int(1...(dims == 3 ? 7 : 11))
            k[a] = rng.int(1...4); s[a] = rng.int(1...3)
            p[a] = rng.int(0...(k[a] / 2)) // PyTorch: pad <= kernel/2
            if dilation { d[a] = rng.int(1...2) }
        }
        let g = PoolGeometry(planes: rng.int(1...5), input: (inp[0], inp[1], inp[2]), kernel: (k[0], k[1], k[2]),
                             stride: (s[0], s[1], s[2]), padding: (p[0], p[1], p[2]), dilation: (d[0], d[1], d[2]),
                             ceilMode: rng.bool())
        if g.outD >= 1 && g.outH >= 1 && g.outW >= 1 { return g }
    }
}

/// PyTorch-semantics max pool reference: window in order d,h,w; NaN wins; strict > for ties.
func refMaxPool(_ g: PoolGeometry, _ x: [Double]) -> ([Double], [Int64]) {
    var out = [Double](), idx = [Int64]()
    for p in 0..<g.planes { for od in 0..<g.outD { for oh in 0..<g.outH { for ow in 0..<g.outW {
        var best = -Double.infinity
        // PyTorch's initial index: window start advanced past the padding by whole dilations
        func first(_ o: Int, _ s: Int, _ p: Int, _ d: Int) -> Int { var i = o * s - p; while i < 0 { i += d }; return i }
        var bestIdx = (first(od, g.strideD, g.padD, g.dilD) * g.inH + first(oh, g.strideH, g.padH, g.dilH)) * g.inW
            + first(ow, g.strideW, g.padW, g.dilW)
        for kd in 0..<g.kD { for kh in 0..<g.kH { for kw in 0..<g.kW {
            let id = od * g.strideD - g.padD + kd * g.dilD
            let ih = oh * g.strideH - g.padH + kh * g.dilH
            let iw = ow * g.strideW - g.padW + kw * g.dilW
            if id < 0 || id >= g.inD || ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW { continue }
            let j = (id * g.inH + ih) * g.inW + iw
            let v = x[p * g.inPlane + j]
            if v > best || v.isNaN { best = v; bestIdx = j }
        }}}
        out.append(best); idx.append(Int64(bestIdx))
    }}}}
    return (out, idx)
}

func refAvgPool(_ g: PoolGeometry, _ x: [Double], includePad: Bool, divisor: Int?) -> [Double] {
    var out = [Double]()
    for p in 0..<g.planes { for od in 0..<g.outD { for oh in 0..<g.outH { for ow in 0..<g.outW {
        var sum = 0.0, inside = 0, padded = 0
        for kd in 0..<g.kD { for kh in 0..<g.kH { for kw in 0..<g.kW {
            let id = od * g.strideD - g.padD + kd
            let ih = oh * g.strideH - g.padH + kh
            let iw = ow * g.strideW - g.padW + kw
            // positions within input+padding count for count_include_pad
            if id < g.inD + g.padD && ih < g.inH + g.padH && iw < g.inW + g.padW { padded += 1 }
            if id < 0 || id >= g.inD || ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW { continue }
            sum += x[p * g.inPlane + (id * g.inH + ih) * g.inW + iw]; inside += 1
        }}}
        if inside == 0 { out.append(0); continue }
        out.append(sum / Double(divisor ?? (includePad ? padded : inside)))
    }}}}
    return out
}

@Suite struct PoolTests {
    @Test func maxPoolForwardBackward() {
        var rng = Rng(10)
        for i in 0..<200 {
            let g = randomPoolGeometry(&rng, dims: i % 3 + 1, dilation: true)
            // small integers → many ties; occasional NaN and -inf
            var x = (0..<(g.planes * g.inPlane)).map { _ in Double(rng.int(-3...3)) }
            if i % 4 == 0 { for _ in 0..<2 { x[rng.int(0...(x.count - 1))] = .nan } }
            if i % 5 == 0 { x[rng.int(0...(x.count - 1))] = -.infinity }
            let (rv, ri) = refMaxPool(g, x)
            var idx = [Int64](repeating: -7, count: rv.count)
            let out: [Double] = produce(rv.count) { o in maxPoolForward(g, input: x, output: o, indices: &idx) }
            var same = true
            for j in 0..<rv.count where !(out[j] == rv[j] || (out[j].isNaN && rv[j].isNaN)) { same = false }
            #expect(same, "\(g)")
            #expect(idx == ri, "\(g)")
            let noIdx: [Double] = produce(rv.count) { o in maxPoolForward(g, input: x, output: o, indices: nil) }
            #expect(noIdx.elementsEqual(out) { $0 == $1 || ($0.isNaN && $1.isNaN) })
            let xf = x.map(Float.init)
            var idxF = [Int64](repeating: -7, count: rv.count)
            let _: [Float] = produce(rv.count) { o in maxPoolForward(g, input: xf, output: o, indices: &idxF) }
            #expect(idxF == ri)
            // backward: scatter-add
            let gy = rng.array(rv.count)
            var ref = [Double](repeating: 0, count: x.count)
            // windows with no input element (possible with dilation) keep PyTorch's out-of-plane index; backward skips them
            for j in 0..<gy.count where ri[j] < g.inPlane { ref[(j / g.outPlane) * g.inPlane + Int(ri[j])] += gy[j] }
            let gx: [Double] = produce(x.count) { o in maxPoolBackward(g, gradOutput: gy, indices: idx, gradInput: o) }
            #expect(maxAbsDiff(gx, ref) < 1e-12)
        }
    }

    @Test func avgPoolForwardBackward() {
        var rng = Rng(11)
        for i in 0..<240 {
            let g = randomPoolGeometry(&rng, dims: i % 3 + 1, dilation: false)
            let includePad = i % 2 == 0
            let divisor: Int? = i % 3 == 0 ? rng.int(1...7) : nil
            let x = rng.array(g.planes * g.inPlane)
            let ref = refAvgPool(g, x, includePad: includePad, divisor: divisor)
            let out: [Double] = produce(ref.count) { o in
                avgPoolForward(g, countIncludePad: includePad, divisorOverride: divisor, input: x, output: o)
            }
            #expect(maxAbsDiff(out, ref) < 1e-12, "\(g) \(includePad) \(String(describing: divisor))")
            let xf = x.map(Float.init)
            let outF: [Float] = produce(ref.count) { o in
                avgPoolForward(g, countIncludePad: includePad, divisorOverride: divisor, input: xf, output: o)
            }
            #expect(maxAbsDiffF(outF, ref) < 1e-5)
            let y = rng.array(ref.count)
            let gx: [Double] = produce(x.count) { o in
                avgPoolBackward(g, countIncludePad: includePad, divisorOverride: divisor, gradOutput: y, gradInput: o)
            }
            #expect(abs(dot(ref, y) - dot(x, gx)) < 1e-10, "\(g)")
        }
    }

    @Test func avgPoolCeilModeDivisorKnownValues() {
        // AvgPool1d(k=3, s=2, pad=1, ceil_mode=True) on [1,2,3,4,5,6]: torch gives
        // count_include_pad=True: [1.0, 3.0, 5.0, 3.0] (last window clipped to input+pad: 2 elements);
        // False: [1.5, 3.0, 5.0, 6.0]
        let g = PoolGeometry(planes: 1, input: (1, 1, 6), kernel: (1, 1, 3), stride: (1, 1, 2), padding: (0, 0, 1),
                             ceilMode: true)
        #expect(g.outW == 4)
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        let a: [Double] = produce(4) { avgPoolForward(g, countIncludePad: true, divisorOverride: nil, input: x, output: $0) }
        let b: [Double] = produce(4) { avgPoolForward(g, countIncludePad: false, divisorOverride: nil, input: x, output: $0) }
        #expect(a == [1.0, 3.0, 5.0, 3.0])
        #expect(b == [1.5, 3.0, 5.0, 6.0])
    }

    @Test func maxUnpoolAdjoint() {
        var rng = Rng(12)
        for _ in 0..<50 {
            let planes = rng.int(1...4), inPlane = rng.int(1...20), outPlane = inPlane + rng.int(0...20)
            var idx = [Int64]()
            for _ in 0..<planes {
                var perm = Array(0..<outPlane)
                for j in stride(from: outPlane - 1, to: 0, by: -1) { perm.swapAt(j, rng.int(0...j)) }
                idx += perm.prefix(inPlane).map(Int64.init)
            }
            let x = rng.array(planes * inPlane)
            let y: [Double] = produce(planes * outPlane) { o in
                maxUnpoolForward(planes: planes, inputPlane: inPlane, outputPlane: outPlane, input: x, indices: idx, output: o)
            }
            var ref = [Double](repeating: 0, count: planes * outPlane)
            for j in 0..<x.count { ref[(j / inPlane) * outPlane + Int(idx[j])] = x[j] }
            #expect(y == ref)
            let gy = rng.array(y.count)
            let gx: [Double] = produce(x.count) { o in
                maxUnpoolBackward(planes: planes, inputPlane: inPlane, outputPlane: outPlane, gradOutput: gy, indices: idx, gradInput: o)
            }
            #expect(abs(dot(y, gy) - dot(x, gx)) < 1e-12)
        }
    }
}

/// Independent reference for one-dim pad source index (PyTorch definitions).
func refPadIndex(_ o: Int, _ before: Int, _ n: Int, _ mode: PadMode) -> Int? {
    let i = o - before
    switch mode {
    case .constant: return (0..<n).contains(i) ? i : nil
    case .reflect: return i < 0 ? -i : (i >= n ? 2 * (n - 1) - i : i)
    case .replicate: return i < 0 ? 0 : (i >= n ? n - 1 : i)
    case .circular: return i < 0 ? i + n : (i >= n ? i - n : i)
    }
}

@Suite struct PadTests {
    @Test func padForwardBackward() {
        var rng = Rng(20)
        let modes: [PadMode] = [.constant, .reflect, .replicate, .circular]
        for i in 0..<240 {
            let mode = modes[i % 4]
            let dims = (i / 4) % 3 + 1
            var inp = [1, 1, 1], pads = [0, 0, 0, 0, 0, 0] // front, back, top, bottom, left, right
            for a in (3 - dims)..<3 {
                inp[a] = rng.int(1...6)
                let lim: Int
                switch mode {
                case .reflect: lim = inp[a] - 1
                case .circular: lim = inp[a]
                default: lim = 4
                }
                pads[2 * a] = rng.int(0...lim); pads[2 * a + 1] = rng.int(0...lim)
                if (mode == .constant || mode == .replicate) && rng.int(0...3) == 0 {
                    pads[2 * a] = -rng.int(0...(inp[a] - 1)) // cropping
                } else if mode == .constant && rng.int(0...3) == 0 {
                    // cropping from the far side, possibly more than the input (the output is then
                    // all fill, narrower than the near pad: found by the fuzzer)
                    pads[2 * a + 1] = -rng.int(0...(inp[a] + pads[2 * a] - 1))
                }
            }
            let g = PadGeometry(planes: rng.int(1...3), input: (inp[0], inp[1], inp[2]), front: pads[0], back: pads[1],
                                top: pads[2], bottom: pads[3], left: pads[4], right: pads[5])
            if g.outD < 1 || g.outH < 1 || g.outW < 1 { continue }
            let x = rng.array(g.planes * g.inPlane)
            var ref = [Double]()
            for p in 0..<g.planes { for od in 0..<g.outD { for oh in 0..<g.outH { for ow in 0..<g.outW {
                if let d = refPadIndex(od, g.front, g.inD, mode), let h = refPadIndex(oh, g.top, g.inH, mode),
                   let w = refPadIndex(ow, g.left, g.inW, mode) {
                    ref.append(x[p * g.inPlane + (d * g.inH + h) * g.inW + w])
                } else { ref.append(2.5) }
            }}}}
            let out: [Double] = produce(ref.count) { o in padForward(g, mode: mode, value: 2.5, input: x, output: o) }
            #expect(out == ref, "\(mode) \(g)")
            // adjoint (constant fill contributes nothing to the linear part)
            let y = rng.array(ref.count)
            let lin: [Double] = produce(ref.count) { o in padForward(g, mode: mode, value: 0, input: x, output: o) }
            let gx: [Double] = produce(x.count) { o in padBackward(g, mode: mode, gradOutput: y, gradInput: o) }
            #expect(abs(dot(lin, y) - dot(x, gx)) < 1e-10, "\(mode) \(g)")
        }
    }

    @Test func torchPadOrder() {
        let g = PadGeometry(planes: 1, input: (2, 3, 4), torchPads: [1, 2, 3, 4, 5, 6])
        #expect(g.left == 1 && g.right == 2 && g.top == 3 && g.bottom == 4 && g.front == 5 && g.back == 6)
        #expect(g.outW == 7 && g.outH == 10 && g.outD == 13)
    }
}
