import NN
import Torch

/// One method of `nn.Module` (or of a container), declared once: its Python signature drives
/// argument binding (CPython's TypeError wording), `dir()` and completion; `walksAll` marks the
/// methods PyTorch runs as one Python call per nesting level (the recursion guard applies).
struct ModuleMethod {
    let name: String
    /// The class that defines it in PyTorch (`Module`, `Sequential`, …), for messages.
    let owner: String
    /// nil: the body takes the call's arguments as they are (`forward(*args, **kwargs)`).
    let parameters: [String]?
    let required: Int
    let keywordOnly: [String]
    let walksAll: Bool
    let applies: (Module) -> Bool
    let body: (Interpreter, Module, BoundArguments, Arguments) throws -> Value
}

extension Interpreter {
    /// The method `name` of module `m`, if its class has one.
    static func moduleMethod(_ name: String, for m: Module) -> ModuleMethod? {
        moduleMethods[name]?.first { $0.applies(m.swiftLayer) }
    }

    /// Every module method, by name (a name two containers define differently, `pop`, has one
    /// entry per class).
    static let moduleMethods: [String: [ModuleMethod]] = {
        var t = [String: [ModuleMethod]]()
        func def(_ name: String, _ parameters: [String]? = [], required: Int = 0, keywordOnly: [String] = [], walksAll: Bool = false,
                 owner: String = "Module", applies: @escaping (Module) -> Bool = { _ in true },
                 _ body: @escaping (Interpreter, Module, BoundArguments, Arguments) throws -> Value) {
            t[name, default: []].append(ModuleMethod(name: name, owner: owner, parameters: parameters, required: required,
                                                     keywordOnly: keywordOnly, walksAll: walksAll, applies: applies, body: body))
        }
        // The walks return generators in PyTorch: one-shot iterators here, with the generator's repr.
        func tensors(_ items: [(String, Tensor)], named: Bool, _ name: String) -> Value {
            .object(ItemCursor(items.map { named ? .tuple([.str($0.0), .tensor($0.1)]) : .tensor($0.1) }, generatorName: "Module.\(name)"))
        }
        func modules(_ items: [(String, Module)], named: Bool, _ name: String) -> Value {
            .object(ItemCursor(items.map { named ? .tuple([.str($0.0), .module($0.1)]) : .module($0.1) }, generatorName: "Module.\(name)"))
        }
        def("parameters", ["recurse"], walksAll: true) { _, m, b, _ in
            tensors(m.namedParameters(recurse: try b.bool("recurse", true)), named: false, "parameters")
        }
        def("named_parameters", ["prefix", "recurse", "remove_duplicate"], walksAll: true) { _, m, b, _ in
            tensors(m.namedParameters(prefix: try b.string("prefix", ""), recurse: try b.bool("recurse", true)), named: true, "named_parameters")
        }
        def("buffers", ["recurse"], walksAll: true) { _, m, b, _ in
            tensors(m.namedBuffers(recurse: try b.bool("recurse", true)), named: false, "buffers")
        }
        def("named_buffers", ["prefix", "recurse", "remove_duplicate"], walksAll: true) { _, m, b, _ in
            tensors(m.namedBuffers(prefix: try b.string("prefix", ""), recurse: try b.bool("recurse", true)), named: true, "named_buffers")
        }
        def("children") { _, m, _, _ in modules(m.distinctNamedChildren(), named: false, "children") }
        def("named_children") { _, m, _, _ in modules(m.distinctNamedChildren(), named: true, "named_children") }
        def("modules", walksAll: true) { _, m, _, _ in modules(m.namedModules(), named: false, "modules") }
        def("named_modules", ["memo", "prefix", "remove_duplicate"], walksAll: true) { _, m, b, _ in
            modules(m.namedModules(prefix: try b.string("prefix", "")), named: true, "named_modules")
        }
        def("train", ["mode"], walksAll: true) { _, m, b, _ in
            guard case .bool(let mode) = b["mode"] ?? .bool(true) else { throw PythonError.value("training mode is expected to be boolean") }
            m.train(mode)
            return .module(m)
        }
        def("eval", walksAll: true) { _, m, _, _ in m.eval(); return .module(m) }
        def("zero_grad", ["set_to_none"], walksAll: true) { _, m, b, _ in
            for p in m.parameters() {
                if try b.bool("set_to_none", true) { p.grad = nil } else if let g = p.grad { try g.fill(0) }
            }
            return .none
        }
        def("requires_grad_", ["requires_grad"], walksAll: true) { _, m, b, _ in
            let flag = try b.bool("requires_grad", true)
            for p in m.parameters() { try p.setRequiresGrad(flag) }
            return .module(m)
        }
        for (name, dtype) in [("float", DType.float32), ("double", .float64)] {
            def(name, walksAll: true) { _, m, _, _ in try m.convertFloatingParameters(to: dtype); return .module(m) }
        }
        def("to", ["device", "dtype", "non_blocking"], keywordOnly: ["tensor", "memory_format"], walksAll: true) { _, m, b, args in
            // m.to(dtype), m.to(tensor), m.to(device, dtype), dtype=…; devices are all the CPU.
            var target: DType?
            for v in args.positional + args.keywords.filter({ $0.0 == "dtype" || $0.0 == "tensor" }).map(\.1) {
                if case .dtype(let d) = v { target = d }
                if case .tensor(let o) = v { target = o.dtype }
            }
            if let d = target {
                guard d.isFloatingPoint else {
                    throw PythonError.type("nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=\(d.description)")
                }
                try m.convertFloatingParameters(to: d)
            }
            return .module(m)
        }
        def("cpu", walksAll: true) { _, m, _, _ in .module(m) }
        def("cuda", ["device"]) { _, _, _, _ in throw PythonError("AssertionError", "Torch not compiled with CUDA enabled") }
        def("forward", nil) { interp, m, _, args in
            try interp.checkNesting(m, .call)
            return try interp.forwardModule(m, args)
        }
        def("extra_repr") { _, m, _, _ in .str(m.extraRepr()) }
        def("add_module", ["name", "module"], required: 2) { interp, m, b, _ in
            try interp.addModule(m, b.values["name"]!, b.values["module"]!)
            return .none
        }
        def("register_module", ["name", "module"], required: 2) { interp, m, b, _ in
            try interp.addModule(m, b.values["name"]!, b.values["module"]!)
            return .none
        }
        def("register_buffer", ["name", "tensor", "persistent"], required: 2) { interp, m, b, _ in
            let key = try memberName(b.values["name"]!, "buffer", interp)
            if interp.hasOtherAttribute(m, key, except: m.hasBuffer) { throw PythonError.keyError(.str("attribute '\(key)' already exists")) }
            let value = b.values["tensor"]!
            switch value {
            case .none: m.registerBuffer(key, nil, persistent: try b.bool("persistent", true))
            case .tensor(let x): m.registerBuffer(key, x, persistent: try b.bool("persistent", true))
            default:
                throw PythonError.type("cannot assign '\(interp.torchTypename(value))' object to buffer '\(key)' (torch Tensor or None required)")
            }
            return .none
        }
        def("register_parameter", ["name", "param"], required: 2) { interp, m, b, _ in
            let key = try memberName(b.values["name"]!, "parameter", interp)
            if interp.hasOtherAttribute(m, key, except: m.hasParameter) { throw PythonError.keyError(.str("attribute '\(key)' already exists")) }
            let value = b.values["param"]!
            switch value {
            case .none: m.registerParameter(key, nil)
            case .tensor(let x) where x.isParameter:
                if x.gradFn != nil {
                    throw PythonError.value("Cannot assign non-leaf Tensor to parameter '\(key)'. Model parameters must be created explicitly. To express '\(key)' as a function of another Tensor, compute the value in the forward() method.")
                }
                m.registerParameter(key, x)
            default:
                throw PythonError.type("cannot assign '\(interp.torchTypename(value))' object to parameter '\(key)' (torch.nn.Parameter or None required)")
            }
            return .none
        }
        def("get_submodule", ["target"], required: 1) { interp, m, b, _ in
            .module(try interp.submodule(m, try b.string("target", "")))
        }
        def("get_parameter", ["target"], required: 1) { interp, m, b, _ in
            let target = try b.string("target", "")
            let (path, _, name) = target.rpartition(".")
            let owner = try interp.submodule(m, path)
            guard owner.hasParameter(name) else {
                throw PythonError.attribute(owner.hasBuffer(name) || owner.hasChild(name) ? "`\(name)` is not an nn.Parameter"
                                                                                         : "\(owner.typeName) has no attribute `\(name)`")
            }
            return owner.parameter(name).map { .tensor($0) } ?? .none
        }
        def("apply", ["fn"], required: 1, walksAll: true) { interp, m, b, _ in
            // Children first, then the module itself (Module.apply recurses before calling fn).
            let fn = b.values["fn"]!
            func visit(_ x: Module) throws {
                for c in x.children() { try visit(c) }
                _ = try interp.call(fn, Arguments([.module(x)]))
            }
            try visit(m)
            return .module(m)
        }
        def("state_dict", ["destination", "prefix", "keep_vars"], walksAll: true) { interp, m, b, _ in
            let d = PyDict()
            for (k, v) in m.stateDict(prefix: try b.string("prefix", ""), keepVars: try b.bool("keep_vars", false)) { d.set(.str(k), .tensor(v)) }
            let od = PyInstance(type: .orderedDict)
            od.payload = .dict(d)
            return .object(od)
        }
        def("load_state_dict", ["state_dict", "strict", "assign"], required: 1, walksAll: true) { interp, m, b, _ in
            try interp.loadStateDict(m, b.values["state_dict"]!, strict: try b.bool("strict", true))
        }
        def("register_forward_hook", ["hook"], required: 1, keywordOnly: ["prepend", "with_kwargs", "always_call"]) { interp, m, b, _ in
            try interp.addHook(m, b, pre: false)
        }
        def("register_forward_pre_hook", ["hook"], required: 1, keywordOnly: ["prepend", "with_kwargs"]) { interp, m, b, _ in
            try interp.addHook(m, b, pre: true)
        }
        def("register_full_backward_hook", ["hook", "prepend"], required: 1) { interp, m, b, _ in
            try interp.addBackwardHook(m, b, pre: false)
        }
        def("register_full_backward_pre_hook", ["hook", "prepend"], required: 1) { interp, m, b, _ in
            try interp.addBackwardHook(m, b, pre: true)
        }
        def("register_backward_hook", ["hook"], required: 1) { interp, m, _, _ in
            if interp.moduleState(m).usesFullBackwardHooks {
                throw PythonError.runtime("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.")
            }
            throw PythonError("NotImplementedError", "nnsh does not support the deprecated \(m.typeName).register_backward_hook; use register_full_backward_hook, whose grad_input and grad_output are the module's own")
        }

        def("reset_parameters", applies: { $0.canResetParameters }) { _, m, _, _ in try m.resetParameters(); return .none }
        def("reset_running_stats", owner: "_NormBase", applies: { $0 is BatchNorm }) { _, m, _, _ in
            try (m.swiftLayer as? BatchNorm)?.resetRunningStats()
            return .none
        }
        def("get_buffer", ["target"], required: 1) { interp, m, b, _ in
            let (path, _, name) = try b.string("target", "").rpartition(".")
            let owner = try interp.submodule(m, path)
            guard owner.hasBuffer(name) else {
                throw PythonError.attribute(owner.hasParameter(name) || owner.hasChild(name) ? "`\(name)` is not a buffer"
                                                                                         : "\(owner.typeName) has no attribute `\(name)`")
            }
            return owner.buffer(name).map { .tensor($0) } ?? .none
        }

        // The containers' own methods.
        let listLike: (Module) -> Bool = { $0 is Sequential || $0 is ModuleList }
        // As torch/nn/modules/container.py: append and extend add under str(len(self)); insert shifts
        // the entries named by position up by one, then sets str(index).
        def("append", ["module"], required: 1, owner: "ModuleList", applies: listLike) { interp, m, b, _ in
            try interp.addModule(m, .str(String(m.childNames.count)), b.values["module"]!)
            return .module(m)
        }
        def("extend", ["modules"], required: 1, owner: "ModuleList", applies: listLike) { interp, m, b, _ in
            for c in try interp.moduleList(b.values["modules"]!, "extend") {
                try interp.addModule(m, .str(String(m.childNames.count)), .module(c))
            }
            return .module(m)
        }
        def("insert", ["index", "module"], required: 2, owner: "ModuleList", applies: listLike) { interp, m, b, _ in
            let new = try interp.moduleList(.tuple([b.values["module"]!]), "insert")[0]
            try interp.refuseCycle(m, new)
            let n = m.childNames.count
            var i = try b.int("index")
            if m.swiftLayer is Sequential {
                guard -n <= i && i <= n else { throw PythonError.index("Index out of range: \(i)") }
                if i < 0 { i += n }
            } else {
                // ModuleList's _get_abs_string_index, without the range check (insert clamps).
                if i < 0 { i += n }
                i = Swift.min(Swift.max(i, 0), n)
            }
            var k = n
            while k > i {
                guard let moved = m.child(String(k - 1)) else { throw PythonError.keyError(.str(String(k - 1))) }
                m.registerModule(String(k), moved)
                k -= 1
            }
            m.registerModule(String(i), new)
            return m.swiftLayer is Sequential ? .module(m) : .none
        }
        def("pop", ["key"], required: 1, owner: "ModuleList", applies: listLike) { interp, m, b, _ in
            let v = try interp.moduleGetItem(m, b.values["key"]!)
            try interp.moduleDeleteItem(m, b.values["key"]!)
            return v
        }
        let parameterList: (Module) -> Bool = { ($0 as? ParameterContainer)?.keyed == false }
        let parameterDict: (Module) -> Bool = { ($0 as? ParameterContainer)?.keyed == true }
        def("append", ["value"], required: 1, owner: "ParameterList", applies: parameterList) { interp, m, b, _ in
            try (m.swiftLayer as? ParameterContainer)?.set(String(m.parameterNames.count), try interp.parameterValue(b.values["value"]!))
            return .module(m)
        }
        def("extend", ["values"], required: 1, owner: "ParameterList", applies: parameterList) { interp, m, b, _ in
            for v in try interp.iterate(b.values["values"]!) {
                try (m.swiftLayer as? ParameterContainer)?.set(String(m.parameterNames.count), try interp.parameterValue(v))
            }
            return .module(m)
        }
        def("keys", owner: "ParameterDict", applies: parameterDict) { _, m, _, _ in .list(PyList(m.parameterNames.map { .str($0) })) }
        def("values", owner: "ParameterDict", applies: parameterDict) { _, m, _, _ in
            .list(PyList(m.parameterNames.compactMap { m.parameter($0).map { .tensor($0) } }))
        }
        def("items", owner: "ParameterDict", applies: parameterDict) { _, m, _, _ in
            .list(PyList(m.parameterNames.compactMap { n in m.parameter(n).map { .tuple([.str(n), .tensor($0)]) } }))
        }
        let dictLike: (Module) -> Bool = { $0 is ModuleDict }
        def("keys", owner: "ModuleDict", applies: dictLike) { _, m, _, _ in .list(PyList(m.childNames.map { .str($0) })) }
        def("values", owner: "ModuleDict", applies: dictLike) { _, m, _, _ in .list(PyList(m.children().map { .module($0) })) }
        def("items", owner: "ModuleDict", applies: dictLike) { _, m, _, _ in
            .list(PyList(m.namedChildren().map { .tuple([.str($0.0), .module($0.1)]) }))
        }
        def("update", ["modules"], required: 1, owner: "ModuleDict", applies: dictLike) { interp, m, b, _ in
            for (k, c) in try interp.namedModuleList(b.values["modules"]!) { try interp.addModule(m, .str(k), .module(c)) }
            return .none
        }
        def("pop", ["key"], required: 1, owner: "ModuleDict", applies: dictLike) { _, m, b, _ in
            let key = b.values["key"]!
            guard case .str(let k) = key, let c = m.child(k) else { throw PythonError.keyError(key) }
            m.removeMember(k)
            return .module(c)
        }
        def("clear", owner: "ModuleDict", applies: dictLike) { _, m, _, _ in m.replaceChildren([]); return .none }
        return t
    }()
}

