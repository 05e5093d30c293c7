/// Smaller tensor operations the shell exposes: casts that record autograd, in-place geometry
/// changes, `repeat`, `flip`, `cumsum`, `sort`, logical reductions.
extension Tensor {
    /// `x.float()`, `x.to(dtype)`: a converted copy (self when the dtype already matches), differentiable.
    public func castRecording(_ d: DType) throws -> Tensor {
        if d == dtype { return self }
        let out = try to(d)
        let src = dtype
        if d.isFloatingPoint && src.isFloatingPoint {
            return out.recording("ToCopyBackward0", [self]) { g in [try g.to(src)] }
        }
        return out
    }

    /// `fill_` with an exact integer (int64 values beyond 2^53).
    public func fillInt(_ value: Int64) throws {
        let target = distinctElements
        target.forEachOffset { target.setFlatInt($0, value) }
    }

    /// `x.data = other`: this tensor now views `other`'s storage (PyTorch's `set_data`).
    public func replaceData(with src: Tensor) {
        storage = src.storage
        shape = src.shape
        strides = src.strides
        offset = src.offset
    }

    /// In-place view ops (`unsqueeze_`): take the geometry of a view of self.
    public func adoptGeometry(of view: Tensor) {
        shape = view.shape
        strides = view.strides
        offset = view.offset
    }

    /// `x.detach_()`.
    public func detachInPlace() {
        gradFn = nil
        leafRequiresGrad = false
    }

    /// Copies values in place without autograd bookkeeping (after the caller checked in-place rules).
    public func copyValuesInPlace(from src: Tensor) throws {
        try copyValues(from: src)
    }

