import Torch

public final class Linear: Module {
    public let inFeatures: Int, outFeatures: Int
    public init(inFeatures: Int, outFeatures: Int, bias: Bool = true) throws {
        self.inFeatures = inFeatures; self.outFeatures = outFeatures
        super.init(typeName: "Linear")
        let w = try Tensor.zeros([outFeatures, inFeatures])
        let b = bias ? try Tensor.zeros([outFeatures]) : nil
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
    public override func extraRepr() -> String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(pyBool(bias != nil))"
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.linear(input, weight, bias: bias) }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "in_features": return .int(inFeatures)
        case "out_features": return .int(outFeatures)
        default: return super.attribute(name)
        }
    }
}

public final class Identity: Module {
    public init() { super.init(typeName: "Identity") }
    public override func forward(_ input: Tensor) throws -> Tensor { input }
}

public final class Flatten: Module {
    public let startDim: Int, endDim: Int
    public init(startDim: Int = 1, endDim: Int = -1) {
        self.startDim = startDim; self.endDim = endDim
        super.init(typeName: "Flatten")
    }
    public override func extraRepr() -> String { "start_dim=\(startDim), end_dim=\(endDim)" }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.flatten(startDim: startDim, endDim: endDim) }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "start_dim": return .int(startDim)
        case "end_dim": return .int(endDim)
        default: return super.attribute(name)
        }
    }
}

/// Parameter-free activations with their PyTorch reprs.
public final class Sigmoid: Module {
    public init() { super.init(typeName: "Sigmoid") }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.sigmoid(input) }
}

public final class Tanh: Module {
    public init() { super.init(typeName: "Tanh") }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.tanh(input) }
}

public final class ReLU: Module {
    public let inplace: Bool
    public init(inplace: Bool = false) { self.inplace = inplace; super.init(typeName: "ReLU") }
    public override func extraRepr() -> String { inplace ? "inplace=True" : "" }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.relu(input, inplace: inplace) }
    public override func attribute(_ name: String) -> Attribute? { name == "inplace" ? .bool(inplace) : super.attribute(name) }
}

public final class LeakyReLU: Module {
    public let negativeSlope: Double, inplace: Bool
    public init(negativeSlope: Double = 1e-2, inplace: Bool = false) {
        self.negativeSlope = negativeSlope; self.inplace = inplace; super.init(typeName: "LeakyReLU")
    }
    public override func extraRepr() -> String { "negative_slope=\(optionRepr("negative_slope", negativeSlope))" + (inplace ? ", inplace=True" : "") }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.leakyRelu(input, negativeSlope: negativeSlope, inplace: inplace)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "negative_slope": return .float(negativeSlope)
        case "inplace": return .bool(inplace)
        default: return super.attribute(name)
        }
    }
}

public final class PReLU: Module {
    public let numParameters: Int, initValue: Double
    public init(numParameters: Int = 1, initValue: Double = 0.25) throws {
        self.numParameters = numParameters; self.initValue = initValue
        super.init(typeName: "PReLU")
        let w = try Tensor.zeros([numParameters])
        try Init.constant_(w, initValue)
        registerParameter("weight", w)
    }
    public var weight: Tensor { parameter("weight")! }
    public override func extraRepr() -> String { "num_parameters=\(numParameters)" }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.prelu(input, weight) }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "num_parameters": return .int(numParameters)
        case "init": return .float(initValue)
        default: return super.attribute(name)
        }
    }
}

public final class RReLU: Module {
    public let lower: Double, upper: Double, inplace: Bool
    public init(lower: Double = 1.0 / 8, upper: Double = 1.0 / 3, inplace: Bool = false) {
        self.lower = lower; self.upper = upper; self.inplace = inplace; super.init(typeName: "RReLU")
    }
    public override func extraRepr() -> String {
        "lower=\(optionRepr("lower", lower)), upper=\(optionRepr("upper", upper))" + (inplace ? ", inplace=True" : "")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.rrelu(input, lower: lower, upper: upper, training: training, inplace: inplace)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "lower": return .float(lower)
        case "upper": return .float(upper)
        case "inplace": return .bool(inplace)
        default: return super.attribute(name)
        }
    }
}

