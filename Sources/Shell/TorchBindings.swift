import BigInt
import Foundation
import Torch

/// The `torch` namespace: factories, maths, random numbers, dtypes and settings.
extension Interpreter {
    func makeTorchBuiltins() -> [String: Value] {
        let torch = Namespace("torch")
        var m = [String: Value]()
        func def(_ name: String, _ f: @escaping (Arguments) throws -> Value) { m[name] = .builtin(Builtin(name, f)) }

        for d in DType.allCases { m[d.rawValue] = .dtype(d) }
        m["float"] = .dtype(.float32); m["double"] = .dtype(.float64); m["long"] = .dtype(.int64)
        m["int"] = .dtype(.int32); m["half"] = .dtype(.float32)
        m["pi"] = .float(Double.pi); m["e"] = .float(M_E); m["inf"] = .float(.infinity); m["nan"] = .float(.nan)
        m["__version__"] = .str("2.15.0 (nnsh)")
        addDeviceBindings(&m)

        def("tensor") { [unowned self] args in
            let b = try args.bind("tensor", ["data", "dtype", "device", "requires_grad"], required: 1)
            let t = try self.makeTensor(b.values["data"]!, dtype: try b.dtype())
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        }
        m["as_tensor"] = m["tensor"]
        // torch.from_numpy(a): the same memory, as PyTorch's.
        m["from_numpy"] = .builtin(Builtin("from_numpy") { args in
            guard args.positional.count == 1, args.keywords.isEmpty else {
                throw PythonError.type("from_numpy() takes exactly one argument (\(args.positional.count + args.keywords.count) given)")
            }
            guard case .object(let a as NDArrayObject) = args.positional[0] else {
                throw PythonError.type("expected np.ndarray (got \(args.positional[0].typeName))")
            }
            return .tensor(a.array)
        })
        func factory(_ name: String, _ make: @escaping ([Int], DType, Generator?) throws -> Tensor) {
            def(name) { args in
                let (size, b) = try args.sizeAndOptions(name, ["dtype", "device", "requires_grad", "generator", "out", "layout"])
                if b["out"] != nil { throw PythonError.type("nnsh does not support out= in \(name)() yet") }
                let t = try make(size, try b.dtype() ?? .float32, try b.generator())
                if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
                return .tensor(t)
            }
        }
        factory("zeros") { size, dtype, _ in
            // `torch.zeros` checks its sizes itself, before the allocator's negative-dimension message.
            if size.contains(where: { $0 < 0 }) { throw TorchError.runtime("zeros: Dimension size must be non-negative.") }
            return try Tensor.zeros(size, dtype: dtype)
        }
        factory("ones") { size, dtype, _ in try Tensor.ones(size, dtype: dtype) }
        factory("empty") { size, dtype, _ in try Tensor.zeros(size, dtype: dtype) }
        factory("rand") { try Tensor.rand($0, dtype: $1, generator: $2) }
        factory("randn") { try Tensor.randn($0, dtype: $1, generator: $2) }
        func likeFactory(_ name: String, _ make: @escaping (Tensor, DType) throws -> Tensor) {
            def(name) { args in
                let b = try args.bind(name, ["input", "dtype", "device", "requires_grad", "memory_format"], required: 1)
                let x = try b.tensor("input")
                let t = try make(x, try b.dtype() ?? x.dtype)
                if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
                return .tensor(t)
            }
        }
        likeFactory("zeros_like") { try Tensor.zeros($0.shape, dtype: $1) }
        likeFactory("ones_like") { try Tensor.ones($0.shape, dtype: $1) }
        likeFactory("empty_like") { try Tensor.zeros($0.shape, dtype: $1) }
        likeFactory("rand_like") { try Tensor.randLike($0, dtype: $1) }
        likeFactory("randn_like") { try Tensor.randnLike($0, dtype: $1) }
        def("full") { args in
            let b = try args.bind("full", ["size", "fill_value", "dtype", "device", "requires_grad"], required: 2)
            let fill = b.values["fill_value"]!
            let dtype = try b.dtype() ?? { if case .int = fill { return .int64 }; if case .bool = fill { return .bool }; return .float32 }()
            let t = try Tensor.full(try b.values["size"]!.asIntList("size", "full"), try fill.asDouble("fill_value", "full"), dtype: dtype)
            if case .int(let i) = fill, dtype.isIntegral { try t.fillInt(Int64(i)) }
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        }
        def("full_like") { args in
            let b = try args.bind("full_like", ["input", "fill_value", "dtype", "device", "requires_grad"], required: 2)
            let x = try b.tensor("input")
            let t = try Tensor.full(x.shape, try b.values["fill_value"]!.asDouble(), dtype: try b.dtype() ?? x.dtype)
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        }
        def("arange") { args in
            var pos = args.positional
            var kw = args.keywords
            for name in ["start", "end", "step"] {
                if let i = kw.firstIndex(where: { $0.0 == name }) {
                    if name == "end" && pos.isEmpty { pos.append(.int(0)) }
                    pos.append(kw[i].1); kw.remove(at: i)
                }
            }
            let b = try Arguments([], kw).bind("arange", ["dtype", "device", "requires_grad", "out", "layout"])
            guard !pos.isEmpty && pos.count <= 3 else { throw PythonError.type("arange() received an invalid combination of arguments") }
            let allInt = pos.allSatisfy { if case .int = $0 { return true }; if case .bool = $0 { return true }; return false }
            let nums = try pos.map { try $0.asDouble("end", "arange") }
            let (start, end, step) = nums.count == 1 ? (0, nums[0], 1.0) : (nums[0], nums[1], nums.count == 3 ? nums[2] : 1)
            let t = try Tensor.arange(start, end, step, dtype: try b.dtype() ?? (allInt ? .int64 : .float32))
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        }
        def("linspace") { args in
            let b = try args.bind("linspace", ["start", "end", "steps", "dtype", "device", "requires_grad"], required: 3)
            let t = try Tensor.linspace(try b.double("start", 0), try b.double("end", 0), try b.int("steps"), dtype: try b.dtype() ?? .float32)
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        }
        def("eye") { args in
            let b = try args.bind("eye", ["n", "m", "dtype", "device", "requires_grad"], required: 1)
            let t = try Tensor.eye(try b.int("n"), try b["m"].map { try $0.asInt() }, dtype: try b.dtype() ?? .float32)
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        }
        def("randint") { args in
            var pos = args.positional
            var kw = args.keywords
            if let i = kw.firstIndex(where: { $0.0 == "size" }) { pos.append(kw[i].1); kw.remove(at: i) }
            if let i = kw.firstIndex(where: { $0.0 == "high" }) {
                let high = kw[i].1; kw.remove(at: i)
                if let j = kw.firstIndex(where: { $0.0 == "low" }) { pos.insert(kw[j].1, at: 0); kw.remove(at: j) }
                pos.insert(high, at: pos.count >= 1 && pos.count == 2 ? 1 : (pos.isEmpty ? 0 : pos.count - 1))
            }
            let b = try Arguments([], kw).bind("randint", ["dtype", "device", "requires_grad", "generator", "low"])
            guard pos.count == 2 || pos.count == 3 else {
                throw PythonError.type("randint() received an invalid combination of arguments - got \(pos.count) positional arguments")
            }
            let low = pos.count == 3 ? try pos[0].asInt("low", "randint") : 0
            let high = try pos[pos.count - 2].asInt("high", "randint")
            let size = try pos[pos.count - 1].asIntList("size", "randint")
            return .tensor(try Tensor.randint(Int64(low), Int64(high), size, dtype: try b.dtype() ?? .int64, generator: try b.generator()))
        }
        def("randperm") { args in
            let b = try args.bind("randperm", ["n", "dtype", "device", "requires_grad", "generator"], required: 1)
            let t = try Tensor.randperm(try b.int("n"), dtype: try b.dtype() ?? .int64, generator: try b.generator())
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        }
        def("normal") { args in
            let b = try args.bind("normal", ["mean", "std", "size", "generator", "dtype"], required: 0)
            if case .tensor(let m)? = b["mean"] ?? nil { return .tensor(try Tensor.normal(mean: .tensor(m), std: b["std"] ?? .float(1), generator: try b.generator())) }
            if case .tensor(let sd)? = b["std"] ?? nil { return .tensor(try Tensor.normal(mean: b["mean"] ?? .float(0), std: .tensor(sd), generator: try b.generator())) }
            let size = try b["size"]?.asIntList("size", "normal") ?? []
            return .tensor(try Tensor.normal(try b.double("mean", 0), try b.double("std", 1), size, dtype: try b.dtype() ?? .float32,
                                             generator: try b.generator()))
        }
        def("manual_seed") { [unowned self] args in
            let v = try args.bind("manual_seed", ["seed"], required: 1).values["seed"]!
            let seed: Int
            switch v {
            case .float(let d):
                guard d.isFinite, Swift.abs(d) < 9.2e18 else { throw PythonError.value("Overflow when unpacking long long") }
                seed = Int(d)
            default: seed = try self.toInt(v, base: nil)   // `seed = int(seed)` in torch/random.py
            }
            _ = manualSeed(Int64(seed))
            return .object(GeneratorObject.defaultObject)
        }
        m["default_generator"] = .object(GeneratorObject.defaultObject)
        def("bernoulli") { args in
            let b = try args.bind("bernoulli", ["input", "p", "generator"], required: 1, keywordOnly: ["out"])
            if b["p"] != nil { throw PythonError.type("nnsh supports torch.bernoulli(input, generator=) (probabilities in input)") }
            return .tensor(try Tensor.bernoulli(probabilities: try b.tensor("input"), generator: try b.generator()))
        }
        makeSerializationBindings(&m)
        constructors[ObjectIdentifier(GeneratorObject.type)] = Builtin("Generator") { args in
            let device = try args.bind("Generator", ["device"]).string("device", "cpu")
            guard device == "cpu" else { throw PythonError.runtime("nnsh has only the CPU: Generator(device='\(device)') is not available") }
            return .object(GeneratorObject(Generator()))
        }
        m["Generator"] = .object(GeneratorObject.type)
        def("multinomial") { args in
            let b = try args.bind("multinomial", ["input", "num_samples", "replacement"], required: 2, keywordOnly: ["generator"])
            return .tensor(try Tensor.multinomial(try b.tensor("input"), try b.int("num_samples"), replacement: try b.bool("replacement", false),
                                                  generator: try b.generator()))
        }
        def("get_rng_state") { args in
            _ = try args.bind("get_rng_state", [])
            return .tensor(try rngStateTensor(Generator.defaultGenerator))
        }
        def("set_rng_state") { args in
            let b = try args.bind("set_rng_state", ["new_state"], required: 1)
            try setRNGState(Generator.defaultGenerator, b.values["new_state"]!)
            return .none
        }
        def("initial_seed") { _ in
            let s = initialSeed()
            return Value.integer(BigInt(s))
        }
        def("seed") { _ in
            let s = UInt64.random(in: 0...UInt64(Int64.max))
            _ = manualSeed(Int64(bitPattern: s))
            return .int(Int(s))
        }
        def("set_printoptions") { args in
            let b = try args.bind("set_printoptions", ["precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"])
            try setPrintOptions(precision: try b["precision"].map { try $0.asInt() },
                                threshold: try b["threshold"].map { try $0.asDouble() },
                                edgeitems: try b["edgeitems"].map { try $0.asInt() },
                                linewidth: try b["linewidth"].map { try $0.asInt() },
                                profile: try b["profile"].map { v -> String in guard case .str(let s) = v else { throw PythonError.type("profile must be a string") }; return s },
                                sciMode: try b["sci_mode"].map { try $0.asInt() != 0 })
            return .none
        }
        def("is_tensor") { args in
            if case .tensor = args.positional.first ?? .none { return .bool(true) }
            return .bool(false)
        }
        def("numel") { args in .int(try args.bind("numel", ["input"], required: 1).tensor("input").numel) }
        def("is_grad_enabled") { _ in .bool(GradMode.isEnabled) }
        def("set_grad_enabled") { args in
            // Takes effect at once (function form) and also works as `with torch.set_grad_enabled(False):`.
            let mode = try args.bind("set_grad_enabled", ["mode"], required: 1).bool("mode", true)
            let ctx = GradModeContext(enabled: mode, name: "set_grad_enabled")
            ctx.previous = GradMode.isEnabled
            GradMode.isEnabled = mode
            return .object(ctx)
        }
        def("Size") { [unowned self] args in
            let b = try args.bind("Size", ["sizes"])
            return .size(try b.values["sizes"].map { try self.iterate($0).map { try $0.asInt() } } ?? [])
        }
        def("cat") { [unowned self] args in
            let b = try args.bind("cat", ["tensors", "dim", "out"], required: 1)
            let ts = try self.tensorSequence(b.values["tensors"]!, "cat")
            return .tensor(try Tensor.cat(ts, dim: try b.int("dim", 0)))
        }
        m["concat"] = m["cat"]
        m["concatenate"] = m["cat"]
        def("stack") { [unowned self] args in
            let b = try args.bind("stack", ["tensors", "dim", "out"], required: 1)
            let ts = try self.tensorSequence(b.values["tensors"]!, "stack")
            return .tensor(try Tensor.stack(ts, dim: try b.int("dim", 0)))
        }
        def("where") { [unowned self] args in
            let b = try args.bind("where", ["condition", "input", "other"], required: 3)
            let c = try b.tensor("condition")
            return .tensor(try c.where(try self.toTensorOperand(b.values["input"]!, like: c),
                                       try self.toTensorOperand(b.values["other"]!, like: c)))
        }
        def("allclose") { args in
            let b = try args.bind("allclose", ["input", "other", "rtol", "atol", "equal_nan"], required: 2)
            let x = try b.tensor("input"), y = try b.tensor("other")
            let rtol = try b.double("rtol", 1e-5), atol = try b.double("atol", 1e-8)
            let shape = try Shape.broadcast(x.shape, y.shape)
            let xs = try x.expand(shape).doubles(), ys = try y.expand(shape).doubles()
            return .bool(zip(xs, ys).allSatisfy { Swift.abs($0 - $1) <= atol + rtol * Swift.abs($1) || ($0 == $1) })
        }
        def("equal") { args in
            let b = try args.bind("equal", ["input", "other"], required: 2)
            let x = try b.tensor("input"), y = try b.tensor("other")
            return .bool(try x.shape == y.shape && x.doubles() == y.doubles())
        }
        def("no_grad") { _ in .object(GradModeContext(enabled: false, name: "no_grad")) }
        def("enable_grad") { _ in .object(GradModeContext(enabled: true, name: "enable_grad")) }
        // Functions that are also tensor methods: torch.f(x, ...) is x.f(...), except for the errors
        // PyTorch words differently for the function (`torch.min(t, t, 0)`).
        for name in Interpreter.torchFunctionsFromMethods {
            def(name) { [unowned self] args in
                guard let first = args.positional.first else {
                    guard let kw = args.keywords.first(where: { $0.0 == "input" }) else {
                        throw PythonError.type("\(name)() missing 1 required positional arguments: \"input\"")
                    }
                    var rest = Arguments([], args.keywords.filter { $0.0 != "input" })
                    rest.countsReceiver = true
                    return try self.callMethod(kw.1, name, rest)
                }
                if let overloadError = Interpreter.minMaxOverloadError(name, args) { throw overloadError }
                let receiver: Value
                if case .tensor = first { receiver = first } else if case .list = first, name == "tensor" { receiver = first }
                else { receiver = .tensor(try self.makeTensor(first, dtype: nil)) }
                var rest = Arguments(Array(args.positional.dropFirst()), args.keywords)
                rest.countsReceiver = true
                return try self.callMethod(receiver, name, rest)
            }
        }
        // `torch.Tensor`: the class (for isinstance) and its legacy constructor (float32 data or sizes).
        def("Tensor") { [unowned self] args in
            if args.positional.count == 1, let first = args.positional.first {
                switch first {
                case .list, .tuple, .tensor: return .tensor(try self.makeTensor(first, dtype: .float32))
                default: break
                }
            }
            return .tensor(try Tensor.zeros(try args.positional.map { try $0.asInt() }, dtype: .float32))
        }
        def("get_default_dtype") { _ in .dtype(.float32) }
        def("result_type") { [unowned self] args in
            let b = try args.bind("result_type", ["tensor", "other"], required: 2)
            let x = try b.values["tensor"]!.asTensor()
            return .dtype(Tensor.resultType([x, try self.toTensorOperand(b.values["other"]!, like: x)]))
        }
        def("promote_types") { args in
            let b = try args.bind("promote_types", ["type1", "type2"], required: 2)
            guard case .dtype(let a) = b.values["type1"]!, case .dtype(let c) = b.values["type2"]! else {
                throw PythonError.type("promote_types(): arguments must be dtypes")
            }
            return .dtype(DType.promote(a, c))
        }
        def("can_cast") { args in
            let b = try args.bind("can_cast", ["from_", "to"], required: 2)
            guard case .dtype(let from) = b.values["from_"]!, case .dtype(let to) = b.values["to"]! else {
                throw PythonError.type("can_cast(): arguments must be dtypes")
            }
            // c10::canCast: no float → integral, no non-bool → bool.
            return .bool(!(from.isFloatingPoint && !to.isFloatingPoint) && !(from != .bool && to == .bool))
        }
        let autograd = Namespace("torch.autograd")
        autograd.members["grad"] = .builtin(Builtin("grad") { [unowned self] args in
            let b = try args.bind("grad", ["outputs", "inputs", "grad_outputs", "retain_graph", "create_graph", "allow_unused"], required: 2)
            func tensors(_ v: Value?) throws -> [Tensor] {
                guard let v else { return [] }
                if case .tensor(let t) = v { return [t] }
                return try self.iterate(v).map { try $0.asTensor() }
            }
            let grads = try Tensor.autogradGrad(outputs: try tensors(b.values["outputs"]), inputs: try tensors(b.values["inputs"]),
                                                gradOutputs: try tensors(b["grad_outputs"]).map { $0 },
                                                retainGraph: try b.bool("retain_graph", false), allowUnused: try b.bool("allow_unused", false))
            return .tuple(grads.map { $0.map { .tensor($0) } ?? .none })
        })
        autograd.members["_nnsh_attach"] = .builtin(customFunctionAttach())
        autograd.members["_nnsh_named_alias"] = .builtin(Builtin("_nnsh_named_alias") { args in
            guard args.positional.count == 2, case .tensor(let t) = args.positional[0], case .str(let name) = args.positional[1] else {
                throw PythonError.type("_nnsh_named_alias(tensor, name)")
            }
            return .tensor(t.aliasNode(name))
        })
        autograd.lazyMembers["function"] = { [unowned self] in
            .namespace(try self.loadPythonModule(name: "torch.autograd.function", file: "<nnsh torch/autograd/function.py>",
                                                 source: AutogradLibrary.function))
        }
        autograd.lazyMembers["variable"] = { [unowned self] in
            .namespace(try self.loadPythonModule(name: "torch.autograd.variable", file: "<nnsh torch/autograd/variable.py>",
                                                 source: AutogradLibrary.variable))
        }
        for (member, module) in [("Function", "function"), ("Variable", "variable")] {
            autograd.lazyMembers[member] = { [unowned autograd] in
                guard case .namespace(let ns)? = try autograd.member(module), let v = try ns.member(member) else {
                    throw PythonError("ImportError", "cannot import name '\(member)' from 'torch.autograd'")
                }
                return v
            }
        }
        m["autograd"] = .namespace(autograd)
        let linalg = Namespace("torch.linalg")
        linalg.members["vector_norm"] = .builtin(Builtin("linalg_vector_norm") { args in
            let b = try args.bind("linalg_vector_norm", ["x", "ord", "dim", "keepdim"], required: 1, keywordOnly: ["dtype"])
            var dims: [Int] = []
            if let d = b["dim"], !d.isNone { dims = try d.asIntList("dim", "linalg_vector_norm") }
            let x = try b.dtype().map { try b.tensor("x").castRecording($0) } ?? b.tensor("x")
            return .tensor(try x.vectorNorm(try b.double("ord", 2), dims: dims, keepdim: try b.bool("keepdim", false)))
        })
        linalg.members["norm"] = .builtin(Builtin("linalg_norm") { [unowned self] args in
            let b = try args.bind("linalg_norm", ["input", "ord", "dim", "keepdim"], required: 1, keywordOnly: ["dtype"])
            let x = try b.tensor("input")
            if let ord = b["ord"], !ord.isNone, x.dim >= 2 || (b["dim"].map { !$0.isNone && (try? $0.asIntList("dim", "linalg_norm").count) == 2 } ?? false) {
                throw PythonError("NotImplementedError", "nnsh has no matrix norms yet: torch.linalg.norm(A, ord=\(ord.str)) is not supported")
            }
            return .tensor(try self.normBinding(x, p: b["ord"], dim: b["dim"], keepdim: try b.bool("keepdim", false), dtype: try b.dtype()))
        })
        m["linalg"] = .namespace(linalg)
        // `out=` on the functions PyTorch gives it: the result computed, then written into `out`.
        for name in Interpreter.torchFunctionsWithOut {
            guard case .builtin(let f)? = m[name] else { continue }
            m[name] = .builtin(Builtin(name) { [unowned self] args in
                guard let i = args.keywords.firstIndex(where: { $0.0 == "out" }) else { return try f.call(args) }
                var inner = args
                let outValue = inner.keywords.remove(at: i).1
                if outValue.isNone { return try f.call(inner) }
                guard case .tensor(let out) = outValue else {
                    throw PythonError.type("\(name)(): argument 'out' must be Tensor, not \(outValue.typeName)")
                }
                guard case .tensor(let result) = try f.call(inner) else {
                    throw PythonError.type("nnsh does not support out= in \(name)() for this call")
                }
                let oldShape = out.shape
                if try out.receiveOut(result, function: name) {
                    func list(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }
                    try self.warnFromLibrary("An output with one or more elements was resized since it had shape \(list(oldShape)), which does not match the required output shape \(list(result.shape)). This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Resize.cpp:30.)")
                }
                return .tensor(out)
            })
        }
        torch.members = m
        for (k, v) in makeNNNamespaces() { torch.members[k] = v }
        installLayerModules(into: torch)
        let optim = makeOptimNamespace()
        optim.lazyMembers["lr_scheduler"] = { [unowned self] in
            .namespace(try self.loadPythonModule(name: "torch.optim.lr_scheduler", file: "<nnsh torch/optim/lr_scheduler.py>",
                                                 source: TorchLibrary.lrScheduler))
        }
        torch.members["optim"] = .namespace(optim)
        let utils = Namespace("torch.utils")
        utils.lazyMembers["data"] = { [unowned self] in
            .namespace(try self.loadPythonModule(name: "torch.utils.data", file: "<nnsh torch/utils/data.py>", source: TorchLibrary.data))
        }
        torch.members["utils"] = .namespace(utils)
        // The legacy tensor types, one Python module for the six.
        var legacyTypes: Namespace?
        for name in ["FloatTensor", "DoubleTensor", "LongTensor", "IntTensor", "ByteTensor", "BoolTensor"] {
            torch.lazyMembers[name] = { [unowned self] in
                if legacyTypes == nil {
                    legacyTypes = try self.loadPythonModule(name: "torch", file: "<nnsh torch/_tensor_types.py>", source: AutogradLibrary.legacyTensorTypes)
                }
                return try legacyTypes?.member(name) ?? .none
            }
        }
        // `torch.functional`: the functions PyTorch defines there, those nnsh has (the same objects as torch's).
        torch.lazyMembers["functional"] = { [unowned torch] in
            let ns = Namespace("torch.functional")
            for name in ["atleast_1d", "atleast_2d", "atleast_3d", "broadcast_shapes", "broadcast_tensors", "block_diag", "cartesian_prod",
                         "cdist", "chain_matmul", "einsum", "lu", "meshgrid", "norm", "split", "stft", "tensordot", "unique",
                         "unique_consecutive", "unravel_index"] {
                if let v = try torch.member(name) { ns.members[name] = v }
            }
            return .namespace(ns)
        }
        torch.lazyMembers["random"] = { [unowned self] in
            .namespace(try self.loadPythonModule(name: "torch.random", file: "<nnsh torch/random.py>", source: TorchLibrary.random))
        }

        var top: [String: Value] = [:]
        top["__torch__"] = .namespace(torch)
        // Bare names: `randn(...)`, `tensor(...)`, `Conv2d(...)`.
        for (k, v) in m where top[k] == nil && !["float", "int", "bool", "long", "double", "e", "pi", "inf", "nan", "half"].contains(k) {
            top[k] = v
        }
        if case .namespace(let nn)? = torch.members["nn"] {
            for (k, v) in nn.members where k.first?.isUppercase == true { top[k] = v }
        }
        return top
    }

