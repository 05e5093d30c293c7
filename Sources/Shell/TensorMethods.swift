import Foundation
import Torch

/// Tensor attributes (`shape`, `grad`, `requires_grad`, …) and methods (`view`, `sum`, `add_`, …).
extension Interpreter {
    static let tensorAttributeNames = [
        "shape", "dtype", "ndim", "grad", "grad_fn", "requires_grad", "is_leaf", "retains_grad", "data", "T", "mT", "device", "layout", "names", "is_cuda",
    ]

    static let tensorMethodNames = [
        "size", "dim", "numel", "nelement", "item", "tolist", "view", "view_as", "reshape", "reshape_as", "flatten", "unsqueeze",
        "unsqueeze_", "squeeze", "squeeze_", "permute", "transpose", "t", "contiguous", "is_contiguous", "expand", "expand_as",
        "repeat", "stride", "storage_offset", "element_size", "sum", "mean", "prod", "max", "min", "argmax", "argmin", "std", "var",
        "abs", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "neg", "sign", "floor", "ceil", "round", "trunc",
        "clamp", "clamp_", "clip", "pow", "add", "sub", "mul", "div", "matmul", "mm", "bmm", "mv", "dot", "add_", "sub_", "mul_",
        "div_", "pow_", "fill_", "zero_", "copy_", "normal_", "uniform_", "random_", "bernoulli_", "clone", "detach",
        "detach_", "requires_grad_", "backward", "retain_grad", "float", "double", "long", "int", "bool", "half", "byte", "to",
        "type", "cpu", "cuda", "numpy", "eq", "ne", "lt", "le", "gt", "ge", "all", "any", "split", "chunk", "softmax", "log_softmax",
        "square", "reciprocal", "rsqrt", "log1p", "expm1", "erf", "maximum", "minimum", "neg_", "abs_", "exp_", "relu_",
        "sigmoid_", "tanh_", "sqrt_", "floor_divide", "remainder", "fmod", "flip", "logical_not", "logical_and", "logical_or", "logical_xor", "nonzero", "isnan", "isinf", "isfinite",
        "true_divide", "multiply", "subtract", "divide", "norm", "cumsum", "sort", "argsort", "topk", "masked_fill",
        "masked_fill_", "index_select", "unbind", "narrow", "unfold", "select", "new_zeros", "new_ones", "new_empty", "new_full", "new_tensor",
        "zeros_like", "type_as", "is_floating_point", "apply_", "map_", "square_", "exp2", "log2", "log10", "data_ptr", "register_hook",
        "log_", "sin_", "cos_", "reciprocal_", "rsqrt_", "log1p_", "expm1_", "erf_", "floor_", "ceil_", "round_", "trunc_", "sign_",
        "exp2_", "log2_", "log10_", "exponential_", "multinomial", "diag", "diagonal", "diag_embed", "tril", "triu", "tril_", "triu_", "trace",
    ]

    /// The methods PyTorch defines without parameters (`METH_NOARGS`: `x.relu(1)` is "TensorBase.relu() takes
    /// no arguments (1 given)"); found by calling each of `tensorMethodNames` with one argument in PyTorch 2.15.
    static let argumentlessMethods: Set<String> = [
        "dim", "numel", "nelement", "item", "tolist", "t", "storage_offset", "element_size", "data_ptr", "abs", "exp", "log", "sqrt", "sin",
        "cos", "tanh", "sigmoid", "relu", "neg", "sign", "floor", "ceil", "trunc", "zero_", "detach", "detach_", "retain_grad",
        "square", "reciprocal", "rsqrt", "log1p", "expm1", "erf", "neg_", "abs_", "exp_", "relu_", "sigmoid_", "tanh_", "sqrt_",
        "logical_not", "isnan", "isinf", "isfinite", "is_floating_point", "square_", "exp2", "log2", "log10",
        "log_", "sin_", "cos_", "reciprocal_", "rsqrt_", "log1p_", "expm1_", "erf_", "floor_", "ceil_", "trunc_", "sign_",
        "exp2_", "log2_", "log10_", "trace",
    ]

    /// Names `tensorAttribute` answers with a bound method (the others in its `switch` are attributes).
    static let tensorMethodSet = Set(tensorMethodNames.filter {
        !["shape", "dtype", "ndim", "grad", "grad_fn", "requires_grad", "is_leaf", "retains_grad", "data", "T", "mT", "device", "is_cuda"].contains($0)
    })

