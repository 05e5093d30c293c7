import Foundation
import NumPy
import Syntax
import Torch

/// `import numpy as np`: the module nnsh provides in place of numpy (issue 22). What it has
/// behaves as numpy 2 does; a numpy name it does not have yet says so instead of pretending.
enum NumPyModule {
    /// The interpreter that made the module (array methods convert lists through it).
    nonisolated(unsafe) static weak var interpreter: Interpreter?
    static var interpreterForMethods: Interpreter {
        get throws {
            guard let i = interpreter else { throw PythonError.runtime("numpy is not initialised") }
            return i
        }
    }

    /// numpy names nnsh knows but does not implement: `np.fft` etc. give a clear error.
    static let notImplemented = ["fft", "polyfit", "polyval", "histogram", "histogram2d", "digitize", "bincount",
                                 "searchsorted", "einsum", "pad", "save", "load", "savetxt", "loadtxt", "genfromtxt",
                                 "interp", "convolve", "cross", "roll", "flip", "fliplr", "flipud", "rot90", "split",
                                 "array_split", "isclose", "array_equal", "mgrid", "ogrid", "float16", "int8", "int16",
                                 "uint16", "uint32", "uint64", "complex64", "complex128"]

    static func make(_ interp: Interpreter) -> Namespace {
        interpreter = interp
        var m: [String: Value] = [
            "__version__": .str("2.4.6"),
            "pi": .float(Double.pi), "e": .float(M_E), "inf": .float(.infinity), "nan": .float(.nan),
            "newaxis": .none, "ndarray": .object(NumPyTypes.ndarray), "generic": .object(NumPyTypes.generic),
            "number": .object(NumPyTypes.number), "integer": .object(NumPyTypes.integer),
            "signedinteger": .object(NumPyTypes.signedInteger), "unsignedinteger": .object(NumPyTypes.unsignedInteger),
            "inexact": .object(NumPyTypes.inexact), "floating": .object(NumPyTypes.floating),
        ]
        for d in [DType.float64, .float32, .int64, .int32, .uint8, .bool] {
            let t = NumPyTypes.scalar(d)
            interp.constructors[ObjectIdentifier(t)] = Builtin(d.numpyName) { args in try scalarConstructor(d, args, interp) }
            m[d.numpyName] = .object(t)
        }
        m["bool_"] = m["bool"]
        m["True_"] = .object(NDArrayObject(Tensor.scalar(int: 1, dtype: .bool), scalar: true))
        m["False_"] = .object(NDArrayObject(Tensor.scalar(int: 0, dtype: .bool), scalar: true))
        m["float_"] = m["float64"]; m["double"] = m["float64"]; m["single"] = m["float32"]
        m["int_"] = m["int64"]; m["intc"] = m["int32"]; m["ubyte"] = m["uint8"]; m["intp"] = m["int64"]
        func def(_ name: String, _ body: @escaping (Arguments) throws -> Value) {
            m[name] = .builtin(Builtin(name, body))
        }
        func arrayArg(_ v: Value) throws -> Tensor {
            if case .object(let a as NDArrayObject) = v { return a.array }
            return try NumPyConvert.array(from: v, dtype: nil, interp)
        }
        func obj(_ v: Value) throws -> NDArrayObject {
            if case .object(let a as NDArrayObject) = v { return a }
            let t = try NumPyConvert.array(from: v, dtype: nil, interp)
            return NDArrayObject(t, scalar: t.dim == 0)
        }
        def("dtype") { args in
            let b = try args.bind("dtype", ["dtype", "align", "copy"], required: 1)
            guard let d = try NumPyConvert.dtype(b.values["dtype"]) else { return .object(NumPyDTypeObject(.float64)) }
            return .object(NumPyDTypeObject(d))
        }
        def("array") { args in
            let b = try args.bind("array", ["object", "dtype"], required: 1, keywordOnly: ["copy", "order", "subok", "ndmin", "like"])
            var t = try NumPyConvert.array(from: b.values["object"]!, dtype: try NumPyConvert.dtype(b["dtype"]), interp,
                                           copy: b["copy"].map { !$0.isNone && (try? interp.truthy($0)) != false } ?? true)
            let ndmin = try b.int("ndmin", 0)
            while t.dim < ndmin { t = try t.unsqueeze(0) }
            return .object(NDArrayObject(t))
        }
        def("asarray") { args in
            let b = try args.bind("asarray", ["a", "dtype"], required: 1, keywordOnly: ["order", "device", "copy", "like"])
            return .object(NDArrayObject(try NumPyConvert.array(from: b.values["a"]!, dtype: try NumPyConvert.dtype(b["dtype"]), interp, copy: false)))
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0), ("empty", 0.0)] {
            def(name) { args in
                let b = try args.bind(name, ["shape", "dtype", "order"], required: 1, keywordOnly: ["device", "like"])
                let shape = try NumPyOps.shapeArgument(b.values["shape"]!, name)
                try checkShape(shape, interp)
                return .object(NDArrayObject(try Tensor.full(shape, fill, dtype: try NumPyConvert.dtype(b["dtype"]) ?? .float64)))
            }
            def(name + "_like") { args in
                let b = try args.bind(name + "_like", ["prototype", "dtype", "order", "subok", "shape"], required: 1, keywordOnly: ["device"])
                let p = try arrayArg(b.values["prototype"]!)
                let shape = try b["shape"].map { try NumPyOps.shapeArgument($0, name) } ?? p.shape
                try checkShape(shape, interp)
                return .object(NDArrayObject(try Tensor.full(shape, fill, dtype: try NumPyConvert.dtype(b["dtype"]) ?? p.dtype)))
            }
        }
        def("full") { args in
            let b = try args.bind("full", ["shape", "fill_value", "dtype", "order"], required: 2, keywordOnly: ["device", "like"])
            let shape = try NumPyOps.shapeArgument(b.values["shape"]!, "full")
            try checkShape(shape, interp)
            let v = try obj(b.values["fill_value"]!)
            let d = try NumPyConvert.dtype(b["dtype"]) ?? v.array.dtype
            return .object(NDArrayObject(try v.array.to(d).expand(shape).contiguous().clone()))
        }
        def("full_like") { args in
            let b = try args.bind("full_like", ["a", "fill_value", "dtype", "order", "subok", "shape"], required: 2)
            let p = try arrayArg(b.values["a"]!)
            let d = try NumPyConvert.dtype(b["dtype"]) ?? p.dtype
            let v = try NumPyOps.castForAssignment(b.values["fill_value"]!, to: d, interp)
            return .object(NDArrayObject(try v.expand(p.shape).contiguous().clone()))
        }
        def("arange") { args in try arange(args, interp) }
        def("linspace") { args in try linspace(args) }
        def("eye") { args in
            let b = try args.bind("eye", ["N", "M", "k", "dtype", "order"], required: 1, keywordOnly: ["device", "like"])
            let n = try b.int("N"), mm = try b["M"].map { try $0.asInt() } ?? n, k = try b.int("k", 0)
            try checkShape([n, mm], interp)
            var v = [Double](repeating: 0, count: n * mm)
            for i in 0..<n where i + k >= 0 && i + k < mm { v[i * mm + i + k] = 1 }
            return .object(NDArrayObject(try Tensor.from(doubles: v, shape: [n, mm], dtype: try NumPyConvert.dtype(b["dtype"]) ?? .float64)))
        }
        def("identity") { args in
            let b = try args.bind("identity", ["n", "dtype"], required: 1)
            let n = try b.int("n")
            try checkShape([n, n], interp)
            var v = [Double](repeating: 0, count: n * n)
            for i in 0..<n { v[i * n + i] = 1 }
            return .object(NDArrayObject(try Tensor.from(doubles: v, shape: [n, n], dtype: try NumPyConvert.dtype(b["dtype"]) ?? .float64)))
        }
        // Joining.
        func joined(_ name: String, _ args: Arguments, stack: Bool, axisDefault: Int) throws -> Value {
            let b = try args.bind(name, ["arrays", "axis", "out"], required: 1, keywordOnly: ["dtype", "casting"])
            let parts = try interp.iterate(b.values["arrays"]!).map(arrayArg)
            guard !parts.isEmpty else { throw PythonError.value("need at least one array to \(stack ? "stack" : "concatenate")") }
            let d = try NumPyConvert.dtype(b["dtype"]) ?? parts.dropFirst().reduce(parts[0].dtype) { NumPyPromotion.promote($0, $1.dtype) }
            let ts = try parts.map { try $0.to(d) }
            var axis = try b.int("axis", axisDefault)
            if stack {
                axis = try NumPyOps.normalizeAxis(axis, ts[0].dim + 1)
                if Set(ts.map(\.shape)).count > 1 { throw PythonError.value("all input arrays must have the same shape") }
                return .object(NDArrayObject(try Tensor.stack(ts, dim: axis)))
            }
            guard ts[0].dim > 0 else { throw PythonError.value("zero-dimensional arrays cannot be concatenated") }
            for (i, t) in ts.enumerated() where t.dim != ts[0].dim {
                throw PythonError.value("all the input arrays must have same number of dimensions, but the array at index 0 has \(ts[0].dim) dimension(s) and the array at index \(i) has \(t.dim) dimension(s)")
            }
            axis = try NumPyOps.normalizeAxis(axis, ts[0].dim)
            for (i, t) in ts.enumerated() {
                for d in 0..<t.dim where d != axis && t.shape[d] != ts[0].shape[d] {
                    throw PythonError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(ts[0].shape[d]) and the array at index \(i) has size \(t.shape[d])")
                }
            }
            return .object(NDArrayObject(try Tensor.cat(ts, dim: axis)))
        }
        def("concatenate") { args in try joined("concatenate", args, stack: false, axisDefault: 0) }
        def("stack") { args in try joined("stack", args, stack: true, axisDefault: 0) }
        def("vstack") { args in
            let parts = try interp.iterate(args.positional.first ?? .none).map(arrayArg).map { $0.dim < 2 ? try $0.reshape([1, $0.numel]) : $0 }
            let items: [Value] = parts.map { .object(NDArrayObject($0)) }
            return try joined("vstack", Arguments([.list(PyList(items))]), stack: false, axisDefault: 0)
        }
        def("hstack") { args in
            let parts = try interp.iterate(args.positional.first ?? .none).map(arrayArg)
            let axis = (parts.first?.dim ?? 1) <= 1 ? 0 : 1
            var items = [Value]()
            for p in parts { items.append(.object(NDArrayObject(p.dim == 0 ? try p.reshape([1]) : p))) }
            return try joined("hstack", Arguments([.list(PyList(items))]), stack: false, axisDefault: axis)
        }
        def("where") { args in
            let b = try args.bind("where", ["condition", "x", "y"], required: 1)
            let cond = try arrayArg(b.values["condition"]!).to(.bool)
            guard let xv = b.values["x"], let yv = b.values["y"] else {
                if b.values["x"] != nil || b.values["y"] != nil { throw PythonError.value("either both or neither of x and y should be given") }
                return try nonzero(cond)
            }
            guard let xo = try NumPyOps.operand(xv, interp), let yo = try NumPyOps.operand(yv, interp) else {
                throw PythonError.type("where() arguments must be arrays or numbers")
            }
            let r = try NumPyOps.resultType(xo, yo)
            let x = try NumPyOps.tensor(xo, as: r), y = try NumPyOps.tensor(yo, as: r)
            let shape = try Shape.broadcast(try Shape.broadcast(cond.shape, x.shape), y.shape)
            let c = try cond.expand(shape).contiguous(), xs = try x.expand(shape).contiguous(), ys = try y.expand(shape).contiguous()
            let out = try ys.clone()
            try out.indexAssign([.tensor(c)], try xs.index([.tensor(c)]))
            return NDArrayObject.result(out)
        }
        // Elementwise functions: numpy computes float32 in float32, integers as float64.
        let unaryOps: [(String, UnaryOp)] = [("exp", .exp), ("log", .log), ("sqrt", .sqrt), ("tanh", .tanh), ("sin", .sin),
                                             ("cos", .cos), ("floor", .floor), ("ceil", .ceil), ("log1p", .log1p),
                                             ("expm1", .expm1), ("log2", .log2), ("log10", .log10), ("trunc", .trunc),
                                             ("sign", .sign), ("square", .square)]
        for (name, op) in unaryOps {
            def(name) { args in
                let b = try args.bind(name, ["x"], required: 1, keywordOnly: ["out", "where", "dtype"])
                var x = try arrayArg(b.values["x"]!)
                // Integers keep their dtype for sign and square; everything else computes as float64.
                let keepsInts = (op == .sign || op == .square) && x.dtype != .bool
                if !x.dtype.isFloatingPoint && !keepsInts { x = try x.to(.float64) }
                return NDArrayObject.result(try x.unary(op))
            }
        }
        for name in ["abs", "absolute"] {
            def(name) { args in
                let x = try arrayArg(try args.bind(name, ["x"], required: 1, keywordOnly: ["out", "where", "dtype"]).values["x"]!)
                return NDArrayObject.result(x.dtype == .bool || x.dtype == .uint8 ? try x.clone() : try x.abs())
            }
        }
        for (name, op) in [("maximum", BinaryOp.maximum), ("minimum", .minimum)] {
            def(name) { args in
                let b = try args.bind(name, ["x1", "x2"], required: 2, keywordOnly: ["out", "where", "dtype"])
                guard let xo = try NumPyOps.operand(b.values["x1"]!, interp), let yo = try NumPyOps.operand(b.values["x2"]!, interp) else {
                    throw NumPyOps.unsupported(name)
                }
                let r = try NumPyOps.resultType(xo, yo)
                return NDArrayObject.result(try Tensor.binary(try NumPyOps.tensor(xo, as: r), try NumPyOps.tensor(yo, as: r), op))
            }
        }
        for (name, op) in [("add", BinaryOperatorAlias.add), ("subtract", .subtract), ("multiply", .multiply), ("divide", .divide),
                           ("true_divide", .divide), ("power", .power), ("floor_divide", .floorDivide), ("mod", .modulo),
                           ("remainder", .modulo), ("matmul", .matrixMultiply), ("dot", .matrixMultiply)] {
            def(name) { args in
                let b = try args.bind(name, ["x1", "x2", "out"], required: 2, keywordOnly: ["where", "dtype"])
                guard let xo = try NumPyOps.operand(b.values["x1"]!, interp), let yo = try NumPyOps.operand(b.values["x2"]!, interp) else {
                    throw NumPyOps.unsupported(name)
                }
                if b["where"] != nil || b["dtype"] != nil {
                    throw PythonError("NotImplementedError", "nnsh's numpy.\(name) takes no where= or dtype= yet")
                }
                let result = try NumPyOps.binary(op.op, xo, yo)
                // `out=`: an array (or a 1-tuple of one) the result is written into, and returned.
                guard let outValue = b["out"], !outValue.isNone else { return result }
                var target = outValue
                if case .tuple(let t) = outValue, t.count == 1 { target = t[0] }
                guard case .object(let out as NDArrayObject) = target, !out.isScalar else {
                    throw PythonError.type("return arrays must be of ArrayType")
                }
                guard case .object(let r as NDArrayObject) = result else { return result }
                // The iterator broadcasts the inputs with the output first (its message lists all three).
                func shape(_ o: NumPyOps.Operand) -> [Int] { if case .array(let t) = o { return t.shape }; return [] }
                if (try? Shape.broadcast(Shape.broadcast(shape(xo), shape(yo)), out.array.shape)) == nil {
                    let shapes = [shape(xo), shape(yo), out.array.shape].map(ArrayPrinter.shapeText).joined(separator: " ")
                    throw PythonError.value("operands could not be broadcast together with shapes \(shapes) ")
                }
                try out.receive(r, ufunc: name == "true_divide" ? "divide" : name == "mod" ? "remainder" : name)
                return .object(out)
            }
        }
        for (name, test) in [("isnan", 0), ("isinf", 1), ("isfinite", 2)] {
            def(name) { args in
                let x = try arrayArg(try args.bind(name, ["x"], required: 1, keywordOnly: ["out", "where"]).values["x"]!)
                let v = try x.contiguous().to(.float64).doubles()
                let r = v.map { test == 0 ? $0.isNaN : test == 1 ? $0.isInfinite : $0.isFinite }
                return NDArrayObject.result(try Tensor.from(r, shape: x.shape))
            }
        }
        def("round") { args in
            let b = try args.bind("round", ["a", "decimals", "out"], required: 1)
            return NDArrayObject.result(try NumPyOps.round(try arrayArg(b.values["a"]!), decimals: try b.int("decimals", 0)))
        }
        m["around"] = m["round"]
        def("clip") { args in
            let b = try args.bind("clip", ["a", "a_min", "a_max", "out"], required: 1, keywordOnly: ["min", "max"])
            return try clip(try obj(b.values["a"]!), b.values["a_min"] ?? b.values["min"] ?? .none, b.values["a_max"] ?? b.values["max"] ?? .none)
        }
        // Reductions and shape functions as methods of the array.
        for (name, method) in [("sum", "sum"), ("mean", "mean"), ("std", "std"), ("var", "var"), ("min", "min"), ("max", "max"),
                               ("amin", "min"), ("amax", "max"), ("argmax", "argmax"), ("argmin", "argmin"), ("any", "any"),
                               ("all", "all"), ("squeeze", "squeeze"), ("ravel", "ravel"), ("prod", "prod"),
                               ("cumsum", "cumsum"), ("cumprod", "cumprod")] {
            def(name) { args in
                guard let first = args.positional.first else { throw PythonError.type("\(name)() missing 1 required positional argument: 'a'") }
                let rest = Arguments(Array(args.positional.dropFirst()), args.keywords)
                return try NumPyMethods.call(method, try obj(first), rest)
            }
        }
        def("reshape") { args in
            let b = try args.bind("reshape", ["a", "shape", "order"], required: 1, keywordOnly: ["newshape", "copy"])
            let shape = b.values["shape"] ?? b.values["newshape"] ?? .tuple([])
            return .object(NDArrayObject(try NumPyOps.reshaped(try arrayArg(b.values["a"]!), try NumPyOps.shapeArgument(shape, "reshape"))))
        }
        def("transpose") { args in
            let b = try args.bind("transpose", ["a", "axes"], required: 1)
            let rest = b["axes"].map { Arguments([$0]) } ?? Arguments([])
            return try NumPyMethods.call("transpose", try obj(b.values["a"]!), rest)
        }
        def("expand_dims") { args in
            let b = try args.bind("expand_dims", ["a", "axis"], required: 2)
            let x = try arrayArg(b.values["a"]!)
            let axes: [Int]
            if case .tuple(let t) = b.values["axis"]! { axes = try t.map { try $0.asInt() } } else { axes = [try b.int("axis")] }
            let nd = x.dim + axes.count
            let norm = try axes.map { try NumPyOps.normalizeAxis($0, nd) }.sorted()
            var shape = x.shape
            for a in norm { shape.insert(1, at: a) }
            return .object(NDArrayObject(try x.reshape(shape)))
        }
        def("shape") { args in
            let x = try arrayArg(try args.bind("shape", ["a"], required: 1).values["a"]!)
            return .tuple(x.shape.map { .int($0) })
        }
        def("ndim") { args in .int(try arrayArg(try args.bind("ndim", ["a"], required: 1).values["a"]!).dim) }
        def("size") { args in .int(try arrayArg(try args.bind("size", ["a"], required: 1).values["a"]!).numel) }
        def("isscalar") { args in
            let v = try args.bind("isscalar", ["element"], required: 1).values["element"]!
            switch v {
            case .int, .float, .bool, .str: return .bool(true)
            case .object(let a as NDArrayObject): return .bool(a.isScalar)
            default: return .bool(false)
            }
        }
        def("set_printoptions") { args in
            let b = try args.bind("set_printoptions", ["precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr",
                                                      "infstr", "formatter", "sign", "floatmode"], keywordOnly: ["legacy", "override_repr"])
            var o = NumPyState.printOptions
            if let v = b["precision"] {
                guard case .int(let p) = v else { throw PythonError.type("precision must be an integer") }
                if p < 0 { throw PythonError.value("precision must be >= 0") }
                o.precision = p
            }
            if let v = b["threshold"] {
                switch v {
                case .float(let d) where d.isInfinite || d.isNaN: o.threshold = Int.max
                case .float(let d): o.threshold = Swift.abs(d) < 9.2e18 ? Int(d) : Int.max
                case .int(let i): o.threshold = i
                default: throw PythonError.type("threshold must be numeric")
                }
            }
            if let v = b["edgeitems"] { o.edgeItems = try v.asInt() }
            if let v = b["linewidth"] { o.lineWidth = try v.asInt() }
            if let v = b["suppress"] { o.suppress = try interp.truthy(v) }
            if let v = b["nanstr"] { o.nanStr = v.str }
            if let v = b["infstr"] { o.infStr = v.str }
            if let v = b["sign"] {
                guard let c = v.str.first, ["-", "+", " "].contains(c), v.str.count == 1 else {
                    throw PythonError.value("sign option must be one of ' ', '+', or '-'")
                }
                o.sign = c
            }
            if let v = b["floatmode"] {
                guard ["fixed", "unique", "maxprec", "maxprec_equal"].contains(v.str) else {
                    throw PythonError.value("floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\"")
                }
                o.floatMode = v.str
            }
            if b["formatter"] != nil || b["legacy"] != nil || b["override_repr"] != nil {
                throw PythonError("NotImplementedError", "nnsh's numpy supports precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr, sign and floatmode")
            }
            NumPyState.printOptions = o
            return .none
        }
        def("get_printoptions") { _ in
            let o = NumPyState.printOptions
            let d = PyDict()
            // numpy's order: edgeitems, threshold, floatmode, precision, suppress, linewidth, nanstr, infstr, sign, formatter, legacy, override_repr.
            d.set(.str("edgeitems"), .int(o.edgeItems)); d.set(.str("threshold"), .int(o.threshold))
            d.set(.str("floatmode"), .str(o.floatMode)); d.set(.str("precision"), .int(o.precision))
            d.set(.str("suppress"), .bool(o.suppress)); d.set(.str("linewidth"), .int(o.lineWidth))
            d.set(.str("nanstr"), .str(o.nanStr)); d.set(.str("infstr"), .str(o.infStr)); d.set(.str("sign"), .str(String(o.sign)))
            d.set(.str("formatter"), .none); d.set(.str("legacy"), .bool(false)); d.set(.str("override_repr"), .none)
            return .dict(d)
        }
        def("count_nonzero") { args in
            let b = try args.bind("count_nonzero", ["a", "axis"], required: 1, keywordOnly: ["keepdims"])
            if b["axis"] != nil { throw PythonError("NotImplementedError", "nnsh's np.count_nonzero counts the whole array only") }
            let v = try arrayArg(b.values["a"]!).contiguous().to(.bool).to(.int64).ints()
            return .object(NDArrayObject(Tensor.scalar(int: Int64(v.reduce(0) { $0 + Int($1) }), dtype: .int64), scalar: true))
        }
        for name in ["sort", "argsort"] {
            def(name) { args in
                let b = try args.bind(name, ["a", "axis", "kind", "order"], required: 1, keywordOnly: ["stable"])
                let x = try arrayArg(b.values["a"]!)
                var axis = x.dim - 1
                if b.has("axis") {
                    if b["axis"] == nil { return try NumPyModule.sorted(try x.contiguous().reshape([x.numel]), axis: 0, indices: name == "argsort") }
                    axis = try NumPyOps.normalizeAxis(try b.int("axis"), x.dim)
                }
                if x.dim == 0 { throw PythonError("numpy.exceptions.AxisError", "axis -1 is out of bounds for array of dimension 0") }
                return try NumPyModule.sorted(x, axis: axis, indices: name == "argsort")
            }
        }
        def("nonzero") { args in try nonzero(try arrayArg(try args.bind("nonzero", ["a"], required: 1).values["a"]!).to(.bool)) }
        def("unique") { args in
            let b = try args.bind("unique", ["ar", "return_index", "return_inverse", "return_counts", "axis"], keywordOnly: ["equal_nan", "sorted"])
            if b["axis"] != nil { throw PythonError("NotImplementedError", "nnsh's np.unique flattens (axis= is not supported)") }
            let x = try arrayArg(b.values["ar"]!).contiguous().reshape([-1])
            let v = try x.to(.float64).doubles()
            let order = (0..<v.count).sorted { v[$0] < v[$1] || (v[$0] == v[$1] && $0 < $1) || (!v[$0].isNaN && v[$1].isNaN) }
            var firsts = [Int](), counts = [Int](), inverse = [Int64](repeating: 0, count: v.count)
            for i in order {
                if let last = firsts.last, v[last] == v[i] || (v[last].isNaN && v[i].isNaN) { counts[counts.count - 1] += 1 }
                else { firsts.append(i); counts.append(1) }
                inverse[i] = Int64(firsts.count - 1)
            }
            let uniq = try x.indexSelect(0, try Tensor.from(ints: firsts.map { Int64($0) }, shape: [firsts.count], dtype: .int64))
            var out: [Value] = [.object(NDArrayObject(uniq))]
            if try b.bool("return_index", false) { out.append(.object(NDArrayObject(try Tensor.from(ints: firsts.map { Int64($0) }, shape: [firsts.count], dtype: .int64)))) }
            if try b.bool("return_inverse", false) { out.append(.object(NDArrayObject(try Tensor.from(ints: inverse, shape: [inverse.count], dtype: .int64)))) }
            if try b.bool("return_counts", false) { out.append(.object(NDArrayObject(try Tensor.from(ints: counts.map { Int64($0) }, shape: [counts.count], dtype: .int64)))) }
            return out.count == 1 ? out[0] : .tuple(out)
        }
        def("diff") { args in
            let b = try args.bind("diff", ["a", "n", "axis"], required: 1, keywordOnly: ["prepend", "append"])
            var x = try arrayArg(b.values["a"]!)
            let axis = try NumPyOps.normalizeAxis(try b.int("axis", -1), x.dim)
            for _ in 0..<Swift.max(0, try b.int("n", 1)) {
                let n = x.shape[axis]
                if n == 0 { break }
                let hi = try x.index(Array(repeating: IndexItem.slice(nil, nil, nil), count: axis) + [.slice(1, nil, nil)])
                let lo = try x.index(Array(repeating: IndexItem.slice(nil, nil, nil), count: axis) + [.slice(nil, n - 1, nil)])
                guard case .object(let r as NDArrayObject) = x.dtype == .bool
                        ? NDArrayObject.result(try Tensor.binary(hi, lo, .ne))
                        : try NumPyOps.binary(.subtract, .array(hi), .array(lo)) else { break }
                x = r.array
            }
            return .object(NDArrayObject(x))
        }
        def("trace") { args in
            let b = try args.bind("trace", ["a", "offset", "axis1", "axis2", "dtype", "out"], required: 1)
            guard case .object(let d as NDArrayObject) = try (m["diag"].map { f -> Value in
                guard case .builtin(let fn) = f else { return .none }
                return try fn.call(Arguments([b.values["a"]!, .int(try b.int("offset", 0))]))
            } ?? .none) else { throw PythonError.value("diag requires an array of at least two dimensions") }
            return try NumPyMethods.call("sum", d, Arguments())
        }
        def("take") { args in
            let b = try args.bind("take", ["a", "indices", "axis", "out", "mode"], required: 2)
            let x = try arrayArg(b.values["a"]!)
            let idx = try arrayArg(b.values["indices"]!).to(.int64)
            if let ax = b["axis"] {
                let axis = try NumPyOps.normalizeAxis(try ax.asInt(), x.dim)
                return NDArrayObject.result(try NumPyOps.withIndexErrors { try x.indexSelect(axis, try idx.reshape([-1])) })
            }
            let flat = try x.contiguous().reshape([-1])
            let r = try NumPyOps.withIndexErrors { try flat.indexSelect(0, try idx.contiguous().reshape([-1])) }
            return NDArrayObject.result(try r.reshape(idx.shape))
        }
        def("argwhere") { args in
            let x = try arrayArg(try args.bind("argwhere", ["a"], required: 1).values["a"]!).to(.bool)
            guard case .tuple(let coords) = try nonzero(x) else { return .none }
            let cols = coords.compactMap { v -> Tensor? in if case .object(let a as NDArrayObject) = v { return a.array }; return nil }
            let n = cols.first?.numel ?? 0
            if cols.isEmpty { return .object(NDArrayObject(try Tensor.zeros([n, 0], dtype: .int64))) }
            return .object(NDArrayObject(try Tensor.stack(cols, dim: 1)))
        }
        for name in ["nansum", "nanmean", "nanmax", "nanmin"] {
            def(name) { args in
                let b = try args.bind(name, ["a", "axis", "dtype", "out", "keepdims"])
                if b["axis"] != nil { throw PythonError("NotImplementedError", "nnsh's np.\(name) takes the whole array only") }
                let x = try arrayArg(b.values["a"]!)
                guard x.dtype.isFloatingPoint else { return try NumPyMethods.call(String(name.dropFirst(3)), NDArrayObject(x), Arguments()) }
                let v = try x.contiguous().to(.float64).doubles()
                let kept = v.filter { !$0.isNaN }
                switch name {
                case "nansum", "nanmean":
                    // numpy replaces NaN by 0 and sums pairwise (nanmean divides by the count of the rest).
                    let filled = try Tensor.from(doubles: v.map { $0.isNaN ? 0 : $0 }, shape: [v.count], dtype: .float64).to(x.dtype)
                    let s = try NumPyReduce.sum(filled, axes: nil, keepdims: false)
                    if name == "nansum" { return NDArrayObject.result(s) }
                    return NDArrayObject.result(try Tensor.binary(s, try Tensor.scalar(Double(kept.count), dtype: .float64).to(x.dtype), .div))
                default:
                    guard let e = name == "nanmax" ? kept.max() : kept.min() else {
                        return .object(NDArrayObject(try Tensor.scalar(.nan, dtype: .float64).to(x.dtype), scalar: true))
                    }
                    return .object(NDArrayObject(try Tensor.scalar(e, dtype: .float64).to(x.dtype), scalar: true))
                }
            }
        }
        def("outer") { args in
            let b = try args.bind("outer", ["a", "b", "out"], required: 2)
            let x = try arrayArg(b.values["a"]!).contiguous().reshape([-1]), y = try arrayArg(b.values["b"]!).contiguous().reshape([-1])
            return try NumPyOps.binary(.multiply, .array(try x.reshape([x.numel, 1])), .array(try y.reshape([1, y.numel])))
        }
        def("diag") { args in
            let b = try args.bind("diag", ["v", "k"], required: 1)
            let v = try arrayArg(b.values["v"]!), k = try b.int("k", 0)
            if v.dim == 1 {
                guard Swift.abs(k) < Int(Int32.max) else { throw PythonError("MemoryError", "diag offset \(k) is too large") }
                let n = v.shape[0] + Swift.abs(k)
                try checkShape([n, n], interp)
                let out = try Tensor.zeros([n, n], dtype: v.dtype)
                for i in 0..<v.shape[0] {
                    let (r, c) = k >= 0 ? (i, i + k) : (i - k, i)
                    try out.select(0, r).select(0, c).copyValuesInPlace(from: try v.select(0, i))
                }
                return .object(NDArrayObject(out))
            }
            guard v.dim == 2 else { throw PythonError.value("Input must be 1- or 2-d.") }
            var items = [Tensor]()
            var i = Swift.max(0, -k)
            while i < v.shape[0] && i + k < v.shape[1] { items.append(try v.select(0, i).select(0, i + k)); i += 1 }
            if items.isEmpty { return .object(NDArrayObject(try Tensor.zeros([0], dtype: v.dtype))) }
            return .object(NDArrayObject(try Tensor.stack(items)))
        }
        for name in ["tri", "tril", "triu"] {
            def(name) { args in
                let b: BoundArguments
                let lower = name != "triu"
                var x: Tensor
                var k = 0
                if name == "tri" {
                    b = try args.bind("tri", ["N", "M", "k", "dtype"], required: 1, keywordOnly: ["like"])
                    let n = try b.int("N"), mm = try b["M"].map { try $0.asInt() } ?? n
                    try checkShape([n, mm], interp)
                    k = try b.int("k", 0)
                    x = try Tensor.full([n, mm], 1, dtype: try NumPyConvert.dtype(b["dtype"]) ?? .float64)
                } else {
                    b = try args.bind(name, ["m", "k"], required: 1)
                    x = try arrayArg(b.values["m"]!).clone()
                    k = try b.int("k", 0)
                    guard x.dim >= 2 else { throw PythonError.value("input array must be at least 2-d") }
                }
                let rows = x.shape[x.dim - 2], cols = x.shape[x.dim - 1]
                var keep = [Bool](repeating: false, count: rows * cols)
                for r in 0..<rows { for c in 0..<cols { keep[r * cols + c] = lower ? c - r <= k : c - r >= k } }
                let mask = try Tensor.from(keep, shape: [rows, cols])
                let zero = try Tensor.zeros([], dtype: x.dtype)
                let out = try x.contiguous().clone()
                let dropped = try Tensor.compareValues(mask, .wrapped(bool: false), .eq).expand(out.shape).contiguous()
                try out.indexAssign([.tensor(dropped)], zero)
                return .object(NDArrayObject(out))
            }
        }
        for name in ["median", "percentile", "quantile"] {
            def(name) { args in
                let params = name == "median" ? ["a", "axis", "out", "overwrite_input", "keepdims"] : ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims"]
                let b = try args.bind(name, params, required: name == "median" ? 1 : 2)
                if b["axis"] != nil { throw PythonError("NotImplementedError", "nnsh's np.\(name) takes the whole array only") }
                if let m = b["method"], m.str != "linear" { throw PythonError("NotImplementedError", "nnsh's np.\(name) computes method='linear' only") }
                let x = try arrayArg(b.values["a"]!)
                var v = try x.contiguous().to(.float64).doubles().sorted { $0 < $1 || ($1.isNaN && !$0.isNaN) }
                if v.isEmpty { return .object(NDArrayObject(Tensor.scalar(.nan, dtype: .float64), scalar: true)) }
                if v.contains(where: \.isNaN) { v = [.nan] }
                let qv = name == "median" ? 0.5 : try b.values["q"]!.asDouble() / (name == "percentile" ? 100 : 1)
                if qv < 0 || qv > 1 { throw PythonError.value(name == "percentile" ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]") }
                // numpy's linear method: virtual index (n - 1) q, then lerp as `_lerp` does.
                let idx = Double(v.count - 1) * qv
                let lo = Int(Foundation.floor(idx)), hi = Swift.min(lo + 1, v.count - 1)
                let g = idx - Double(lo)
                let a = v[lo], c = v[hi]
                let diff = c - a
                var r = g >= 0.5 ? c - diff * (1 - g) : a + diff * g
                if name == "median" && v.count % 2 == 0 { r = (v[v.count / 2 - 1] + v[v.count / 2]) / 2 }
                let out = x.dtype == .float32 ? try Tensor.scalar(r, dtype: .float64).to(.float32) : Tensor.scalar(r, dtype: .float64)
                return .object(NDArrayObject(out, scalar: true))
            }
        }
        def("allclose") { args in
            let b = try args.bind("allclose", ["a", "b", "rtol", "atol", "equal_nan"], required: 2)
            let x = try arrayArg(b.values["a"]!).to(.float64), y = try arrayArg(b.values["b"]!).to(.float64)
            let shape = try Shape.broadcast(x.shape, y.shape)
            let xs = try x.expand(shape).contiguous().doubles(), ys = try y.expand(shape).contiguous().doubles()
            let rtol = try b.double("rtol", 1e-5), atol = try b.double("atol", 1e-8), eqNaN = try b.bool("equal_nan", false)
            let ok = zip(xs, ys).allSatisfy { a, c in
                if a.isNaN || c.isNaN { return eqNaN && a.isNaN && c.isNaN }
                if a.isInfinite || c.isInfinite { return a == c }
                return Swift.abs(a - c) <= atol + rtol * Swift.abs(c)
            }
            return .bool(ok)
        }
        def("shares_memory") { args in
            let b = try args.bind("shares_memory", ["a", "b", "max_work"], required: 2)
            guard case .object(let x as NDArrayObject) = b.values["a"]!, case .object(let y as NDArrayObject) = b.values["b"]! else { return .bool(false) }
            return .bool(x.array.storage === y.array.storage)
        }
        m["may_share_memory"] = m["shares_memory"]
        def("logical_not") { args in
            let x = try arrayArg(try args.bind("logical_not", ["x"], required: 1, keywordOnly: ["out", "where"]).values["x"]!)
            return NDArrayObject.result(try Tensor.compareValues(try x.to(.bool), .wrapped(bool: false), .eq))
        }
        for (name, op) in [("logical_and", BinaryOp.logicalAnd), ("logical_or", .logicalOr), ("logical_xor", .logicalXor)] {
            def(name) { args in
                let b = try args.bind(name, ["x1", "x2"], required: 2, keywordOnly: ["out", "where"])
                let x = try arrayArg(b.values["x1"]!).to(.bool), y = try arrayArg(b.values["x2"]!).to(.bool)
                return NDArrayObject.result(try Tensor.binary(x, y, op))
            }
        }
        def("meshgrid") { args in
            var indexing = "xy"
            for (k, v) in args.keywords {
                switch k {
                case "indexing": indexing = v.str
                case "sparse", "copy": if k == "sparse", try interp.truthy(v) { throw PythonError("NotImplementedError", "nnsh's np.meshgrid makes dense grids only") }
                default: throw PythonError.type("meshgrid() got an unexpected keyword argument '\(k)'")
                }
            }
            guard indexing == "xy" || indexing == "ij" else { throw PythonError.value("Valid values for `indexing` are 'xy' and 'ij'.") }
            let xs = try args.positional.map { try arrayArg($0).contiguous().reshape([-1]) }
            var shape = xs.map { $0.shape[0] }
            try checkShape(shape, interp)
            if indexing == "xy" && xs.count >= 2 { shape.swapAt(0, 1) }
            var out = [Value]()
            for (i, x) in xs.enumerated() {
                var s = [Int](repeating: 1, count: xs.count)
                var axis = i
                if indexing == "xy" && xs.count >= 2 && i < 2 { axis = 1 - i }
                s[axis] = x.shape[0]
                out.append(.object(NDArrayObject(try x.reshape(s).expand(shape).contiguous().clone())))
            }
            return .tuple(out)
        }
        def("tile") { args in
            let b = try args.bind("tile", ["A", "reps"], required: 2)
            var x = try arrayArg(b.values["A"]!)
            var reps = try NumPyOps.shapeArgument(b.values["reps"]!, "tile")
            while x.dim < reps.count { x = try x.unsqueeze(0) }
            while reps.count < x.dim { reps.insert(1, at: 0) }
            var out = x
            let outShape = zip(x.shape, reps).map { $0 * Swift.max($1, 0) }
            try checkShape(outShape, interp)
            for (d, r) in reps.enumerated() where r != 1 {
                if r < 0 { throw PythonError.value("negative dimensions are not allowed") }
                out = try Tensor.cat(Array(repeating: out, count: r), dim: d)
            }
            return .object(NDArrayObject(try out.contiguous().clone()))
        }
        def("repeat") { args in
            let b = try args.bind("repeat", ["a", "repeats", "axis"], required: 2)
            var x = try arrayArg(b.values["a"]!)
            let r = try b.int("repeats")
            if r < 0 { throw PythonError.value("negative dimensions are not allowed") }
            var axis = 0
            if let a = b["axis"] { axis = try NumPyOps.normalizeAxis(try a.asInt(), x.dim) } else { x = try x.contiguous().reshape([x.numel]) }
            var outShape = x.shape
            if !outShape.isEmpty { outShape[axis] *= r }
            try checkShape(outShape, interp)
            let idx = (0..<Int64(x.shape[axis])).flatMap { Array(repeating: $0, count: r) }
            return .object(NDArrayObject(try x.indexSelect(axis, try Tensor.from(ints: idx, shape: [idx.count], dtype: .int64))))
        }
        def("array2string") { args in
            let b = try args.bind("array2string", ["a", "max_line_width", "precision", "suppress_small", "separator", "prefix"],
                                  required: 1, keywordOnly: ["formatter", "threshold", "edgeitems", "sign", "floatmode", "suffix", "legacy"])
            var o = NumPyState.printOptions
            if let v = b["max_line_width"] { o.lineWidth = try v.asInt() }
            if let v = b["precision"] { o.precision = try v.asInt() }
            if let v = b["suppress_small"] { o.suppress = try interp.truthy(v) }
            if let v = b["threshold"] { o.threshold = try v.asInt() }
            if let v = b["edgeitems"] { o.edgeItems = try v.asInt() }
            if b["formatter"] != nil || b["legacy"] != nil { throw PythonError("NotImplementedError", "nnsh's np.array2string takes no formatter or legacy") }
            let x = try arrayArg(b.values["a"]!)
            return .str(ArrayPrinter(options: o).array2string(x, separator: try b.string("separator", " "),
                                                                 prefix: try b.string("prefix", ""), suffix: try b.string("suffix", "")))
        }
        def("array_repr") { args in .str(NDArrayObject(try arrayArg(try args.bind("array_repr", ["arr"], required: 1).values["arr"]!)).repr()) }
        def("array_str") { args in .str(NDArrayObject(try arrayArg(try args.bind("array_str", ["a"], required: 1).values["a"]!)).str()) }
        for sci in [false, true] {
            let name = sci ? "format_float_scientific" : "format_float_positional"
            def(name) { args in
                let b = try args.bind(name, ["x", "precision", "unique", "fractional", "trim", "sign", "pad_left", "pad_right"],
                                      required: 1, keywordOnly: ["min_digits", "exp_digits"])
                let x = try obj(b.values["x"]!)
                let p = try b["precision"].map { try $0.asInt() }
                let trim = Character(try b.string("trim", "k"))
                let f32 = x.array.dtype == .float32
                let v = try NumPyConvert.scalarDouble(.object(x))
                if sci {
                    return .str(f32 ? Dragon4.scientific(Float(v), precision: p, trim: trim) : Dragon4.scientific(v, precision: p, trim: trim))
                }
                return .str(f32 ? Dragon4.positional(Float(v), precision: p, trim: trim) : Dragon4.positional(v, precision: p, trim: trim))
            }
        }
        def("result_type") { args in
            var d: DType?
            var weak = [PythonScalarKind]()
            for v in args.positional {
                switch v {
                case .int(let i): weak.append(.int(i))
                case .float: weak.append(.float)
                case .bool: weak.append(.bool)
                default:
                    let t: DType
                    if case .object(let a as NDArrayObject) = v { t = a.array.dtype } else { guard let x = try NumPyConvert.dtype(v) else { continue }; t = x }
                    d = d.map { NumPyPromotion.promote($0, t) } ?? t
                }
            }
            var r = d ?? NumPyPromotion.defaultType(weak.first ?? .float)
            for k in weak where d != nil { r = try NumPyOps.promote(r, scalar: k) }
            return .object(NumPyDTypeObject(r))
        }
        def("promote_types") { args in
            let b = try args.bind("promote_types", ["type1", "type2"], required: 2)
            guard let a = try NumPyConvert.dtype(b.values["type1"]), let c = try NumPyConvert.dtype(b.values["type2"]) else {
                throw PythonError.type("Cannot interpret 'None' as a data type")
            }
            return .object(NumPyDTypeObject(NumPyPromotion.promote(a, c)))
        }
        // The binary ufuncs as ufunc objects: callable, with `reduce` / `accumulate` / `outer`.
        let reductions: [String: String] = ["add": "sum", "multiply": "prod", "maximum": "max", "minimum": "min"]
        let accumulations: [String: String] = ["add": "cumsum", "multiply": "cumprod"]
        for name in ["add", "subtract", "multiply", "divide", "true_divide", "power", "floor_divide", "remainder", "maximum", "minimum"] {
            guard case .builtin(let fn)? = m[name] else { continue }
            m[name] = .object(UFuncObject(name: name, function: fn, reduction: reductions[name], accumulation: accumulations[name], interp: interp))
        }
        m["ufunc"] = .object(UFuncObject.type)
        m["random"] = .namespace(NumPyRandomModule.make(interp))
        let linalg = Namespace("numpy.linalg")
        linalg.members["norm"] = .builtin(Builtin("norm") { args in
            let b = try args.bind("norm", ["x", "ord", "axis", "keepdims"], required: 1)
            if b["ord"] != nil || b["axis"] != nil { throw PythonError("NotImplementedError", "nnsh's np.linalg.norm computes the 2-norm of the whole array only") }
            var x = try arrayArg(b.values["x"]!)
            if !x.dtype.isFloatingPoint { x = try x.to(.float64) }
            // `sqrt(dot(x.ravel(), x.ravel()))`.
            let flat = try x.contiguous().reshape([-1])
            let sq = try NumPyReduce.sequential(try Tensor.binary(flat, flat, .mul), axes: nil, keepdims: false, dtype: nil, multiply: false)
            return NDArrayObject.result(try sq.sqrt())
        })
        for name in ["inv", "det", "eig", "eigh", "svd", "solve", "qr", "cholesky", "pinv", "matrix_rank", "lstsq"] {
            linalg.lazyMembers[name] = { throw PythonError("NotImplementedError", "nnsh's numpy does not implement numpy.linalg.\(name) yet") }
        }
        m["linalg"] = .namespace(linalg)
        let ns = Namespace("numpy", m)
        // The members written in Python (Library/NumPyLibrary.swift), loaded on first use.
        for name in ["errstate", "seterr", "geterr", "printoptions"] {
            ns.lazyMembers[name] = {
                guard case .namespace(let extras)? = interp.builtinModule(named: "_numpy_extras"), let f = try extras.member(name) else {
                    throw PythonError.runtime("numpy.\(name) is unavailable")
                }
                return f
            }
        }
        for name in notImplemented {
            ns.lazyMembers[name] = { throw PythonError("NotImplementedError", "nnsh's numpy does not implement numpy.\(name) yet") }
        }
        return ns
    }

