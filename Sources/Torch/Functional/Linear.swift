extension Functional {
    /// `F.linear(input, weight, bias)` with PyTorch's node structure per input rank.
    public static func linear(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil) throws -> Tensor {
        if weight.dim != 2 && !(weight.dim == 1) {
            throw TorchError.runtime("t() expects a tensor with <= 2 dimensions, but self is \(weight.dim)D")
        }
        if input.dim == 0 { throw TorchError.runtime("both arguments to linear need to be at least 1D, but they are 0D and \(weight.dim)D") }
        if input.dtype != weight.dtype {
            throw TorchError.runtime("mat1 and mat2 must have the same dtype, but got \(input.dtype.cppName) and \(weight.dtype.cppName)")
        }
        let w2 = weight.dim == 1 ? try weight.unsqueeze(0) : weight
        let inF = input.shape[input.dim - 1]
        if input.dim == 2 {
            if let bias { return try addmm(bias, input, w2, shapeInput: input.shape) }
            return try mmPrefixed(input, w2.t())
        }
        let lead = Array(input.shape.dropLast())
        if bias == nil && input.dim == 1 {
            let r = try mmPrefixed(input.unsqueeze(0), w2.t())
            return try relabeledView(r, shape: [w2.shape[0]], name: "SqueezeBackward4")
        }
        let flat = try input.reshape([-1, inF])
        let r = bias != nil ? try addmm(bias!, flat, w2, shapeInput: input.shape) : try mmPrefixed(flat, w2.t())
        return try relabeledView(r, shape: lead + [w2.shape[0]], name: "UnsafeViewBackward0")
    }

    /// `bias + x @ w.T` as one `AddmmBackward0` node.
    static func addmm(_ bias: Tensor, _ x: Tensor, _ w: Tensor, shapeInput: [Int]) throws -> Tensor {
        if x.shape[1] != w.shape[1] {
            throw TorchError.runtime("addmm: mat1 and mat2 shapes cannot be multiplied (\(x.shape[0])x\(x.shape[1]) and \(w.shape[1])x\(w.shape[0]))")
        }
        let target = [x.shape[0], w.shape[0]]
        let bshape = bias.shape
        var ok = bshape.count <= 2
        for (i, s) in bshape.reversed().enumerated() where ok {
            let t = target[target.count - 1 - i]
            if s != t && s != 1 {
                throw TorchError.runtime("The expanded size of the tensor (\(t)) must match the existing size (\(s)) at non-singleton dimension \(target.count - 1 - i).  Target sizes: \(listText(target)).  Tensor sizes: \(listText(bshape))")
            }
        }
        if !ok { ok = true }
        let out = try GradMode.withoutGrad { try Tensor.binary(Tensor.mm(x, w.t()), bias, .add) }.detachedResult()
        out.recording("AddmmBackward0", [bias, x, w]) { g in
            try GradMode.withoutGrad {
                [bias.requiresGrad ? try g.sumTo(bshape) : nil,
                 x.requiresGrad ? try Tensor.mm(g, w) : nil,
                 w.requiresGrad ? try Tensor.mm(g.t(), x) : nil]
            }
        }
        return out
    }

    /// A reshaped result of `t` carrying a node named `name` (PyTorch's `_unsafe_view`, `squeeze`).
    static func relabeledView(_ t: Tensor, shape: [Int], name: String) throws -> Tensor {
        let inShape = t.shape
        let v = try GradMode.withoutGrad { try t.contiguous().reshape(shape) }
        let out = v.detach()
        out.base = nil
        out.recording(name, [t]) { g in [try g.reshape(inShape)] }
        return out
    }
}

/// `mm` with the shape message as `F.linear` reports it (prefixed `mm: `).
func mmPrefixed(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    do { return try Tensor.mm(a, b) } catch let e as TorchError where e.message.hasPrefix("mat1 and mat2") {
        throw TorchError(e.kind, "mm: " + e.message)
    }
}