/// A `register_buffer`/`register_parameter` name, with PyTorch's checks.
private func memberName(_ v: Value, _ kind: String, _ interp: Interpreter) throws -> String {
    guard case .str(let key) = v else { throw PythonError.type("\(kind) name should be a string. Got \(interp.torchTypename(v))") }
    if key.contains(".") { throw PythonError.keyError(.str("\(kind) name can't contain \".\"")) }
    if key.isEmpty { throw PythonError.keyError(.str("\(kind) name can't be empty string \"\"")) }
    return key
}

extension String {
    /// Python's `str.rpartition`.
    func rpartition(_ sep: String) -> (String, String, String) {
        guard let r = range(of: sep, options: .backwards) else { return ("", "", self) }
        return (String(self[..<r.lowerBound]), sep, String(self[r.upperBound...]))
    }
}

extension Interpreter {
    /// `hasattr(self, name) and name not in self._<kind>`.
    func hasOtherAttribute(_ m: Module, _ name: String, except own: (String) -> Bool) -> Bool {
        if own(name) { return false }
        return (try? moduleGetAttribute(m, name)) != nil
    }

    /// `get_submodule("a.b")` with PyTorch's messages.
    func submodule(_ m: Module, _ target: String) throws -> Module {
        if target.isEmpty { return m }
        var current = m
        for part in target.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard current.hasChild(part) || (try? moduleGetAttribute(current, part)) != nil else {
                throw PythonError.attribute("\(current.typeName) has no attribute `\(part)`")
            }
            guard let next = current.child(part) else { throw PythonError.attribute("`\(part)` is not an nn.Module") }
            current = next
        }
        return current
    }

    func addHook(_ m: Module, _ b: BoundArguments, pre: Bool) throws -> Value {
        if try b.bool("with_kwargs", false) { throw PythonError.type("nnsh does not support with_kwargs=True hooks yet") }
        let hook = b.values["hook"]!
        let state = moduleState(m)
        ModuleState.nextHookID += 1
        let id = ModuleState.nextHookID
        let prepend = try b.bool("prepend", false)
        if pre {
            if prepend { state.forwardPreHooks.insert((id, hook), at: 0) } else { state.forwardPreHooks.append((id, hook)) }
        } else {
            if prepend { state.forwardHooks.insert((id, hook), at: 0) } else { state.forwardHooks.append((id, hook)) }
        }
        return .object(RemovableHandle(id: id) { [weak state] in
            state?.forwardHooks.removeAll { $0.id == id }
            state?.forwardPreHooks.removeAll { $0.id == id }
        })
    }

    func addBackwardHook(_ m: Module, _ b: BoundArguments, pre: Bool) throws -> Value {
        let hook = b.values["hook"]!
        let state = moduleState(m)
        ModuleState.nextHookID += 1
        let id = ModuleState.nextHookID
        let entry = (id: id, hook: hook)
        if !pre { state.usesFullBackwardHooks = true }
        if try b.bool("prepend", false) {
            if pre { state.backwardPreHooks.insert(entry, at: 0) } else { state.backwardHooks.insert(entry, at: 0) }
        } else {
            if pre { state.backwardPreHooks.append(entry) } else { state.backwardHooks.append(entry) }
        }
        return .object(RemovableHandle(id: id) { [weak state] in
            state?.backwardHooks.removeAll { $0.id == id }
            state?.backwardPreHooks.removeAll { $0.id == id }
        })
    }

    /// `load_state_dict(state_dict, strict)`: copies matching tensors in place (under no_grad),
    /// with PyTorch's size-mismatch, missing- and unexpected-key messages.
    func loadStateDict(_ m: Module, _ source: Value, strict: Bool) throws -> Value {
        var given = [(String, Value)]()
        var dict = source
        if case .object(let i as PyInstance) = source, let p = i.payload { dict = p }
        guard case .dict(let d) = dict else {
            throw PythonError.type("Expected state_dict to be dict-like, got \(typeOf(source).repr()).")
        }
        for (k, v) in zip(d.keys, d.values) {
            guard case .str(let key) = k else { continue }
            given.append((key, v))
        }
        let table = Dictionary(given, uniquingKeysWith: { a, _ in a })
        var missing = [String](), errors = [String]()
        var expected = Set<String>()
        for (prefix, module) in m.namedModules() {
            let p = prefix.isEmpty ? "" : prefix + "."
            var locals = module.parameterNames.compactMap { n in module.parameter(n).map { (n, $0) } }
            locals += module.bufferNames.filter { !module.transientBuffers.contains($0) }.compactMap { n in module.buffer(n).map { (n, $0) } }
            for (n, t) in locals {
                let key = p + n
                expected.insert(key)
                guard let v = table[key] else {
                    // BatchNorm fills in a missing num_batches_tracked from a state dict without metadata.
                    if n == "num_batches_tracked" && module is BatchNorm { continue }
                    missing.append(key)
                    continue
                }
                guard case .tensor(let src) = v else {
                    errors.append("While copying the parameter named \"\(key)\", expected torch.Tensor or Tensor-like object from checkpoint but received \(typeOf(v).name)")
                    continue
                }
                if src.shape != t.shape {
                    errors.append("size mismatch for \(key): copying a param with shape \(Value.size(src.shape).repr) from checkpoint, the shape in current model is \(Value.size(t.shape).repr).")
                    continue
                }
                try GradMode.withoutGrad { try t.copy_(src) }
            }
        }
        let unexpected = given.map(\.0).filter { !expected.contains($0) }
        if strict {
            if !unexpected.isEmpty { errors.insert("Unexpected key(s) in state_dict: \(unexpected.map { "\"\($0)\"" }.joined(separator: ", ")). ", at: 0) }
            if !missing.isEmpty { errors.insert("Missing key(s) in state_dict: \(missing.map { "\"\($0)\"" }.joined(separator: ", ")). ", at: 0) }
        }
        if !errors.isEmpty {
            throw PythonError.runtime("Error(s) in loading state_dict for \(m.typeName):\n\t" + errors.joined(separator: "\n\t"))
        }
        return .object(IncompatibleKeys(missing: missing, unexpected: unexpected))
    }
}
