import Torch

/// Conv padding as passed: ints/tuple or the strings 'same'/'valid'.
public enum ConvPaddingArg: Equatable, Sendable {
    case value(IntOrTuple)
    case string(String)
}

/// `_ConvNd`: shared by Conv1d/2d/3d and ConvTranspose1d/2d/3d.
open class ConvNd: Module {
    public let inChannels: Int, outChannels: Int
    public let kernelSize: [Int], stride: [Int], dilation: [Int], outputPadding: [Int]
    /// Numeric padding per dim (zeros for 'valid'/'same' strings).
    public let padding: [Int]
    public let paddingString: String?
    public let transposed: Bool
    public let groups: Int
    public let paddingMode: String
    public let reversedPaddingRepeatedTwice: [Int]
    public let spatialDims: Int

    init(typeName: String, n: Int, inChannels: Int, outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple,
         padding: ConvPaddingArg, dilation: IntOrTuple, transposed: Bool, outputPadding: IntOrTuple,
         groups: Int, bias: Bool, paddingMode: String) throws {
        spatialDims = n
        self.inChannels = inChannels; self.outChannels = outChannels
        self.kernelSize = kernelSize.expanded(n); self.stride = stride.expanded(n); self.dilation = dilation.expanded(n)
        self.outputPadding = outputPadding.expanded(n)
        self.transposed = transposed; self.groups = groups; self.paddingMode = paddingMode
        if groups <= 0 { throw TorchError.value("groups must be a positive integer") }
        if inChannels % groups != 0 { throw TorchError.value("in_channels must be divisible by groups") }
        if outChannels % groups != 0 { throw TorchError.value("out_channels must be divisible by groups") }
        switch padding {
        case .string(let s):
            if s != "same" && s != "valid" {
                throw TorchError.value("Invalid padding string '\(s)', should be one of {'valid', 'same'}")
            }
            if s == "same" && self.stride.contains(where: { $0 != 1 }) {
                throw TorchError.value("padding='same' is not supported for strided convolutions")
            }
            paddingString = s
            self.padding = Array(repeating: 0, count: n)
            var r = Array(repeating: 0, count: 2 * n)
            if s == "same" {
                for (j, (d, k)) in zip(self.dilation, self.kernelSize).enumerated() {
                    let i = n - 1 - j
                    // Python's `d * (k - 1)` and `// 2` in unbounded integers (`dilation=2**62` with k = 3
                    // gives 2**63, whose halves fit); a half past Int64 cannot reach PyTorch's C++ pad either.
                    let total = Int128(d) * (Int128(k) - 1)
                    let left = total >= 0 ? total / 2 : -((-total + 1) / 2)
                    guard let l = Int(exactly: left), let rt = Int(exactly: total - left) else {
                        throw TorchError("OverflowError", "Python int too large to convert to C long")
                    }
                    r[2 * i] = l; r[2 * i + 1] = rt
                }
            }
            reversedPaddingRepeatedTwice = r
        case .value(let v):
            paddingString = nil
            self.padding = v.expanded(n)
            reversedPaddingRepeatedTwice = self.padding.reversed().flatMap { [$0, $0] }
        }
        if !["zeros", "reflect", "replicate", "circular"].contains(paddingMode) {
            throw TorchError.value("padding_mode must be one of {'replicate', 'reflect', 'zeros', 'circular'}, but got padding_mode='\(paddingMode)'")
        }
        super.init(typeName: typeName)
        let wShape = transposed ? [inChannels, outChannels / groups] + self.kernelSize
                                : [outChannels, inChannels / groups] + self.kernelSize
        let w = try Tensor.zeros(wShape)
        let b = bias ? try Tensor.zeros([outChannels]) : nil
        try Init.resetLinearLike(weight: w, bias: b)
        registerParameter("weight", w)
        registerParameter("bias", b)
    }

    public var weight: Tensor { parameter("weight")! }
    public var bias: Tensor? { parameter("bias") }

    public override var canResetParameters: Bool { true }
    public override func resetParameters() throws {
        guard let w = parameter("weight") else { return }
        try GradMode.withoutGrad { try Init.resetLinearLike(weight: w, bias: parameter("bias")) }
    }

    func tupleText(_ v: [Int]) -> String { IntOrTuple.tuple(v).repr }

