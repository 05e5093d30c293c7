import NN
import Syntax
import Torch

/// Classes and instances: `class` statements, instance creation, attribute lookup through the MRO,
/// descriptors (functions, staticmethod, classmethod, property) and `super()` (docs/object-model.md).
extension Interpreter {
    // MARK: class statements

    func makeClass(_ name: String, _ baseArgs: [Argument], _ body: [Stmt], _ scope: Scope) throws -> Value {
        let args = try evalArguments(baseArgs, scope)
        let positional = args.positional
        var explicitMetaclass: PyType?
        var classKeywords: [(String, Value)] = []
        for (k, v) in args.keywords {
            guard k == "metaclass" else { classKeywords.append((k, v)); continue }
            guard case .object(let meta as PyType) = v, meta.isMetaclass else {
                throw PythonError.type("nnsh supports only subclasses of type as metaclasses, not \(v.typeName)")
            }
            explicitMetaclass = meta
        }
        var bases = [PyType]()
        for b in positional {
            guard case .object(let t as PyType) = b else {
                if case .builtin(let f) = b, f.name.first?.isUppercase == true {
                    throw PythonError.type("subclassing '\(f.name)' is not supported by nnsh yet")
                }
                throw PythonError.type("bases must be types")
            }
            if t === PyType.bool { throw PythonError.type("type 'bool' is not an acceptable base type") }
            if !t.isUserClass && !t.isException && t !== PyType.object && t !== PyType.nnModule && PyInstance.emptyPayload(t) == nil
                && t !== PyType.orderedDict && t !== PyType.type && !isLayerClass(t) {
                // Swift-written classes whose instances are not PyInstances (layers, Tensor) cannot be
                // extended yet; types CPython itself refuses (range, slice, NoneType) say so as CPython.
                if constructors[ObjectIdentifier(t)] != nil { throw PythonError.type("subclassing '\(t.name)' is not supported by nnsh yet") }
                throw PythonError.type("type '\(t.name)' is not an acceptable base type")
            }
            if bases.contains(where: { $0 === t }) { throw PythonError.type("duplicate base class \(t.name)") }
            bases.append(t)
        }
        try checkLayerBases(bases)
        if let meta = try calculateMetaclass(explicit: explicitMetaclass, bases: bases) {
            return try makeClassWithMetaclass(meta, name, bases, classKeywords, body, scope)
        }
        let classScope = try runClassBody(name, body, scope)
        // The body may set its own `__module__` (library code defining classes for several modules does).
        var moduleName = "__main__"
        if case .str(let m)? = classScope["__module__"] { moduleName = m }
        var names: [(String, Value)] = []
        for (n, v) in zip(classScope.names, classScope.values) { if let v { names.append((n.string, v)) } }
        let type = try finishClass(name, qualname: scope.qualnamePrefix + name, module: moduleName, bases: bases, names)
        try initSubclass(type, classKeywords)
        return .object(type)
    }

    /// `super(cls).__init_subclass__(**kwargs)`, as `type.__new__` ends: the nearest base's hook
    /// runs with the new class (object's takes no keyword arguments).
    func initSubclass(_ type: PyType, _ keywords: [(String, Value)]) throws {
        for base in type.mro.dropFirst() {
            guard let hook = base.dict.get(.str("__init_subclass__")) else { continue }
            let function: Value
            switch hook {
            case .object(let c as ClassMethod): function = c.function
            case .function: function = hook
            default: continue
            }
            _ = try call(function, Arguments([.object(type)], keywords))
            return
        }
        if !keywords.isEmpty { throw PythonError.type("\(type.name).__init_subclass__() takes no keyword arguments") }
    }

    /// Runs a class body in its own scope, with `__module__` and `__qualname__` set.
    func runClassBody(_ name: String, _ body: [Stmt], _ scope: Scope, namespace: Value? = nil) throws -> Scope {
        let qualname = scope.qualnamePrefix + name
        let module: String
        if case .str(let m)? = scope.root["__name__"] { module = m } else { module = "__main__" }
        let classScope = Scope(parent: scope)
        classScope.classQualname = qualname
        classScope.classNamespace = namespace
        try bind("__module__", .str(module), classScope)
        try bind("__qualname__", .str(qualname), classScope)
        try outsideLoopOrFunction(try execBlock(body, classScope), nil)
        return classScope
    }

