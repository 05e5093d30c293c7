import Foundation
import NumPy
import Torch

/// `ndarray`'s methods, each declared once with its numpy signature (the module's functions of
/// the same name call the same code).
enum NumPyMethods {
    static let names = ["all", "any", "argmax", "argmin", "argsort", "astype", "clip", "copy", "cumprod", "cumsum", "dot", "fill", "flatten",
                        "item", "max", "mean", "min", "prod", "ravel", "reshape", "round", "squeeze", "std", "sum", "tolist",
                        "transpose", "var"]

    static func method(_ name: String, _ a: NDArrayObject) -> Builtin? {
        guard names.contains(name) else { return nil }
        return Builtin(name, receiver: "numpy.ndarray object") { args in try call(name, a, args) }
    }

    static func call(_ name: String, _ a: NDArrayObject, _ args: Arguments) throws -> Value {
        let x = a.array
        switch name {
        case "reshape":
            var shapeValue: Value
            if args.positional.count == 1 { shapeValue = args.positional[0] }
            else if args.positional.isEmpty, let s = args.keywords.first(where: { $0.0 == "shape" })?.1 { shapeValue = s }
            else { shapeValue = .tuple(args.positional) }
            if args.keywords.contains(where: { $0.0 == "order" && $0.1.str != "C" }) {
                throw PythonError("NotImplementedError", "nnsh's numpy reshapes in C order only")
            }
            return .object(a.view(try NumPyOps.reshaped(x, try NumPyOps.shapeArgument(shapeValue, "reshape"))))
        case "transpose":
            if args.positional.isEmpty { return .object(a.view(try x.permute(Array((0..<x.dim).reversed())))) }
            let axes = args.positional.count == 1 ? try NumPyOps.shapeArgument(args.positional[0], "transpose") : try args.positional.map { try $0.asInt() }
            guard axes.count == x.dim else { throw PythonError.value("axes don't match array") }
            let norm = try axes.map { try NumPyOps.normalizeAxis($0, x.dim) }
            if Set(norm).count != norm.count { throw PythonError.value("repeated axis in transpose") }
            return .object(a.view(try x.permute(norm)))
        case "astype":
            let b = try args.bind("astype", ["dtype", "order", "casting", "subok", "copy"], required: 1)
            guard let d = try NumPyConvert.dtype(b.values["dtype"]) else { return .object(NDArrayObject(try x.clone())) }
            return .object(NDArrayObject(try NumPyOps.cast(x, to: d), scalar: a.isScalar))
        case "copy": return .object(NDArrayObject(try x.clone(), scalar: a.isScalar))
        case "tolist": return a.isScalar ? a.pythonValue() : a.tolist()
        case "item":
            if args.positional.isEmpty {
                guard x.numel == 1 else { throw PythonError.value("can only convert an array of size 1 to a Python scalar") }
                return NDArrayObject(try x.contiguous()).pythonValue()
            }
            let i = try args.positional[0].asInt()
            guard i >= -x.numel && i < x.numel else { throw PythonError.index("index \(i) is out of bounds for size \(x.numel)") }
            let flat = try x.contiguous().reshape([x.numel])
            return NDArrayObject(try flat.select(0, i < 0 ? i + x.numel : i).contiguous()).pythonValue()
        case "flatten": return .object(NDArrayObject(try x.contiguous().clone().reshape([x.numel])))
        case "ravel": return .object(x.isContiguous ? a.view(try x.reshape([x.numel])) : NDArrayObject(try x.contiguous().reshape([x.numel])))
        case "squeeze":
            let b = try args.bind("squeeze", ["axis"])
            guard let ax = try NumPyOps.axes(b["axis"], x.dim) else {
                return .object(a.view(try x.reshape(x.shape.filter { $0 != 1 })))
            }
            for d in ax where x.shape[d] != 1 {
                throw PythonError.value("cannot select an axis to squeeze out which has size not equal to one")
            }
            return .object(a.view(try x.reshape(x.shape.enumerated().filter { !ax.contains($0.offset) }.map(\.element))))
        case "sum", "mean":
            let b = try args.bind(name, ["axis", "dtype", "out", "keepdims"])
            let ax = try NumPyOps.axes(b["axis"], x.dim)
            let dt = try NumPyConvert.dtype(b["dtype"])
            let keep = try b.bool("keepdims", false)
            let r = name == "sum" ? try NumPyReduce.sum(x, axes: ax, keepdims: keep, dtype: dt)
                                  : try NumPyReduce.mean(x, axes: ax, keepdims: keep, dtype: dt)
            return NDArrayObject.result(r)
        case "argsort":
            let b = try args.bind("argsort", ["axis", "kind", "order"], keywordOnly: ["stable"])
            let axis = b.has("axis") && b["axis"] == nil ? nil : try NumPyOps.normalizeAxis(try b.int("axis", -1), x.dim)
            guard let axis else { return try NumPyModule.sorted(try x.contiguous().reshape([x.numel]), axis: 0, indices: true) }
            return try NumPyModule.sorted(x, axis: axis, indices: true)
        case "prod":
            let b = try args.bind(name, ["axis", "dtype", "out", "keepdims"])
            let ax = try NumPyOps.axes(b["axis"], x.dim)
            return NDArrayObject.result(try NumPyReduce.sequential(x, axes: ax, keepdims: try b.bool("keepdims", false),
                                                                    dtype: try NumPyConvert.dtype(b["dtype"]), multiply: true))
        case "cumsum", "cumprod":
            let b = try args.bind(name, ["axis", "dtype", "out"])
            var axis: Int?
            if let v = b["axis"] { axis = try NumPyOps.normalizeAxis(try v.asInt(), x.dim) }
            return .object(NDArrayObject(try NumPyReduce.cumulative(x, axis: axis, dtype: try NumPyConvert.dtype(b["dtype"]), multiply: name == "cumprod")))
        case "std", "var":
            let b = try args.bind(name, ["axis", "dtype", "out", "ddof", "keepdims"])
            let ax = try NumPyOps.axes(b["axis"], x.dim)
            let v = try NumPyReduce.variance(x, axes: ax, keepdims: try b.bool("keepdims", false), ddof: try b.int("ddof", 0))
            return NDArrayObject.result(name == "var" ? v : try v.sqrt())
        case "min", "max", "argmin", "argmax":
            let b = try args.bind(name, ["axis", "out", "keepdims"])
            var axis: Int?
            if let v = b["axis"] { axis = try NumPyOps.normalizeAxis(try v.asInt(), x.dim) }
            let isMax = name.hasSuffix("max"), arg = name.hasPrefix("arg")
            return NDArrayObject.result(try NumPyReduce.extreme(x, axis: axis, keepdims: try b.bool("keepdims", false),
                                                                 isMax: isMax, arg: arg, name: name))
        case "any", "all":
            let b = try args.bind(name, ["axis", "out", "keepdims"])
            let ax = try NumPyOps.axes(b["axis"], x.dim) ?? Array(0..<x.dim)
            let bools = try x.to(.bool)
            let r = x.dim == 0 ? bools : try bools.logicalReduce(all: name == "all", dims: ax, keepdim: try b.bool("keepdims", false))
            return NDArrayObject.result(r)
        case "clip":
            let b = try args.bind("clip", ["min", "max", "out"])
            return try NumPyModule.clip(a, b.values["min"] ?? .none, b.values["max"] ?? .none)
        case "fill":
            let b = try args.bind("fill", ["value"], required: 1)
            let v = try NumPyOps.castForAssignment(b.values["value"]!, to: x.dtype, NumPyModule.interpreterForMethods)
            try x.copyValuesInPlace(from: try v.expand(x.shape))
            return .none
        case "round":
            let b = try args.bind("round", ["decimals", "out"])
            return NDArrayObject.result(try NumPyOps.round(x, decimals: try b.int("decimals", 0)))
        case "dot":
            let b = try args.bind("dot", ["b", "out"], required: 1)
            guard let o = try NumPyOps.operand(b.values["b"]!, NumPyModule.interpreterForMethods) else {
                throw PythonError.type("unsupported operand for dot")
            }
            return try NumPyOps.binary(.matrixMultiply, .array(x), o)
        default:
            throw PythonError("AttributeError", "'numpy.ndarray' object has no attribute '\(name)'")
        }
    }
}

