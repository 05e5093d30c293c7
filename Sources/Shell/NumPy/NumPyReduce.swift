import Foundation
import NumPy
import Torch

/// numpy's reductions in numpy's order: `add.reduce` sums a reduced innermost axis pairwise
/// (from 0, the identity) and accumulates other reduced axes one slice after another; `mean`,
/// `var` and `std` are `_methods.py`'s compositions of those sums.
enum NumPyReduce {
    /// The reduced axes (nil: all) for an array of `ndim` dims.
    static func reducedSet(_ axes: [Int]?, _ ndim: Int) -> [Int] { axes ?? Array(0..<ndim) }

    static func outShape(_ shape: [Int], _ reduced: [Int], keepdims: Bool) -> [Int] {
        var out = [Int]()
        for (i, s) in shape.enumerated() {
            if reduced.contains(i) { if keepdims { out.append(1) } } else { out.append(s) }
        }
        return out
    }

    /// `np.add.reduce(x, axes)` in `dtype` (float accumulation in the dtype; integers in int64
    /// wrapping, bools counted as int64).
    static func sum(_ x0: Tensor, axes: [Int]?, keepdims: Bool, dtype: DType? = nil) throws -> Tensor {
        let acc: DType = dtype ?? (x0.dtype == .bool || x0.dtype == .uint8 || x0.dtype == .int32 ? .int64 : x0.dtype)
        // A cast goes through numpy's 8192-element buffers: the pairwise sums restart at each.
        let cast = acc != x0.dtype && acc.isFloatingPoint
        let x = try (x0.dtype == acc ? x0 : x0.to(acc)).contiguous()
        let red = reducedSet(axes, x.dim)
        let shape = x.shape
        let outShape = outShape(shape, red, keepdims: false)
        let n = x.numel
        let innerReduced = x.dim > 0 && red.contains(x.dim - 1)
        // Trailing reduced axes form the pairwise run.
        var runAxes = 0
        if innerReduced { var d = x.dim - 1; while d >= 0 && red.contains(d) { runAxes += 1; d -= 1 } }
        let run = x.dim == 0 ? 1 : shape.suffix(runAxes).reduce(1, *)
        let outerShape = Array(shape.prefix(x.dim - runAxes))
        let result = try Tensor.zeros(outShape, dtype: acc)
        if n == 0 { return keepdims ? try result.reshape(Self.outShape(shape, red, keepdims: true)) : result }
        let outerStrides = Shape.contiguousStrides(outerShape)
        let outStrides = Shape.contiguousStrides(outShape)
        // For each outer index (C order), the output index drops the reduced axes.
        let outerCount = outerShape.reduce(1, *)
        func outIndex(_ k: Int) -> Int {
            var rem = k, o = 0, j = 0
            for d in outerShape.indices {
                let i = rem / outerStrides[d]; rem %= outerStrides[d]
                if !red.contains(d) { o += i * outStrides[j]; j += 1 }
            }
            return o
        }
        func kernel<T: BinaryFloatingPoint & Element>(_: T.Type) {
            let p = x.storage.pointer(T.self) + x.offset, o = result.storage.pointer(T.self)
            for k in 0..<outerCount {
                let dst = outIndex(k)
                if runAxes > 0 {
                    var s: T = 0
                    if cast {
                        var start = 0
                        s = o[dst]
                        while start < run {
                            let len = Swift.min(8192, run - start)
                            s = s + PairwiseSum.sum(p + k * run + start, count: len, stride: 1)
                            start += len
                        }
                        o[dst] = s
                    } else {
                        o[dst] = o[dst] + PairwiseSum.sum(p + k * run, count: run, stride: 1)
                    }
                } else {
                    o[dst] = o[dst] + p[k]
                }
            }
        }
        switch acc {
        case .float32: kernel(Float.self)
        case .float64: kernel(Double.self)
        default:
            let p = x.storage.pointer(Int64.self) + x.offset, o = result.storage.pointer(Int64.self)
            for k in 0..<outerCount {
                let dst = outIndex(k)
                var s: Int64 = 0
                for i in 0..<run { s = s &+ p[k * run + i] }
                o[dst] = o[dst] &+ s
            }
        }
        return keepdims ? try result.reshape(Self.outShape(shape, red, keepdims: true)) : result
    }

