/// Diagonals and triangles: `diagonal` (a view), `diag`, `diag_embed`, `tril`/`triu`, `trace`.
extension Tensor {
    /// `x.diagonal(offset, dim1, dim2)`: a view whose last dimension walks the diagonal with stride
    /// `stride(dim1) + stride(dim2)`, the two dims removed (ATen's `diagonal`).
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws -> Tensor {
        let d1 = try Shape.wrapDim(dim1, dim), d2 = try Shape.wrapDim(dim2, dim)
        if d1 == d2 { throw TorchError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        let size: Int
        var start = offset
        if offset >= 0 {
            size = Swift.max(Swift.min(shape[d1], shape[d2] &- offset), 0)
        } else {
            size = Swift.max(Swift.min(shape[d1] &+ offset, shape[d2]), 0)
        }
        if size == 0 {
            start = self.offset
        } else {
            start = offset >= 0 ? try viewOffset(offset, strides[d2]) : try viewOffset(-offset, strides[d1])
        }
        var sh = [Int](), st = [Int]()
        for d in 0..<dim where d != d1 && d != d2 { sh.append(shape[d]); st.append(strides[d]) }
        sh.append(size)
        st.append(strides[d1] &+ strides[d2])
        return try makeView(shape: sh, strides: st, offset: start)
            .recordingView("DiagonalBackward0", self) { try $0.diagonal(offset: offset, dim1: d1, dim2: d2) }
    }

    /// `torch.diag_embed(x, offset, dim1, dim2)`: each last-dim vector laid on the diagonal of a new square.
    public func diagEmbed(offset: Int = 0, dim1: Int = -2, dim2: Int = -1) throws -> Tensor {
        let rank = dim + 1
        let d1 = try Shape.wrapDim(dim1, rank), d2 = try Shape.wrapDim(dim2, rank)
        if d1 == d2 { throw TorchError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        let n = (shape.last ?? 1) + Swift.abs(offset)
        var outShape = Array(shape.dropLast())
        for d in [Swift.min(d1, d2), Swift.max(d1, d2)] { outShape.insert(n, at: d) }
        let out = try Tensor.zeros(outShape, dtype: dtype)
        try GradMode.withoutGrad {
            let diag = try out.diagonal(offset: offset, dim1: d1, dim2: d2)
            try diag.copyValues(from: self)
        }
        return out.recording("DiagEmbedBackward0", [self]) { g in
            [try g.diagonal(offset: offset, dim1: d1, dim2: d2).contiguous()]
        }
    }

    /// `torch.diag(x, diagonal)`: a vector's square matrix, or a copy of a matrix's diagonal.
    public func diag(_ k: Int = 0) throws -> Tensor {
        switch dim {
        case 1: return try diagEmbed(offset: k, dim1: 0, dim2: 1)
        case 2:
            let d = try GradMode.withoutGrad { try diagonal(offset: k).contiguous() }
            let inShape = shape
            return d.recording("DiagonalBackward0_copy", [self]) { g in
                let z = try Tensor.zeros(inShape, dtype: g.dtype)
                try z.diagonal(offset: k).copyValues(from: g)
                return [z]
            }
        default: throw TorchError.runtime("diag(): Supports 1D or 2D tensors. Got \(dim)D")
        }
    }

    /// `tril(k)` / `triu(k)` over the last two dims: keeps j - i ≤ k (lower) or j - i ≥ k (upper).
    public func triangle(lower: Bool, _ k: Int = 0) throws -> Tensor {
        guard dim >= 2 else { throw TorchError.runtime("\(lower ? "tril" : "triu"): input tensor must have at least 2 dimensions") }
        let rows = shape[dim - 2], cols = shape[dim - 1]
        try MemoryLimit.check(count: numel, dtype: dtype)   // the result, before the mask is built
        let kept = try Tensor.zeros([rows, cols], dtype: .bool)
        for i in 0..<rows {
            if i & 0xFFF == 0xFFF { try TorchInterrupt.check() }
            for j in 0..<cols {
                let (d, overflow) = j.subtractingReportingOverflow(i)
                if !overflow && (lower ? d <= k : d >= k) { kept.setFlat(i * cols + j, 1) }
            }
        }
        let zero = Tensor.scalar(int: 0, dtype: dtype)
        let out = try GradMode.withoutGrad { try kept.where(self, zero) }
        return out.recording(lower ? "TrilBackward0" : "TriuBackward0", [self]) { g in [try g.triangle(lower: lower, k)] }
    }

    /// `x.trace()`: the sum of a matrix's main diagonal, accumulated in double (int64 for integers), as ATen's CPU kernel.
    public func trace() throws -> Tensor {
        guard dim == 2 else { throw TorchError.runtime("trace: expected a matrix, but got tensor with dim \(dim)") }
        let n = Swift.min(shape[0], shape[1])
        let out: Tensor
        if dtype.isFloatingPoint {
            var s = 0.0
            for i in 0..<n {
                if i & 0xFFFFF == 0xFFFFF { try TorchInterrupt.check() }
                s += flatDouble(storageOffset(of: [i, i]))
            }
            out = try Tensor.from(doubles: [s], shape: [], dtype: dtype)
        } else {
            var s: Int64 = 0
            for i in 0..<n {
                if i & 0xFFFFF == 0xFFFFF { try TorchInterrupt.check() }
                s = s &+ flatInt(storageOffset(of: [i, i]))
            }
            out = Tensor.scalar(int: s, dtype: .int64)
        }
        let inShape = shape
        return out.recording("TraceBackward0", [self]) { g in
            let z = try Tensor.zeros(inShape, dtype: g.dtype)
            try z.diagonal().copyValues(from: g)
            return [z]
        }
    }
}
