import NN
import Torch

/// Where the shell meets the layer library: `nn.*` constructors with Python argument binding,
/// `F.*` and `nn.init.*`, and calling, printing and inspecting `nn.Module`s.
func moduleRepr(_ m: Module) -> String { m.repr }
func moduleTypeName(_ m: Module) -> String { m.typeName }

/// The file under `torch.nn.modules` a layer class lives in (for `type(m)`).
func moduleFileName(_ n: String) -> String {
    if n.hasPrefix("ConvTranspose") || n.hasPrefix("Conv") { return "conv" }
    if n.contains("Pool") { return "pooling" }
    if n == "Linear" || n == "Identity" { return "linear" }
    if ["Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"].contains(n) { return "container" }
    if n == "Flatten" { return "flatten" }
    if n == "Dropout" { return "dropout" }
    if n.hasPrefix("BatchNorm") { return "batchnorm" }
    if n == "LayerNorm" || n == "GroupNorm" { return "normalization" }
    if n.hasPrefix("Dropout") || n == "AlphaDropout" { return "dropout" }
    if n == "Embedding" { return "sparse" }
    if n == "Unflatten" { return "flatten" }
    if n.hasSuffix("Loss") { return "loss" }
    return "activation"
}

extension Value {
    /// A layer's Python-visible attribute as a value.
    init(_ a: Attribute) {
        switch a {
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .str(s)
        case .tuple(let items): self = .tuple(items.map(Value.init))
        case .list(let items): self = .list(PyList(items.map(Value.init)))
        case .none: self = .none
        case .tensor(let t): self = .tensor(t)
        }
    }
}

extension BoundArguments {
    /// An int or a tuple of ints, kept in the form it was given (PyTorch keeps `MaxPool2d(2).kernel_size == 2`).
    func intOrTuple(_ name: String, _ def: IntOrTuple? = nil) throws -> IntOrTuple? {
        guard let v = self[name] else { return def }
        switch v {
        case .int, .bool: return .int(try v.asInt(name, function))
        default: return .tuple(try v.asIntList(name, function))
        }
    }

    func requiredIntOrTuple(_ name: String) throws -> IntOrTuple {
        guard let v = try intOrTuple(name) else { throw PythonError.type("\(function)() missing 1 required positional argument: '\(name)'") }
        return v
    }

    func intList(_ name: String, _ def: [Int]) throws -> [Int] {
        guard let v = self[name] else { return def }
        return try v.asIntList(name, function)
    }

    func optionalTensor(_ name: String) throws -> Tensor? {
        guard let v = self[name] else { return nil }
        return try v.asTensor(name, function)
    }
}