    static func count(_ x: Tensor, _ axes: [Int]?) -> Int {
        reducedSet(axes, x.dim).reduce(1) { $0 * x.shape[$1] }
    }

    /// `_mean`: the sum (float64 for integers and bools) divided by the count in its dtype.
    static func mean(_ x: Tensor, axes: [Int]?, keepdims: Bool, dtype: DType? = nil) throws -> Tensor {
        let acc = dtype ?? (x.dtype.isFloatingPoint ? x.dtype : .float64)
        let s = try sum(x, axes: axes, keepdims: keepdims, dtype: acc)
        let n = count(x, axes)
        return try Tensor.binary(s, try Tensor.scalar(Double(n), dtype: .float64).to(acc), .div)
    }

    /// `_var`: mean (keepdims), squared deviations, their sum over the count less `ddof`.
    static func variance(_ x: Tensor, axes: [Int]?, keepdims: Bool, ddof: Int) throws -> Tensor {
        let acc: DType = x.dtype.isFloatingPoint ? x.dtype : .float64
        let n = count(x, axes)
        let m = try Tensor.binary(try sum(x, axes: axes, keepdims: true, dtype: acc), try Tensor.scalar(Double(n), dtype: .float64).to(acc), .div)
        let xa = try x.to(acc)
        let d = try Tensor.binary(xa, m, .sub)
        let sq = try Tensor.binary(d, d, .mul)
        let s = try sum(sq, axes: axes, keepdims: keepdims, dtype: acc)
        let dof = Swift.max(n - ddof, 0)
        return try Tensor.binary(s, try Tensor.scalar(Double(dof), dtype: .float64).to(acc), .div)
    }

    /// `max`/`min` (NaN propagates), `argmax`/`argmin` (first occurrence; NaN wins).
    static func extreme(_ x: Tensor, axis: Int?, keepdims: Bool, isMax: Bool, arg: Bool, name: String) throws -> Tensor {
        if x.numel == 0 {
            if arg { throw PythonError.value("attempt to get \(name) of an empty sequence") }
            throw PythonError.value("zero-size array to reduction operation \(isMax ? "maximum" : "minimum") which has no identity")
        }
        let c = try x.contiguous()
        let axisList: [Int] = axis.map { [$0] } ?? Array(0..<c.dim)
        // Move reduced axes last, flatten them.
        let kept = (0..<c.dim).filter { !axisList.contains($0) }
        let perm = kept + axisList
        let p = try c.permute(perm).contiguous()
        let run = axisList.reduce(1) { $0 * c.shape[$1] }
        let outer = c.numel / Swift.max(run, 1)
        let values = try p.to(.float64).doubles()
        var outV = [Double](repeating: 0, count: outer), outI = [Int64](repeating: 0, count: outer)
        for k in 0..<outer {
            var best = values[k * run], bi = 0
            for i in 1..<Swift.max(run, 1) {
                let v = values[k * run + i]
                if best.isNaN { break }
                if v.isNaN || (isMax ? v > best : v < best) { best = v; bi = i }
            }
            outV[k] = best; outI[k] = Int64(bi)
        }
        var shape = kept.map { c.shape[$0] }
        if keepdims { shape = (0..<c.dim).map { axisList.contains($0) ? 1 : c.shape[$0] } }
        if arg { return try Tensor.from(ints: outI, shape: shape, dtype: .int64) }
        // The extreme element itself, in the array's dtype (read back exactly from its position).
        let flatP = try p.reshape([outer, Swift.max(run, 1)])
        var picked = [Tensor]()
        picked.reserveCapacity(outer)
        for k in 0..<outer { picked.append(try flatP.select(0, k).select(0, Int(outI[k]))) }
        if outer == 0 { return try Tensor.zeros(shape, dtype: x.dtype) }
        return try Tensor.stack(picked).reshape(shape)
    }
}

