import Torch

/// `torch.optim`: SGD, Adam and AdamW as PyTorch builds them. The parameter groups are Python
/// dicts the user may edit (`opt.param_groups[0]["lr"] = 0.01`); `step()` reads them each time.
/// The update rules are `Torch.OptimizerKernels`.
final class OptimizerObject: PyObject, TypedObject {
    enum Kind: String, CaseIterable { case sgd = "SGD", adam = "Adam", adamW = "AdamW", rmsprop = "RMSprop", adagrad = "Adagrad" }

    /// `torch.optim.Optimizer` and one class per rule below it (one per process).
    static let baseType = PyType.builtin("Optimizer", module: "torch.optim.optimizer")
    static let types: [Kind: PyType] = Dictionary(uniqueKeysWithValues: Kind.allCases.map { k in
        (k, PyType.builtin(k.rawValue, module: "torch.optim." + k.rawValue.lowercased(), bases: [baseType]))
    })
    var pyType: PyType { OptimizerObject.types[kind] ?? OptimizerObject.baseType }
    let kind: Kind
    let groups = PyList([])
    let defaults: PyDict
    private var momentumBuffers = [ObjectIdentifier: Tensor]()
    private var adamStates = [ObjectIdentifier: OptimizerKernels.AdamState]()
    private var squareStates = [ObjectIdentifier: OptimizerKernels.SquareState]()
    weak var interpreter: Interpreter?

    init(_ kind: Kind, defaults: PyDict, interpreter: Interpreter) {
        self.kind = kind
        self.defaults = defaults
        self.interpreter = interpreter
    }

    override var typeName: String { kind.rawValue }

    override func repr() -> String {
        var out = kind.rawValue + " ("
        for (i, g) in groups.items.enumerated() {
            guard case .dict(let d) = g else { continue }
            if i > 0 { out += "\n" }
            out += "\nParameter Group \(i)"
            let keys = d.keys.compactMap { k -> String? in if case .str(let s) = k, s != "params" { return s }; return nil }.sorted()
            for k in keys { out += "\n    \(k): \(d.get(.str(k))?.str ?? "None")" }
        }
        return out + "\n)"
    }

    /// `add_param_group`: a dict with `params` (a tensor or an iterable of them), the defaults filled in.
    func addGroup(_ group: PyDict) throws {
        guard let interpreter, let params = group.get(.str("params")) else {
            throw PythonError("KeyError", "'params'")
        }
        let tensors: [Value]
        if case .tensor = params { tensors = [params] } else {
            if case .set = params {
                throw PythonError.type("optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.")
            }
            tensors = try interpreter.iterate(params)
        }
        for t in tensors {
            guard case .tensor(let p) = t else { throw PythonError.type("optimizer can only optimize Tensors, but one of the params is \(interpreter.torchTypename(t))") }
            guard p.isLeaf else { throw PythonError.value("can't optimize a non-leaf Tensor") }
        }
        let seen = Set(groups.items.flatMap { g -> [ObjectIdentifier] in
            guard case .dict(let d) = g, case .list(let l)? = d.get(.str("params")) else { return [] }
            return l.items.compactMap { if case .tensor(let t) = $0 { return ObjectIdentifier(t) }; return nil }
        })
        for case .tensor(let p) in tensors where seen.contains(ObjectIdentifier(p)) {
            throw PythonError.value("some parameters appear in more than one parameter group")
        }
        group.set(.str("params"), .list(PyList(tensors)))
        for (k, v) in zip(defaults.keys, defaults.values) where group.get(k) == nil { group.set(k, v) }
        groups.items.append(.dict(group))
    }

    func option(_ d: PyDict, _ name: String) throws -> Double {
        guard let v = d.get(.str(name)) else { return 0 }
        switch v {
        case .int(let i): return Double(i)
        case .float(let f): return f
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.numel == 1: return try t.item()
        default: throw PythonError.type("\(kind.rawValue): '\(name)' must be a number, not \(v.typeName)")
        }
    }

    func flag(_ d: PyDict, _ name: String) -> Bool {
        if case .bool(let b)? = d.get(.str(name)) { return b }
        return false
    }

