import Foundation

/// Reductions over all or some dimensions, computed by moving the reduced dims last and
/// folding each contiguous row.
public enum ReduceOp: Sendable { case sum, mean, prod, max, min, argmax, argmin, variance(correction: Double), std(correction: Double), all, any }

extension Tensor {
    /// Reduces `dims` (all when empty) with `op`; returns the values (and for max/min with a dim, indices).
    func reduceRows(_ op: ReduceOp, dims: [Int], keepdim: Bool) throws -> (values: Tensor, indices: Tensor?) {
        if dim == 0 && !dims.isEmpty {
            // A 0-d tensor reduces over dim 0 (or -1) as over one element; the result stays 0-d,
            // keepdim or not, as in PyTorch.
            let ds = try dims.map { try Shape.wrapDim($0, 0) }
            if ds.count > 1 { throw TorchError.runtime("dim 0 appears multiple times in the list of dims") }
            return try reshape([1]).reduceRows(op, dims: [0], keepdim: false)
        }
        let reduceAll = dims.isEmpty
        let ds = reduceAll ? Array(0..<dim) : try dims.map { try Shape.wrapDim($0, dim) }
        if Set(ds).count != ds.count {
            throw TorchError.runtime("dim \(ds.first ?? 0) appears multiple times in the list of dims")
        }
        let kept = (0..<dim).filter { !ds.contains($0) }
        let outShape = keepdim ? (0..<dim).map { ds.contains($0) ? 1 : shape[$0] } : kept.map { shape[$0] }
        // A broadcast view can stand for far more elements than memory holds (`expand(2**31, 2**31)`):
        // reducing it is work without end, so it meets the same limit a copy of it would.
        if !isContiguous { try MemoryLimit.check(count: numel, dtype: dtype) }
        if dtype == .float32 || dtype == .float64, op.isSumOrMean {
            // PyTorch's own float order (float32 added in float32): see CascadeSum.
            return (try CascadeSum.reduce(self, dims: ds.sorted(), outShape: outShape, mean: op.isMean), nil)
        }
        // Rows laid out contiguously; an empty input has no values to read (and its permuted copy's
        // strides could overflow: the reduced sizes of (2**63-1, 2, 0, 5) moved last).
        let moved = numel == 0 ? try Tensor.zeros([0], dtype: dtype)
            : try GradMode.withoutGrad { try permute(kept + ds.sorted()).contiguous() }
        // The result must be allocatable (PyTorch's storage-size message otherwise); then `rows` fits, and
        // the row length fits whenever there are rows of it: an empty input's sizes may multiply past Int
        // (`randn(2**63-1, 2, 0).sum((0, 1))`).
        _ = try Shape.checkedStorageNumel(outShape)
        let rows = Shape.elementCount(kept.map { shape[$0] })
        let reducedSizes = ds.map { shape[$0] }
        let rowLen = reducedSizes.contains(0) ? 0 : rows == 0 ? 1 : Shape.elementCount(reducedSizes)
        switch op {
        case .max, .min, .argmax, .argmin:
            if rowLen == 0 {
                let name: String
                switch op { case .max: name = "max"; case .min: name = "min"; case .argmax: name = "argmax"; default: name = "argmin" }
                // PyTorch raises the whole-tensor case as a RuntimeError, the per-dim one as an IndexError.
                if reduceAll {
                    throw TorchError.runtime("\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
                }
                throw TorchError.index("\(name)(): Expected reduction dim \(ds[0]) to have non-zero size.")
            }
        default: break
        }
        // sum/prod of bool and integer tensors accumulate in int64 (PyTorch's result dtype); others keep bool → int64.
        var widen = false
        switch op { case .sum, .prod: widen = !moved.dtype.isFloatingPoint; default: break }
        let vals = try (moved.to(moved.dtype).dtype == .bool && !(op.isLogical)) || widen ? moved.to(.int64) : moved
        let result = try vals.dtype.dispatch(RowReducer(x: vals, op: op, rows: rows, rowLen: rowLen))
        let values = try result.0.reshape(outShape)
        let idx = try result.1?.reshape(outShape)
        return (values, idx)
    }

    public func sum(dims: [Int] = [], keepdim: Bool = false, dtype: DType? = nil) throws -> Tensor {
        let src = dtype.map { try? to($0) } ?? nil
        let out = try (src ?? self).reduceRows(.sum, dims: dims, keepdim: keepdim).values
        let inShape = shape
        let name = dims.isEmpty ? "SumBackward0" : "SumBackward1"
        let ds = try dims.map { try Shape.wrapDim($0, dim) }
        return out.recording(name, [self]) { g in [try Tensor.expandReduced(g, ds, keepdim, inShape)] }
    }

    public func mean(dims: [Int] = [], keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            // c10's ScalarType names: Long, Int, Byte, Bool.
            let names: [DType: String] = [.int64: "Long", .int32: "Int", .uint8: "Byte", .bool: "Bool"]
            throw TorchError("NotImplementedError", "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(names[dtype] ?? dtype.rawValue)")
        }
        let out = try reduceRows(.mean, dims: dims, keepdim: keepdim).values
        let inShape = shape
        let ds = try dims.map { try Shape.wrapDim($0, dim) }
        let count = Double(out.numel == 0 ? 1 : numel / Swift.max(out.numel, 1))
        return out.recording(dims.isEmpty ? "MeanBackward0" : "MeanBackward1", [self]) { g in
            [try Tensor.expandReduced(g / count, ds, keepdim, inShape)]
        }
    }

