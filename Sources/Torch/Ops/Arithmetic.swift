import Foundation
import CFastMath

/// Binary elementwise operators, with PyTorch's type promotion and gradient rules.
public enum BinaryOp: Sendable {
    case add, sub, mul, div, floorDiv, remainder, pow, maximum, minimum
    /// C's fmod: the remainder takes the dividend's sign (`remainder` takes the divisor's).
    case fmod
    case eq, ne, lt, le, gt, ge
    case logicalAnd, logicalOr, logicalXor
    /// `&`, `|`, `^`, `<<`, `>>` on integer and bool tensors (PyTorch's bitwise kernels).
    case bitwiseAnd, bitwiseOr, bitwiseXor, shiftLeft, shiftRight

    var isBitwise: Bool {
        switch self {
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .shiftLeft, .shiftRight: return true
        default: return false
        }
    }

    /// The CPU kernel's name in PyTorch's "not implemented for 'Float'" message.
    var kernelName: String {
        switch self {
        case .bitwiseAnd: return "bitwise_and_cpu"
        case .bitwiseOr: return "bitwise_or_cpu"
        case .bitwiseXor: return "bitwise_xor_cpu"
        case .shiftLeft: return "lshift_cpu"
        default: return "rshift_cpu"
        }
    }

    var isComparison: Bool {
        switch self {
        case .eq, .ne, .lt, .le, .gt, .ge, .logicalAnd, .logicalOr, .logicalXor: return true
        default: return false
        }
    }
}

extension Tensor {
    /// A Python number as PyTorch wraps it for an op: a 0-d tensor that ranks lowest in promotion.
    public static func wrapped(_ value: Double) -> Tensor {
        let t = scalar(value, dtype: .float64)
        t.isWrappedNumber = true
        return t
    }

    public static func wrapped(int value: Int64) -> Tensor {
        let t = scalar(int: value, dtype: .int64)
        t.isWrappedNumber = true
        return t
    }

    public static func wrapped(bool value: Bool) -> Tensor {
        let t = scalar(int: value ? 1 : 0, dtype: .bool)
        t.isWrappedNumber = true
        return t
    }

    /// `torch.result_type` (ResultType.cpp): dimensioned tensors outrank 0-d tensors, which outrank
    /// Python numbers, unless a lower-ranked operand is of a higher category (bool < int < float).
    public static func resultType(_ operands: [Tensor]) -> DType {
        var dimResult: DType?, zeroResult: DType?, wrappedResult: DType?
        func merge(_ a: DType?, _ b: DType) -> DType { a.map { DType.promote($0, b) } ?? b }
        for t in operands {
            var current = t.dtype
            if t.isWrappedNumber && current.isFloatingPoint { current = .float32 }
            if t.dim > 0 { dimResult = merge(dimResult, current) }
            else if t.isWrappedNumber { wrappedResult = merge(wrappedResult, current) }
            else { zeroResult = merge(zeroResult, current) }
        }
        func combine(_ higher: DType?, _ lower: DType?) -> DType? {
            guard let higher else { return lower }
            guard let lower else { return higher }
            if higher.isFloatingPoint { return higher }
            if higher == .bool || lower.isFloatingPoint { return DType.promote(higher, lower) }
            return higher
        }
        return combine(dimResult, combine(zeroResult, wrappedResult)) ?? .float32
    }