    /// The torch functions whose PyTorch signatures take `out=` and return one tensor.
    static let torchFunctionsWithOut = [
        "abs", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "neg", "sign", "floor", "ceil", "round", "clamp", "clip",
        "matmul", "mm", "bmm", "mv", "dot", "add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide",
        "pow", "maximum", "minimum", "square", "reciprocal", "rsqrt", "log1p", "expm1", "erf", "exp2", "log2", "log10",
        "trunc", "floor_divide", "remainder", "fmod", "logical_not", "logical_and", "logical_or", "logical_xor", "cumsum",
        "cat", "concat", "concatenate", "stack", "where", "index_select", "masked_select",
    ]

    /// `torch.f(x, …)` that simply call the method `x.f(…)`.
    static let torchFunctionsFromMethods = [
        "abs", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "neg", "sign", "floor", "ceil", "round",
        "clamp", "clip", "sum", "mean", "prod", "max", "min", "argmax", "argmin", "std", "var", "matmul", "mm", "bmm", "mv",
        "dot", "reshape", "flatten", "squeeze", "unsqueeze", "permute", "transpose", "t", "chunk", "split", "add", "sub",
        "mul", "div", "pow", "maximum", "minimum", "square", "reciprocal", "rsqrt", "log1p", "expm1", "erf", "softmax",
        "log_softmax", "eq", "ne", "lt", "le", "gt", "ge", "all", "any", "clone", "detach", "numel", "flip", "exp2", "log2",
        "log10", "trunc", "floor_divide", "remainder", "fmod", "logical_not", "logical_and", "logical_or", "logical_xor", "nonzero", "isnan", "isinf", "isfinite", "true_divide",
        "multiply", "subtract", "divide", "norm", "cumsum", "sort", "argsort", "topk", "masked_fill", "index_select",
        "diag", "diagonal", "diag_embed", "tril", "triu", "trace",
    ]

