/// `where`, `clamp` and the in-place arithmetic methods.
extension Tensor {
    /// `torch.where(self_is_condition, a, b)` — here `self` is the condition.
    public func `where`(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let cond = try to(.bool)
        let dtype = Tensor.resultType([a, b])
        let x = try a.to(dtype), y = try b.to(dtype)
        let shape = try Shape.broadcast(Shape.broadcast(cond.shape, x.shape), y.shape)
        let c = try cond.expand(shape), xe = try x.expand(shape), ye = try y.expand(shape)
        let out = try Tensor.zeros(shape, dtype: dtype)
        var i = 0
        let cv = try c.ints(), xv = try xe.doubles(), yv = try ye.doubles()
        if dtype.isIntegral {
            let xi = try xe.ints(), yi = try ye.ints()
            for k in 0..<out.numel { out.setFlatInt(k, cv[k] != 0 ? xi[k] : yi[k]) }
        } else {
            for k in 0..<out.numel { out.setFlat(k, cv[k] != 0 ? xv[k] : yv[k]); i += 1 }
        }
        let sa = a.shape, sb = b.shape
        return out.recording("WhereBackward0", [a, b]) { g in
            let m = try cond.expand(shape).to(g.dtype)
            return [try (g * m).sumTo(sa), try (g * (Tensor.wrapped(1) - m)).sumTo(sb)]
        }
    }

    /// `x.masked_fill(mask, value)`: a bool mask broadcast to x, a 0-d value (its gradient is the sum
    /// over the filled places, as PyTorch's `MaskedFillBackward0`).
    public func maskedFill(_ mask: Tensor, _ value: Tensor) throws -> Tensor {
        guard mask.dtype == .bool else {
            throw TorchError.runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.cppTypeName)")
        }
        guard value.dim == 0 else {
            throw TorchError.runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.dim) dimension(s).")
        }
        let full = try Shape.broadcast(shape, mask.shape)
        let out = try GradMode.withoutGrad { try mask.where(value.to(dtype), self) }
        let inShape = shape
        return out.recording("MaskedFillBackward0", [self, value]) { g in
            let m = try mask.expand(full).to(g.dtype)
            return [try (g * (Tensor.wrapped(1) - m)).sumTo(inShape), try (g * m).sum()]
        }
    }

    /// `clamp(min, max)` (either may be nil).
    public func clamp(min lo: Double?, max hi: Double?) throws -> Tensor {
        if lo == nil && hi == nil {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        var out = self
        try GradMode.withoutGrad {
            if let lo { out = try Tensor.binary(out, Tensor.wrapped(lo), .maximum).to(dtype.isFloatingPoint ? dtype : Tensor.resultType([self, .wrapped(lo)])) }
            if let hi { out = try Tensor.binary(out, Tensor.wrapped(hi), .minimum) }
        }
        if !dtype.isFloatingPoint && (lo.map { $0 != $0.rounded() } ?? false || hi.map { $0 != $0.rounded() } ?? false) == false {
            out = try out.to(dtype)
        }
        if out === self { out = try to(dtype, copy: true) }
        out.gradFn = nil
        let x = self
        return out.recording("ClampBackward1", [self]) { g in
            var keep = try Tensor.onesLike(x, dtype: .bool)
            if let lo { keep = try Tensor.compareValues(keep, Tensor.binary(x, .wrapped(lo), .ge), .logicalAnd) }
            if let hi { keep = try Tensor.compareValues(keep, Tensor.binary(x, .wrapped(hi), .le), .logicalAnd) }
            return [try g * keep.to(g.dtype)]
        }
    }

    /// In-place `self op= other` (`add_`, `mul_`, …, and Python's `+=` on tensors).
    public func applyInPlace(_ op: BinaryOp, _ other: Tensor) throws {
        try checkInPlace()
        try assertNoInternalOverlap()
        if op.isBitwise && !dtype.isFloatingPoint {
            // PyTorch checks the cast of an in-place result before running the kernel.
            let promoted = Tensor.resultType([self, other])
            if promoted.isFloatingPoint {
                throw TorchError.runtime("result type \(promoted.cppName) can't be cast to the desired output type \(dtype.cppName)")
            }
        }
        let result = try Tensor.binary(self, other, op)
        if result.dtype.isFloatingPoint && !dtype.isFloatingPoint {
            throw TorchError.runtime("result type \(result.dtype.cppName) can't be cast to the desired output type \(dtype.cppName)")
        }
        let bshape = try Shape.broadcast(shape, result.shape)
        if bshape != shape {
            throw TorchError.runtime("output with shape \(Shape.describe(shape)) doesn't match the broadcast shape \(Shape.describe(bshape))")
        }
        try copyValues(from: result)
        if let fn = result.gradFn {
            gradFn = GradNode(name: fn.name, inputs: fn.inputs.map { $0 === self ? self.snapshotForGrad() : $0 }, backward: fn.backward)
        }
    }

    /// A stand-in for `self` before an in-place change, so the graph keeps the old node.
    func snapshotForGrad() -> Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        t.gradFn = gradFn
        t.leafRequiresGrad = leafRequiresGrad
        return t
    }
}

extension Tensor {
    /// `nonzero()`: an int64 `[n, dim]` tensor of the indices of the nonzero elements, in row-major order.
    public func nonzero() throws -> Tensor {
        let values = try doubles()
        var out = [Int64]()
        var count = 0
        for (k, v) in values.enumerated() where v != 0 {
            var rest = k, index = [Int64](repeating: 0, count: dim)
            for d in stride(from: dim - 1, through: 0, by: -1) {
                index[d] = Int64(rest % shape[d]); rest /= shape[d]
            }
            out += index
            count += 1
        }
        return try Tensor.from(ints: out, shape: [count, dim], dtype: .int64)
    }
}