    /// The class object from its namespace: methods learn their class, descriptors their name
    /// (`__set_name__`), and `__eq__` without `__hash__` makes instances unhashable, as in CPython.
    func finishClass(_ name: String, qualname: String, module: String, bases: [PyType], _ names: [(String, Value)]) throws -> PyType {
        let type = try PyType(name: name, qualname: qualname, module: module, bases: bases.isEmpty ? [.object] : bases,
                              isUserClass: true)
        type.interpreter = self
        for (n, v) in names {
            // `__init_subclass__` and `__class_getitem__` are class methods without saying so (type_new).
            if n == "__init_subclass__" || n == "__class_getitem__", case .function = v {
                type.dict.set(.str(n), .object(ClassMethod(v)))
            } else {
                type.dict.set(.str(n), v)
            }
            claimMethod(v, for: type)
        }
        for (n, v) in names {
            guard case .object(let d as PyInstance) = v, let setName = d.type.lookup("__set_name__") else { continue }
            _ = try call(bind(setName, to: .object(d), type: d.type), Arguments([.object(type), .str(n)]))
        }
        if type.dict.get(.str("__eq__")) != nil && type.dict.get(.str("__hash__")) == nil {
            type.dict.set(.str("__hash__"), .none)
        }
        return type
    }

    /// Functions defined in a class body learn their class (CPython's `__class__` cell, for `super()`).
    private func claimMethod(_ v: Value, for type: PyType) {
        switch v {
        case .function(let f): if f.ownerClass == nil { type.own(f) }
        case .object(let s as StaticMethod): claimMethod(s.function, for: type)
        case .object(let c as ClassMethod): claimMethod(c.function, for: type)
        case .object(let p as PropertyObject):
            for f in [p.getter, p.setter, p.deleter] { if let f { claimMethod(f, for: type) } }
        default: break
        }
    }

    /// `type(name, bases, dict)`.
    func makeType(_ name: String, _ bases: Value, _ namespace: Value) throws -> Value {
        // `type(name, bases, ns)` with a base made by a metaclass is that metaclass's call.
        if case .tuple(let bs) = bases {
            let types = bs.compactMap { b -> PyType? in if case .object(let t as PyType) = b { return t }; return nil }
            if types.count == bs.count, let meta = try calculateMetaclass(explicit: nil, bases: types) {
                return try call(.object(meta), Arguments([.str(name), bases, namespace]))
            }
        }
        return try typeNew(.type, name, bases, namespace)
    }

    // MARK: calling a type

    func callType(_ t: PyType, _ args: Arguments) throws -> Value {
        if t.isUserClass && t.isMetaclass { return try callMetaclass(t, args) }
        if t.isUserClass, t.metaclass != nil, let abstract = t.lookup("__abstractmethods__"), try truthy(abstract) {
            // object.__new__'s refusal, for an ABC with abstract methods left.
            let names = try iterate(abstract).map { try strOf($0) }.sorted()
            throw PythonError.type("Can't instantiate abstract class \(t.name) with abstract method\(names.count > 1 ? "s" : "") \(names.joined(separator: ", "))")
        }
        if !t.isUserClass && !t.isException {
            guard let construct = constructors[ObjectIdentifier(t)] else { throw PythonError.type("cannot create '\(t.qualified)' instances") }
            return try construct.call(args)
        }
        var object: Value
        if let new = t.lookup(Interpreter.newName), !isBuiltinSlot(new) {
            let f: Value
            if case .object(let s as StaticMethod) = new { f = s.function } else { f = new }
            object = try call(f, Arguments([.object(t)] + args.positional, args.keywords))
            guard case .object(let i as PyInstance) = object, i.type.isSubtype(of: t) else { return object }
        } else if t.isSubtype(of: .nnModule) {
            if t.isSubtype(of: .dict) || t.isSubtype(of: .list) || t.isException {
                throw PythonError.type("nnsh cannot combine nn.Module with '\(t.mro.first { !$0.isUserClass }?.name ?? "?")' in one class yet")
            }
            object = .module(PythonModule(type: t, interpreter: self))
        } else {
            var made = t
            // `OSError(errno, strerror)` is the subclass that errno names (CPython's errnomap).
            if t === PyType.exception("OSError"), args.positional.count >= 2, case .int(let code) = args.positional[0],
               let sub = PythonError.osErrorSubclass(code) {
                made = sub
            }
            let instance = PyInstance(type: made)
            if t.isException { instance.args = args.positional }
            if made.isSubtype(of: PyType.exception("OSError")) { PythonError.initOSError(instance, args.positional) }
            object = .object(instance)
        }
        // The class that defines `__init__`; `object`'s own takes no arguments.
        let (depth, slot) = t.lookupPosition(Interpreter.initName)
        guard depth >= 0, Int(depth) < t.mro.count, case let owner = t.mro[Int(depth)], owner !== PyType.object,
              let initializer = owner.dict.value(atSlot: Int(slot)) else {
            if !args.positional.isEmpty || !args.keywords.isEmpty, t.lookup("__new__").map(isBuiltinSlot) ?? true {
                throw PythonError.type("\(t.name)() takes no arguments")
            }
            return object
        }
        // An immutable builtin base was filled by the user's `__new__` (`tuple.__new__(cls, values)`,
        // as namedtuple does); its own `__init__` is object's, which ignores the arguments.
        if isBuiltinSlot(initializer), [PyType.tuple, .int, .float, .str].contains(where: { $0 === owner }),
           let new = t.lookup("__new__"), !isBuiltinSlot(new) {
            return object
        }
        let result: Value
        if case .function(let f) = initializer {
            var withSelf = args
            withSelf.positional.insert(object, at: 0)
            result = try callUser(f, withSelf)
        } else {
            result = try call(bind(initializer, to: object, type: t), args)
        }
        guard case .none = result else { throw PythonError.type("__init__() should return None, not '\(result.typeName)'") }
        return object
    }