extension NumPyOps {
    /// `astype`: numpy's C casts (floats truncate toward zero into integers; NaN and out-of-range
    /// values give what the CPU's conversion gives, as numpy's do).
    static func cast(_ x: Tensor, to d: DType) throws -> Tensor {
        if x.dtype == d { return try x.clone() }
        return try x.to(d)
    }

    /// `np.round` / `around`: half to even; with decimals, `rint(x * 10**d) / 10**d`.
    static func round(_ x: Tensor, decimals: Int) throws -> Tensor {
        if !x.dtype.isFloatingPoint {
            if decimals >= 0 { return try x.clone() }
            if decimals <= -19 { return try Tensor.zeros(x.shape, dtype: x.dtype) }
            let f = Foundation.pow(10, Double(-decimals))
            let v = try x.contiguous().ints().map { Int64(double: (Double($0) / f).rounded(.toNearestOrEven) * f) }
            return try Tensor.from(ints: v, shape: x.shape, dtype: .int64).to(x.dtype)
        }
        if decimals == 0 { return try x.unary(.round) }
        let f = try Tensor.scalar(Foundation.pow(10, Double(Swift.abs(decimals))), dtype: .float64).to(x.dtype)
        if decimals > 0 {
            return try Tensor.binary(try Tensor.binary(x, f, .mul).unary(.round), f, .div)
        }
        return try Tensor.binary(try Tensor.binary(x, f, .div).unary(.round), f, .mul)
    }
}
