import Foundation
import Kernels
import Testing
@testable import Torch

/// The float32 activation and softmax kernels against real PyTorch at each CPU capability this
/// machine can run (activation_golden.json, from scripts/golden/make_activation_golden.py): the
/// forward result and the input gradient, bit for bit.
@Suite(.serialized) struct ActivationGoldenTests {
    static func values(_ n: Int, seed: Int, div: Float) -> [Float] {
        (0..<n).map { i in Float(((i * 7919 + seed) % 2001) - 1000) / div }
    }

    static func fnv(_ t: Tensor) throws -> String {
        let c = try t.contiguous()
        let p = c.storage.pointer(Float.self) + c.offset
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<c.numel { h = (h ^ UInt64(p[i].bitPattern)) &* 0x100_0000_01b3 }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The case's op, from its name (`softplus_b2_t5/17/wide`, `log_softmax/2x37/-1`).
    static func op(_ name: String) -> ((Tensor) throws -> Tensor, [Int], Float)? {
        let parts = name.split(separator: "/").map(String.init)
        if parts[0] == "softmax" || parts[0] == "log_softmax" {
            let shape = parts[1] == "scalar" ? [] : parts[1].split(separator: "x").map { Int($0)! }
            let dim = Int(parts[2])!
            let log = parts[0] == "log_softmax"
            return ({ log ? try Functional.logSoftmax($0, dim: dim) : try Functional.softmax($0, dim: dim) }, shape, 60)
        }
        let n = Int(parts[1])!, div: Float = parts.count > 2 ? 25 : 125
        let f: (Tensor) throws -> Tensor
        switch parts[0] {
        case "sigmoid": f = { try Functional.sigmoid($0) }
        case "silu": f = { try Functional.silu($0) }
        case "softplus": f = { try Functional.softplus($0) }
        case "softplus_b2_t5": f = { try Functional.softplus($0, beta: 2, threshold: 5) }
        case "elu": f = { try Functional.elu($0) }
        case "elu_a0.3": f = { try Functional.elu($0, alpha: 0.3) }
        case "selu": f = { try Functional.selu($0) }
        case "celu_a0.5": f = { try Functional.celu($0, alpha: 0.5) }
        default: return nil
        }
        return (f, [n], div)
    }

    /// PyTorch on one thread sums some rows of softmax's backward with fused multiply-adds (row 1 of
    /// this 2×37 case) and the same rows unfused when it runs on two threads, as every other row of
    /// every case is; nnsh gives the unfused sum everywhere. (The default build fuses nothing.)
    static let knownMismatches: Set<String> = ["softmax/2x37/-1"]

    @Test(arguments: [KernelCapability.default, .avx2, .avx512])
    func matchesPyTorch(_ level: KernelCapability) throws {
        let golden = try loadGolden("activation_golden.json")
        let all = try #require((golden["cases"] as? [String: Any])?[level.rawValue] as? [String: [Any]])
        #expect(all.count > 100)
        let used = overrideKernelCapability(level)
        defer { overrideKernelCapability(nil) }
        guard used == level else { return }  // this CPU cannot run that level's path (nor could PyTorch here)
        var failed: [String] = []
        for (name, want) in all.sorted(by: { $0.key < $1.key }) {
            let (f, shape, div) = try #require(Self.op(name), "unknown case \(name)")
            let n = shape.reduce(1, *)
            let x = try Tensor.from(Self.values(n, seed: 11, div: div), shape: shape)
            try x.setRequiresGrad(true)
            let g = try Tensor.from(Self.values(n, seed: 3, div: 777), shape: shape)
            let y = try f(x)
            try y.backward(g)
            let grad = try #require(x.grad)
            let got = "\(n) \(try Self.fnv(y)) \(try Self.fnv(grad))"
            let expected = want.map { "\($0)" }.joined(separator: " ")
            if level != .default && Self.knownMismatches.contains(name) {
                withKnownIssue("PyTorch's one-thread softmax backward fuses this row's product sum") { #expect(got == expected) }
            } else if got != expected {
                failed.append("\(name) (got \(got), want \(expected))")
            }
        }
        #expect(failed.isEmpty, "\(level.rawValue): \(failed.count) of \(all.count) differ: \(failed.prefix(12))")
    }
}
