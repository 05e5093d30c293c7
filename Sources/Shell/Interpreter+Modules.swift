import NN
import Torch

/// `nn.Module` as Python sees it (docs/object-model.md, "nn.Module"): attribute get/set/delete
/// with the registration rules of torch/nn/modules/module.py, calls through hooks, the containers'
/// indexing, and the module methods, each declared once in `moduleMethods`.
extension Module {
    /// The Swift layer whose behaviour this module has: itself, or for an instance of a Python class
    /// derived from a layer (`class MyConv(nn.Conv2d)`), the layer its `__init__` made.
    var swiftLayer: Module { (self as? PythonModule)?.layer ?? self }
}

extension Interpreter {
    /// The shell's state of a module, made on first need (a hook, an attribute of the user's).
    func moduleState(_ m: Module) -> ModuleState {
        if let s = m.host as? ModuleState { return s }
        let s = ModuleState(self)
        m.host = s
        return s
    }

    // MARK: attributes

    func moduleGetAttribute(_ m: Module, _ name: String) throws -> Value {
        let receiver = Value.module(m)
        let python = m as? PythonModule
        switch name {
        case "__class__": return .object(typeOf(receiver))
        case "__dict__": return .dict(moduleState(m).attributes)
        default: break
        }
        // As object.__getattribute__: data descriptors of the class, the instance dict, the class's
        // attributes; then Module.__getattr__: parameters, buffers, children.
        let classAttribute = python?.classAttribute(name)
        if case .object(let p as PropertyObject)? = classAttribute {
            guard let getter = p.getter, !getter.isNone else {
                throw PythonError.attribute("property '\(name)' of '\(m.typeName)' object has no getter")
            }
            return try call(getter, Arguments([receiver]))
        }
        if let state = m.host as? ModuleState, let v = state.attributes.get(.str(name)) { return v }
        if let c = classAttribute, let python { return bind(c, to: receiver, type: python.type) }
        if let v = try moduleMember(m, name) { return v }
        if let python, let getattr = python.userMethod("__getattr__") {
            return try call(bind(getattr, to: receiver, type: python.type), Arguments([.str(name)]))
        }
        throw PythonError.attribute("'\(m.typeName)' object has no attribute '\(name)'")
    }

    /// `Module.__getattr__`'s part: what the module itself holds.
    func moduleMemberValue(_ m: Module, _ name: String) throws -> Value? { try moduleMember(m, name) }

    /// A parameter, buffer, child, configuration value or method of the module itself.
    private func moduleMember(_ m: Module, _ name: String) throws -> Value? {
        if m.hasChild(name) { return m.child(name).map { .module($0) } ?? Value.none }
        switch name {
        // PyTorch's own ordered tables, as snapshots (assigning into them does not register).
        case "_modules": return orderedDict(m.childNames.map { ($0, m.child($0).map { .module($0) } ?? .none) })
        case "_parameters": return orderedDict(m.parameterNames.map { ($0, m.parameter($0).map { .tensor($0) } ?? .none) })
        case "_buffers": return orderedDict(m.bufferNames.map { ($0, m.buffer($0).map { .tensor($0) } ?? .none) })
        case "_non_persistent_buffers_set": return .set(PySet(m.transientBuffers.sorted().map { .str($0) }))
        default: break
        }
        if m.hasBuffer(name) { return m.buffer(name).map { .tensor($0) } ?? Value.none }
        if let a = m.attribute(name) { return Value(m.givenOptions[name] ?? a) }
        if let spec = Interpreter.moduleMethod(name, for: m) { return boundModuleMethod(m, spec) }
        return nil
    }

    /// `Module.__setattr__`: parameters, children and buffers register; anything else goes to
    /// the instance dict (or a property's setter).
    func moduleSetAttribute(_ m: Module, _ name: String, _ value: Value) throws {
        let python = m as? PythonModule
        if let python, let setattr = python.userMethod("__setattr__") {
            _ = try call(bind(setattr, to: .module(m), type: python.type), Arguments([.str(name), value]))
            return
        }
        try moduleGenericSetAttribute(m, name, value)
    }

