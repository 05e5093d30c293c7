/// The element types a tensor can hold, named as `torch.<name>` prints them.
public enum DType: String, Sendable, CaseIterable {
    case float32, float64, int64, int32, uint8, bool

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .float32, .int32: return 4
        case .float64, .int64: return 8
        case .uint8, .bool: return 1
        }
    }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
    public var isIntegral: Bool { !isFloatingPoint && self != .bool }

    /// What `repr(torch.float32)` prints.
    public var description: String { "torch.\(rawValue)" }

    /// Rank in PyTorch's promotion lattice within a category (bool < ints < floats).
    var promotionRank: Int {
        switch self {
        case .bool: return 0
        case .uint8: return 1
        case .int32: return 2
        case .int64: return 3
        case .float32: return 4
        case .float64: return 5
        }
    }

    /// `torch.promote_types` for the dtypes nnsh supports (both operands are tensors with dims,
    /// or both are scalars / 0-d).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        return a.promotionRank >= b.promotionRank ? a : b
    }

    /// The dtype a Python name resolves to: `torch.float`, `torch.long`, …
    public static func named(_ name: String) -> DType? {
        switch name {
        case "float32", "float": return .float32
        case "float64", "double": return .float64
        case "int64", "long": return .int64
        case "int32", "int": return .int32
        case "uint8": return .uint8
        case "bool": return .bool
        default: return nil
        }
    }
}
