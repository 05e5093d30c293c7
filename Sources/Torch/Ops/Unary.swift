import Foundation

/// Unary elementwise maths with gradient rules beside each forward rule.
public enum UnaryOp: String, Sendable {
    case neg, abs, exp, log, sqrt, sin, cos, tanh, sigmoid, relu, sign, floor, ceil, round, trunc
    case reciprocal, rsqrt, square, log1p, expm1, erf, silu, gelu, softplus, elu, log2, log10, exp2

    /// PyTorch's autograd node name for this op.
    var nodeName: String {
        switch self {
        case .sqrt: return "SqrtBackward0"
        case .sigmoid: return "SigmoidBackward0"
        case .tanh: return "TanhBackward0"
        case .relu: return "ReluBackward0"
        case .silu: return "SiluBackward0"
        case .gelu: return "GeluBackward0"
        case .softplus: return "SoftplusBackward0"
        case .elu: return "EluBackward0"
        case .square: return "PowBackward0"
        case .log1p: return "Log1PBackward0"
        case .expm1: return "Expm1Backward0"
        default:
            return rawValue.prefix(1).uppercased() + rawValue.dropFirst() + "Backward0"
        }
    }
}

extension Tensor {
    /// Applies a unary op; integer inputs of float-only ops compute in float32 as PyTorch does.
    public func unary(_ op: UnaryOp) throws -> Tensor {
        // The activations share Functional's fast kernels (and their float32 rounding).
        switch op {
        case .sigmoid: return try Functional.sigmoid(self)
        case .tanh: return try Functional.tanh(self)
        case .relu where dtype.isFloatingPoint: return try Functional.relu(self)
        default: break
        }
        let out: Tensor
        switch op {
        case .neg, .abs, .sign, .relu, .square, .floor, .ceil, .round, .trunc:
            if dtype == .bool && op == .neg {
                throw TorchError.runtime("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
            }
            out = try dtype.dispatchNumeric(IntegralUnary(x: dtype == .bool ? to(.uint8) : self, op: op))
            if dtype == .bool { return try out.to(.bool) }
        default:
            let src = dtype.isFloatingPoint ? self : try to(.float32)
            out = try src.dtype.dispatchFloat(FloatUnary(x: src, op: op))
        }
        return try out.recordUnary(op, self)
    }

    public func neg() throws -> Tensor { try unary(.neg) }
    public func exp() throws -> Tensor { try unary(.exp) }
    public func log() throws -> Tensor { try unary(.log) }
    public func sqrt() throws -> Tensor { try unary(.sqrt) }
    public func tanh() throws -> Tensor { try unary(.tanh) }
    public func sigmoid() throws -> Tensor { try unary(.sigmoid) }
    public func relu() throws -> Tensor { try unary(.relu) }
    public func abs() throws -> Tensor { try unary(.abs) }

    /// `x.op_()`: the out-of-place op written back into `x` (so `inf.neg_()` is `-inf`, not `inf*0 - inf`).
    public func unaryInPlace(_ op: UnaryOp) throws {
        try updateInPlace { try $0.unary(op) }
    }

    /// An in-place op as its out-of-place form: `compute` runs on a stand-in for `self` that holds its values
    /// from before the change and its graph node (PyTorch's saved `original_self`: `y.log_()` differentiates
    /// as 1/y-before), and the result is written into `self`, whose node becomes the result's.
    /// `checkOverlap: false` for the writes PyTorch allows on expanded tensors (`masked_fill_`).
    public func updateInPlace(checkOverlap: Bool = true, _ compute: (Tensor) throws -> Tensor) throws {
        try checkInPlace()
        if checkOverlap { try assertNoInternalOverlap() }
        let recording = GradMode.isEnabled && requiresGrad
        let source: Tensor
        if recording {
            source = try GradMode.withoutGrad { try clone() }
            source.gradFn = gradFn
        } else {
            source = self
        }
        let result = try compute(source)
        if result.dtype.isFloatingPoint && !dtype.isFloatingPoint {
            throw TorchError.runtime("result type \(result.dtype.cppName) can't be cast to the desired output type \(dtype.cppName)")
        }
        let shape = try Shape.broadcast(self.shape, result.shape)
        if shape != self.shape {
            throw TorchError.runtime("output with shape \(Shape.describe(self.shape)) doesn't match the broadcast shape \(Shape.describe(shape))")
        }
        try copyValues(from: result)
        if GradMode.isEnabled, let fn = result.gradFn {
            gradFn = recording ? fn : GradNode(name: fn.name, inputs: fn.inputs.map { $0 === self ? self.snapshotForGrad() : $0 }, backward: fn.backward)
        }
    }

    private func recordUnary(_ op: UnaryOp, _ x: Tensor) throws -> Tensor {
        guard Tensor.recordsGrad([x]) else { return self }
        let y = self
        return recording(op.nodeName, [x]) { g in
            let d: Tensor
            switch op {
            case .neg: d = try g.neg()
            case .abs: d = try g * x.unary(.sign)
            case .exp: d = try g * y
            case .log: d = try g / x
            case .sqrt: d = try g / (y * 2)
            case .sin: d = try g * x.unary(.cos)
            case .cos: d = try g * x.unary(.sin).neg()
            case .tanh: d = try g * (Tensor.wrapped(1) - y * y)
            case .sigmoid: d = try g * y * (Tensor.wrapped(1) - y)
            case .relu: d = try g * Tensor.compareValues(y, Tensor.wrapped(0).to(y.dtype), .gt).to(g.dtype)
            case .square: d = try g * (x * 2)  // pow_backward: grad * (2 * self)
            case .reciprocal: d = try g.neg() * (y * y)  // -grad * (result * result)
            case .rsqrt: d = try (g * -0.5) * (y * y * y)  // -0.5 * grad * result.pow(3)
            case .log1p: d = try g / (x + 1)
            case .expm1: d = try g * (y + 1)
            case .log2: d = try g / (x * Foundation.log(2.0))
            case .log10: d = try g / (x * Foundation.log(10.0))
            case .exp2: d = try g * y * Foundation.log(2.0)
            case .erf: d = try ((x * x).neg().exp() * (2 / Double.pi.squareRoot())) * g  // 2/sqrt(pi) * exp(-x²) * grad
            case .silu:
                let s = try x.sigmoid()
                d = try g * s * (x * (Tensor.wrapped(1) - s) + 1)
            case .softplus: d = try g * x.sigmoid()
            case .elu: d = try g * Tensor.binary(y, Tensor.wrapped(0), .gt).where(Tensor.wrapped(1).to(y.dtype), y + 1)
            case .gelu:
                let cdf = try ((x / 2.0.squareRoot()).unary(.erf) + 1) * 0.5
                let pdf = try (x * x * -0.5).exp() * (1 / (2 * Double.pi).squareRoot())
                d = try g * (cdf + x * pdf)
            case .sign, .floor, .ceil, .round, .trunc: d = try g * 0
            }
            return [d]
        }
    }
}

private struct IntegralUnary: NumericVisitor {
    let x: Tensor, op: UnaryOp
    func visit<T: NumericElement>(_: T.Type) throws -> Tensor {
        switch op {
        case .neg: return try x.mapUnary(T.self, T.self, T.negated)
        case .abs: return try x.mapUnary(T.self, T.self) { $0 < T.zero ? T.negated($0) : $0 }
        case .sign: return try x.mapUnary(T.self, T.self) { $0 > T.zero ? T.one : ($0 < T.zero ? T.negated(T.one) : $0) }
        case .relu: return try x.mapUnary(T.self, T.self) { $0 > T.zero ? $0 : ($0 != $0 ? $0 : T.zero) }
        case .square: return try x.mapUnary(T.self, T.self) { T.times($0, $0) }
        default:
            switch x.dtype {
            case .float32: return try roundOp(Float.self)
            case .float64: return try roundOp(Double.self)
            default: return try x.to(x.dtype, copy: true)
            }
        }
    }