    func step() throws {
        for g in groups.items {
            guard case .dict(let d) = g, case .list(let params)? = d.get(.str("params")) else { continue }
            for case .tensor(let p) in params.items {
                guard let grad = p.grad else { continue }
                let key = ObjectIdentifier(p)
                switch kind {
                case .sgd:
                    var buffer = momentumBuffers[key]
                    try OptimizerKernels.sgd(p, grad: grad, buffer: &buffer, lr: try option(d, "lr"), momentum: try option(d, "momentum"),
                                             dampening: try option(d, "dampening"), weightDecay: try option(d, "weight_decay"),
                                             nesterov: flag(d, "nesterov"), maximize: flag(d, "maximize"))
                    momentumBuffers[key] = buffer
                case .adam, .adamW:
                    let state = try adamStates[key] ?? OptimizerKernels.AdamState(like: p)
                    adamStates[key] = state
                    var beta1 = 0.9, beta2 = 0.999
                    if case .tuple(let b)? = d.get(.str("betas")), b.count == 2, let interpreter {
                        beta1 = try interpreter.asDouble(b[0])
                        beta2 = try interpreter.asDouble(b[1])
                    }
                    try OptimizerKernels.adam(p, grad: grad, state: state, lr: try option(d, "lr"), beta1: beta1, beta2: beta2,
                                              eps: try option(d, "eps"), weightDecay: try option(d, "weight_decay"),
                                              decoupled: flag(d, "decoupled_weight_decay"), amsgrad: flag(d, "amsgrad"),
                                              maximize: flag(d, "maximize"))
                case .rmsprop:
                    let state = try squareStates[key] ?? OptimizerKernels.SquareState(like: p)
                    squareStates[key] = state
                    try OptimizerKernels.rmsprop(p, grad: grad, state: state, lr: try option(d, "lr"), alpha: try option(d, "alpha"),
                                                 eps: try option(d, "eps"), weightDecay: try option(d, "weight_decay"),
                                                 momentum: try option(d, "momentum"), centered: flag(d, "centered"), maximize: flag(d, "maximize"))
                case .adagrad:
                    let state = try squareStates[key] ?? OptimizerKernels.SquareState(like: p, initial: try option(d, "initial_accumulator_value"))
                    squareStates[key] = state
                    try OptimizerKernels.adagrad(p, grad: grad, state: state, lr: try option(d, "lr"), lrDecay: try option(d, "lr_decay"),
                                                 eps: try option(d, "eps"), weightDecay: try option(d, "weight_decay"), maximize: flag(d, "maximize"))
                }
            }
        }
    }

    /// `optimizer.state`: per parameter, what the rule keeps (`momentum_buffer`; `step`, `exp_avg`, `exp_avg_sq`).
    var stateDict: PyDict {
        let out = PyDict()
        for g in groups.items {
            guard case .dict(let d) = g, case .list(let params)? = d.get(.str("params")) else { continue }
            for case .tensor(let p) in params.items {
                let entry = PyDict()
                if let b = momentumBuffers[ObjectIdentifier(p)] { entry.set(.str("momentum_buffer"), .tensor(b)) }
                if let s = adamStates[ObjectIdentifier(p)] {
                    entry.set(.str("step"), .tensor((try? Tensor.from(doubles: [Double(s.step)], shape: [], dtype: .float32)) ?? s.expAvg))
                    entry.set(.str("exp_avg"), .tensor(s.expAvg))
                    entry.set(.str("exp_avg_sq"), .tensor(s.expAvgSq))
                    if let m = s.maxExpAvgSq { entry.set(.str("max_exp_avg_sq"), .tensor(m)) }
                }
                if let s = squareStates[ObjectIdentifier(p)] {
                    entry.set(.str("step"), .tensor((try? Tensor.from(doubles: [Double(s.step)], shape: [], dtype: .float32)) ?? s.squares))
                    entry.set(.str(kind == .adagrad ? "sum" : "square_avg"), .tensor(s.squares))
                    if let b = s.momentumBuffer { entry.set(.str("momentum_buffer"), .tensor(b)) }
                    if let a = s.gradAverage { entry.set(.str("grad_avg"), .tensor(a)) }
                }
                if !entry.keys.isEmpty { out.set(.tensor(p), .dict(entry)) }
            }
        }
        return out
    }