    func moduleGenericSetAttribute(_ m: Module, _ name: String, _ value: Value) throws {
        let python = m as? PythonModule
        let initialized = (m as? PythonModule)?.initialized ?? true
        if case .tensor(let t) = value, t.isParameter {
            guard initialized else { throw PythonError.attribute("cannot assign parameters before Module.__init__() call") }
            _ = (m.host as? ModuleState)?.attributes.remove(.str(name))
            if !m.hasParameter(name) { m.removeMember(name) }
            m.registerParameter(name, t)
            return
        }
        if m.hasParameter(name) {
            guard value.isNone else {
                throw PythonError.type("cannot assign '\(torchTypename(value))' as parameter '\(name)' (torch.nn.Parameter or None expected)")
            }
            m.registerParameter(name, nil)
            return
        }
        if case .module(let child) = value {
            guard initialized else { throw PythonError.attribute("cannot assign module before Module.__init__() call") }
            try refuseCycle(m, child)
            _ = (m.host as? ModuleState)?.attributes.remove(.str(name))
            if !m.hasChild(name) { m.removeMember(name) }
            m.registerModule(name, child)
            return
        }
        if m.hasChild(name) {
            guard value.isNone else {
                throw PythonError.type("cannot assign '\(torchTypename(value))' as child module '\(name)' (torch.nn.Module or None expected)")
            }
            m.registerModule(name, nil)
            return
        }
        if m.hasBuffer(name) {
            switch value {
            case .none: m.registerBuffer(name, nil, persistent: !m.transientBuffers.contains(name))
            case .tensor(let t): m.registerBuffer(name, t, persistent: !m.transientBuffers.contains(name))
            default: throw PythonError.type("cannot assign '\(torchTypename(value))' as buffer '\(name)' (torch.Tensor or None expected)")
            }
            return
        }
        // Like PyTorch's plain attribute: only this module's flag (`train(b)` sets the children's too).
        if name == "training" {
            guard case .bool(let b) = value else { throw PythonError.type("nnsh keeps 'training' a bool, not '\(value.typeName)'") }
            m.training = b
            return
        }
        if let python, case .object(let p as PropertyObject)? = python.userMethod(name) {
            guard let setter = p.setter, !setter.isNone else {
                throw PythonError.attribute("property '\(name)' of '\(m.typeName)' object has no setter")
            }
            _ = try call(setter, Arguments([.module(m), value]))
            return
        }
        if m.swiftLayer.attribute(name) != nil && (python == nil || python?.layer != nil) && !m.hasParameter(name) {
            // A layer's configuration (`conv.stride`) is read by its Swift forward: changing the
            // attribute alone would print one thing and compute another.
            throw PythonError.attribute("nnsh cannot change '\(name)' of \(m.typeName) after construction; make a new \(m.typeName)")
        }
        moduleState(m).attributes.set(.str(name), value)
    }

    func moduleDeleteAttribute(_ m: Module, _ name: String) throws {
        if let python = m as? PythonModule, let delattr = python.userMethod("__delattr__") {
            _ = try call(bind(delattr, to: .module(m), type: python.type), Arguments([.str(name)]))
            return
        }
        if m.removeMember(name) { return }
        if let state = m.host as? ModuleState, state.attributes.remove(.str(name)) { return }
        throw PythonError.attribute("'\(m.typeName)' object has no attribute '\(name)'")
    }

    func orderedDict(_ items: [(String, Value)]) -> Value {
        let od = PyInstance(type: .orderedDict)
        let d = PyDict()
        for (k, v) in items { d.set(.str(k), v) }
        od.payload = .dict(d)
        return .object(od)
    }

    /// `torch.typename(obj)`: `torch.FloatTensor`, `int`, `torch.nn.modules.linear.Linear`, `__main__.Net`.
    func torchTypename(_ v: Value) -> String {
        if case .tensor(let t) = v { return t.dtype.legacyTensorType }
        let t = typeOf(v)
        return t.module == "builtins" ? t.qualname : "\(t.module).\(t.qualname)"
    }

    /// A module inside itself would send every walk (repr, forward, parameters) round forever;
    /// PyTorch accepts it and fails later with RecursionError, nnsh refuses it here.
    func refuseCycle(_ m: Module, _ child: Module) throws {
        var pending = [child], seen = Set<ObjectIdentifier>()
        while let x = pending.popLast() {
            if x === m { throw PythonError("RecursionError", "nnsh: adding this module would put \(m.typeName) inside itself") }
            if seen.insert(ObjectIdentifier(x)).inserted { pending += x.children() }
        }
    }

    // MARK: calls

