import Testing
import Kernels

@Suite struct ConvTests {
    static let cases = 150

    @Test func convForwardMatchesReferenceAllPaths() {
        var rng = Rng(1)
        var checked = 0
        for i in 0..<Self.cases {
            let g = randomConvGeometry(&rng, dims: i % 3 + 1, pointwise: i % 7 == 0)
            let cg = g.inChannels / g.groups
            let x = rng.array(g.batch * g.inChannels * g.inPlane)
            let w = rng.array(g.outChannels * cg * g.kernelVolume)
            let b: [Double]? = rng.bool() ? rng.array(g.outChannels) : nil
            let ref = refConv(g, x, w, b)
            let n = ref.count
            let outs: [[Double]] = [
                produce(n) { o in withOptional(b) { bp in convForward(g, input: x, weight: w, bias: bp, output: o) } },
                produce(n) { o in withOptional(b) { bp in convForwardDirect(g, input: x, weight: w, bias: bp, output: o) } },
                produce(n) { o in withOptional(b) { bp in convForwardGEMM(g, input: x, weight: w, bias: bp, output: o) } },
            ]
            for out in outs { #expect(maxAbsDiff(out, ref) < 1e-10, "\(g)") }
            // Float path
            let xf = x.map(Float.init), wf = w.map(Float.init), bf = b?.map(Float.init)
            let outF: [Float] = produce(n) { o in withOptional(bf) { bp in convForward(g, input: xf, weight: wf, bias: bp, output: o) } }
            #expect(maxAbsDiffF(outF, ref) < 1e-4, "\(g)")
            checked += 1
        }
        #expect(checked == Self.cases)
    }

    @Test func convBackwardAdjointAndBias() {
        var rng = Rng(2)
        for i in 0..<Self.cases {
            let g = randomConvGeometry(&rng, dims: i % 3 + 1, pointwise: i % 7 == 0)
            let cg = g.inChannels / g.groups
            let x = rng.array(g.batch * g.inChannels * g.inPlane)
            let w = rng.array(g.outChannels * cg * g.kernelVolume)
            let y = rng.array(g.batch * g.outChannels * g.outPlane)
            let fx = refConv(g, x, w, nil)
            let gx: [Double] = produce(x.count) { o in convBackwardInput(g, gradOutput: y, weight: w, gradInput: o) }
            let gw: [Double] = produce(w.count) { o in convBackwardWeight(g, input: x, gradOutput: y, gradWeight: o) }
            let lhs = dot(fx, y)
            #expect(abs(lhs - dot(x, gx)) < 1e-9 * max(1, abs(lhs)), "\(g)")
            #expect(abs(lhs - dot(w, gw)) < 1e-9 * max(1, abs(lhs)), "\(g)")
            // bias gradient = d<conv(x)+b, y>/db
            let gb: [Double] = produce(g.outChannels) { o in convBackwardBias(g, gradOutput: y, gradBias: o) }
            var rb = [Double](repeating: 0, count: g.outChannels)
            for n in 0..<g.batch { for o in 0..<g.outChannels { for s in 0..<g.outPlane {
                rb[o] += y[(n * g.outChannels + o) * g.outPlane + s]
            }}}
            #expect(maxAbsDiff(gb, rb) < 1e-10)
        }
    }

    @Test func convBackwardWeightFiniteDifference() {
        var rng = Rng(3)
        let g = ConvGeometry(batch: 2, inChannels: 4, outChannels: 6, groups: 2, input: (1, 5, 6),
                             kernel: (1, 3, 2), stride: (1, 2, 1), padding: (0, 1, 1), dilation: (1, 1, 2))
        let x = rng.array(g.batch * 4 * g.inPlane)
        var w = rng.array(6 * 2 * g.kernelVolume)
        let y = rng.array(g.batch * 6 * g.outPlane)
        let gw: [Double] = produce(w.count) { o in convBackwardWeight(g, input: x, gradOutput: y, gradWeight: o) }
        let h = 1e-6
        for j in stride(from: 0, to: w.count, by: 3) {
            let w0 = w[j]
            w[j] = w0 + h; let lp = dot(refConv(g, x, w, nil), y)
            w[j] = w0 - h; let lm = dot(refConv(g, x, w, nil), y)
            w[j] = w0
            #expect(abs((lp - lm) / (2 * h) - gw[j]) < 1e-6)
        }
    }

    @Test func convTransposeForwardMatchesReference() {
        var rng = Rng(4)
        for i in 0..<Self.cases {
            let dims = i % 3 + 1
            var g = randomConvGeometry(&rng, dims: dims, pointwise: i % 7 == 0)
            // Reinterpret as transposed conv: input = g's input; output padding < max(stride, dilation).
            var op = [0, 0, 0]
            let s = [g.strideD, g.strideH, g.strideW], d = [g.dilD, g.dilH, g.dilW]
            for a in (3 - dims)..<3 { op[a] = rng.int(0...(max(s[a], d[a]) - 1)) }
            g = ConvGeometry.transposed(batch: g.batch, inChannels: g.inChannels, outChannels: g.outChannels,
                                        groups: g.groups, input: (g.inD, g.inH, g.inW), kernel: (g.kD, g.kH, g.kW),
                                        stride: (g.strideD, g.strideH, g.strideW), padding: (g.padD, g.padH, g.padW),
                                        outputPadding: (op[0], op[1], op[2]), dilation: (g.dilD, g.dilH, g.dilW))
            if g.outD < 1 || g.outH < 1 || g.outW < 1 { continue }
            let og = g.outChannels / g.groups
            let x = rng.array(g.batch * g.inChannels * g.inPlane)
            let w = rng.array(g.inChannels * og * g.kernelVolume)
            let b: [Double]? = rng.bool() ? rng.array(g.outChannels) : nil
            let ref = refConvTranspose(g, x, w, b)
            let out: [Double] = produce(ref.count) { o in withOptional(b) { bp in convTransposeForward(g, input: x, weight: w, bias: bp, output: o) } }
            #expect(maxAbsDiff(out, ref) < 1e-10, "\(g)")
            let xf = x.map(Float.init), wf = w.map(Float.init), bf = b?.map(Float.init)
            let outF: [Float] = produce(ref.count) { o in withOptional(bf) { bp in convTransposeForward(g, input: xf, weight: wf, bias: bp, output: o) } }
            #expect(maxAbsDiffF(outF, ref) < 1e-4)

            // backward: adjoint identities
            let y = rng.array(ref.count)
            let fx = refConvTranspose(g, x, w, nil)
            let gx: [Double] = produce(x.count) { o in convTransposeBackwardInput(g, gradOutput: y, weight: w, gradInput: o) }
            let gw: [Double] = produce(w.count) { o in convTransposeBackwardWeight(g, input: x, gradOutput: y, gradWeight: o) }
            let lhs = dot(fx, y)
            #expect(abs(lhs - dot(x, gx)) < 1e-9 * max(1, abs(lhs)), "\(g)")
            #expect(abs(lhs - dot(w, gw)) < 1e-9 * max(1, abs(lhs)), "\(g)")
            if let b {
                let gb: [Double] = produce(g.outChannels) { o in convTransposeBackwardBias(g, gradOutput: y, gradBias: o) }
                // <f(x)+b, y> - <f(x), y> = <b, gb>
                #expect(abs(dot(ref, y) - lhs - dot(b, gb)) < 1e-9 * max(1, abs(lhs)))
            }
        }
    }

    @Test func largeConvUsesThreadsCorrectly() {
        // Big enough that parallel chunks and the GEMM/direct split are exercised.
        var rng = Rng(5)
        for (cIn, cOut, groups) in [(3, 1, 1), (8, 8, 8), (6, 10, 2)] {
            let g = ConvGeometry(batch: 2, inChannels: cIn, outChannels: cOut, groups: groups, input: (1, 40, 37),
                                 kernel: (1, 3, 3), stride: (1, 1, 2), padding: (0, 1, 1))
            let x = rng.array(g.batch * cIn * g.inPlane)
            let w = rng.array(cOut * (cIn / groups) * 9)
            let b = rng.array(cOut)
            let ref = refConv(g, x, w, b)
            let out: [Double] = produce(ref.count) { o in withOptional(b) { bp in convForward(g, input: x, weight: w, bias: bp, output: o) } }
            #expect(maxAbsDiff(out, ref) < 1e-10)
        }
    }

    /// Rows wide enough for the direct kernel's 16- and 8-column SIMD blocks, every border case
    /// (padding, dilation, wider kernels than the input): the values must be bit for bit the
    /// naive sum in the same order, so the SIMD columns and the scalar borders agree exactly.
    @Test func directConvWideRowsMatchInOrderSumExactly() {
        var rng = Rng(11)
        var checked = 0
        for width in [1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 31, 33, 40, 56] {
            for kW in 1...5 {
                let (dil, pad) = (rng.int(1...2), rng.int(0...3))
                let groups = rng.int(1...2), cg = rng.int(1...2)
                let g = ConvGeometry(batch: 1, inChannels: groups * cg, outChannels: groups * rng.int(1...2), groups: groups,
                                     input: (1, 3, width), kernel: (1, 2, kW), stride: (1, 1, rng.int(1...2)),
                                     padding: (0, 1, pad), dilation: (1, 1, dil))
                if g.outW < 1 || g.outH < 1 { continue }
                let x = rng.array(g.inChannels * g.inPlane).map(Float.init)
                let w = rng.array(g.outChannels * cg * g.kernelVolume).map(Float.init)
                let b: [Float]? = rng.bool() ? rng.array(g.outChannels).map(Float.init) : nil
                let ref = refConv(g, x, w, b)
                let out: [Float] = produce(ref.count) { o in withOptional(b) { bp in convForwardDirect(g, input: x, weight: w, bias: bp, output: o) } }
                #expect(out == ref, "\(g)")
                let refD = refConv(g, x.map(Double.init), w.map(Double.init), b?.map(Double.init))
                let outD: [Double] = produce(refD.count) { o in
                    withOptional(b?.map(Double.init)) { bp in convForwardDirect(g, input: x.map(Double.init), weight: w.map(Double.init), bias: bp, output: o) }
                }
                #expect(outD == refD, "\(g)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// The float32 row kernel (`convForwardRows`): bit for bit the fused multiply-add sum over (channel,
    /// kd, kh, kw), the padding's zeros included, then the bias, for widths around its 24- and 8-column
    /// blocks, 1–9 output channels per group (partial blocks of four), D/H strides, dilation and groups.
    @Test func rowKernelMatchesInOrderFusedSumExactly() {
        var rng = Rng(12)
        var checked = 0, routed = 0
        for width in [8, 9, 15, 16, 23, 24, 25, 31, 32, 33, 47, 48, 50] {
            for _ in 0..<10 {
                let groups = rng.int(1...2), cg = rng.int(1...3), og = rng.int(1...9)
                let g = ConvGeometry(batch: rng.int(1...2), inChannels: groups * cg, outChannels: groups * og, groups: groups,
                                     input: (rng.int(2...5), rng.int(2...5), width),
                                     kernel: (rng.int(1...3), rng.int(1...3), rng.int(1...3)),
                                     stride: (rng.int(1...2), rng.int(1...2), 1), padding: (rng.int(0...1), rng.int(0...1), rng.int(0...2)),
                                     dilation: (rng.int(1...2), rng.int(1...2), rng.int(1...2)))
                // Geometries the layers accept: the dilated kernel fits in the padded input.
                let fits = g.dilD * (g.kD - 1) < g.inD + 2 * g.padD && g.dilH * (g.kH - 1) < g.inH + 2 * g.padH
                if !fits || g.outD < 1 || g.outH < 1 || g.outW < 8 { continue }
                let x = rng.array(g.batch * g.inChannels * g.inPlane).map(Float.init)
                let w = rng.array(g.outChannels * cg * g.kernelVolume).map(Float.init)
                let b: [Float]? = rng.bool() ? rng.array(g.outChannels).map(Float.init) : nil
                let ref = refConvFused(g, x, w, b)
                let out: [Float] = produce(ref.count) { o in withOptional(b) { bp in convForwardRows(g, input: x, weight: w, bias: bp, output: o) } }
                let mismatches = zip(out, ref).filter { $0.0 != $0.1 }.count
                #expect(mismatches == 0, "\(g)")
                if g.usesRowKernel {
                    let viaForward: [Float] = produce(ref.count) { o in withOptional(b) { bp in convForward(g, input: x, weight: w, bias: bp, output: o) } }
                    let routedMismatches = zip(viaForward, ref).filter { $0.0 != $0.1 }.count
                    #expect(routedMismatches == 0, "\(g)")
                    routed += 1
                }
                checked += 1
            }
        }
        #expect(checked > 60 && (routed > 20 || !ConvGeometry.rowKernelAvailable), "\(checked) \(routed)")
        // The benchmark's layer (Conv3d(8, 16, 3, padding=1)) on 2×8×6×12×32, threads splitting rows.
        let g = ConvGeometry(batch: 2, inChannels: 8, outChannels: 16, input: (6, 12, 32), kernel: (3, 3, 3), padding: (1, 1, 1))
        #expect(g.usesRowKernel == ConvGeometry.rowKernelAvailable)
        let x = rng.array(g.batch * g.inChannels * g.inPlane).map(Float.init)
        let w = rng.array(g.outChannels * 8 * 27).map(Float.init), b = rng.array(16).map(Float.init)
        let out: [Float] = produce(g.batch * 16 * g.outPlane) { o in withOptional(b) { bp in convForwardRows(g, input: x, weight: w, bias: bp, output: o) } }
        let benchMismatches = zip(out, refConvFused(g, x, w, b)).filter { $0.0 != $0.1 }.count
        #expect(benchMismatches == 0)
    }

    @Test func geometryHelpers() {
        #expect(ConvGeometry.convOutputSize(50, 3, 2, 4, 1) == 28)
        let t = ConvGeometry.transposed(batch: 1, inChannels: 3, outChannels: 1, input: (1, 1, 512),
                                        kernel: (1, 1, 3), stride: (1, 1, 2))
        #expect(t.outW == 1025 && t.outD == 1)
        #expect(t.swapped.inW == 1025 && t.swapped.outW == 512 && t.swapped.inChannels == 1)
    }
}