    /// `a <op> b` with broadcasting, promotion and autograd.
    public static func binary(_ a: Tensor, _ b: Tensor, _ op: BinaryOp) throws -> Tensor {
        if op.isBitwise { return try bitwise(a, b, op) }
        var compute = resultType([a, b])
        if op == .div && !compute.isFloatingPoint { compute = .float32 }
        if op.isComparison {
            let out = try compareValues(a.to(compute), b.to(compute), op)
            return out
        }
        if compute == .bool {
            switch op {
            case .add, .mul, .maximum, .minimum: break
            case .sub: throw TorchError("NotImplementedError", "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
            default: compute = .int64
            }
        }
        let x = try a.to(compute), y = try b.to(compute)
        if compute.isIntegral || compute == .bool {
            _ = try Shape.broadcast(x.shape, y.shape)   // PyTorch's size mismatch comes before any value check
            if op == .floorDiv || op == .remainder || op == .fmod, try y.ints().contains(0) {
                throw TorchError.runtime("ZeroDivisionError")
            }
            if op == .pow, try y.ints().contains(where: { $0 < 0 }), compute.isIntegral {
                throw TorchError.runtime("Integers to negative integer powers are not allowed.")
            }
        }
        // `x ** 3` (a Python number as the exponent) runs PyTorch's pow_tensor_scalar kernels: 0, ±0.5, ±1,
        // 2, 3, -2 as fills, roots and products (`x * x * x`), not pow().
        let scalarExponent = op == .pow && b.isWrappedNumber && compute.isFloatingPoint ? try b.doubles().first : nil
        let out = try compute.dispatchNumeric(ArithVisitor(a: x, b: y, op: op, dtype: compute, scalarExponent: scalarExponent))
        return try out.recordBinary(op, a, b)
    }

    public static func compareValues(_ a: Tensor, _ b: Tensor, _ op: BinaryOp) throws -> Tensor {
        if a.dtype != b.dtype {
            // The visitor reads both operands as one element type (e.g. the backward of
            // `maximum(int_tensor, float_tensor)`): compare in the promoted type.
            let common = DType.promote(a.dtype, b.dtype)
            return try compareValues(a.to(common), b.to(common), op)
        }
        struct V: ElementVisitor {
            let a: Tensor, b: Tensor, op: BinaryOp
            func visit<T: Element>(_: T.Type) throws -> Tensor {
                switch op {
                case .eq: return try Tensor.mapBinary(a, b, T.self, Bool.self, ==)
                case .ne: return try Tensor.mapBinary(a, b, T.self, Bool.self, !=)
                case .lt: return try Tensor.mapBinary(a, b, T.self, Bool.self, <)
                case .le: return try Tensor.mapBinary(a, b, T.self, Bool.self, <=)
                case .gt: return try Tensor.mapBinary(a, b, T.self, Bool.self, >)
                case .ge: return try Tensor.mapBinary(a, b, T.self, Bool.self, >=)
                case .logicalAnd: return try Tensor.mapBinary(a, b, T.self, Bool.self) { $0 != T.zero && $1 != T.zero }
                case .logicalOr: return try Tensor.mapBinary(a, b, T.self, Bool.self) { $0 != T.zero || $1 != T.zero }
                default: return try Tensor.mapBinary(a, b, T.self, Bool.self) { ($0 != T.zero) != ($1 != T.zero) }
                }
            }
        }
        return try a.dtype.dispatch(V(a: a, b: b, op: op))
    }

    /// `self + other` without autograd (gradient accumulation, internal sums).
    func adding(_ other: Tensor) throws -> Tensor {
        try GradMode.withoutGrad { try Tensor.binary(self, other, .add) }
    }

    /// Sums a broadcast gradient back down to `shape` (the adjoint of broadcasting).
    public func sumTo(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        var result = self
        let lead = shape.count - target.count
        if lead > 0 { result = try result.sum(dims: Array(0..<lead), keepdim: false) }
        let keep = target.indices.filter { target[$0] == 1 && result.shape[$0] != 1 }
        if !keep.isEmpty { result = try result.sum(dims: keep, keepdim: true) }
        return result
    }

    private func recordBinary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard Tensor.recordsGrad([a, b]) else { return self }
        let out = self
        let sa = a.shape, sb = b.shape
        func reduce(_ g: Tensor?, _ s: [Int]) throws -> Tensor? { try g?.sumTo(s) }
        switch op {
        case .add:
            return recording("AddBackward0", [a, b]) { g in [try reduce(g, sa), try reduce(g, sb)] }
        case .sub:
            let name = a.isWrappedNumber ? "RsubBackward1" : "SubBackward0"
            return recording(name, [a, b]) { g in [try reduce(g, sa), try reduce(g.neg(), sb)] }
        case .mul:
            return recording("MulBackward0", [a, b]) { g in
                [b.requiresGrad || a.requiresGrad ? try reduce(g * b, sa) : nil, try reduce(g * a, sb)]
            }
        case .div:
            return recording("DivBackward0", [a, b]) { g in
                // div_tensor_other_backward: -grad * ((self / other) / other).
                [try reduce(g / b, sa), try reduce(g.neg() * ((a / b) / b), sb)]
            }
        case .pow:
            let name = b.isWrappedNumber ? "PowBackward0" : (a.isWrappedNumber ? "PowBackward2" : "PowBackward1")
            // pow_backward: grad * (exponent * self.pow(exponent - 1)), 0 where the exponent is 0.
            let exponent = b.isWrappedNumber ? try b.doubles().first : nil
            return recording(name, [a, b]) { g in
                let da: Tensor
                if let e = exponent {
                    da = e == 0 ? try g * 0 : try g * (Tensor.wrapped(e) * Tensor.binary(a, Tensor.wrapped(e - 1), .pow))
                } else {
                    let d = try g * (b * Tensor.binary(a, b - Tensor.wrapped(1), .pow))
                    da = try Tensor.binary(b, Tensor.wrapped(0), .eq).where(Tensor.scalar(0, dtype: d.dtype), d)
                }
                // pow_backward_exponent: grad * (0 where self == 0 and exponent >= 0, else result * log(self)).
                var db: Tensor?
                if b.requiresGrad {
                    let zeroBase = try Tensor.binary(Tensor.binary(a, Tensor.wrapped(0), .eq), Tensor.binary(b, Tensor.wrapped(0), .ge), .logicalAnd)
                    let r = try out * a.log()
                    db = try g * zeroBase.where(Tensor.scalar(0, dtype: r.dtype), r)
                }
                return [try reduce(da, sa), try reduce(db, sb)]
            }
        case .maximum, .minimum:
            let name = op == .maximum ? "MaximumBackward0" : "MinimumBackward0"
            return recording(name, [a, b]) { g in
                let pick = try Tensor.compareValues(a, b, op == .maximum ? .ge : .le).to(g.dtype)
                return [try reduce(g * pick, sa), try reduce(g * (Tensor.wrapped(1) - pick), sb)]
            }
        default:
            return self
        }
    }
}

