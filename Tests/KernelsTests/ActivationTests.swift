import Testing
import Kernels
#if canImport(Glibc)
import Glibc
#endif
import Foundation

@Suite struct ActivationTests {
    static func sweep() -> [Float] {
        var xs: [Float] = [0, -0.0, 1e-8, -1e-8, 1e-3, -0.624, 0.626, 9, -9, 15, -15, 20, -20, 40, -40, 88, -88,
                           89, -89, 100, -100, 120, -120, .infinity, -.infinity, .nan, .leastNormalMagnitude]
        var x: Float = -30
        while x <= 30 { xs.append(x); x += 0.001373 }
        var rng = Rng(30)
        for _ in 0..<200_000 { xs.append(Float(rng.double() * 12)) } // large n: parallel path
        return xs
    }

    static func ulpDiff(_ a: Float, _ b: Double) -> Double {
        let bf = Float(b)
        if a.isNaN || bf.isNaN { return a.isNaN && bf.isNaN ? 0 : .infinity }
        if a == bf { return 0 }
        return abs(Double(a) - b) / Double(max(bf.ulp, Float.leastNormalMagnitude))
    }

    @Test func sigmoidFloatAccuracy() {
        let xs = Self.sweep()
        let y: [Float] = produce(xs.count) { activationForward(.sigmoid, xs, $0, count: xs.count) }
        var worst = 0.0
        for i in 0..<xs.count {
            let ref = 1 / (1 + exp(-Double(xs[i])))
            if ref < 1e-37 { #expect(abs(Double(y[i]) - ref) < 1e-37); continue } // subnormal tail
            worst = max(worst, Self.ulpDiff(y[i], ref))
        }
        #expect(worst <= 2.5, "sigmoid worst ulp \(worst)")
        #expect(y[xs.firstIndex { $0.isNaN }!].isNaN)
    }

    @Test func tanhFloatAccuracy() {
        let xs = Self.sweep()
        let y: [Float] = produce(xs.count) { activationForward(.tanh, xs, $0, count: xs.count) }
        var worst = 0.0
        for i in 0..<xs.count { worst = max(worst, Self.ulpDiff(y[i], tanh(Double(xs[i])))) }
        #expect(worst <= 2.0, "tanh worst ulp \(worst)")
        #expect(y[xs.firstIndex { $0.isNaN }!].isNaN)
    }

    @Test func doubleActivationsAndBackward() {
        var rng = Rng(31)
        let n = 100_003
        let x = (0..<n).map { _ in rng.double() * 10 }
        let g = rng.array(n)
        let sig: [Double] = produce(n) { activationForward(.sigmoid, x, $0, count: n) }
        let th: [Double] = produce(n) { activationForward(.tanh, x, $0, count: n) }
        let re: [Double] = produce(n) { reluForward(x, $0, count: n) }
        let lr: [Double] = produce(n) { leakyReluForward(x, $0, count: n, slope: 0.1) }
        #expect(maxAbsDiff(sig, x.map { 1 / (1 + exp(-$0)) }) < 1e-15)
        #expect(maxAbsDiff(th, x.map { tanh($0) }) < 1e-15)
        #expect(re == x.map { max($0, 0) })
        #expect(lr == x.map { $0 > 0 ? $0 : $0 * 0.1 })
        let sb: [Double] = produce(n) { activationBackward(.sigmoid, gradOutput: g, saved: sig, gradInput: $0, count: n) }
        let tb: [Double] = produce(n) { activationBackward(.tanh, gradOutput: g, saved: th, gradInput: $0, count: n) }
        let rb: [Double] = produce(n) { reluBackward(gradOutput: g, input: x, gradInput: $0, count: n) }
        let lb: [Double] = produce(n) { leakyReluBackward(gradOutput: g, input: x, gradInput: $0, count: n, slope: 0.1) }
        // finite differences of the forward formulas
        let h = 1e-6
        var worst = 0.0
        for i in stride(from: 0, to: n, by: 97) {
            let fd = { (f: (Double) -> Double) in (f(x[i] + h) - f(x[i] - h)) / (2 * h) * g[i] }
            worst = max(worst, abs(sb[i] - fd { 1 / (1 + exp(-$0)) }))
            worst = max(worst, abs(tb[i] - fd { tanh($0) }))
            if abs(x[i]) > 1e-3 {
                worst = max(worst, abs(rb[i] - fd { max($0, 0) }))
                worst = max(worst, abs(lb[i] - fd { $0 > 0 ? $0 : 0.1 * $0 }))
            }
        }
        #expect(worst < 1e-7)
    }

    @Test func reluNaNAndInPlace() {
        var x: [Float] = [-1, 2, .nan, -0.5, 0]
        let n = x.count
        x.withUnsafeMutableBufferPointer { reluForward($0.baseAddress!, $0.baseAddress!, count: n) }
        #expect(x[0] == 0 && x[1] == 2 && x[2].isNaN && x[3] == 0 && x[4] == 0)
    }

    @Test func preluForwardBackward() {
        var rng = Rng(32)
        for (outer, channels, inner) in [(2, 3, 5), (1, 1, 70_000), (4, 7, 9000), (3, 1, 1)] {
            let count = outer * channels * inner
            let x = rng.array(count), w = rng.array(channels), g = rng.array(count)
            let y: [Double] = produce(count) { preluForward(x, weight: w, $0, outer: outer, channels: channels, inner: inner) }
            var ref = [Double](), refGx = [Double](), refGw = [Double](repeating: 0, count: channels)
            for i in 0..<count {
                let c = (i / inner) % channels
                ref.append(x[i] > 0 ? x[i] : w[c] * x[i])
                refGx.append(x[i] > 0 ? g[i] : w[c] * g[i])
                if x[i] <= 0 { refGw[c] += x[i] * g[i] }
            }
            #expect(y == ref)
            var gw = [Double](repeating: 9, count: channels)
            let gx: [Double] = produce(count) {
                preluBackward(gradOutput: g, input: x, weight: w, gradInput: $0, gradWeight: &gw,
                              outer: outer, channels: channels, inner: inner)
            }
            #expect(gx == refGx)
            #expect(maxAbsDiff(gw, refGw) < 1e-9)
        }
    }

    @Test func parallelForCoversEachIndexOnce() {
        for count in [0, 1, 7, 1000, 100_001] {
            let hits = UnsafeMutablePointer<Int>.allocate(capacity: max(count, 1))
            hits.initialize(repeating: 0, count: max(count, 1))
            parallelFor(count: count, minChunk: 3) { r in for i in r { hits[i] += 1 } }
            var ok = true
            for i in 0..<count where hits[i] != 1 { ok = false }
            #expect(ok)
            hits.deallocate()
        }
    }
}
