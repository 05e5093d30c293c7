import Torch
import NN

/// `str()` and `repr()` of values, as Python prints them.
/// Containers being printed (a list that contains itself prints as `[...]`, as in Python) and the
/// nesting depth, which bounds recursion on deeply nested lists.
nonisolated(unsafe) private var reprActive = Set<ObjectIdentifier>()
nonisolated(unsafe) private var reprDepth = 0

extension Value {
    public var repr: String {
        switch self {
        case .list, .dict, .tuple:
            let id: ObjectIdentifier?
            switch self {
            case .list(let l): id = ObjectIdentifier(l)
            case .dict(let d): id = ObjectIdentifier(d)
            default: id = nil
            }
            if let id, reprActive.contains(id) { if case .list = self { return "[...]" } else { return "{...}" } }
            if reprDepth > 400 { return "..." }
            if let id { reprActive.insert(id) }
            reprDepth += 1
            defer { reprDepth -= 1; if let id { reprActive.remove(id) } }
            return containerRepr
        default:
            return plainRepr
        }
    }

    private var containerRepr: String {
        switch self {
        case .tuple(let items):
            return items.count == 1 ? "(\(items[0].repr),)" : "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .list(let l): return "[" + l.items.map(\.repr).joined(separator: ", ") + "]"
        case .dict(let d):
            return "{" + zip(d.keys, d.values).map { "\($0.repr): \($1.repr)" }.joined(separator: ", ") + "}"
        default: return plainRepr
        }
    }

    private var plainRepr: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return pythonFloatRepr(d)
        case .str(let s): return pythonStringRepr(s)
        case .tuple(let items):
            return items.count == 1 ? "(\(items[0].repr),)" : "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .list(let l): return "[" + l.items.map(\.repr).joined(separator: ", ") + "]"
        case .set(let s): return s.items.isEmpty ? "set()" : "{" + s.items.map(\.repr).joined(separator: ", ") + "}"
        case .dict(let d):
            return "{" + zip(d.keys, d.values).map { "\($0.repr): \($1.repr)" }.joined(separator: ", ") + "}"
        case .tensor(let t): return tensorRepr(t)
        case .size(let s): return sizeRepr(s)
        case .dtype(let d): return d.description
        case .slice(let a, let b, let c): return "slice(\(a.repr), \(b.repr), \(c.repr))"
        case .ellipsis: return "Ellipsis"
        case .range(let a, let b, let c): return c == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(c))"
        case .module(let m): return moduleRepr(m)
        case .namespace(let n): return n.repr
        case .builtin(let b):
            if let r = b.receiver { return "<built-in method \(b.name) of \(r)>" }
            return "<built-in function \(b.name)>"
        case .function(let f): return "<function \(f.name) at 0x\(String(UInt(bitPattern: ObjectIdentifier(f).hashValue), radix: 16))>"
        case .object(let o): return o.repr()
        }
    }

    public var str: String {
        switch self {
        case .str(let s): return s
        case .object(let o): return o.str()
        default: return repr
        }
    }

    /// Python's type name, for messages like `unsupported operand type(s) for +: 'int' and 'str'`.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case .set: return "set"
        case .tensor(let t): return t.isParameter ? "Parameter" : "Tensor"
        case .size: return "Size"
        case .dtype: return "dtype"
        case .slice: return "slice"
        case .ellipsis: return "ellipsis"
        case .range: return "range"
        case .module(let m): return moduleTypeName(m)
        case .namespace: return "module"
        case .builtin: return "builtin_function_or_method"
        case .function: return "function"
        case .object(let o): return o.typeName
        }
    }
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and no double quote.
public func pythonStringRepr(_ s: String) -> String {
    let useDouble = s.contains("'") && !s.contains("\"")
    var out = useDouble ? "\"" : "'"
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "'" where !useDouble: out += "\\'"
        default:
            if !scalar.isPythonPrintable {
                // str.__repr__'s escapes for what str.isprintable() refuses.
                let hex = String(scalar.value, radix: 16)
                if scalar.value < 0x100 { out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
                else if scalar.value < 0x10000 { out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
                else { out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + (useDouble ? "\"" : "'")
}

extension Unicode.Scalar {
    /// Python's `str.isprintable()` for one code point: not a control, format, surrogate,
    /// private-use, unassigned, line or paragraph separator, nor a space other than ' '.
    var isPythonPrintable: Bool {
        if value < 0x7F { return value >= 0x20 }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