    func tensorAttribute(_ t: Tensor, _ name: String) throws -> Value? {
        switch name {
        case "shape": return .size(t.shape)
        case "dtype": return .dtype(t.dtype)
        case "ndim": return .int(t.dim)
        case "grad": return t.grad.map { Value.tensor($0) } ?? Value.none
        case "grad_fn": return t.gradFn.map { Value.object(GradFnObject($0)) } ?? Value.none
        case "requires_grad": return .bool(t.requiresGrad)
        case "is_leaf": return .bool(t.isLeaf)
        case "retains_grad": return .bool(t.retainsGrad)
        case "data": return .tensor(t.detach())
        case "T":
            return .tensor(try t.permute(Array((0..<t.dim).reversed())))
        case "mT": return .tensor(try t.transpose(-2, -1))
        case "device": return .object(DeviceObject.cpu)
        case "is_cuda": return .bool(false)
        default: break
        }
        guard Interpreter.tensorMethodNames.contains(name) else { return nil }
        let receiver = Value.tensor(t)
        let method = Builtin(name, receiver: "Tensor object") { [unowned self] args in
            try self.callMethod(receiver, name, args)
        }
        // Hooks that warn during backward (module backward hooks) report the backward() line.
        if name == "backward" { method.wantsCallerScope = true }
        return .builtin(method)
    }

    func setTensorAttribute(_ t: Tensor, _ name: String, _ value: Value) throws {
        switch name {
        case "requires_grad":
            guard case .bool(let b) = value else { throw PythonError.type("requires_grad must be a bool") }
            try t.setRequiresGrad(b, dtypeMessage: "only Tensors of floating point and complex dtype can require gradients")
        case "grad":
            switch value {
            case .none: t.grad = nil
            case .tensor(let g):
                guard g.shape == t.shape else {
                    throw PythonError.runtime("attempting to assign a gradient of size '\(Shape.describe(g.shape))' to a tensor of size '\(Shape.describe(t.shape))'. Please ensure that the gradient and the tensor are the same size")
                }
                t.grad = g
            default: throw PythonError.type("assigned grad expected to be a Tensor or None but got grad of type \(value.typeName)")
            }
        case "data":
            guard case .tensor(let src) = value else { throw PythonError.type("Variable data has to be a tensor, but got \(value.typeName)") }
            t.replaceData(with: src)
        default:
            throw PythonError.attribute("'Tensor' object has no attribute '\(name)'")
        }
    }