    /// `torch.tensor(data)`: nested lists/tuples of numbers (or 0-d tensors) with PyTorch's dtype inference.
    func makeTensor(_ data: Value, dtype: DType?) throws -> Tensor {
        if case .tensor(let t) = data { return try t.detach().to(dtype ?? t.dtype, copy: true) }
        if case .object(let a as NDArrayObject) = data { return try a.array.to(dtype ?? a.array.dtype, copy: true) }
        var shape = [Int]()
        var values = [Double]()
        var ints = [Int64]()
        var kind = 0   // 0 bool, 1 int, 2 float
        var sawAny = false
        var leafDepth: Int?
        func walk(_ v: Value, _ depth: Int) throws {
            if depth > 64 { throw PythonError.value("too many dimensions (nesting deeper than 64)") }
            switch v {
            case .list, .tuple, .size:
                // A list where numbers already stood (`[1, []]`): PyTorch's TypeError.
                if let leaf = leafDepth, depth >= leaf { throw PythonError.type("must be real number, not \(v.typeName)") }
                let items = try iterate(v)
                if depth == shape.count { shape.append(items.count) }
                else if depth > shape.count || shape[depth] != items.count {
                    throw PythonError.value("expected sequence of length \(depth < shape.count ? shape[depth] : 0) at dim \(depth) (got \(items.count))")
                }
                for item in items { try walk(item, depth + 1) }
            default:
                if depth < shape.count { throw PythonError.type("not a sequence") }
                if depth != shape.count { throw PythonError.value("expected sequence of length \(shape[depth]) at dim \(depth) (got 0)") }
                leafDepth = depth
                sawAny = true
                switch v {
                case .bool(let b): values.append(b ? 1 : 0); ints.append(b ? 1 : 0)
                case .int(let i): kind = Swift.max(kind, 1); values.append(Double(i)); ints.append(Int64(i))
                case .float(let d): kind = 2; values.append(d); ints.append(Int64(double: d))
                case .tensor(let t) where t.numel == 1 && t.dim == 0:
                    if t.dtype.isFloatingPoint { kind = 2 } else if t.dtype != .bool { kind = Swift.max(kind, 1) }
                    values.append(try t.item()); ints.append(t.flatInt(t.offset))
                case .object(is BigIntObject): throw PythonError.runtime("Overflow when unpacking long")
                default:
                    throw PythonError.type("new(): invalid data type '\(v.typeName)'")
                }
            }
        }
        try walk(data, 0)
        _ = sawAny
        let inferred: DType = kind == 2 ? .float32 : (kind == 1 ? .int64 : (values.isEmpty && shape.last == 0 ? .float32 : .bool))
        let dt = dtype ?? inferred
        let t = try Tensor.zeros(shape, dtype: dt)
        guard values.count == t.numel else { throw PythonError.value("ragged nested sequence: \(values.count) numbers for shape \(Shape.describe(shape))") }
        if dt.isFloatingPoint || kind == 2 {
            for (i, v) in values.enumerated() { t.setFlat(i, v) }
        } else {
            for (i, v) in ints.enumerated() { t.setFlatInt(i, v) }
        }
        return t
    }
}

