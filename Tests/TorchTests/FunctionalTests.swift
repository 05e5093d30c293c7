import Foundation
import Testing
@testable import Torch

/// Float64 finite-difference gradient checks for every functional op (random arguments, fixed seed).
@Suite(.serialized) struct FunctionalTests {
    static func rand(_ shape: [Int], _ seed: inout UInt64) throws -> Tensor {
        var v = [Double]()
        for _ in 0..<shape.reduce(1, *) {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            v.append(Double(seed >> 11) / Double(1 << 53) * 2 - 1)
        }
        return try Tensor.from(doubles: v, shape: shape, dtype: .float64)
    }

    /// Checks d(sum(f(inputs) * w))/d(input_k) against central differences for every input.
    static func check(_ name: String, _ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor) throws {
        var seed: UInt64 = 99
        for t in inputs { try t.setRequiresGrad(true) }
        let y = try f(inputs)
        let w = try rand(y.shape, &seed)
        try (y * w).sum().backward()
        for (k, t) in inputs.enumerated() {
            let analytic = try t.grad?.doubles() ?? []
            let base = try t.doubles()
            for i in 0..<base.count {
                func eval(_ delta: Double) throws -> Double {
                    var v = base; v[i] += delta
                    let copies = try inputs.enumerated().map { j, x in
                        j == k ? try Tensor.from(doubles: v, shape: x.shape, dtype: .float64) : x.detach()
                    }
                    return try GradMode.withoutGrad { try (f(copies) * w).sum().item() }
                }
                let eps = 1e-6
                let numeric = (try eval(eps) - eval(-eps)) / (2 * eps)
                #expect(abs(numeric - analytic[i]) <= 1e-5 + 1e-4 * abs(numeric), "\(name) input \(k) element \(i)")
            }
        }
    }

    @Test func convolutions() throws {
        var s: UInt64 = 1
        try Self.check("conv1d", [try Self.rand([2, 2, 7], &s), try Self.rand([4, 1, 3], &s), try Self.rand([4], &s)]) {
            try Functional.conv1d($0[0], $0[1], bias: $0[2], stride: [2], padding: .explicit([1]), dilation: [2], groups: 2)
        }
        try Self.check("conv2d same", [try Self.rand([1, 2, 5, 4], &s), try Self.rand([3, 2, 2, 3], &s)]) {
            try Functional.conv2d($0[0], $0[1], padding: .same)
        }
        try Self.check("conv3d", [try Self.rand([1, 2, 3, 4, 4], &s), try Self.rand([2, 2, 2, 2, 2], &s), try Self.rand([2], &s)]) {
            try Functional.conv3d($0[0], $0[1], bias: $0[2], padding: .explicit([1, 0, 1]))
        }
        try Self.check("conv_transpose2d", [try Self.rand([1, 2, 3, 3], &s), try Self.rand([2, 2, 3, 2], &s), try Self.rand([4], &s)]) {
            try Functional.convTranspose2d($0[0], $0[1], bias: $0[2], stride: [2], padding: [1], outputPadding: [1], groups: 2)
        }
        try Self.check("conv_transpose1d", [try Self.rand([2, 5], &s), try Self.rand([2, 3, 3], &s)]) {
            try Functional.convTranspose1d($0[0], $0[1], stride: [3], dilation: [2])
        }
    }

    @Test func pooling() throws {
        var s: UInt64 = 2
        try Self.check("max_pool2d", [try Self.rand([1, 2, 5, 6], &s)]) {
            try Functional.maxPool2d($0[0], kernelSize: [3, 2], stride: [2], padding: [1], ceilMode: true).0
        }
        try Self.check("max_pool1d", [try Self.rand([2, 7], &s)]) { try Functional.maxPool1d($0[0], kernelSize: [2], dilation: [2]).0 }
        try Self.check("max_pool3d", [try Self.rand([1, 1, 4, 4, 4], &s)]) { try Functional.maxPool3d($0[0], kernelSize: [2]).0 }
        try Self.check("avg_pool2d", [try Self.rand([1, 2, 5, 6], &s)]) {
            try Functional.avgPool2d($0[0], kernelSize: [3], stride: [2], padding: [1], ceilMode: true, countIncludePad: false)
        }
        try Self.check("avg_pool1d", [try Self.rand([2, 2, 7], &s)]) { try Functional.avgPool1d($0[0], kernelSize: [3], stride: [2], padding: [1]) }
        try Self.check("avg_pool3d", [try Self.rand([1, 1, 4, 4, 4], &s)]) { try Functional.avgPool3d($0[0], kernelSize: [2], divisorOverride: 3) }
        let x = try Self.rand([1, 1, 4, 4], &s)
        let (_, idx) = try Functional.maxPool2d(x, kernelSize: [2])
        try Self.check("max_unpool2d", [try Self.rand([1, 1, 2, 2], &s)]) { try Functional.maxUnpool2d($0[0], idx, kernelSize: [2]) }
    }

    @Test func padding() throws {
        var s: UInt64 = 3
        for mode in ["constant", "reflect", "replicate", "circular"] {
            try Self.check("pad \(mode)", [try Self.rand([1, 2, 3, 4], &s)]) { try Functional.pad($0[0], [2, 1, 1, 2], mode: mode) }
        }
        try Self.check("pad negative", [try Self.rand([2, 5], &s)]) { try Functional.pad($0[0], [-1, 2], value: 0.5) }
    }

    @Test func linearAndActivations() throws {
        var s: UInt64 = 4
        try Self.check("linear", [try Self.rand([2, 3, 4], &s), try Self.rand([5, 4], &s), try Self.rand([5], &s)]) {
            try Functional.linear($0[0], $0[1], bias: $0[2])
        }
        try Self.check("linear 1d no bias", [try Self.rand([4], &s), try Self.rand([2, 4], &s)]) { try Functional.linear($0[0], $0[1]) }
        let ops: [(String, (Tensor) throws -> Tensor)] = [
            ("relu", { try Functional.relu($0) }), ("leaky_relu", { try Functional.leakyRelu($0, negativeSlope: 0.2) }),
            ("sigmoid", { try Functional.sigmoid($0) }), ("tanh", { try Functional.tanh($0) }),
            ("softmax", { try Functional.softmax($0, dim: 1) }), ("log_softmax", { try Functional.logSoftmax($0, dim: 0) }),
            ("elu", { try Functional.elu($0, alpha: 0.7) }), ("gelu", { try Functional.gelu($0) }),
            ("gelu tanh", { try Functional.gelu($0, approximate: "tanh") }), ("silu", { try Functional.silu($0) }),
            ("softplus", { try Functional.softplus($0, beta: 2, threshold: 1) }),
            ("hardtanh", { try Functional.hardtanh($0, minVal: -0.5, maxVal: 0.5) }),
            ("rrelu eval", { try Functional.rrelu($0, lower: 0.1, upper: 0.3) }),
        ]
        for (name, f) in ops { try Self.check(name, [try Self.rand([3, 4], &s)]) { try f($0[0]) } }
        try Self.check("prelu", [try Self.rand([2, 3, 4], &s), try Self.rand([3], &s)]) { try Functional.prelu($0[0], $0[1]) }
    }
}
