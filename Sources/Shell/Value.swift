import Torch
import NN

/// A runtime value of the Python subset nnsh runs. Lists and dicts are reference types, as in Python.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([Value])
    case list(PyList)
    case dict(PyDict)
    case set(PySet)
    case tensor(Tensor)
    /// `torch.Size`: a tuple of ints that prints as `torch.Size([2, 3])`.
    case size([Int])
    case dtype(DType)
    indirect case slice(Value, Value, Value)
    case ellipsis
    case range(Int, Int, Int)
    case module(Module)
    case namespace(Namespace)
    /// A Swift function bound to a Python name (`print`, `torch.randn`, `x.view`, `nn.Conv2d`).
    case builtin(Builtin)
    case function(UserFunction)
    /// Anything else the bindings define (PIL images, autograd nodes, generators…).
    case object(PyObject)
}

/// A Python list: shared and mutable.
public final class PyList: CycleNode {
    public var items: [Value]
    var cycleSlot: Int32 = -1
    public init(_ items: [Value]) {
        self.items = items
        CycleCollector.track(self)
    }
    deinit {
        CycleCollector.untrack(self)
        releaseNested(&items)
    }
    func traverseReferences(_ visitor: inout CycleVisitor) { visitor.visitOwned(&items) }
    func clearReferences() { releaseNested(&items) }
}

/// Frees nested lists, dicts and tuples iteratively: releasing `[[[…]]]` or `((…,),)` 300 000
/// levels deep one `deinit` inside another would overflow the stack (Python's "trashcan" does
/// the same). Only containers this one holds the last reference to are taken apart.
func releaseNested(_ items: inout [Value]) {
    guard items.contains(where: \.isContainer) else { return }
    var pending = items
    items = []
    while !pending.isEmpty {
        var list: PyList?, dict: PyDict?, tuple: [Value]?
        switch pending[pending.count - 1] {
        case .list(let l): list = l
        case .dict(let d): dict = d
        case .tuple(let t): tuple = t
        default: break
        }
        pending.removeLast()  // now `list`/`dict`/`tuple` is our only reference unless someone else holds one
        if list != nil, isKnownUniquelyReferenced(&list!) { pending += list!.items; list!.items = [] }
        if dict != nil, isKnownUniquelyReferenced(&dict!) {
            pending += dict!.takeContents()
        }
        if var t = tuple, t.contains(where: \.isContainer) {
            tuple = nil
            // A tuple's items are a copy-on-write array: asking for mutable access copies them only
            // when another value shares them, and then they are not ours to take apart.
            let before = t.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            let unique = t.withUnsafeMutableBufferPointer { UnsafeRawPointer($0.baseAddress) == before }
            if unique { pending += t; t = [] }
        }
    }
}

/// A value that `releaseNested` opens.
extension Value {
    var isContainer: Bool {
        switch self {
        case .list, .dict, .tuple: return true
        default: return false
        }
    }
}

/// A named bag of members: `torch`, `torch.nn`, `torch.nn.functional`, `math`, …
public final class Namespace {
    public let name: String
    /// A built-in module's members (a Python module keeps its names in `scope` instead).
    public var members: [String: Value]
    /// Members made on first use (submodules written in Python, which cost a parse to load).
    var lazyMembers: [String: () throws -> Value] = [:]
    /// A module run from Python source: its globals, live (a function that rebinds a global
    /// changes what `module.name` reads, as in CPython, where the module's `__dict__` is its globals).
    var scope: Scope?
    /// Where the module came from, for its repr and `ImportError`'s "(path)".
    var origin: ModuleOrigin = .builtin
    public init(_ name: String, _ members: [String: Value] = [:]) {
        self.name = name
        self.members = members
    }

    /// A module whose namespace is `scope` (a file, a package's `__init__.py`, `__main__`).
    init(name: String, scope: Scope, origin: ModuleOrigin) {
        self.name = name
        self.members = [:]
        self.scope = scope
        self.origin = origin
    }

    /// A member, loading a lazy one (once) if needed.
    func member(_ key: String) throws -> Value? {
        if let scope { return scope[key] }
        if let v = members[key] { return v }
        guard let make = lazyMembers[key] else { return nil }
        let v = try make()
        members[key] = v
        lazyMembers[key] = nil
        return v
    }

