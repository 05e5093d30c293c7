import Syntax
import Torch

/// The special-method protocol for user classes: each operation asks the operand's type for its
/// `__dunder__` (looked up on the type's MRO, never the instance, as CPython does). Builtin values
/// keep their fast paths in `Interpreter+Operators.swift`; see docs/object-model.md.
extension Interpreter {
    /// Calls `type(v).name(v, args…)` if the type defines it; nil when it does not.
    func callSpecial(_ i: PyInstance, _ name: String, _ args: [Value] = []) throws -> Value? {
        try callSpecial(i, Name(name), args)
    }

    /// A special method, looked up on the class; a Python function is called with the instance
    /// first, without a bound-method object.
    func callSpecial(_ i: PyInstance, _ name: Name, _ args: [Value] = []) throws -> Value? {
        guard let f = i.type.lookup(name) else { return nil }
        if f.isNone { return nil }
        if case .function(let user) = f { return try callUser(user, Arguments([.object(i)] + args)) }
        return try call(bind(f, to: .object(i), type: i.type), Arguments(args))
    }

    private func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === NotImplementedObject.shared }
        return false
    }

    // MARK: repr, str, format, hash

    func reprOfInstance(_ i: PyInstance) throws -> String {
        guard let f = i.type.lookup("__repr__"), case .function = f else {
            if i.type.isException { return i.exceptionRepr }
            if i.type.isSubtype(of: .orderedDict), case .dict(let d)? = i.payload {
                if d.keys.isEmpty { return i.type.name + "()" }
                let items = try zip(d.keys, d.values).map { "(\(try reprString($0)), \(try reprString($1)))" }
                return i.type.name + "([" + items.joined(separator: ", ") + "])"
            }
            if let p = i.payload { return try reprString(p) }
            return i.defaultRepr
        }
        let r = try call(bind(f, to: .object(i), type: i.type), Arguments())
        guard case .str(let s) = r else { throw PythonError.type("__repr__ returned non-string (type \(r.typeName))") }
        return s
    }

    func strOfInstance(_ i: PyInstance) throws -> String {
        guard let f = i.type.lookup("__str__"), case .function = f else {
            return i.type.isException ? i.exceptionStr : try reprOfInstance(i)
        }
        let r = try call(bind(f, to: .object(i), type: i.type), Arguments())
        guard case .str(let s) = r else { throw PythonError.type("__str__ returned non-string (type \(r.typeName))") }
        return s
    }

    /// `repr(v)`, with a user `__repr__`'s errors raised.
    func reprString(_ v: Value) throws -> String {
        if case .object(let i as PyInstance) = v { return try reprOfInstance(i) }
        if case .object(let t as PyType) = v, t.metaclass != nil, let r = try metaclassSpecial(v, "__repr__") {
            guard case .str(let s) = r else { throw PythonError.type("__repr__ returned non-string (type \(r.typeName))") }
            return s
        }
        if case .module(let p as PythonModule) = v, let f = p.userMethod("__repr__") {
            let r = try call(bind(f, to: v, type: p.type), Arguments())
            guard case .str(let s) = r else { throw PythonError.type("__repr__ returned non-string (type \(r.typeName))") }
            return s
        }
        try checkPrintable(v)
        let text = v.repr
        try throwIfInterrupted()  // a long tensor repr ends early on Ctrl-C: its text is incomplete
        return text
    }

    func formatInstance(_ i: PyInstance, _ spec: String) throws -> String {
        if let f = i.type.lookup("__format__"), case .function = f {
            let r = try call(bind(f, to: .object(i), type: i.type), Arguments([.str(spec)]))
            guard case .str(let s) = r else { throw PythonError.type("__format__ must return a str, not \(r.typeName)") }
            return s
        }
        if !spec.isEmpty {
            if let p = i.payload, !i.type.isException { return try format(p, spec: spec) }
            throw PythonError.type("unsupported format string passed to \(i.type.name).__format__")
        }
        return try strOfInstance(i)
    }

    func hashValue(_ v: Value) throws -> Int {
        switch v {
        case .object(let i as PyInstance):
            guard let f = i.type.lookup("__hash__"), !f.isNone else { throw PythonError.type("unhashable type: '\(i.type.name)'") }
            // An int/str/float/tuple subclass that keeps the builtin __hash__ hashes as its value.
            if case .function = f {} else if let p = i.payload, !i.type.isException { return try hashValue(p) }
            let r = try call(bind(f, to: v, type: i.type), Arguments())
            guard case .int(let h) = r else { throw PythonError.type("__hash__ method should return an integer") }
            return h == -1 ? -2 : h
        case .list, .dict, .set, .slice: throw PythonError.type("unhashable type: '\(v.typeName)'")
        case .object(let b as PyBytes) where b.mutable: throw PythonError.type("unhashable type: 'bytearray'")
        case .tuple(let items): return pythonTupleHash(try items.map(hashValue))
        // numpy scalars hash as the Python number they equal; arrays are unhashable.
        case .object(let a as NDArrayObject):
            guard a.isScalar else { throw PythonError.type("unhashable type: 'numpy.ndarray'") }
            return try hashValue(a.pythonValue())
        default: return pythonHash(v)
        }
    }

    /// `set(iterable)` as CPython builds it: a set is merged table to table, a dict sized for first,
    /// anything else added item by item (each hashed, so `set([[1]])` is `unhashable type: 'list'`).
    func makeSet(_ iterable: Value) throws -> PySet {
        let s = PySet()
        try update(s, with: iterable)
        return s
    }

    func update(_ s: PySet, with iterable: Value) throws {
        switch iterable {
        case .set(let o): s.merge(o)
        case .dict(let d): s.merge(d)
        default: for v in try iterate(iterable) { s.insert(v, hash: try hashValue(v)) }
        }
    }

    /// The argument of a set method as a set: itself when it is one.
    func asSet(_ v: Value) throws -> PySet {
        if case .set(let s) = v { return s }
        return try makeSet(v)
    }


    // MARK: operators

    static let binaryNames: [BinaryOperator: String] = [
        .add: "add", .subtract: "sub", .multiply: "mul", .divide: "truediv", .floorDivide: "floordiv",
        .modulo: "mod", .power: "pow", .matrixMultiply: "matmul", .leftShift: "lshift", .rightShift: "rshift",
        .bitAnd: "and", .bitOr: "or", .bitXor: "xor",
    ]

    /// `__add__`, `__radd__`, `__iadd__` for each operator, hashed once.
    static let specialNames: [BinaryOperator: (forward: Name, reflected: Name, inPlace: Name)] =
        binaryNames.mapValues { (Name("__\($0)__"), Name("__r\($0)__"), Name("__i\($0)__")) }

    /// `a op b` when either side is a user instance: `__op__`, then the other side's `__rop__`.
    func instanceBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        guard let names = Interpreter.specialNames[op] else { return nil }
        let left = a.instance, right = b.instance
        // A subclass's reflected method goes first when it overrides the left operand's (CPython's rule).
        if let l = left, let r = right, r.type !== l.type, r.type.isSubtype(of: l.type),
           let v = try callSpecial(r, names.reflected, [a]), !isNotImplemented(v) {
            return v
        }
        if let l = left, let v = try callSpecial(l, names.forward, [b]), !isNotImplemented(v) { return v }
        if let r = right, left?.type !== r.type, let v = try callSpecial(r, names.reflected, [a]), !isNotImplemented(v) { return v }
        // Subclasses of builtin values fall back on the builtin part.
        let pa = left.flatMap { $0.type.isException ? nil : $0.payload }, pb = right.flatMap { $0.type.isException ? nil : $0.payload }
        if pa != nil || pb != nil { return try binaryOperation(op, pa ?? a, pb ?? b) }
        if left == nil, op == .add, ["str", "list", "tuple"].contains(a.typeName) {
            throw PythonError.type("can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)")
        }
        if op == .multiply, left == nil || right == nil, ["str", "list", "tuple"].contains(left == nil ? a.typeName : b.typeName) {
            throw PythonError.type("can't multiply sequence by non-int of type '\(left == nil ? b.typeName : a.typeName)'")
        }
        throw PythonError.type("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    func instanceInPlace(_ op: BinaryOperator, _ i: PyInstance, _ rhs: Value) throws -> Value {
        if let names = Interpreter.specialNames[op], let v = try callSpecial(i, names.inPlace, [rhs]), !isNotImplemented(v) { return v }
        return try binaryOperation(op, .object(i), rhs)
    }

    func instanceUnary(_ op: UnaryOperator, _ i: PyInstance) throws -> Value {
        let name: String
        switch op {
        case .negate: name = "__neg__"
        case .plus: name = "__pos__"
        case .invert: name = "__invert__"
        case .not: return .bool(!(try truthy(.object(i))))
        }
        if let v = try callSpecial(i, name) { return v }
        if let p = i.payload, !i.type.isException { return try unaryOperation(op, p) }
        throw PythonError.type("bad operand type for unary \(op.rawValue): '\(i.type.name)'")
    }

    func instanceTruthy(_ i: PyInstance) throws -> Bool {
        if let v = try callSpecial(i, "__bool__") {
            guard case .bool(let b) = v else { throw PythonError.type("__bool__ should return bool, returned \(v.typeName)") }
            return b
        }
        if i.type.lookup("__len__") != nil { return try instanceLength(i) != 0 }
        if let p = i.payload, !i.type.isException { return try truthy(p) }
        return true
    }

    func instanceLength(_ i: PyInstance) throws -> Int {
        if let v = try callSpecial(i, "__len__") {
            guard case .int(let n) = v else { throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer") }
            if n < 0 { throw PythonError.value("__len__() should return >= 0") }
            return n
        }
        if let p = i.payload, !i.type.isException { return try length(p) }
        throw PythonError.type("object of type '\(i.type.name)' has no len()")
    }

    private static let reflectedComparison: [ComparisonOperator: ComparisonOperator] = [
        .less: .greater, .greater: .less, .lessEqual: .greaterEqual, .greaterEqual: .lessEqual, .equal: .equal, .notEqual: .notEqual,
    ]
    private static let comparisonNames: [ComparisonOperator: String] = [
        .less: "__lt__", .greater: "__gt__", .lessEqual: "__le__", .greaterEqual: "__ge__", .equal: "__eq__", .notEqual: "__ne__",
    ]

    /// A rich comparison with a user instance on either side; nil lets the builtin rules decide.
    func instanceCompare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value? {
        guard let name = Interpreter.comparisonNames[op], let reflected = Interpreter.reflectedComparison[op] else { return nil }
        let left = a.instance, right = b.instance
        var tried = false
        if let r = right, let l = left, r.type !== l.type, r.type.isSubtype(of: l.type),
           let rname = Interpreter.comparisonNames[reflected], let v = try userComparison(r, rname, a) {
            if !isNotImplemented(v) { return v }
            tried = true
        }
        if let l = left, let v = try userComparison(l, name, b), !isNotImplemented(v) { return v }
        if !tried, let r = right, let rname = Interpreter.comparisonNames[reflected], let v = try userComparison(r, rname, a),
           !isNotImplemented(v) {
            return v
        }
        if op == .notEqual, let l = left, let v = try userComparison(l, "__eq__", b), !isNotImplemented(v) {
            return .bool(!(try truthy(v)))
        }
        let pa = left.flatMap { $0.type.isException ? nil : $0.payload }, pb = right.flatMap { $0.type.isException ? nil : $0.payload }
        if pa != nil || pb != nil { return try compare(op, pa ?? a, pb ?? b) }
        switch op {
        case .equal: return .bool(identicalObjects(a, b))
        case .notEqual: return .bool(!identicalObjects(a, b))
        default:
            throw PythonError.type("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    /// A comparison method the class itself defines (object's default `__eq__` is identity, below).
    private func userComparison(_ i: PyInstance, _ name: String, _ other: Value) throws -> Value? {
        guard let f = i.type.lookup(name), !f.isNone else { return nil }
        if case .builtin = f { return nil }
        return try call(bind(f, to: .object(i), type: i.type), Arguments([other]))
    }

    private func identicalObjects(_ a: Value, _ b: Value) -> Bool {
        if case .object(let x) = a, case .object(let y) = b { return x === y }
        return false
    }

    /// Python equality for containers (`in`, `list.index`, dict keys) with user `__eq__` honoured.
    func instanceEquals(_ a: Value, _ b: Value) -> Bool {
        guard let v = try? instanceCompare(.equal, a, b) else { return false }
        return (try? truthy(v)) ?? false
    }

    // MARK: containers

    func instanceGetItem(_ i: PyInstance, _ index: Value) throws -> Value {
        if let v = try callSpecial(i, "__getitem__", [index]) { return v }
        if case .dict(let d)? = i.payload, d.get(index) == nil, let v = try callSpecial(i, "__missing__", [index]) { return v }
        if let p = i.payload, !i.type.isException { return try getItem(p, index) }
        throw PythonError.type("'\(i.type.name)' object is not subscriptable")
    }

    func instanceSetItem(_ i: PyInstance, _ index: Value, _ value: Value) throws {
        if try callSpecial(i, "__setitem__", [index, value]) != nil { return }
        if let p = i.payload, !i.type.isException { return try setItem(p, index, value) }
        throw PythonError.type("'\(i.type.name)' object does not support item assignment")
    }

    func deleteItem(_ i: PyInstance, _ index: Value) throws {
        if try callSpecial(i, "__delitem__", [index]) != nil { return }
        if case .list(let l)? = i.payload { l.items.remove(at: try normalizeIndex(index, count: l.items.count, what: "list")); return }
        if case .dict(let d)? = i.payload { if !d.remove(index) { throw PythonError.keyError(index) }; return }
        throw PythonError.type("'\(i.type.name)' object doesn't support item deletion")
    }

    func instanceContains(_ i: PyInstance, _ item: Value) throws -> Bool {
        if let v = try callSpecial(i, "__contains__", [item]) { return try truthy(v) }
        if i.type.lookup("__iter__") == nil, i.type.lookup("__getitem__") == nil, let p = i.payload, !i.type.isException {
            return try contains(p, item)
        }
        let it = try makeIterator(.object(i))
        while let x = try nextItem(it) {
            if valuesEqual(x, item) { return true }
        }
        return false
    }

    // MARK: iteration

    /// `iter(v)`: a user iterator, or a cursor over a builtin value's items.
    func makeIterator(_ v: Value) throws -> Value {
        if case .object(let t as PyType) = v, t.metaclass != nil, let it = try metaclassSpecial(v, "__iter__") {
            if case .object(is PyInstance) = it { return it }
            if case .object(let l as LazyIterator) = it { return .object(l) }
            return .object(ItemCursor(try iterate(it)))
        }
        if case .object(let i as PyInstance) = v {
            if let it = try callSpecial(i, "__iter__") {
                if case .object(let r as PyInstance) = it {
                    guard r.type.lookup("__next__") != nil else {
                        throw PythonError.type("iter() returned non-iterator of type '\(r.type.name)'")
                    }
                    return it
                }
                if case .object(let c as ItemCursor) = it { return .object(c) }
                return .object(ItemCursor(try iterate(it)))
            }
            if i.type.lookup("__getitem__") != nil { return .object(SequenceCursor(i)) }
            if let p = i.payload, !i.type.isException { return .object(ItemCursor(try iterate(p))) }
            throw PythonError.type("'\(i.type.name)' object is not iterable")
        }
        if case .object(let c as ItemCursor) = v { return .object(c) }
        if case .object(let l as LazyIterator) = v { return .object(l) }
        return .object(ItemCursor(try iterate(v)))
    }

    /// `next(it)`: the next item, or nil at `StopIteration`.
    func nextItem(_ iterator: Value) throws -> Value? {
        switch iterator {
        case .object(let c as ItemCursor):
            guard c.position < c.items.count else { return nil }
            c.position += 1
            return c.items[c.position - 1]
        case .object(let l as LazyIterator):
            return try l.next()
        case .object(let s as SequenceCursor):
            do {
                let v = try instanceGetItem(s.sequence, .int(s.position))
                s.position += 1
                return v
            } catch let e as PythonError where e.exceptionType.isSubtype(of: PyType.exception("IndexError"))
                || e.exceptionType.isSubtype(of: PyType.exception("StopIteration")) {
                return nil
            }
        case .object(let i as PyInstance):
            do {
                guard let v = try callSpecial(i, "__next__") else {
                    throw PythonError.type("'\(i.type.name)' object is not an iterator")
                }
                return v
            } catch let e as PythonError where e.exceptionType.isSubtype(of: PyType.exception("StopIteration")) {
                return nil
            }
        default:
            throw PythonError.type("'\(iterator.typeName)' object is not an iterator")
        }
    }

    /// All the items of a user iterable (for `list(obj)`, unpacking, `sorted`…).
    func iterateInstance(_ i: PyInstance) throws -> [Value] { try drain(try makeIterator(.object(i))) }

    /// The items an iterator has left, one `next` at a time (size-checked, interruptible).
    func drain(_ it: Value) throws -> [Value] {
        var out = [Value]()
        while let v = try nextItem(it) {
            try checkInterrupt()
            out.append(v)
            if out.count % 4096 == 0 { try checkCollectionSize(out.count) }
        }
        return out
    }
}

/// What `__exit__`, `sys.exc_info()` and `e.__traceback__` give: the error as it was caught (its
/// frames and location; without its instance, which holds this object) and the frame that caught
/// it, which the `traceback` module renders as CPython's tracebacks read.
final class TracebackObject: PyObject {
    let error: PythonError?
    /// The function (`<module>` at top level) and file of the frame that caught it.
    let function: String
    let file: String

    init(error: PythonError? = nil, function: String = "<module>", file: String = "<stdin>") {
        var stripped = error
        stripped?.instance = nil
        self.error = stripped
        self.function = function
        self.file = file
    }

    override var typeName: String { "traceback" }
    override func repr() -> String { "<traceback object at \(addressString(self))>" }
}

/// An iterator over a builtin value's items (`iter([1, 2])`), as `list_iterator` and friends.
final class ItemCursor: PyObject {
    let items: [Value]
    var position = 0
    /// Set when the cursor stands for a generator PyTorch returns (`Module.parameters`): its repr
    /// is then `<generator object Module.parameters at 0x…>`.
    let generatorName: String?
    init(_ items: [Value], generatorName: String? = nil) {
        self.items = items
        self.generatorName = generatorName
    }
    override var typeName: String { generatorName == nil ? "iterator" : "generator" }
    override func repr() -> String { "<\(generatorName.map { "generator object \($0)" } ?? "iterator object") at \(addressString(self))>" }
}

/// The old sequence protocol: `__getitem__(0)`, `(1)`, … until `IndexError`.
final class SequenceCursor: PyObject {
    let sequence: PyInstance
    var position = 0
    init(_ sequence: PyInstance) { self.sequence = sequence }
    override var typeName: String { "iterator" }
    override func repr() -> String { "<iterator object at \(addressString(self))>" }
}

extension Value {
    /// The user-class instance this value is, if it is one.
    var instance: PyInstance? {
        if case .object(let i as PyInstance) = self { return i }
        return nil
    }
}