    func roundOp<F: FloatElement>(_: F.Type) throws -> Tensor {
        let rule: FloatingPointRoundingRule
        switch op {
        case .floor: rule = .down
        case .ceil: rule = .up
        case .round: rule = .toNearestOrEven
        default: rule = .towardZero
        }
        return try x.mapUnary(F.self, F.self) { $0.rounded(rule) }
    }
}

private struct FloatUnary: FloatVisitor {
    let x: Tensor, op: UnaryOp
    func visit<F: FloatElement>(_: F.Type) throws -> Tensor {
        switch op {
        case .exp: return try x.mapUnary(F.self, F.self, F.exp)
        case .log: return try x.mapUnary(F.self, F.self, F.log)
        case .sqrt: return try x.mapUnary(F.self, F.self, F.sqrt)
        case .sin: return try x.mapUnary(F.self, F.self, F.sin)
        case .cos: return try x.mapUnary(F.self, F.self, F.cos)
        case .tanh: return try x.mapUnary(F.self, F.self, F.tanh)
        case .sigmoid: return try x.mapUnary(F.self, F.self) { 1 / (1 + F.exp(-$0)) }
        case .reciprocal: return try x.mapUnary(F.self, F.self) { 1 / $0 }
        case .rsqrt: return try x.mapUnary(F.self, F.self) { 1 / F.sqrt($0) }
        case .log1p: return try x.mapUnary(F.self, F.self, F.log1p)
        case .expm1: return try x.mapUnary(F.self, F.self, F.expm1)
        case .erf: return try x.mapUnary(F.self, F.self, F.erf)
        case .log2: return try x.mapUnary(F.self, F.self) { F.log($0) / F.log(2) }
        case .log10: return try x.mapUnary(F.self, F.self) { F.log($0) / F.log(10) }
        case .exp2: return try x.mapUnary(F.self, F.self) { F.pow(2, $0) }
        case .silu: return try x.mapUnary(F.self, F.self) { $0 / (1 + F.exp(-$0)) }
        case .gelu: return try x.mapUnary(F.self, F.self) { $0 * 0.5 * (1 + F.erf($0 * F(0.7071067811865476))) }
        case .softplus: return try x.mapUnary(F.self, F.self) { $0 > 20 ? $0 : F.log1p(F.exp($0)) }
        case .elu: return try x.mapUnary(F.self, F.self) { $0 > 0 ? $0 : F.expm1($0) }
        default: return try IntegralUnary(x: x, op: op).visit(F.self)
        }
    }
}

extension Tensor {
    /// `round(decimals=d)`: nearbyint(x * 10^d) / 10^d (d < 0: nearbyint(x / 10^-d) * 10^-d), as
    /// ATen's kernel, one op with `RoundBackward1` (a zero gradient).
    public func rounded(decimals d: Int) throws -> Tensor {
        let y: Tensor = try GradMode.withoutGrad {
            let p = Tensor.wrapped(Foundation.pow(10.0, Double(Swift.abs(d))))
            return d > 0 ? try Tensor.binary(Tensor.binary(self, p, .mul).unary(.round), p, .div)
                         : try Tensor.binary(Tensor.binary(self, p, .div).unary(.round), p, .mul)
        }
        let shape = self.shape, dtype = self.dtype
        return y.recording("RoundBackward1", [self]) { _ in [try Tensor.zeros(shape, dtype: dtype)] }
    }
}