    /// `module(*args, **kwargs)`: forward pre-hooks, `forward`, forward hooks (`Module._call_impl`).
    func callModule(_ m: Module, _ args: Arguments) throws -> Value {
        if let p = m as? PythonModule, !p.initialized {
            // `_call_impl` reads the hook tables `Module.__init__` makes, first of all.
            throw PythonError.attribute("'\(p.typeName)' object has no attribute '_backward_hooks'")
        }
        try checkNesting(m, .call)
        var args = args
        let state = m.host as? ModuleState
        if let state {
            for (_, hook) in state.forwardPreHooks {
                let r = try call(hook, Arguments([.module(m), .tuple(args.positional)]))
                if r.isNone { continue }
                if case .tuple(let t) = r { args.positional = t } else { args.positional = [r] }
            }
        }
        let backward = try state.flatMap { try BackwardHookCall(self, m, $0, &args.positional) }
        var out = try forwardModule(m, args)
        if let state {
            for (_, hook) in state.forwardHooks {
                let r = try call(hook, Arguments([.module(m), .tuple(args.positional), out]))
                if !r.isNone { out = r }
            }
        }
        if let backward { out = try backward.wrapOutputs(out) }
        return out
    }

    /// `forward` alone: the Python method of a user class, or the Swift layer's.
    func forwardModule(_ m: Module, _ args: Arguments) throws -> Value {
        if let p = m as? PythonModule { return try callPythonForward(p, args) }
        return try forwardLayer(m, args)
    }

    /// The Swift layer's own forward, with its signature (`ConvTranspose2d.forward(input, output_size)`).
    func forwardLayer(_ m: Module, _ args: Arguments) throws -> Value {
        switch m {
        case let t as ConvTranspose:
            let b = try args.bind("\(m.typeName).forward", ["input", "output_size"], required: 1)
            return .tensor(try t.forward(try b.tensor("input"), outputSize: try b["output_size"].map(outputSizeList)))
        case let u as MaxUnpool:
            let b = try args.bind("\(m.typeName).forward", ["input", "indices", "output_size"], required: 2)
            return .tensor(try u.forward(try b.tensor("input"), indices: try b.tensor("indices"),
                                         outputSize: try b["output_size"].map(outputSizeList),
                                         outputSizeText: b["output_size"]?.repr))
        case let p as AdaptivePool where p.returnIndices:
            let x = try args.bind("\(m.typeName).forward", ["input"], required: 1).tensor("input")
            let (v, i) = try p.forwardWithIndices(x)
            return .tuple([.tensor(v), .tensor(i)])
        case let p as MaxPool where p.returnIndices:
            let x = try args.bind("\(m.typeName).forward", ["input"], required: 1).tensor("input")
            let (v, i) = try p.forwardWithIndices(x)
            return .tuple([.tensor(v), .tensor(i)])
        case let loss as Loss:
            let b = try args.bind("\(m.typeName).forward", ["input", "target"], required: 2)
            return .tensor(try loss.loss(try b.tensor("input"), try b.tensor("target")))
        case is ModuleList, is ModuleDict:
            throw PythonError("NotImplementedError", "Module [\(m.typeName)] is missing the required \"forward\" function")
        default:
            let x = try args.bind("\(m.typeName).forward", ["input"], required: 1).tensor("input")
            return .tensor(try m.forward(x))
        }
    }

    func callPythonForward(_ m: PythonModule, _ args: Arguments) throws -> Value {
        guard let forward = m.userMethod("forward") else {
            if let layer = m.layer { return try forwardLayer(layer, args) }
            throw PythonError("NotImplementedError", "Module [\(m.typeName)] is missing the required \"forward\" function")
        }
        return try call(bind(forward, to: .module(m), type: m.type), args)
    }

    // MARK: containers

    func moduleIterate(_ m: Module) throws -> [Value] {
        if let p = m as? PythonModule, p.userMethod("__iter__") != nil {
            return try iterate(try call(try moduleGetAttribute(m, "__iter__"), Arguments()))
        }
        switch m.swiftLayer {
        case is Sequential, is ModuleList: return m.children().map { .module($0) }
        case is ModuleDict: return m.childNames.map { .str($0) }
        case let c as ParameterContainer:
            return c.keyed ? c.parameterNames.map { .str($0) } : c.parameterNames.compactMap { c.parameter($0).map { .tensor($0) } }
        default:
            throw PythonError.type("'\(m.typeName)' object is not iterable")
        }
    }

    func moduleLength(_ m: Module) throws -> Int {
        if let p = m as? PythonModule, p.userMethod("__len__") != nil {
            return try asInt(try call(try moduleGetAttribute(m, "__len__"), Arguments()))
        }
        switch m.swiftLayer {
        case is Sequential, is ModuleList, is ModuleDict: return m.childNames.count
        case is ParameterContainer: return m.parameterNames.count
        default:
            throw PythonError.type("object of type '\(m.typeName)' has no len()")
        }
    }

