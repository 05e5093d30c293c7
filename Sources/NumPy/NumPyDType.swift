import Torch

/// numpy's view of the six element types nnsh stores (`torch.DType` names the same ones): their
/// names, type codes, and numpy 2's promotion rules, which are not PyTorch's.
extension DType {
    /// `arr.dtype.name`: "float64", "int64", "uint8", "bool", …
    public var numpyName: String { self == .bool ? "bool" : rawValue }

    /// `dtype.kind`: "b", "u", "i" or "f".
    public var numpyKind: Character {
        switch self {
        case .bool: return "b"
        case .uint8: return "u"
        case .int32, .int64: return "i"
        case .float32, .float64: return "f"
        }
    }

    /// `dtype.char`: "?", "B", "i", "l", "f", "d".
    public var numpyChar: Character {
        switch self {
        case .bool: return "?"
        case .uint8: return "B"
        case .int32: return "i"
        case .int64: return "l"
        case .float32: return "f"
        case .float64: return "d"
        }
    }

    /// `dtype.str`: "|b1", "|u1", "<i4", "<i8", "<f4", "<f8".
    public var numpyStr: String {
        let order = itemSize == 1 ? "|" : "<"
        return "\(order)\(numpyKind)\(itemSize)"
    }

    var category: Int {
        switch self {
        case .bool: return 0
        case .uint8, .int32, .int64: return 1
        case .float32, .float64: return 2
        }
    }

    /// The dtype numpy names by `name` (`np.dtype(name)`, `astype(name)`): type names, the
    /// one-letter codes and the `'<f4'` forms. Nil for any other name.
    public static func numpy(named name: String) -> DType? {
        switch name {
        case "float64", "float", "double", "d", "f8", "<f8", "=f8", "float_", "longdouble": return .float64
        case "float32", "single", "f", "f4", "<f4", "=f4": return .float32
        case "int64", "int", "long", "l", "i8", "<i8", "=i8", "int_", "intp", "longlong", "q": return .int64
        case "int32", "intc", "i", "i4", "<i4", "=i4": return .int32
        case "uint8", "ubyte", "B", "u1", "|u1", "=u1": return .uint8
        case "bool", "bool_", "?", "b1", "|b1", "=b1": return .bool
        default: return nil
        }
    }
}

/// A Python scalar taking part in a numpy operation: "weak" under NEP 50 (numpy 2), so it takes the
/// array's type where its kind allows (`uint8_array + 1` stays uint8, `float32_array * 2.5` float32).
public enum PythonScalarKind: Sendable {
    case bool, int(Int), float
}

/// The errors numpy raises while promoting.
public struct NumPyError: Error, Sendable {
    public let type: String
    public let message: String
    public init(_ type: String, _ message: String) { self.type = type; self.message = message }
}

public enum NumPyPromotion {
    /// `np.promote_types(a, b)` for the six dtypes.
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        switch (a.category, b.category) {
        case (1, 1):
            // uint8 fits every other integer here; int32 + int64 is int64.
            return a.itemSize >= b.itemSize ? a : b
        case (2, 2):
            return a == .float64 || b == .float64 ? .float64 : .float32
        default:
            let (i, f) = a.category == 1 ? (a, b) : (b, a)
            if f == .float64 { return .float64 }
            // float32 holds uint8 exactly; int32 and int64 need float64.
            return i == .uint8 ? .float32 : .float64
        }
    }

    /// The result dtype of an array of `array` dtype with a Python scalar (NEP 50).
    public static func promote(_ array: DType, scalar: PythonScalarKind) throws(NumPyError) -> DType {
        switch scalar {
        case .bool:
            return array
        case .int(let v):
            if array == .bool { return .int64 }
            if array.category == 2 { return array }
            let (lo, hi): (Int, Int) = switch array {
            case .uint8: (0, 255)
            case .int32: (Int(Int32.min), Int(Int32.max))
            default: (Int.min, Int.max)
            }
            if v < lo || v > hi { throw NumPyError("OverflowError", "Python integer \(v) out of bounds for \(array.numpyName)") }
            return array
        case .float:
            return array.category == 2 ? array : .float64
        }
    }

    /// The dtype of `np.array(python_value)` for a Python scalar on its own.
    public static func defaultType(_ scalar: PythonScalarKind) -> DType {
        switch scalar {
        case .bool: return .bool
        case .int: return .int64
        case .float: return .float64
        }
    }

    /// True division's loop: integers and bools divide as float64.
    public static func trueDivide(_ t: DType) -> DType { t.category == 2 ? t : .float64 }
}
