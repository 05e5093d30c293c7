import Torch

/// MaxPool1d / 2d / 3d. `kernelSize` etc. keep the form they were given in.
public final class MaxPool: Module {
    public let dims: Int
    public let kernelSize: IntOrTuple, stride: IntOrTuple, padding: IntOrTuple, dilation: IntOrTuple
    public let returnIndices: Bool, ceilMode: Bool

    public init(dims: Int, kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0),
                dilation: IntOrTuple = .int(1), returnIndices: Bool = false, ceilMode: Bool = false) {
        self.dims = dims
        self.kernelSize = kernelSize; self.stride = stride ?? kernelSize
        self.padding = padding; self.dilation = dilation
        self.returnIndices = returnIndices; self.ceilMode = ceilMode
        super.init(typeName: "MaxPool\(dims)d")
    }

    public override func extraRepr() -> String {
        "kernel_size=\(kernelSize.repr), stride=\(stride.repr), padding=\(padding.repr), dilation=\(dilation.repr), ceil_mode=\(pyBool(ceilMode))"
    }

    /// Values and indices.
    public func forwardWithIndices(_ input: Tensor) throws -> (Tensor, Tensor) {
        let k = kernelSize.expanded(1), s = stride.expanded(1), p = padding.expanded(1), d = dilation.expanded(1)
        switch dims {
        case 1: return try Functional.maxPool1d(input, kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceilMode)
        case 2: return try Functional.maxPool2d(input, kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceilMode)
        default: return try Functional.maxPool3d(input, kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: ceilMode)
        }
    }

    /// The pooled values (use `forwardWithIndices` when `returnIndices`).
    public override func forward(_ input: Tensor) throws -> Tensor { try forwardWithIndices(input).0 }

    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "kernel_size": return kernelSize.attribute
        case "stride": return stride.attribute
        case "padding": return padding.attribute
        case "dilation": return dilation.attribute
        case "return_indices": return .bool(returnIndices)
        case "ceil_mode": return .bool(ceilMode)
        default: return super.attribute(name)
        }
    }
}

/// AvgPool1d / 2d / 3d. AvgPool1d stores 1-tuples as PyTorch's `_single` does.
public final class AvgPool: Module {
    public let dims: Int
    public let kernelSize: IntOrTuple, stride: IntOrTuple, padding: IntOrTuple
    public let ceilMode: Bool, countIncludePad: Bool, divisorOverride: Int?

    public init(dims: Int, kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0),
                ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil) {
        self.dims = dims
        let s = stride ?? kernelSize
        if dims == 1 {
            self.kernelSize = .tuple(kernelSize.expanded(1)); self.stride = .tuple(s.expanded(1)); self.padding = .tuple(padding.expanded(1))
        } else {
            self.kernelSize = kernelSize; self.stride = s; self.padding = padding
        }
        self.ceilMode = ceilMode; self.countIncludePad = countIncludePad; self.divisorOverride = divisorOverride
        super.init(typeName: "AvgPool\(dims)d")
    }

    public override func extraRepr() -> String {
        "kernel_size=\(kernelSize.repr), stride=\(stride.repr), padding=\(padding.repr)"
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        let k = kernelSize.expanded(1), s = stride.expanded(1), p = padding.expanded(1)
        switch dims {
        case 1: return try Functional.avgPool1d(input, kernelSize: k, stride: s, padding: p, ceilMode: ceilMode, countIncludePad: countIncludePad)
        case 2: return try Functional.avgPool2d(input, kernelSize: k, stride: s, padding: p, ceilMode: ceilMode, countIncludePad: countIncludePad, divisorOverride: divisorOverride)
        default: return try Functional.avgPool3d(input, kernelSize: k, stride: s, padding: p, ceilMode: ceilMode, countIncludePad: countIncludePad, divisorOverride: divisorOverride)
        }
    }

    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "kernel_size": return kernelSize.attribute
        case "stride": return stride.attribute
        case "padding": return padding.attribute
        case "ceil_mode": return .bool(ceilMode)
        case "count_include_pad": return .bool(countIncludePad)
        case "divisor_override": return divisorOverride.map { .int($0) } ?? Attribute.none
        default: return super.attribute(name)
        }
    }
}