    /// `seq[i]`'s position, with PyTorch's `index 5 is out of range`.
    private func containerPosition(_ index: Value, _ count: Int) throws -> Int {
        let i = try asInt(index)
        guard -count <= i && i < count else { throw PythonError.index("index \(i) is out of range") }
        return i < 0 ? i + count : i
    }

    func moduleGetItem(_ m: Module, _ index: Value) throws -> Value {
        if let p = m as? PythonModule, p.userMethod("__getitem__") != nil {
            return try call(try moduleGetAttribute(m, "__getitem__"), Arguments([index]))
        }
        switch m.swiftLayer {
        case is Sequential, is ModuleList:
            let items = m.namedChildren()
            if case .slice(let a, let b, let c) = index {
                let picked = try sliceIndices(a, b, c, count: items.count).map { items[$0] }
                // A Sequential slice keeps the children's names, a ModuleList slice renumbers; both
                // are `self.__class__(…)` in PyTorch, so a subclass's __init__ runs on the slice.
                let sequential = m.swiftLayer is Sequential
                if let p = m as? PythonModule {
                    let items: Value = sequential ? orderedDict(picked.map { ($0.0, .module($0.1)) }) : .list(PyList(picked.map { .module($0.1) }))
                    return try call(.object(p.type), Arguments([items]))
                }
                return .module(sequential ? Sequential(named: picked) : ModuleList(picked.map(\.1)))
            }
            return .module(items[try containerPosition(index, items.count)].1)
        case is ModuleDict:
            guard case .str(let key) = index, let c = m.child(key) else { throw PythonError.keyError(index) }
            return .module(c)
        case let c as ParameterContainer:
            if c.keyed {
                guard case .str(let key) = index, let p = c.parameter(key) else {
                    throw PythonError.attribute("'ParameterDict' object has no attribute '\(index.str)'")
                }
                return .tensor(p)
            }
            let names = c.parameterNames
            if case .slice(let a, let b, let st) = index {
                let list = ParameterContainer(keyed: false)
                for (i, k) in try sliceIndices(a, b, st, count: names.count).enumerated() {
                    if let p = c.parameter(names[k]) { try list.set(String(i), p) }
                }
                return .module(list)
            }
            return c.parameter(names[try containerPosition(index, names.count)]).map { .tensor($0) } ?? Value.none
        default:
            throw PythonError.type("'\(m.typeName)' object is not subscriptable")
        }
    }

    func moduleSetItem(_ m: Module, _ index: Value, _ value: Value) throws {
        if let p = m as? PythonModule, p.userMethod("__setitem__") != nil {
            _ = try call(try moduleGetAttribute(m, "__setitem__"), Arguments([index, value]))
            return
        }
        switch m.swiftLayer {
        case is Sequential, is ModuleList:
            guard case .module(let child) = value else { throw PythonError.type("\(torchTypename(value)) is not a Module subclass") }
            try refuseCycle(m, child)
            var items = m.namedChildren()
            items[try containerPosition(index, items.count)].1 = child
            m.replaceChildren(items)
        case is ModuleDict:
            guard case .str(let key) = index else { throw PythonError.type("module name should be a string. Got \(torchTypename(index))") }
            try addModule(m, .str(key), value)
        case let c as ParameterContainer:
            let t = try parameterValue(value)
            if c.keyed {
                guard case .str(let key) = index else { throw PythonError.type("parameter name should be a string. Got \(torchTypename(index))") }
                try c.set(key, t)
            } else {
                try c.set(String(try containerPosition(index, c.parameterNames.count)), t)
            }
        default:
            throw PythonError.type("'\(m.typeName)' object does not support item assignment")
        }
    }

    /// `del seq[i]` / `del seq[a:b]`: both containers renumber their children afterwards.
    func moduleDeleteItem(_ m: Module, _ index: Value) throws {
        if let p = m as? PythonModule, p.userMethod("__delitem__") != nil {
            _ = try call(try moduleGetAttribute(m, "__delitem__"), Arguments([index]))
            return
        }
        switch m.swiftLayer {
        case is Sequential, is ModuleList:
            var items = m.children()
            if case .slice(let a, let b, let c) = index {
                let drop = Set(try sliceIndices(a, b, c, count: items.count))
                items = items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            } else {
                items.remove(at: try containerPosition(index, items.count))
            }
            m.replaceChildren(items.enumerated().map { (String($0.offset), $0.element) })
        case is ModuleDict:
            guard case .str(let key) = index, m.removeMember(key) else { throw PythonError.keyError(index) }
        default:
            throw PythonError.type("'\(m.typeName)' object doesn't support item deletion")
        }
    }

