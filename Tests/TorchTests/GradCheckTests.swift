import Testing
@testable import Torch

/// Finite differences against the analytic gradient, in float64, for every core op.
/// Each case maps inputs to one output; the check contracts the output with random weights
/// so every output element contributes.
@Suite(.serialized) struct GradCheckTests {
    struct Case: CustomStringConvertible {
        let name: String
        let shapes: [[Int]]
        /// Keeps inputs away from kinks/poles (e.g. positive for log and sqrt).
        var positive = false
        let f: ([Tensor]) throws -> Tensor
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "add broadcast", shapes: [[2, 3], [3]]) { try $0[0] + $0[1] },
        Case(name: "sub broadcast", shapes: [[2, 1], [1, 3]]) { try $0[0] - $0[1] },
        Case(name: "mul", shapes: [[2, 3], [2, 3]]) { try $0[0] * $0[1] },
        Case(name: "div", shapes: [[3], [3]], positive: true) { try $0[0] / $0[1] },
        Case(name: "pow scalar", shapes: [[4]], positive: true) { try Tensor.binary($0[0], .wrapped(2.5), .pow) },
        Case(name: "pow tensor", shapes: [[4], [4]], positive: true) { try Tensor.binary($0[0], $0[1], .pow) },
        Case(name: "maximum", shapes: [[5], [5]]) { try Tensor.binary($0[0], $0[1], .maximum) },
        Case(name: "neg", shapes: [[3]]) { try $0[0].neg() },
        Case(name: "exp", shapes: [[3]]) { try $0[0].exp() },
        Case(name: "log", shapes: [[3]], positive: true) { try $0[0].log() },
        Case(name: "sqrt", shapes: [[3]], positive: true) { try $0[0].sqrt() },
        Case(name: "sin", shapes: [[3]]) { try $0[0].unary(.sin) },
        Case(name: "cos", shapes: [[3]]) { try $0[0].unary(.cos) },
        Case(name: "tanh", shapes: [[2, 2]]) { try $0[0].tanh() },
        Case(name: "sigmoid", shapes: [[2, 2]]) { try $0[0].sigmoid() },
        Case(name: "relu", shapes: [[6]]) { try $0[0].relu() },
        Case(name: "abs", shapes: [[6]]) { try $0[0].abs() },
        Case(name: "silu", shapes: [[4]]) { try $0[0].unary(.silu) },
        Case(name: "gelu", shapes: [[4]]) { try $0[0].unary(.gelu) },
        Case(name: "reciprocal", shapes: [[4]], positive: true) { try $0[0].unary(.reciprocal) },
        Case(name: "sum all", shapes: [[2, 3]]) { try $0[0].sum() },
        Case(name: "sum dim keepdim", shapes: [[2, 3, 2]]) { try $0[0].sum(dims: [1], keepdim: true) },
        Case(name: "mean dims", shapes: [[2, 3, 2]]) { try $0[0].mean(dims: [0, 2]) },
        Case(name: "prod", shapes: [[2, 3]], positive: true) { try $0[0].prod(dims: [1]) },
        Case(name: "max all", shapes: [[2, 3]]) { try $0[0].extreme(true) },
        Case(name: "min dim", shapes: [[3, 4]]) { try $0[0].extreme(false, dim: 1, keepdim: false).0 },
        Case(name: "var", shapes: [[3, 4]]) { try $0[0].variance(dims: [1]) },
        Case(name: "std", shapes: [[5]]) { try $0[0].variance(std: true) },
        Case(name: "view", shapes: [[2, 6]]) { try $0[0].view([3, 4]) },
        Case(name: "reshape of transpose", shapes: [[3, 4]]) { try $0[0].t().reshape([-1]) },
        Case(name: "permute", shapes: [[2, 3, 4]]) { try $0[0].permute([2, 0, 1]) },
        Case(name: "expand", shapes: [[3, 1]]) { try $0[0].expand([2, 3, 4]) },
        Case(name: "index", shapes: [[4, 5]]) { try $0[0].index([.int(1), .slice(1, nil, 2)]) },
        Case(name: "index tensor", shapes: [[4, 3]]) { try $0[0].index([.tensor(try Tensor.from([Int64(2), 0, 2]))]) },
        Case(name: "squeeze unsqueeze", shapes: [[3, 1]]) { try $0[0].squeeze().unsqueeze(0) },
        Case(name: "cat", shapes: [[2, 3], [1, 3]]) { try Tensor.cat($0, dim: 0) },
        Case(name: "stack", shapes: [[2, 3], [2, 3]]) { try Tensor.stack($0, dim: 1) },
        Case(name: "mm", shapes: [[2, 3], [3, 4]]) { try Tensor.mm($0[0], $0[1]) },
        Case(name: "mv", shapes: [[2, 3], [3]]) { try Tensor.mv($0[0], $0[1]) },
        Case(name: "dot", shapes: [[3], [3]]) { try Tensor.dot($0[0], $0[1]) },
        Case(name: "bmm", shapes: [[2, 2, 3], [2, 3, 2]]) { try Tensor.bmm($0[0], $0[1]) },
        Case(name: "matmul broadcast", shapes: [[2, 2, 3], [3, 2]]) { try Tensor.matmul($0[0], $0[1]) },
        Case(name: "where", shapes: [[4], [4]]) { try Tensor.compareValues($0[0], $0[1], .gt).where($0[0], $0[1]) },
        Case(name: "clamp", shapes: [[6]]) { try $0[0].clamp(min: -0.5, max: 0.5) },
        Case(name: "flip", shapes: [[2, 3]]) { try $0[0].flip([1]) },
        Case(name: "cumsum", shapes: [[2, 4]]) { try $0[0].cumsum(1) },
        Case(name: "repeat", shapes: [[2, 1]]) { try $0[0].repeatTiles([2, 3]) },
        Case(name: "softmax", shapes: [[2, 4]]) { try Functional.softmax($0[0], dim: 1) },
        Case(name: "chain", shapes: [[3, 3]]) { x in try (x[0].tanh() * x[0].exp() + x[0].sigmoid()).sum(dims: [0]) },
    ]

    /// Deterministic inputs (no global generator: tests may run in any order).
    static func inputs(_ c: Case, seed: Int) throws -> [Tensor] {
        var state = UInt64(truncatingIfNeeded: seed &* 2654435761 &+ 12345)
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return try c.shapes.map { shape in
            let n = shape.reduce(1, *)
            let vals = (0..<n).map { _ in c.positive ? 0.5 + next() : next() * 4 - 2 }
            let t = try Tensor.from(doubles: vals, shape: shape, dtype: .float64)
            try t.setRequiresGrad(true)
            return t
        }
    }

    @Test(arguments: cases)
    func analyticMatchesNumeric(_ c: Case) throws {
        let xs = try Self.inputs(c, seed: c.name.count)
        let out = try c.f(xs)
        let weights = try Tensor.from(doubles: (0..<out.numel).map { 0.3 + Double($0 % 7) * 0.21 }, shape: out.shape, dtype: .float64)
        try (out * weights).sum().backward()
        let eps = 1e-6
        for (k, x) in xs.enumerated() {
            let analytic = try #require(x.grad).doubles()
            var numeric = [Double]()
            for i in 0..<x.numel {
                let original = x.flatDouble(i)
                func loss(_ v: Double) throws -> Double {
                    x.setFlat(i, v)
                    defer { x.setFlat(i, original) }
                    return try GradMode.withoutGrad { try (c.f(xs) * weights).sum().item() }
                }
                numeric.append((try loss(original + eps) - loss(original - eps)) / (2 * eps))
            }
            for (a, n) in zip(analytic, numeric) {
                #expect(Swift.abs(a - n) <= 1e-5 + 1e-4 * Swift.abs(n), "\(c.name): input \(k) analytic \(analytic) numeric \(numeric)")
            }
        }
    }

    @Test func gradientsAccumulateAndRetainGraphIsEnforced() throws {
        let x = try Tensor.from([1.0, 2.0, 3.0])
        try x.setRequiresGrad(true)
        let y = try (x * x).sum()
        try y.backward(retainGraph: true)
        try y.backward()
        #expect(try x.grad?.doubles() == [4, 8, 12])
        #expect(throws: TorchError.self) { try y.backward() }
        #expect(throws: TorchError.runtime("grad can be implicitly created only for scalar outputs")) { try (x * 2).backward() }
        #expect(throws: TorchError.runtime("element 0 of tensors does not require grad and does not have a grad_fn")) {
            try Tensor.from([1.0]).sum().backward()
        }
    }
}
