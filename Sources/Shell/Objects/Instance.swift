import Torch

/// An instance of a user class (or of a builtin exception): its type, its attribute dictionary
/// (`obj.__dict__` is this very dict) and, for subclasses of builtin containers, numbers and
/// exceptions, the builtin part (`payload`: the list of a `class L(list)`, an exception's `args`).
public final class PyInstance: PyObject {
    public let type: PyType
    public let attributes = PyDict()
    public var payload: Value?
    /// `__cause__`, `__context__` of an exception, and `__suppress_context__`.
    var cause: Value = .none
    var context: Value = .none
    var suppressContext = false
    /// `__traceback__`: where the exception was last caught and the frames it had left by then.
    var traceback: TracebackObject?

    init(type: PyType) {
        self.type = type
        super.init()
        attributes.isAttributeDict = true
        if type.isException { payload = .tuple([]) }
        else if let base = type.payloadBase { payload = PyInstance.emptyPayload(base) }
        CycleCollector.track(self)
    }

    override func traverseReferences(_ visitor: inout CycleVisitor) {
        visitor.visit(type)
        visitor.visit(attributes)
        visitor.visit(payload)
        visitor.visit(cause)
        visitor.visit(context)
    }
    // The attribute dict and a list/dict/set payload are containers cleared on their own; a tuple
    // payload (an exception's args) is not, so it goes here.
    override func clearReferences() {
        if case .tuple? = payload { payload = .tuple([]) }
        cause = .none
        context = .none
    }

    static func emptyPayload(_ base: PyType) -> Value? {
        switch ObjectIdentifier(base) {
        case ObjectIdentifier(PyType.list): return .list(PyList([]))
        case ObjectIdentifier(PyType.dict): return .dict(PyDict())
        case ObjectIdentifier(PyType.set): return .set(PySet())
        case ObjectIdentifier(PyType.tuple): return .tuple([])
        case ObjectIdentifier(PyType.int): return .int(0)
        case ObjectIdentifier(PyType.float): return .float(0)
        case ObjectIdentifier(PyType.str): return .str("")
        default: return nil
        }
    }

    /// An exception's `args`.
    var args: [Value] {
        get { if case .tuple(let t)? = payload { return t }; return [] }
        set { payload = .tuple(newValue) }
    }

    override public var typeName: String { type.name }

    /// The repr Python code defines; in containers (`print([obj])`) through the class's interpreter.
    override public func repr() -> String {
        if let interp = type.interpreter, let r = try? interp.reprOfInstance(self) { return r }
        return defaultRepr
    }
    override public func str() -> String {
        if let interp = type.interpreter, let s = try? interp.strOfInstance(self) { return s }
        return repr()
    }

    var defaultRepr: String {
        if type.isException { return exceptionRepr }
        if let r = orderedDictRepr { return r }
        return "<\(type.qualified) object at \(addressString(self))>"
    }

    /// `OrderedDict([('a', 1)])`, `OrderedDict()`: how CPython's OrderedDict (and subclasses) print.
    var orderedDictRepr: String? {
        guard type.isSubtype(of: .orderedDict), case .dict(let d)? = payload else { return nil }
        if d.keys.isEmpty { return type.name + "()" }
        return type.name + "(" + Value.list(PyList(zip(d.keys, d.values).map { .tuple([$0, $1]) })).repr + ")"
    }

    /// `ValueError('x')`, `KeyError('a', 1)`, `StopIteration()`.
    var exceptionRepr: String {
        let a = args
        return type.name + (a.count == 1 ? "(\(a[0].repr))" : Value.tuple(a).repr)
    }
    /// `str(e)`: empty, the one argument's str (KeyError: its repr), or the args tuple.
    var exceptionStr: String {
        // SyntaxError.__str__ (Objects/exceptions.c): the message with the file's base name and line.
        if type.isSubtype(of: PyType.exception("SyntaxError")), let msg = attributes.get(.str("msg")) {
            var file: String?
            if case .str(let f)? = attributes.get(.str("filename")) { file = f.split(separator: "/").last.map(String.init) ?? f }
            var line: Int?
            if case .int(let n)? = attributes.get(.str("lineno")) { line = n }
            switch (file, line) {
            case let (f?, l?): return "\(msg.str) (\(f), line \(l))"
            case let (f?, nil): return "\(msg.str) (\(f))"
            case let (nil, l?): return "\(msg.str) (line \(l))"
            default: return msg.str
            }
        }
        // OSError.__str__: `[Errno N] reason`, with `: 'filename'` when there is one.
        if type.isSubtype(of: PyType.exception("OSError")), (2...5).contains(args.count),
           case .int(let code)? = attributes.get(.str("errno")) ?? args.first,
           let reason = attributes.get(.str("strerror")) ?? args.dropFirst().first {
            let file = attributes.get(.str("filename")) ?? (args.count >= 3 ? args[2] : .none)
            let file2 = attributes.get(.str("filename2")) ?? (args.count >= 5 ? args[4] : .none)
            return "[Errno \(code)] \(reason.str)" + (file.isNone ? "" : ": " + file.repr) + (file2.isNone ? "" : " -> " + file2.repr)
        }
        let a = args
        switch a.count {
        case 0: return ""
        case 1: return type.isSubtype(of: PyType.exception("KeyError")) ? a[0].repr : a[0].str
        default: return Value.tuple(a).repr
        }
    }
}

