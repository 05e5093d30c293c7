import Torch

/// `explain`: PyTorch's documented output-size formula per spatial dim with the numbers substituted,
/// then the output shape; for Sequential, each layer in turn.
public func explainShapes(_ m: Module, inputShape: [Int]) throws -> String {
    var lines = [String]()
    _ = try explainInto(m, inputShape, &lines, prefix: "")
    return lines.joined(separator: "\n")
}

func sizeText(_ s: [Int]) -> String { "torch.Size([" + s.map(String.init).joined(separator: ", ") + "])" }

func dimNames(_ n: Int) -> [String] { n == 1 ? ["L"] : n == 2 ? ["H", "W"] : ["D", "H", "W"] }

// The formulas are worked in Python's unbounded integers, as PyTorch's own shape arithmetic in Python
// does: each is at most two products of 64-bit operands plus small terms, which Int128 holds, so any
// input size prints its numbers; a result beyond 64 bits is then refused as an output size.
private func floorDiv(_ a: Int128, _ b: Int128) -> Int128 { b <= 0 ? 0 : a >= 0 ? a / b : -((-a + b - 1) / b) }

private func outputDim(_ v: Int128) throws -> Int {
    guard let i = Int(exactly: v) else { throw TorchError.runtime("integer overflow in output size computation") }
    return i
}