/// MaxUnpool1d / 2d / 3d (config stored as n-tuples like `_single/_pair/_triple`).
public final class MaxUnpool: Module {
    public let dims: Int
    public let kernelSize: [Int], stride: [Int], padding: [Int]

    public init(dims: Int, kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0)) {
        self.dims = dims
        self.kernelSize = kernelSize.expanded(dims)
        self.stride = (stride ?? kernelSize).expanded(dims)
        self.padding = padding.expanded(dims)
        super.init(typeName: "MaxUnpool\(dims)d")
    }

    public override func extraRepr() -> String {
        "kernel_size=\(IntOrTuple.tuple(kernelSize).repr), stride=\(IntOrTuple.tuple(stride).repr), padding=\(IntOrTuple.tuple(padding).repr)"
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        throw TorchError.type("MaxUnpool\(dims)d.forward() missing 1 required positional argument: 'indices'")
    }

    /// `forward(input, indices, output_size=None)`; `outputSizeText` is the Python repr of output_size for messages.
    public func forward(_ input: Tensor, indices: Tensor, outputSize: [Int]? = nil, outputSizeText: String? = nil) throws -> Tensor {
        switch dims {
        case 1: return try Functional.maxUnpool1d(input, indices, kernelSize: kernelSize, stride: stride, padding: padding, outputSize: outputSize, outputSizeText: outputSizeText)
        case 2: return try Functional.maxUnpool2d(input, indices, kernelSize: kernelSize, stride: stride, padding: padding, outputSize: outputSize, outputSizeText: outputSizeText)
        default: return try Functional.maxUnpool3d(input, indices, kernelSize: kernelSize, stride: stride, padding: padding, outputSize: outputSize, outputSizeText: outputSizeText)
        }
    }

    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "kernel_size": return .ints(kernelSize)
        case "stride": return .ints(stride)
        case "padding": return .ints(padding)
        default: return super.attribute(name)
        }
    }
}

public func MaxPool1d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0), dilation: IntOrTuple = .int(1),
                      returnIndices: Bool = false, ceilMode: Bool = false) -> MaxPool {
    MaxPool(dims: 1, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, returnIndices: returnIndices, ceilMode: ceilMode)
}
public func MaxPool2d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0), dilation: IntOrTuple = .int(1),
                      returnIndices: Bool = false, ceilMode: Bool = false) -> MaxPool {
    MaxPool(dims: 2, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, returnIndices: returnIndices, ceilMode: ceilMode)
}
public func MaxPool3d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0), dilation: IntOrTuple = .int(1),
                      returnIndices: Bool = false, ceilMode: Bool = false) -> MaxPool {
    MaxPool(dims: 3, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, returnIndices: returnIndices, ceilMode: ceilMode)
}
public func AvgPool1d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0),
                      ceilMode: Bool = false, countIncludePad: Bool = true) -> AvgPool {
    AvgPool(dims: 1, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode, countIncludePad: countIncludePad)
}
public func AvgPool2d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0),
                      ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil) -> AvgPool {
    AvgPool(dims: 2, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode, countIncludePad: countIncludePad, divisorOverride: divisorOverride)
}
public func AvgPool3d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0),
                      ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil) -> AvgPool {
    AvgPool(dims: 3, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode, countIncludePad: countIncludePad, divisorOverride: divisorOverride)
}
public func MaxUnpool1d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0)) -> MaxUnpool {
    MaxUnpool(dims: 1, kernelSize: kernelSize, stride: stride, padding: padding)
}
public func MaxUnpool2d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0)) -> MaxUnpool {
    MaxUnpool(dims: 2, kernelSize: kernelSize, stride: stride, padding: padding)
}
public func MaxUnpool3d(_ kernelSize: IntOrTuple, stride: IntOrTuple? = nil, padding: IntOrTuple = .int(0)) -> MaxUnpool {
    MaxUnpool(dims: 3, kernelSize: kernelSize, stride: stride, padding: padding)
}