    /// `seq1 + seq2` (both Sequential) and `modulelist + iterable`: a new container, renumbered.
    func moduleConcatenate(_ m: Module, _ other: Value) throws -> Value {
        if m.swiftLayer is Sequential {
            guard case .module(let o) = other, o.swiftLayer is Sequential else {
                throw PythonError.value("add operator supports only objects of Sequential class, but \(typeOf(other).repr()) is given.")
            }
            return .module(Sequential(m.children() + o.children()))
        }
        return .module(ModuleList(m.children() + (try moduleList(other, "ModuleList.__add__"))))
    }

    func moduleContains(_ m: Module, _ item: Value) throws -> Bool {
        if m.swiftLayer is ModuleDict { if case .str(let k) = item { return m.hasChild(k) }; return false }
        if let c = m.swiftLayer as? ParameterContainer, c.keyed { if case .str(let k) = item { return c.hasParameter(k) }; return false }
        return try moduleIterate(m).contains { valuesEqual($0, item) }
    }

    /// Modules in a constructor's arguments: `nn.Sequential(a, b)`, `nn.ModuleList([a, b])`,
    /// `nn.ModuleDict({"a": a})`, `nn.Sequential(OrderedDict(...))`.
    func moduleList(_ v: Value, _ what: String) throws -> [Module] {
        try iterate(v).map { item in
            guard case .module(let m) = item else { throw PythonError.type("\(torchTypename(item)) is not a Module subclass") }
            return m
        }
    }

    func namedModuleList(_ v: Value) throws -> [(String, Module)] {
        var pairs = [(Value, Value)]()
        var source = v
        if case .object(let i as PyInstance) = v, let p = i.payload { source = p }
        if case .dict(let d) = source {
            pairs = Array(zip(d.keys, d.values))
        } else {
            for (n, item) in try iterate(v).enumerated() {
                let kv = try iterate(item)
                guard kv.count == 2 else {
                    throw PythonError.value("ModuleDict update sequence element #\(n) has length \(kv.count); 2 is required")
                }
                pairs.append((kv[0], kv[1]))
            }
        }
        return try pairs.map { k, value in
            guard case .str(let key) = k else { throw PythonError.type("module name should be a string. Got \(torchTypename(k))") }
            guard case .module(let m) = value else { throw PythonError.type("\(torchTypename(value)) is not a Module subclass") }
            return (key, m)
        }
    }

    // MARK: methods

    /// A module method bound to its receiver, with the recursion guard of the walks that need it.
    func boundModuleMethod(_ m: Module, _ spec: ModuleMethod) -> Value {
        .builtin(Builtin(spec.name, receiver: "\(m.typeName) object") { [unowned self] args in
            if spec.walksAll { try self.checkNesting(m, .method) }
            guard let parameters = spec.parameters else { return try spec.body(self, m, BoundArguments(function: spec.name, values: [:]), args) }
            var counted = args
            counted.countsReceiver = true
            let b = try counted.bind("\(spec.owner).\(spec.name)", parameters, required: spec.required, keywordOnly: spec.keywordOnly)
            return try spec.body(self, m, b, args)
        })
    }

    func moduleMemberNames(_ m: Module) -> [String] {
        var names = ["training"] + m.parameterNames + m.bufferNames + m.childNames
        names += Interpreter.layerConfigNames.filter { m.attribute($0) != nil }
        names += Interpreter.moduleMethods.values.compactMap { $0.first { $0.applies(m) }?.name }
        if let s = m.host as? ModuleState { names += s.attributes.keys.compactMap { if case .str(let k) = $0 { return k }; return nil } }
        if let p = m as? PythonModule { for t in p.type.mro where t.isUserClass { for case .str(let k) in t.dict.keys { names.append(k) } } }
        return names
    }

    static let layerConfigNames = ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "padding_mode",
                                   "output_padding", "return_indices", "ceil_mode", "count_include_pad", "divisor_override", "in_features",
                                   "out_features", "inplace", "negative_slope", "lower", "upper", "num_parameters", "dim", "alpha", "beta",
                                   "threshold", "min_val", "max_val", "p", "approximate", "start_dim", "end_dim", "transposed",
                                   "num_features", "eps", "momentum", "affine", "track_running_stats", "reduction", "ignore_index",
                                   "label_smoothing"]
}

/// `.module(m)`'s `output_size` of ConvTranspose and MaxUnpool forwards: Python takes `len()` of
/// it first, so a number is CPython's TypeError rather than a one-element size.
func outputSizeList(_ v: Value) throws -> [Int] {
    switch v {
    case .int, .float, .bool: throw PythonError.type("object of type '\(v.typeName)' has no len()")
    default: return try v.asIntList("output_size", "forward")
    }
}