private struct ArithVisitor: NumericVisitor {
    let a: Tensor, b: Tensor, op: BinaryOp, dtype: DType
    var scalarExponent: Double? = nil
    func visit<T: NumericElement>(_: T.Type) throws -> Tensor {
        if dtype == .bool {
            switch op {
            case .add, .maximum: return try Tensor.mapBinary(a, b, Bool.self, Bool.self) { $0 || $1 }
            default: return try Tensor.mapBinary(a, b, Bool.self, Bool.self) { $0 && $1 }
            }
        }
        switch op {
        case .add: return try Tensor.mapBinary(a, b, T.self, T.self, T.plus)
        case .sub: return try Tensor.mapBinary(a, b, T.self, T.self, T.minus)
        case .mul: return try Tensor.mapBinary(a, b, T.self, T.self, T.times)
        case .maximum: return try Tensor.mapBinary(a, b, T.self, T.self) { x, y in
            x != x ? x : (y != y ? y : (x >= y ? x : y))   // a NaN wins, as in PyTorch
        }
        case .minimum: return try Tensor.mapBinary(a, b, T.self, T.self) { x, y in
            x != x ? x : (y != y ? y : (x <= y ? x : y))
        }
        default: break
        }
        switch dtype {
        case .float32: return try floatOp(Float.self)
        case .float64: return try floatOp(Double.self)
        case .int64: return try intOp(Int64.self)
        case .int32: return try intOp(Int32.self)
        default: return try intOp(UInt8.self)
        }
    }

