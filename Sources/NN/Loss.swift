import Torch

/// `nn.CrossEntropyLoss`, `nn.MSELoss` and the other criteria: modules with no parameters whose
/// forward takes an input and a target.
public final class Loss: Module {
    public enum Kind: String, CaseIterable, Sendable {
        case crossEntropy = "CrossEntropyLoss", nll = "NLLLoss", mse = "MSELoss", l1 = "L1Loss"
        case bce = "BCELoss", bceWithLogits = "BCEWithLogitsLoss", smoothL1 = "SmoothL1Loss", huber = "HuberLoss", klDiv = "KLDivLoss"
    }
    public let kind: Kind
    public let reduction: Reduction
    public let ignoreIndex: Int
    public let beta: Double
    public let labelSmoothing: Double
    /// KLDivLoss: `reduction` may be "batchmean" (kept here as text) and the target may be in log space.
    public let klReduction: String
    public let logTarget: Bool

    public init(_ kind: Kind, reduction: Reduction = .mean, weight: Tensor? = nil, posWeight: Tensor? = nil, ignoreIndex: Int = -100,
                beta: Double = 1, labelSmoothing: Double = 0, klReduction: String = "mean", logTarget: Bool = false) {
        self.kind = kind; self.reduction = reduction; self.ignoreIndex = ignoreIndex; self.beta = beta
        self.labelSmoothing = labelSmoothing; self.klReduction = klReduction; self.logTarget = logTarget
        super.init(typeName: kind.rawValue)
        if [.crossEntropy, .nll, .bce, .bceWithLogits].contains(kind) { registerBuffer("weight", weight) }
        if kind == .bceWithLogits { registerBuffer("pos_weight", posWeight) }
    }

    public func loss(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        let w = buffer("weight")
        switch kind {
        case .crossEntropy:
            return try Functional.crossEntropy(input, target, weight: w, ignoreIndex: ignoreIndex, reduction: reduction, labelSmoothing: labelSmoothing)
        case .nll: return try Functional.nllLoss(input, target, weight: w, ignoreIndex: ignoreIndex, reduction: reduction)
        case .mse: return try Functional.mseLoss(input, target, reduction: reduction)
        case .l1: return try Functional.l1Loss(input, target, reduction: reduction)
        case .bce: return try Functional.binaryCrossEntropy(input, target, weight: w, reduction: reduction)
        case .bceWithLogits: return try Functional.binaryCrossEntropyWithLogits(input, target, weight: w, posWeight: buffer("pos_weight"),
                                                                                      reduction: reduction)
        case .smoothL1: return try Functional.smoothL1Loss(input, target, reduction: reduction, beta: beta)
        case .huber: return try Functional.huberLoss(input, target, reduction: reduction, delta: beta)
        case .klDiv: return try Functional.klDiv(input, target, reduction: klReduction, logTarget: logTarget)
        }
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        throw TorchError.type("\(typeName).forward() missing 1 required positional argument: 'target'")
    }

    public override func attribute(_ name: String) -> Attribute? {
        switch name {
        case "reduction": return .string(kind == .klDiv ? klReduction : reduction.rawValue)
        case "delta" where kind == .huber: return .float(beta)
        case "log_target" where kind == .klDiv: return .bool(logTarget)
        case "ignore_index" where kind == .crossEntropy || kind == .nll: return .int(ignoreIndex)
        case "beta" where kind == .smoothL1: return .float(beta)
        case "label_smoothing" where kind == .crossEntropy: return .float(labelSmoothing)
        default: return super.attribute(name)
        }
    }
}
