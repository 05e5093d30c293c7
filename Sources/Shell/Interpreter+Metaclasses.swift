import Syntax

/// Metaclasses (docs/object-model.md, "Metaclasses"): a class whose MRO holds `type` makes
/// classes. A class statement picks the most derived metaclass of its `metaclass=` and its bases'
/// (CPython's `_PyType_CalculateMetaclass`), runs `__prepare__`, the body, then calls the
/// metaclass with `(name, bases, namespace)`; `type.__new__` makes the class object and records
/// its metaclass. On a class made so, calls, attribute lookup and the special methods
/// (`iter`, `len`, `in`, `[]`, `repr`, `str`, `bool`) go to the metaclass as CPython sends them.
extension Interpreter {
    /// The metaclass a class statement uses; nil for plain `type`.
    func calculateMetaclass(explicit: PyType?, bases: [PyType]) throws -> PyType? {
        var winner = explicit
        for b in bases {
            guard let m = b.metaclass else { continue }
            guard let w = winner else { winner = m; continue }
            if m.isSubtype(of: w) { winner = m } else if !w.isSubtype(of: m) {
                throw PythonError.type("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
            }
        }
        if let w = winner, w === PyType.type { return nil }
        return winner
    }

    /// A class statement under a metaclass: `__prepare__`, the body, then `meta(name, bases, ns, **kw)`.
    func makeClassWithMetaclass(_ meta: PyType, _ name: String, _ bases: [PyType], _ keywords: [(String, Value)],
                                _ body: [Stmt], _ scope: Scope) throws -> Value {
        let basesValue = Value.tuple(bases.map { .object($0) })
        var prepared: Value?
        if let prepare = meta.lookup("__prepare__"), !isBuiltinSlot(prepare) {
            prepared = try call(try typeAttribute(meta, "__prepare__"), Arguments([.str(name), basesValue], keywords))
        }
        let classScope = try runClassBody(name, body, scope, namespace: prepared)
        let namespace: Value
        if let prepared {
            // Bindings went through the mapping as they happened; what bypassed `bind` (an import
            // inside the body) is added now.
            for (n, v) in zip(classScope.names, classScope.values) {
                guard let v, try !contains(prepared, .str(n.string)) else { continue }
                try setItem(prepared, .str(n.string), v)
            }
            namespace = prepared
        } else {
            let d = PyDict()
            for (n, v) in zip(classScope.names, classScope.values) { if let v { d.set(.str(n.string), v) } }
            namespace = .dict(d)
        }
        return try call(.object(meta), Arguments([.str(name), basesValue, namespace], keywords))
    }

    /// `type.__new__(meta, name, bases, namespace)`: the class object, its metaclass recorded.
    func typeNew(_ meta: PyType, _ name: String, _ bases: Value, _ namespace: Value, keywords: [(String, Value)] = []) throws -> Value {
        guard case .tuple(let bs) = bases else { throw PythonError.type("type.__new__() argument 2 must be tuple, not \(bases.typeName)") }
        var found: PyDict?
        switch namespace {
        case .dict(let d): found = d
        case .object(let i as PyInstance): if case .dict(let d)? = i.payload { found = d }
        default: break
        }
        guard let dict = found else { throw PythonError.type("type.__new__() argument 3 must be dict, not \(namespace.typeName)") }
        let types = try bs.map { b -> PyType in
            guard case .object(let t as PyType) = b else { throw PythonError.type("bases must be types") }
            return t
        }
        let metaclass = try calculateMetaclass(explicit: meta, bases: types) ?? PyType.type
        var names: [(String, Value)] = []
        for (k, v) in zip(dict.keys, dict.values) {
            guard case .str(let n) = k else { continue }
            names.append((n, v))
        }
        let qualname: String
        if case .str(let q)? = dict.get(.str("__qualname__")) { qualname = q } else { qualname = name }
        let module: String
        if case .str(let m)? = dict.get(.str("__module__")) { module = m } else if case .str(let m)? = globals["__name__"] { module = m } else { module = "__main__" }
        let type = try finishClass(name, qualname: qualname, module: module, bases: types, names.filter { $0.0 != "__qualname__" })
        if metaclass !== PyType.type { type.metaclass = metaclass }
        try initSubclass(type, keywords)
        return .object(type)
    }

    /// A special method the class's metaclass defines in Python (`EnumType.__iter__`), called on
    /// the class; nil when `v` is not such a class or the metaclass leaves the method to `type`.
    func metaclassSpecial(_ v: Value, _ name: String, _ args: [Value] = []) throws -> Value? {
        guard case .object(let t as PyType) = v, let meta = t.metaclass, let f = meta.lookup(name), !f.isNone, !isBuiltinSlot(f) else { return nil }
        if case .function(let user) = f { return try callUser(user, Arguments([v] + args)) }
        return try call(bind(f, to: v, type: meta), Arguments(args))
    }

    /// `cls.name` found on the metaclass: a property runs with the class, a function binds to it.
    func metaclassAttribute(_ t: PyType, _ name: String, dataOnly: Bool) throws -> Value? {
        guard let meta = t.metaclass, let v = meta.lookup(name) else { return nil }
        if case .object(let p as PropertyObject) = v {
            guard let getter = p.getter, !getter.isNone else { throw PythonError.attribute("property '\(name)' of '\(meta.name)' object has no getter") }
            return try call(getter, Arguments([.object(t)]))
        }
        if dataOnly { return nil }
        return bind(v, to: .object(t), type: meta)
    }

    /// The methods `type` itself has for metaclasses to reach through `super()` or by name:
    /// `type.__new__`, `type.__init__`, `type.__call__`. Installed once per process with the other
    /// builtin types' methods; each reaches an interpreter through the classes it is given.
    static func installTypeMethods(_ def: (PyType, String, @escaping (Arguments) throws -> Value) -> Void) {
        func runtime(_ v: Value?) throws -> Interpreter {
            if case .object(let t as PyType)? = v {
                if let i = t.interpreter { return i }
                if let i = t.mro.lazy.compactMap({ $0.interpreter }).first { return i }
            }
            throw PythonError.type("type.__new__ needs a user-defined metaclass in nnsh")
        }
        def(.type, "__new__") { args in
            let p = args.positional
            guard p.count == 4, case .object(let meta as PyType) = p[0], meta.isMetaclass else {
                if p.count == 2 { return .object(typeOf(p[1])) }
                throw PythonError.type("type.__new__() takes exactly 3 arguments (\(max(0, p.count - 1)) given)")
            }
            guard case .str(let name) = p[1] else { throw PythonError.type("type.__new__() argument 1 must be str, not \(p[1].typeName)") }
            return try runtime(p[0]).typeNew(meta, name, p[2], p[3], keywords: args.keywords)
        }
        def(.type, "__init__") { _ in .none }
        def(.type, "__setattr__") { args in
            let p = args.positional
            guard p.count == 3, case .object(let cls as PyType) = p[0], cls.isUserClass, case .str(let name) = p[1] else {
                throw PythonError.type("type.__setattr__ expects a class, a name and a value")
            }
            try runtime(p[0]).setClassAttribute(cls, name, p[2])
            return .none
        }
        // `int.__new__(cls, value)`, `str.__new__`, `float.__new__`: how an enum (or any subclass
        // with its own `__new__`) makes an instance carrying a builtin value.
        for (base, kind) in [(PyType.int, "int"), (PyType.str, "str"), (PyType.float, "float")] {
            def(base, "__new__") { args in
                guard case .object(let cls as PyType)? = args.positional.first, cls.isSubtype(of: base) else {
                    throw PythonError.type("\(kind).__new__(X): X is not a subtype of \(kind)")
                }
                let interp = try runtime(.object(cls))
                let value = try interp.call(.object(base), Arguments(Array(args.positional.dropFirst()), args.keywords))
                if cls === base { return value }
                let i = PyInstance(type: cls)
                i.payload = value
                return .object(i)
            }
        }
        def(.type, "__call__") { args in
            guard case .object(let cls as PyType)? = args.positional.first else {
                throw PythonError.type("descriptor '__call__' of 'type' object needs an argument")
            }
            return try runtime(.object(cls)).callType(cls, Arguments(Array(args.positional.dropFirst()), args.keywords))
        }
    }
}
