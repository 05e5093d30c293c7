import Foundation
import Torch

/// Attribute access (`x.shape`, `m.weight`, `torch.nn`) and assignment (`m.weight.data = t`).
extension Interpreter {
    func getAttribute(_ obj: Value, _ name: String) throws -> Value {
        switch obj {
        case .namespace(let ns):
            if let v = try ns.member(name) { return v }
            if name == "__name__" { return .str(ns.name) }
            throw PythonError.attribute("module '\(ns.name)' has no attribute '\(name)'")
        case .tensor(let t):
            if let v = try tensorAttribute(t, name) { return v }
        case .module(let m):
            return try moduleGetAttribute(m, name)
        case .object(let i as PyInstance):
            return try instanceAttribute(i, name)
        case .object(let t as PyType):
            return try typeAttribute(t, name)
        case .object(let s as SuperObject):
            return try superAttribute(s, name)
        case .object(let o):
            if let v = try o.attribute(name) { return v }
            if name == "__class__" { return .object(typeOf(obj)) }
        case .size(let s):
            // torch.Size.numel() multiplies in wrapping int64 (Size((2**62, 4)).numel() == 0).
            if name == "numel" { return method(obj, name) { _ in .int(s.reduce(1, &*)) } }
            if name == "count" || name == "index" { return try sequenceMethod(obj, name) }
        case .dtype(let d):
            switch name {
            case "is_floating_point": return .bool(d.isFloatingPoint)
            case "itemsize": return .int(d.itemSize)
            case "is_signed": return .bool(d != .uint8 && d != .bool)
            default: break
            }
        case .str, .list, .tuple, .dict:
            if name == "__class__" { return .object(typeOf(obj)) }
            return try sequenceMethod(obj, name)
        case .set(let s):
            return try setMethod(s, name, obj)
        case .int(let i):
            switch name {
            case "real", "numerator": return .int(i)
            case "imag": return .int(0)
            case "denominator": return .int(1)
            case "bit_length": return method(obj, name) { _ in .int(UInt.bitWidth - i.magnitude.leadingZeroBitCount) }
            default: break
            }
        case .float(let d):
            switch name {
            case "real": return .float(d)
            case "imag": return .float(0)
            case "is_integer": return method(obj, name) { _ in .bool(d.isFinite && d == d.rounded()) }
            default: break
            }
        case .slice(let lo, let hi, let st):
            switch name {
            case "start": return lo
            case "stop": return hi
            case "step": return st
            default: break
            }
        case .builtin(let b):
            if name == "__name__" { return .str(b.name) }
        case .function(let f):
            switch name {
            case "__name__": return .str(f.name)
            case "__qualname__": return .str(f.qualname)
            case "__defaults__":
                let d = f.defaults.compactMap { $0 }
                return d.isEmpty ? .none : .tuple(d)
            case "__dict__": return .dict(f.attributes)
            case "__class__": return .object(PyType.function)
            case "__annotations__":
                if let v = f.attributes.get(.str(name)) { return v }
                let d = PyDict()
                f.attributes.set(.str(name), .dict(d))
                return .dict(d)
            default:
                if let v = f.attributes.get(.str(name)) { return v }
                if name == "__doc__" || name == "__module__" { return .none }
            }
        default: break
        }
        if name == "__class__" { return .object(typeOf(obj)) }
        throw PythonError.attribute("'\(obj.typeName)' object has no attribute '\(name)'")
    }

    func setAttribute(_ obj: Value, _ name: String, _ value: Value) throws {
        switch obj {
        case .tensor(let t):
            try setTensorAttribute(t, name, value)
        case .module(let m):
            try moduleSetAttribute(m, name, value)
        case .namespace(let ns):
            ns.setMember(name, value)
        case .object(let i as PyInstance):
            try setInstanceAttribute(i, name, value)
        case .object(let t as PyType) where t.isUserClass:
            t.dict.set(.str(name), value)
        case .object(let t as PyType):
            throw PythonError.type("cannot set '\(name)' attribute of immutable type '\(t.name)'")
        case .function(let f):
            if name == "__name__", case .str(let s) = value { f.rename(s) } else if name == "__qualname__", case .str(let s) = value {
                f.qualname = s
            } else { f.attributes.set(.str(name), value) }
        case .object(let o):
            if try !o.setAttribute(name, value) {
                throw PythonError.attribute("'\(o.typeName)' object has no attribute '\(name)'")
            }
        default:
            throw PythonError.attribute("'\(obj.typeName)' object has no attribute '\(name)'")
        }
    }