    func floatOp<F: FloatElement>(_: F.Type) throws -> Tensor {
        switch op {
        case .div: return try Tensor.mapBinary(a, b, F.self, F.self, /)
        case .pow:
            if let e = scalarExponent {
                let rule: (F) -> F
                switch e {
                case 0: rule = { _ in 1 }
                case 1: rule = { $0 }
                case 0.5: rule = { F.sqrt($0) }
                case -0.5: rule = { 1 / F.sqrt($0) }
                case -1: rule = { 1 / $0 }
                case 2: rule = { $0 * $0 }
                case 3: rule = { $0 * $0 * $0 }
                case -2: rule = { 1 / ($0 * $0) }
                default:
                    if let out = try Tensor.vectorPow(a, b, exponent: e) { return out }
                    // ATen's scalar lambda: std::pow(base, static_cast<double>(exp)), rounded back.
                    rule = { F(Foundation.pow(Double($0), e)) }
                }
                return try Tensor.mapBinary(a, b, F.self, F.self) { x, _ in rule(x) }
            }
            if let out = try Tensor.vectorPow(a, b, exponent: nil) { return out }
            return try Tensor.mapBinary(a, b, F.self, F.self) { x, y in F.pow(x, y) }
        case .remainder: return try Tensor.mapBinary(a, b, F.self, F.self) { x, y in
            var m = x.truncatingRemainder(dividingBy: y)
            if m != 0 && (y < 0) != (m < 0) { m += y }
            return m
        }
        case .fmod: return try Tensor.mapBinary(a, b, F.self, F.self) { x, y in x.truncatingRemainder(dividingBy: y) }
        default: return try Tensor.mapBinary(a, b, F.self, F.self) { x, y in floorDivide(x, y) }
        }
    }

