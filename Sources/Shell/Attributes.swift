import BigInt
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
            if let v = nativeAttribute(obj, name) { return v }
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
            if case .str = obj, let v = nativeAttribute(obj, name) { return v }
            return try sequenceMethod(obj, name)
        case .set(let s):
            return try setMethod(s, name, obj)
        case .bool(let b):
            switch name {
            case "real", "numerator": return .int(b ? 1 : 0)
            case "imag": return .int(0)
            case "denominator": return .int(1)
            default: if let v = nativeAttribute(obj, name) { return v }
            }
        case .int(let i):
            switch name {
            case "real", "numerator": return .int(i)
            case "imag": return .int(0)
            case "denominator": return .int(1)
            default: if let v = nativeAttribute(obj, name) { return v }
            }
        case .float(let d):
            switch name {
            case "real": return .float(d)
            case "imag": return .float(0)
            case "is_integer": return method(obj, name) { _ in .bool(d.isFinite && d == d.rounded()) }
            case "hex": return method(obj, name) { _ in .str(floatHex(d)) }
            case "as_integer_ratio":
                return method(obj, name) { _ in
                    if d.isNaN { throw PythonError.value("cannot convert NaN to integer ratio") }
                    if d.isInfinite { throw PythonError.overflow("cannot convert Infinity to integer ratio") }
                    if d == 0 { return .tuple([.int(0), .int(1)]) }
                    // d = m * 2**e with m an odd integer: the ratio in lowest terms.
                    var m = Swift.abs(d.significand), e = Int(d.exponent)
                    while m != m.rounded(.towardZero) { m *= 2; e -= 1 }
                    var num = Int(m)  // below 2**53
                    while e < 0 && num % 2 == 0 { num /= 2; e += 1 }
                    if d < 0 { num = -num }
                    if e >= 0 { return .tuple([Value.integer(BigInt(num) << e), .int(1)]) }
                    return .tuple([.int(num), Value.integer(BigInt(1) << -e)])
                }
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
            // A metaclass's own `__setattr__` (EnumType refuses to reassign members).
            if let meta = t.metaclass, let f = meta.lookup("__setattr__"), !isBuiltinSlot(f) {
                _ = try call(bind(f, to: obj, type: meta), Arguments([.str(name), value]))
                return
            }
            try setClassAttribute(t, name, value)
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

    /// `Class.name = value` as `type.__setattr__` does it.
    func setClassAttribute(_ t: PyType, _ name: String, _ value: Value) throws {
        // The names a class reports are fields of the type, not entries of its dict.
        switch (name, value) {
        case ("__module__", .str(let m)): t.module = m
        case ("__qualname__", .str(let q)): t.qualname = q
        case ("__module__", _), ("__qualname__", _):
            throw PythonError.type("can only assign string to \(t.name).\(name), not '\(value.typeName)'")
        default: break
        }
        t.dict.set(.str(name), value)
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
        case .object(let o): return o.memberNames + (nativeTable(of: v)?.names ?? [])
        case .str: return ["format", "join", "split", "strip", "lstrip", "rstrip", "upper", "lower", "replace", "startswith", "endswith", "find", "count", "center", "ljust", "rjust", "zfill", "title", "capitalize", "splitlines", "isdigit", "isalpha", "index", "isidentifier", "isdecimal", "isnumeric", "istitle", "isascii"] + StrMethods.table.names
        case .list: return ["append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "clear", "copy"]
        case .dict: return ["keys", "values", "items", "get", "pop", "update", "setdefault", "clear", "copy"]
        case .tuple, .size: return ["count", "index"] + (v.typeName == "Size" ? ["numel"] : [])
        default: return nativeTable(of: v)?.names ?? []
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
        case (.dict(let d), "keys"): return method(obj, name) { a in _ = try a.bind("keys", []); return .object(DictView(.keys, of: d)) }
        case (.dict(let d), "values"): return method(obj, name) { a in _ = try a.bind("values", []); return .object(DictView(.values, of: d)) }
        case (.dict(let d), "items"): return method(obj, name) { a in _ = try a.bind("items", []); return .object(DictView(.items, of: d)) }
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
        case (.dict(let d), "clear"): return method(obj, name) { _ in d.removeAll(); return .none }
        case (.dict(let d), "copy"): return method(obj, name) { _ in .dict(d.copy()) }
        case (.dict(let d), "popitem"): return method(obj, name) { a in
            _ = try a.bind("popitem", [])
            guard let (k, v) = d.popLast() else { throw PythonError.keyError(.str("popitem(): dictionary is empty")) }
            return .tuple([k, v]) }
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
            var size = s.utf8.count &* Swift.max(0, items.count - 1)
            let parts = try items.enumerated().map { i, v in
                guard case .str(let x) = v else { throw PythonError.type("sequence item \(i): expected str instance, \(v.typeName) found") }
                size = size.addingReportingOverflow(x.utf8.count).partialValue
                return x
            }
            try self.checkCollectionSize(size < 0 ? Int.max : size, elementBytes: 1)
            return .str(parts.joined(separator: s)) }
        case "upper": return method(obj, name) { _ in .str(s.uppercased()) }
        case "lower": return method(obj, name) { _ in .str(pythonLower(s)) }
        case "title": return method(obj, name) { _ in .str(pythonTitle(s)) }
        case "capitalize": return method(obj, name) { _ in
            // CPython 3.8+: the first code point title-cased, the rest lower-cased.
            guard let first = s.unicodeScalars.first else { return .str("") }
            return .str(first.properties.titlecaseMapping + String(codePoints: s.unicodeScalars.dropFirst()).lowercased()) }
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
                return .list(PyList(s.pythonSplit(separator: sep, maxsplit: maxsplit, fromRight: fromRight).map { .str($0) }))
            }
            // Python's whitespace split (runs of isspace code points); rsplit is the same on the reversed text.
            func split(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
                var words = [[Unicode.Scalar]](), rest = text[...]
                while true {
                    rest = rest.drop { $0.isPythonSpace }
                    if rest.isEmpty { break }
                    // The rest after maxsplit words keeps its trailing whitespace, as CPython's does.
                    if maxsplit >= 0 && words.count == maxsplit { words.append(Array(rest)); break }
                    let w = rest.prefix { !$0.isPythonSpace }
                    words.append(Array(w)); rest = rest.dropFirst(w.count)
                }
                return words
            }
            let u = s.codePoints
            let words = fromRight ? split(u.reversed()).map { Array($0.reversed()) }.reversed() : split(u)
            return .list(PyList(words.map { .str(String(codePoints: $0)) })) }
        case "splitlines": return method(obj, name) { [unowned self] a in
            let keep = try self.truthy(try a.bind("splitlines", ["keepends"]).values["keepends"] ?? .bool(false))
            return .list(PyList(s.pythonSplitLines(keepEnds: keep).map { .str($0) })) }
        case "replace": return method(obj, name) { [unowned self] a in
            let b = try a.bind("replace", ["old", "new", "count"], required: 2)
            guard case .str(let old) = b.values["old"]!, case .str(let new) = b.values["new"]! else { throw PythonError.type("replace() arguments must be str") }
            let count = try b.int("count", -1)
            return .str(try s.pythonReplacing(old, with: new, count: count) { try self.checkCollectionSize($0, elementBytes: 1) }) }
        case "startswith", "endswith": return method(obj, name) { [unowned self] a in
            let b = try a.bind(name, ["prefix", "start", "end"], required: 1)
            let v = b.values["prefix"]!
            let candidates: [Value]
            switch v {
            case .str: candidates = [v]
            case .tuple(let t): candidates = t
            default: throw PythonError.type("\(name) first arg must be str or a tuple of str, not \(v.typeName)")
            }
            let text = Array(s.unicodeScalars)
            let (lo, hi) = try self.searchBounds(text.count, b["start"], b["end"])
            // CPython tries the tuple's items in order: a match returns before a later non-str is seen.
            for c in candidates {
                guard case .str(let o) = c else { throw PythonError.type("tuple for \(name) must only contain str, not \(c.typeName)") }
                let p = Array(o.unicodeScalars)
                guard lo <= text.count, hi - lo >= p.count else { continue }
                let hit = name == "startswith" ? text[lo..<(lo + p.count)].elementsEqual(p) : text[(hi - p.count)..<hi].elementsEqual(p)
                if hit { return .bool(true) }
            }
            return .bool(false) }
        case "find", "index", "count", "rfind", "rindex": return method(obj, name) { [unowned self] a in
            let b = try a.bind(name, ["sub", "start", "end"], required: 1)
            guard case .str(let subString) = b.values["sub"]! else {
                throw PythonError.type("must be str, not \(b.values["sub"]!.typeName)")
            }
            let text = Array(s.unicodeScalars), sub = Array(subString.unicodeScalars)
            let (lo, hi) = try self.searchBounds(text.count, b["start"], b["end"])
            if name == "count" {
                if lo > text.count || hi < lo { return .int(0) }
                if sub.isEmpty { return .int(hi - lo + 1) }
                var n = 0, i = lo
                while i + sub.count <= hi {
                    if text[i..<(i + sub.count)].elementsEqual(sub) { n += 1; i += sub.count } else { i += 1 }
                }
                return .int(n)
            }
            var found: Int?
            if lo <= text.count && hi - lo >= sub.count {
                if name.hasPrefix("r") {
                    var i = hi - sub.count
                    while i >= lo { if text[i..<(i + sub.count)].elementsEqual(sub) { found = i; break }; i -= 1 }
                } else {
                    var i = lo
                    while i + sub.count <= hi { if text[i..<(i + sub.count)].elementsEqual(sub) { found = i; break }; i += 1 }
                }
            }
            if let found { return .int(found) }
            if name.hasSuffix("index") { throw PythonError.value("substring not found") }
            return .int(-1) }
        case "removeprefix", "removesuffix": return method(obj, name) { a in
            let fix = try strArg(a, name, "fix") ?? ""
            let u = s.codePoints, n = fix.codePointCount
            if name == "removeprefix" { return .str(s.codePointsHavePrefix(fix) ? String(codePoints: u.dropFirst(n)) : s) }
            return .str(s.codePointsHaveSuffix(fix) && n > 0 ? String(codePoints: u.dropLast(n)) : s) }
        case "partition", "rpartition": return method(obj, name) { a in
            guard let sep = try strArg(a, name, "sep") else { throw PythonError.type("\(name)() takes exactly one argument (0 given)") }
            guard !sep.isEmpty else { throw PythonError.value("empty separator") }
            guard let (before, after) = s.pythonPartition(sep, fromRight: name == "rpartition") else {
                return .tuple(name == "rpartition" ? [.str(""), .str(""), .str(s)] : [.str(s), .str(""), .str("")])
            }
            return .tuple([.str(before), .str(sep), .str(after)]) }
        case "translate": return method(obj, name) { [unowned self] a in
            // str.translate(table): each character's code point looked up; None deletes, an int or a
            // str replaces, a missing key (LookupError) keeps the character.
            let b = try a.bind(name, ["table"], required: 1)
            let table = b.values["table"]!
            var out = String.UnicodeScalarView()
            for c in s.unicodeScalars {
                let mapped: Value
                do { mapped = try self.getItem(table, .int(Int(c.value))) } catch let e as PythonError where e.kind == "KeyError" || e.kind == "IndexError" || e.kind == "LookupError" {
                    out.append(c); continue
                }
                switch mapped {
                case .none: continue
                case .int(let i):
                    guard i >= 0, i <= 0x10FFFF, let u = Unicode.Scalar(UInt32(i)) else { throw PythonError.value("character mapping must be in range(0x110000)") }
                    out.append(u)
                case .str(let r): out.append(contentsOf: r.unicodeScalars)
                default: throw PythonError.type("character mapping must return integer, None or str")
                }
            }
            return .str(String(out)) }
        case "swapcase": return method(obj, name) { _ in
            var out = ""
            for c in s.unicodeScalars {
                let p = c.properties
                out += p.isUppercase ? p.lowercaseMapping : p.isLowercase ? p.uppercaseMapping : String(Character(c))
            }
            return .str(out) }
        case "isalnum": return method(obj, name) { _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.isPythonAlpha || $0.properties.numericType != nil }) }
        case "islower", "isupper": return method(obj, name) { _ in
            // CPython: no cased code point of the other case, and at least one of this case.
            var sawCased = false
            for c in s.unicodeScalars {
                let p = c.properties
                let title = p.generalCategory == .titlecaseLetter
                if title || (name == "islower" ? p.isUppercase : p.isLowercase) { return .bool(false) }
                if name == "islower" ? p.isLowercase : p.isUppercase { sawCased = true }
            }
            return .bool(sawCased) }
        case "center", "ljust", "rjust": return method(obj, name) { [unowned self] a in
            let b = try a.bind(name, ["width", "fillchar"], required: 1)
            let fill = try b.string("fillchar", " ")
            guard fill.codePointCount == 1 else { throw PythonError.type("The fill character must be exactly one character long") }
            let width = try b.int("width"), margin = width - s.codePointCount
            if margin <= 0 { return .str(s) }
            if width > MemoryLimit.bytes / 4 { throw PythonError("MemoryError", "") }
            // CPython's pad(): center puts the odd space on the left when the width is odd.
            let left = name == "ljust" ? 0 : name == "rjust" ? margin : margin / 2 + (margin & width & 1)
            return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: margin - left)) }
        case "zfill": return method(obj, name) { a in
            let w = try a.bind("zfill", ["width"], required: 1).int("width")
            if w > MemoryLimit.bytes / 4 { throw PythonError("MemoryError", "") }
            let neg = s.hasPrefix("-") || s.hasPrefix("+")
            let body = neg ? String(s.dropFirst()) : s
            return .str((neg ? String(s.prefix(1)) : "") + String(repeating: "0", count: Swift.max(0, w - s.codePointCount)) + body) }
        case "isdigit": return method(obj, name) { _ in
            .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }) }
        case "isalpha": return method(obj, name) { _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(\.isPythonAlpha)) }
        case "isspace": return method(obj, name) { _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(\.isPythonSpace)) }
        case "isidentifier": return method(obj, name) { _ in .bool(isIdentifier(s)) }
        case "isdecimal": return method(obj, name) { _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal }) }
        case "isnumeric": return method(obj, name) { _ in .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil }) }
        case "istitle": return method(obj, name) { _ in
            // Cased runs start upper (or title) case and continue lower; at least one cased code point.
            var previousCased = false, sawCased = false
            for c in s.unicodeScalars {
                let p = c.properties
                let upperOrTitle = p.isUppercase || p.generalCategory == .titlecaseLetter
                if upperOrTitle { if previousCased { return .bool(false) }; previousCased = true; sawCased = true }
                else if p.isLowercase { if !previousCased { return .bool(false) }; sawCased = true }
                else { previousCased = false }
            }
            return .bool(sawCased) }
        case "isascii": return method(obj, name) { _ in .bool(s.unicodeScalars.allSatisfy(\.isASCII)) }
        case "isprintable": return method(obj, name) { _ in .bool(s.unicodeScalars.allSatisfy(\.isPythonPrintable)) }
        default: throw PythonError.attribute("'str' object has no attribute '\(name)'")
        }
    }

    /// `start`/`end` of str.find and friends, clipped as CPython's ADJUST_INDICES does (None is the
    /// whole string; negatives count from the end).
    func searchBounds(_ n: Int, _ start: Value?, _ end: Value?) throws -> (Int, Int) {
        func index(_ v: Value?, _ absent: Int) throws -> Int {
            guard let v, !v.isNone else { return absent }
            guard let i = try? asInt(v) else {
                throw PythonError.type("slice indices must be integers or None or have an __index__ method")
            }
            return i < 0 ? Swift.max(0, i &+ n) : i
        }
        let lo = try index(start, 0)
        let hi = Swift.min(try index(end, n), n)
        return (lo, hi)
    }

    func setMethod(_ s: PySet, _ name: String, _ obj: Value) throws -> Value {
        /// Each positional argument as a set (a set itself, or a new one from the iterable).
        func others(_ a: Arguments) throws -> [PySet] { try a.positional.map { try asSet($0) } }
        func element(_ a: Arguments, _ fn: String) throws -> (Value, Int) {
            let v = try a.bind(fn, ["elem"], required: 1).values["elem"]!
            return (v, try hashValue(v))
        }
        switch name {
        case "add": return method(obj, name) { a in
            let (v, h) = try element(a, "add"); s.insert(v, hash: h); return .none }
        case "remove": return method(obj, name) { a in
            let (v, h) = try element(a, "remove")
            if !s.remove(v, hash: h) { throw PythonError.keyError(v) }
            return .none }
        case "discard": return method(obj, name) { a in
            let (v, h) = try element(a, "discard"); s.remove(v, hash: h); return .none }
        case "pop": return method(obj, name) { a in
            _ = try a.bind("pop", [])
            guard let v = s.pop() else { throw PythonError.keyError(.str("pop from an empty set")) }
            return v }
        case "clear": return method(obj, name) { _ in s.removeAll(); return .none }
        case "copy": return method(obj, name) { _ in .set(s.copy()) }
        case "update": return method(obj, name) { [unowned self] a in
            for o in a.positional { try self.update(s, with: o) }
            return .none }
        case "union": return method(obj, name) { a in .set(try others(a).reduce(s.copy()) { $0.union($1) }) }
        case "intersection": return method(obj, name) { a in .set(try others(a).reduce(s.copy()) { $0.intersection($1) }) }
        case "difference": return method(obj, name) { a in .set(try others(a).reduce(s.copy()) { $0.difference($1) }) }
        case "symmetric_difference": return method(obj, name) { a in
            guard a.positional.count == 1 else {
                throw PythonError.type("set.symmetric_difference() takes exactly one argument (\(a.positional.count) given)")
            }
            return .set(s.symmetricDifference(try others(a)[0])) }
        case "intersection_update": return method(obj, name) { a in
            let r = try others(a).reduce(s.copy()) { $0.intersection($1) }
            s.removeAll(); s.merge(r); return .none }
        case "difference_update": return method(obj, name) { a in
            for o in try others(a) { for (k, h) in o.entries { s.remove(k, hash: h) } }
            return .none }
        case "symmetric_difference_update": return method(obj, name) { a in
            guard a.positional.count == 1 else {
                throw PythonError.type("set.symmetric_difference_update() takes exactly one argument (\(a.positional.count) given)")
            }
            s.symmetricDifferenceUpdate(try others(a)[0]); return .none }
        case "issubset": return method(obj, name) { a in
            let o = try others(a).first ?? PySet(); return .bool(s.count <= o.count && s.items.allSatisfy(o.contains)) }
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

/// `float.hex()` as CPython's `float_hex` writes it: a leading hex digit, 13 fraction digits and a
/// binary exponent (subnormals keep the minimum exponent -1022).
func floatHex(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0x0.0p+0" : "0x0.0p+0" }
    var e: Int32 = 0
    var m = frexp(Swift.abs(x), &e)
    let shift = 1 - Swift.max(-1021 - Int(e), 0)
    m = ldexp(m, Int32(shift))
    let exponent = Int(e) - shift
    let digits = Array("0123456789abcdef")
    var s = String(digits[Int(m)]) + "."
    m -= m.rounded(.towardZero)
    for _ in 0..<13 {
        m *= 16
        let d = Int(m)
        s.append(digits[d])
        m -= Double(d)
    }
    return (x < 0 ? "-0x" : "0x") + s + "p" + (exponent < 0 ? "-" : "+") + String(Swift.abs(exponent))
}
