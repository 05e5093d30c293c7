/// `F.batch_norm`: per-channel normalisation over the batch and spatial dims, one autograd node
/// (`NativeBatchNormBackward0`) for input, weight and bias, as ATen's `native_batch_norm`.
extension Functional {
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
                                 training: Bool, momentum: Double, eps: Double) throws -> Tensor {
        try requireFloat(input, "batch_norm")
        guard input.dim >= 2 else {
            throw TorchError.runtime("running_mean should contain \(input.dim == 1 ? input.shape[0] : 1) elements not \(runningMean?.numel ?? 0)")
        }
        let c = input.shape[1]
        for (name, t) in [("running_mean", runningMean), ("running_var", runningVar), ("weight", weight), ("bias", bias)] {
            if let t, t.numel != c { throw TorchError.runtime("\(name) should contain \(c) elements not \(t.numel)") }
        }
        let dims = [0] + Array(2..<input.dim)
        var channelShape = Array(repeating: 1, count: input.dim)
        channelShape[1] = c
        let n = c == 0 ? 0 : input.numel / c
        if training && n <= 1 {
            throw TorchError.value("Expected more than 1 value per channel when training, got input size torch.Size([\(input.shape.map(String.init).joined(separator: ", "))])")
        }
        let (y, xhat, invstd): (Tensor, Tensor, Tensor) = try GradMode.withoutGrad {
            let x = input.detach()
            let mean: Tensor, variance: Tensor
            if training || runningMean == nil || runningVar == nil {
                mean = try x.mean(dims: dims, keepdim: true)
                let centered = try x - mean
                variance = try (centered * centered).mean(dims: dims, keepdim: true)
                if training, let rm = runningMean, let rv = runningVar {
                    try rm.copy_(try rm * (1 - momentum) + (try mean.reshape([c])) * momentum)
                    let unbiased = try variance.reshape([c]) * (Double(n) / Double(n - 1))
                    try rv.copy_(try rv * (1 - momentum) + unbiased * momentum)
                }
            } else {
                mean = try runningMean!.reshape(channelShape)
                variance = try runningVar!.reshape(channelShape)
            }
            let invstd = try Tensor.onesLike(variance) / (try (try variance + eps).sqrt())
            let xhat = try (try x - mean) * invstd
            var y = xhat
            if let weight { y = try y * (try weight.detach().reshape(channelShape)) }
            if let bias { y = try y + (try bias.detach().reshape(channelShape)) }
            if y === xhat { y = try xhat + 0 }
            return (y, xhat, invstd)
        }
        let batchStats = training || runningMean == nil || runningVar == nil
        let inputs = [input] + [weight, bias].compactMap { $0 }
        let hasWeight = weight != nil, hasBias = bias != nil
        return y.recording("NativeBatchNormBackward0", inputs) { g in
            try GradMode.withoutGrad {
                let w = try weight.map { try $0.detach().reshape(channelShape) } ?? (try Tensor.onesLike(invstd))
                let gradInput: Tensor
                if batchStats {
                    let count = Double(n)
                    let gsum = try g.sum(dims: dims, keepdim: true)
                    let gx = try (g * xhat).sum(dims: dims, keepdim: true)
                    gradInput = try (try (try g - (try gsum / count)) - (try xhat * (try gx / count))) * (try invstd * w)
                } else {
                    gradInput = try g * (try invstd * w)
                }
                var grads: [Tensor?] = [gradInput]
                if hasWeight { grads.append(try (try g * xhat).sum(dims: dims)) }
                if hasBias { grads.append(try g.sum(dims: dims)) }
                return grads
            }
        }
    }
}