    /// `x.repeat(*sizes)`.
    public func repeatTiles(_ reps: [Int]) throws -> Tensor {
        guard reps.count >= dim else {
            throw TorchError.runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let padded = [Int](repeating: 1, count: reps.count - dim) + shape
        // PyTorch multiplies in wrapping int64 and allocates the result before anything else, so its
        // negative-size and storage-size errors come first: `repeat(2**62, 0)` of a (3, 3) tensor wraps
        // to a negative size. (The product trapped here: structured fuzzer.)
        let target = zip(reps, padded).map { $0 &* $1 }
        let count = try Shape.checkedStorageNumel(target)
        // Interleaved [r0, s0, r1, s1, …]: the result viewed this way is the input expanded.
        var viewShape = [Int](), tiledShape = [Int]()
        for (r, s) in zip(reps, padded) { viewShape += [1, s]; tiledShape += [r, s] }
        let out = try GradMode.withoutGrad { () throws -> Tensor in
            if count == 0 { return try Tensor.zeros(target, dtype: dtype) }
            return try reshape(viewShape).expand(tiledShape).contiguous().reshape(target)
        }
        let inputShape = shape
        return out.recording("RepeatBackward0", [self]) { g in
            if count == 0 { return [try Tensor.zeros(inputShape, dtype: g.dtype)] }
            let tileDims = Array(stride(from: 0, to: tiledShape.count, by: 2))
            return [try g.reshape(tiledShape).sum(dims: tileDims).reshape(inputShape)]
        }
    }

    /// `x.flip(dims)`.
    public func flip(_ dims: [Int]) throws -> Tensor {
        let ds = try dims.map { try Shape.wrapDim($0, dim) }
        if let repeated = ds.first(where: { d in ds.filter { $0 == d }.count > 1 }) {
            throw TorchError.runtime("dim \(repeated) appears multiple times in the list of dims")
        }
        // A 0-d tensor has nothing to reverse (`wrapDim` accepts dim 0 for it, as PyTorch does).
        if dim == 0 { return try clone() }
        let out = try Tensor.zeros(shape, dtype: dtype)
        var src = [Int](repeating: 0, count: dim)
        for i in 0..<numel {
            var rem = i
            for d in stride(from: dim - 1, through: 0, by: -1) { src[d] = rem % shape[d]; rem /= shape[d] }
            for d in ds { src[d] = shape[d] - 1 - src[d] }
            out.setFlat(i, flatDouble(storageOffset(of: src)))
            if !dtype.isFloatingPoint { out.setFlatInt(i, flatInt(storageOffset(of: src))) }
        }
        return out.recording("FlipBackward0", [self]) { g in [try g.flip(ds)] }
    }

    /// `x.cumsum(dim)`.
    public func cumsum(_ d: Int) throws -> Tensor {
        let at = try Shape.wrapDim(d, dim)
        let resultType: DType = dtype.isFloatingPoint ? dtype : .int64
        let out = try to(resultType, copy: true).contiguous()
        guard dim > 0 else { return out }
        if out.numel > 0 {
            // PyTorch's kernel: one running sum per line in the accumulate type (double for float32,
            // wrapping int64), each output rounded to the result type. (It was a tensor op per step:
            // 10⁹ of them for an empty 10⁹ × 0 tensor, a time-out found by the structured fuzzer.)
            let n = shape[at]
            let inner = shape[(at + 1)...].reduce(1, *)
            let outer = out.numel / (n * inner)
            for o in 0..<outer {
                try TorchInterrupt.check()
                for i in 0..<inner {
                    let base = out.offset + o * n * inner + i
                    if resultType.isFloatingPoint {
                        var acc = 0.0
                        for k in 0..<n { let p = base + k * inner; acc += out.flatDouble(p); out.setFlat(p, acc) }
                    } else {
                        var acc: Int64 = 0
                        for k in 0..<n { let p = base + k * inner; acc &+= out.flatInt(p); out.setFlatInt(p, acc) }
                    }
                }
            }
        }
        let inShape = shape
        return out.recording("CumsumBackward0", [self]) { g in
            [try g.flip([at]).cumsum(at).flip([at]).sumTo(inShape)]
        }
    }

    /// `x.sort(dim, descending)` → (values, indices); stable.
    public func sort(dim d: Int, descending: Bool) throws -> (Tensor, Tensor) {
        let at = try Shape.wrapDim(d, dim)
        let moved = try GradMode.withoutGrad { try transpose(at, dim - 1).contiguous() }
        let n = dim == 0 ? 1 : shape[at]
        let values = try moved.to(dtype, copy: true)
        let indices = try Tensor.zeros(moved.shape, dtype: .int64)
        let rows = n == 0 ? 0 : moved.numel / n
        let vals = try moved.doubles()
        var comparisons = 0
        for r in 0..<rows {
            let base = r * n
            try TorchInterrupt.check()
            let order = try (0..<n).sorted { i, j in
                comparisons &+= 1
                if comparisons & 0xFFFFF == 0 { try TorchInterrupt.check() }  // Ctrl-C inside one long row
                let a = vals[base + i], b = vals[base + j]
                if a.isNaN != b.isNaN { return descending ? a.isNaN : b.isNaN }
                return descending ? a > b : a < b
            }
            for (k, i) in order.enumerated() {
                if dtype.isFloatingPoint { values.setFlat(base + k, vals[base + i]) }
                else { values.setFlatInt(base + k, moved.flatInt(base + i)) }
                indices.setFlatInt(base + k, Int64(i))
            }
        }
        if dim == 0 { return (values, indices) }
        return (try values.transpose(at, dim - 1), try indices.transpose(at, dim - 1))
    }

    /// `x.all(dim)` / `x.any(dim)`.
    public func logicalReduce(all: Bool, dims: [Int], keepdim: Bool) throws -> Tensor {
        try reduceRows(all ? .all : .any, dims: dims, keepdim: keepdim).values
    }

    /// A bool tensor from a predicate on each (float) value.
    public func mapToBool(_ f: (Double) -> Bool) throws -> Tensor {
        let out = try Tensor.zeros(shape, dtype: .bool)
        let p = out.storage.pointer(Bool.self)
        var i = 0
        forEachOffset { p[i] = f(flatDouble($0)); i += 1 }
        return out
    }
}