    /// Calls method `name` on a tensor receiver (also used for `torch.f(x, …)`).
    func callMethod(_ receiver: Value, _ name: String, _ args: Arguments) throws -> Value {
        guard case .tensor(let x) = receiver else {
            return try call(try getAttribute(receiver, name), args)
        }
        if Interpreter.argumentlessMethods.contains(name), !args.positional.isEmpty || !args.keywords.isEmpty {
            // The function form binds like any function (`relu() takes 1 positional argument but 2 were given`);
            // the method is a C method without parameters and CPython words it so.
            if args.countsReceiver { _ = try args.bind(name, []) }
            if !args.keywords.isEmpty { throw PythonError.type("TensorBase.\(name)() takes no keyword arguments") }
            throw PythonError.type("TensorBase.\(name)() takes no arguments (\(args.positional.count) given)")
        }
        func dims(_ a: Arguments, _ fn: String) throws -> [Int] {
            if a.positional.count == 1, case .int = a.positional[0] { return [try a.positional[0].asInt()] }
            if a.positional.count == 1 { return try a.positional[0].asIntList("size", fn) }
            if let kw = a.keywords.first(where: { ["size", "shape", "dims"].contains($0.0) }) { return try kw.1.asIntList(kw.0, fn) }
            return try a.positional.map { try $0.asInt("size", fn) }
        }
        func other(_ b: BoundArguments, _ key: String = "other") throws -> Tensor {
            guard let v = b.values[key] else { throw PythonError.type("\(name)() missing 1 required positional arguments: \"\(key)\"") }
            return try toTensorOperand(v, like: x)
        }
        func optionalDims(_ v: Value?) throws -> [Int]? {
            guard let v, !v.isNone else { return nil }
            return try v.asIntList("dim", name)
        }
        /// `sum`/`mean`/`prod` with `dim`, `keepdim` and `dtype` (the input is cast first, as PyTorch does).
        func reduction(_ op: ((Tensor, [Int], Bool) throws -> Tensor)) throws -> Value {
            let b = try args.bind(name, ["dim", "keepdim", "dtype"])
            let ds = try optionalDims(b.values["dim"]) ?? []
            let input = try b.dtype().map { try x.castRecording($0) } ?? x
            return .tensor(try op(input, ds, try b.bool("keepdim", false)))
        }
        func unaryOp(_ op: UnaryOp) throws -> Value {
            _ = try args.bind(name, [])
            return .tensor(try x.unary(op))
        }
        func inPlaceUnary(_ op: UnaryOp) throws -> Value {
            try x.unaryInPlace(op)
            return receiver
        }
        // `alpha` is keyword-only and only add/sub take it (`x.add(y, 2)` and `x.mul(y, alpha=2)` are TypeErrors).
        let alphaKeyword = ["add", "sub", "subtract", "add_", "sub_"].contains(name) ? ["alpha"] : []
        func binaryOp(_ op: BinaryOp) throws -> Value {
            let b = try args.bind(name, ["other"], required: 1, keywordOnly: alphaKeyword)
            var o = try other(b)
            if let alpha = b["alpha"] { o = try Tensor.binary(o, toTensorOperand(alpha, like: x), .mul) }
            return .tensor(try Tensor.binary(x, o, op))
        }
        func inPlaceBinary(_ op: BinaryOp) throws -> Value {
            let b = try args.bind(name, ["other"], required: 1, keywordOnly: alphaKeyword)
            var o = try other(b)
            if let alpha = b["alpha"] { o = try Tensor.binary(o, toTensorOperand(alpha, like: x), .mul) }
            try x.applyInPlace(op, o)
            return receiver
        }
        func cast(_ d: DType) throws -> Value { _ = try args.bind(name, ["memory_format"]); return .tensor(try x.castRecording(d)) }

        switch name {
        case "size":
            let b = try args.bind("size", ["dim"])
            if let d = b["dim"] { return .int(x.shape[try Shape.wrapRealDim(try d.asInt(), x.dim)]) }
            return .size(x.shape)
        case "dim", "ndimension": return .int(x.dim)
        case "numel", "nelement": return .int(x.numel)
        case "element_size": return .int(x.dtype.itemSize)
        case "data_ptr":
            // The address of the first element: views of one storage differ by their offsets.
            let base = Int(bitPattern: UnsafeMutableRawPointer(x.storage.pointer(UInt8.self)))
            return .int(base &+ x.offset &* x.dtype.itemSize)
        case "stride":
            let b = try args.bind("stride", ["dim"])
            if let d = b["dim"] { return .int(x.strides[try Shape.wrapRealDim(try d.asInt(), x.dim)]) }
            return .tuple(x.strides.map { .int($0) })
        case "storage_offset": return .int(x.offset)
        case "is_contiguous": return .bool(x.isContiguous)
        case "is_floating_point": return .bool(x.dtype.isFloatingPoint)
        case "item":
            guard x.numel == 1 else { throw PythonError.runtime("a Tensor with \(x.numel) elements cannot be converted to Scalar") }
            return scalarValue(x, x.storageOffset(of: [Int](repeating: 0, count: x.dim)))
        case "tolist": return try toList(x)
        case "view":
            if let first = args.positional.first, case .dtype = first { throw PythonError.runtime("view(dtype) is not supported by nnsh") }
            return .tensor(try x.view(try dims(args, "view")))
        case "reshape": return .tensor(try x.reshape(try dims(args, "reshape")))
        case "view_as", "reshape_as": return .tensor(try x.reshape(try args.bind(name, ["other"], required: 1).tensor("other").shape))
        case "expand": return .tensor(try x.expand(try dims(args, "expand")))
        case "expand_as": return .tensor(try x.expand(try args.bind(name, ["other"], required: 1).tensor("other").shape))
        case "repeat":
            if args.positional.isEmpty && args.keywords.isEmpty {
                throw PythonError.type("repeat() missing 1 required positional arguments: \"repeats\"")
            }
            let reps = try dims(args, "repeat")
            return .tensor(try x.repeatTiles(reps))
        case "flatten":
            let b = try args.bind("flatten", ["start_dim", "end_dim"])
            return .tensor(try x.flatten(startDim: try b.int("start_dim", 0), endDim: try b.int("end_dim", -1)))
        case "unsqueeze": return .tensor(try x.unsqueeze(try args.bind(name, ["dim"], required: 1).int("dim")))
        case "squeeze":
            let b = try args.bind(name, ["dim"])
            if let d = b["dim"], case .tuple(let ds) = d {
                var r = x
                for dd in try ds.map({ try $0.asInt() }).sorted(by: >) { r = try r.squeeze(dd) }
                return .tensor(r)
            }
            return .tensor(try x.squeeze(try b["dim"].map { try $0.asInt() }))
        case "unsqueeze_", "squeeze_":
            let b = try args.bind(name, ["dim"], required: name == "unsqueeze_" ? 1 : 0)
            let r = name == "unsqueeze_" ? try x.unsqueeze(try b.int("dim")) : try x.squeeze(try b["dim"].map { try $0.asInt() })
            x.adoptGeometry(of: r)
            return receiver
        case "permute": return .tensor(try x.permute(try dims(args, "permute")))
        case "transpose", "swapaxes", "swapdims":
            let b = try args.bind(name, ["dim0", "dim1"], required: 2)
            return .tensor(try x.transpose(try b.int("dim0"), try b.int("dim1")))
        case "t": return .tensor(try x.t())
        case "contiguous": return .tensor(try x.contiguous())
        case "clone": return .tensor(try x.clone())
        case "detach": return .tensor(x.detach())
        case "detach_": x.detachInPlace(); return receiver
        case "unfold":
            let b = try args.bind(name, ["dimension", "size", "step"], required: 3)
            return .tensor(try x.unfold(try b.int("dimension"), size: try b.int("size"), step: try b.int("step")))
        case "narrow":
            let b = try args.bind(name, ["dim", "start", "length"], required: 3)
            return .tensor(try x.narrow(try b.int("dim"), try b.int("start"), try b.int("length")))
        case "select":
            let b = try args.bind(name, ["dim", "index"], required: 2)
            return .tensor(try x.select(try b.int("dim"), try b.int("index")))
        case "unbind":
            let d = try args.bind(name, ["dim"]).int("dim", 0)
            let at = try Shape.wrapRealDim(d, x.dim)
            try checkCollectionSize(x.shape[at])
            return .tuple(try (0..<x.shape[at]).map { .tensor(try x.select(at, $0)) })
        case "split":
            let b = try args.bind(name, ["split_size_or_sections", "dim"], required: 1)
            let s = b.values["split_size_or_sections"]!
            let parts: [Tensor]
            if case .int(let n) = s { parts = try x.split(n, dim: try b.int("dim", 0)) }
            else { parts = try x.split(sizes: try s.asIntList(), dim: try b.int("dim", 0)) }
            return .tuple(parts.map { .tensor($0) })
        case "chunk":
            let b = try args.bind(name, ["chunks", "dim"], required: 1)
            return .tuple(try x.chunk(try b.int("chunks"), dim: try b.int("dim", 0)).map { .tensor($0) })
        case "sum":
            return try reduction { try $0.sum(dims: $1, keepdim: $2) }
        case "mean": return try reduction { try $0.mean(dims: $1, keepdim: $2) }
        case "prod": return try reduction { try $0.prod(dims: $1, keepdim: $2) }
        case "std", "var":
            let b = try args.bind(name, ["dim", "unbiased", "keepdim", "correction"])
            var correction = try b.double("correction", 1)
            if let u = b["unbiased"] { correction = try truthy(u) ? 1 : 0 }
            return .tensor(try x.variance(dims: try optionalDims(b.values["dim"]) ?? [], correction: correction,
                                          keepdim: try b.bool("keepdim", false), std: name == "std"))
        case "max", "min":
            let isMax = name == "max"
            if let first = args.positional.first, case .tensor(let o) = first {
                // x.min(other) takes nothing else; PyTorch reads anything more as the (dim) overload.
                guard args.positional.count == 1 && args.keywords.isEmpty else {
                    throw PythonError.type("\(name)(): argument 'dim' (position 1) must be int, not \(first.typeName)")
                }
                return .tensor(try Tensor.binary(x, o, isMax ? .maximum : .minimum))
            }
            let b = try args.bind(name, ["dim", "keepdim"])
            guard let d = b["dim"] else { return .tensor(try x.extreme(isMax)) }
            let (v, i) = try x.extreme(isMax, dim: try d.asInt(), keepdim: try b.bool("keepdim", false))
            return .object(NamedTupleObject(name: "torch.return_types.\(name)", fields: [("values", .tensor(v)), ("indices", .tensor(i))]))
        case "argmax", "argmin":
            let b = try args.bind(name, ["dim", "keepdim"])
            return .tensor(try x.argExtreme(name == "argmax", dim: try b["dim"].map { try $0.asInt() }, keepdim: try b.bool("keepdim", false)))
        case "all", "any":
            let b = try args.bind(name, ["dim", "keepdim"])
            let r = try x.logicalReduce(all: name == "all", dims: try optionalDims(b.values["dim"]) ?? [], keepdim: try b.bool("keepdim", false))
            return .tensor(r)
        case "abs": return try unaryOp(.abs)
        case "exp": return try unaryOp(.exp)
        case "exp2": return try unaryOp(.exp2)
        case "log": return try unaryOp(.log)
        case "log2": return try unaryOp(.log2)
        case "log10": return try unaryOp(.log10)
        case "sqrt": return try unaryOp(.sqrt)
        case "sin": return try unaryOp(.sin)
        case "cos": return try unaryOp(.cos)
        case "tanh": return try unaryOp(.tanh)
        case "sigmoid": return try unaryOp(.sigmoid)
        case "relu": return try unaryOp(.relu)
        case "neg", "negative": return try unaryOp(.neg)
        case "sign": return try unaryOp(.sign)
        case "floor": return try unaryOp(.floor)
        case "ceil": return try unaryOp(.ceil)
        case "trunc": return try unaryOp(.trunc)
        case "round":
            // round(decimals=d): nearbyint(x * 10^d) / 10^d (d < 0: nearbyint(x / 10^-d) * 10^-d), as ATen does.
            let d = try args.bind(name, ["decimals"]).int("decimals", 0)
            if d == 0 { return .tensor(try x.unary(.round)) }
            return .tensor(try x.rounded(decimals: d))
        case "square": return try unaryOp(.square)
        case "reciprocal": return try unaryOp(.reciprocal)
        case "rsqrt": return try unaryOp(.rsqrt)
        case "log1p": return try unaryOp(.log1p)
        case "expm1": return try unaryOp(.expm1)
        case "erf": return try unaryOp(.erf)
        case "neg_": return try inPlaceUnary(.neg)
        case "abs_": return try inPlaceUnary(.abs)
        case "exp_": return try inPlaceUnary(.exp)
        case "relu_": return try inPlaceUnary(.relu)
        case "sigmoid_": return try inPlaceUnary(.sigmoid)
        case "tanh_": return try inPlaceUnary(.tanh)
        case "sqrt_": return try inPlaceUnary(.sqrt)
        case "square_": return try inPlaceUnary(.square)
        case "log_": return try inPlaceUnary(.log)
        case "sin_": return try inPlaceUnary(.sin)
        case "cos_": return try inPlaceUnary(.cos)
        case "reciprocal_": return try inPlaceUnary(.reciprocal)
        case "rsqrt_": return try inPlaceUnary(.rsqrt)
        case "log1p_": return try inPlaceUnary(.log1p)
        case "expm1_": return try inPlaceUnary(.expm1)
        case "erf_": return try inPlaceUnary(.erf)
        case "floor_": return try inPlaceUnary(.floor)
        case "ceil_": return try inPlaceUnary(.ceil)
        case "trunc_": return try inPlaceUnary(.trunc)
        case "sign_": return try inPlaceUnary(.sign)
        case "exp2_": return try inPlaceUnary(.exp2)
        case "log2_": return try inPlaceUnary(.log2)
        case "log10_": return try inPlaceUnary(.log10)
        case "diag":
            return .tensor(try x.diag(try args.bind(name, ["diagonal"]).int("diagonal", 0)))
        case "diagonal":
            let b = try args.bind(name, ["offset", "dim1", "dim2"])
            return .tensor(try x.diagonal(offset: try b.int("offset", 0), dim1: try b.int("dim1", 0), dim2: try b.int("dim2", 1)))
        case "diag_embed":
            let b = try args.bind(name, ["offset", "dim1", "dim2"])
            return .tensor(try x.diagEmbed(offset: try b.int("offset", 0), dim1: try b.int("dim1", -2), dim2: try b.int("dim2", -1)))
        case "tril", "triu":
            return .tensor(try x.triangle(lower: name == "tril", try args.bind(name, ["diagonal"]).int("diagonal", 0)))
        case "tril_", "triu_":
            let k = try args.bind(name, ["diagonal"]).int("diagonal", 0)
            try x.updateInPlace { try $0.triangle(lower: name == "tril_", k) }
            return receiver
        case "trace": return .tensor(try x.trace())
        case "round_":
            let d = try args.bind(name, ["decimals"]).int("decimals", 0)
            try x.updateInPlace { d == 0 ? try $0.unary(.round) : try $0.rounded(decimals: d) }
            return receiver
        case "logical_not": return .tensor(try Tensor.compareValues(x.to(.bool), Tensor.wrapped(bool: false), .eq))
        case "isnan": return .tensor(try Tensor.compareValues(x, x, .ne))
        case "isinf": return .tensor(try x.abs().mapToBool { $0.isInfinite })
        case "isfinite": return .tensor(try x.mapToBool { $0.isFinite })
        case "clamp", "clip", "clamp_":
            let b = try args.bind(name, ["min", "max"])
            let r = try x.clamp(min: try b["min"].map { try $0.asDouble() }, max: try b["max"].map { try $0.asDouble() })
            if name == "clamp_" {
                let lo = try b["min"].map { try $0.asDouble() }, hi = try b["max"].map { try $0.asDouble() }
                try x.updateInPlace { try $0.clamp(min: lo, max: hi) }
                return receiver
            }
            return .tensor(r)
        case "pow":
            let b = try args.bind(name, ["exponent"], required: 1)
            return .tensor(try Tensor.binary(x, try toTensorOperand(b.values["exponent"]!, like: x), .pow))
        case "pow_": return try inPlaceBinary(.pow)
        case "add": return try binaryOp(.add)
        case "sub", "subtract": return try binaryOp(.sub)
        case "mul", "multiply": return try binaryOp(.mul)
        case "div", "divide", "true_divide":
            let b = try args.bind(name, ["other", "rounding_mode"], required: 1)
            let o = try other(b)
            switch b["rounding_mode"] {
            case .str("floor")?: return .tensor(try Tensor.binary(x, o, .floorDiv))
            case .str("trunc")?: return .tensor(try Tensor.binary(x, o, .div).unary(.trunc).to(Tensor.resultType([x, o])))
            default: return .tensor(try Tensor.binary(x, o, .div))
            }
        case "floor_divide": return try binaryOp(.floorDiv)
        case "remainder": return try binaryOp(.remainder)
        case "fmod": return try binaryOp(.fmod)
        case "maximum": return try binaryOp(.maximum)
        case "minimum": return try binaryOp(.minimum)
        case "eq": return try binaryOp(.eq)
        case "ne": return try binaryOp(.ne)
        case "lt": return try binaryOp(.lt)
        case "le": return try binaryOp(.le)
        case "gt": return try binaryOp(.gt)
        case "ge": return try binaryOp(.ge)
        case "nonzero": return .tensor(try x.nonzero())
        case "logical_and": return try binaryOp(.logicalAnd)
        case "logical_or": return try binaryOp(.logicalOr)
        case "logical_xor": return try binaryOp(.logicalXor)
        case "add_": return try inPlaceBinary(.add)
        case "sub_": return try inPlaceBinary(.sub)
        case "mul_": return try inPlaceBinary(.mul)
        case "div_": return try inPlaceBinary(.div)
        case "matmul": return .tensor(try Tensor.matmul(x, try args.bind(name, ["other"], required: 1).tensor("other")))
        case "mm": return .tensor(try Tensor.mm(x, try args.bind(name, ["mat2"], required: 1).tensor("mat2")))
        case "bmm": return .tensor(try Tensor.bmm(x, try args.bind(name, ["mat2"], required: 1).tensor("mat2")))
        case "mv": return .tensor(try Tensor.mv(x, try args.bind(name, ["vec"], required: 1).tensor("vec")))
        case "dot": return .tensor(try Tensor.dot(x, try args.bind(name, ["other"], required: 1).tensor("other")))
        case "fill_":
            let v = try args.bind(name, ["value"], required: 1).values["value"]!
            try x.checkInPlace()
            if case .int(let i) = v, !x.dtype.isFloatingPoint { try x.fillInt(Int64(i)) } else { try x.fill(try v.asDouble()) }
            return receiver
        case "zero_":
            try x.checkInPlace(); try x.fill(0); return receiver
        case "copy_":
            try x.copy_(try args.bind(name, ["src", "non_blocking"], required: 1).tensor("src")); return receiver
        case "normal_":
            let b = try args.bind(name, ["mean", "std", "generator"])
            try x.checkInPlace()
            try normal_(x, mean: try b.double("mean", 0), std: try b.double("std", 1), generator: try b.generator()); return receiver
        case "uniform_":
            let b = try args.bind(name, ["from", "to", "generator"])
            try x.checkInPlace()
            try uniform_(x, from: try b.double("from", 0), to: try b.double("to", 1), generator: try b.generator()); return receiver
        case "random_":
            let b = try args.bind(name, ["from", "to", "generator"])
            try x.checkInPlace()
            let g = try b.generator()
            if let to = b["to"] { try random_(x, from: Int64(try b.int("from", 0)), to: Int64(try to.asInt()), generator: g) }
            else if let from = b["from"] { try random_(x, from: 0, to: Int64(try from.asInt()), generator: g) }
            else { try random_(x, generator: g) }
            return receiver
        case "bernoulli_":
            let b = try args.bind(name, ["p", "generator"])
            try x.checkInPlace()
            try bernoulli_(x, p: try b.double("p", 0.5), generator: try b.generator()); return receiver
        case "exponential_":
            let b = try args.bind(name, ["lambd"], keywordOnly: ["generator"])
            try x.checkInPlace()
            try exponential_(x, lambda: try b.double("lambd", 1), generator: try b.generator()); return receiver
        case "multinomial":
            let b = try args.bind(name, ["num_samples", "replacement"], required: 1, keywordOnly: ["generator"])
            return .tensor(try Tensor.multinomial(x, try b.int("num_samples"), replacement: try b.bool("replacement", false), generator: try b.generator()))
        case "requires_grad_":
            let flag = try args.bind(name, ["requires_grad"]).bool("requires_grad", true)
            try x.setRequiresGrad(flag, dtypeMessage: "only Tensors of floating point dtype can require gradients"); return receiver
        case "retain_grad": try x.retainGrad(); return .none
        case "register_hook":
            let hook = try args.bind(name, ["hook"], required: 1).values["hook"]!
            guard x.requiresGrad else {
                throw PythonError.runtime("cannot register a hook on a tensor that doesn't require gradient")
            }
            ModuleState.nextHookID += 1
            let id = ModuleState.nextHookID
            x.gradHooks.append((id, { [unowned self] g in
                let r = try self.call(hook, Arguments([.tensor(g)]))
                switch r {
                case .none: return nil
                case .tensor(let t):
                    guard t.shape == g.shape else {
                        throw PythonError.runtime("hook 'hook' has changed the size of value")
                    }
                    return t
                default: throw PythonError.type("expected a Tensor or None from a tensor hook, got \(r.typeName)")
                }
            }))
            return .object(RemovableHandle(id: id) { [weak x] in x?.gradHooks.removeAll { $0.id == id } })
        case "backward":
            let b = try args.bind(name, ["gradient", "retain_graph", "create_graph", "inputs"])
            try x.backward(try b["gradient"].map { try $0.asTensor("gradient", "backward") }, retainGraph: try b.bool("retain_graph", false))
            return .none
        case "float": return try cast(.float32)
        case "double": return try cast(.float64)
        case "long": return try cast(.int64)
        case "int": return try cast(.int32)
        case "bool": return try cast(.bool)
        case "byte": return try cast(.uint8)
        case "half": return try cast(.float32)
        case "numpy":
            if x.requiresGrad {
                throw PythonError.runtime("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            // Shares the tensor's memory, as PyTorch's does.
            return .object(NDArrayObject(x))
        case "cpu": return receiver
        case "cuda":
            _ = try args.bind("cuda", ["device", "non_blocking", "memory_format"])
            throw PythonError("AssertionError", "Torch not compiled with CUDA enabled")
        case "type_as": return .tensor(try x.castRecording(try args.bind(name, ["other"], required: 1).tensor("other").dtype))
        case "to", "type":
            var target: DType?
            for v in args.positional {
                if case .dtype(let d) = v { target = d }
                if case .tensor(let o) = v { target = o.dtype }
                if name == "type" {
                    // `x.type('torch.LongTensor')` and `x.type(torch.LongTensor)`: the legacy type names.
                    var typeName: String?
                    if case .str(let s) = v { typeName = s }
                    if case .object(let c as PyType) = v, c.name.hasSuffix("Tensor") { typeName = "torch." + c.name }
                    if let typeName {
                        guard let d = DType.allCases.first(where: { $0.legacyTensorType == typeName }) else {
                            throw PythonError.value("invalid type: '\(typeName)'")
                        }
                        target = d
                    }
                }
                if name == "to" { try DeviceObject.requireCPU(v) }
            }
            if let kw = args.keywords.first(where: { $0.0 == "device" }) { try DeviceObject.requireCPU(kw.1) }
            if let kw = args.keywords.first(where: { $0.0 == "dtype" }), case .dtype(let d) = kw.1 { target = d }
            if name == "type" && target == nil { return .str(x.dtype.legacyTensorType) }
            guard let t = target else { return receiver }
            return .tensor(try x.castRecording(t))
        case "softmax", "log_softmax":
            let b = try args.bind(name, ["dim", "dtype"], required: 1)
            return .tensor(try softmaxBinding(x, dim: try b.int("dim"), log: name == "log_softmax"))
        case "flip":
            let ds = try dims(args, "flip")
            return .tensor(try x.flip(ds))
        case "norm":
            let b = try args.bind(name, ["p", "dim", "keepdim", "dtype"])
            return .tensor(try normBinding(x, p: b["p"], dim: b["dim"], keepdim: try b.bool("keepdim", false), dtype: try b.dtype()))
        case "cumsum":
            let d = try args.bind(name, ["dim", "dtype"], required: 1).int("dim")
            return .tensor(try x.cumsum(d))
        case "sort", "argsort":
            let b = try args.bind(name, ["dim", "descending", "stable"])
            let (v, i) = try x.sort(dim: try b.int("dim", -1), descending: try b.bool("descending", false))
            if name == "argsort" { return .tensor(i) }
            return .object(NamedTupleObject(name: "torch.return_types.sort", fields: [("values", .tensor(v)), ("indices", .tensor(i))]))
        case "topk":
            let b = try args.bind(name, ["k", "dim", "largest", "sorted"], required: 1)
            let k = try b.int("k"), d = try b.int("dim", -1)
            let size = x.dim == 0 ? 1 : x.shape[try Shape.wrapDim(d, x.dim)]
            guard k >= 0 && k <= size else { throw TorchError.runtime("selected index k out of range") }
            let (v, i) = try x.sort(dim: d, descending: try b.bool("largest", true))
            // A 0-d input gives 0-d values and indices whatever k (0 or 1).
            let (tv, ti) = x.dim == 0 ? (v, i) : (try v.narrow(d, 0, k), try i.narrow(d, 0, k))
            return .object(NamedTupleObject(name: "torch.return_types.topk", fields: [("values", .tensor(tv)), ("indices", .tensor(ti))]))
        case "masked_fill", "masked_fill_":
            let b = try args.bind(name, ["mask", "value"], required: 2)
            let mask = try b.tensor("mask")
            let value = try toTensorOperand(b.values["value"]!, like: x)
            if name == "masked_fill_" {
                try x.updateInPlace(checkOverlap: false) { try $0.maskedFill(mask, value) }
                return receiver
            }
            return .tensor(try x.maskedFill(mask, value))
        case "index_select":
            let b = try args.bind(name, ["dim", "index"], required: 2)
            return .tensor(try x.indexSelect(try b.int("dim"), try b.tensor("index")))
        case "new_zeros", "new_ones", "new_empty", "new_full", "new_tensor":
            if name == "new_tensor" { return .tensor(try makeTensor(args.positional.first ?? .none, dtype: x.dtype)) }
            if name == "new_full" {
                let b = try args.bind(name, ["size", "fill_value", "dtype"], required: 2)
                return .tensor(try Tensor.full(try b.values["size"]!.asIntList(), try b.double("fill_value", 0), dtype: try b.dtype() ?? x.dtype))
            }
            let (size, b) = try args.sizeAndOptions(name, ["dtype", "device", "requires_grad"])
            // `new_empty`'s memory is uninitialised in PyTorch; nnsh's is zeros.
            let t = name != "new_ones" ? try Tensor.zeros(size, dtype: try b.dtype() ?? x.dtype)
                                       : try Tensor.ones(size, dtype: try b.dtype() ?? x.dtype)
            if try b.bool("requires_grad", false) { try t.setRequiresGrad(true) }
            return .tensor(t)
        default:
            throw PythonError.attribute("'Tensor' object has no attribute '\(name)'")
        }
    }

    /// A Python number for one element.
    func scalarValue(_ t: Tensor, _ offset: Int) -> Value {
        switch t.dtype {
        case .float32, .float64: return .float(t.flatDouble(offset))
        case .bool: return .bool(t.flatInt(offset) != 0)
        default: return .int(Int(t.flatInt(offset)))
        }
    }

    func toList(_ t: Tensor) throws -> Value {
        if t.dim == 0 { return scalarValue(t, t.offset) }
        // Every nested list and number it makes: an expanded view may stand for far more numbers than
        // memory holds, and an empty tensor for far more lists (`torch.zeros(1000, 4, 2**31, 0)`).
        var values = 0, level = 1
        for size in t.shape {
            let (next, o1) = level.multipliedReportingOverflow(by: size)
            let (sum, o2) = values.addingReportingOverflow(next)
            if o1 || o2 { values = Int.max; break }
            (values, level) = (sum, next)
            if level == 0 { break }
        }
        try checkCollectionSize(values)
        var made = 0
        func build(_ d: Int, _ off: Int) throws -> Value {
            made &+= 1
            if made & 0xFFFF == 0 { try throwIfInterrupted() }  // Ctrl-C in a 10⁸-number list
            if d == t.dim { return scalarValue(t, off) }
            // Wrapping: an empty tensor's strides may multiply past Int (`(16, 0, 2**62, 0)`, structured
            // fuzzer); its offsets are never read.
            return .list(PyList(try (0..<t.shape[d]).map { try build(d + 1, off &+ $0 &* t.strides[d]) }))
        }
        return try build(0, t.offset)
    }
}

extension Interpreter {
    /// `torch.norm(input, p='fro', dim=None, keepdim=False, dtype=None)` as torch/functional.py routes it:
    /// 'fro' (or None) is the vector 2-norm over at most two dims, a number p the vector p-norm;
    /// matrix norms ('nuc', or 'fro' over more than two dims) are refused.
    func normBinding(_ x: Tensor, p: Value?, dim: Value?, keepdim: Bool, dtype: DType?) throws -> Tensor {
        var dims: [Int] = []
        if let dim, !dim.isNone { dims = try dim.asIntList("dim", "norm") }
        let input = try dtype.map { try x.castRecording($0) } ?? x
        var order = 2.0
        switch p {
        case nil, .none?: order = 2
        case .str(let s)?:
            guard s == "fro" && dims.count <= 2 else {
                throw PythonError("NotImplementedError", "nnsh has no matrix norms yet: norm(p='\(s)') is not supported")
            }
        case let v?: order = try v.asDouble()
        }
        return try input.vectorNorm(order, dims: dims, keepdim: keepdim)
    }
}

/// `x.grad_fn`: prints as `<MulBackward0 object at 0x…>`.
final class GradFnObject: PyObject {
    let node: GradNode
    init(_ node: GradNode) { self.node = node }
    override var typeName: String { node.name }
    override func repr() -> String {
        // Nodes of Python-defined autograd Functions print with their module, as PyTorch's do.
        let qualified = node.name == "BackwardHookFunctionBackward" || node.isCustomFunction ? "torch.autograd.function." + node.name : node.name
        return "<\(qualified) object at \(addressString(node))>"
    }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .builtin(Builtin("name") { [node] _ in .str(node.name) })
        case "next_functions":
            // `((node, 0), …)`: each input's own node, AccumulateGrad for a leaf, None for no gradient.
            return .tuple(node.nextTensors.map { t in
                guard let t else { return .tuple([.none, .int(0)]) }
                if let fn = t.gradFn { return .tuple([.object(GradFnObject(fn)), .int(0)]) }
                return .tuple([.object(AccumulateGradObject(t)), .int(0)])
            })
        default: return nil
        }
    }
}

