import BigInt
import NN
import Foundation
import Syntax
import Torch

/// Python's operators over values: numbers with Python's semantics, sequences, and tensors
/// (which go to `Tensor.binary` with Python numbers wrapped as PyTorch wraps them).
extension Interpreter {
    func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .dict(let d): return !d.isEmpty
        case .set(let s): return !s.isEmpty
        case .object(let v as DictView): return !v.dict.isEmpty
        case .size(let s): return !s.isEmpty
        case .range(let a, let b, let c): return rangeCount(a, b, c) > 0
        case .tensor(let t):
            guard t.numel == 1 else {
                throw PythonError.runtime(t.numel == 0 ? "Boolean value of Tensor with no values is ambiguous"
                                                       : "Boolean value of Tensor with more than one value is ambiguous")
            }
            return try t.item() != 0
        case .object(let i as PyInstance): return try instanceTruthy(i)
        case .object(let t as PyType) where t.metaclass != nil:
            if let r = try metaclassSpecial(v, "__bool__") { return try truthy(r) }
            if let r = try metaclassSpecial(v, "__len__") { return try truthy(r) }
            return true
        case .object(let o as OperandObject): return try o.truth()
        case .module(let p as PythonModule) where p.userMethod("__bool__") != nil || p.userMethod("__len__") != nil:
            let name = p.userMethod("__bool__") != nil ? "__bool__" : "__len__"
            return try truthy(try call(try moduleGetAttribute(p, name), Arguments()))
        case .module(let m) where m.swiftLayer is Sequential || m.swiftLayer is ModuleList || m.swiftLayer is ModuleDict:
            return !m.childNames.isEmpty  // the containers define __len__
        case .module(let m) where m.swiftLayer is ParameterContainer: return !m.parameterNames.isEmpty
        default: return true
        }
    }

    func tensorOp(_ op: BinaryOperator) -> BinaryOp? {
        switch op {
        case .add: return .add
        case .subtract: return .sub
        case .multiply: return .mul
        case .divide: return .div
        case .floorDivide: return .floorDiv
        case .modulo: return .remainder
        case .power: return .pow
        case .bitAnd: return .bitwiseAnd
        case .bitOr: return .bitwiseOr
        case .bitXor: return .bitwiseXor
        case .leftShift: return .shiftLeft
        case .rightShift: return .shiftRight
        default: return nil
        }
    }

    /// A Python number or tensor as an operand of a tensor op.
    func toTensorOperand(_ v: Value, like t: Tensor) throws -> Tensor {
        switch v {
        case .tensor(let x): return x
        case .int(let i): return .wrapped(int: Int64(i))
        case .float(let d): return .wrapped(d)
        case .bool(let b): return .wrapped(bool: b)
        case .list, .tuple: return try makeTensor(v, dtype: nil)
        // torch.as_tensor(array): the tensor side wins (`__array_priority__`).
        case .object(let a as NDArrayObject): return a.array
        default: throw PythonError.type("unsupported operand type(s) for Tensor and '\(v.typeName)'")
        }
    }

    func unaryOperation(_ op: UnaryOperator, _ v: Value) throws -> Value {
        if op != .not, case .object(let i as PyInstance) = v { return try instanceUnary(op, i) }
        if op != .not, let o = v.operand, let r = try o.unary(op, self) { return r }
        switch (op, v) {
        case (.not, _): return .bool(!(try truthy(v)))
        case (.negate, .int(let i)):
            let (r, o) = (0).subtractingReportingOverflow(i)
            return o ? Value.integer(-BigInt(i)) : .int(r)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.negate, .float(let d)): return .float(-d)
        case (.plus, .int), (.plus, .float): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (.negate, .tensor(let t)): return .tensor(try t.neg())
        case (.plus, .tensor): return v
        case (.invert, .tensor(let t)):
            guard t.dtype == .bool || t.dtype.isIntegral else {
                throw PythonError.type("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
            }
            return .tensor(t.dtype == .bool ? try Tensor.compareValues(t, Tensor.wrapped(bool: false), .eq)
                                            : try (t.neg() - Tensor.wrapped(int: 1)))
        default:
            throw PythonError.type("bad operand type for unary \(op.rawValue): '\(v.typeName)'")
        }
    }

    func binaryOperation(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        // `'%s' % tensor` is string formatting, not a tensor op.
        if case .str(let s) = a, op == .modulo { return .str(try percentFormat(s, b)) }
        if a.instance != nil || b.instance != nil, let r = try instanceBinary(op, a, b) { return r }
        if let x = a.operand, let r = try x.binary(op, b, reflected: false, self) { return r }
        if let y = b.operand, let r = try y.binary(op, a, reflected: true, self) { return r }
        // Tensors first: any tensor operand makes this a tensor op.
        if case .tensor(let x) = a {
            if op == .matrixMultiply { return .tensor(try Tensor.matmul(x, try toTensorOperand(b, like: x))) }
            if let top = tensorOp(op) { return .tensor(try Tensor.binary(x, try toTensorOperand(b, like: x), top)) }
        }
        if case .tensor(let y) = b {
            if op == .matrixMultiply { return .tensor(try Tensor.matmul(try toTensorOperand(a, like: y), y)) }
            // `number / tensor` is Tensor.__rtruediv__: `self.reciprocal() * other` (torch/_tensor.py).
            if op == .divide, a.isNumberLiteralValue { return .tensor(try Tensor.binary(y.unary(.reciprocal), try toTensorOperand(a, like: y), .mul)) }
            if let top = tensorOp(op) { return .tensor(try Tensor.binary(try toTensorOperand(a, like: y), y, top)) }
        }
        if case .module(let m) = a, op == .add, m.swiftLayer is Sequential || m.swiftLayer is ModuleList { return try moduleConcatenate(m, b) }
        switch (a, b) {
        case (.int, .int), (.int, .bool), (.bool, .int), (.bool, .bool):
            return try intOperation(op, asInt(a), asInt(b))
        case (.float, .float), (.float, .int), (.int, .float), (.float, .bool), (.bool, .float):
            return try floatOperation(op, asDouble(a), asDouble(b))
        // The keys and items views are set-like: with a set or any iterable, `& | - ^` give sets.
        case (.object(let v as DictView), _) where v.isSetLike && [.bitOr, .bitAnd, .subtract, .bitXor].contains(op),
             (_, .object(let v as DictView)) where v.isSetLike && [.bitOr, .bitAnd, .subtract, .bitXor].contains(op):
            return try binaryOperation(op, .set(try makeSet(a)), .set(try makeSet(b)))
        case (.dict(let x), .dict(let y)) where op == .bitOr:
            let r = x.copy()
            for (k, v) in zip(y.keys, y.values) { r.set(k, v) }
            return .dict(r)
        case (.set(let x), .set(let y)) where [.bitOr, .bitAnd, .subtract, .bitXor].contains(op):
            switch op {
            case .bitOr: return .set(x.union(y))
            case .bitAnd: return .set(x.intersection(y))
            case .subtract: return .set(x.difference(y))
            default: return .set(x.symmetricDifference(y))
            }
        case (.str(let x), .str(let y)) where op == .add:
            try checkCollectionSize(x.utf8.count &+ y.utf8.count, elementBytes: 1)
            return .str(x + y)
        case (.str(let s), .int(let n)) where op == .multiply, (.int(let n), .str(let s)) where op == .multiply:
            if n <= 0 || s.isEmpty { return .str("") }
            let (bytes, o) = s.utf8.count.multipliedReportingOverflow(by: n)
            if o || bytes > 100_000_000 * 8 { throw PythonError("MemoryError", "") }
            try checkCollectionSize(bytes, elementBytes: 1)
            return .str(String(repeating: s, count: n))
        case (.str(let s), _) where op == .modulo:
            return .str(try percentFormat(s, b))
        case (.list(let x), .list(let y)) where op == .add:
            try checkCollectionSize(x.items.count &+ y.items.count)
            return .list(PyList(x.items + y.items))
        case (.tuple(let x), .tuple(let y)) where op == .add:
            try checkCollectionSize(x.count &+ y.count)
            return .tuple(x + y)
        case (.size(let x), .size(let y)) where op == .add: return .size(x + y)
        // torch.Size's own __add__/__radd__/__mul__ keep the type, checking every item is an int.
        case (.size(let x), .tuple(let y)) where op == .add: return .size(x + (try sizeItems(y, after: x.count)))
        case (.tuple(let x), .size(let y)) where op == .add: return .size((try sizeItems(x, after: 0)) + y)
        case (.size, .list) where op == .add:
            throw PythonError.type("can only concatenate tuple (not list) to torch.Size")
        case (.size(let s), .int(let n)) where op == .multiply, (.int(let n), .size(let s)) where op == .multiply:
            return .size(try repeatCollection(s.map { Value.int($0) }, n).map { v -> Int in if case .int(let i) = v { return i }; return 0 })
        case (.list(let l), .int(let n)) where op == .multiply, (.int(let n), .list(let l)) where op == .multiply:
            return .list(PyList(try repeatCollection(l.items, n)))
        case (.tuple(let t), .int(let n)) where op == .multiply, (.int(let n), .tuple(let t)) where op == .multiply:
            return .tuple(try repeatCollection(t, n))
        case (.str, _) where op == .multiply, (.list, _) where op == .multiply, (.tuple, _) where op == .multiply:
            throw PythonError.type("can't multiply sequence by non-int of type '\(b.typeName)'")
        case (_, .str) where op == .multiply, (_, .list) where op == .multiply, (_, .tuple) where op == .multiply:
            throw PythonError.type("can't multiply sequence by non-int of type '\(a.typeName)'")
        case (.str, _) where op == .add, (.list, _) where op == .add, (.tuple, _) where op == .add:
            // CPython's sequence concatenation message.
            throw PythonError.type("can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)")
        default:
            throw PythonError.type("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    private func repeatCollection<T>(_ items: [T], _ n: Int) throws -> [T] {
        // `() * 2**40` is `()` at once (it looped 2^40 times; found by the structured fuzzer).
        if n <= 0 || items.isEmpty { return [] }
        let (total, o) = items.count.multipliedReportingOverflow(by: n)
        if o || total > 100_000_000 { throw PythonError("MemoryError", "") }
        try checkCollectionSize(total, elementBytes: MemoryLayout<T>.stride)
        var out = [T]()
        out.reserveCapacity(total)
        for _ in 0..<n { out += items }
        return out
    }

    /// Lists, tuples and strings sized from user input count against the memory cap, as tensors do.
    func checkCollectionSize(_ count: Int, elementBytes: Int = MemoryLayout<Value>.stride) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: elementBytes)
        if overflow || bytes > MemoryLimit.bytes {
            throw PythonError("MemoryError", "\(count) items would pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
        }
        // Small requests are left to the safe points' periodic look (`checkInterrupt`).
        if bytes >= 1 << 16, let used = MemoryLimit.overBudget(adding: bytes) {
            throw PythonError("MemoryError", "\(bytes) more bytes with \(used) in use would pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
        }
    }

    func asInt(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if let o = v.operand, let i = try o.toInt(index: true) { return i }
            throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    func asDouble(_ v: Value) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .tensor(let t) where t.numel == 1: return try t.item()
        default:
            if let o = v.operand, let d = try o.toDouble() { return d }
            throw PythonError.type("must be real number, not \(v.typeName)")
        }
    }

    /// `int op int`: in 64 bits while the result fits, else in arbitrary precision (BigInteger.swift).
    private func intOperation(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        func big() throws -> Value { try BigIntObject.operation(op, BigInt(x), BigInt(y)) }
        switch op {
        case .add:
            let r = x.addingReportingOverflow(y)
            return r.overflow ? try big() : .int(r.partialValue)
        case .subtract:
            let r = x.subtractingReportingOverflow(y)
            return r.overflow ? try big() : .int(r.partialValue)
        case .multiply:
            let r = x.multipliedReportingOverflow(by: y)
            return r.overflow ? try big() : .int(r.partialValue)
        case .divide:
            if y == 0 { throw PythonError.zeroDivision("division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDivide, .modulo:
            if y == 0 { throw PythonError.zeroDivision(op == .modulo ? "integer modulo by zero" : "integer division or modulo by zero") }
            if x == Int.min && y == -1 { return op == .modulo ? .int(0) : try big() }
            var q = x / y, r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { q -= 1; r += y }
            return .int(op == .floorDivide ? q : r)
        case .power:
            if y < 0 {
                if x == 0 { throw PythonError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            var result = 1, base = x, e = y
            while e > 0 {
                if e & 1 == 1 {
                    let r = result.multipliedReportingOverflow(by: base)
                    if r.overflow { return try big() }
                    result = r.partialValue
                }
                e >>= 1
                if e > 0 {
                    let b = base.multipliedReportingOverflow(by: base)
                    if b.overflow { return try big() }
                    base = b.partialValue
                }
            }
            return .int(result)
        case .leftShift:
            if y < 0 { throw PythonError.value("negative shift count") }
            if x == 0 { return .int(0) }
            if y >= 63 || (x << y) >> y != x { return try big() }
            return .int(x << y)
        case .rightShift:
            if y < 0 { throw PythonError.value("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matrixMultiply: throw PythonError.type("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    private func floatOperation(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            if y == 0 { throw PythonError.zeroDivision("float division by zero") }
            return .float(x / y)
        case .floorDivide:
            if y == 0 { throw PythonError.zeroDivision("float floor division by zero") }
            return .float(pythonFloorDivide(x, y))
        case .modulo:
            if y == 0 { throw PythonError.zeroDivision("float modulo") }
            var m = x.truncatingRemainder(dividingBy: y)
            if m != 0 && (y < 0) != (m < 0) { m += y }
            return .float(m)
        case .power:
            if x == 0 && y < 0 { throw PythonError.zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded() { throw PythonError.value("complex results are not supported by nnsh") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PythonError.overflow("(34, 'Numerical result out of range')") }
            return .float(r)
        default:
            throw PythonError.type("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .is: return .bool(identical(a, b))
        case .isNot: return .bool(!identical(a, b))
        default: break
        }
        if a.instance != nil || b.instance != nil, let r = try instanceCompare(op, a, b) { return r }
        if let x = a.operand, let r = try x.compare(op, b, reflected: false, self) { return r }
        if let y = b.operand, let r = try y.compare(op, a, reflected: true, self) { return r }
        if case .tensor(let x) = a { return .tensor(try Tensor.binary(x, try toTensorOperand(b, like: x), comparisonOp(op))) }
        if case .tensor(let y) = b { return .tensor(try Tensor.binary(try toTensorOperand(a, like: y), y, comparisonOp(op))) }
        switch op {
        case .equal: return .bool(valuesEqual(a, b))
        case .notEqual: return .bool(!valuesEqual(a, b))
        default: break
        }
        let c = try order(a, b, op)
        switch op {
        case .less: return .bool(c < 0)
        case .lessEqual: return .bool(c <= 0)
        case .greater: return .bool(c > 0)
        default: return .bool(c >= 0)
        }
    }

    private func comparisonOp(_ op: ComparisonOperator) -> BinaryOp {
        switch op {
        case .less: return .lt
        case .lessEqual: return .le
        case .greater: return .gt
        case .greaterEqual: return .ge
        case .notEqual: return .ne
        default: return .eq
        }
    }

    /// Three-way ordering for `<` and friends; NaN compares false both ways via the caller's Double path.
    func order(_ a: Value, _ b: Value, _ op: ComparisonOperator) throws -> Int {
        if a.instance != nil || b.instance != nil {
            // User classes order through their rich comparisons (sorted/min/max ask `<` or `>` only).
            let r = try truthy(compare(op, a, b))
            return op == .less || op == .lessEqual ? (r ? -1 : 1) : (r ? 1 : -1)
        }
        if case .object(let big as BigIntObject) = a, let r = try big.compare(op, b, reflected: false, self) {
            return try truthy(r) == (op == .less || op == .lessEqual) ? -1 : 1
        }
        if case .object(let big as BigIntObject) = b, let r = try big.compare(op, a, reflected: true, self) {
            return try truthy(r) == (op == .less || op == .lessEqual) ? -1 : 1
        }
        switch (a, b) {
        case (.tensor, _), (_, .tensor):
            // max()/min()/sorted() over tensors: Python uses `<`/`>` and the result's truth value.
            if try truthy(compare(.less, a, b)) { return -1 }
            return try truthy(compare(.greater, a, b)) ? 1 : 0
        case (.int, .int), (.bool, .int), (.int, .bool), (.bool, .bool):
            let x = try asInt(a), y = try asInt(b)
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .float(let y)):
            guard let c = exactCompare(x, y) else { return op == .notEqual ? 1 : (op == .less || op == .lessEqual ? 1 : -1) }
            return c
        case (.float(let x), .int(let y)):
            guard let c = exactCompare(y, x) else { return op == .notEqual ? 1 : (op == .less || op == .lessEqual ? 1 : -1) }
            return -c
        case (.float, _), (_, .float):
            guard case .some = try? asDouble(a), case .some = try? asDouble(b) else { break }
            let x = try asDouble(a), y = try asDouble(b)
            if x.isNaN || y.isNaN { return op == .notEqual ? 1 : (op == .less || op == .lessEqual ? 1 : -1) }
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.str(let x), .str(let y)): return x.codePointOrder(y)
        case (.tuple(let x), .tuple(let y)): return try orderSequences(x, y, op)
        case (.list(let x), .list(let y)): return try orderSequences(x.items, y.items, op)
        case (.size(let x), .size(let y)): return try orderSequences(x.map { .int($0) }, y.map { .int($0) }, op)
        case (.set(let x), .set(let y)):
            // Subset order: -1 proper subset, 0 equal, 1 proper superset; anything else compares false.
            let sub = x.items.allSatisfy(y.contains), sup = y.items.allSatisfy(x.contains)
            if sub && sup { return 0 }
            if sub { return op == .greater || op == .greaterEqual ? -2 : -1 }
            if sup { return op == .less || op == .lessEqual ? 2 : 1 }
            return op == .less || op == .lessEqual ? 1 : -1
        default: break
        }
        throw PythonError.type("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    private func orderSequences(_ x: [Value], _ y: [Value], _ op: ComparisonOperator) throws -> Int {
        // Lists that contain each other order forever: CPython's recursion limit stops it.
        Interpreter.orderDepth += 1
        defer { Interpreter.orderDepth -= 1 }
        if Interpreter.orderDepth > 200 { throw PythonError("RecursionError", "maximum recursion depth exceeded in comparison") }
        for (p, q) in zip(x, y) where !valuesEqual(p, q) { return try order(p, q, op) }
        return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
    }

    nonisolated(unsafe) static var orderDepth = 0

    private func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none), (.ellipsis, .ellipsis): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.set(let x), .set(let y)): return x === y
        // A tuple's identity is its item storage, which every copy of the value shares.
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { p.baseAddress == $0.baseAddress } }
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return x.codePointsEqual(y)
        case (.dtype(let x), .dtype(let y)): return x == y
        case (.namespace(let x), .namespace(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        default:
            if case .tensor = a { return valuesEqual(a, b) }
            if case .module = a { return valuesEqual(a, b) }
            return false
        }
    }

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else { throw PythonError.type("'in <string>' requires string as left operand, not \(item.typeName)") }
            return s.pythonContains(sub)
        case .dict(let d): return d.get(item, hash: try hashValue(item)) != nil
        case .set(let s): return s.contains(item, hash: try hashValue(item))
        case .object(let v as DictView): return try v.contains(item) { try hashValue(item) }
        case .object(let b as PyBytes): return try b.contains(item, self)
        case .object(let i as PyInstance): return try instanceContains(i, item)
        case .object(let t as PyType) where t.metaclass != nil:
            if let r = try metaclassSpecial(container, "__contains__", [item]) { return try truthy(r) }
            return try iterate(container).contains { valuesEqual($0, item) }
        case .module(let m): return try moduleContains(m, item)
        case .tensor(let t):
            let eq = try Tensor.binary(t, try toTensorOperand(item, like: t), .eq)
            return try eq.ints().contains { $0 != 0 }
        default:
            return try iterate(container).contains { valuesEqual($0, item) }
        }
    }

    // MARK: iteration and subscripts

    /// Items in `range(a, b, c)`, computed without overflow (saturates at `Int.max`).
    func rangeCount(_ a: Int, _ b: Int, _ c: Int) -> Int {
        guard c > 0 ? b > a : a > b else { return 0 }
        let span = c > 0 ? UInt(bitPattern: b &- a) : UInt(bitPattern: a &- b)
        let n = (span - 1) / c.magnitude + 1
        return n > UInt(Int.max) ? Int.max : Int(n)
    }

    /// The items a `for` loop (or unpacking, `list()`, …) visits.
    func iterate(_ v: Value) throws -> [Value] {
        switch v {
        case .tuple(let t): return t
        case .list(let l): return l.items
        case .str(let s): return s.unicodeScalars.map { .str(String(Character($0))) }
        case .dict(let d): return d.keys
        case .set(let s): return s.items
        case .size(let s): return s.map { .int($0) }
        case .range(let a, let b, let c):
            let n = rangeCount(a, b, c)
            if n > 50_000_000 { throw PythonError("MemoryError", "range of \(n) items is too long to iterate in nnsh") }
            try checkCollectionSize(n)
            return (0..<n).map { .int(a &+ $0 &* c) }  // in range by construction; only the product may wrap
        case .tensor(let t):
            guard t.dim > 0 else { throw PythonError.type("iteration over a 0-d tensor") }
            // An expanded view can have 2**40 rows on one element of storage.
            try checkCollectionSize(t.shape[0])
            return try (0..<t.shape[0]).map { .tensor(try t.select(0, $0)) }
        case .module(let m):
            return try moduleIterate(m)
        case .object(let i as PyInstance):
            return try iterateInstance(i)
        case .object(let c as ItemCursor):
            defer { c.position = c.items.count }
            return Array(c.items[c.position...])
        case .object(let l as LazyIterator):
            return try drain(.object(l))
        case .object(let o as OperandObject):
            return try o.items(self)
        case .object(let t as PyType) where t.metaclass != nil:
            // A class whose metaclass iterates it (`list(Color)`).
            let it = try makeIterator(v)
            var items: [Value] = []
            while let x = try nextItem(it) { items.append(x) }
            return items
        case .object(let o):
            if let items = try o.attribute("__iter__"), case .list(let l) = items { return l.items }
            throw PythonError.type("'\(o.typeName)' object is not iterable")
        default:
            throw PythonError.type("'\(v.typeName)' object is not iterable")
        }
    }

    func normalizeIndex(_ index: Value, count: Int, what: String) throws -> Int {
        let i: Int
        switch index {
        case .int(let x): i = x
        case .bool(let b): i = b ? 1 : 0
        case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint: i = Int(t.flatInt(t.offset))
        case .object(is BigIntObject): throw PythonError("IndexError", "cannot fit 'int' into an index-sized integer")
        default: throw PythonError.type("\(what) indices must be integers or slices, not \(index.typeName)")
        }
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw PythonError.index("\(what) index out of range") }
        return j
    }

    /// Python slice semantics over a sequence of `count` items.
    func sliceIndices(_ lo: Value, _ hi: Value, _ st: Value, count: Int) throws -> [Int] {
        let step = try st.isNone ? 1 : asInt(st)
        if step == 0 { throw PythonError.value("slice step cannot be zero") }
        func bound(_ v: Value, _ def: Int) throws -> Int {
            if v.isNone { return def }
            var x = try asInt(v)
            if x < 0 { x += count }
            return step > 0 ? Swift.min(Swift.max(x, 0), count) : Swift.min(Swift.max(x, -1), count - 1)
        }
        let start = try bound(lo, step > 0 ? 0 : count - 1)
        let stop = try bound(hi, step > 0 ? count : -1)
        return Array(stride(from: start, to: stop, by: step))
    }

    func getItem(_ obj: Value, _ index: Value) throws -> Value {
        if case .object(let t as PyType) = obj, t.metaclass != nil, let r = try metaclassSpecial(obj, "__getitem__", [index]) { return r }
        switch obj {
        case .tensor(let t): return .tensor(try t.index(try indexItems(index)))
        case .list(let l):
            if case .slice(let a, let b, let c) = index { return .list(PyList(try sliceIndices(a, b, c, count: l.items.count).map { l.items[$0] })) }
            return l.items[try normalizeIndex(index, count: l.items.count, what: "list")]
        case .tuple(let t):
            if case .slice(let a, let b, let c) = index { return .tuple(try sliceIndices(a, b, c, count: t.count).map { t[$0] }) }
            return t[try normalizeIndex(index, count: t.count, what: "tuple")]
        case .size(let s):
            if case .slice(let a, let b, let c) = index { return .size(try sliceIndices(a, b, c, count: s.count).map { s[$0] }) }
            return .int(s[try normalizeIndex(index, count: s.count, what: "tuple")])
        case .str(let s):
            let chars = s.codePoints
            if case .slice(let a, let b, let c) = index { return .str(String(codePoints: try sliceIndices(a, b, c, count: chars.count).map { chars[$0] })) }
            return .str(String(Character(chars[try normalizeIndex(index, count: chars.count, what: "string")])))
        case .dict(let d):
            guard let v = d.get(index, hash: try hashValue(index)) else { throw PythonError.keyError(index) }
            return v
        case .range(let a, let b, let c):
            let n = rangeCount(a, b, c)
            return .int(a &+ c &* (try normalizeIndex(index, count: n, what: "range object")))
        case .module(let m):
            return try moduleGetItem(m, index)
        case .object(let i as PyInstance):
            return try instanceGetItem(i, index)
        case .object(let o as OperandObject):
            return try o.getItem(index, self)
        case .object(is DictView), .object(is TextFile):
            throw PythonError.type("'\(obj.typeName)' object is not subscriptable")
        case .object(let o):
            if case .list(let items)? = try o.attribute("__iter__") { return try getItem(.tuple(items.items), index) }
            throw PythonError.type("'\(obj.typeName)' object is not subscriptable")
        default:
            throw PythonError.type("'\(obj.typeName)' object is not subscriptable")
        }
    }

    func setItem(_ obj: Value, _ index: Value, _ value: Value) throws {
        switch obj {
        case .tensor(let t):
            let items = try indexItems(index)
            try t.checkAssignable(items)
            try t.indexAssign(items, try toTensorOperand(value, like: t))
        case .list(let l):
            if case .slice(let a, let b, let c) = index {
                let idx = try sliceIndices(a, b, c, count: l.items.count)
                let newItems = try iterate(value)
                if c.isNone || (try? asInt(c)) == 1 {
                    let start = try a.isNone ? 0 : asInt(a)
                    let lo = idx.first ?? Swift.min(Swift.max(start < 0 ? start + l.items.count : start, 0), l.items.count)
                    l.items.replaceSubrange(lo..<(lo + idx.count), with: newItems)
                } else {
                    guard idx.count == newItems.count else {
                        throw PythonError.value("attempt to assign sequence of size \(newItems.count) to extended slice of size \(idx.count)")
                    }
                    for (i, v) in zip(idx, newItems) { l.items[i] = v }
                }
                return
            }
            l.items[try normalizeIndex(index, count: l.items.count, what: "list assignment")] = value
        case .dict(let d): d.set(index, value, hash: try hashValue(index))
        case .object(let i as PyInstance): try instanceSetItem(i, index, value)
        case .object(let o as OperandObject): try o.setItem(index, value, self)
        case .module(let m): try moduleSetItem(m, index, value)
        default:
            throw PythonError.type("'\(obj.typeName)' object does not support item assignment")
        }
    }

    /// A subscript value as tensor index items.
    func indexItems(_ index: Value) throws -> [IndexItem] {
        func item(_ v: Value) throws -> IndexItem {
            switch v {
            case .int(let i): return .int(i)
            case .bool(let b): return .tensor(Tensor.scalar(int: b ? 1 : 0, dtype: .bool))
            case .none: return .none
            case .ellipsis: return .ellipsis
            case .slice(let a, let b, let c):
                func opt(_ x: Value) throws -> Int? {
                    if x.isNone { return nil }
                    if case .tensor(let t) = x, t.numel == 1 { return Int(t.flatInt(t.offset)) }
                    return try asInt(x)
                }
                return .slice(try opt(a), try opt(b), try opt(c))
            case .tensor(let t):
                if t.dim == 0 && t.dtype.isIntegral { return .int(Int(t.flatInt(t.offset))) }
                return .tensor(t)
            case .list:
                // PyTorch's indexing_tensor_from_data: a list index is a bool/uint8 mask or else int64
                // (`x[[]]` is an empty long index, `x[[1.7]]` picks 1).
                let t = try makeTensor(v, dtype: nil)
                return .tensor(t.dtype == .bool || t.dtype == .uint8 ? t : try t.to(.int64))
            default:
                throw PythonError.index("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
            }
        }
        if case .tuple(let items) = index { return try items.map(item) }
        return [try item(index)]
    }
}

extension Value {
    var isNone: Bool { if case .none = self { return true }; return false }
}

extension Tensor {
    /// `x[i] = v` is an in-place change: refused on leaves that require grad. PyTorch first applies
    /// the basic items as views, skipping full slices (`x[:]`, `x[...]`, `x[:, [0]]` write to the leaf
    /// itself), so the message names a view when one was made (`x[0] = v`, `x[None] = v`).
    func checkAssignable(_ items: [IndexItem]) throws {
        guard GradMode.isEnabled && requiresGrad && isLeaf else { return }
        var view = false, d = 0
        let consuming = items.reduce(0) { n, item in
            switch item {
            case .none, .ellipsis: return n
            case .tensor(let t) where t.dtype == .bool: return n + t.dim
            default: return n + 1
            }
        }
        for item in items {
            switch item {
            case .int, .none: view = true
            case .tensor(let t) where t.dtype == .bool && t.dim == 0: view = true
            case .tensor(let t): d += t.dtype == .bool ? t.dim : 1
            case .ellipsis: d += Swift.max(dim - consuming, 0)
            case .slice(let a, let b, let c):
                let size = d < dim ? shape[d] : 0
                let step = c ?? 1
                let start = a.map { $0 < 0 ? Swift.max($0 + size, 0) : Swift.min($0, size) } ?? 0
                let stop = b.map { $0 < 0 ? Swift.max($0 + size, 0) : Swift.min($0, size) } ?? size
                if !(start == 0 && stop == size && step == 1) { view = true }
                d += 1
            }
            if view { break }
        }
        throw TorchError.runtime(view ? "a view of a leaf Variable that requires grad is being used in an in-place operation."
                                      : "a leaf Variable that requires grad is being used in an in-place operation.")
    }
}

extension Interpreter {
    /// A tuple's items as torch.Size entries (`torch.Size() takes an iterable of 'int' (item 2 is 'float')`).
    func sizeItems(_ items: [Value], after offset: Int) throws -> [Int] {
        try items.enumerated().map { i, v in
            guard case .int(let n) = v else {
                throw PythonError.type("torch.Size() takes an iterable of 'int' (item \(offset + i) is '\(v.typeName)')")
            }
            return n
        }
    }
}