    /// `np.sort` / `np.argsort` along `axis`: NaN last; ties keep their order (numpy's default
    /// quicksort only promises the values).
    static func sorted(_ x: Tensor, axis: Int, indices: Bool) throws -> Value {
        let perm = (0..<x.dim).filter { $0 != axis } + [axis]
        let p = try x.permute(perm).contiguous()
        let run = x.shape[axis], outer = run == 0 ? 0 : p.numel / run
        let v = try p.to(.float64).doubles()
        var order = [Int64](repeating: 0, count: p.numel)
        for k in 0..<outer {
            let idx = (0..<run).sorted { a, b in
                let va = v[k * run + a], vb = v[k * run + b]
                if va.isNaN || vb.isNaN { return !va.isNaN && vb.isNaN || (va.isNaN && vb.isNaN && a < b) }
                return va < vb || (va == vb && a < b)
            }
            for (i, j) in idx.enumerated() { order[k * run + i] = Int64(j) }
        }
        var inverse = [Int](repeating: 0, count: perm.count)
        for (i, d) in perm.enumerated() { inverse[d] = i }
        let idxT = try Tensor.from(ints: order, shape: perm.map { x.shape[$0] }, dtype: .int64)
        if indices { return .object(NDArrayObject(try idxT.permute(inverse).contiguous())) }
        let flatP = try p.reshape([outer, run])
        var rows = [Tensor]()
        for k in 0..<outer { rows.append(try flatP.select(0, k).indexSelect(0, try idxT.reshape([outer, run]).select(0, k))) }
        let sortedP = outer == 0 ? p : try Tensor.stack(rows).reshape(perm.map { x.shape[$0] })
        return .object(NDArrayObject(try sortedP.permute(inverse).contiguous()))
    }