extension Interpreter {
    func makeNNNamespaces() -> [String: Value] {
        let nn = Namespace("torch.nn")
        let functional = Namespace("torch.nn.functional")
        let initNS = Namespace("torch.nn.init")
        // Each layer class is a type object (`isinstance(m, nn.Conv2d)`, `type(m) is nn.Linear`)
        // whose constructor is the Swift one.
        for (name, make) in layerConstructors() {
            let type = PyType.layer(name, file: moduleFileName(name))
            constructors[ObjectIdentifier(type)] = Builtin(name) { args in .module(try Interpreter.construct(make, args)) }
            installLayerMethods(type, make)
            nn.members[name] = .object(type)
        }
        // Class methods of layer classes.
        PyType.layer("Embedding", file: moduleFileName("Embedding")).dict.set(.str("from_pretrained"), .object(ClassMethod(.builtin(Builtin("from_pretrained") { args in
            let b = try Arguments(Array(args.positional.dropFirst()), args.keywords)
                .bind("Embedding.from_pretrained", ["embeddings", "freeze", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"],
                      required: 1)
            let sparse = try b.bool("sparse", false), byFrequency = try b.bool("scale_grad_by_freq", false)
            if b["max_norm"] != nil || sparse || byFrequency {
                throw PythonError.type("nnsh supports Embedding.from_pretrained(embeddings, freeze, padding_idx) only")
            }
            let w = try b.tensor("embeddings").detach()
            w.isParameter = true
            let paddingIndex = try b["padding_idx"].map { try $0.asInt("padding_idx", "from_pretrained") }
            let m = try Embedding(weight: w, paddingIndex: paddingIndex)
            try w.setRequiresGrad(!(try b.bool("freeze", true)))
            // A copy gets its own weight (deepcopy fills it in); only the configuration matters here.
            let shape = w.shape
            m.rebuild = { try Embedding(weight: try Tensor.zeros(shape), paddingIndex: paddingIndex) }
            return .module(m)
        }))))
        constructors[ObjectIdentifier(PyType.parameter)] = Builtin("Parameter") { args in
            let b = try args.bind("Parameter", ["data", "requires_grad"])
            let t = try b["data"].map { try $0.asTensor("data", "Parameter").detach() } ?? (try Tensor.zeros([0]))
            t.isParameter = true
            try t.setRequiresGrad(try b.bool("requires_grad", true))
            return .tensor(t)
        }
        nn.members["Parameter"] = .object(PyType.parameter)
        constructors[ObjectIdentifier(PyType.nnModule)] = Builtin("Module") { args in
            if !args.positional.isEmpty || !args.keywords.isEmpty {
                throw PythonError.type("Module.__init__() takes 1 positional argument but \(args.positional.count + 1) were given")
            }
            return .module(Module(typeName: "Module"))
        }
        nn.members["Module"] = .object(PyType.nnModule)
        installModuleCopying(nn)
        nn.members["explain"] = .builtin(Builtin("explain") { [unowned self] args in
            let b = try args.bind("explain", ["module", "input_size"], required: 2)
            guard case .module(let m) = b.values["module"]! else { throw PythonError.type("explain(): argument 'module' must be an nn.Module") }
            let shape: [Int]
            if case .tensor(let t) = b.values["input_size"]! { shape = t.shape } else { shape = try b.values["input_size"]!.asIntList("input_size", "explain") }
            self.write(try explainShapes(m, inputShape: shape) + "\n")
            return .none
        })
        for (name, f) in functionalTable() {
            // `F.logsigmoid` is `torch._C._nn.log_sigmoid`, whose __name__ says so.
            functional.members[name] = .builtin(Builtin(name == "logsigmoid" ? "log_sigmoid" : name, f))
        }
        for (name, f) in initTable() {
            let builtin = Builtin(name, f)
            builtin.wantsCallerScope = name == "trunc_normal_"  // its warning names the caller's line
            initNS.members[name] = .builtin(builtin)
        }
        // The recurrent layers are Python modules over nnsh's tensors (Library/RNNLibrary.swift), loaded once.
        var rnnModule: Namespace?
        for name in ["RNNBase", "RNN", "LSTM", "GRU", "RNNCellBase", "RNNCell", "LSTMCell", "GRUCell"] {
            nn.lazyMembers[name] = { [unowned self] in
                if rnnModule == nil {
                    rnnModule = try self.loadPythonModule(name: "torch.nn.modules.rnn", file: "<nnsh torch/nn/modules/rnn.py>", source: RNNLibrary.source)
                }
                return try rnnModule?.member(name) ?? .none
            }
        }
        // Upsample and F.interpolate: Python over the native nearest and linear ops (Library/UpsampleLibrary.swift).
        var upsampleModule: Namespace?
        let loadUpsample = { [unowned self] (name: String) throws -> Value in
            if upsampleModule == nil {
                upsampleModule = try self.loadPythonModule(name: "torch.nn.modules.upsampling", file: "<nnsh torch/nn/modules/upsampling.py>", source: UpsampleLibrary.source)
            }
            return try upsampleModule?.member(name) ?? .none
        }
        for name in ["Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d"] { nn.lazyMembers[name] = { try loadUpsample(name) } }
        functional.lazyMembers["interpolate"] = { try loadUpsample("interpolate") }
        functional.lazyMembers["upsample"] = { try loadUpsample("interpolate") }
        // The two native upsampling ops take (input, output_size, scales, flag) from UpsampleLibrary's interpolate.
        func upsampleNative(_ name: String, _ flag: String,
                            _ op: @escaping (Tensor, [Int], [Double?], Bool) throws -> Tensor) {
            functional.members[name] = .builtin(Builtin(name) { [unowned self] args in
                guard args.positional.count == 4, case .tensor(let x) = args.positional[0] else {
                    throw PythonError.type("\(name)(input, output_size, scales, \(flag))")
                }
                let sizes = try self.iterate(args.positional[1]).map { try self.asInt($0) }
                let scales = try self.iterate(args.positional[2]).map { v -> Double? in v.isNone ? nil : try v.asDouble("scale_factor", "interpolate") }
                return .tensor(try op(x, sizes, scales, try self.truthy(args.positional[3])))
            })
        }
        upsampleNative("_nnsh_upsample_nearest", "exact") { try Functional.upsampleNearest($0, outputSize: $1, scales: $2, exact: $3) }
        upsampleNative("_nnsh_upsample_linear", "align_corners") { try Functional.upsampleLinear($0, outputSize: $1, scales: $2, alignCorners: $3) }
        // `at::norm(x, p, dim, keepdim)` as ATen's C++ composites call it (pairwise_distance): the vector
        // norm, recorded as `NormBackward1`.
        functional.members["_nnsh_aten_norm"] = .builtin(Builtin("_nnsh_aten_norm") { [unowned self] args in
            guard args.positional.count == 4, case .tensor(let x) = args.positional[0] else {
                throw PythonError.type("_nnsh_aten_norm(input, p, dim, keepdim)")
            }
            let dims = try args.positional[2].isNone ? [] : [self.asInt(args.positional[2])]
            return .tensor(try x.vectorNorm(try args.positional[1].asDouble("p", "norm"), dims: dims,
                                            keepdim: try self.truthy(args.positional[3]), nodeName: "NormBackward1"))
        })
        nn.lazyMembers["utils"] = { [unowned self] in
            .namespace(try self.loadPythonModule(name: "torch.nn.utils", file: "<nnsh torch/nn/utils/__init__.py>", source: TorchLibrary.nnUtils))
        }
        nn.members["functional"] = .namespace(functional)
        nn.members["init"] = .namespace(initNS)
        return ["nn": .namespace(nn)]
    }

    /// The layers written in Python (Library/LayerModules.swift): each name in `torch.nn`,
    /// `torch.nn.functional` and `torch` runs its module on first use; the module is run once.
    func installLayerModules(into torch: Namespace) {
        guard case .namespace(let nn)? = torch.members["nn"], case .namespace(let functional)? = nn.members["functional"] else { return }
        for entry in LayerModules.entries {
            var loaded: Namespace?
            let load = { [unowned self] (name: String) throws -> Value in
                if loaded == nil { loaded = try self.loadPythonModule(name: entry.name, file: entry.file, source: entry.source) }
                return try loaded?.member(name) ?? .none
            }
            for name in entry.layers { nn.lazyMembers[name] = { try load(name) } }
            for name in entry.functional { functional.lazyMembers[name] = { try load(name) } }
            for name in entry.torch { torch.lazyMembers[name] = { try load(name) } }
        }
    }

    // MARK: layer constructors

    func layerConstructors() -> [String: (Arguments) throws -> Module] {
        var t = [String: (Arguments) throws -> Module]()
        func conv(_ n: Int, transposed: Bool) -> (Arguments) throws -> Module {
            let name = transposed ? "ConvTranspose\(n)d" : "Conv\(n)d"
            let names = transposed
                ? ["in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias", "dilation", "padding_mode", "device", "dtype"]
                : ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode", "device", "dtype"]
            return { args in
                let b = try args.bind("\(name).__init__", names, required: 3)
                let kernel = try b.requiredIntOrTuple("kernel_size")
                let stride = try b.intOrTuple("stride", .int(1))!
                let dilation = try b.intOrTuple("dilation", .int(1))!
                let groups = try b.int("groups", 1), bias = try b.bool("bias", true)
                let mode = try b.string("padding_mode", "zeros")
                if transposed {
                    return try ConvTranspose(dims: n, inChannels: try b.int("in_channels"), outChannels: try b.int("out_channels"),
                                             kernelSize: kernel, stride: stride, padding: try b.intOrTuple("padding", .int(0))!,
                                             outputPadding: try b.intOrTuple("output_padding", .int(0))!, groups: groups,
                                             bias: bias, dilation: dilation, paddingMode: mode)
                }
                let padding: ConvPaddingArg
                if case .str(let s)? = b["padding"] { padding = .string(s) } else { padding = .value(try b.intOrTuple("padding", .int(0))!) }
                return try Conv(dims: n, inChannels: try b.int("in_channels"), outChannels: try b.int("out_channels"),
                                kernelSize: kernel, stride: stride, padding: padding, dilation: dilation, groups: groups,
                                bias: bias, paddingMode: mode)
            }
        }
        for n in 1...3 {
            t["Conv\(n)d"] = conv(n, transposed: false)
            t["ConvTranspose\(n)d"] = conv(n, transposed: true)
            t["MaxPool\(n)d"] = { args in
                let b = try args.bind("_MaxPoolNd.__init__", ["kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"], required: 1)
                return MaxPool(dims: n, kernelSize: try b.requiredIntOrTuple("kernel_size"), stride: try b.intOrTuple("stride"),
                               padding: try b.intOrTuple("padding", .int(0))!, dilation: try b.intOrTuple("dilation", .int(1))!,
                               returnIndices: try b.bool("return_indices", false), ceilMode: try b.bool("ceil_mode", false))
            }
            let avgNames = n == 1 ? ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"]
                                  : ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"]
            t["AvgPool\(n)d"] = { args in
                let b = try args.bind("AvgPool\(n)d.__init__", avgNames, required: 1)
                return AvgPool(dims: n, kernelSize: try b.requiredIntOrTuple("kernel_size"), stride: try b.intOrTuple("stride"),
                               padding: try b.intOrTuple("padding", .int(0))!, ceilMode: try b.bool("ceil_mode", false),
                               countIncludePad: try b.bool("count_include_pad", true),
                               divisorOverride: try b["divisor_override"].map { try $0.asInt("divisor_override", "AvgPool\(n)d") })
            }
            t["MaxUnpool\(n)d"] = { args in
                let b = try args.bind("MaxUnpool\(n)d.__init__", ["kernel_size", "stride", "padding"], required: 1)
                return MaxUnpool(dims: n, kernelSize: try b.requiredIntOrTuple("kernel_size"), stride: try b.intOrTuple("stride"),
                                 padding: try b.intOrTuple("padding", .int(0))!)
            }
        }
        t["Linear"] = { args in
            let b = try args.bind("Linear.__init__", ["in_features", "out_features", "bias", "device", "dtype"], required: 2)
            return try Linear(inFeatures: try b.int("in_features"), outFeatures: try b.int("out_features"), bias: try b.bool("bias", true))
        }
        t["Identity"] = { _ in Identity() }
        t["Flatten"] = { args in
            let b = try args.bind("Flatten.__init__", ["start_dim", "end_dim"])
            return Flatten(startDim: try b.int("start_dim", 1), endDim: try b.int("end_dim", -1))
        }
        t["Sequential"] = { [unowned self] args in
            guard args.keywords.isEmpty else { throw PythonError.type("Sequential.__init__() got an unexpected keyword argument '\(args.keywords[0].0)'") }
            // One OrderedDict names the children; otherwise each argument is a module.
            if args.positional.count == 1, case .object(let od as PyInstance) = args.positional[0], od.type.isSubtype(of: .orderedDict) {
                return Sequential(named: try self.namedModuleList(args.positional[0]))
            }
            return Sequential(try self.moduleList(.tuple(args.positional), "Sequential"))
        }
        t["ModuleList"] = { [unowned self] args in
            let b = try args.bind("ModuleList.__init__", ["modules"])
            return ModuleList(try b["modules"].map { try self.moduleList($0, "ModuleList") } ?? [])
        }
        t["ParameterList"] = { [unowned self] args in
            let b = try args.bind("ParameterList.__init__", ["values"])
            let list = ParameterContainer(keyed: false)
            let values: [Value] = try b["values"].map { try self.iterate($0) } ?? []
            for (i, v) in values.enumerated() { try list.set(String(i), try self.parameterValue(v)) }
            return list
        }
        t["ParameterDict"] = { [unowned self] args in
            let b = try args.bind("ParameterDict.__init__", ["parameters"])
            let dict = ParameterContainer(keyed: true)
            if let source = b["parameters"] {
                var items = source
                if case .object(let i as PyInstance) = source, let p = i.payload { items = p }
                let pairs: [(Value, Value)]
                if case .dict(let d) = items { pairs = Array(zip(d.keys, d.values)) } else {
                    pairs = try self.iterate(items).map { kv in
                        let two = try self.iterate(kv)
                        guard two.count == 2 else { throw PythonError.value("dictionary update sequence element has length \(two.count); 2 is required") }
                        return (two[0], two[1])
                    }
                }
                for (k, v) in pairs {
                    guard case .str(let key) = k else { throw PythonError.type("parameter name should be a string. Got \(self.torchTypename(k))") }
                    try dict.set(key, try self.parameterValue(v))
                }
            }
            return dict
        }
        t["ModuleDict"] = { [unowned self] args in
            let b = try args.bind("ModuleDict.__init__", ["modules"])
            let d = ModuleDict([])
            for (k, m) in try b["modules"].map({ try self.namedModuleList($0) }) ?? [] { try self.addModule(d, .str(k), .module(m)) }
            return d
        }
        // Pointwise layers: class name, constructor parameters, and how they make the layer.
        func inplaceText(_ b: Bool) -> String { b ? "inplace=True" : "" }
        t["ReLU6"] = { args in
            let inplace = try args.bind("ReLU6.__init__", ["inplace"]).bool("inplace", false)
            return PointwiseLayer("ReLU6", extra: inplaceText(inplace), attributes: ["inplace": .bool(inplace), "min_val": .float(0), "max_val": .float(6)]) {
                try Functional.hardtanh($1, minVal: 0, maxVal: 6, inplace: inplace)
            }
        }
        t["SELU"] = { args in
            let inplace = try args.bind("SELU.__init__", ["inplace"]).bool("inplace", false)
            return PointwiseLayer("SELU", extra: inplaceText(inplace), attributes: ["inplace": .bool(inplace)]) { try Functional.selu($1, inplace: inplace) }
        }
        t["CELU"] = { args in
            let b = try args.bind("CELU.__init__", ["alpha", "inplace"])
            let alpha = try b.double("alpha", 1), inplace = try b.bool("inplace", false)
            return PointwiseLayer("CELU", extra: "alpha=\(b.numberRepr("alpha", alpha))" + (inplace ? ", inplace=True" : ""),
                                  attributes: ["alpha": b.givenNumbers(["alpha"])["alpha"] ?? .float(alpha), "inplace": .bool(inplace)]) { try Functional.celu($1, alpha: alpha, inplace: inplace) }
        }
        t["Mish"] = { args in
            let inplace = try args.bind("Mish.__init__", ["inplace"]).bool("inplace", false)
            return PointwiseLayer("Mish", extra: inplaceText(inplace), attributes: ["inplace": .bool(inplace)]) { try Functional.mish($1, inplace: inplace) }
        }
        t["Threshold"] = { args in
            let b = try args.bind("Threshold.__init__", ["threshold", "value", "inplace"], required: 2)
            let th = b.values["threshold"]!, value = b.values["value"]!, inplace = try b.bool("inplace", false)
            let thd = try th.asDouble("threshold", "Threshold"), vd = try value.asDouble("value", "Threshold")
            return PointwiseLayer("Threshold", extra: "threshold=\(th.repr), value=\(value.repr)" + (inplace ? ", inplace=True" : ""),
                                  attributes: ["threshold": .float(thd), "value": .float(vd), "inplace": .bool(inplace)]) {
                try Functional.threshold($1, threshold: thd, value: vd, inplace: inplace)
            }
        }
        for name in ["Hardsigmoid", "Hardswish"] {
            t[name] = { args in
                let inplace = try args.bind("\(name).__init__", ["inplace"]).bool("inplace", false)
                // Neither class defines extra_repr in PyTorch: `Hardswish(inplace=True)` prints `Hardswish()`.
                return PointwiseLayer(name, attributes: ["inplace": .bool(inplace)]) {
                    name == "Hardsigmoid" ? try Functional.hardsigmoid($1, inplace: inplace) : try Functional.hardswish($1, inplace: inplace)
                }
            }
        }
        for (name, f) in [("LogSigmoid", Functional.logSigmoid), ("Tanhshrink", Functional.tanhshrink), ("Softsign", Functional.softsign)] {
            t[name] = { args in _ = try args.bind("\(name).__init__", []); return PointwiseLayer(name) { try f($1) } }
        }
        for name in ["Softshrink", "Hardshrink"] {
            t[name] = { args in
                let b = try args.bind("\(name).__init__", ["lambd"])
                let lambd = try b.double("lambd", 0.5)
                return PointwiseLayer(name, extra: b.numberRepr("lambd", lambd), attributes: ["lambd": b.givenNumbers(["lambd"])["lambd"] ?? .float(lambd)]) {
                    name == "Softshrink" ? try Functional.softshrink($1, lambd: lambd) : try Functional.hardshrink($1, lambd: lambd)
                }
            }
        }
        t["Softmin"] = { args in
            let dim = try args.bind("Softmin.__init__", ["dim"])["dim"].map { try $0.asInt("dim", "Softmin") }
            return PointwiseLayer("Softmin", extra: "dim=\(dim.map(String.init) ?? "None")", attributes: ["dim": dim.map { .int($0) } ?? .none]) { _, x in
                try Functional.softmin(x, dim: dim ?? ([0, 1, 3].contains(x.dim) ? 0 : 1))
            }
        }
        for (n, name) in [(2, "Dropout2d"), (3, "Dropout3d"), (1, "Dropout1d")] {
            t[name] = { args in
                let b = try args.bind("\(name).__init__", ["p", "inplace"])
                let p = try b.double("p", 0.5), inplace = try b.bool("inplace", false)
                if p < 0 || p > 1 { throw PythonError.value("dropout probability has to be between 0 and 1, but got \(pythonFloatRepr(p))") }
                return PointwiseLayer(name, extra: "p=\(b.numberRepr("p", p)), inplace=\(inplace ? "True" : "False")",
                                      attributes: ["p": b.givenNumbers(["p"])["p"] ?? .float(p), "inplace": .bool(inplace)]) { m, x in
                    try Functional.featureDropout(x, p: p, training: m.training, inplace: inplace, spatial: n)
                }
            }
        }
        t["Unflatten"] = { args in
            let b = try args.bind("Unflatten.__init__", ["dim", "unflattened_size"], required: 2)
            let asSize: Bool
            if case .size? = b["unflattened_size"] { asSize = true } else { asSize = false }
            return Unflatten(dim: try b.int("dim"), sizes: try b.intList("unflattened_size", []), printedAsSize: asSize)
        }
        t["Embedding"] = { args in
            let b = try args.bind("Embedding.__init__", ["num_embeddings", "embedding_dim", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq",
                                                         "sparse", "_weight", "_freeze", "device", "dtype"], required: 2)
            let sparse = try b.bool("sparse", false), byFrequency = try b.bool("scale_grad_by_freq", false)
            if b["max_norm"] != nil || b["_weight"] != nil || sparse || byFrequency {
                throw PythonError.type("nnsh supports Embedding(num_embeddings, embedding_dim, padding_idx) only")
            }
            return try Embedding(count: try b.int("num_embeddings"), width: try b.int("embedding_dim"),
                                 paddingIndex: try b["padding_idx"].map { try $0.asInt("padding_idx", "Embedding") })
        }
        for n in 1...3 {
            for average in [true, false] {
                let name = "Adaptive\(average ? "Avg" : "Max")Pool\(n)d"
                t[name] = { args in
                    let b = try args.bind("\(name).__init__", average ? ["output_size"] : ["output_size", "return_indices"], required: 1)
                    let v = b.values["output_size"]!
                    let scalar: Bool, sizes: [Int?]
                    switch v {
                    case .int(let i): scalar = true; sizes = [i]
                    case .none: scalar = true; sizes = [nil]
                    default:
                        scalar = false
                        let items: [Value]
                        switch v {
                        case .tuple(let t): items = t
                        case .list(let l): items = l.items
                        case .size(let s): items = s.map { .int($0) }
                        default: throw PythonError.type("\(name): output_size must be an int or a tuple of ints, not \(v.typeName)")
                        }
                        sizes = try items.map { $0.isNone ? nil : try $0.asInt("output_size", name) }
                    }
                    if !scalar && sizes.count != n { throw PythonError.value("\(name): output_size must have \(n) elements") }
                    return AdaptivePool(dims: n, outputSize: sizes, scalar: scalar, average: average,
                                        returnIndices: average ? false : try b.bool("return_indices", false))
                }
            }
        }
        t["LayerNorm"] = { args in
            let b = try args.bind("LayerNorm.__init__", ["normalized_shape", "eps", "elementwise_affine", "bias", "device", "dtype"], required: 1)
            let shape: [Int]
            if case .int(let i)? = b["normalized_shape"] { shape = [i] } else { shape = try b.intList("normalized_shape", []) }
            return given(try LayerNorm(normalizedShape: shape, eps: try b.double("eps", 1e-5), affine: try b.bool("elementwise_affine", true),
                                       bias: try b.bool("bias", true)), b, ["eps"])
        }
        t["GroupNorm"] = { args in
            let b = try args.bind("GroupNorm.__init__", ["num_groups", "num_channels", "eps", "affine", "device", "dtype"], required: 2,
                                  keywordOnly: ["bias"])
            return given(try GroupNorm(groups: try b.int("num_groups"), channels: try b.int("num_channels"), eps: try b.double("eps", 1e-5),
                                       affine: try b.bool("affine", true), bias: try b.bool("bias", true)), b, ["eps"])
        }
        for kind in Loss.Kind.allCases {
            let name = kind.rawValue
            var names = ["size_average", "reduce", "reduction"]
            switch kind {
            case .crossEntropy: names = ["weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"]
            case .nll: names = ["weight", "size_average", "ignore_index", "reduce", "reduction"]
            case .bce: names = ["weight"] + names
            case .bceWithLogits: names = ["weight"] + names + ["pos_weight"]
            case .smoothL1: names += ["beta"]
            case .huber: names = ["reduction", "delta"]
            case .klDiv: names += ["log_target"]
            case .mse, .l1: break
            }
            t[name] = { args in
                let b = try args.bind("\(name).__init__", names)
                if kind == .klDiv {
                    let r = try b.string("reduction", "mean")
                    guard ["none", "mean", "sum", "batchmean"].contains(r) else { throw PythonError.value("\(r) is not a valid value for reduction") }
                    return Loss(kind, klReduction: r, logTarget: try b.bool("log_target", false))
                }
                return Loss(kind, reduction: try lossReduction(b), weight: try b.optionalTensor("weight"), posWeight: try b.optionalTensor("pos_weight"),
                            ignoreIndex: try b.int("ignore_index", -100), beta: try b.double(kind == .huber ? "delta" : "beta", 1),
                            labelSmoothing: try b.double("label_smoothing", 0))
            }
        }
        for n in 1...3 {
            t["BatchNorm\(n)d"] = { args in
                let b = try args.bind("BatchNorm\(n)d.__init__", ["num_features", "eps", "momentum", "affine", "track_running_stats", "device", "dtype"], required: 1,
                                      keywordOnly: ["bias"])
                let momentum: Double? = b.has("momentum") && b["momentum"] == nil ? nil : try b.double("momentum", 0.1)
                return given(try BatchNorm(dims: n, numFeatures: try b.int("num_features"), eps: try b.double("eps", 1e-5), momentum: momentum,
                                           affine: try b.bool("affine", true), trackRunningStats: try b.bool("track_running_stats", true),
                                           bias: try b.bool("bias", true)), b, ["eps", "momentum"])
            }
        }
        t["Sigmoid"] = { args in _ = try args.bind("Sigmoid.__init__", []); return Sigmoid() }
        t["Tanh"] = { args in _ = try args.bind("Tanh.__init__", []); return Tanh() }
        t["ReLU"] = { args in ReLU(inplace: try args.bind("ReLU.__init__", ["inplace"]).bool("inplace", false)) }
        t["LeakyReLU"] = { args in
            let b = try args.bind("LeakyReLU.__init__", ["negative_slope", "inplace"])
            return given(LeakyReLU(negativeSlope: try b.double("negative_slope", 0.01), inplace: try b.bool("inplace", false)), b, ["negative_slope"])
        }
        t["PReLU"] = { args in
            let b = try args.bind("PReLU.__init__", ["num_parameters", "init", "device", "dtype"])
            return try PReLU(numParameters: try b.int("num_parameters", 1), initValue: try b.double("init", 0.25))
        }
        t["RReLU"] = { args in
            let b = try args.bind("RReLU.__init__", ["lower", "upper", "inplace"])
            return given(RReLU(lower: try b.double("lower", 1.0 / 8), upper: try b.double("upper", 1.0 / 3), inplace: try b.bool("inplace", false)),
                         b, ["lower", "upper"])
        }
        t["Softmax"] = { args in
            let b = try args.bind("Softmax.__init__", ["dim"])
            return Softmax(dim: try b["dim"].map { try $0.asInt("dim", "Softmax") })
        }
        t["LogSoftmax"] = { args in
            let b = try args.bind("LogSoftmax.__init__", ["dim"])
            return Softmax(dim: try b["dim"].map { try $0.asInt("dim", "LogSoftmax") }, log: true)
        }
        t["ELU"] = { args in
            let b = try args.bind("ELU.__init__", ["alpha", "inplace"])
            return given(ELU(alpha: try b.double("alpha", 1), inplace: try b.bool("inplace", false)), b, ["alpha"])
        }
        t["GELU"] = { args in GELU(approximate: try args.bind("GELU.__init__", ["approximate"]).string("approximate", "none")) }
        t["SiLU"] = { args in SiLU(inplace: try args.bind("SiLU.__init__", ["inplace"]).bool("inplace", false)) }
        t["Softplus"] = { args in
            let b = try args.bind("Softplus.__init__", ["beta", "threshold"])
            return given(Softplus(beta: try b.double("beta", 1), threshold: try b.double("threshold", 20)), b, ["beta", "threshold"])
        }
        t["Hardtanh"] = { args in
            let b = try args.bind("Hardtanh.__init__", ["min_val", "max_val", "inplace"])
            return given(try Hardtanh(minVal: try b.double("min_val", -1), maxVal: try b.double("max_val", 1), inplace: try b.bool("inplace", false)),
                         b, ["min_val", "max_val"])
        }
        t["Dropout"] = { args in
            let b = try args.bind("Dropout.__init__", ["p", "inplace"])
            return given(try Dropout(p: try b.double("p", 0.5), inplace: try b.bool("inplace", false)), b, ["p"])
        }
        return t
    }

    // MARK: torch.nn.functional

    func functionalTable() -> [String: (Arguments) throws -> Value] {
        var t = [String: (Arguments) throws -> Value]()
        t["glu"] = { args in
            let b = try args.bind("glu", ["input", "dim"], required: 1)
            return .tensor(try Functional.glu(try b.tensor("input"), dim: try b.int("dim", -1)))
        }
        for n in 1...3 {
            t["conv\(n)d"] = { args in
                let b = try args.bind("conv\(n)d", ["input", "weight", "bias", "stride", "padding", "dilation", "groups"], required: 2)
                let padding: ConvPadding
                if case .str(let s)? = b["padding"] { padding = try ConvPadding.named(s) } else { padding = .explicit(try convList(b, "padding", 0, n)) }
                return .tensor(try Functional.convolution(try b.tensor("input"), try b.tensor("weight"), bias: try b.optionalTensor("bias"),
                                                          stride: try convList(b, "stride", 1, n), padding: padding,
                                                          dilation: try convList(b, "dilation", 1, n), groups: try b.int("groups", 1), spatial: n))
            }
            t["conv_transpose\(n)d"] = { args in
                let b = try args.bind("conv_transpose\(n)d", ["input", "weight", "bias", "stride", "padding", "output_padding", "groups", "dilation"], required: 2)
                return .tensor(try Functional.convTranspose(try b.tensor("input"), try b.tensor("weight"), bias: try b.optionalTensor("bias"),
                                                            stride: try convList(b, "stride", 1, n), padding: try convList(b, "padding", 0, n),
                                                            outputPadding: try convList(b, "output_padding", 0, n), groups: try b.int("groups", 1),
                                                            dilation: try convList(b, "dilation", 1, n), spatial: n))
            }
            t["max_pool\(n)d"] = { args in
                let b = try args.bind("max_pool\(n)d", ["input", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"], required: 2)
                let x = try b.tensor("input"), k = try b.intList("kernel_size", [])
                let s = try b.intList("stride", []), p = try b.intList("padding", [0]), d = try b.intList("dilation", [1])
                let ceil = try b.bool("ceil_mode", false)
                let (v, i): (Tensor, Tensor)
                switch n {
                case 1: (v, i) = try Functional.maxPool1d(x, kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceil)
                case 2: (v, i) = try Functional.maxPool2d(x, kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceil)
                default: (v, i) = try Functional.maxPool3d(x, kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceil)
                }
                return try b.bool("return_indices", false) ? .tuple([.tensor(v), .tensor(i)]) : .tensor(v)
            }
            let avgNames = ["input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"] + (n == 1 ? [] : ["divisor_override"])
            t["avg_pool\(n)d"] = { args in
                let b = try args.bind("avg_pool\(n)d", avgNames, required: 2)
                let x = try b.tensor("input"), k = try b.intList("kernel_size", [])
                let s = try b.intList("stride", []), p = try b.intList("padding", [0])
                let ceil = try b.bool("ceil_mode", false), cip = try b.bool("count_include_pad", true)
                let div = try b["divisor_override"].map { try $0.asInt("divisor_override", "avg_pool\(n)d") }
                switch n {
                case 1: return .tensor(try Functional.avgPool1d(x, kernelSize: k, stride: s, padding: p, ceilMode: ceil, countIncludePad: cip))
                case 2: return .tensor(try Functional.avgPool2d(x, kernelSize: k, stride: s, padding: p, ceilMode: ceil, countIncludePad: cip, divisorOverride: div))
                default: return .tensor(try Functional.avgPool3d(x, kernelSize: k, stride: s, padding: p, ceilMode: ceil, countIncludePad: cip, divisorOverride: div))
                }
            }
            t["max_unpool\(n)d"] = { args in
                let b = try args.bind("max_unpool\(n)d", ["input", "indices", "kernel_size", "stride", "padding", "output_size"], required: 3)
                let x = try b.tensor("input"), idx = try b.tensor("indices")
                let k = try b.intList("kernel_size", []), s = try b.intList("stride", []), p = try b.intList("padding", [0])
                let os = try b["output_size"].map(outputSizeList)
                let text = b["output_size"]?.repr
                switch n {
                case 1: return .tensor(try Functional.maxUnpool1d(x, idx, kernelSize: k, stride: s, padding: p, outputSize: os, outputSizeText: text))
                case 2: return .tensor(try Functional.maxUnpool2d(x, idx, kernelSize: k, stride: s, padding: p, outputSize: os, outputSizeText: text))
                default: return .tensor(try Functional.maxUnpool3d(x, idx, kernelSize: k, stride: s, padding: p, outputSize: os, outputSizeText: text))
                }
            }
        }
        let lossNames: [(String, [String], (Tensor, Tensor, BoundArguments) throws -> Tensor)] = [
            ("cross_entropy", ["weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"], { x, y, b in
                try Functional.crossEntropy(x, y, weight: try b.optionalTensor("weight"), ignoreIndex: try b.int("ignore_index", -100),
                                            reduction: try lossReduction(b), labelSmoothing: try b.double("label_smoothing", 0)) }),
            ("nll_loss", ["weight", "size_average", "ignore_index", "reduce", "reduction"], { x, y, b in
                try Functional.nllLoss(x, y, weight: try b.optionalTensor("weight"), ignoreIndex: try b.int("ignore_index", -100),
                                       reduction: try lossReduction(b)) }),
            ("mse_loss", ["size_average", "reduce", "reduction"], { x, y, b in try Functional.mseLoss(x, y, reduction: try lossReduction(b)) }),
            ("l1_loss", ["size_average", "reduce", "reduction"], { x, y, b in try Functional.l1Loss(x, y, reduction: try lossReduction(b)) }),
            ("smooth_l1_loss", ["size_average", "reduce", "reduction", "beta"], { x, y, b in
                try Functional.smoothL1Loss(x, y, reduction: try lossReduction(b), beta: try b.double("beta", 1)) }),
            ("huber_loss", ["reduction", "delta", "weight"], { x, y, b in
                if b["weight"] != nil { throw PythonError.type("nnsh does not support weight in huber_loss yet") }
                return try Functional.huberLoss(x, y, reduction: try Reduction.named(try b.string("reduction", "mean")), delta: try b.double("delta", 1)) }),
            ("kl_div", ["size_average", "reduce", "reduction", "log_target"], { x, y, b in
                try Functional.klDiv(x, y, reduction: try b.string("reduction", "mean"), logTarget: try b.bool("log_target", false)) }),
            ("binary_cross_entropy", ["weight", "size_average", "reduce", "reduction"], { x, y, b in
                try Functional.binaryCrossEntropy(x, y, weight: try b.optionalTensor("weight"), reduction: try lossReduction(b)) }),
            ("binary_cross_entropy_with_logits", ["weight", "size_average", "reduce", "reduction", "pos_weight"], { x, y, b in
                try Functional.binaryCrossEntropyWithLogits(x, y, weight: try b.optionalTensor("weight"), posWeight: try b.optionalTensor("pos_weight"),
                                                            reduction: try lossReduction(b)) }),
        ]
        for (name, options, f) in lossNames {
            t[name] = { args in
                let b = try args.bind(name, ["input", "target"] + options, required: 2)
                return .tensor(try f(try b.tensor("input"), try b.tensor("target"), b))
            }
        }
        for n in 1...3 {
            t["adaptive_avg_pool\(n)d"] = { args in
                let b = try args.bind("adaptive_avg_pool\(n)d", ["input", "output_size"], required: 2)
                return .tensor(try Functional.adaptiveAvgPool(try b.tensor("input"), outputSize: try adaptiveOutputSize(b.values["output_size"]!, n), dims: n))
            }
            t["adaptive_max_pool\(n)d"] = { args in
                let b = try args.bind("adaptive_max_pool\(n)d", ["input", "output_size", "return_indices"], required: 2)
                let (v, i) = try Functional.adaptiveMaxPool(try b.tensor("input"), outputSize: try adaptiveOutputSize(b.values["output_size"]!, n), dims: n)
                return try b.bool("return_indices", false) ? .tuple([.tensor(v), .tensor(i)]) : .tensor(v)
            }
        }
        t["layer_norm"] = { args in
            let b = try args.bind("layer_norm", ["input", "normalized_shape", "weight", "bias", "eps"], required: 2)
            let shape: [Int]
            if case .int(let i)? = b["normalized_shape"] { shape = [i] } else { shape = try b.intList("normalized_shape", []) }
            return .tensor(try Functional.layerNorm(try b.tensor("input"), normalizedShape: shape, weight: try b.optionalTensor("weight"),
                                                    bias: try b.optionalTensor("bias"), eps: try b.double("eps", 1e-5)))
        }
        t["group_norm"] = { args in
            let b = try args.bind("group_norm", ["input", "num_groups", "weight", "bias", "eps"], required: 2)
            return .tensor(try Functional.groupNorm(try b.tensor("input"), numGroups: try b.int("num_groups"), weight: try b.optionalTensor("weight"),
                                                    bias: try b.optionalTensor("bias"), eps: try b.double("eps", 1e-5)))
        }
        t["batch_norm"] = { args in
            let b = try args.bind("batch_norm", ["input", "running_mean", "running_var", "weight", "bias", "training", "momentum", "eps"], required: 3)
            return .tensor(try Functional.batchNorm(try b.tensor("input"), runningMean: try b.optionalTensor("running_mean"),
                                                    runningVar: try b.optionalTensor("running_var"), weight: try b.optionalTensor("weight"),
                                                    bias: try b.optionalTensor("bias"), training: try b.bool("training", false),
                                                    momentum: try b.double("momentum", 0.1), eps: try b.double("eps", 1e-5)))
        }
        t["embedding"] = { args in
            let b = try args.bind("embedding", ["input", "weight", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"], required: 2)
            return .tensor(try Functional.embedding(try b.tensor("input"), try b.tensor("weight"),
                                                    paddingIndex: try b["padding_idx"].map { try $0.asInt("padding_idx", "embedding") }))
        }
        for (n, name) in [(1, "dropout1d"), (2, "dropout2d"), (3, "dropout3d")] {
            t[name] = { args in
                let b = try args.bind(name, ["input", "p", "training", "inplace"], required: 1)
                return .tensor(try Functional.featureDropout(try b.tensor("input"), p: try b.double("p", 0.5), training: try b.bool("training", true),
                                                             inplace: try b.bool("inplace", false), spatial: n))
            }
        }
        let simple: [(String, (Tensor) throws -> Tensor)] = [("logsigmoid", Functional.logSigmoid), ("tanhshrink", Functional.tanhshrink),
                                                             ("softsign", Functional.softsign)]
        for (name, f) in simple {
            t[name] = { args in .tensor(try f(try args.bind(name, ["input"], required: 1).tensor("input"))) }
        }
        t["threshold_"] = { args in
            let b = try args.bind("threshold_", ["input", "threshold", "value"], required: 3)
            return .tensor(try Functional.threshold(try b.tensor("input"), threshold: try b.double("threshold", 0), value: try b.double("value", 0),
                                                    inplace: true))
        }
        let withInplace: [(String, (Tensor, Bool) throws -> Tensor)] = [
            ("selu", { try Functional.selu($0, inplace: $1) }), ("mish", { try Functional.mish($0, inplace: $1) }),
            ("hardsigmoid", { try Functional.hardsigmoid($0, inplace: $1) }), ("hardswish", { try Functional.hardswish($0, inplace: $1) }),
            ("relu6", { try Functional.hardtanh($0, minVal: 0, maxVal: 6, inplace: $1) }),
        ]
        for (name, f) in withInplace {
            t[name] = { args in
                let b = try args.bind(name, ["input", "inplace"], required: 1)
                return .tensor(try f(try b.tensor("input"), try b.bool("inplace", false)))
            }
        }
        t["celu"] = { args in
            let b = try args.bind("celu", ["input", "alpha", "inplace"], required: 1)
            return .tensor(try Functional.celu(try b.tensor("input"), alpha: try b.double("alpha", 1), inplace: try b.bool("inplace", false)))
        }
        t["threshold"] = { args in
            let b = try args.bind("threshold", ["input", "threshold", "value", "inplace"], required: 3)
            return .tensor(try Functional.threshold(try b.tensor("input"), threshold: try b.double("threshold", 0), value: try b.double("value", 0),
                                                    inplace: try b.bool("inplace", false)))
        }
        for name in ["softshrink", "hardshrink"] {
            t[name] = { args in
                let b = try args.bind(name, ["input", "lambd"], required: 1)
                let x = try b.tensor("input"), l = try b.double("lambd", 0.5)
                return .tensor(name == "softshrink" ? try Functional.softshrink(x, lambd: l) : try Functional.hardshrink(x, lambd: l))
            }
        }
        t["softmin"] = { args in
            let b = try args.bind("softmin", ["input", "dim", "_stacklevel", "dtype"], required: 1)
            let x = try b.tensor("input")
            let dim = try b["dim"].map { try $0.asInt("dim", "softmin") } ?? ([0, 1, 3].contains(x.dim) ? 0 : 1)
            return .tensor(try Functional.softmin(x, dim: dim))
        }
        t["pad"] = { args in
            let b = try args.bind("pad", ["input", "pad", "mode", "value"], required: 2)
            return .tensor(try Functional.pad(try b.tensor("input"), try b.intList("pad", []), mode: try b.string("mode", "constant"),
                                              value: try b["value"].map { try $0.asDouble("value", "pad") }))
        }
        t["linear"] = { args in
            let b = try args.bind("linear", ["input", "weight", "bias"], required: 2)
            return .tensor(try Functional.linear(try b.tensor("input"), try b.tensor("weight"), bias: try b.optionalTensor("bias")))
        }
        t["relu"] = { args in
            let b = try args.bind("relu", ["input", "inplace"], required: 1)
            return .tensor(try Functional.relu(try b.tensor("input"), inplace: try b.bool("inplace", false)))
        }
        t["relu_"] = { args in .tensor(try Functional.relu(try args.bind("relu_", ["input"], required: 1).tensor("input"), inplace: true)) }
        t["leaky_relu"] = { args in
            let b = try args.bind("leaky_relu", ["input", "negative_slope", "inplace"], required: 1)
            return .tensor(try Functional.leakyRelu(try b.tensor("input"), negativeSlope: try b.double("negative_slope", 0.01), inplace: try b.bool("inplace", false)))
        }
        t["prelu"] = { args in
            let b = try args.bind("prelu", ["input", "weight"], required: 2)
            return .tensor(try Functional.prelu(try b.tensor("input"), try b.tensor("weight")))
        }
        t["rrelu"] = { args in
            let b = try args.bind("rrelu", ["input", "lower", "upper", "training", "inplace"], required: 1)
            return .tensor(try Functional.rrelu(try b.tensor("input"), lower: try b.double("lower", 1.0 / 8), upper: try b.double("upper", 1.0 / 3),
                                                training: try b.bool("training", false), inplace: try b.bool("inplace", false)))
        }
        t["sigmoid"] = { args in .tensor(try Functional.sigmoid(try args.bind("sigmoid", ["input"], required: 1).tensor("input"))) }
        t["tanh"] = { args in .tensor(try Functional.tanh(try args.bind("tanh", ["input"], required: 1).tensor("input"))) }
        for name in ["softmax", "log_softmax"] {
            t[name] = { args in
                let b = try args.bind(name, ["input", "dim", "_stacklevel", "dtype"], required: 1)
                let x = try b.tensor("input")
                // No dim (or None): PyTorch's `_get_softmax_dim` (deprecated, with a warning nnsh does not print),
                // the choice `nn.Softmax()` makes too.
                let dim: Int
                if let d = b["dim"], !d.isNone { dim = try d.asInt("dim", name) } else { dim = [0, 1, 3].contains(x.dim) ? 0 : 1 }
                return .tensor(name == "softmax" ? try Functional.softmax(x, dim: dim) : try Functional.logSoftmax(x, dim: dim))
            }
        }
        t["elu"] = { args in
            let b = try args.bind("elu", ["input", "alpha", "inplace"], required: 1)
            return .tensor(try Functional.elu(try b.tensor("input"), alpha: try b.double("alpha", 1), inplace: try b.bool("inplace", false)))
        }
        t["gelu"] = { args in
            let b = try args.bind("gelu", ["input", "approximate"], required: 1)
            return .tensor(try Functional.gelu(try b.tensor("input"), approximate: try b.string("approximate", "none")))
        }
        t["silu"] = { args in
            let b = try args.bind("silu", ["input", "inplace"], required: 1)
            return .tensor(try Functional.silu(try b.tensor("input"), inplace: try b.bool("inplace", false)))
        }
        t["softplus"] = { args in
            let b = try args.bind("softplus", ["input", "beta", "threshold"], required: 1)
            return .tensor(try Functional.softplus(try b.tensor("input"), beta: try b.double("beta", 1), threshold: try b.double("threshold", 20)))
        }
        t["hardtanh"] = { args in
            let b = try args.bind("hardtanh", ["input", "min_val", "max_val", "inplace"], required: 1)
            return .tensor(try Functional.hardtanh(try b.tensor("input"), minVal: try b.double("min_val", -1), maxVal: try b.double("max_val", 1), inplace: try b.bool("inplace", false)))
        }
        t["dropout"] = { args in
            let b = try args.bind("dropout", ["input", "p", "training", "inplace"], required: 1)
            return .tensor(try Functional.dropout(try b.tensor("input"), p: try b.double("p", 0.5), training: try b.bool("training", true), inplace: try b.bool("inplace", false)))
        }
        return t
    }

    // MARK: torch.nn.init

    func initTable() -> [String: (Arguments) throws -> Value] {
        var t = [String: (Arguments) throws -> Value]()
        func inPlace(_ name: String, _ params: [String], required: Int = 1, _ body: @escaping (Tensor, BoundArguments) throws -> Void) {
            t[name] = { args in
                let b = try args.bind(name, ["tensor"] + params, required: required)
                let x = try b.tensor("tensor")
                try GradMode.withoutGrad { try body(x, b) }
                return .tensor(x)
            }
        }
        inPlace("uniform_", ["a", "b", "generator"]) { x, b in try Init.uniform_(x, a: try b.double("a", 0), b: try b.double("b", 1), generator: try b.generator()) }
        inPlace("normal_", ["mean", "std", "generator"]) { x, b in try Init.normal_(x, mean: try b.double("mean", 0), std: try b.double("std", 1), generator: try b.generator()) }
        inPlace("constant_", ["val"], required: 2) { x, b in try Init.constant_(x, try b.double("val", 0)) }
        inPlace("zeros_", []) { x, _ in try Init.zeros_(x) }
        inPlace("ones_", []) { x, _ in try Init.ones_(x) }
        inPlace("eye_", []) { x, _ in try Init.eye_(x) }
        inPlace("dirac_", ["groups"]) { x, b in try Init.dirac_(x, groups: try b.int("groups", 1)) }
        inPlace("xavier_uniform_", ["gain", "generator"]) { x, b in try Init.xavierUniform_(x, gain: try b.double("gain", 1), generator: try b.generator()) }
        inPlace("xavier_normal_", ["gain", "generator"]) { x, b in try Init.xavierNormal_(x, gain: try b.double("gain", 1), generator: try b.generator()) }
        inPlace("kaiming_uniform_", ["a", "mode", "nonlinearity", "generator"]) { x, b in
            try Init.kaimingUniform_(x, a: try b.double("a", 0), mode: try b.string("mode", "fan_in"), nonlinearity: try b.string("nonlinearity", "leaky_relu"),
                                     generator: try b.generator())
        }
        inPlace("kaiming_normal_", ["a", "mode", "nonlinearity", "generator"]) { x, b in
            try Init.kaimingNormal_(x, a: try b.double("a", 0), mode: try b.string("mode", "fan_in"), nonlinearity: try b.string("nonlinearity", "leaky_relu"),
                                    generator: try b.generator())
        }
        inPlace("trunc_normal_", ["mean", "std", "a", "b", "generator"]) { [unowned self] x, b in
            let mean = try b.double("mean", 0), std = try b.double("std", 1), lo = try b.double("a", -2), hi = try b.double("b", 2)
            if mean < lo - 2 * std || mean > hi + 2 * std {
                try self.warnFromLibrary("mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of values may be incorrect.")
            }
            try Init.truncNormal_(x, mean: mean, std: std, a: lo, b: hi, generator: try b.generator())
        }
        inPlace("orthogonal_", ["gain", "generator"]) { x, b in try Init.orthogonal_(x, gain: try b.double("gain", 1), generator: try b.generator()) }
        inPlace("sparse_", ["sparsity", "std", "generator"], required: 2) { x, b in
            try Init.sparse_(x, sparsity: try b.double("sparsity", 0), std: try b.double("std", 0.01), generator: try b.generator())
        }
        t["calculate_gain"] = { args in
            let b = try args.bind("calculate_gain", ["nonlinearity", "param"], required: 1)
            let nonlinearity = try b.string("nonlinearity", "")
            // Only leaky_relu reads `param`, and it takes an int or a float (not a bool), as torch/nn/init.py.
            var slope: Double?
            if nonlinearity == "leaky_relu", let p = b["param"], !p.isNone {
                switch p {
                case .int(let i): slope = Double(i)
                case .float(let f): slope = f
                default: throw PythonError.value("negative_slope \(p.str) not a valid number")
                }
            }
            let gain = try Init.calculateGain(nonlinearity, param: slope)
            // torch/nn/init.py returns the int 1 for the linear functions and sigmoid.
            let linear = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid"]
            return linear.contains(nonlinearity) ? .int(1) : .float(gain)
        }
        t["_calculate_fan_in_and_fan_out"] = { args in
            let (i, o) = try Init.calculateFanInAndFanOut(try args.bind("_calculate_fan_in_and_fan_out", ["tensor"], required: 1).tensor("tensor"))
            return .tuple([.int(i), .int(o)])
        }
        return t
    }

    func softmaxBinding(_ x: Tensor, dim: Int, log: Bool) throws -> Tensor {
        log ? try Functional.logSoftmax(x, dim: dim) : try Functional.softmax(x, dim: dim)
    }

}

extension Interpreter {
    /// A value a ParameterList/ParameterDict stores: nnsh keeps tensors only.
    func parameterValue(_ v: Value) throws -> Tensor {
        guard case .tensor(let t) = v else {
            throw PythonError.type("nnsh's ParameterList and ParameterDict hold tensors, not '\(v.typeName)'")
        }
        return t
    }
}

/// An adaptive pool's `output_size`: an int for every dim, or a sequence with `None` for "keep".
func adaptiveOutputSize(_ v: Value, _ n: Int) throws -> [Int?] {
    switch v {
    case .int(let i): return Array(repeating: i, count: n)
    case .none: return Array(repeating: nil, count: n)
    case .tuple(let items): return try items.map { $0.isNone ? nil : try $0.asInt("output_size", "adaptive_pool") }
    case .list(let l): return try l.items.map { $0.isNone ? nil : try $0.asInt("output_size", "adaptive_pool") }
    case .size(let s): return s
    default: throw PythonError.type("output_size must be an int or a tuple of ints, not \(v.typeName)")
    }
}

/// `reduction=`, or the legacy `size_average`/`reduce` pair as `_Reduction.legacy_get_string` reads it.
func lossReduction(_ b: BoundArguments) throws -> Reduction {
    if b["size_average"] != nil || b["reduce"] != nil {
        let sizeAverage = try b.bool("size_average", true), reduce = try b.bool("reduce", true)
        return !reduce ? .none : sizeAverage ? .mean : .sum
    }
    return try Reduction.named(try b.string("reduction", "mean"))
}

/// A `conv{n}d` size argument as PyTorch's parser reads an `int[n]`: a number (or the default)
/// stands for n copies, a sequence keeps its length (checked against the weight's rank later).
private func convList(_ b: BoundArguments, _ name: String, _ fallback: Int, _ n: Int) throws -> [Int] {
    switch b[name] {
    case nil: return Array(repeating: fallback, count: n)
    case .int(let v)?: return Array(repeating: v, count: n)
    default: return try b.intList(name, [fallback])
    }
}

/// A walk over nested modules that PyTorch runs as Python recursion, one call per level, so
/// Python's recursion limit (1000 frames) stops it; nnsh's walks recurse natively, and an
/// unbounded one would overflow the stack (`m = nn.Sequential(m)` 100 000 times, then `m.train()`).
enum ModuleWalk {
    case repr, call, method

    /// The deepest nesting PyTorch 2.15 on Python 3.11 gets through at the top of a script:
    /// `repr`/`print` spend three frames a level (about 331 levels), a call four
    /// (`_wrapped_call_impl`, `_call_impl`, `forward`, the child's call: 248), `train()`,
    /// `parameters()` and the like one (992–996). The exact figure moves by a level or two with
    /// what is already on Python's stack; nnsh takes these.
    var levels: Int {
        switch self {
        case .repr: return 331
        case .call: return 248
        case .method: return 994
        }
    }

    var message: String {
        switch self {
        case .repr, .call: return "maximum recursion depth exceeded"
        case .method: return "maximum recursion depth exceeded while calling a Python object"
        }
    }

    /// The methods of `nn.Module` that walk every level (`children()` looks at one).
    static let recursiveMethods: Set<String> = ["parameters", "named_parameters", "modules", "train", "eval",
                                                "zero_grad", "requires_grad_", "float", "double", "to"]
}

extension Interpreter {
    /// Raises Python's RecursionError where PyTorch's recursion would exceed Python's limit.
    func checkNesting(_ m: Module, _ walk: ModuleWalk) throws {
        if m.nestingDepth(upTo: walk.levels) == nil { throw PythonError("RecursionError", walk.message) }
    }

    /// `print(m)`, `str(m)`, `repr(m)` and the prompt's echo of a module.
    /// A Python class's `__repr__`/`extra_repr` runs once here with its errors raised (the repr
    /// itself, built in Swift, cannot throw and would print without them).
    func checkPrintable(_ v: Value) throws {
        if case .object(let big as BigIntObject) = v { try big.checkDecimalConversion() }
        guard case .module(let m) = v else { return }
        try checkNesting(m, .repr)
        for (_, x) in m.namedModules() {
            guard let p = x as? PythonModule else { continue }
            let name = p.userMethod("__repr__") != nil ? "__repr__" : "extra_repr"
            guard let f = p.userMethod(name) else { continue }
            let r = try call(bind(f, to: .module(p), type: p.type), Arguments())
            guard case .str = r else { throw PythonError.type("\(name) returned non-string (type \(r.typeName))") }
            if name == "__repr__" && x === m { return }
        }
    }
}

extension Interpreter {
    /// `module.add_module(name, child)` with the checks of torch/nn/modules/module.py, in its order.
    func addModule(_ m: Module, _ name: Value, _ child: Value) throws {
        let c: Module?
        switch child {
        case .module(let x): c = x
        case .none: c = nil
        default: throw PythonError.type("\(torchTypename(child)) is not a Module subclass")
        }
        guard case .str(let key) = name else { throw PythonError.type("module name should be a string. Got \(torchTypename(name))") }
        if hasOtherAttribute(m, key, except: m.hasChild) { throw PythonError.keyError(.str("attribute '\(key)' already exists")) }
        if key.contains(".") { throw PythonError.keyError(.str("module name can't contain \".\", got: \(key)")) }
        if key.isEmpty { throw PythonError.keyError(.str("module name can't be empty string \"\"")) }
        if let c { try refuseCycle(m, c) }
        m.registerModule(key, c)
    }
}

/// `m` with the float options the caller gave as ints or bools, kept for its repr and attributes.
private func given<M: Module>(_ m: M, _ b: BoundArguments, _ names: [String]) -> M {
    m.givenOptions = b.givenNumbers(names)
    return m
}
