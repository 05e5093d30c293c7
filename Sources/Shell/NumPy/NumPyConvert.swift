import Foundation
import NumPy
import Torch

/// Python values, tensors and images to arrays, and numpy's dtype arguments.
enum NumPyConvert {
    /// The dtype a `dtype=` argument names: a string, `np.float32`, `np.dtype(…)`, Python's
    /// `float`/`int`/`bool`, or a torch dtype (numpy itself refuses those; nnsh does too).
    static func dtype(_ v: Value?) throws -> DType? {
        guard let v, !v.isNone else { return nil }
        switch v {
        case .str(let s):
            guard let d = DType.numpy(named: s) else {
                if ["int8", "int16", "uint16", "uint32", "uint64", "float16", "complex64", "complex128", "object", "str", "U", "S"].contains(s) {
                    throw PythonError("NotImplementedError", "nnsh's numpy supports the dtypes float64, float32, int64, int32, uint8 and bool, not \(s)")
                }
                throw PythonError.type("data type '\(s)' not understood")
            }
            return d
        case .object(let d as NumPyDTypeObject): return d.dtype
        case .object(let t as PyType):
            if let d = NumPyTypes.dtype(of: t) { return d }
            if t === PyType.float { return .float64 }
            if t === PyType.int { return .int64 }
            if t === PyType.bool { return .bool }
            throw PythonError.type("Cannot interpret '\(t.repr())' as a data type")
        case .builtin(let b):
            switch b.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: throw PythonError.type("Cannot interpret '<built-in function \(b.name)>' as a data type")
            }
        default:
            throw PythonError.type("Cannot interpret '\(v.repr)' as a data type")
        }
    }

    /// `np.array(obj, dtype)`: nested lists and tuples of numbers (numpy's inferred dtype: bool,
    /// int64 or float64 by the widest item), arrays, tensors, numpy scalars.
    static func array(from v: Value, dtype: DType?, _ interp: Interpreter, copy: Bool = true) throws -> Tensor {
        switch v {
        case .object(let a as NDArrayObject):
            if let dtype, dtype != a.array.dtype { return try a.array.to(dtype) }
            return copy ? try a.array.clone() : a.array
        case .tensor(let t):
            if t.requiresGrad {
                throw PythonError.runtime("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            if let dtype, dtype != t.dtype { return try t.to(dtype) }
            return copy ? try t.detach().clone() : t.detach()
        case .object(let img as ImageObject):
            return try imageArray(img, dtype: dtype)
        default: break
        }
        var shape = [Int]()
        var leafDepth: Int?
        var values = [Value]()
        func inhomogeneous(after depth: Int) -> PythonError {
            PythonError.value("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(ArrayPrinter.shapeText(Array(shape.prefix(depth)))) + inhomogeneous part.")
        }
        func walk(_ x: Value, _ depth: Int) throws {
            if depth > 32 { throw PythonError.value("maximum supported dimension for an ndarray is currently 64, found 65") }
            switch x {
            case .list, .tuple, .range:
                if let leaf = leafDepth, depth >= leaf {
                    throw inhomogeneous(after: leaf)
                }
                let items = try interp.iterate(x)
                if depth == shape.count { shape.append(items.count) }
                else if shape[depth] != items.count {
                    throw inhomogeneous(after: depth)
                }
                try interp.checkCollectionSize(items.count)
                for item in items { try walk(item, depth + 1) }
            case .object(let a as NDArrayObject) where !a.isScalar:
                try walk(a.tolist(), depth)
            case .tensor(let t) where t.dim > 0:
                try walk(NDArrayObject(t).tolist(), depth)
            default:
                if depth < shape.count {
                    throw inhomogeneous(after: depth)
                }
                leafDepth = depth
                values.append(x)
            }
        }
        try walk(v, 0)
        if leafDepth == nil && shape.count > 0 {
            // Only empty lists: float64 of that shape.
            return try Tensor.zeros(shape, dtype: dtype ?? .float64)
        }
        // The widest kind present decides the dtype (numpy scalars keep theirs).
        var inferred: DType = .bool
        var sawAny = false
        for x in values {
            let d: DType
            switch x {
            case .bool: d = .bool
            case .int: d = .int64
            case .float: d = .float64
            case .object(let a as NDArrayObject): d = a.array.dtype
            case .tensor(let t): d = t.dtype
            case .str:
                throw PythonError("NotImplementedError", "nnsh's numpy has no string arrays")
            case .none:
                throw PythonError("NotImplementedError", "nnsh's numpy has no object arrays (the input holds None)")
            default:
                throw PythonError("NotImplementedError", "nnsh's numpy has no object arrays (the input holds '\(x.typeName)')")
            }
            inferred = sawAny ? NumPyPromotion.promote(inferred, d) : d
            sawAny = true
        }
        let target = dtype ?? inferred
        if target.isFloatingPoint || values.contains(where: { if case .float = $0 { return true }; return false }) {
            var doubles = [Double]()
            doubles.reserveCapacity(values.count)
            for x in values { doubles.append(try scalarDouble(x)) }
            let t = try Tensor.from(doubles: doubles, shape: shape, dtype: .float64)
            return target == .float64 ? t : try t.to(target)
        }
        var ints = [Int64]()
        ints.reserveCapacity(values.count)
        for x in values {
            switch x {
            case .bool(let b): ints.append(b ? 1 : 0)
            case .int(let i):
                if dtype == nil || target == .int64 { ints.append(Int64(i)) }
                else {
                    _ = try NumPyOps.promote(target, scalar: .int(i))
                    ints.append(Int64(i))
                }
            default:
                // A C cast: out-of-range values (and NaN) give int64's minimum, as numpy's do on x86.
                let d = try scalarDouble(x)
                ints.append(d.isFinite && Swift.abs(d) < 9.2e18 ? Int64(d) : Int64.min)
            }
        }
        let t = try Tensor.from(ints: ints, shape: shape, dtype: .int64)
        return target == .int64 ? t : try t.to(target)
    }

    static func scalarDouble(_ x: Value) throws -> Double {
        switch x {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .object(let a as NDArrayObject): return try a.toDouble() ?? 0
        case .tensor(let t): return try t.item()
        default: throw PythonError.type("float() argument must be a string or a real number, not '\(x.typeName)'")
        }
    }

    /// `np.array(pil_image)`: H×W×C uint8 (H×W for "L" images), as PIL's `__array_interface__` gives.
    static func imageArray(_ img: ImageObject, dtype: DType?) throws -> Tensor {
        let im = img.image
        let shape = im.channels == 1 ? [im.height, im.width] : [im.height, im.width, im.channels]
        let t = try Tensor.from(im.pixels, shape: shape)
        if let dtype, dtype != .uint8 { return try t.to(dtype) }
        return t
    }
}