    static func checkShape(_ shape: [Int], _ interp: Interpreter) throws {
        if shape.contains(where: { $0 < 0 }) { throw PythonError.value("negative dimensions are not allowed") }
        let (n, o) = shape.reduce((1, false)) { a, d in let (p, oo) = a.0.multipliedReportingOverflow(by: d); return (p, a.1 || oo) }
        if o { throw PythonError.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.") }
        try interp.checkCollectionSize(n, elementBytes: 8)
    }

    /// `np.float32(x)`: a scalar of that type (a sequence gives an array).
    static func scalarConstructor(_ d: DType, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard let v = args.positional.first else {
            return .object(NDArrayObject(try Tensor.zeros([], dtype: d), scalar: true))
        }
        switch v {
        case .list, .tuple, .object(is NDArrayObject), .tensor:
            let t = try NumPyConvert.array(from: v, dtype: d, interp)
            return .object(NDArrayObject(t, scalar: t.dim == 0))
        case .str(let s):
            if d.isFloatingPoint, let x = Double(s.trimmingCharacters(in: .whitespaces)) {
                return .object(NDArrayObject(try Tensor.scalar(x, dtype: .float64).to(d), scalar: true))
            }
            if let x = Int(s.trimmingCharacters(in: .whitespaces)) {
                return .object(NDArrayObject(try Tensor.scalar(int: Int64(x), dtype: .int64).to(d), scalar: true))
            }
            throw PythonError.value("could not convert string to \(d.isFloatingPoint ? "float" : "int"): \(pythonStringRepr(s))")
        default:
            let t = try NumPyOps.castForAssignment(v, to: d, interp)
            return .object(NDArrayObject(t, scalar: true))
        }
    }

    static func nonzero(_ cond: Tensor) throws -> Value {
        let flat = try cond.contiguous()
        let v = try flat.to(.int64).ints()
        let strides = Shape.contiguousStrides(cond.shape)
        var coords = [[Int64]](repeating: [], count: Swift.max(cond.dim, 1))
        for (i, x) in v.enumerated() where x != 0 {
            var rem = i
            for d in 0..<cond.dim { coords[d].append(Int64(rem / strides[d])); rem %= strides[d] }
        }
        return .tuple(try coords.prefix(cond.dim).map { .object(NDArrayObject(try Tensor.from(ints: $0, shape: [$0.count], dtype: .int64))) })
    }

    /// `np.clip(a, min, max)` = `minimum(maximum(a, min), max)`; one bound may be None.
    static func clip(_ a: NDArrayObject, _ lo: Value, _ hi: Value) throws -> Value {
        let interp = try interpreterForMethods
        if lo.isNone && hi.isNone { throw PythonError.value("One of max or min must be given") }
        var cur: NumPyOps.Operand = .array(a.array)
        for (bound, op) in [(lo, BinaryOp.maximum), (hi, .minimum)] where !bound.isNone {
            guard let o = try NumPyOps.operand(bound, interp) else { throw NumPyOps.unsupported("clip") }
            let r = try NumPyOps.resultType(cur, o)
            cur = .array(try Tensor.binary(try NumPyOps.tensor(cur, as: r), try NumPyOps.tensor(o, as: r), op))
        }
        guard case .array(let t) = cur else { return .none }
        return NDArrayObject.result(t)
    }

    /// `np.arange(start, stop, step, dtype)`: length ceil((stop - start) / step); values
    /// start + i * delta with delta = (start + step) - start, in the result dtype.
    static func arange(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let b = try args.bind("arange", ["start", "stop", "step", "dtype"], required: 1, keywordOnly: ["device", "like"])
        var start = b.values["start"]!, stop = b.values["stop"] ?? .none
        let stepV = b.values["step"] ?? .none
        if stop.isNone { stop = start; start = .int(0) }
        let step = stepV.isNone ? Value.int(1) : stepV
        let allInts = [start, stop, step].allSatisfy { if case .int = $0 { return true }; if case .bool = $0 { return true }; return false }
        let dtype = try NumPyConvert.dtype(b["dtype"]) ?? (allInts ? .int64 : .float64)
        let s0 = try start.asDouble(), s1 = try stop.asDouble(), st = try step.asDouble()
        if st == 0 { throw PythonError("ZeroDivisionError", "division by zero") }
        if !(s0.isFinite && s1.isFinite && st.isFinite) { throw PythonError.value("arange: cannot compute length") }
        let count = Foundation.ceil((s1 - s0) / st)
        guard count.isFinite, count < 9.2e18 else {
            throw PythonError("MemoryError", "arange of \(count) items would pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
        }
        let len = Swift.max(0, Int(count))
        try checkShape([len], interp)
        if allInts && !dtype.isFloatingPoint {
            let a = try start.asInt(), c = try step.asInt()
            let v = (0..<len).map { Int64(a) &+ Int64($0) &* Int64(c) }
            return .object(NDArrayObject(try Tensor.from(ints: v, shape: [len], dtype: .int64).to(dtype)))
        }
        let delta = (s0 + st) - s0
        var v = [Double](repeating: 0, count: len)
        for i in 0..<len { v[i] = i == 0 ? s0 : (i == 1 ? s0 + delta : s0 + Double(i) * delta) }
        return .object(NDArrayObject(try Tensor.from(doubles: v, shape: [len], dtype: .float64).to(dtype)))
    }

    /// `np.linspace(start, stop, num=50, endpoint=True, retstep=False, dtype)`, in numpy's steps:
    /// arange(num) * step + start, the last value set to stop.
    static func linspace(_ args: Arguments) throws -> Value {
        guard let interp = interpreter else { throw PythonError.runtime("numpy is not initialised") }
        let b = try args.bind("linspace", ["start", "stop", "num", "endpoint", "retstep", "dtype", "axis"], required: 2, keywordOnly: ["device"])
        let start = try b.values["start"]!.asDouble(), stop = try b.values["stop"]!.asDouble()
        let num = try b.int("num", 50)
        if num < 0 { throw PythonError.value("Number of samples, \(num), must be non-negative.") }
        try checkShape([num], interp)
        let endpoint = try b.bool("endpoint", true)
        let div = endpoint ? num - 1 : num
        let delta = stop - start
        var y = (0..<num).map { Double($0) }
        var step = Double.nan
        if div > 0 {
            step = delta / Double(div)
            if step == 0 { y = y.map { $0 / Double(div) * delta } } else { y = y.map { $0 * step } }
        } else {
            y = y.map { $0 * delta }
        }
        y = y.map { $0 + start }
        if endpoint && num > 1 { y[num - 1] = stop }
        let d = try NumPyConvert.dtype(b["dtype"]) ?? .float64
        let arr = Value.object(NDArrayObject(try Tensor.from(doubles: y, shape: [num], dtype: .float64).to(d)))
        if try b.bool("retstep", false) { return .tuple([arr, .object(NDArrayObject(Tensor.scalar(step, dtype: .float64), scalar: true))]) }
        return arr
    }
}

/// The array functions that are Python's operators under another name.
enum BinaryOperatorAlias {
    case add, subtract, multiply, divide, power, floorDivide, modulo, matrixMultiply
    var op: Syntax.BinaryOperator {
        switch self {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .power: return .power
        case .floorDivide: return .floorDivide
        case .modulo: return .modulo
        case .matrixMultiply: return .matrixMultiply
        }
    }
}
