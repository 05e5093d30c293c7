import Torch

/// A parameter-free layer defined by one function of its input: the activations added beside the
/// seed's (`ReLU6`, `SELU`, `CELU`, `Mish`, `Threshold`, `Hardsigmoid`, `Hardswish`, `LogSigmoid`,
/// `Softshrink`, `Hardshrink`, `Tanhshrink`, `Softsign`, `Softmin`) and feature dropout. Each is one
/// entry: its PyTorch class name, `extra_repr`, Python-visible attributes and forward.
public final class PointwiseLayer: Module {
    private let extra: String
    private let attributes: [String: Attribute]
    private let body: (Module, Tensor) throws -> Tensor

    public init(_ typeName: String, extra: String = "", attributes: [String: Attribute] = [:],
                _ body: @escaping (Module, Tensor) throws -> Tensor) {
        self.extra = extra
        self.attributes = attributes
        self.body = body
        super.init(typeName: typeName)
    }

    public override func extraRepr() -> String { extra }
    public override func forward(_ input: Tensor) throws -> Tensor { try body(self, input) }
    public override func attribute(_ name: String) -> Attribute? { attributes[name] ?? super.attribute(name) }
}

/// `nn.Unflatten(dim, unflattened_size)`.
public final class Unflatten: Module {
    public let dim: Int, sizes: [Int]
    /// Given as a `torch.Size` (printed `torch.Size([3, 2])`) rather than a tuple.
    public let printedAsSize: Bool
    public init(dim: Int, sizes: [Int], printedAsSize: Bool = false) {
        self.dim = dim; self.sizes = sizes; self.printedAsSize = printedAsSize
        super.init(typeName: "Unflatten")
    }
    public override func extraRepr() -> String {
        let text = printedAsSize ? "torch.Size([" + sizes.map(String.init).joined(separator: ", ") + "])"
            : sizes.count == 1 ? "(\(sizes[0]),)" : "(" + sizes.map(String.init).joined(separator: ", ") + ")"
        return "dim=\(dim), unflattened_size=" + text
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        let d = try Shape.wrapDim(dim, Swift.max(input.dim, 1))
        guard d < input.dim else { throw TorchError.index("Dimension out of range (expected to be in range of [\(-input.dim), \(input.dim - 1)], but got \(dim))") }
        // The sizes come from the user: their product is taken without overflowing.
        var product = 1, overflow = false
        for v in sizes {
            let (r, o) = product.multipliedReportingOverflow(by: v)
            product = r
            overflow = overflow || o
        }
        guard !overflow, sizes.filter({ $0 == -1 }).count <= 1, product == input.shape[d] || sizes.contains(-1) else {
            throw TorchError.runtime("unflatten: Provided sizes \(sizes) don't multiply up to the size of dim \(dim) (\(input.shape[d])) in the input tensor")
        }
        return try input.view(Array(input.shape[..<d]) + sizes + Array(input.shape[(d + 1)...]))
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "dim": return .int(dim)
        case "unflattened_size": return .ints(sizes)
        default: return super.attribute(name)
        }
    }
}

/// `nn.Embedding(num_embeddings, embedding_dim, padding_idx)`: a weight drawn from N(0, 1), the
/// padding row zeroed.
public final class Embedding: Module {
    public let count: Int, width: Int, paddingIndex: Int?
    public init(count: Int, width: Int, paddingIndex: Int? = nil) throws {
        var pad = paddingIndex
        if let p = paddingIndex {
            guard p < count && p >= -count else {
                throw TorchError("AssertionError", p >= 0 ? "Padding_idx must be within num_embeddings" : "Padding_idx must be within num_embeddings")
            }
            if p < 0 { pad = p + count }
        }
        self.count = count; self.width = width; self.paddingIndex = pad
        super.init(typeName: "Embedding")
        let w = try Tensor.zeros([count, width])
        try GradMode.withoutGrad {
            try Init.normal_(w, mean: 0, std: 1)
            if let pad { try w.select(0, pad).fill(0) }
        }
        registerParameter("weight", w)
    }
    /// `Embedding.from_pretrained`: the given weight, no random draw.
    public init(weight: Tensor, paddingIndex: Int?) throws {
        guard weight.dim == 2 else { throw TorchError("AssertionError", "Embeddings parameter is expected to be 2-dimensional") }
        self.count = weight.shape[0]; self.width = weight.shape[1]
        if let p = paddingIndex, !(p < weight.shape[0] && p >= -weight.shape[0]) {
            throw TorchError("AssertionError", "Padding_idx must be within num_embeddings")
        }
        self.paddingIndex = paddingIndex.map { $0 < 0 ? $0 + weight.shape[0] : $0 }
        super.init(typeName: "Embedding")
        registerParameter("weight", weight)
    }
    public override func extraRepr() -> String { "\(count), \(width)" + (paddingIndex.map { ", padding_idx=\($0)" } ?? "") }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.embedding(input, parameter("weight")!, paddingIndex: paddingIndex)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "num_embeddings": return .int(count)
        case "embedding_dim": return .int(width)
        case "padding_idx": return paddingIndex.map { .int($0) } ?? Attribute.none
        // What nnsh's Embedding supports of PyTorch's options: their defaults (the constructor
        // refuses the others).
        case "max_norm": return Attribute.none
        case "norm_type": return .float(2)
        case "scale_grad_by_freq", "sparse": return .bool(false)
        default: return super.attribute(name)
        }
    }
}

/// `nn.AdaptiveAvgPool{n}d` / `nn.AdaptiveMaxPool{n}d`.
public final class AdaptivePool: Module {
    public let dims: Int, outputSize: [Int?], scalar: Bool, average: Bool, returnIndices: Bool
    public init(dims: Int, outputSize: [Int?], scalar: Bool, average: Bool, returnIndices: Bool = false) {
        self.dims = dims; self.outputSize = outputSize; self.scalar = scalar; self.average = average; self.returnIndices = returnIndices
        super.init(typeName: "Adaptive\(average ? "Avg" : "Max")Pool\(dims)d")
    }
    var sizeRepr: String {
        if scalar, let first = outputSize.first { return first.map(String.init) ?? "None" }
        let items = outputSize.map { $0.map(String.init) ?? "None" }
        return items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
    }
    public override func extraRepr() -> String { "output_size=\(sizeRepr)" }
    public var expandedSize: [Int?] { scalar ? Array(repeating: outputSize.first ?? nil, count: dims) : outputSize }
    public override func forward(_ input: Tensor) throws -> Tensor {
        if average { return try Functional.adaptiveAvgPool(input, outputSize: expandedSize, dims: dims) }
        return try Functional.adaptiveMaxPool(input, outputSize: expandedSize, dims: dims).0
    }
    public func forwardWithIndices(_ input: Tensor) throws -> (Tensor, Tensor) {
        try Functional.adaptiveMaxPool(input, outputSize: expandedSize, dims: dims)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "output_size":
            if scalar, let first = outputSize.first { return first.map { .int($0) } ?? Attribute.none }
            return .tuple(outputSize.map { $0.map { .int($0) } ?? Attribute.none })
        case "return_indices" where !average: return .bool(returnIndices)
        default: return super.attribute(name)
        }
    }
}