    /// `Meta(name, bases, namespace)`: the metaclass's `__new__` (or `type.__new__`), then its `__init__`.
    func callMetaclass(_ t: PyType, _ args: Arguments) throws -> Value {
        let object: Value
        if let new = t.lookup(Interpreter.newName), !isBuiltinSlot(new) {
            let f: Value
            if case .object(let s as StaticMethod) = new { f = s.function } else { f = new }
            object = try call(f, Arguments([.object(t)] + args.positional, args.keywords))
        } else {
            let p = args.positional
            guard p.count == 3, case .str(let name) = p[0] else {
                throw PythonError.type("type.__new__() takes exactly 3 arguments (\(p.count) given)")
            }
            object = try typeNew(t, name, p[1], p[2])
        }
        if typeOf(object).isSubtype(of: t), let initializer = t.lookup(Interpreter.initName), !isBuiltinSlot(initializer) {
            let result = try call(bind(initializer, to: object, type: t), args)
            guard case .none = result else { throw PythonError.type("__init__() should return None, not '\(result.typeName)'") }
        }
        return object
    }

    func isBuiltinSlot(_ v: Value) -> Bool { if case .builtin = v { return true }; return false }

    /// The class sets attributes with `object.__setattr__` (no Python `__setattr__` of its own).
    func hasPlainSetattr(_ t: PyType) -> Bool {
        guard let f = t.lookup(Interpreter.setattrName) else { return true }
        return isBuiltinSlot(f)
    }
    static let setattrName = Name("__setattr__"), initName = Name("__init__"), newName = Name("__new__")

    // MARK: attributes

    /// A class attribute as seen through an instance: functions bind, classmethods bind the class.
    func bind(_ attribute: Value, to receiver: Value, type: PyType) -> Value {
        switch attribute {
        case .function, .builtin: return .object(BoundMethod(receiver, attribute))
        case .object(let s as StaticMethod): return s.function
        case .object(let c as ClassMethod): return .object(BoundMethod(.object(type), c.function))
        default: return attribute
        }
    }

    func instanceAttribute(_ i: PyInstance, _ name: String) throws -> Value {
        let classAttribute = i.type.lookup(name)
        if case .object(let p as PropertyObject)? = classAttribute {
            guard let getter = p.getter, !getter.isNone else {
                throw PythonError.attribute("property '\(name)' of '\(i.type.name)' object has no getter")
            }
            return try call(getter, Arguments([.object(i)]))
        }
        // A user descriptor: a data descriptor (with __set__ or __delete__) wins over the instance's
        // own attribute, a non-data one (only __get__, as cached_property) loses to it.
        if case .object(let d as PyInstance)? = classAttribute, let get = d.type.lookup("__get__") {
            if d.type.lookup("__set__") != nil || d.type.lookup("__delete__") != nil || i.attributes.get(.str(name)) == nil {
                return try call(bind(get, to: .object(d), type: d.type), Arguments([.object(i), .object(i.type)]))
            }
        }
        if let v = i.attributes.get(.str(name)) { return v }
        if let c = classAttribute { return bind(c, to: .object(i), type: i.type) }
        switch name {
        case "__class__": return .object(i.type)
        case "__dict__": return .dict(i.attributes)
        default: break
        }
        if i.type.isException {
            switch name {
            case "args": return .tuple(i.args)
            case "__cause__": return i.cause
            case "__context__": return i.context
            case "__suppress_context__": return .bool(i.suppressContext)
            case "__traceback__": return i.traceback.map { .object($0) } ?? .none
            case "value" where i.type.isSubtype(of: PyType.exception("StopIteration")): return i.args.first ?? .none
            case "code" where i.type.isSubtype(of: PyType.exception("SystemExit")):
                return i.args.isEmpty ? .none : i.args.count == 1 ? i.args[0] : .tuple(i.args)
            default: break
            }
        } else if let payload = i.payload, let v = try? getAttribute(payload, name) {
            return v
        }
        if let getattr = i.type.lookup("__getattr__") {
            return try call(bind(getattr, to: .object(i), type: i.type), Arguments([.str(name)]))
        }
        throw PythonError.attribute("'\(i.type.name)' object has no attribute '\(name)'")
    }

