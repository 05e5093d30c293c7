import Testing
@testable import Kernels

/// The vectorised CFastMath loops give the scalar Swift formulas' values bit for bit.
@Suite struct FastMathTests {
    static func inputs() -> [Float] {
        var xs: [Float] = [0, -0.0, 1e-8, -1e-8, 0.625, -0.625, 0.6249999, 20, -20, 40, -40, 43.67, 44.37,
                           87.33654, -87.33654, 88.72283, -88.72283, 88.8, -88.8, 1e30, -1e30,
                           .infinity, -.infinity, .nan, .leastNormalMagnitude, .leastNonzeroMagnitude]
        var x: Float = -100
        while x <= 100 { xs.append(x); x += 0.00731 }
        var bits: UInt32 = 0x1234_5678
        for _ in 0..<100_000 {
            bits = bits &* 1_664_525 &+ 1_013_904_223
            xs.append(Float(bitPattern: bits))
        }
        return xs
    }

    @Test func sigmoidMatchesScalar() {
        let xs = Self.inputs()
        var y = [Float](repeating: 0, count: xs.count)
        y.withUnsafeMutableBufferPointer { Float.sigmoidRange(xs, $0.baseAddress!, 0..<xs.count) }
        var bad = 0
        for (i, x) in xs.enumerated() {
            let r = 1 / (1 + fastExpf(-x))
            if r.bitPattern != y[i].bitPattern && !(r.isNaN && y[i].isNaN) { bad += 1 }
        }
        #expect(bad == 0)
    }

    @Test func tanhMatchesScalar() {
        let xs = Self.inputs()
        var y = [Float](repeating: 0, count: xs.count)
        y.withUnsafeMutableBufferPointer { Float.tanhRange(xs, $0.baseAddress!, 0..<xs.count) }
        var bad = 0
        for (i, x) in xs.enumerated() {
            let r = fastTanhf(x)
            if r.bitPattern != y[i].bitPattern && !(r.isNaN && y[i].isNaN) { bad += 1 }
        }
        #expect(bad == 0)
    }
}