    /// Adagrad's __init__ gives every parameter its state at once: step 0 and `sum` filled with the
    /// group's `initial_accumulator_value`.
    func initialiseAccumulators() throws {
        for (g, params) in zip(groups.items, parameterLists) {
            guard case .dict(let d) = g else { continue }
            for p in params { squareStates[ObjectIdentifier(p)] = try OptimizerKernels.SquareState(like: p, initial: try option(d, "initial_accumulator_value")) }
        }
    }

    /// The parameters of every group, in order.
    private var parameterLists: [[Tensor]] {
        groups.items.map { g in
            guard case .dict(let d) = g, case .list(let l)? = d.get(.str("params")) else { return [] }
            return l.items.compactMap { if case .tensor(let t) = $0 { return t }; return nil }
        }
    }

    /// `Optimizer.state_dict()`: `{"state": {index: state}, "param_groups": [group without params + "params": indices]}`,
    /// parameters numbered across groups in order (torch/optim/optimizer.py).
    func packedStateDict() -> PyDict {
        var index = [ObjectIdentifier: Int]()
        var next = 0
        let packedGroups = PyList([])
        for (g, params) in zip(groups.items, parameterLists) {
            guard case .dict(let d) = g else { continue }
            let packed = PyDict()
            for (k, v) in zip(d.keys, d.values) where !valuesEqual(k, .str("params")) { packed.set(k, v) }
            var ids = [Value]()
            for p in params {
                if index[ObjectIdentifier(p)] == nil { index[ObjectIdentifier(p)] = next + ids.count }
                ids.append(.int(index[ObjectIdentifier(p)] ?? 0))
            }
            next += params.count
            packed.set(.str("params"), .list(PyList(ids)))
            packedGroups.items.append(.dict(packed))
        }
        let state = PyDict()
        let live = stateDict
        for (k, v) in zip(live.keys, live.values) {
            if case .tensor(let p) = k, let i = index[ObjectIdentifier(p)] { state.set(.int(i), v) } else { state.set(k, v) }
        }
        let out = PyDict()
        out.set(.str("state"), .dict(state))
        out.set(.str("param_groups"), .list(packedGroups))
        return out
    }

