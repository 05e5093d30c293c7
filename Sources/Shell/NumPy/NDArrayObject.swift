import Foundation
import NumPy
import Syntax
import Torch

/// The type objects of numpy's arrays and scalars: `numpy.ndarray`, and the scalar hierarchy
/// (`np.generic` → `number` → `integer`/`inexact` → …, with `float64` also a Python `float`), so
/// `isinstance(x, np.floating)` and `type(x).__name__` answer as numpy's do.
enum NumPyTypes {
    nonisolated(unsafe) static let ndarray = PyType.builtin("ndarray", module: "numpy", bases: [.object])
    nonisolated(unsafe) static let generic = PyType.builtin("generic", module: "numpy", bases: [.object])
    nonisolated(unsafe) static let number = PyType.builtin("number", module: "numpy", bases: [generic])
    nonisolated(unsafe) static let integer = PyType.builtin("integer", module: "numpy", bases: [number])
    nonisolated(unsafe) static let signedInteger = PyType.builtin("signedinteger", module: "numpy", bases: [integer])
    nonisolated(unsafe) static let unsignedInteger = PyType.builtin("unsignedinteger", module: "numpy", bases: [integer])
    nonisolated(unsafe) static let inexact = PyType.builtin("inexact", module: "numpy", bases: [number])
    nonisolated(unsafe) static let floating = PyType.builtin("floating", module: "numpy", bases: [inexact])
    nonisolated(unsafe) static let float64 = PyType.builtin("float64", module: "numpy", bases: [floating, .float])
    nonisolated(unsafe) static let float32 = PyType.builtin("float32", module: "numpy", bases: [floating])
    nonisolated(unsafe) static let int64 = PyType.builtin("int64", module: "numpy", bases: [signedInteger])
    nonisolated(unsafe) static let int32 = PyType.builtin("int32", module: "numpy", bases: [signedInteger])
    nonisolated(unsafe) static let uint8 = PyType.builtin("uint8", module: "numpy", bases: [unsignedInteger])
    nonisolated(unsafe) static let bool = PyType.builtin("bool", module: "numpy", bases: [generic])
    nonisolated(unsafe) static let dtype = PyType.builtin("dtype", module: "numpy", bases: [.object])

    static func scalar(_ d: DType) -> PyType {
        switch d {
        case .float64: return float64
        case .float32: return float32
        case .int64: return int64
        case .int32: return int32
        case .uint8: return uint8
        case .bool: return bool
        }
    }

    static func dtype(of type: PyType) -> DType? {
        [DType.float64, .float32, .int64, .int32, .uint8, .bool].first { scalar($0) === type }
    }
}

/// Print options shared by every array (`np.set_printoptions`), as numpy keeps them per process.
enum NumPyState {
    nonisolated(unsafe) static var printOptions = NumPy.PrintOptions()
    nonisolated(unsafe) static var random = RandomState(seed: 0)
    nonisolated(unsafe) static var randomSeeded = false
}

/// An `ndarray` (or a numpy scalar: a 0-d array flagged `isScalar`), over a Torch tensor's strided
/// storage, so `tensor.numpy()` and `torch.from_numpy` share memory as they do in PyTorch.
final class NDArrayObject: PyObject, TypedObject, OperandObject {
    var array: Tensor
    let isScalar: Bool
    /// `arr.base`: the array this one is a view of (nil for an array owning its memory).
    var base: NDArrayObject?

    init(_ array: Tensor, scalar: Bool = false) {
        self.array = array
        self.isScalar = scalar && array.dim == 0
    }

    /// A view of this array's memory (`base` is the array owning it).
    func view(_ t: Tensor) -> NDArrayObject {
        let v = NDArrayObject(t)
        v.base = t.storage === array.storage ? (base ?? self) : nil
        return v
    }

    /// A ufunc's result: numpy returns a scalar for a 0-d result.
    static func result(_ t: Tensor) -> Value { .object(NDArrayObject(t, scalar: t.dim == 0)) }