/// `torch.Generator`: an mt19937 generator of its own (`torch.manual_seed` returns the default one).
final class GeneratorObject: PyObject, TypedObject {
    let generator: Generator
    init(_ generator: Generator) { self.generator = generator }
    static let type = PyType.builtin("Generator", module: "torch._C")
    var pyType: PyType { GeneratorObject.type }
    /// `torch.default_generator`, which `torch.manual_seed` returns.
    nonisolated(unsafe) static let defaultObject = GeneratorObject(Generator.defaultGenerator)
    override var typeName: String { "Generator" }
    override func repr() -> String { "<torch._C.Generator object at \(addressString(self))>" }
    override func attribute(_ name: String) throws -> Value? {
        let g = generator
        func seedValue(_ s: UInt64) -> Value { Value.integer(BigInt(s)) }
        switch name {
        case "manual_seed":
            return .builtin(Builtin("manual_seed", receiver: "Generator object") { [self] args in
                let v = try args.bind("manual_seed", ["seed"], required: 1).values["seed"]!
                guard case .int(let seed) = v else { throw PythonError.type("manual_seed expected a long, but got \(v.typeName)") }
                g.manualSeed(seed)
                return .object(self)
            })
        case "seed": return .builtin(Builtin("seed", receiver: "Generator object") { _ in seedValue(g.seed()) })
        case "initial_seed": return .builtin(Builtin("initial_seed", receiver: "Generator object") { _ in seedValue(g.initialSeed) })
        case "device": return .str("cpu")
        case "get_state":
            return .builtin(Builtin("get_state", receiver: "Generator object") { args in
                _ = try args.bind("get_state", [])
                return .tensor(try rngStateTensor(g))
            })
        case "set_state":
            return .builtin(Builtin("set_state", receiver: "Generator object") { [self] args in
                try setRNGState(g, try args.bind("set_state", ["new_state"], required: 1).values["new_state"]!)
                return .object(self)
            })
        case "clone_state":
            return .builtin(Builtin("clone_state", receiver: "Generator object") { args in
                _ = try args.bind("clone_state", [])
                return .object(GeneratorObject(g.copy()))
            })
        default: return nil
        }
    }
    override var memberNames: [String] { ["manual_seed", "seed", "initial_seed", "device", "get_state", "set_state", "clone_state"] }
}