    /// `Optimizer.load_state_dict(sd)`: the saved groups' options replace the current ones (keeping each
    /// group's params), and each indexed state entry becomes the state of the parameter at that index,
    /// its tensors cast to the parameter's dtype (`step` kept as saved).
    func loadStateDict(_ value: Value) throws {
        guard let interpreter else { return }
        guard case .dict(let sd) = value else { throw PythonError.type("'\(value.typeName)' object is not subscriptable") }
        guard let savedGroupsValue = sd.get(.str("param_groups")) else { throw PythonError("KeyError", "'param_groups'") }
        let savedGroups = try interpreter.iterate(savedGroupsValue)
        let current = parameterLists
        if current.count != savedGroups.count { throw PythonError.value("loaded state dict has a different number of parameter groups") }
        var savedIndices = [[Value]]()
        for g in savedGroups {
            guard case .dict(let d) = g, let ps = d.get(.str("params")) else { throw PythonError("KeyError", "'params'") }
            savedIndices.append(try interpreter.iterate(ps))
        }
        if zip(current, savedIndices).contains(where: { $0.count != $1.count }) {
            throw PythonError.value("loaded state dict contains a parameter group that doesn't match the size of optimizer's group")
        }
        var idMap = [(Value, Tensor)]()
        for (saved, params) in zip(savedIndices, current) { idMap += zip(saved, params).map { ($0, $1) } }
        func parameter(_ key: Value) throws -> Tensor? {
            idMap.first(where: { valuesEqual($0.0, key) })?.1
        }
        guard let stateValue = sd.get(.str("state")) else { throw PythonError("KeyError", "'state'") }
        guard case .dict(let savedState) = stateValue else { throw PythonError.type("optimizer state must be a dict") }
        var momentum = [ObjectIdentifier: Tensor](), adam = [ObjectIdentifier: OptimizerKernels.AdamState]()
        var square = [ObjectIdentifier: OptimizerKernels.SquareState]()
        for (k, v) in zip(savedState.keys, savedState.values) {
            guard let p = try parameter(k), case .dict(let entry) = v else { continue }
            func tensor(_ name: String) throws -> Tensor? {
                guard let t = entry.get(.str(name)) else { return nil }
                guard case .tensor(let x) = t else { return nil }
                guard x.shape == p.shape else {
                    throw PythonError.runtime("nnsh: the saved '\(name)' has shape \(Shape.describe(x.shape)), its parameter \(Shape.describe(p.shape))")
                }
                return try x.to(p.dtype, copy: true)
            }
            func stepCount() throws -> Int {
                switch entry.get(.str("step")) {
                case .tensor(let t)?: return Int(try t.item())
                case .int(let i)?: return i
                case .float(let f)?: return Int(f)
                default: return 0
                }
            }
            let key = ObjectIdentifier(p)
            switch kind {
            case .sgd:
                if let b = try tensor("momentum_buffer") { momentum[key] = b }
            case .adam, .adamW:
                let state = try OptimizerKernels.AdamState(like: p)
                state.step = try stepCount()
                if let t = try tensor("exp_avg") { try state.expAvg.copy_(t) }
                if let t = try tensor("exp_avg_sq") { try state.expAvgSq.copy_(t) }
                state.maxExpAvgSq = try tensor("max_exp_avg_sq")
                adam[key] = state
            case .rmsprop, .adagrad:
                let state = try OptimizerKernels.SquareState(like: p)
                state.step = try stepCount()
                if let t = try tensor(kind == .adagrad ? "sum" : "square_avg") { try state.squares.copy_(t) }
                state.momentumBuffer = try tensor("momentum_buffer")
                state.gradAverage = try tensor("grad_avg")
                square[key] = state
            }
        }
        var newGroups = [Value]()
        for (g, params) in zip(savedGroups, current) {
            guard case .dict(let d) = g else { continue }
            let copy = PyDict()
            for (k, v) in zip(d.keys, d.values) { copy.set(k, valuesEqual(k, .str("params")) ? .list(PyList(params.map { .tensor($0) })) : v) }
            newGroups.append(.dict(copy))
        }
        groups.items = newGroups
        momentumBuffers = momentum
        adamStates = adam
        squareStates = square
    }

    override func attribute(_ name: String) throws -> Value? {
        let receiver = "\(kind.rawValue) object"
        switch name {
        case "param_groups": return .list(groups)
        case "defaults": return .dict(defaults)
        case "state": return .dict(stateDict)
        case "step":
            return .builtin(Builtin("step", receiver: receiver) { [unowned self] args in
                let b = try args.bind("\(self.kind.rawValue).step", ["closure"])
                var loss: Value = .none
                if let closure = b["closure"], let interpreter = self.interpreter {
                    let saved = GradMode.isEnabled
                    GradMode.isEnabled = true
                    defer { GradMode.isEnabled = saved }
                    loss = try interpreter.call(closure, Arguments())
                }
                try GradMode.withoutGrad { try self.step() }
                return loss
            })
        case "zero_grad":
            return .builtin(Builtin("zero_grad", receiver: receiver) { [unowned self] args in
                let toNone = try args.bind("Optimizer.zero_grad", ["set_to_none"]).bool("set_to_none", true)
                for g in self.groups.items {
                    guard case .dict(let d) = g, case .list(let params)? = d.get(.str("params")) else { continue }
                    for case .tensor(let p) in params.items {
                        if toNone { p.grad = nil } else if let grad = p.grad { try grad.fill(0) }
                    }
                }
                return .none
            })
        case "state_dict":
            return .builtin(Builtin("state_dict", receiver: receiver) { [unowned self] args in
                _ = try args.bind("Optimizer.state_dict", [])
                return .dict(self.packedStateDict())
            })
        case "load_state_dict":
            return .builtin(Builtin("load_state_dict", receiver: receiver) { [unowned self] args in
                let b = try args.bind("Optimizer.load_state_dict", ["state_dict"], required: 1)
                try self.loadStateDict(b.values["state_dict"]!)
                return .none
            })
        case "add_param_group":
            return .builtin(Builtin("add_param_group", receiver: receiver) { [unowned self] args in
                let b = try args.bind("Optimizer.add_param_group", ["param_group"], required: 1)
                guard case .dict(let d) = b.values["param_group"]! else {
                    throw PythonError.type("param_group must be a dict, but got \(b.values["param_group"]!.typeName)")
                }
                let copy = PyDict()
                for (k, v) in zip(d.keys, d.values) { copy.set(k, v) }
                try self.addGroup(copy)
                return .none
            })
        default: return nil
        }
    }