    public func prod(dims: [Int] = [], keepdim: Bool = false) throws -> Tensor {
        let out = try reduceRows(.prod, dims: dims, keepdim: keepdim).values
        let inShape = shape, x = self
        let ds = try dims.map { try Shape.wrapDim($0, dim) }
        return out.recording(dims.isEmpty ? "ProdBackward0" : "ProdBackward1", [self]) { g in
            let e = try Tensor.expandReduced(g * out, ds, keepdim, inShape)
            return [try e / x]
        }
    }

    /// `x.max()` / `x.min()` over everything.
    public func extreme(_ isMax: Bool) throws -> Tensor {
        let (v, _) = try reduceRows(isMax ? .max : .min, dims: [], keepdim: false)
        let x = self
        return v.recording(isMax ? "MaxBackward1" : "MinBackward1", [self]) { g in
            let mask = try Tensor.compareValues(x, v.to(x.dtype), .eq).to(g.dtype)
            return [try mask * g / mask.sum()]
        }
    }

    /// `x.max(dim)` / `x.min(dim)` → (values, indices).
    public func extreme(_ isMax: Bool, dim d: Int, keepdim: Bool) throws -> (Tensor, Tensor) {
        let at = try Shape.wrapDim(d, dim)
        let (v, i) = try reduceRows(isMax ? .max : .min, dims: [at], keepdim: keepdim)
        let indices = i ?? v
        let inShape = shape
        v.recording(isMax ? "MaxBackward0" : "MinBackward0", [self]) { g in
            if inShape.isEmpty { return [try g.reshape([])] }
            let z = try Tensor.zeros(inShape, dtype: g.dtype)
            let gk = keepdim ? g : try g.unsqueeze(at)
            let ik = keepdim ? indices : try indices.unsqueeze(at)
            try z.scatterAdd(at, ik, gk)
            return [z]
        }
        return (v, indices)
    }

    public func argExtreme(_ isMax: Bool, dim d: Int?, keepdim: Bool) throws -> Tensor {
        if let d {
            return try reduceRows(isMax ? .argmax : .argmin, dims: [try Shape.wrapDim(d, dim)], keepdim: keepdim).values
        }
        if numel == 0 {
            throw TorchError.index("\(isMax ? "argmax" : "argmin")(): Expected reduction dim to be specified for input.numel() == 0.")
        }
        let flat = try reshape([-1])
        let r = try flat.reduceRows(isMax ? .argmax : .argmin, dims: [0], keepdim: false).values
        return keepdim ? try r.reshape([Int](repeating: 1, count: dim)) : r
    }

    public func variance(dims: [Int] = [], correction: Double = 1, keepdim: Bool = false, std: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("std and var only support floating point and complex dtypes")
        }
        let out = try reduceRows(std ? .std(correction: correction) : .variance(correction: correction), dims: dims, keepdim: keepdim).values
        let x = self, inShape = shape
        let ds = try dims.map { try Shape.wrapDim($0, dim) }
        let n = Double(numel / Swift.max(out.numel, 1))
        return out.recording(std ? "StdBackward0" : "VarBackward0", [self]) { g in
            let m = try x.mean(dims: ds, keepdim: true)
            var scale = try Tensor.expandReduced(g, ds, keepdim, inShape) * (2 / Swift.max(n - correction, 0))
            if std { scale = try scale / Tensor.expandReduced(out * 2, ds, keepdim, inShape) }
            return [try scale * (x - m)]
        }
    }

    /// Broadcasts a reduced gradient back to the input shape.
    static func expandReduced(_ g: Tensor, _ dims: [Int], _ keepdim: Bool, _ shape: [Int]) throws -> Tensor {
        var r = g
        if shape.isEmpty { return try g.reshape([]) }  // a 0-d input reduced over its one element
        if !keepdim {
            let ds = dims.isEmpty ? Array(0..<shape.count) : dims.sorted()
            if dims.isEmpty { r = try r.reshape([Int](repeating: 1, count: shape.count)) }
            else { for d in ds { r = try r.unsqueeze(d) } }
        }
        return try r.expand(shape).contiguous()
    }

    /// `self.scatter_add_(dim, index, src)` for gradient rules (index and src of one shape).
    func scatterAdd(_ d: Int, _ index: Tensor, _ src: Tensor) throws {
        let idx = try index.ints(), vals = try src.doubles()
        var k = 0
        var pos = [Int](repeating: 0, count: index.dim)
        for _ in 0..<index.numel {
            var target = pos
            target[d] = Int(idx[k])
            let o = storageOffset(of: target)
            setFlat(o, flatDouble(o) + vals[k])
            k += 1
            var dd = index.dim - 1
            while dd >= 0 { pos[dd] += 1; if pos[dd] < index.shape[dd] { break }; pos[dd] = 0; dd -= 1 }
        }
    }
}

