import Torch

/// `nn.BatchNorm1d/2d/3d`: affine weight and bias, running statistics as buffers
/// (`running_mean`, `running_var`, `num_batches_tracked`), batch statistics while training.
public final class BatchNorm: Module {
    public let dims: Int, numFeatures: Int
    public let eps: Double, momentum: Double?, affine: Bool, trackRunningStats: Bool
    /// PyTorch 2.x's keyword-only `bias=False`: an affine weight without a bias.
    public let hasBias: Bool

    public init(dims: Int, numFeatures: Int, eps: Double = 1e-5, momentum: Double? = 0.1, affine: Bool = true,
                trackRunningStats: Bool = true, bias: Bool = true) throws {
        guard numFeatures >= 0 else { throw TorchError.runtime("Trying to create tensor with negative dimension \(numFeatures): [\(numFeatures)]") }
        self.dims = dims; self.numFeatures = numFeatures; self.eps = eps; self.momentum = momentum
        self.affine = affine; self.trackRunningStats = trackRunningStats; self.hasBias = affine && bias
        super.init(typeName: "BatchNorm\(dims)d")
        registerParameter("weight", affine ? try Tensor.ones([numFeatures]) : nil)
        registerParameter("bias", affine && bias ? try Tensor.zeros([numFeatures]) : nil)
        if trackRunningStats {
            registerBuffer("running_mean", try Tensor.zeros([numFeatures]))
            registerBuffer("running_var", try Tensor.ones([numFeatures]))
            registerBuffer("num_batches_tracked", try Tensor.zeros([], dtype: .int64))
        } else {
            registerBuffer("running_mean", nil)
            registerBuffer("running_var", nil)
            registerBuffer("num_batches_tracked", nil)
        }
    }

    /// `reset_running_stats()`: zero mean, unit variance, no batches.
    public func resetRunningStats() throws {
        guard trackRunningStats else { return }
        try GradMode.withoutGrad {
            try buffer("running_mean")?.fill(0)
            try buffer("running_var")?.fill(1)
            try buffer("num_batches_tracked")?.fill(0)
        }
    }
    public override var canResetParameters: Bool { true }
    public override func resetParameters() throws {
        try resetRunningStats()
        try GradMode.withoutGrad {
            try parameter("weight")?.fill(1)
            try parameter("bias")?.fill(0)
        }
    }

    public override func extraRepr() -> String {
        "\(numFeatures), eps=\(optionRepr("eps", eps)), momentum=\(momentum.map { optionRepr("momentum", $0) } ?? "None"), affine=\(pyBool(affine)), "
            + "bias=\(pyBool(hasBias)), track_running_stats=\(pyBool(trackRunningStats))"
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        let expected = dims == 1 ? "2D or 3D" : "\(dims + 2)D"
        if dims == 1 ? !(input.dim == 2 || input.dim == 3) : input.dim != dims + 2 {
            throw TorchError.value("expected \(expected) input (got \(input.dim)D input)")
        }
        var factor = momentum ?? 0
        if training && trackRunningStats, let tracked = buffer("num_batches_tracked") {
            try GradMode.withoutGrad { try tracked.copy_(try tracked + 1) }
            if momentum == nil { factor = 1 / (try tracked.item()) }
        }
        // Batch statistics while training, or when there are no running ones to use.
        let useBatch = training || (buffer("running_mean") == nil && buffer("running_var") == nil)
        let track = !training || trackRunningStats
        return try Functional.batchNorm(input, runningMean: track ? buffer("running_mean") : nil,
                                        runningVar: track ? buffer("running_var") : nil,
                                        weight: parameter("weight"), bias: parameter("bias"),
                                        training: useBatch, momentum: factor, eps: eps)
    }

    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "num_features": return .int(numFeatures)
        case "eps": return .float(eps)
        case "momentum": return momentum.map { .float($0) } ?? Attribute.none
        case "affine": return .bool(affine)
        case "track_running_stats": return .bool(trackRunningStats)
        default: return super.attribute(name)
        }
    }
}

/// `nn.LayerNorm(normalized_shape, eps, elementwise_affine, bias)`.
public final class LayerNorm: Module {
    public let normalizedShape: [Int], eps: Double, affine: Bool, hasBias: Bool
    public init(normalizedShape: [Int], eps: Double = 1e-5, affine: Bool = true, bias: Bool = true) throws {
        self.normalizedShape = normalizedShape; self.eps = eps; self.affine = affine; self.hasBias = affine && bias
        super.init(typeName: "LayerNorm")
        registerParameter("weight", affine ? try Tensor.ones(normalizedShape) : nil)
        registerParameter("bias", affine && bias ? try Tensor.zeros(normalizedShape) : nil)
    }
    public override func extraRepr() -> String {
        let shape = normalizedShape.count == 1 ? "(\(normalizedShape[0]),)" : "(" + normalizedShape.map(String.init).joined(separator: ", ") + ")"
        return "\(shape), eps=\(optionRepr("eps", eps)), elementwise_affine=\(pyBool(affine)), bias=\(pyBool(hasBias))"
    }
    public override var canResetParameters: Bool { true }
    public override func resetParameters() throws {
        try GradMode.withoutGrad { try parameter("weight")?.fill(1); try parameter("bias")?.fill(0) }
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.layerNorm(input, normalizedShape: normalizedShape, weight: parameter("weight"), bias: parameter("bias"), eps: eps)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "normalized_shape": return .ints(normalizedShape)
        case "eps": return .float(eps)
        case "elementwise_affine": return .bool(affine)
        default: return super.attribute(name)
        }
    }
}

/// `nn.GroupNorm(num_groups, num_channels, eps, affine)`.
public final class GroupNorm: Module {
    public let groups: Int, channels: Int, eps: Double, affine: Bool, hasBias: Bool
    public init(groups: Int, channels: Int, eps: Double = 1e-5, affine: Bool = true, bias: Bool = true) throws {
        // torch/nn/modules/normalization.py: `num_channels % num_groups` (Python's ZeroDivisionError for 0).
        if groups == 0 { throw TorchError("ZeroDivisionError", "integer modulo by zero") }
        guard channels % groups == 0 else { throw TorchError.value("num_channels (\(channels)) must be divisible by num_groups (\(groups))") }
        self.groups = groups; self.channels = channels; self.eps = eps; self.affine = affine; self.hasBias = affine && bias
        super.init(typeName: "GroupNorm")
        registerParameter("weight", affine ? try Tensor.ones([channels]) : nil)
        registerParameter("bias", affine && bias ? try Tensor.zeros([channels]) : nil)
    }
    public override func extraRepr() -> String {
        "\(groups), \(channels), eps=\(optionRepr("eps", eps)), affine=\(pyBool(affine)), bias=\(pyBool(hasBias))"
    }
    public override var canResetParameters: Bool { true }
    public override func resetParameters() throws {
        try GradMode.withoutGrad { try parameter("weight")?.fill(1); try parameter("bias")?.fill(0) }
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.groupNorm(input, numGroups: groups, weight: parameter("weight"), bias: parameter("bias"), eps: eps)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "num_groups": return .int(groups)
        case "num_channels": return .int(channels)
        case "eps": return .float(eps)
        case "affine": return .bool(affine)
        default: return super.attribute(name)
        }
    }
}