    /// `module.name = value` (also how an imported submodule becomes its package's attribute).
    func setMember(_ key: String, _ value: Value) {
        if let scope { scope[key] = value } else { members[key] = value; lazyMembers[key] = nil }
    }

    /// `del module.name`; false when there was no such member.
    @discardableResult
    func deleteMember(_ key: String) -> Bool {
        if let scope {
            guard scope[key] != nil else { return false }
            scope[key] = nil
            return true
        }
        let had = members[key] != nil || lazyMembers[key] != nil
        members[key] = nil
        lazyMembers[key] = nil
        return had
    }

    var memberNames: [String] {
        if let scope { return scope.vars.keys.sorted() }
        return Array(members.keys) + Array(lazyMembers.keys)
    }

    /// `<module 'name' from 'path'>` and CPython's other module reprs.
    var repr: String {
        let quoted = pythonStringRepr(name)
        switch origin {
        case .file(let f): return "<module \(quoted) from \(pythonStringRepr(f))>"
        case .builtin: return ImportSystem.unshadowable.contains(name) ? "<module \(quoted) (built-in)>" : "<module \(quoted)>"
        case .namespacePackage:
            let address = String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16)
            return "<module \(quoted) (<_frozen_importlib_external.NamespaceLoader object at 0x\(address)>)>"
        case .main:
            if case .str(let f)? = scope?["__file__"], !f.hasPrefix("<") { return "<module \(quoted) from \(pythonStringRepr(f))>" }
            return "<module \(quoted) (built-in)>"
        }
    }

    /// The module's `__file__`, when it came from one.
    var file: String? {
        if case .file(let f) = origin { return f }
        return nil
    }
}

/// Where a module's code came from: nnsh itself, a file, or the folders of a namespace package.
enum ModuleOrigin {
    case builtin
    case file(String)
    case namespacePackage([String])
    /// The `__main__` module: the script or the prompt.
    case main
}