/// The node that accumulates into a leaf's `.grad`: `<AccumulateGrad object at 0x…>`.
final class AccumulateGradObject: PyObject {
    let variable: Tensor
    init(_ variable: Tensor) { self.variable = variable }
    override var typeName: String { "AccumulateGrad" }
    override func repr() -> String { "<AccumulateGrad object at \(addressString(variable))>" }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .builtin(Builtin("name") { _ in .str("torch::autograd::AccumulateGrad") })
        case "variable": return .tensor(variable)
        case "next_functions": return .tuple([])
        default: return nil
        }
    }
}

/// `torch.return_types.max(values=…, indices=…)`: a tuple with named fields.
final class NamedTupleObject: PyObject {
    let name: String
    let fields: [(String, Value)]
    init(name: String, fields: [(String, Value)]) { self.name = name; self.fields = fields }
    override var typeName: String { name.components(separatedBy: ".").last ?? name }
    override func repr() -> String {
        "\(name)(\n" + fields.map { "\($0.0)=\($0.1.repr)" }.joined(separator: ",\n") + ")"
    }
    override func attribute(_ name: String) throws -> Value? {
        if name == "__iter__" { return .list(PyList(fields.map(\.1))) }
        return fields.first { $0.0 == name }?.1
    }
    override var memberNames: [String] { fields.map(\.0) }
}
