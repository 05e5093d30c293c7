import NN
import Torch

/// Binding call arguments to parameter names, with Python's `TypeError` wording.
public struct BoundArguments {
    public let function: String
    var values: [String: Value]

    public subscript(_ name: String) -> Value? { values[name].flatMap { $0.isNone ? nil : $0 } }
    public func has(_ name: String) -> Bool { values[name] != nil }

    public func int(_ name: String, _ def: Int? = nil) throws -> Int {
        guard let v = self[name] else {
            if let def { return def }
            throw PythonError.type("\(function)() missing required argument '\(name)'")
        }
        return try v.asInt(name, function)
    }

    /// The float options among `names` given as an int or a bool, as PyTorch keeps them
    /// (`Module.givenOptions`).
    public func givenNumbers(_ names: [String]) -> [String: Attribute] {
        var given = [String: Attribute]()
        for name in names {
            switch self[name] {
            case .int(let i)?: given[name] = .int(i)
            case .bool(let b)?: given[name] = .bool(b)
            default: break
            }
        }
        return given
    }

    /// A float option's repr as the caller gave it (`2` for an int), or the Double's.
    public func numberRepr(_ name: String, _ value: Double) -> String {
        givenNumbers([name])[name]?.pythonRepr ?? pythonFloatRepr(value)
    }

    public func double(_ name: String, _ def: Double) throws -> Double {
        guard let v = self[name] else { return def }
        return try v.asDouble(name, function)
    }

    public func bool(_ name: String, _ def: Bool) throws -> Bool {
        guard let v = self[name] else { return def }
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw PythonError.type("\(function)(): argument '\(name)' must be bool, not \(v.typeName)")
        }
    }

    public func string(_ name: String, _ def: String) throws -> String {
        guard let v = self[name] else { return def }
        guard case .str(let s) = v else { throw PythonError.type("\(function)(): argument '\(name)' must be str, not \(v.typeName)") }
        return s
    }

    public func tensor(_ name: String) throws -> Tensor {
        guard let v = self[name] else { throw PythonError.type("\(function)() missing required argument '\(name)'") }
        return try v.asTensor(name, function)
    }

    public func dtype(_ name: String = "dtype") throws -> DType? {
        guard let v = self[name] else { return nil }
        guard case .dtype(let d) = v else {
            throw PythonError.type("\(function)(): argument '\(name)' must be torch.dtype, not \(v.typeName)")
        }
        return d
    }
}