    var pyType: PyType { isScalar ? NumPyTypes.scalar(array.dtype) : NumPyTypes.ndarray }
    override var typeName: String { isScalar ? "numpy.\(array.dtype.numpyName)" : "numpy.ndarray" }

    override func repr() -> String {
        let p = ArrayPrinter(options: NumPyState.printOptions)
        return isScalar ? ArrayPrinter.scalarRepr(array) : p.repr(array)
    }

    override func str() -> String {
        let p = ArrayPrinter(options: NumPyState.printOptions)
        return isScalar ? ArrayPrinter.scalarStr(array) : p.str(array)
    }

    // MARK: element access

    /// The first element as a Python value (`item()` of a one-element array).
    func pythonValue(at offset: Int? = nil) -> Value {
        let o = offset ?? array.offset
        let s = array.storage
        switch array.dtype {
        case .bool: return .bool(s.pointer(Bool.self)[o])
        case .uint8: return .int(Int(s.pointer(UInt8.self)[o]))
        case .int32: return .int(Int(s.pointer(Int32.self)[o]))
        case .int64: return .int(Int(s.pointer(Int64.self)[o]))
        case .float32: return .float(Double(s.pointer(Float.self)[o]))
        case .float64: return .float(s.pointer(Double.self)[o])
        }
    }

    func tolist() -> Value {
        func walk(_ axis: Int, _ offset: Int) -> Value {
            if axis == array.dim { return pythonValue(at: offset) }
            return .list(PyList((0..<array.shape[axis]).map { walk(axis + 1, offset + $0 * array.strides[axis]) }))
        }
        return walk(0, array.offset)
    }

