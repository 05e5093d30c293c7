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

private func floorDiv(_ a: Int, _ b: Int) -> Int { b <= 0 ? 0 : a >= 0 ? a / b : -((-a + b - 1) / b) }

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
                let o = (x - 1) * s - 2 * p + d * (k - 1) + op + 1
                lines.append("\(prefix)\(nm)_out = (\(x) − 1)×\(s) − 2×\(p) + \(d)×(\(k)−1) + \(op) + 1 = \(o)")
                out[ch + 1 + i] = o
            } else {
                var pl = c.padding[i], pr = c.padding[i]
                if c.paddingString == "same" {
                    pl = c.reversedPaddingRepeatedTwice[2 * (n - 1 - i)]; pr = c.reversedPaddingRepeatedTwice[2 * (n - 1 - i) + 1]
                }
                let o = floorDiv(x + pl + pr - d * (k - 1) - 1, s) + 1
                let padText = pl == pr ? "2×\(pl)" : "\(pl) + \(pr)"
                lines.append("\(prefix)\(nm)_out = floor((\(x) + \(padText) − \(d)×(\(k)−1) − 1) / \(s) + 1) = \(o)")
                out[ch + 1 + i] = o
            }
        }
    } else if let p = m as? MaxPool {
        let n = p.dims
        try spatialCheck(n)
        let k = p.kernelSize.expanded(n), s = p.stride.expanded(n), pd = p.padding.expanded(n), d = p.dilation.expanded(n)
        let base = shape.count - n
        for i in 0..<n {
            let nm = dimNames(n)[i], x = shape[base + i]
            let o = poolOut(x, k[i], s[i], pd[i], d[i], p.ceilMode)
            let f = p.ceilMode ? "ceil" : "floor"
            lines.append("\(prefix)\(nm)_out = \(f)((\(x) + 2×\(pd[i]) − \(d[i])×(\(k[i])−1) − 1) / \(s[i]) + 1) = \(o)")
            out[base + i] = o
        }
    } else if let p = m as? AvgPool {
        let n = p.dims
        try spatialCheck(n)
        let k = p.kernelSize.expanded(n), s = p.stride.expanded(n), pd = p.padding.expanded(n)
        let base = shape.count - n
        for i in 0..<n {
            let nm = dimNames(n)[i], x = shape[base + i]
            let o = poolOut(x, k[i], s[i], pd[i], 1, p.ceilMode)
            let f = p.ceilMode ? "ceil" : "floor"
            lines.append("\(prefix)\(nm)_out = \(f)((\(x) + 2×\(pd[i]) − \(k[i])) / \(s[i]) + 1) = \(o)")
            out[base + i] = o
        }
    } else if let u = m as? MaxUnpool {
        let n = u.dims
        try spatialCheck(n)
        let base = shape.count - n
        for i in 0..<n {
            let nm = dimNames(n)[i], x = shape[base + i]
            let o = (x - 1) * u.stride[i] - 2 * u.padding[i] + u.kernelSize[i]
            lines.append("\(prefix)\(nm)_out = (\(x) − 1)×\(u.stride[i]) − 2×\(u.padding[i]) + \(u.kernelSize[i]) = \(o)")
            out[base + i] = o
        }
    } else if let l = m as? Linear {
        guard let last = shape.last, last == l.inFeatures else {
            throw TorchError.runtime("mat1 and mat2 shapes cannot be multiplied (\(shape.dropLast().reduce(1, *))x\(shape.last ?? 0) and \(l.inFeatures)x\(l.outFeatures))")
        }
        out[out.count - 1] = l.outFeatures
        lines.append("\(prefix)H_out = out_features = \(l.outFeatures)")
    } else if let f = m as? Flatten {
        let r = shape.count
        let s = f.startDim < 0 ? f.startDim + r : f.startDim, e = f.endDim < 0 ? f.endDim + r : f.endDim
        if r > 0 && s <= e && s >= 0 && e < r {
            out = Array(shape[..<s]) + [shape[s...e].reduce(1, *)] + Array(shape[(e + 1)...])
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

func poolOut(_ i: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int, _ ceil: Bool) -> Int {
    let num = i + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0)
    var o = floorDiv(num, s) + 1
    if ceil && (o - 1) * s >= i + p { o -= 1 }
    return o
}