public final class Softmax: Module {
    public let dim: Int?
    public let isLog: Bool
    public init(dim: Int? = nil, log: Bool = false) {
        self.dim = dim; self.isLog = log; super.init(typeName: log ? "LogSoftmax" : "Softmax")
    }
    public override func extraRepr() -> String { "dim=\(dim.map(String.init) ?? "None")" }
    public override func forward(_ input: Tensor) throws -> Tensor {
        let d = dim ?? ([0, 1, 3].contains(input.dim) ? 0 : 1)
        return isLog ? try Functional.logSoftmax(input, dim: d) : try Functional.softmax(input, dim: d)
    }
    public override func attribute(_ name: String) -> Attribute? {
        name == "dim" ? (dim.map { .int($0) } ?? Attribute.none) : super.attribute(name)
    }
}

public final class ELU: Module {
    public let alpha: Double, inplace: Bool
    public init(alpha: Double = 1.0, inplace: Bool = false) {
        self.alpha = alpha; self.inplace = inplace; super.init(typeName: "ELU")
    }
    public override func extraRepr() -> String { "alpha=\(optionRepr("alpha", alpha))" + (inplace ? ", inplace=True" : "") }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.elu(input, alpha: alpha, inplace: inplace) }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "alpha": return .float(alpha)
        case "inplace": return .bool(inplace)
        default: return super.attribute(name)
        }
    }
}

public final class GELU: Module {
    public let approximate: String
    public init(approximate: String = "none") { self.approximate = approximate; super.init(typeName: "GELU") }
    public override func extraRepr() -> String { "approximate='\(approximate)'" }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.gelu(input, approximate: approximate) }
    public override func attribute(_ name: String) -> Attribute? { name == "approximate" ? .string(approximate) : super.attribute(name) }
}

public final class SiLU: Module {
    public let inplace: Bool
    public init(inplace: Bool = false) { self.inplace = inplace; super.init(typeName: "SiLU") }
    public override func extraRepr() -> String { inplace ? "inplace=True" : "" }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.silu(input, inplace: inplace) }
    public override func attribute(_ name: String) -> Attribute? { name == "inplace" ? .bool(inplace) : super.attribute(name) }
}

public final class Softplus: Module {
    public let beta: Double, threshold: Double
    public init(beta: Double = 1.0, threshold: Double = 20.0) {
        self.beta = beta; self.threshold = threshold; super.init(typeName: "Softplus")
    }
    public override func extraRepr() -> String { "beta=\(optionRepr("beta", beta)), threshold=\(optionRepr("threshold", threshold))" }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.softplus(input, beta: beta, threshold: threshold) }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "beta": return .float(beta)
        case "threshold": return .float(threshold)
        default: return super.attribute(name)
        }
    }
}

public final class Hardtanh: Module {
    public let minVal: Double, maxVal: Double, inplace: Bool
    public init(minVal: Double = -1.0, maxVal: Double = 1.0, inplace: Bool = false) throws {
        if minVal >= maxVal { throw TorchError("AssertionError", "") }
        self.minVal = minVal; self.maxVal = maxVal; self.inplace = inplace; super.init(typeName: "Hardtanh")
    }
    public override func extraRepr() -> String {
        "min_val=\(optionRepr("min_val", minVal)), max_val=\(optionRepr("max_val", maxVal))" + (inplace ? ", inplace=True" : "")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.hardtanh(input, minVal: minVal, maxVal: maxVal, inplace: inplace)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "min_val": return .float(minVal)
        case "max_val": return .float(maxVal)
        case "inplace": return .bool(inplace)
        default: return super.attribute(name)
        }
    }
}

public final class Dropout: Module {
    public let p: Double, inplace: Bool
    public init(p: Double = 0.5, inplace: Bool = false) throws {
        if p < 0 || p > 1 {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(pythonFloatRepr(p))")
        }
        self.p = p; self.inplace = inplace; super.init(typeName: "Dropout")
    }
    public override func extraRepr() -> String { "p=\(optionRepr("p", p)), inplace=\(pyBool(inplace))" }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.dropout(input, p: p, training: training, inplace: inplace)
    }
    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "p": return .float(p)
        case "inplace": return .bool(inplace)
        default: return super.attribute(name)
        }
    }
}