    func typeAttribute(_ t: PyType, _ name: String) throws -> Value {
        switch name {
        case "__name__": return .str(t.name)
        case "__qualname__": return .str(t.qualname)
        case "__module__": return .str(t.module)
        case "__mro__": return .tuple(t.mro.map { .object($0) })
        case "__bases__": return .tuple(t.bases.map { .object($0) })
        case "__base__": return t.bases.first.map { .object($0) } ?? .none
        case "__dict__": return .dict(t.dict)
        case "__class__": return .object(t.metaclass ?? PyType.type)
        case "mro": return method(.object(t), name) { _ in .list(PyList(t.mro.map { .object($0) })) }
        case "__subclasses__": return method(.object(t), name) { _ in .list(PyList(t.subclasses.map { .object($0) })) }
        default: break
        }
        if t.metaclass != nil, let v = try metaclassAttribute(t, name, dataOnly: true) { return v }
        if let v = t.lookup(name) {
            switch v {
            case .object(let s as StaticMethod): return s.function
            case .object(let c as ClassMethod): return .object(BoundMethod(.object(t), c.function))
            case .object(let d as PyInstance):
                guard let get = d.type.lookup("__get__") else { return v }
                return try call(bind(get, to: v, type: d.type), Arguments([.none, .object(t)]))
            default: return v
            }
        }
        if t.metaclass != nil, let v = try metaclassAttribute(t, name, dataOnly: false) { return v }
        if t.metaclass != nil, let r = try metaclassSpecial(.object(t), "__getattr__", [.str(name)]) { return r }
        if name == "__doc__" { return .none }
        if let m = nativeTypeAttribute(t, name) { return m }
        if let m = builtinClassMethod(t, name) { return m }
        if !t.isUserClass, let unbound = unboundBuiltinMethod(t, name) { return unbound }
        throw PythonError.attribute("type object '\(t.name)' has no attribute '\(name)'")
    }

    /// Class methods of builtin types: `dict.fromkeys`, `float.fromhex` (the registry's are in NativeBindings).
    private func builtinClassMethod(_ t: PyType, _ name: String) -> Value? {
        switch (ObjectIdentifier(t), name) {
        case (ObjectIdentifier(PyType.dict), "fromkeys"):
            return .builtin(Builtin("fromkeys") { [unowned self] args in
                let b = try args.bind("fromkeys", ["iterable", "value"], required: 1)
                let d = PyDict()
                for k in try self.iterate(b.values["iterable"]!) { try d.set(k, b.values["value"] ?? .none) }
                return .dict(d)
            })
        case (ObjectIdentifier(PyType.float), "fromhex"):
            return .builtin(Builtin("fromhex") { args in
                guard args.positional.count == 1, args.keywords.isEmpty, case .str(let s) = args.positional[0] else {
                    throw PythonError.type("float.fromhex() takes exactly one string argument")
                }
                return .float(try floatFromHex(s))
            })
        default: return nil
        }
    }