extension Tensor {
    /// `torch.normal(mean, std)` with a tensor mean or std (`normal_out_impl`): N(0, 1) — or N(0, std) for a
    /// number std — drawn into the broadcast shape, then `mul_(std)` and `add_(mean)` in that order.
    static func normal(mean: Value, std: Value, generator: Generator?) throws -> Tensor {
        func check(_ s: Tensor) throws {
            if s.numel > 0, try s.doubles().contains(where: { !($0 >= 0) }) {
                throw TorchError.runtime("normal expects all elements of std >= 0.0")
            }
        }
        switch (mean, std) {
        case (.tensor(let m), .tensor(let s)):
            try check(s)
            let out = try Tensor.zeros(try Shape.broadcast(m.shape, s.shape), dtype: m.dtype)
            try Torch.normal_(out, mean: 0, std: 1, generator: generator)
            return try GradMode.withoutGrad { try Tensor.binary(Tensor.binary(out, s, .mul), m, .add) }
        case (.tensor(let m), _):
            let sd = try std.asDouble()
            let out = try Tensor.emptyLike(m)
            try Torch.normal_(out, mean: 0, std: sd, generator: generator)
            return try GradMode.withoutGrad { try Tensor.binary(out, m, .add) }
        case (_, .tensor(let s)):
            try check(s)
            let out = try Tensor.emptyLike(s)
            try Torch.normal_(out, mean: 0, std: 1, generator: generator)
            let m = try Tensor.from(doubles: [try mean.asDouble()], shape: [], dtype: s.dtype)
            return try GradMode.withoutGrad { try Tensor.binary(Tensor.binary(out, s, .mul), m, .add) }
        default:
            throw PythonError.type("normal(): mean or std must be a tensor here")
        }
    }
}