    override var memberNames: [String] { ["param_groups", "defaults", "state", "step", "zero_grad", "add_param_group", "state_dict", "load_state_dict"] }
}

extension Interpreter {
    func makeOptimNamespace() -> Namespace {
        let ns = Namespace("torch.optim")
        ns.members["Optimizer"] = .object(OptimizerObject.baseType)
        // `options` in the constructor's parameter order; `dictOrder` the order of `defaults` where PyTorch's
        // __init__ builds that dict in another (RMSprop, Adagrad), which state_dict() and repr show.
        func optimizer(_ kind: OptimizerObject.Kind, _ module: String, _ options: [(String, Value)], dictOrder: [String]? = nil) {
            let type = OptimizerObject.types[kind] ?? OptimizerObject.baseType
            constructors[ObjectIdentifier(type)] = Builtin(kind.rawValue) { [unowned self] args in
                let b = try args.bind("\(kind.rawValue).__init__", ["params"] + options.map(\.0), required: 1)
                let defaults = PyDict()
                let table = Dictionary(uniqueKeysWithValues: options)
                for k in dictOrder ?? options.map(\.0) { defaults.set(.str(k), b.values[k] ?? table[k] ?? .none) }
                try self.checkOptimizerOptions(kind, defaults)
                let opt = OptimizerObject(kind, defaults: defaults, interpreter: self)
                let params = b.values["params"]!
                if case .tensor = params {
                    throw PythonError.type("params argument given to the optimizer should be an iterable of Tensors or dicts, but got \(self.torchTypename(params))")
                }
                let items = try self.iterate(params)
                if items.isEmpty { throw PythonError.value("optimizer got an empty parameter list") }
                if case .dict = items[0] {
                    for item in items {
                        guard case .dict(let d) = item else { throw PythonError.type("param groups must be dicts") }
                        let copy = PyDict()
                        for (k, v) in zip(d.keys, d.values) { copy.set(k, v) }
                        try opt.addGroup(copy)
                    }
                } else {
                    let g = PyDict()
                    g.set(.str("params"), .list(PyList(items)))
                    try opt.addGroup(g)
                }
                if kind == .adagrad { try opt.initialiseAccumulators() }
                return .object(opt)
            }
            ns.members[kind.rawValue] = .object(type)
        }
        let common: [(String, Value)] = [("foreach", .none), ("differentiable", .bool(false)), ("fused", .none)]
        optimizer(.sgd, "sgd", [("lr", .float(0.001)), ("momentum", .int(0)), ("dampening", .int(0)), ("weight_decay", .int(0)),
                                ("nesterov", .bool(false)), ("maximize", .bool(false))] + common)
        let adam: [(String, Value)] = [("lr", .float(0.001)), ("betas", .tuple([.float(0.9), .float(0.999)])), ("eps", .float(1e-8)),
                                       ("weight_decay", .int(0)), ("amsgrad", .bool(false)), ("maximize", .bool(false)),
                                       ("foreach", .none), ("capturable", .bool(false)), ("differentiable", .bool(false)),
                                       ("fused", .none), ("decoupled_weight_decay", .bool(false))]
        optimizer(.adam, "adam", adam)
        optimizer(.rmsprop, "rmsprop", [("lr", .float(0.01)), ("alpha", .float(0.99)), ("eps", .float(1e-8)), ("weight_decay", .int(0)),
                                        ("momentum", .int(0)), ("centered", .bool(false)), ("capturable", .bool(false)), ("foreach", .none),
                                        ("maximize", .bool(false)), ("differentiable", .bool(false))],
                  dictOrder: ["lr", "momentum", "alpha", "eps", "centered", "weight_decay", "capturable", "foreach", "maximize", "differentiable"])
        optimizer(.adagrad, "adagrad", [("lr", .float(0.01)), ("lr_decay", .int(0)), ("weight_decay", .int(0)),
                                        ("initial_accumulator_value", .int(0)), ("eps", .float(1e-10)), ("foreach", .none),
                                        ("maximize", .bool(false)), ("differentiable", .bool(false)), ("fused", .none)],
                  dictOrder: ["lr", "lr_decay", "eps", "weight_decay", "initial_accumulator_value", "foreach", "maximize", "differentiable", "fused"])
        optimizer(.adamW, "adamw", adam.map { k, v in
            k == "weight_decay" ? (k, .float(0.01)) : k == "decoupled_weight_decay" ? (k, .bool(true)) : (k, v)
        })
        return ns
    }