    // MARK: OperandObject

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard let o = try NumPyOps.operand(other, interp) else { return nil }
        let me = NumPyOps.Operand.array(array)
        return try reflected ? NumPyOps.binary(op, o, me) : NumPyOps.binary(op, me, o)
    }

    /// `a += b`: the ufunc with `out=a` — the result cast back into a's dtype by the 'same_kind'
    /// rule (`int_array += 1.5` is numpy's UFuncTypeError) and broadcast into a's shape.
    func inPlace(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        if isScalar { return nil }
        guard let o = try NumPyOps.operand(other, interp) else { return nil }
        let r = try NumPyOps.binary(op, .array(array), o)
        guard case .object(let result as NDArrayObject) = r else { return nil }
        try receive(result, ufunc: NumPyOps.ufuncName(op))
        return .object(self)
    }

    /// A ufunc's result written into this array as `out=` (and `+=`) do: cast by the 'same_kind'
    /// rule and broadcast into this array's shape, which never changes.
    func receive(_ result: NDArrayObject, ufunc: String) throws {
        let from = result.array.dtype, to = array.dtype
        let sameKind = from == to || NumPyPromotion.promote(from, to) == to || from.numpyKind == to.numpyKind
        if !sameKind {
            throw PythonError("numpy._core._exceptions._UFuncOutputCastingError",
                              "Cannot cast ufunc '\(ufunc)' output from dtype('\(from.numpyName)') to dtype('\(to.numpyName)') with casting rule 'same_kind'")
        }
        guard (try? result.array.expand(array.shape)) != nil, result.array.dim <= array.dim else {
            throw PythonError.value("non-broadcastable output operand with shape \(ArrayPrinter.shapeText(array.shape)) doesn't match the broadcast shape \(ArrayPrinter.shapeText(result.array.shape))")
        }
        try array.copyValuesInPlace(from: try result.array.to(to).expand(array.shape))
    }

    func compare(_ op: ComparisonOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard let o = try NumPyOps.operand(other, interp) else { return nil }
        let me = NumPyOps.Operand.array(array)
        // `other op self`: the evaluator passes the operator as written, so mirror it here.
        if reflected { return try NumPyOps.compare(op, o, me) }
        return try NumPyOps.compare(op, me, o)
    }

    func unary(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? {
        switch op {
        case .negate:
            if array.dtype == .bool {
                throw PythonError.type("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
            }
            return NDArrayObject.result(try array.neg())
        case .plus: return NDArrayObject.result(try array.clone())
        case .invert:
            switch array.dtype {
            case .bool: return NDArrayObject.result(try Tensor.compareValues(array, .wrapped(bool: false), .eq))
            case .float32, .float64:
                throw PythonError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            default: return NDArrayObject.result(try NumPyOps.intInvert(array))
            }
        default: return nil
        }
    }

    func truth() throws -> Bool {
        guard array.numel == 1 else {
            if array.numel == 0 && !isScalar {
                throw PythonError.value("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")
            }
            throw PythonError.value("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        }
        let c = try array.contiguous()
        switch pythonValueOf(c) {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        default: return true
        }
    }

    private func pythonValueOf(_ t: Tensor) -> Value { NDArrayObject(t).pythonValue() }

    func length() throws -> Int {
        guard array.dim > 0 else { throw PythonError.type("len() of unsized object") }
        return array.shape[0]
    }

    func items(_ interp: Interpreter) throws -> [Value] {
        guard array.dim > 0 else { throw PythonError.type("iteration over a 0-d array") }
        try interp.checkCollectionSize(array.shape[0])
        return try (0..<array.shape[0]).map { NDArrayObject.result(try array.select(0, $0)) }
    }

    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value {
        if isScalar { throw PythonError.index("invalid index to scalar variable.") }
        let items = try NumPyOps.reversedSlices(try NumPyOps.indexItems(key, array, interp), array)
        try NumPyOps.checkIndex(items, array)
        let r = try NumPyOps.withIndexErrors { try array.index(items) }
        // An element (every axis taken by an integer) is a scalar copy; anything else a view or copy array.
        let allInts = items.allSatisfy { if case .int = $0 { return true } else { return false } }
        if r.dim == 0 && allInts { return .object(NDArrayObject(try r.contiguous().clone(), scalar: true)) }
        return .object(view(r))
    }

    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws {
        if isScalar { throw PythonError.type("'\(typeName)' object does not support item assignment") }
        let items = try NumPyOps.reversedSlices(try NumPyOps.indexItems(key, array, interp), array)
        try NumPyOps.checkIndex(items, array)
        let v = try NumPyOps.castForAssignment(value, to: array.dtype, interp)
        try NumPyOps.withIndexErrors { try array.indexAssign(items, v) }
    }

    func toDouble() throws -> Double? {
        guard array.numel == 1 else {
            throw PythonError.type("only length-1 arrays can be converted to Python scalars")
        }
        switch pythonValueOf(try array.contiguous()) {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    func toInt(index: Bool) throws -> Int? {
        if index {
            // operator.index: only integer scalars (and 0-d integer arrays).
            guard array.dim == 0 || isScalar, array.dtype != .float32, array.dtype != .float64 else {
                if array.dim > 0 { throw PythonError.type("only integer scalar arrays can be converted to a scalar index") }
                return nil
            }
            if case .int(let i) = pythonValueOf(array) { return i }
            if case .bool(let b) = pythonValueOf(array) { return b ? 1 : 0 }
            return nil
        }
        guard array.numel == 1 else { throw PythonError.type("only length-1 arrays can be converted to Python scalars") }
        switch pythonValueOf(try array.contiguous()) {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .float(let d):
            guard d.isFinite else { throw PythonError(d.isNaN ? "ValueError" : "OverflowError", d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
            guard Swift.abs(d) < 9.2e18 else { throw PythonError.overflow("integer overflow: nnsh integers are 64-bit") }
            return Int(d.rounded(.towardZero))
        default: return nil
        }
    }

    func format(_ spec: String, _ interp: Interpreter) throws -> String {
        if isScalar || array.dim == 0 {
            if spec.isEmpty { return str() }
            return try interp.format(pythonValue(), spec: spec)
        }
        if spec.isEmpty { return str() }
        throw PythonError.type("unsupported format string passed to numpy.ndarray.__format__")
    }

    // MARK: attributes

    override var memberNames: [String] { NumPyMethods.names }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "shape": return .tuple(array.shape.map { .int($0) })
        case "ndim": return .int(array.dim)
        case "size": return .int(array.numel)
        case "dtype": return .object(NumPyDTypeObject(array.dtype))
        case "itemsize": return .int(array.dtype.itemSize)
        case "nbytes": return .int(array.numel * array.dtype.itemSize)
        case "strides": return .tuple(array.strides.map { .int($0 * array.dtype.itemSize) })
        case "T": return isScalar ? .object(self) : .object(view(try array.permute(Array((0..<array.dim).reversed()))))
        case "__setitem__", "__getitem__", "__len__":
            guard let interp = NumPyModule.interpreter else { return nil }
            return .builtin(Builtin(name, receiver: "numpy.ndarray object") { [self] args in
                switch name {
                case "__setitem__":
                    guard args.positional.count == 2 else { throw PythonError.type("expected 2 arguments, got \(args.positional.count)") }
                    try self.setItem(args.positional[0], args.positional[1], interp); return .none
                case "__getitem__":
                    guard args.positional.count == 1 else { throw PythonError.type("expected 1 argument, got \(args.positional.count)") }
                    return try self.getItem(args.positional[0], interp)
                default: return .int(try self.length())
                }
            })
        case "real": return .object(self)
        case "base": return base.map { .object($0) } ?? .none
        case "flags": return nil
        default: break
        }
        if let method = NumPyMethods.method(name, self) { return .builtin(method) }
        // A numpy float scalar also answers Python float's methods (`is_integer`, `as_integer_ratio`, `hex`).
        if isScalar, array.dtype == .float64 || array.dtype == .float32, let interp = NumPyModule.interpreter,
           ["is_integer", "as_integer_ratio", "hex", "conjugate", "imag"].contains(name) {
            return try interp.getAttribute(pythonValue(), name)
        }
        return nil
    }

    override func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        switch name {
        case "shape":
            let shape = try NumPyOps.shapeArgument(value, "reshape")
            guard array.isContiguous else {
                throw PythonError("AttributeError", "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.")
            }
            array = try NumPyOps.reshaped(array, shape)
            return true
        default:
            if ["ndim", "size", "dtype", "T", "itemsize", "nbytes", "strides"].contains(name) {
                throw PythonError("AttributeError", "attribute '\(name)' of 'numpy.ndarray' objects is not writable")
            }
            throw PythonError("AttributeError", "'numpy.ndarray' object has no attribute '\(name)'")
        }
    }
}

/// `np.dtype('float32')`: compares equal to its name, its scalar type and other dtypes.
final class NumPyDTypeObject: PyObject, TypedObject, OperandObject {
    let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }
    var pyType: PyType { NumPyTypes.dtype }
    override var typeName: String { "numpy.dtype" }
    override func repr() -> String { "dtype('\(dtype.numpyName)')" }
    override func str() -> String { dtype.numpyName }

    func compare(_ op: ComparisonOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        // `np.dtype(x)` of the other side; anything numpy cannot read as a dtype is unequal.
        let same = ((try? NumPyConvert.dtype(other)) ?? nil) == dtype
        return .bool(op == .equal ? same : !same)
    }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .str(dtype.numpyName)
        case "kind": return .str(String(dtype.numpyKind))
        case "char": return .str(String(dtype.numpyChar))
        case "str": return .str(dtype.numpyStr)
        case "itemsize": return .int(dtype.itemSize)
        case "type": return .object(NumPyTypes.scalar(dtype))
        default: return nil
        }
    }
}