/// Positional and keyword arguments of one call.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(String, Value)]
    /// Set when `torch.f(x, …)` is forwarded to `x.f(…)`: Python counts `x` among the positional arguments
    /// of its TypeErrors (`add() takes 2 positional arguments but 3 were given`).
    public var countsReceiver = false
    public init(_ positional: [Value] = [], _ keywords: [(String, Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }
}

extension Value {
    /// A Python bool, int or float (what PyTorch wraps as a number in an op).
    var isNumberLiteralValue: Bool {
        switch self {
        case .int, .float, .bool: return true
        case .object(let o): return o is BigIntObject
        default: return false
        }
    }
}

/// A callable implemented in Swift.
public final class Builtin {
    public let name: String
    /// Printed as `<built-in function NAME>` or `<bound method …>` when it has a receiver.
    public let receiver: String?
    public let call: (Arguments) throws -> Value
    /// `exec`, `eval`, `globals()`, `locals()`: the interpreter hands it the calling scope
    /// (`Interpreter.callerScope`) for the length of the call.
    var wantsCallerScope = false
    /// The registry declaration behind this method, for `help()` (nil for older bindings).
    var native: NativeMethod?
    /// `Linear.forward` for a method in a Swift class's dict (a bound method prints it).
    var qualname: String?
    public init(_ name: String, receiver: String? = nil, _ call: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.receiver = receiver
        self.call = call
    }
}

/// An opaque object a binding exposes, with its own attributes, methods and repr.
open class PyObject: CycleNode {
    open var typeName: String { "object" }
    /// Set when the subclass is a container the cycle collector tracks (`CycleCollector.track`).
    var cycleSlot: Int32 = -1
    public init() {}
    deinit { CycleCollector.untrack(self) }
    /// The strong references a tracked subclass holds (none here: most objects hold no containers).
    func traverseReferences(_ visitor: inout CycleVisitor) {}
    func clearReferences() {}
    open func repr() -> String { "<\(typeName) object>" }
    /// `str(obj)` / `print(obj)`; the repr unless the type says otherwise.
    open func str() -> String { repr() }
    open func attribute(_ name: String) throws -> Value? { nil }
    open func setAttribute(_ name: String, _ value: Value) throws -> Bool { false }
    open var memberNames: [String] { [] }
}

nonisolated(unsafe) private var equalityDepth = 0

/// Python's `==` on values (tensors compare by identity here; elementwise `==` is an operator).
public func valuesEqual(_ a: Value, _ b: Value) -> Bool {
    // Identical containers are equal (Python's `is` shortcut), so `x == x` ends for a list holding itself;
    // the depth bound stops other cycles (`a = [b]; b = [a]`) and very deep nesting without a stack overflow.
    switch (a, b) {
    case (.list(let x), .list(let y)) where x === y: return true
    case (.dict(let x), .dict(let y)) where x === y: return true
    default: break
    }
    if equalityDepth > 400 { return false }
    equalityDepth += 1
    defer { equalityDepth -= 1 }
    switch (a, b) {
    case (.none, .none), (.ellipsis, .ellipsis): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x == y
    case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return exactCompare(x, y) == 0
    case (.bool(let x), .int(let y)), (.int(let y), .bool(let x)): return (x ? 1 : 0) == y
    case (.bool(let x), .float(let y)), (.float(let y), .bool(let x)): return (x ? 1.0 : 0.0) == y
    case (.str(let x), .str(let y)): return x.codePointsEqual(y)
    case (.object(let x as PyBytes), .object(let y as PyBytes)): return x.bytes == y.bytes
    case (.tuple(let x), .tuple(let y)): return x.count == y.count && zip(x, y).allSatisfy(valuesEqual)
    case (.list(let x), .list(let y)): return x.items.count == y.items.count && zip(x.items, y.items).allSatisfy(valuesEqual)
    case (.size(let x), .size(let y)): return x == y
    case (.size(let x), .tuple(let y)), (.tuple(let y), .size(let x)):
        return x.count == y.count && zip(x, y).allSatisfy { valuesEqual(.int($0), $1) }
    case (.dtype(let x), .dtype(let y)): return x == y
    case (.range(let a1, let b1, let c1), .range(let a2, let b2, let c2)): return a1 == a2 && b1 == b2 && c1 == c2
    case (.tensor(let x), .tensor(let y)): return x === y
    case (.module(let x), .module(let y)): return x === y
    case (.namespace(let x), .namespace(let y)): return x === y
    case (.builtin(let x), .builtin(let y)): return x === y
    case (.function(let x), .function(let y)): return x === y
    case (.object(let v as DictView), _) where v.isSetLike, (_, .object(let v as DictView)) where v.isSetLike:
        // A keys or items view equals any set or set-like view of the same items.
        func members(_ x: Value) -> PySet? {
            switch x {
            case .set(let s): return s
            case .object(let w as DictView) where w.isSetLike: return PySet(w.items)
            default: return nil
            }
        }
        guard let x = members(a), let y = members(b) else { return false }
        _ = v
        return x.count == y.count && x.items.allSatisfy(y.contains)
    case (.object(let x as PyInstance), _), (_, .object(let x as PyInstance)):
        // User `__eq__`, through the interpreter that defined the class.
        if case .object(let y) = a, case .object(let z) = b, y === z { return true }
        guard let interp = x.type.interpreter else { return false }
        return interp.instanceEquals(a, b)
    case (.object(let x as BoundMethod), .object(let y as BoundMethod)):
        return valuesEqual(x.function, y.function) && {
            if case .object(let p) = x.receiver, case .object(let q) = y.receiver { return p === q }
            return valuesEqual(x.receiver, y.receiver)
        }()
    case (.object(let x as BigIntObject), _): return BigIntObject.equals(x.value, b)
    case (_, .object(let y as BigIntObject)): return BigIntObject.equals(y.value, a)
    case (.object(let x as DeviceObject), .object(let y as DeviceObject)):
        return x.kind == y.kind && x.index == y.index
    case (.object(let x), .object(let y)):
        return x === y
    // `type(x) == torch.Tensor`: a type object against the Swift constructor that names the class.
    case (.object(let o), .builtin(let b)), (.builtin(let b), .object(let o)):
        guard let t = o as? PyType else { return false }
        return !t.isUserClass && t.name == b.name
    case (.set(let x), .set(let y)): return x.count == y.count && x.items.allSatisfy(y.contains)
    case (.dict(let x), .dict(let y)):
        return x.count == y.count && zip(x.keys, x.values).allSatisfy { k, v in y.get(k).map { valuesEqual($0, v) } ?? false }
    default: return false
    }
}