extension Arguments {
    /// Binds like `def f(p0, p1, ...)`: `required` leading names must be given.
    /// Binds positional arguments to `names` in order and keywords to `names` or `keywordOnly`
    /// (parameters after Python's `*`, such as `add`'s `alpha`).
    public func bind(_ function: String, _ names: [String], required: Int = 0, keywordOnly: [String] = []) throws -> BoundArguments {
        var values = [String: Value]()
        if positional.count > names.count {
            let receiver = countsReceiver ? 1 : 0
            let most = names.count + receiver, least = required + receiver, given = positional.count + receiver
            throw PythonError.type("\(function)() takes \(most == least ? "" : "from \(least) to ")\(most) positional argument\(most == 1 ? "" : "s") but \(given) \(given == 1 ? "was" : "were") given")
        }
        for (n, v) in zip(names, positional) { values[n] = v }
        for (k, v) in keywords {
            guard names.contains(k) || keywordOnly.contains(k) else {
                throw PythonError.type("\(function)() got an unexpected keyword argument '\(k)'")
            }
            if values[k] != nil { throw PythonError.type("\(function)() got multiple values for argument '\(k)'") }
            values[k] = v
        }
        let missing = names.prefix(required).filter { values[$0] == nil }
        if !missing.isEmpty {
            let quoted = missing.map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
            throw PythonError.type("\(function)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        // Every factory and layer takes `device=`: only the CPU exists here.
        if let device = values["device"] { try DeviceObject.requireCPU(device) }
        return BoundArguments(function: function, values: values)
    }

    /// Splits `f(*size, name=...)` style calls: sizes given as ints or one sequence.
    public func sizeAndOptions(_ function: String, _ options: [String], sizeKeyword: String = "size") throws -> ([Int], BoundArguments) {
        // PyTorch's parser for `*size`: an int first means every positional is a size; otherwise the one
        // positional is the sequence. Its messages name the failing element's position (from 1).
        func element(_ v: Value, _ i: Int) throws -> Int {
            switch v {
            case .int(let n): return n
            case .bool(let b): return b ? 1 : 0
            case .tensor(let t) where t.dim == 0 && t.dtype.isIntegral: return Int(t.flatInt(t.offset))
            case .object(is BigIntObject): throw PythonError.runtime("Overflow when unpacking long")
            default:
                throw PythonError.type("\(function)(): argument 'size' failed to unpack the object at pos \(i + 1) with error \"type must be tuple of ints,but got \(v.typeName)\"")
            }
        }
        var size: [Int]
        switch positional.first {
        case nil: size = []
        case .int?, .tensor?, .object(is BigIntObject)?:
            if case .tensor(let t)? = positional.first, !(t.dim == 0 && t.dtype.isIntegral) {
                if positional.count == 1 {
                    throw PythonError.type("\(function)(): argument 'size' (position 1) must be tuple of ints, not Tensor")
                }
            }
            size = try positional.enumerated().map { try element($1, $0) }
        case .size(let s)? where positional.count == 1: size = s
        case .tuple(let items)? where positional.count == 1: size = try items.enumerated().map { try element($1, $0) }
        case .list(let l)? where positional.count == 1: size = try l.items.enumerated().map { try element($1, $0) }
        case .size?, .tuple?, .list?:
            throw PythonError.type("\(function)() takes 1 positional argument but \(positional.count) were given")
        case let first?:
            if positional.count == 1 {
                throw PythonError.type("\(function)(): argument 'size' (position 1) must be tuple of ints, not \(first.typeName)")
            }
            size = try positional.map { try $0.asInt("size", function) }
        }
        var rest = Arguments([], keywords.filter { $0.0 != sizeKeyword })
        if let s = keywords.first(where: { $0.0 == sizeKeyword }) {
            if !positional.isEmpty { throw PythonError.type("\(function)() got multiple values for argument '\(sizeKeyword)'") }
            size = try s.1.asIntList(sizeKeyword, function)
        }
        rest.positional = []
        return (size, try rest.bind(function, options))
    }
}

extension Value {
    public func asInt(_ name: String = "", _ function: String = "") throws -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint && t.dim == 0: return Int(t.flatInt(t.offset))
        case .object(let o as OperandObject):
            if let i = try o.toInt(index: true) { return i }
            if function.isEmpty { throw PythonError.type("'\(typeName)' object cannot be interpreted as an integer") }
            throw PythonError.type("\(function)(): argument '\(name)' must be int, not \(typeName)")
        default:
            if function.isEmpty { throw PythonError.type("'\(typeName)' object cannot be interpreted as an integer") }
            throw PythonError.type("\(function)(): argument '\(name)' must be int, not \(typeName)")
        }
    }

    public func asDouble(_ name: String = "", _ function: String = "") throws -> Double {
        switch self {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .tensor(let t) where t.numel == 1: return try t.item()
        case .object(let o as OperandObject) where (try? o.toDouble()) != nil:
            return try o.toDouble() ?? 0
        default:
            if function.isEmpty { throw PythonError.type("must be real number, not \(typeName)") }
            throw PythonError.type("\(function)(): argument '\(name)' must be float, not \(typeName)")
        }
    }

    public func asIntList(_ name: String = "", _ function: String = "") throws -> [Int] {
        switch self {
        case .int, .bool: return [try asInt(name, function)]
        case .size(let s): return s
        case .tuple(let items): return try items.map { try $0.asInt(name, function) }
        case .list(let l): return try l.items.map { try $0.asInt(name, function) }
        default:
            throw PythonError.type("\(function)(): argument '\(name)' must be tuple of ints, not \(typeName)")
        }
    }

    public func asTensor(_ name: String = "input", _ function: String = "") throws -> Tensor {
        guard case .tensor(let t) = self else {
            throw PythonError.type("\(function)(): argument '\(name)' (position 1) must be Tensor, not \(typeName)")
        }
        return t
    }
}
