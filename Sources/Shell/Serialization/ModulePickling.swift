import NN
import Torch

/// `torch.save(model)` and `torch.load(path, weights_only=False)` of whole modules
/// (docs/object-model.md, "Checkpoints"). A module pickles as PyTorch's do: its class by module
/// and name, then its `__dict__` (nn.Module's own tables, the layer's configuration attributes,
/// the user's attributes). Which configuration attributes a layer has, and which `__init__`
/// parameters rebuild it, come from real PyTorch (`LayerPickleTable`, generated).
extension Interpreter {
    func describeModule(_ m: Module) throws -> ModulePickle {
        let layer = m.swiftLayer
        let module: String, name: String
        if let p = m as? PythonModule {
            if p.type.qualname.contains("<locals>") {
                throw PythonError.attribute("Can't pickle local object '\(p.type.qualname)'")
            }
            module = p.type.module; name = p.type.qualname
        } else {
            guard m.typeName == "Module" || LayerPickleTable.layers[m.typeName] != nil else {
                throw PythonError.type("nnsh cannot save a whole \(m.typeName) yet; save its state_dict()")
            }
            module = m.typeName == "Module" ? "torch.nn.modules.module" : LayerPickleTable.layers[m.typeName]!.module
            name = m.typeName
        }
        if let s = m.host as? ModuleState, s.hasHooks {
            throw PythonError("PicklingError", "nnsh cannot save \(m.typeName) with hooks registered (PyTorch pickles the hook functions by name); remove them or save its state_dict()")
        }
        func table(_ items: [(String, Value)]) -> Value {
            let d = PyDict()
            for (k, v) in items { d.set(.str(k), v) }
            return .dict(d)
        }
        var state: [(String, Value)] = []
        for key in LayerPickleTable.moduleKeys {
            switch key {
            case "training": state.append((key, .bool(m.training)))
            case "_parameters": state.append((key, table(m.parameterNames.map { ($0, m.parameter($0).map { .tensor($0) } ?? .none) })))
            case "_buffers": state.append((key, table(m.bufferNames.map { ($0, m.buffer($0).map { .tensor($0) } ?? .none) })))
            case "_non_persistent_buffers_set": state.append((key, .set(PySet(m.transientBuffers.sorted().map { .str($0) }))))
            case "_modules": state.append((key, table(m.childNames.map { ($0, m.child($0).map { .module($0) } ?? .none) })))
            case "_is_full_backward_hook": state.append((key, .none))
            default: state.append((key, orderedDict([])))  // the hook tables, empty
            }
        }
        if layer !== m || !(m is PythonModule) {
            for key in LayerPickleTable.layers[layer.typeName]?.attributes ?? [] {
                if let c = layer as? ParameterContainer, key == "_size" || key == "_keys" {
                    // ParameterList's count and ParameterDict's key table (a dict of None).
                    state.append((key, c.keyed ? table(c.parameterNames.map { ($0, .none) }) : .int(c.parameterNames.count)))
                    continue
                }
                guard let a = layer.attribute(key) else {
                    throw PythonError.type("nnsh cannot save a whole \(layer.typeName) yet (it has no '\(key)' attribute, which PyTorch's needs); save its state_dict()")
                }
                state.append((key, Value(a)))
            }
        }
        if let attributes = (m.host as? ModuleState)?.attributes {
            let written = Set(state.map(\.0))
            for (k, v) in zip(attributes.keys, attributes.values) {
                guard case .str(let s) = k, !written.contains(s) else { continue }
                state.append((s, v))
            }
        }
        // Library classes written in Python add what PyTorch's versions keep as plain attributes.
        if let p = m as? PythonModule, let extra = p.classAttribute("_nnsh_pickle_state"),
           case .dict(let d) = try call(bind(extra, to: .module(m), type: p.type), Arguments()) {
            for (k, v) in zip(d.keys, d.values) { if case .str(let s) = k { state.append((s, v)) } }
        }
        return ModulePickle(module: module, name: name, state: state)
    }
}

/// The unpickler's side of the interpreter for `weights_only=False`.
struct InterpreterPickleObjects: PickleObjects {
    unowned let interpreter: Interpreter

    func resolve(_ module: String, _ name: String) throws -> Value {
        let i = interpreter
        switch module {
        case "__builtin__", "builtins":
            guard let v = i.builtinsStorage[name] else { throw PythonError.attribute("module 'builtins' has no attribute '\(name)'") }
            return v
        case "__main__":
            guard let v = i.globals[name] else {
                throw PythonError.attribute("Can't get attribute '\(name)' on <module '__main__' from '\(i.file)'>")
            }
            return v
        default:
            // The layer classes live in torch.nn's submodules in PyTorch and in torch.nn here.
            let path = module.hasPrefix("torch.nn.modules.") ? "torch.nn" : module
            var v = try i.importModule(absolute: path)
            for part in name.split(separator: ".") { v = try i.getAttribute(v, String(part)) }
            return v
        }
    }

    func instantiate(_ cls: Value, _ args: [Value]) throws -> Value {
        guard case .object(let t as PyType) = cls else { return try interpreter.call(cls, Arguments(args)) }
        if t.isSubtype(of: .nnModule) {
            if t.isUserClass { return .module(PythonModule(type: t, interpreter: interpreter)) }
            return .object(LayerPlaceholder(t))  // made when its state arrives (BUILD)
        }
        if t.isUserClass && !t.isException { return .object(PyInstance(type: t)) }
        return try interpreter.call(cls, Arguments(args))
    }

