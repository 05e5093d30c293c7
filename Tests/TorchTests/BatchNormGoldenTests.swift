import Foundation
import Kernels
import Testing
@testable import Torch

/// `F.batch_norm` forward and backward against real PyTorch at each CPU capability this machine
/// can run (batchnorm_golden.json, from scripts/golden/make_batchnorm_golden.py): the output, the
/// running statistics and the three gradients, bit for bit.
@Suite(.serialized) struct BatchNormGoldenTests {
    @Test(arguments: [KernelCapability.default, .avx2, .avx512])
    func matchesPyTorch(_ level: KernelCapability) throws {
        let golden = try loadGolden("batchnorm_golden.json")
        let cases = try #require((golden["levels"] as? [String: Any])?[level.rawValue] as? [[String: Any]])
        #expect(cases.count >= 8)
        let used = overrideKernelCapability(level)
        defer { overrideKernelCapability(nil) }
        guard used == level else { return }
        var failed = [String]()
        for want in cases {
            let shape = try #require(want["shape"] as? [Int])
            let training = want["training"] as? Bool ?? true, affine = want["affine"] as? Bool ?? true, running = want["running"] as? Bool ?? true
            let c = shape[1], numel = shape.reduce(1, *)
            func values(_ n: Int, _ mult: Int, _ seed: Int, _ modulus: Int, _ div: Float, shape: [Int]? = nil) throws -> Tensor {
                try Tensor.from((0..<n).map { i in Float(((i * mult + seed) % modulus) - modulus / 2) / div }, shape: shape ?? [n])
            }
            let x = try values(numel, 7919, 11, 2001, 250, shape: shape)
            try x.setRequiresGrad(true)
            let w = affine ? try values(c, 37, 5, 101, 100) + 1 : nil
            let b = affine ? try values(c, 53, 1, 97, 50) : nil
            try w?.setRequiresGrad(true); try b?.setRequiresGrad(true)
            let rm = running ? try values(c, 29, 3, 83, 40) : nil
            let rv = running ? try values(c, 31, 7, 89, 80) + 1 : nil
            let dy = try values(numel, 104729, 3, 2001, 777, shape: shape)
            let y = try Functional.batchNorm(x, runningMean: rm, runningVar: rv, weight: w, bias: b, training: training, momentum: 0.1, eps: 1e-5)
            try y.backward(dy)
            func h(_ t: Tensor?) throws -> String? { try t.map { try ActivationGoldenTests.fnv($0) } }
            let got: [String: String?] = ["y": try h(y), "running_mean": try h(rm), "running_var": try h(rv), "dx": try h(x.grad),
                                          "dw": try h(w?.grad), "db": try h(b?.grad)]
            for (key, value) in got.sorted(by: { $0.key < $1.key }) {
                let expected = want[key] as? String
                if value != expected { failed.append("\(shape) \(training ? "train" : "eval") \(key): \(value ?? "nil") vs \(expected ?? "nil")") }
            }
        }
        #expect(failed.isEmpty, "\(level.rawValue): \(failed.count) differ: \(failed.prefix(10))")
    }
}