    /// `dict.__getitem__`, `list.append`, `str.upper`: a builtin type's method taking its receiver first.
    private func unboundBuiltinMethod(_ t: PyType, _ name: String) -> Value? {
        let special: Set<String> = ["__getitem__", "__setitem__", "__delitem__", "__len__", "__contains__"]
        let sample: Value?
        switch ObjectIdentifier(t) {
        case ObjectIdentifier(PyType.list): sample = .list(PyList([]))
        case ObjectIdentifier(PyType.dict): sample = .dict(PyDict())
        case ObjectIdentifier(PyType.str): sample = .str("")
        case ObjectIdentifier(PyType.tuple): sample = .tuple([])
        case ObjectIdentifier(PyType.set): sample = .set(PySet())
        default: sample = nil
        }
        guard let sample, special.contains(name) || (try? getAttribute(sample, name)) != nil else { return nil }
        return .builtin(Builtin(name, receiver: nil) { [unowned self] args in
            guard var receiver = args.positional.first else {
                throw PythonError.type("unbound method \(t.name).\(name)() needs an argument")
            }
            if case .object(let i as PyInstance) = receiver, let p = i.payload { receiver = p }
            guard typeOf(receiver).isSubtype(of: t) else {
                throw PythonError.type("descriptor '\(name)' for '\(t.name)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            let rest = Array(args.positional.dropFirst())
            switch name {
            case "__getitem__" where rest.count == 1: return try self.getItem(receiver, rest[0])
            case "__setitem__" where rest.count == 2: try self.setItem(receiver, rest[0], rest[1]); return .none
            case "__delitem__" where rest.count == 1:
                if case .dict(let d) = receiver { if !d.remove(rest[0]) { throw PythonError.keyError(rest[0]) }; return .none }
                if case .list(let l) = receiver { l.items.remove(at: try self.normalizeIndex(rest[0], count: l.items.count, what: "list")); return .none }
                throw PythonError.type("'\(receiver.typeName)' object doesn't support item deletion")
            case "__len__" where rest.isEmpty: return .int(try self.length(receiver))
            case "__contains__" where rest.count == 1: return .bool(try self.contains(receiver, rest[0]))
            default: return try self.call(try self.getAttribute(receiver, name), Arguments(rest, args.keywords))
            }
        })
    }

    func setInstanceAttribute(_ i: PyInstance, _ name: String, _ value: Value) throws {
        if let setattr = i.type.lookup("__setattr__"), !isBuiltinSlot(setattr) {
            _ = try call(bind(setattr, to: .object(i), type: i.type), Arguments([.str(name), value]))
            return
        }
        try genericSetAttribute(i, name, value)
    }

    /// `object.__setattr__`: a property's setter, or the instance dictionary.
    func genericSetAttribute(_ i: PyInstance, _ name: String, _ value: Value) throws {
        if case .object(let p as PropertyObject)? = i.type.lookup(name) {
            guard let setter = p.setter, !setter.isNone else {
                throw PythonError.attribute("property '\(name)' of '\(i.type.name)' object has no setter")
            }
            _ = try call(setter, Arguments([.object(i), value]))
            return
        }
        if case .object(let d as PyInstance)? = i.type.lookup(name), let set = d.type.lookup("__set__") {
            _ = try call(bind(set, to: .object(d), type: d.type), Arguments([.object(i), value]))
            return
        }
        if name == "__class__" || name == "__dict__" { throw PythonError.type("nnsh cannot assign \(name)") }
        if i.type.isException && name == "args" { i.args = try iterate(value); return }
        i.attributes.set(.str(name), value)
    }

    func deleteInstanceAttribute(_ i: PyInstance, _ name: String) throws {
        if let delattr = i.type.lookup("__delattr__"), !isBuiltinSlot(delattr) {
            _ = try call(bind(delattr, to: .object(i), type: i.type), Arguments([.str(name)]))
            return
        }
        try genericDeleteAttribute(i, name)
    }

    func genericDeleteAttribute(_ i: PyInstance, _ name: String) throws {
        if case .object(let p as PropertyObject)? = i.type.lookup(name) {
            guard let deleter = p.deleter, !deleter.isNone else {
                throw PythonError.attribute("property '\(name)' of '\(i.type.name)' object has no deleter")
            }
            _ = try call(deleter, Arguments([.object(i)]))
            return
        }
        if case .object(let d as PyInstance)? = i.type.lookup(name), let delete = d.type.lookup("__delete__") {
            _ = try call(bind(delete, to: .object(d), type: d.type), Arguments([.object(i)]))
            return
        }
        if !i.attributes.remove(.str(name)) {
            throw PythonError.attribute("'\(i.type.name)' object has no attribute '\(name)'")
        }
    }

    func superAttribute(_ s: SuperObject, _ name: String) throws -> Value {
        let mro = s.lookupType.mro
        let start = (mro.firstIndex { $0 === s.start } ?? mro.count - 1) + 1
        for t in mro[start...] {
            guard let v = t.dict.get(.str(name)) else { continue }
            if case .object(let p as PropertyObject) = v, let g = p.getter { return try call(g, Arguments([s.receiver])) }
            if case .object(let ti as PyType) = s.receiver, ti === s.lookupType {
                // super() in a classmethod: functions stay unbound, classmethods bind the class.
                if case .object(let c as ClassMethod) = v { return .object(BoundMethod(s.receiver, c.function)) }
                if case .object(let st as StaticMethod) = v { return st.function }
                return v
            }
            return bind(v, to: s.receiver, type: s.lookupType)
        }
        // nn.Module's own methods (`super().parameters()`), on the module.
        if case .module(let m) = s.receiver, let spec = Interpreter.moduleMethod(name, for: m) {
            return boundModuleMethod(m, spec)
        }
        // A builtin base's own methods act on the builtin part (`super().append(x)` in a list subclass).
        if case .object(let i as PyInstance) = s.receiver, let p = i.payload, !i.type.isException {
            switch name {
            case "__setitem__": return method(s.receiver, name) { [unowned self] a in
                guard a.positional.count == 2 else { throw PythonError.type("expected 2 arguments, got \(a.positional.count)") }
                try self.setItem(p, a.positional[0], a.positional[1]); return .none }
            case "__getitem__": return method(s.receiver, name) { [unowned self] a in
                guard a.positional.count == 1 else { throw PythonError.type("expected 1 argument, got \(a.positional.count)") }
                return try self.getItem(p, a.positional[0]) }
            case "__delitem__": return method(s.receiver, name) { [unowned self] a in
                guard a.positional.count == 1 else { throw PythonError.type("expected 1 argument, got \(a.positional.count)") }
                if case .dict(let d) = p { if !d.remove(a.positional[0]) { throw PythonError.keyError(a.positional[0]) }; return .none }
                if case .list(let l) = p { l.items.remove(at: try self.normalizeIndex(a.positional[0], count: l.items.count, what: "list")); return .none }
                throw PythonError.type("'\(p.typeName)' object doesn't support item deletion") }
            case "__contains__": return method(s.receiver, name) { [unowned self] a in
                guard a.positional.count == 1 else { throw PythonError.type("expected 1 argument, got \(a.positional.count)") }
                return .bool(try self.contains(p, a.positional[0])) }
            case "__len__": return method(s.receiver, name) { [unowned self] _ in .int(try self.length(p)) }
            default: if let v = try? getAttribute(p, name) { return v }
            }
        }
        throw PythonError.attribute("'super' object has no attribute '\(name)'")
    }

    /// `super()` (from the running method's class and first argument) or `super(C, obj)`.
    func makeSuper(_ args: Arguments) throws -> Value {
        var start: PyType, receiver: Value
        if args.positional.isEmpty {
            guard let frame = frames.last, let owner = frame.function.ownerClass else {
                throw PythonError.runtime("super(): __class__ cell not found")
            }
            guard let first = frame.function.parameters.first, let v = frame.scope[first.name] else {
                throw PythonError.runtime("super(): no arguments")
            }
            start = owner
            receiver = v
        } else {
            guard case .object(let t as PyType) = args.positional[0] else {
                throw PythonError.type("super() argument 1 must be a type, not \(args.positional[0].typeName)")
            }
            guard args.positional.count >= 2 else { throw PythonError.runtime("nnsh supports super() and super(type, obj)") }
            start = t
            receiver = args.positional[1]
        }
        let lookupType: PyType
        if case .object(let t as PyType) = receiver, t.isSubtype(of: start) { lookupType = t } else {
            lookupType = typeOf(receiver)
            guard lookupType.isSubtype(of: start) else {
                throw PythonError.type("super(type, obj): obj must be an instance or subtype of type")
            }
        }
        return .object(SuperObject(start: start, receiver: receiver, lookupType: lookupType))
    }

    // MARK: the builtin types' own methods

    /// Swift methods in the builtin types' dictionaries (`object.__init__`, `BaseException.__str__`, …).
    /// Installed once per process; they reach an interpreter only through the instance's class, so no
    /// process-wide table holds on to (or outlives) an interpreter.
    static let installTypeMethodsOnce: Void = {
        func def(_ t: PyType, _ name: String, _ f: @escaping (Arguments) throws -> Value) {
            t.dict.set(.str(name), .builtin(Builtin(name, receiver: "'\(t.name)' objects", f)))
        }
        func instance(_ args: Arguments, _ what: String) throws -> PyInstance {
            guard case .object(let i as PyInstance)? = args.positional.first else {
                throw PythonError.type("descriptor '\(what)' requires an instance")
            }
            return i
        }
        func runtime(_ i: PyInstance) throws -> Interpreter {
            guard let interp = i.type.interpreter else { throw PythonError.runtime("the interpreter of '\(i.type.name)' has ended") }
            return interp
        }
        def(.object, "__init__") { _ in .none }
        def(.object, "__subclasshook__") { _ in .object(NotImplementedObject.shared) }
        // `super().__init_subclass__()` from a class's own hook ends here.
        def(.object, "__init_subclass__") { args in
            if !args.keywords.isEmpty { throw PythonError.type("object.__init_subclass__() takes no keyword arguments") }
            return .none
        }
        Interpreter.installTypeMethods(def)
        def(.object, "__new__") { args in
            guard case .object(let t as PyType)? = args.positional.first else { throw PythonError.type("object.__new__(X): X is not a type object") }
            return .object(PyInstance(type: t))
        }
        // `tuple.__new__(cls, iterable)`: how an immutable subclass's own `__new__` makes its value (namedtuple).
        def(.tuple, "__new__") { args in
            guard case .object(let t as PyType)? = args.positional.first, t.isSubtype(of: .tuple) else {
                throw PythonError.type("tuple.__new__(X): X is not a subtype of tuple")
            }
            guard args.positional.count <= 2, args.keywords.isEmpty else { throw PythonError.type("tuple expected at most 1 argument, got \(args.positional.count - 1)") }
            var items: [Value] = []
            if args.positional.count == 2 {
                guard let interp = t.interpreter else { throw PythonError.runtime("the interpreter of '\(t.name)' has ended") }
                items = try interp.iterate(args.positional[1])
            }
            if t === PyType.tuple { return .tuple(items) }
            let i = PyInstance(type: t)
            i.payload = .tuple(items)
            return .object(i)
        }
        def(.object, "__setattr__") { args in
            guard args.positional.count == 3, case .str(let n) = args.positional[1] else { throw PythonError.type("expected 3 arguments") }
            let i = try instance(args, "__setattr__")
            try runtime(i).genericSetAttribute(i, n, args.positional[2])
            return .none
        }
        def(.object, "__getattribute__") { args in
            guard args.positional.count == 2, case .str(let n) = args.positional[1] else { throw PythonError.type("expected 2 arguments") }
            let i = try instance(args, "__getattribute__")
            return try runtime(i).instanceAttribute(i, n)
        }
        def(.object, "__delattr__") { args in
            guard args.positional.count == 2, case .str(let n) = args.positional[1] else { throw PythonError.type("expected 2 arguments") }
            let i = try instance(args, "__delattr__")
            try runtime(i).genericDeleteAttribute(i, n)
            return .none
        }
        def(.object, "__repr__") { args in
            guard let v = args.positional.first else { throw PythonError.type("expected 1 argument") }
            if case .object(let i as PyInstance) = v { return .str(i.type.isException ? i.exceptionRepr : i.defaultRepr) }
            return .str(v.repr)
        }
        def(.object, "__str__") { args in
            guard let v = args.positional.first else { throw PythonError.type("expected 1 argument") }
            if case .object(let i as PyInstance) = v { return .str(try runtime(i).reprOfInstance(i)) }
            return .str(v.repr)
        }
        def(.object, "__eq__") { args in
            guard args.positional.count == 2 else { throw PythonError.type("expected 2 arguments") }
            if case .object(let a) = args.positional[0], case .object(let b) = args.positional[1], a === b { return .bool(true) }
            return .object(NotImplementedObject.shared)
        }
        def(.object, "__hash__") { args in
            guard case .object(let o)? = args.positional.first else { throw PythonError.type("expected 1 argument") }
            return .int(objectID(o) >> 4)
        }
        // nn.Module.__init__ and the attribute protocol, for `super().__init__()` and for classes
        // that define __setattr__/__getattr__ and call nn.Module's.
        func module(_ args: Arguments, _ what: String) throws -> (Module, Interpreter) {
            guard case .module(let m)? = args.positional.first else { throw PythonError.type("descriptor '\(what)' requires a 'Module' object") }
            guard let interp = (m as? PythonModule)?.state.interpreter ?? (m.host as? ModuleState)?.interpreter else {
                throw PythonError.runtime("nnsh: this module's interpreter has ended")
            }
            return (m, interp)
        }
        def(.nnModule, "__init__") { args in
            guard case .module(let m)? = args.positional.first else { throw PythonError.type("descriptor '__init__' requires a 'Module' object") }
            if let (k, _) = args.keywords.first { throw PythonError.type("\(m.typeName).__init__() got an unexpected keyword argument '\(k)'") }
            if args.positional.count > 1 {
                throw PythonError.type("\(m.typeName).__init__() takes 1 positional argument but \(args.positional.count) were given")
            }
            (m as? PythonModule)?.initialized = true
            return .none
        }
        def(.nnModule, "__setattr__") { args in
            guard args.positional.count == 3, case .str(let n) = args.positional[1] else { throw PythonError.type("expected 3 arguments") }
            let (m, interp) = try module(args, "__setattr__")
            try interp.moduleGenericSetAttribute(m, n, args.positional[2])
            return .none
        }
        def(.nnModule, "__getattr__") { args in
            guard args.positional.count == 2, case .str(let n) = args.positional[1] else { throw PythonError.type("expected 2 arguments") }
            let (m, interp) = try module(args, "__getattr__")
            guard let v = try interp.moduleMemberValue(m, n) else { throw PythonError.attribute("'\(m.typeName)' object has no attribute '\(n)'") }
            return v
        }
        def(.nnModule, "__delattr__") { args in
            guard args.positional.count == 2, case .str(let n) = args.positional[1] else { throw PythonError.type("expected 2 arguments") }
            let (m, interp) = try module(args, "__delattr__")
            if !m.removeMember(n), !((m.host as? ModuleState)?.attributes.remove(.str(n)) ?? false) {
                _ = interp
                throw PythonError.attribute("'\(m.typeName)' object has no attribute '\(n)'")
            }
            return .none
        }
        def(.baseException, "__init__") { args in
            let i = try instance(args, "__init__")
            i.args = Array(args.positional.dropFirst())
            // OSError.__init__: its fields, and args without the filename.
            if i.type.isSubtype(of: PyType.exception("OSError")) { PythonError.initOSError(i, i.args) }
            return .none
        }
        def(.baseException, "__str__") { args in .str(try instance(args, "__str__").exceptionStr) }
        def(.baseException, "__repr__") { args in .str(try instance(args, "__repr__").exceptionRepr) }
        def(.baseException, "with_traceback") { args in args.positional.first ?? .none }
        for t in [PyType.list, .dict, .set, .tuple, .int, .float, .str] {
            def(t, "__init__") { args in
                let i = try instance(args, "__init__")
                let interp = try runtime(i)
                if let construct = interp.constructors[ObjectIdentifier(t)] {
                    i.payload = try construct.call(Arguments(Array(args.positional.dropFirst()), args.keywords))
                }
                return .none
            }
        }
    }()

    // MARK: isinstance

    func isSubclass(_ t: PyType, _ cls: Value) throws -> Bool {
        switch cls {
        case .tuple(let options): return try options.contains { try isSubclass(t, $0) }
        case .object(let c as PyType):
            // A metaclass's `__subclasscheck__` (ABCMeta).
            if c.metaclass != nil, let r = try metaclassSpecial(cls, "__subclasscheck__", [.object(t)]) { return try truthy(r) }
            return t.isSubtype(of: c)
        case .builtin(let b):
            // nn layer classes and torch.Tensor are still Swift constructors, named by the type they make.
            return t.mro.contains { $0.name == b.name } || b.name == "Module" && t.isSubtype(of: .nnModule)
        default:
            throw PythonError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
    }
}

/// `float.fromhex(s)` as CPython parses it: optional sign and `0x`, hex digits with an optional
/// point, an optional binary exponent; `inf`/`infinity`/`nan`; rounded to nearest, ties to even.
func floatFromHex(_ text: String) throws -> Double {
    let s = text.trimmingCharacters(in: .whitespaces).lowercased()
    var body = Substring(s)
    var negative = false
    if body.first == "-" || body.first == "+" { negative = body.first == "-"; body = body.dropFirst() }
    if body == "inf" || body == "infinity" { return negative ? -.infinity : .infinity }
    if body == "nan" { return .nan }
    if body.hasPrefix("0x") { body = body.dropFirst(2) }
    var mantissa = body, exponent = Substring("0")
    if let p = body.firstIndex(of: "p") { mantissa = body[..<p]; exponent = body[body.index(after: p)...] }
    let hex = Set("0123456789abcdef")
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let digitsOK = parts.count <= 2 && parts.allSatisfy { $0.allSatisfy { hex.contains($0) } } && parts.contains { !$0.isEmpty }
    var e = exponent
    if e.first == "-" || e.first == "+" { e = e.dropFirst() }
    guard digitsOK, !e.isEmpty, e.allSatisfy(\.isASCII), e.allSatisfy(\.isNumber) else {
        throw PythonError.value("invalid hexadecimal floating-point string")
    }
    guard let v = Double("0x" + (mantissa.first == "." ? "0" : "") + mantissa + "p" + exponent) else {
        throw PythonError.value("invalid hexadecimal floating-point string")
    }
    if v.isInfinite { throw PythonError.overflow("hexadecimal value too large to represent as a float") }
    return negative ? -v : v
}