    /// `del obj.name` and `delattr(obj, name)`.
    func deleteAttribute(_ obj: Value, _ name: String) throws {
        switch obj {
        case .object(let i as PyInstance): try deleteInstanceAttribute(i, name)
        case .module(let m): try moduleDeleteAttribute(m, name)
        case .object(let t as PyType) where t.isUserClass:
            if !t.dict.remove(.str(name)) { throw PythonError.attribute("type object '\(t.name)' has no attribute '\(name)'") }
        case .function(let f):
            if !f.attributes.remove(.str(name)) { throw PythonError.attribute("'function' object has no attribute '\(name)'") }
        default: throw PythonError.attribute("'\(obj.typeName)' object has no attribute '\(name)'")
        }
    }

    /// A bound method value.
    func method(_ receiver: Value, _ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
        .builtin(Builtin(name, receiver: "\(receiver.typeName) object", body))
    }

    /// Names `dir()` and completion show.
    func memberNames(_ v: Value) -> [String] {
        switch v {
        case .namespace(let ns): return ns.memberNames
        case .tensor: return Interpreter.tensorAttributeNames + Interpreter.tensorMethodNames
        case .module(let m): return moduleMemberNames(m)
        case .object(let i as PyInstance):
            var names = Set(i.attributes.keys.compactMap { if case .str(let s) = $0 { return s }; return nil })
            for t in i.type.mro { for case .str(let s) in t.dict.keys { names.insert(s) } }
            return Array(names)
        case .object(let t as PyType):
            var names = Set<String>()
            for m in t.mro { for case .str(let s) in m.dict.keys { names.insert(s) } }
            return Array(names)
        case .object(let o): return o.memberNames
        case .str: return ["format", "join", "split", "strip", "lstrip", "rstrip", "upper", "lower", "replace", "startswith", "endswith", "find", "count", "center", "ljust", "rjust", "zfill", "title", "capitalize", "splitlines", "isdigit", "isalpha", "index", "isidentifier", "isdecimal", "isnumeric", "istitle", "isascii"]
        case .list: return ["append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "clear", "copy"]
        case .dict: return ["keys", "values", "items", "get", "pop", "update", "setdefault", "clear", "copy"]
        case .tuple, .size: return ["count", "index"] + (v.typeName == "Size" ? ["numel"] : [])
        default: return []
        }
    }

    // MARK: str, list, tuple and dict methods

    func sequenceMethod(_ obj: Value, _ name: String) throws -> Value {
        switch (obj, name) {
        case (.str(let s), _): return try stringMethod(s, name, obj)
        case (.list(let l), "append"): return method(obj, name) { a in l.items.append(try a.bind("append", ["object"], required: 1).values["object"]!); return .none }
        case (.list(let l), "extend"): return method(obj, name) { [unowned self] a in l.items += try self.iterate(try a.bind("extend", ["iterable"], required: 1).values["iterable"]!); return .none }
        case (.list(let l), "insert"): return method(obj, name) { a in
            let b = try a.bind("insert", ["index", "object"], required: 2)
            var i = try b.int("index"); let n = l.items.count
            if i < 0 { i = Swift.max(0, i + n) }
            l.items.insert(b.values["object"]!, at: Swift.min(i, n)); return .none }
        case (.list(let l), "pop"): return method(obj, name) { [unowned self] a in
            guard !l.items.isEmpty else { throw PythonError.index("pop from empty list") }
            let b = try a.bind("pop", ["index"])
            let i = try b["index"].map { try self.normalizeIndex($0, count: l.items.count, what: "pop") } ?? l.items.count - 1
            return l.items.remove(at: i) }
        case (.list(let l), "remove"): return method(obj, name) { a in
            let v = try a.bind("remove", ["value"], required: 1).values["value"]!
            guard let i = l.items.firstIndex(where: { valuesEqual($0, v) }) else { throw PythonError.value("list.remove(x): x not in list") }
            l.items.remove(at: i); return .none }
        case (.list(let l), "reverse"): return method(obj, name) { _ in l.items.reverse(); return .none }
        case (.list(let l), "clear"): return method(obj, name) { _ in l.items.removeAll(); return .none }
        case (.list(let l), "copy"): return method(obj, name) { _ in .list(PyList(l.items)) }
        case (.list(let l), "sort"): return method(obj, name) { [unowned self] a in
            guard case .builtin(let sorted)? = self.builtinsStorage["sorted"] else { return .none }
            let r = try sorted.call(Arguments([obj], a.keywords))
            if case .list(let s) = r { l.items = s.items }
            return .none }
        case (.list, "index"), (.tuple, "index"), (.size, "index"):
            return method(obj, name) { [unowned self] a in
                let v = try a.bind("index", ["value"], required: 1).values["value"]!
                guard let i = try self.iterate(obj).firstIndex(where: { valuesEqual($0, v) }) else { throw PythonError.value("\(v.repr) is not in \(obj.typeName)") }
                return .int(i) }
        case (.list, "count"), (.tuple, "count"), (.size, "count"):
            return method(obj, name) { [unowned self] a in
                let v = try a.bind("count", ["value"], required: 1).values["value"]!
                return .int(try self.iterate(obj).filter { valuesEqual($0, v) }.count) }
        case (.dict(let d), "keys"): return method(obj, name) { _ in .list(PyList(d.keys)) }
        case (.dict(let d), "values"): return method(obj, name) { _ in .list(PyList(d.values)) }
        case (.dict(let d), "items"): return method(obj, name) { _ in .list(PyList(zip(d.keys, d.values).map { .tuple([$0, $1]) })) }
        case (.dict(let d), "get"): return method(obj, name) { a in
            let b = try a.bind("get", ["key", "default"], required: 1)
            return d.get(b.values["key"]!) ?? (b.values["default"] ?? .none) }
        case (.dict(let d), "pop"): return method(obj, name) { a in
            let b = try a.bind("pop", ["key", "default"], required: 1)
            let k = b.values["key"]!
            if let v = d.get(k) { d.remove(k); return v }
            if let def = b.values["default"] { return def }
            throw PythonError.keyError(k) }
        case (.dict(let d), "update"): return method(obj, name) { a in
            if case .dict(let o)? = a.positional.first { for (k, v) in zip(o.keys, o.values) { d.set(k, v) } }
            for (k, v) in a.keywords { d.set(.str(k), v) }
            return .none }
        case (.dict(let d), "setdefault"): return method(obj, name) { a in
            let b = try a.bind("setdefault", ["key", "default"], required: 1)
            if let v = d.get(b.values["key"]!) { return v }
            d.set(b.values["key"]!, b.values["default"] ?? .none); return b.values["default"] ?? .none }
        case (.dict(let d), "clear"): return method(obj, name) { _ in d.keys = []; d.values = []; return .none }
        case (.dict(let d), "copy"): return method(obj, name) { _ in
            let c = PyDict(); c.keys = d.keys; c.values = d.values; return .dict(c) }
        default:
            throw PythonError.attribute("'\(obj.typeName)' object has no attribute '\(name)'")
        }
    }

    func stringMethod(_ s: String, _ name: String, _ obj: Value) throws -> Value {
        func strArg(_ a: Arguments, _ fn: String, _ p: String) throws -> String? {
            let b = try a.bind(fn, [p])
            guard let v = b[p] else { return nil }
            guard case .str(let x) = v else { throw PythonError.type("must be str, not \(v.typeName)") }
            return x
        }
        switch name {
        case "format": return method(obj, name) { [unowned self] a in .str(try self.strFormat(s, a)) }
        case "join": return method(obj, name) { [unowned self] a in
            let items = try self.iterate(try a.bind("join", ["iterable"], required: 1).values["iterable"]!)
            return .str(try items.enumerated().map { i, v in
                guard case .str(let x) = v else { throw PythonError.type("sequence item \(i): expected str instance, \(v.typeName) found") }
                return x
            }.joined(separator: s)) }
        case "upper": return method(obj, name) { _ in .str(s.uppercased()) }
        case "lower": return method(obj, name) { _ in .str(s.lowercased()) }
        case "title": return method(obj, name) { _ in .str(s.capitalized) }
        case "capitalize": return method(obj, name) { _ in .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        case "strip": return method(obj, name) { a in
            let chars = try strArg(a, "strip", "chars")
            return .str(s.trimmingCharacters(in: chars.map { CharacterSet(charactersIn: $0) } ?? .whitespacesAndNewlines)) }
        case "lstrip": return method(obj, name) { a in
            let set = try strArg(a, "lstrip", "chars").map { CharacterSet(charactersIn: $0) } ?? .whitespacesAndNewlines
            return .str(String(s.unicodeScalars.drop { set.contains($0) })) }
        case "rstrip": return method(obj, name) { a in
            let set = try strArg(a, "rstrip", "chars").map { CharacterSet(charactersIn: $0) } ?? .whitespacesAndNewlines
            var u = Array(s.unicodeScalars)
            while let last = u.last, set.contains(last) { u.removeLast() }
            var out = ""; out.unicodeScalars.append(contentsOf: u); return .str(out) }
        case "split", "rsplit": return method(obj, name) { a in
            let b = try a.bind(name, ["sep", "maxsplit"])
            let maxsplit = try b.int("maxsplit", -1)
            let fromRight = name == "rsplit"
            if let sepV = b["sep"], !sepV.isNone {
                guard case .str(let sep) = sepV else { throw PythonError.type("must be str or None, not \(sepV.typeName)") }
                guard !sep.isEmpty else { throw PythonError.value("empty separator") }
                var parts = s.components(separatedBy: sep)
                if maxsplit >= 0 && parts.count > maxsplit + 1 {
                    parts = fromRight
                        ? [parts[..<(parts.count - maxsplit)].joined(separator: sep)] + parts[(parts.count - maxsplit)...]
                        : Array(parts[..<maxsplit]) + [parts[maxsplit...].joined(separator: sep)]
                }
                return .list(PyList(parts.map { .str($0) }))
            }
            // Python's whitespace split; rsplit is the same on the reversed text.
            func split(_ text: String) -> [String] {
                var words = [String](), rest = Substring(text)
                while true {
                    rest = rest.drop { $0.isWhitespace }
                    if rest.isEmpty { break }
                    if maxsplit >= 0 && words.count == maxsplit {
                        var tail = rest
                        while let l = tail.last, l.isWhitespace { tail = tail.dropLast() }
                        words.append(String(tail)); break
                    }
                    let w = rest.prefix { !$0.isWhitespace }
                    words.append(String(w)); rest = rest.dropFirst(w.count)
                }
                return words
            }
            let words = fromRight ? split(String(s.reversed())).map { String($0.reversed()) }.reversed() : split(s)
            return .list(PyList(words.map { .str($0) })) }
        case "splitlines": return method(obj, name) { _ in .list(PyList(s.split(separator: "\n", omittingEmptySubsequences: false).map { .str(String($0)) }.dropLast(s.hasSuffix("\n") ? 1 : 0))) }
        case "replace": return method(obj, name) { a in
            let b = try a.bind("replace", ["old", "new", "count"], required: 2)
            guard case .str(let old) = b.values["old"]!, case .str(let new) = b.values["new"]! else { throw PythonError.type("replace() arguments must be str") }
            let count = try b.int("count", -1)
            if old.isEmpty { return .str(s) }
            if count < 0 { return .str(s.replacingOccurrences(of: old, with: new)) }
            var parts = s.components(separatedBy: old)
            if parts.count > count + 1 { parts = Array(parts[..<count]) + [parts[count...].joined(separator: old)] }
            return .str(parts.joined(separator: new)) }
        case "startswith", "endswith": return method(obj, name) { a in
            let v = try a.bind(name, ["prefix"], required: 1).values["prefix"]!
            let options: [String]
            switch v {
            case .str(let p): options = [p]
            case .tuple(let t): options = t.compactMap { if case .str(let p) = $0 { return p }; return nil }
            default: throw PythonError.type("\(name) first arg must be str or a tuple of str, not \(v.typeName)")
            }
            return .bool(options.contains { name == "startswith" ? s.hasPrefix($0) : s.hasSuffix($0) }) }
        case "find", "index", "count": return method(obj, name) { a in
            guard let sub = try strArg(a, name, "sub") else { throw PythonError.type("\(name)() takes at least 1 argument (0 given)") }
            if name == "count" { return .int(sub.isEmpty ? s.count + 1 : s.components(separatedBy: sub).count - 1) }
            guard let r = s.range(of: sub) else {
                if name == "index" { throw PythonError.value("substring not found") }
                return .int(-1)
            }
            return .int(s.distance(from: s.startIndex, to: r.lowerBound)) }
        case "rfind", "rindex": return method(obj, name) { a in
            guard let sub = try strArg(a, name, "sub") else { throw PythonError.type("\(name)() takes at least 1 argument (0 given)") }
            guard let r = s.range(of: sub, options: .backwards) else {
                if name == "rindex" { throw PythonError.value("substring not found") }
                return .int(-1)
            }
            return .int(s.distance(from: s.startIndex, to: r.lowerBound)) }
        case "removeprefix", "removesuffix": return method(obj, name) { a in
            let fix = try strArg(a, name, "fix") ?? ""
            if name == "removeprefix" { return .str(s.hasPrefix(fix) ? String(s.dropFirst(fix.count)) : s) }
            return .str(s.hasSuffix(fix) && !fix.isEmpty ? String(s.dropLast(fix.count)) : s) }
        case "partition", "rpartition": return method(obj, name) { a in
            guard let sep = try strArg(a, name, "sep") else { throw PythonError.type("\(name)() takes exactly one argument (0 given)") }
            guard !sep.isEmpty else { throw PythonError.value("empty separator") }
            guard let r = s.range(of: sep, options: name == "rpartition" ? .backwards : []) else {
                return .tuple(name == "rpartition" ? [.str(""), .str(""), .str(s)] : [.str(s), .str(""), .str("")])
            }
            return .tuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))]) }
        case "swapcase": return method(obj, name) { _ in
            .str(String(s.map { $0.isUppercase ? Character($0.lowercased()) : $0.isLowercase ? Character($0.uppercased()) : $0 })) }
        case "isalnum": return method(obj, name) { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
        case "islower", "isupper": return method(obj, name) { _ in
            let cased = s.filter(\.isCased)
            return .bool(!cased.isEmpty && cased.allSatisfy { name == "islower" ? $0.isLowercase : $0.isUppercase }) }
        case "center", "ljust", "rjust": return method(obj, name) { [unowned self] a in
            let b = try a.bind(name, ["width", "fillchar"], required: 1)
            let fill = try b.string("fillchar", " ")
            let align = name == "center" ? "^" : (name == "ljust" ? "<" : ">")
            return .str(try self.padString(s, spec: fill + align + String(try b.int("width")))) }
        case "zfill": return method(obj, name) { a in
            let w = try a.bind("zfill", ["width"], required: 1).int("width")
            if w > MemoryLimit.bytes / 4 { throw PythonError("MemoryError", "") }
            let neg = s.hasPrefix("-") || s.hasPrefix("+")
            let body = neg ? String(s.dropFirst()) : s
            return .str((neg ? String(s.prefix(1)) : "") + String(repeating: "0", count: Swift.max(0, w - s.count)) + body) }
        case "isdigit": return method(obj, name) { _ in .bool(!s.isEmpty && s.allSatisfy(\.isNumber)) }
        case "isalpha": return method(obj, name) { _ in .bool(!s.isEmpty && s.allSatisfy(\.isLetter)) }
        case "isspace": return method(obj, name) { _ in .bool(!s.isEmpty && s.allSatisfy(\.isWhitespace)) }
        case "isidentifier": return method(obj, name) { _ in .bool(isIdentifier(s)) }
        case "isdecimal", "isnumeric": return method(obj, name) { _ in .bool(!s.isEmpty && s.allSatisfy(\.isNumber)) }
        case "istitle": return method(obj, name) { _ in
            // Cased runs start upper and continue lower; at least one cased character.
            var previousCased = false, sawCased = false
            for c in s {
                if c.isUppercase { if previousCased { return .bool(false) }; previousCased = true; sawCased = true }
                else if c.isLowercase { if !previousCased { return .bool(false) }; sawCased = true }
                else { previousCased = false }
            }
            return .bool(sawCased) }
        case "isascii": return method(obj, name) { _ in .bool(s.unicodeScalars.allSatisfy(\.isASCII)) }
        default: throw PythonError.attribute("'str' object has no attribute '\(name)'")
        }
    }

    func setMethod(_ s: PySet, _ name: String, _ obj: Value) throws -> Value {
        func others(_ a: Arguments) throws -> [PySet] { try a.positional.map { PySet(try iterate($0)) } }
        switch name {
        case "add": return method(obj, name) { a in s.insert(try a.bind("add", ["elem"], required: 1).values["elem"]!); return .none }
        case "remove": return method(obj, name) { a in
            let v = try a.bind("remove", ["elem"], required: 1).values["elem"]!
            if !s.remove(v) { throw PythonError.keyError(v) }
            return .none }
        case "discard": return method(obj, name) { a in s.remove(try a.bind("discard", ["elem"], required: 1).values["elem"]!); return .none }
        case "pop": return method(obj, name) { _ in
            guard let v = s.items.first else { throw PythonError.keyError(.str("pop from an empty set")) }
            s.remove(v); return v }
        case "clear": return method(obj, name) { _ in s.removeAll(); return .none }
        case "copy": return method(obj, name) { _ in .set(PySet(s.items)) }
        case "update": return method(obj, name) { [unowned self] a in
            for o in try a.positional.map({ try self.iterate($0) }) { o.forEach(s.insert) }
            return .none }
        case "union": return method(obj, name) { a in .set(PySet(s.items + (try others(a)).flatMap(\.items))) }
        case "intersection": return method(obj, name) { a in
            let os = try others(a); return .set(PySet(s.items.filter { v in os.allSatisfy { $0.contains(v) } })) }
        case "difference": return method(obj, name) { a in
            let os = try others(a); return .set(PySet(s.items.filter { v in !os.contains { $0.contains(v) } })) }
        case "symmetric_difference": return method(obj, name) { a in
            guard let o = try others(a).first else { throw PythonError.type("symmetric_difference() takes exactly one argument (0 given)") }
            return .set(PySet(s.items.filter { !o.contains($0) } + o.items.filter { !s.contains($0) })) }
        case "issubset": return method(obj, name) { a in .bool(s.items.allSatisfy((try others(a).first ?? PySet()).contains)) }
        case "issuperset": return method(obj, name) { a in
            let o = try others(a).first ?? PySet(); return .bool(o.items.allSatisfy(s.contains)) }
        case "isdisjoint": return method(obj, name) { a in
            let o = try others(a).first ?? PySet(); return .bool(!s.items.contains(where: o.contains)) }
        default: throw PythonError.attribute("'set' object has no attribute '\(name)'")
        }
    }
}

/// `str.isidentifier()`: a letter or `_`, then letters, digits or `_` (Unicode's XID classes, approximated by Swift's letter and digit properties).
func isIdentifier(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
    return s.unicodeScalars.dropFirst().allSatisfy { $0.properties.isXIDContinue }
}