    func call(_ callee: Value, _ args: [Value]) throws -> Value { try interpreter.call(callee, Arguments(args)) }

    func build(_ object: Value, _ state: Value) throws -> Value? {
        let i = interpreter
        guard case .dict(let d) = state else {
            if case .object(let o as PyInstance) = object, let setstate = o.type.lookup("__setstate__") {
                _ = try i.call(i.bind(setstate, to: object, type: o.type), Arguments([state]))
                return nil
            }
            throw PythonError("UnpicklingError", "state is not a dictionary")
        }
        func entry(_ k: String) -> Value? { d.get(.str(k)) }
        switch object {
        case .object(let placeholder as LayerPlaceholder):
            let layer = try makeLayer(placeholder.type, d)
            try apply(d, to: layer, skipping: Set(LayerPickleTable.layers[layer.typeName]?.attributes ?? []))
            return .module(layer)
        case .module(let p as PythonModule):
            if let base = p.type.mro.first(where: i.isLayerClass) {
                p.adopt(try makeLayer(base, d))
                try apply(d, to: p, skipping: Set(LayerPickleTable.layers[base.name]?.attributes ?? []))
            } else {
                p.initialized = true
                try apply(d, to: p, skipping: [])
            }
            return nil
        case .object(let o as PyInstance):
            if let setstate = o.type.lookup("__setstate__") {
                _ = try i.call(i.bind(setstate, to: object, type: o.type), Arguments([state]))
            } else {
                for (k, v) in zip(d.keys, d.values) { o.attributes.set(k, v) }
            }
            return nil
        default:
            throw PythonError("UnpicklingError", "nnsh cannot restore the state of a '\(object.typeName)' object")
        }
    }

    /// The layer of class `type` that `state` describes, built by its constructor from the
    /// `__init__` parameters the state holds (the generator left as it was: the weights come next).
    private func makeLayer(_ type: PyType, _ state: PyDict) throws -> Module {
        guard let construct = interpreter.constructors[ObjectIdentifier(type)] else {
            throw PythonError.type("nnsh cannot load a whole \(type.name)")
        }
        var keywords: [(String, Value)] = []
        let parameters: PyDict? = { if case .dict(let p)? = state.get(.str("_parameters")) { return p }; return nil }()
        let buffers: PyDict? = { if case .dict(let b)? = state.get(.str("_buffers")) { return b }; return nil }()
        let entry = LayerPickleTable.layers[type.name]
        for name in entry?.initParameters ?? [] {
            if let v = state.get(.str(name)) {
                if name == "init" { continue }  // PReLU's initial value: the weight follows
                keywords.append((name, v))
            } else if name == "bias", Interpreter.layersWithBiasFlag.contains(where: { type.name.hasPrefix($0) }), let parameters {
                keywords.append((name, .bool(!(parameters.get(.str("bias")) ?? .none).isNone)))
            } else if let b = buffers?.get(.str(name)), !b.isNone {
                keywords.append((name, b))  // a loss's class weights
            }
        }
        let saved = Generator.defaultGenerator.stateBytes()
        defer { try? Generator.defaultGenerator.setState(saved) }
        let made = try GradMode.withoutGrad { try construct.call(Arguments([], keywords)) }
        guard case .module(let m) = made else { throw PythonError.type("\(type.name) did not make a module") }
        return m
    }

    /// nn.Module's `__setstate__`: the tables from the state, the rest as attributes.
    private func apply(_ state: PyDict, to m: Module, skipping configuration: Set<String>) throws {
        m.removeAllMembers()
        func table(_ key: String) -> [(String, Value)] {
            guard case .dict(let t)? = state.get(.str(key)) else {
                if case .object(let od as PyInstance)? = state.get(.str(key)), case .dict(let t)? = od.payload {
                    return zip(t.keys, t.values).compactMap { k, v in if case .str(let s) = k { return (s, v) }; return nil }
                }
                return []
            }
            return zip(t.keys, t.values).compactMap { k, v in if case .str(let s) = k { return (s, v) }; return nil }
        }
        var transient = Set<String>()
        if case .set(let s)? = state.get(.str("_non_persistent_buffers_set")) {
            for case .str(let n) in s.items { transient.insert(n) }
        }
        for (n, v) in table("_parameters") {
            if case .tensor(let t) = v { m.registerParameter(n, t) } else { m.registerParameter(n, nil) }
        }
        for (n, v) in table("_buffers") {
            if case .tensor(let t) = v { m.registerBuffer(n, t, persistent: !transient.contains(n)) } else { m.registerBuffer(n, nil, persistent: !transient.contains(n)) }
        }
        for (n, v) in table("_modules") {
            if case .module(let c) = v { m.registerModule(n, c) } else { m.registerModule(n, nil) }
        }
        if case .bool(let b)? = state.get(.str("training")) { m.training = b }
        let own = Set(LayerPickleTable.moduleKeys)
        for (k, v) in zip(state.keys, state.values) {
            guard case .str(let s) = k, !own.contains(s), !configuration.contains(s) else { continue }
            interpreter.moduleState(m).attributes.set(k, v)
        }
    }
}

extension Interpreter {
    /// Layers whose `bias=` flag a loaded state gives only through `_parameters['bias']`.
    static let layersWithBiasFlag = ["Linear", "Conv", "LayerNorm"]
}

/// What `NEWOBJ` makes of a Swift layer class: the layer itself needs its configuration, which the
/// state (`BUILD`) brings.
final class LayerPlaceholder: PyObject {
    let type: PyType
    init(_ type: PyType) { self.type = type }
    override var typeName: String { type.name }
}