@discardableResult
func explainInto(_ m: Module, _ shape: [Int], _ lines: inout [String], prefix: String) throws -> [Int] {
    if let seq = m as? Sequential {
        var s = shape
        lines.append("\(prefix)Sequential: input \(sizeText(shape))")
        for (name, c) in seq.namedChildren() {
            lines.append("(\(name)): \(c.repr.split(separator: "\n").first.map(String.init) ?? c.typeName)")
            s = try explainInto(c, s, &lines, prefix: "  ")
        }
        return s
    }
    func spatialCheck(_ n: Int) throws {
        if shape.count != n + 1 && shape.count != n + 2 {
            throw TorchError.runtime("Expected \(n + 1)D (unbatched) or \(n + 2)D (batched) input to \(m.typeName), but got input of size: [\(shape.map(String.init).joined(separator: ", "))]")
        }
    }
    var out = shape
    if let c = m as? ConvNd {
        let n = c.spatialDims
        try spatialCheck(n)
        let ch = shape.count - n - 1
        if shape[ch] != (c.transposed ? c.inChannels : c.inChannels) {
            throw TorchError.runtime("expected input\(listRepr(shape)) to have \(c.inChannels) channels, but got \(shape[ch]) channels instead")
        }
        out[ch] = c.outChannels
        for i in 0..<n {
            let nm = dimNames(n)[i], x = shape[ch + 1 + i]
            let k = c.kernelSize[i], s = c.stride[i], d = c.dilation[i]
            if c.transposed {
                let p = c.padding[i], op = c.outputPadding[i]
                let o = (Int128(x) - 1) * Int128(s) - 2 * Int128(p) + Int128(d) * (Int128(k) - 1) + Int128(op) + 1
                lines.append("\(prefix)\(nm)_out = (\(x) − 1)×\(s) − 2×\(p) + \(d)×(\(k)−1) + \(op) + 1 = \(o)")
                out[ch + 1 + i] = try outputDim(o)
            } else {
                var pl = c.padding[i], pr = c.padding[i]
                if c.paddingString == "same" {
                    pl = c.reversedPaddingRepeatedTwice[2 * (n - 1 - i)]; pr = c.reversedPaddingRepeatedTwice[2 * (n - 1 - i) + 1]
                }
                let o = floorDiv(Int128(x) + Int128(pl) + Int128(pr) - Int128(d) * (Int128(k) - 1) - 1, Int128(s)) + 1
                let padText = pl == pr ? "2×\(pl)" : "\(pl) + \(pr)"
                lines.append("\(prefix)\(nm)_out = floor((\(x) + \(padText) − \(d)×(\(k)−1) − 1) / \(s) + 1) = \(o)")
                out[ch + 1 + i] = try outputDim(o)
            }
        }
    } else if let p = m as? MaxPool {
        let n = p.dims
        try spatialCheck(n)
        // Checked as the forward checks them: `nn.MaxPool1d(())` is built fine and fails when called.
        let (k, s, pd, d) = try Functional.poolArguments(average: false, n: n, kernel: p.kernelSize.expanded(1), stride: p.stride.expanded(1),
                                                         padding: p.padding.expanded(1), dilation: p.dilation.expanded(1))
        let base = shape.count - n
        for i in 0..<n {
            let nm = dimNames(n)[i], x = shape[base + i]
            let o = poolOut(x, k[i], s[i], pd[i], d[i], p.ceilMode)
            let f = p.ceilMode ? "ceil" : "floor"
            lines.append("\(prefix)\(nm)_out = \(f)((\(x) + 2×\(pd[i]) − \(d[i])×(\(k[i])−1) − 1) / \(s[i]) + 1) = \(o)")
            out[base + i] = try outputDim(o)
        }
    } else if let p = m as? AvgPool {
        let n = p.dims
        let (k, s, pd, _) = try Functional.poolArguments(average: true, n: n, kernel: p.kernelSize.expanded(1), stride: p.stride.expanded(1),
                                                         padding: p.padding.expanded(1), dilation: [1])
        try spatialCheck(n)
        let base = shape.count - n
        for i in 0..<n {
            let nm = dimNames(n)[i], x = shape[base + i]
            let o = poolOut(x, k[i], s[i], pd[i], 1, p.ceilMode)
            let f = p.ceilMode ? "ceil" : "floor"
            lines.append("\(prefix)\(nm)_out = \(f)((\(x) + 2×\(pd[i]) − \(k[i])) / \(s[i]) + 1) = \(o)")
            out[base + i] = try outputDim(o)
        }
    } else if let u = m as? MaxUnpool {
        let n = u.dims
        try spatialCheck(n)
        let base = shape.count - n
        for i in 0..<n {
            let nm = dimNames(n)[i], x = shape[base + i]
            let o = (Int128(x) - 1) * Int128(u.stride[i]) - 2 * Int128(u.padding[i]) + Int128(u.kernelSize[i])
            lines.append("\(prefix)\(nm)_out = (\(x) − 1)×\(u.stride[i]) − 2×\(u.padding[i]) + \(u.kernelSize[i]) = \(o)")
            out[base + i] = try outputDim(o)
        }
    } else if let l = m as? Linear {
        guard let last = shape.last, last == l.inFeatures else {
            throw TorchError.runtime("mat1 and mat2 shapes cannot be multiplied (\(shape.dropLast().reduce(1, &*))x\(shape.last ?? 0) and \(l.inFeatures)x\(l.outFeatures))")
        }
        out[out.count - 1] = l.outFeatures
        lines.append("\(prefix)H_out = out_features = \(l.outFeatures)")
    } else if let f = m as? Flatten {
        let r = shape.count
        let s = f.startDim < 0 ? f.startDim + r : f.startDim, e = f.endDim < 0 ? f.endDim + r : f.endDim
        if r > 0 && s <= e && s >= 0 && e < r {
            out = Array(shape[..<s]) + [try Shape.checkedProduct(shape[s...e])] + Array(shape[(e + 1)...])
        }
    } else if m is Identity || m is Sigmoid || m is Tanh || m is ReLU || m is LeakyReLU || m is PReLU || m is RReLU
                || m is Softmax || m is ELU || m is GELU || m is SiLU || m is Softplus || m is Hardtanh || m is Dropout {
        // shape unchanged
    } else {
        let y = try GradMode.withoutGrad { try m.forward(Tensor.zeros(shape)) }
        out = y.shape
    }
    if out.contains(where: { $0 < 1 }) {
        lines.append("\(prefix)\(sizeText(out))  (output size is too small)")
        throw TorchError.runtime("Calculated output size \(sizeText(out)) is too small")
    }
    lines.append("\(prefix)\(sizeText(out))")
    return out
}

func poolOut(_ i: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int, _ ceil: Bool) -> Int128 {
    let (i, k, s, p, d) = (Int128(i), Int128(k), Int128(s), Int128(p), Int128(d))
    let num = i + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0)
    var o = floorDiv(num, s) + 1
    if ceil && (o - 1) * s >= i + p { o -= 1 }
    return o
}