    open override func extraRepr() -> String {
        var s = "\(inChannels), \(outChannels), kernel_size=\(tupleText(kernelSize)), stride=\(tupleText(stride))"
        if let p = paddingString { s += ", padding=\(p)" }
        else if padding.contains(where: { $0 != 0 }) { s += ", padding=\(tupleText(padding))" }
        if dilation.contains(where: { $0 != 1 }) { s += ", dilation=\(tupleText(dilation))" }
        if outputPadding.contains(where: { $0 != 0 }) { s += ", output_padding=\(tupleText(outputPadding))" }
        if groups != 1 { s += ", groups=\(groups)" }
        if bias == nil { s += ", bias=False" }
        if paddingMode != "zeros" { s += ", padding_mode=\(paddingMode)" }
        return s
    }

    open override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "in_channels": return .int(inChannels)
        case "out_channels": return .int(outChannels)
        case "kernel_size": return .ints(kernelSize)
        case "stride": return .ints(stride)
        case "padding": return paddingString.map { .string($0) } ?? .ints(padding)
        case "dilation": return .ints(dilation)
        case "output_padding": return .ints(outputPadding)
        case "transposed": return .bool(transposed)
        case "groups": return .int(groups)
        case "padding_mode": return .string(paddingMode)
        case "_reversed_padding_repeated_twice":
            // A list when built from a padding string, a tuple from numbers (`_reverse_repeat_tuple`), as in PyTorch.
            let values = reversedPaddingRepeatedTwice.map { Attribute.int($0) }
            return paddingString == nil ? .tuple(values) : .list(values)
        default: return super.attribute(name)
        }
    }
}

/// Conv1d / Conv2d / Conv3d.
public final class Conv: ConvNd {
    public init(dims n: Int, inChannels: Int, outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                padding: ConvPaddingArg = .value(.int(0)), dilation: IntOrTuple = .int(1), groups: Int = 1,
                bias: Bool = true, paddingMode: String = "zeros") throws {
        try super.init(typeName: "Conv\(n)d", n: n, inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize,
                       stride: stride, padding: padding, dilation: dilation, transposed: false,
                       outputPadding: .int(0), groups: groups, bias: bias, paddingMode: paddingMode)
    }

    public override func forward(_ input: Tensor) throws -> Tensor { try forward(input, weight: weight, bias: bias) }

    /// `_conv_forward(input, weight, bias)`: this layer's geometry over the given tensors (what a
    /// subclass that transforms its weight first, such as weight standardisation, calls).
    public func forward(_ input: Tensor, weight: Tensor, bias: Tensor?) throws -> Tensor {
        let n = spatialDims
        if paddingMode != "zeros" {
            let padded = try Functional.pad(input, reversedPaddingRepeatedTwice, mode: paddingMode)
            return try Functional.convolution(padded, weight, bias: bias, stride: stride, padding: .explicit([0]),
                                              dilation: dilation, groups: groups, spatial: n)
        }
        let p: ConvPadding = paddingString == "same" ? .same : paddingString == "valid" ? .valid : .explicit(padding)
        return try Functional.convolution(input, weight, bias: bias, stride: stride, padding: p,
                                          dilation: dilation, groups: groups, spatial: n)
    }
}

public func Conv1d(_ inChannels: Int, _ outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                   padding: ConvPaddingArg = .value(.int(0)), dilation: IntOrTuple = .int(1), groups: Int = 1,
                   bias: Bool = true, paddingMode: String = "zeros") throws -> Conv {
    try Conv(dims: 1, inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride,
             padding: padding, dilation: dilation, groups: groups, bias: bias, paddingMode: paddingMode)
}
public func Conv2d(_ inChannels: Int, _ outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                   padding: ConvPaddingArg = .value(.int(0)), dilation: IntOrTuple = .int(1), groups: Int = 1,
                   bias: Bool = true, paddingMode: String = "zeros") throws -> Conv {
    try Conv(dims: 2, inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride,
             padding: padding, dilation: dilation, groups: groups, bias: bias, paddingMode: paddingMode)
}
public func Conv3d(_ inChannels: Int, _ outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                   padding: ConvPaddingArg = .value(.int(0)), dilation: IntOrTuple = .int(1), groups: Int = 1,
                   bias: Bool = true, paddingMode: String = "zeros") throws -> Conv {
    try Conv(dims: 3, inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride,
             padding: padding, dilation: dilation, groups: groups, bias: bias, paddingMode: paddingMode)
}