    /// The constructors' checks, with torch/optim's messages.
    private func checkOptimizerOptions(_ kind: OptimizerObject.Kind, _ d: PyDict) throws {
        func number(_ k: String) throws -> Double { try asDouble(d.get(.str(k)) ?? .int(0)) }
        let lr = try number("lr")
        if lr < 0 { throw PythonError.value("Invalid learning rate: \(d.get(.str("lr"))?.str ?? "")") }
        switch kind {
        case .sgd:
            if try number("momentum") < 0 { throw PythonError.value("Invalid momentum value: \(d.get(.str("momentum"))?.str ?? "")") }
            if try number("weight_decay") < 0 { throw PythonError.value("Invalid weight_decay value: \(d.get(.str("weight_decay"))?.str ?? "")") }
            if case .bool(true)? = d.get(.str("nesterov")), try number("momentum") <= 0 || number("dampening") != 0 {
                throw PythonError.value("Nesterov momentum requires a momentum and zero dampening")
            }
        case .rmsprop:
            if try number("eps") < 0 { throw PythonError.value("Invalid epsilon value: \(d.get(.str("eps"))?.str ?? "")") }
            if try number("momentum") < 0 { throw PythonError.value("Invalid momentum value: \(d.get(.str("momentum"))?.str ?? "")") }
            if try number("weight_decay") < 0 { throw PythonError.value("Invalid weight_decay value: \(d.get(.str("weight_decay"))?.str ?? "")") }
            if try number("alpha") < 0 { throw PythonError.value("Invalid alpha value: \(d.get(.str("alpha"))?.str ?? "")") }
        case .adagrad:
            if try number("lr_decay") < 0 { throw PythonError.value("Invalid lr_decay value: \(d.get(.str("lr_decay"))?.str ?? "")") }
            if try number("weight_decay") < 0 { throw PythonError.value("Invalid weight_decay value: \(d.get(.str("weight_decay"))?.str ?? "")") }
            if try number("initial_accumulator_value") < 0 {
                throw PythonError.value("Invalid initial_accumulator_value value: \(d.get(.str("initial_accumulator_value"))?.str ?? "")")
            }
            if try number("eps") < 0 { throw PythonError.value("Invalid epsilon value: \(d.get(.str("eps"))?.str ?? "")") }
        case .adam, .adamW:
            if try number("eps") < 0 { throw PythonError.value("Invalid epsilon value: \(d.get(.str("eps"))?.str ?? "")") }
            guard case .tuple(let betas)? = d.get(.str("betas")), betas.count == 2 else {
                throw PythonError.type("betas must be a tuple of two numbers")
            }
            for (i, b) in betas.enumerated() {
                let v = try asDouble(b)
                if !(v >= 0 && v < 1) { throw PythonError.value("Invalid beta parameter at index \(i): \(b.str)") }
            }
            if try number("weight_decay") < 0 { throw PythonError.value("Invalid weight_decay value: \(d.get(.str("weight_decay"))?.str ?? "")") }
        }
    }
}
