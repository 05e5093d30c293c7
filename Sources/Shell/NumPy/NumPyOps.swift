import Foundation
import NumPy
import Syntax
import Torch

/// numpy's ufunc semantics over Torch tensors: operands promoted by numpy 2's rules (NEP 50 weak
/// Python scalars), then the op run in the result dtype (where numpy and PyTorch agree element by
/// element), and numpy's own rules where they differ (true division of integers, integer division
/// by zero, bool arithmetic, reductions' summation order).
enum NumPyOps {
    enum Operand {
        case array(Tensor)
        case python(PythonScalarKind, Value)

        var dtype: DType? { if case .array(let t) = self { return t.dtype } else { return nil } }
    }

    /// `other` as a ufunc operand; nil when numpy would return NotImplemented (tensors defer to
    /// torch, whose `__array_priority__` wins).
    static func operand(_ v: Value, _ interp: Interpreter) throws -> Operand? {
        switch v {
        case .object(let a as NDArrayObject): return .array(a.array)
        case .bool: return .python(.bool, v)
        case .int(let i): return .python(.int(i), v)
        case .float: return .python(.float, v)
        case .list, .tuple: return .array(try NumPyConvert.array(from: v, dtype: nil, interp))
        default: return nil
        }
    }

    /// NEP 50's array-with-Python-scalar promotion, its errors as Python's.
    static func promote(_ a: DType, scalar: PythonScalarKind) throws -> DType {
        do { return try NumPyPromotion.promote(a, scalar: scalar) } catch { throw PythonError(error.type, error.message) }
    }

    static func resultType(_ a: Operand, _ b: Operand) throws -> DType {
        switch (a, b) {
        case (.array(let x), .array(let y)): return NumPyPromotion.promote(x.dtype, y.dtype)
        case (.array(let x), .python(let k, _)), (.python(let k, _), .array(let x)): return try promote(x.dtype, scalar: k)
        case (.python(let k1, _), .python(let k2, _)):
            return NumPyPromotion.promote(NumPyPromotion.defaultType(k1), NumPyPromotion.defaultType(k2))
        }
    }

    static func tensor(_ o: Operand, as dtype: DType) throws -> Tensor {
        switch o {
        case .array(let t): return t.dtype == dtype ? t : try t.to(dtype)
        case .python(_, let v):
            switch v {
            case .bool(let b): return try Tensor.scalar(int: b ? 1 : 0, dtype: .int64).to(dtype)
            case .int(let i): return try Tensor.scalar(int: Int64(i), dtype: .int64).to(dtype)
            case .float(let d): return try Tensor.scalar(d, dtype: .float64).to(dtype)
            default: throw PythonError.type("unsupported operand")
            }
        }
    }