/// `get_state()` as PyTorch returns it: a 5056-byte uint8 tensor.
func rngStateTensor(_ g: Generator) throws -> Tensor {
    try Tensor.from(ints: g.stateBytes().map { Int64($0) }, shape: [Generator.stateByteCount], dtype: .uint8)
}

/// `set_state(new_state)` with the binding's and `check_rng_state`'s errors.
func setRNGState(_ g: Generator, _ v: Value) throws {
    guard case .tensor(let t) = v else { throw PythonError.type("expected a torch.ByteTensor, but got \(v.typeName)") }
    guard t.dtype == .uint8 else { throw PythonError.type("RNG state must be a torch.ByteTensor") }
    guard t.isContiguous else { throw PythonError.runtime("RNG state must be contiguous") }
    try g.setState(try t.ints().map { UInt8(truncatingIfNeeded: $0) })
}

extension BoundArguments {
    /// A `generator=` argument: nil for the default generator.
    func generator() throws -> Generator? {
        guard let v = self["generator"] else { return nil }
        guard case .object(let g as GeneratorObject) = v else {
            throw PythonError.type("\(function)(): argument 'generator' must be torch.Generator, not \(v.typeName)")
        }
        return g.generator
    }
}

/// An object usable in a `with` statement.
protocol ContextManager: AnyObject {
    func enter() throws -> Value
    func exit()
}