/// `id(o)`: the object's address, unique while it lives.
func objectID(_ o: AnyObject) -> Int { ObjectIdentifier(o).hashValue }

/// `0x7f…`: the address in an object's default repr.
func addressString(_ o: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: objectID(o)), radix: 16)
}

/// A function bound to its receiver: `obj.method`.
final class BoundMethod: PyObject {
    let receiver: Value
    let function: Value
    init(_ receiver: Value, _ function: Value) {
        self.receiver = receiver
        self.function = function
    }
    override var typeName: String { "method" }
    override func repr() -> String {
        let fname: String
        switch function {
        case .function(let f): fname = f.qualname
        case .builtin(let b): fname = b.qualname ?? b.name
        default: fname = "?"
        }
        return "<bound method \(fname) of \(receiver.repr)>"
    }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "__self__": return receiver
        case "__func__": return function
        case "__name__":
            if case .function(let f) = function { return .str(f.name) }
            if case .builtin(let b) = function { return .str(b.name) }
            return nil
        default: return nil
        }
    }
}

/// `@staticmethod`: the function, not bound.
final class StaticMethod: PyObject {
    let function: Value
    init(_ function: Value) {
        self.function = function
        super.init()
        CycleCollector.track(self)
    }
    override func traverseReferences(_ visitor: inout CycleVisitor) { visitor.visit(function) }
    override var typeName: String { "staticmethod" }
    override func repr() -> String { "<staticmethod(\(function.repr))>" }
    override func attribute(_ name: String) throws -> Value? { name == "__func__" ? function : nil }
}

/// `@classmethod`: bound to the class.
final class ClassMethod: PyObject {
    let function: Value
    init(_ function: Value) {
        self.function = function
        super.init()
        CycleCollector.track(self)
    }
    override func traverseReferences(_ visitor: inout CycleVisitor) { visitor.visit(function) }
    override var typeName: String { "classmethod" }
    override func repr() -> String { "<classmethod(\(function.repr))>" }
    override func attribute(_ name: String) throws -> Value? { name == "__func__" ? function : nil }
}

/// `property(fget, fset, fdel, doc)` and its `.setter` / `.deleter` / `.getter` copies.
final class PropertyObject: PyObject {
    let getter: Value?
    let setter: Value?
    let deleter: Value?
    let doc: Value
    init(getter: Value?, setter: Value?, deleter: Value?, doc: Value = .none) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
        self.doc = doc
        super.init()
        CycleCollector.track(self)
    }
    override func traverseReferences(_ visitor: inout CycleVisitor) {
        visitor.visit(getter)
        visitor.visit(setter)
        visitor.visit(deleter)
        visitor.visit(doc)
    }
    override var typeName: String { "property" }
    override func repr() -> String { "<property object at \(addressString(self))>" }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "fget": return getter ?? .none
        case "fset": return setter ?? .none
        case "fdel": return deleter ?? .none
        case "__doc__": return doc
        case "setter", "getter", "deleter":
            return .builtin(Builtin(name, receiver: "property object") { [self] args in
                guard args.positional.count == 1, args.keywords.isEmpty else {
                    throw PythonError.type("\(name)() takes exactly one argument (\(args.positional.count) given)")
                }
                let f = args.positional[0]
                switch name {
                case "setter": return .object(PropertyObject(getter: self.getter, setter: f, deleter: self.deleter, doc: self.doc))
                case "getter": return .object(PropertyObject(getter: f, setter: self.setter, deleter: self.deleter, doc: self.doc))
                default: return .object(PropertyObject(getter: self.getter, setter: self.setter, deleter: f, doc: self.doc))
                }
            })
        default: return nil
        }
    }
}

/// `super()` / `super(C, obj)`: attribute lookup that starts after `C` in `type(obj).__mro__`.
final class SuperObject: PyObject {
    let start: PyType
    let receiver: Value
    /// The type whose MRO is searched: `type(obj)`, or `obj` itself when it is a class.
    let lookupType: PyType
    init(start: PyType, receiver: Value, lookupType: PyType) {
        self.start = start
        self.receiver = receiver
        self.lookupType = lookupType
    }
    override var typeName: String { "super" }
    override func repr() -> String { "<super: <class '\(start.name)'>, <\(lookupType.name) object>>" }
}
