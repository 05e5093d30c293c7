import Testing
import Kernels
import Foundation

/// Timing harness: `KERNELS_BENCH=1 swift test -c release --filter KernelsTests.BenchHarness`
/// (disabled otherwise). Prints the best-of-N milliseconds per benchmark workload.
enum KernelBench {
    static func time(_ name: String, reps: Int = 5, _ body: () -> Void) -> String {
        body() // warm-up
        var best = Double.infinity
        for _ in 0..<reps {
            let t0 = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        let line = String(format: "%-58@ %8.3f ms", name as NSString, best)
        print(line)
        return line
    }

    static func buf(_ n: Int, seed: UInt64 = 1) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: n)
        var rng = Rng(seed)
        for i in 0..<n { p[i] = Float(rng.double()) }
        return p
    }

    static func conv(_ name: String, _ g: ConvGeometry, backward: Bool = false) {
        let x = buf(g.batch * g.inChannels * g.inPlane)
        let w = buf(g.outChannels * (g.inChannels / g.groups) * g.kernelVolume)
        let b = buf(g.outChannels)
        let y = buf(g.batch * g.outChannels * g.outPlane)
        _ = time(name) { convForward(g, input: x, weight: w, bias: b, output: y) }
        if backward {
            let gx = buf(g.batch * g.inChannels * g.inPlane), gw = buf(g.outChannels * (g.inChannels / g.groups) * g.kernelVolume)
            _ = time(name + " bwd input") { convBackwardInput(g, gradOutput: y, weight: w, gradInput: gx) }
            _ = time(name + " bwd weight") { convBackwardWeight(g, input: x, gradOutput: y, gradWeight: gw) }
            _ = time(name + " bwd bias") { convBackwardBias(g, gradOutput: y, gradBias: b) }
        }
    }

    static func convT(_ name: String, _ g: ConvGeometry) {
        let x = buf(g.batch * g.inChannels * g.inPlane)
        let w = buf(g.inChannels * (g.outChannels / g.groups) * g.kernelVolume)
        let b = buf(g.outChannels)
        let y = buf(g.batch * g.outChannels * g.outPlane)
        _ = time(name) { convTransposeForward(g, input: x, weight: w, bias: b, output: y) }
    }

    static func run() {
        conv("Conv2d(3,1,3) 1x3x512x512",
             ConvGeometry(batch: 1, inChannels: 3, outChannels: 1, input: (1, 512, 512), kernel: (1, 3, 3)))
        convT("ConvTranspose2d(3,1,3,s2) 1x3x512x512",
              .transposed(batch: 1, inChannels: 3, outChannels: 1, input: (1, 512, 512), kernel: (1, 3, 3), stride: (1, 2, 2)))
        conv("Conv2d(16,33,(3,5),s(2,1),p(4,2)) 20x16x50x100",
             ConvGeometry(batch: 20, inChannels: 16, outChannels: 33, input: (1, 50, 100), kernel: (1, 3, 5),
                          stride: (1, 2, 1), padding: (0, 4, 2)))
        conv("Conv2d(64,64,3,p1) 8x64x56x56",
             ConvGeometry(batch: 8, inChannels: 64, outChannels: 64, input: (1, 56, 56), kernel: (1, 3, 3),
                          padding: (0, 1, 1)), backward: true)
        conv("Conv2d(64,64,3,p1,g64) 8x64x56x56",
             ConvGeometry(batch: 8, inChannels: 64, outChannels: 64, groups: 64, input: (1, 56, 56), kernel: (1, 3, 3),
                          padding: (0, 1, 1)))
        conv("Conv2d(16,16,3,p1) 4x16x128x128",
             ConvGeometry(batch: 4, inChannels: 16, outChannels: 16, input: (1, 128, 128), kernel: (1, 3, 3),
                          padding: (0, 1, 1)))
        conv("Conv2d(16,16,3,p2,d2) 4x16x128x128",
             ConvGeometry(batch: 4, inChannels: 16, outChannels: 16, input: (1, 128, 128), kernel: (1, 3, 3),
                          padding: (0, 2, 2), dilation: (1, 2, 2)))
        convT("ConvTranspose2d(64,32,4,s2,p1) 8x64x28x28",
              .transposed(batch: 8, inChannels: 64, outChannels: 32, input: (1, 28, 28), kernel: (1, 4, 4),
                          stride: (1, 2, 2), padding: (0, 1, 1)))
        conv("Conv1d(64,64,5,p2) 16x64x1024",
             ConvGeometry(batch: 16, inChannels: 64, outChannels: 64, input: (1, 1, 1024), kernel: (1, 1, 5),
                          padding: (0, 0, 2)))
        conv("Conv3d(8,16,3,p1) 2x8x32x32x32",
             ConvGeometry(batch: 2, inChannels: 8, outChannels: 16, input: (32, 32, 32), kernel: (3, 3, 3),
                          padding: (1, 1, 1)))

        let pg = PoolGeometry(planes: 3, input: (1, 512, 512), kernel: (1, 2, 2), stride: (1, 2, 2))
        let px = buf(3 * 512 * 512), py = buf(3 * 256 * 256), pgx = buf(3 * 512 * 512)
        let idx = UnsafeMutablePointer<Int64>.allocate(capacity: 3 * 256 * 256)
        _ = time("MaxPool2d(2,2) 1x3x512x512") { maxPoolForward(pg, input: px, output: py, indices: nil) }
        _ = time("MaxPool2d(2,2) +indices 1x3x512x512") { maxPoolForward(pg, input: px, output: py, indices: idx) }
        _ = time("MaxPool2d(2,2) backward 1x3x512x512") { maxPoolBackward(pg, gradOutput: py, indices: idx, gradInput: pgx) }
        _ = time("AvgPool2d(2,2) 1x3x512x512") {
            avgPoolForward(pg, countIncludePad: true, divisorOverride: nil, input: px, output: py)
        }
        _ = time("MaxUnpool2d(2,2) 1x3x256x256 -> 512x512") {
            maxUnpoolForward(planes: 3, inputPlane: 256 * 256, outputPlane: 512 * 512, input: py, indices: idx, output: pgx)
        }

        let n = 4 * 1024 * 1024
        let ax = buf(n), ay = buf(n), ag = buf(n)
        _ = time("relu 4M") { reluForward(ax, ay, count: n) }
        _ = time("leaky_relu 4M") { leakyReluForward(ax, ay, count: n, slope: 0.01) }
        _ = time("sigmoid 4M") { activationForward(.sigmoid, ax, ay, count: n) }
        _ = time("tanh 4M") { activationForward(.tanh, ax, ay, count: n) }
        _ = time("prelu 4M (C=64)") { preluForward(ax, weight: ag, ay, outer: 4, channels: 64, inner: n / 256) }
        _ = time("sigmoid backward 4M") { activationBackward(.sigmoid, gradOutput: ag, saved: ax, gradInput: ay, count: n) }
        _ = time("tanh backward 4M") { activationBackward(.tanh, gradOutput: ag, saved: ax, gradInput: ay, count: n) }
        _ = time("relu backward 4M") { reluBackward(gradOutput: ag, input: ax, gradInput: ay, count: n) }
        let padG = PadGeometry(planes: 3, input: (1, 512, 512), top: 3, bottom: 3, left: 3, right: 3)
        let padY = buf(padG.planes * padG.outPlane)
        _ = time("reflect pad 3 on 1x3x512x512") { padForward(padG, mode: .reflect, value: 0, input: px, output: padY) }
    }
}

@Suite struct BenchHarness {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KERNELS_BENCH"] != nil))
    func timings() {
        KernelBench.run()
        #expect(Bool(true))
    }
}