    static func ufuncName(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "add"
        case .subtract: return "subtract"
        case .multiply: return "multiply"
        case .divide: return "divide"
        case .floorDivide: return "floor_divide"
        case .modulo: return "remainder"
        case .power: return "power"
        case .matrixMultiply: return "matmul"
        case .leftShift: return "left_shift"
        case .rightShift: return "right_shift"
        case .bitAnd: return "bitwise_and"
        case .bitOr: return "bitwise_or"
        case .bitXor: return "bitwise_xor"
        }
    }

    static func unsupported(_ name: String) -> PythonError {
        PythonError.type("ufunc '\(name)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
    }

    static func checkBroadcast(_ x: Tensor, _ y: Tensor) throws {
        do { _ = try Shape.broadcast(x.shape, y.shape) } catch {
            let a = ArrayPrinter.shapeText(x.shape), b = ArrayPrinter.shapeText(y.shape)
            throw PythonError.value("operands could not be broadcast together with shapes \(a) \(b) ")
        }
    }

    static func binary(_ op: BinaryOperator, _ a: Operand, _ b: Operand) throws -> Value {
        var r = try resultType(a, b)
        if op == .matrixMultiply {
            let x = try tensor(a, as: r), y = try tensor(b, as: r)
            if x.dim == 0 || y.dim == 0 {
                throw PythonError.value("matmul: Input operand \(x.dim == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
            }
            let compute: DType = r.isFloatingPoint ? r : .float64
            let out = try Tensor.matmul(try x.to(compute), try y.to(compute))
            return NDArrayObject.result(compute == r ? out : try out.to(r))
        }
        if r == .bool {
            switch op {
            case .add: return NDArrayObject.result(try Tensor.binary(try tensor(a, as: .bool), try tensor(b, as: .bool), .logicalOr))
            case .multiply: return NDArrayObject.result(try Tensor.binary(try tensor(a, as: .bool), try tensor(b, as: .bool), .logicalAnd))
            case .subtract:
                throw PythonError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
            case .bitAnd, .bitOr, .bitXor:
                let top: BinaryOp = op == .bitAnd ? .logicalAnd : op == .bitOr ? .logicalOr : .logicalXor
                return NDArrayObject.result(try Tensor.binary(try tensor(a, as: .bool), try tensor(b, as: .bool), top))
            case .floorDivide, .modulo, .power:
                // numpy computes these in int8, a dtype nnsh's arrays do not have.
                throw PythonError("NotImplementedError", "nnsh's numpy has no int8 dtype, which numpy's bool \(op.rawValue) bool gives")
            default: break
            }
        }
        if op == .divide { r = NumPyPromotion.trueDivide(r) }
        let x = try tensor(a, as: r), y = try tensor(b, as: r)
        try checkBroadcast(x, y)
        let top: BinaryOp
        switch op {
        case .add: top = .add
        case .subtract: top = .sub
        case .multiply: top = .mul
        case .divide: top = .div
        case .floorDivide:
            if !r.isFloatingPoint { return NDArrayObject.result(try integerDivision(x, y, floor: true)) }
            top = .floorDiv
        case .modulo:
            if !r.isFloatingPoint { return NDArrayObject.result(try integerDivision(x, y, floor: false)) }
            top = .remainder
        case .power:
            if !r.isFloatingPoint, try y.ints().contains(where: { $0 < 0 }) {
                throw PythonError.value("Integers to negative integer powers are not allowed.")
            }
            top = .pow
        case .bitAnd, .bitOr, .bitXor, .leftShift, .rightShift:
            if r.isFloatingPoint { throw unsupported(ufuncName(op)) }
            top = op == .bitAnd ? .bitwiseAnd : op == .bitOr ? .bitwiseOr : op == .bitXor ? .bitwiseXor : op == .leftShift ? .shiftLeft : .shiftRight
        case .matrixMultiply: top = .mul  // handled above
        }
        return NDArrayObject.result(try Tensor.binary(x, y, top))
    }

    /// numpy's integer `//` and `%`: floor semantics, and 0 where the divisor is 0 (numpy warns).
    static func integerDivision(_ x: Tensor, _ y: Tensor, floor: Bool) throws -> Tensor {
        let shape = try Shape.broadcast(x.shape, y.shape)
        let xs = try x.expand(shape).contiguous().ints(), ys = try y.expand(shape).contiguous().ints()
        var out = [Int64](repeating: 0, count: xs.count)
        for i in 0..<xs.count {
            let a = xs[i], b = ys[i]
            if b == 0 { continue }
            if a == Int64.min && b == -1 { out[i] = floor ? Int64.min : 0; continue }
            var q = a / b, m = a % b
            if m != 0 && ((m < 0) != (b < 0)) { q -= 1; m += b }
            out[i] = floor ? q : m
        }
        return try Tensor.from(ints: out, shape: shape, dtype: .int64).to(x.dtype)
    }

    static func intInvert(_ t: Tensor) throws -> Tensor {
        let v = try t.contiguous().ints().map { ~$0 }
        return try Tensor.from(ints: v, shape: t.shape, dtype: .int64).to(t.dtype)
    }

    static func compare(_ op: ComparisonOperator, _ a: Operand, _ b: Operand) throws -> Value? {
        let top: BinaryOp
        switch op {
        case .equal: top = .eq
        case .notEqual: top = .ne
        case .less: top = .lt
        case .lessEqual: top = .le
        case .greater: top = .gt
        case .greaterEqual: top = .ge
        default: return nil
        }
        let r = try resultType(a, b)
        let x = try tensor(a, as: r), y = try tensor(b, as: r)
        if (op == .equal || op == .notEqual), (try? Shape.broadcast(x.shape, y.shape)) == nil {
            throw PythonError.value("operands could not be broadcast together with shapes \(ArrayPrinter.shapeText(x.shape)) \(ArrayPrinter.shapeText(y.shape)) ")
        }
        try checkBroadcast(x, y)
        return NDArrayObject.result(try Tensor.compareValues(x, y, top))
    }

    // MARK: indexing

    static func indexItems(_ key: Value, _ t: Tensor, _ interp: Interpreter) throws -> [IndexItem] {
        let parts: [Value]
        if case .tuple(let items) = key { parts = items } else { parts = [key] }
        return try parts.map { v -> IndexItem in
            switch v {
            case .object(let a as NDArrayObject):
                if a.isScalar || a.array.dim == 0 {
                    if a.array.dtype == .bool { return .tensor(a.array) }
                    if !a.array.dtype.isFloatingPoint, case .int(let i) = a.pythonValue() { return .int(i) }
                }
                if a.array.dtype.isFloatingPoint {
                    throw PythonError.index("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
                }
                return .tensor(a.array.dtype == .bool ? a.array : try a.array.to(.int64))
            case .float:
                throw PythonError.index("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
            case .list:
                return .tensor(try NumPyConvert.array(from: v, dtype: nil, interp))
            default:
                let items = try interp.indexItems(v)
                return items.first ?? .ellipsis
            }
        }
    }

    /// numpy's negative-step slices (`a[::-1]`), which Torch's views cannot take: the positions as
    /// an index array along that axis (a copy where numpy gives a view; values are the same).
    static func reversedSlices(_ items: [IndexItem], _ t: Tensor) throws -> [IndexItem] {
        guard items.contains(where: { if case .slice(_, _, let s?) = $0 { return s < 0 }; return false }) else { return items }
        let advanced = items.filter { if case .tensor = $0 { return true }; return false }.count
        let negatives = items.filter { if case .slice(_, _, let s?) = $0 { return s < 0 }; return false }.count
        if advanced + negatives > 1 {
            throw PythonError("NotImplementedError", "nnsh's numpy takes one negative-step slice per index, without index arrays beside it")
        }
        var out = [IndexItem]()
        var dim = 0
        let consuming = items.filter { if case .none = $0 { return false }; if case .ellipsis = $0 { return false }; return true }.count
        for item in items {
            switch item {
            case .none: out.append(item)
            case .ellipsis: out.append(item); dim += Swift.max(t.dim - consuming, 0)
            case .slice(let a, let b, let s?) where s < 0:
                guard dim < t.dim else { throw PythonError.index("too many indices for array: array is \(t.dim)-dimensional") }
                let n = t.shape[dim]
                var start = a.map { $0 < 0 ? $0 + n : $0 } ?? n - 1
                start = Swift.min(start, n - 1)
                var stop = b.map { $0 < 0 ? $0 + n : $0 } ?? -1
                if b != nil && stop < -1 { stop = -1 }
                var idx = [Int64]()
                var i = start
                while i > stop && i >= 0 { idx.append(Int64(i)); i += s }
                out.append(.tensor(try Tensor.from(ints: idx, shape: [idx.count], dtype: .int64)))
                dim += 1
            default:
                out.append(item); dim += 1
            }
        }
        return out
    }

    /// numpy's own index errors, checked before Torch sees the index.
    static func checkIndex(_ items: [IndexItem], _ t: Tensor) throws {
        var consumed = 0
        for item in items {
            switch item {
            case .none, .ellipsis: break
            case .tensor(let m) where m.dtype == .bool: consumed += Swift.max(m.dim, 1) == 0 ? 0 : m.dim
            default: consumed += 1
            }
        }
        if consumed > t.dim {
            throw PythonError.index("too many indices for array: array is \(t.dim)-dimensional, but \(consumed) were indexed")
        }
        // A boolean mask must match the axes it covers.
        var axis = 0
        let consuming = consumed
        for item in items {
            switch item {
            case .none: break
            case .ellipsis: axis += t.dim - consuming
            case .tensor(let m) where m.dtype == .bool && m.dim > 0:
                for (j, size) in m.shape.enumerated() where axis + j < t.dim && t.shape[axis + j] != size {
                    throw PythonError.index("boolean index did not match indexed array along axis \(axis + j); size of axis is \(t.shape[axis + j]) but size of corresponding boolean axis is \(size)")
                }
                axis += m.dim
            default: axis += 1
            }
        }
    }

    /// Torch's index errors in numpy's words.
    static func withIndexErrors<R>(_ body: () throws -> R) throws -> R {
        do { return try body() } catch let e as TorchError {
            let m = "\(e)"
            if let r = m.range(of: "index "), m.contains("is out of bounds for dimension") {
                // "index 5 is out of bounds for dimension 0 with size 3" → numpy's "axis 0".
                let tail = m[r.lowerBound...].replacingOccurrences(of: "for dimension", with: "for axis")
                throw PythonError.index(String(tail))
            }
            throw e
        }
    }

    /// A value assigned into an array of `dtype` (numpy casts it, truncating floats into integers).
    static func castForAssignment(_ v: Value, to dtype: DType, _ interp: Interpreter) throws -> Tensor {
        switch v {
        case .object(let a as NDArrayObject): return try a.array.to(dtype)
        case .tensor(let t): return try t.to(dtype)
        case .bool(let b): return try Tensor.scalar(int: b ? 1 : 0, dtype: .int64).to(dtype)
        case .int(let i):
            if dtype != .bool && !dtype.isFloatingPoint { _ = try resultType(.array(Tensor.scalar(int: 0, dtype: dtype)), .python(.int(i), v)) }
            return try Tensor.scalar(int: Int64(i), dtype: .int64).to(dtype)
        case .float(let d):
            if !dtype.isFloatingPoint && dtype != .bool && !d.isFinite {
                throw PythonError.value("cannot convert float \(d.isNaN ? "NaN" : "infinity") to integer")
            }
            return try Tensor.scalar(d, dtype: .float64).to(dtype)
        case .list, .tuple: return try NumPyConvert.array(from: v, dtype: dtype, interp)
        case .str(let s):
            // numpy parses the string as the dtype's Python type would.
            if dtype.isFloatingPoint {
                guard let d = Double(s.trimmingCharacters(in: .whitespaces)) else { throw PythonError.value("could not convert string to float: \(pythonStringRepr(s))") }
                return try Tensor.scalar(d, dtype: .float64).to(dtype)
            }
            guard let i = Int(s.trimmingCharacters(in: .whitespaces)) else { throw PythonError.value("invalid literal for int() with base 10: \(pythonStringRepr(s))") }
            return try Tensor.scalar(int: Int64(i), dtype: .int64).to(dtype)
        default:
            throw PythonError.type("float() argument must be a string or a real number, not '\(v.typeName)'")
        }
    }

    // MARK: shapes

    static func shapeArgument(_ v: Value, _ function: String) throws -> [Int] {
        switch v {
        case .int(let i): return [i]
        case .tuple(let t): return try t.map { try $0.asInt() }
        case .list(let l): return try l.items.map { try $0.asInt() }
        case .size(let s): return s
        case .object(let a as NDArrayObject): return try a.array.ints().map { Int($0) }
        default: return [try v.asInt()]
        }
    }

    /// numpy's reshape: one -1 inferred, and its error text.
    static func reshaped(_ t: Tensor, _ shape: [Int]) throws -> Tensor {
        var s = shape
        let unknown = s.indices.filter { s[$0] == -1 }
        if unknown.count > 1 { throw PythonError.value("can only specify one unknown dimension") }
        if s.contains(where: { $0 < -1 }) { throw PythonError.value("negative dimensions not allowed") }
        if let u = unknown.first {
            let known = s.enumerated().filter { $0.offset != u }.reduce(1) { $0 * $1.element }
            if known == 0 || t.numel % known != 0 {
                throw PythonError.value("cannot reshape array of size \(t.numel) into shape \(compactShape(shape))")
            }
            s[u] = t.numel / known
        }
        let (n, o) = s.reduce((1, false)) { acc, d in let (p, oo) = acc.0.multipliedReportingOverflow(by: d); return (p, acc.1 || oo) }
        if o || n != t.numel { throw PythonError.value("cannot reshape array of size \(t.numel) into shape \(compactShape(shape))") }
        return try t.reshape(s)
    }

    /// reshape's error prints the shape without spaces: `(4,2)`.
    static func compactShape(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
    }

    static func normalizeAxis(_ axis: Int, _ ndim: Int) throws -> Int {
        let a = axis < 0 ? axis + ndim : axis
        guard a >= 0 && a < Swift.max(ndim, 0) else {
            throw PythonError("numpy.exceptions.AxisError", "axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        return a
    }

    static func axes(_ v: Value?, _ ndim: Int) throws -> [Int]? {
        guard let v, !v.isNone else { return nil }
        let list: [Int]
        switch v {
        case .tuple(let t): list = try t.map { try $0.asInt() }
        default: list = [try v.asInt()]
        }
        let normalized = try list.map { try normalizeAxis($0, ndim) }
        if Set(normalized).count != normalized.count { throw PythonError.value("duplicate value in 'axis'") }
        return normalized.sorted()
    }
}