extension NumPyReduce {
    /// `np.multiply.reduce` (and integer `add.reduce`): one element after another from the
    /// identity, in C order along the reduced axes.
    static func sequential(_ x: Tensor, axes: [Int]?, keepdims: Bool, dtype: DType?, multiply: Bool) throws -> Tensor {
        let acc: DType = dtype ?? (x.dtype == .bool || x.dtype == .uint8 || x.dtype == .int32 ? .int64 : x.dtype)
        let red = reducedSet(axes, x.dim)
        let kept = (0..<x.dim).filter { !red.contains($0) }
        let p = try x.to(acc).permute(kept + red).contiguous()
        let run = red.reduce(1) { $0 * x.shape[$1] }
        let outer = run == 0 ? kept.reduce(1) { $0 * x.shape[$1] } : p.numel / run
        let shape = keepdims ? (0..<x.dim).map { red.contains($0) ? 1 : x.shape[$0] } : kept.map { x.shape[$0] }
        if acc.isFloatingPoint {
            let v = try p.to(.float64).doubles()
            var out = [Double](repeating: multiply ? 1 : 0, count: outer)
            for k in 0..<outer {
                if acc == .float32 {
                    var s: Float = multiply ? 1 : 0
                    for i in 0..<run { s = multiply ? s * Float(v[k * run + i]) : s + Float(v[k * run + i]) }
                    out[k] = Double(s)
                } else {
                    var s: Double = multiply ? 1 : 0
                    for i in 0..<run { s = multiply ? s * v[k * run + i] : s + v[k * run + i] }
                    out[k] = s
                }
            }
            return try Tensor.from(doubles: out, shape: shape, dtype: .float64).to(acc)
        }
        let v = try p.ints()
        var out = [Int64](repeating: multiply ? 1 : 0, count: outer)
        for k in 0..<outer { for i in 0..<run { out[k] = multiply ? out[k] &* v[k * run + i] : out[k] &+ v[k * run + i] } }
        return try Tensor.from(ints: out, shape: shape, dtype: .int64).to(acc)
    }

    /// `cumsum` / `cumprod` along `axis` (nil: of the flattened array), running in the accumulator dtype.
    static func cumulative(_ x0: Tensor, axis: Int?, dtype: DType?, multiply: Bool) throws -> Tensor {
        let x = axis == nil ? try x0.contiguous().reshape([x0.numel]) : x0
        let ax = axis ?? 0
        let acc: DType = dtype ?? (x.dtype == .bool || x.dtype == .uint8 || x.dtype == .int32 ? .int64 : x.dtype)
        guard x.dim > 0 else { return try x.to(acc).reshape([1]) }
        let perm = (0..<x.dim).filter { $0 != ax } + [ax]
        let p = try x.to(acc).permute(perm).contiguous()
        let run = x.shape[ax], outer = run == 0 ? 0 : p.numel / run
        var inverse = [Int](repeating: 0, count: perm.count)
        for (i, d) in perm.enumerated() { inverse[d] = i }
        let pshape = perm.map { x.shape[$0] }
        let r: Tensor
        if acc.isFloatingPoint {
            var v = try p.to(.float64).doubles()
            for k in 0..<outer {
                if acc == .float32 {
                    var s: Float = multiply ? 1 : 0
                    for i in 0..<run { s = multiply ? s * Float(v[k * run + i]) : s + Float(v[k * run + i]); v[k * run + i] = Double(s) }
                } else {
                    var s: Double = multiply ? 1 : 0
                    for i in 0..<run { s = multiply ? s * v[k * run + i] : s + v[k * run + i]; v[k * run + i] = s }
                }
            }
            r = try Tensor.from(doubles: v, shape: pshape, dtype: .float64).to(acc)
        } else {
            var v = try p.ints()
            for k in 0..<outer {
                var s: Int64 = multiply ? 1 : 0
                for i in 0..<run { s = multiply ? s &* v[k * run + i] : s &+ v[k * run + i]; v[k * run + i] = s }
            }
            r = try Tensor.from(ints: v, shape: pshape, dtype: .int64).to(acc)
        }
        return try r.permute(inverse).contiguous()
    }
}