/// ConvTranspose1d / 2d / 3d (weight `[in, out/groups, *k]`).
public final class ConvTranspose: ConvNd {
    public init(dims n: Int, inChannels: Int, outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                padding: IntOrTuple = .int(0), outputPadding: IntOrTuple = .int(0), groups: Int = 1,
                bias: Bool = true, dilation: IntOrTuple = .int(1), paddingMode: String = "zeros") throws {
        if paddingMode != "zeros" {
            throw TorchError.value("Only \"zeros\" padding mode is supported for ConvTranspose\(n)d")
        }
        try super.init(typeName: "ConvTranspose\(n)d", n: n, inChannels: inChannels, outChannels: outChannels,
                       kernelSize: kernelSize, stride: stride, padding: .value(padding), dilation: dilation,
                       transposed: true, outputPadding: outputPadding, groups: groups, bias: bias, paddingMode: paddingMode)
    }

    public override func forward(_ input: Tensor) throws -> Tensor { try forward(input, outputSize: nil) }

    /// `forward(input, output_size=None)`.
    public func forward(_ input: Tensor, outputSize: [Int]?) throws -> Tensor {
        let op = try outputPaddingFor(input, outputSize)
        return try Functional.convTranspose(input, weight, bias: bias, stride: stride, padding: padding,
                                            outputPadding: op, groups: groups, dilation: dilation, spatial: spatialDims)
    }

    /// `_ConvTransposeNd._output_padding`.
    public func outputPaddingFor(_ input: Tensor, _ outputSize: [Int]?) throws -> [Int] {
        guard var os = outputSize else { return outputPadding }
        let n = spatialDims
        let nonSpatial = input.dim == n + 2 ? 2 : 1
        if os.count == nonSpatial + n { os = Array(os.dropFirst(nonSpatial)) }
        if os.count != n {
            throw TorchError.value("ConvTranspose\(n)D: for \(input.dim)D input, output_size must have \(n) or \(nonSpatial + n) elements (got \(os.count))")
        }
        // Python computes the bounds in unbounded integers; Int128 holds every (size - 1) * stride + ... of
        // 64-bit operands, so huge strides print PyTorch's numbers instead of overflowing.
        var minS = [Int128](), maxS = [Int128]()
        for d in 0..<n {
            let size = Int128(input.shape[try Shape.wrapRealDim(d + nonSpatial, input.dim)])
            let s = (size - 1) * Int128(stride[d]) - 2 * Int128(padding[d])
                + Int128(dilation[d]) * (Int128(kernelSize[d]) - 1) + 1
            minS.append(s); maxS.append(s + Int128(stride[d]) - 1)
        }
        for i in 0..<n where Int128(os[i]) < minS[i] || Int128(os[i]) > maxS[i] {
            let sp = Array(input.shape.suffix(input.dim - 2 >= 0 ? input.dim - 2 : 0))
            throw TorchError.value("requested an output size of \(listRepr(os)), but valid sizes range from \(listRepr(minS)) to \(listRepr(maxS)) (for an input of torch.Size(\(listRepr(sp))))")
        }
        return (0..<n).map { Int(Int128(os[$0]) - minS[$0]) }  // in [0, stride - 1]
    }
}

func listRepr<I: BinaryInteger>(_ v: [I]) -> String { "[" + v.map { "\($0)" }.joined(separator: ", ") + "]" }

public func ConvTranspose1d(_ inChannels: Int, _ outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                            padding: IntOrTuple = .int(0), outputPadding: IntOrTuple = .int(0), groups: Int = 1,
                            bias: Bool = true, dilation: IntOrTuple = .int(1), paddingMode: String = "zeros") throws -> ConvTranspose {
    try ConvTranspose(dims: 1, inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride,
                      padding: padding, outputPadding: outputPadding, groups: groups, bias: bias, dilation: dilation, paddingMode: paddingMode)
}
public func ConvTranspose2d(_ inChannels: Int, _ outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                            padding: IntOrTuple = .int(0), outputPadding: IntOrTuple = .int(0), groups: Int = 1,
                            bias: Bool = true, dilation: IntOrTuple = .int(1), paddingMode: String = "zeros") throws -> ConvTranspose {
    try ConvTranspose(dims: 2, inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride,
                      padding: padding, outputPadding: outputPadding, groups: groups, bias: bias, dilation: dilation, paddingMode: paddingMode)
}
public func ConvTranspose3d(_ inChannels: Int, _ outChannels: Int, kernelSize: IntOrTuple, stride: IntOrTuple = .int(1),
                            padding: IntOrTuple = .int(0), outputPadding: IntOrTuple = .int(0), groups: Int = 1,
                            bias: Bool = true, dilation: IntOrTuple = .int(1), paddingMode: String = "zeros") throws -> ConvTranspose {
    try ConvTranspose(dims: 3, inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride,
                      padding: padding, outputPadding: outputPadding, groups: groups, bias: bias, dilation: dilation, paddingMode: paddingMode)
}