/// `torch.no_grad()`, `torch.enable_grad()`, `torch.set_grad_enabled(mode)` as contexts.
final class GradModeContext: PyObject, ContextManager {
    let enabled: Bool
    let name: String
    var previous: Bool?
    init(enabled: Bool, name: String) { self.enabled = enabled; self.name = name }
    override var typeName: String { name }
    override func repr() -> String { "<torch.autograd.grad_mode.\(name) object>" }
    func enter() throws -> Value {
        if previous == nil { previous = GradMode.isEnabled }
        GradMode.isEnabled = enabled
        return .none
    }
    func exit() { GradMode.isEnabled = previous ?? true }
}

extension Interpreter {
    /// `torch.min(x, other, …)` / `torch.max` with more than the two tensors: PyTorch's overload
    /// error, which lists the overloads (the method form says `argument 'dim' … must be int`).
    static func minMaxOverloadError(_ name: String, _ args: Arguments) -> PythonError? {
        guard name == "min" || name == "max", args.positional.count >= 2, case .tensor = args.positional[1] else { return nil }
        let extraKeywords = args.keywords.map(\.0).filter { $0 != "out" }
        if args.positional.count > 3 {
            return PythonError.type("\(name)() takes from 2 to 3 positional arguments but \(args.positional.count) were given")
        }
        guard args.positional.count == 3 || !extraKeywords.isEmpty else { return nil }
        let got = args.positional.map(\.typeName) + args.keywords.map { "\($0.0)=\($0.1.typeName)" }
        let mismatch: String
        if args.positional.count == 3 {
            let marked = args.positional.enumerated().map { $0.offset == 0 ? $0.element.typeName : "!\($0.element.typeName)!" }
            mismatch = "some of the arguments have invalid types: (\(marked.joined(separator: ", ")))"
        } else {
            mismatch = "some of the keywords were incorrect: \(extraKeywords.joined(separator: ", "))"
        }
        return PythonError.type("""
            \(name)() received an invalid combination of arguments - got (\(got.joined(separator: ", "))), but expected one of:
             * (Tensor input, *, Tensor out = None)
                  didn't match because \(mismatch)
             * (Tensor input, Tensor other, *, Tensor out = None)
             * (Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)

            """)
    }
}

extension Interpreter {
    /// The `tensors` argument of `torch.cat` / `torch.stack`, checked as PyTorch's argument parser does.
    func tensorSequence(_ v: Value, _ function: String) throws -> [Tensor] {
        let items: [Value]
        switch v {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        default:
            throw PythonError.type("\(function)(): argument 'tensors' (position 1) must be tuple of Tensors, not \(v.typeName)")
        }
        return try items.enumerated().map { i, item in
            guard case .tensor(let t) = item else {
                throw PythonError.type("expected Tensor as element \(i) in argument 0, but got \(item.typeName)")
            }
            return t
        }
    }
}