    func intOp<I: NumericElement & FixedWidthInteger>(_: I.Type) throws -> Tensor {
        switch op {
        case .pow: return try Tensor.mapBinary(a, b, I.self, I.self) { x, y in
            var result: I = 1, base = x, e = y
            while e > 0 { if e & 1 == 1 { result = result &* base }; base = base &* base; e >>= 1 }
            return result
        }
        case .remainder: return try Tensor.mapBinary(a, b, I.self, I.self) { x, y in
            if y == -1 { return 0 }
            var m = x % y
            if m != 0 && (y < 0) != (m < 0) { m = m &+ y }
            return m
        }
        case .fmod: return try Tensor.mapBinary(a, b, I.self, I.self) { x, y in y == -1 ? 0 : x % y }
        default: return try Tensor.mapBinary(a, b, I.self, I.self) { x, y in
            if y == -1 { return 0 &- x }
            let q = x / y
            return (x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q
        }
        }
    }
}

/// Python / PyTorch floor division of floats (`div_floor_floating` in BinaryOps.h).
@inline(__always)
func floorDivide<F: FloatElement>(_ a: F, _ b: F) -> F {
    if b == 0 { return a / b }
    let mod = a.truncatingRemainder(dividingBy: b)
    var div = (a - mod) / b
    if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
    if div != 0 {
        var floordiv = div.rounded(.down)
        if div - floordiv > 0.5 { floordiv += 1 }
        return floordiv
    }
    return F(sign: (a / b).sign, exponent: 0, significand: 0)
}

// MARK: operators for Swift callers (gradient rules, layers)

public func + (a: Tensor, b: Tensor) throws -> Tensor { try Tensor.binary(a, b, .add) }
public func - (a: Tensor, b: Tensor) throws -> Tensor { try Tensor.binary(a, b, .sub) }
public func * (a: Tensor, b: Tensor) throws -> Tensor { try Tensor.binary(a, b, .mul) }
public func / (a: Tensor, b: Tensor) throws -> Tensor { try Tensor.binary(a, b, .div) }
public func * (a: Tensor, b: Double) throws -> Tensor { try Tensor.binary(a, .wrapped(b), .mul) }
public func + (a: Tensor, b: Double) throws -> Tensor { try Tensor.binary(a, .wrapped(b), .add) }
public func - (a: Tensor, b: Double) throws -> Tensor { try Tensor.binary(a, .wrapped(b), .sub) }
public func / (a: Tensor, b: Double) throws -> Tensor { try Tensor.binary(a, .wrapped(b), .div) }

extension Tensor {
    /// Bitwise `&`, `|`, `^` and shifts, as PyTorch's kernels: integers and bools only (bools stay bools,
    /// shifts excepted), shifts by a negative count or by the type's width or more give 0 (`>>` fills
    /// with the sign), results wrap to the type's width. Integer tensors never require grad.
    static func bitwise(_ a: Tensor, _ b: Tensor, _ op: BinaryOp) throws -> Tensor {
        let compute = resultType([a, b])
        let isShift = op == .shiftLeft || op == .shiftRight
        if compute.isFloatingPoint || (isShift && compute == .bool) {
            throw TorchError("NotImplementedError", "\"\(op.kernelName)\" not implemented for '\(compute.cppName)'")
        }
        let shape = try Shape.broadcast(a.shape, b.shape)
        let x = try a.to(compute).expand(shape).ints(), y = try b.to(compute).expand(shape).ints()
        let bits = Int64(compute.itemSize * 8)
        func wrap(_ v: Int64) -> Int64 {
            switch compute {
            case .int32: return Int64(Int32(truncatingIfNeeded: v))
            case .uint8: return Int64(UInt8(truncatingIfNeeded: v))
            case .bool: return v != 0 ? 1 : 0
            default: return v
            }
        }
        var values = [Int64]()
        values.reserveCapacity(x.count)
        for (p, q) in zip(x, y) {
            switch op {
            case .bitwiseAnd: values.append(p & q)
            case .bitwiseOr: values.append(p | q)
            case .bitwiseXor: values.append(p ^ q)
            case .shiftLeft: values.append(q < 0 || q >= bits ? 0 : wrap(p << q))
            default:
                if q < 0 || q >= bits { values.append(compute == .uint8 || p >= 0 ? 0 : -1) } else { values.append(p >> q) }
            }
        }
        return try Tensor.from(ints: values, shape: shape, dtype: compute)
    }
}

extension Tensor {
    /// `pow` as ATen's kernel computes a contiguous base to a scalar exponent or to an exponent of
    /// the same shape: SLEEF's vector pow for the whole vector steps, std::pow for the tail
    /// (CFastMath/pow.c). nil for other layouts, which take the per-element loop.
    static func vectorPow(_ base: Tensor, _ exponentTensor: Tensor, exponent: Double?) throws -> Tensor? {
        // A dense base in any dimension order (`x.t()`) is one run through memory, as TensorIterator
        // walks it; the result keeps the base's strides, as PyTorch's does.
        let dense = base.isContiguous || (exponent != nil && base.isNonOverlappingAndDense && base.strides.allSatisfy { $0 >= 0 })
        guard dense, base.dtype == exponentTensor.dtype || exponent != nil,
              exponent != nil || (exponentTensor.isContiguous && exponentTensor.shape == base.shape) else { return nil }
        let n = base.numel
        func result(_ dtype: DType) throws -> Tensor {
            let out = try Tensor.uninitialized(base.shape, dtype: dtype)
            return base.isContiguous ? out : Tensor(storage: out.storage, shape: base.shape, strides: base.strides, offset: 0)
        }
        switch base.dtype {
        case .float32:
            let out = try result(.float32)
            if let exponent {
                var e = Float(exponent)
                nnsh_pow_f32(base.storage.pointer(Float.self) + base.offset, &e, 0, exponent, out.storage.pointer(Float.self), n)
            } else {
                nnsh_pow_f32(base.storage.pointer(Float.self) + base.offset, exponentTensor.storage.pointer(Float.self) + exponentTensor.offset, 1,
                             0, out.storage.pointer(Float.self), n)
            }
            return out
        case .float64:
            let out = try result(.float64)
            if let exponent {
                var e = exponent
                nnsh_pow_f64(base.storage.pointer(Double.self) + base.offset, &e, 0, out.storage.pointer(Double.self), n)
            } else {
                nnsh_pow_f64(base.storage.pointer(Double.self) + base.offset, exponentTensor.storage.pointer(Double.self) + exponentTensor.offset, 1,
                             out.storage.pointer(Double.self), n)
            }
            return out
        default:
            return nil
        }
    }
}