extension ReduceOp {
    var isLogical: Bool { if case .all = self { return true }; if case .any = self { return true }; return false }
}

/// Folds each row of a contiguous `[rows, rowLen]` tensor.
private struct RowReducer: ElementVisitor {
    let x: Tensor, op: ReduceOp, rows: Int, rowLen: Int

    func visit<T: Element>(_: T.Type) throws -> (Tensor, Tensor?) {
        let p = x.storage.pointer(T.self) + x.offset
        switch op {
        case .all, .any:
            let out = try Tensor.zeros([rows], dtype: .bool)
            let q = out.storage.pointer(Bool.self)
            for r in 0..<rows {
                let row = p + r * rowLen
                var acc = op.isAll
                for k in 0..<rowLen { let nz = row[k] != T.zero; acc = op.isAll ? acc && nz : acc || nz }
                q[r] = acc
            }
            return (out, nil)
        case .max, .min, .argmax, .argmin:
            let wantMax: Bool
            switch op { case .max, .argmax: wantMax = true; default: wantMax = false }
            let values = try Tensor.zeros([rows], dtype: T.dtype)
            let indices = try Tensor.zeros([rows], dtype: .int64)
            let v = values.storage.pointer(T.self), ix = indices.storage.pointer(Int64.self)
            for r in 0..<rows {
                let row = p + r * rowLen
                var best = row[0], at = 0
                if best == best {
                    for k in 1..<Swift.max(rowLen, 1) {
                        let c = row[k]
                        if c != c { best = c; at = k; break }   // NaN wins, first one
                        if wantMax ? c > best : c < best { best = c; at = k }
                    }
                }
                v[r] = best
                ix[r] = Int64(at)
            }
            switch op {
            case .argmax, .argmin: return (indices, nil)
            default: return (values, indices)
            }
        default:
            let isFloat = T.dtype.isFloatingPoint
            let outType: DType = T.dtype
            let out = try Tensor.zeros([rows], dtype: outType)
            for r in 0..<rows {
                let row = p + r * rowLen
                let value: Double
                switch op {
                case .sum, .mean:
                    if isFloat {
                        var acc = 0.0
                        for k in 0..<rowLen { acc += row[k].double }
                        value = op.isMean ? acc / Double(rowLen) : acc
                    } else {
                        var acc: Int64 = 0
                        for k in 0..<rowLen { acc = acc &+ row[k].int64 }
                        out.setFlatInt(r, acc)
                        continue
                    }
                case .prod:
                    if isFloat {
                        var acc = 1.0
                        for k in 0..<rowLen { acc *= row[k].double }
                        value = acc
                    } else {
                        var acc: Int64 = 1
                        for k in 0..<rowLen { acc = acc &* row[k].int64 }
                        out.setFlatInt(r, acc)
                        continue
                    }
                case .variance(let c), .std(let c):
                    var mean = 0.0
                    for k in 0..<rowLen { mean += row[k].double }
                    mean /= Double(rowLen)
                    var ss = 0.0
                    for k in 0..<rowLen { let d = row[k].double - mean; ss += d * d }
                    let varValue = ss / Swift.max(Double(rowLen) - c, 0)
                    if case .std = op { value = varValue.squareRoot() } else { value = varValue }
                default: value = 0
                }
                out.setFlat(r, value)
            }
            return (out, nil)
        }
    }
}

extension ReduceOp {
    var isAll: Bool { if case .all = self { return true }; return false }
    var isMean: Bool { if case .mean = self { return true }; return false }
    var isSumOrMean: Bool { switch self { case .sum, .mean: return true; default: return false } }
}
