import Foundation
import Torch

/// Python's `format(value, spec)`, `str.format` and `%`-formatting.
extension Interpreter {
    func format(_ v: Value, spec: String) throws -> String {
        switch v {
        case .object(let i as PyInstance): return try formatInstance(i, spec)
        case .object(let o as OperandObject): return try o.format(spec, self)
        case .float(let d):
            if let text = fixedPoint(d, spec: spec) { return text }
            return try pythonFormat(d, spec: spec)
        case .int(let i):
            if spec.isEmpty || spec == "d" { return String(i) }
            if let last = spec.last, "eEfFgG%".contains(last) { return try pythonFormat(Double(i), spec: spec) }
            return try pythonFormat(Int64(i), spec: spec)
        case .bool(let b):
            if spec.isEmpty { return b ? "True" : "False" }
            return try pythonFormat(Int64(b ? 1 : 0), spec: spec)
        case .tensor(let t):
            // Tensor.__format__: a 0-d tensor formats as its Python number (`'{}'.format(torch.tensor(1.5))` is `1.5`).
            if t.dim == 0 { return try format(scalarValue(t, t.offset), spec: spec) }
            if spec.isEmpty { return v.str }
            throw PythonError.type("unsupported format string passed to Tensor.__format__")
        default:
            return try padString(v.str, spec: spec)
        }
    }

    /// `format(d, ".Nf")` for a finite `d` straight from `vsnprintf` (what `pythonFormat` ends up
    /// calling for it), skipping the general spec parsing; nil for any other spec.
    private func fixedPoint(_ d: Double, spec: String) -> String? {
        let u = spec.utf8
        guard d.isFinite, u.count >= 3, u.count <= 4, u.first == UInt8(ascii: "."), u.last == UInt8(ascii: "f") else { return nil }
        var p: Int32 = 0
        for c in u.dropFirst().dropLast() {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            p = p * 10 + Int32(c - UInt8(ascii: "0"))
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buf -> String? in
            let n = withVaList([p, d]) { vsnprintf(buf.baseAddress!, 64, "%.*f", $0) }
            guard n > 0, n < 64 else { return nil }
            return String(cString: buf.baseAddress!)
        }
    }

    /// Width, fill and alignment for strings (`{:>10}`, `{:*^9}`).
    func padString(_ s: String, spec: String) throws -> String {
        if spec.isEmpty { return s }
        var chars = Array(spec)
        var fill: Character = " ", align: Character = "<"
        if chars.count >= 2, "<>^=".contains(chars[1]) { fill = chars[0]; align = chars[1]; chars.removeFirst(2) }
        else if let f = chars.first, "<>^".contains(f) { align = f; chars.removeFirst() }
        var precision: Int?
        if let dot = chars.firstIndex(of: ".") {
            precision = Int(String(chars[(dot + 1)...].filter(\.isNumber)))
            chars = Array(chars[..<dot])
        }
        if chars.last == "s" { chars.removeLast() }
        guard chars.allSatisfy(\.isNumber) else {
            throw PythonError.value("Unknown format code '\(spec.last.map(String.init) ?? "")' for object of type 'str'")
        }
        var text = s
        if let p = precision { text = String(codePoints: text.unicodeScalars.prefix(p)) }
        let width = Int(String(chars)) ?? 0
        if width > MemoryLimit.bytes / 4 { throw PythonError("MemoryError", "format width \(width) exceeds the nnsh memory limit") }
        let pad = Swift.max(0, width - text.codePointCount)
        switch align {
        case ">": return String(repeating: fill, count: pad) + text
        case "^": return String(repeating: fill, count: pad / 2) + text + String(repeating: fill, count: pad - pad / 2)
        default: return text + String(repeating: fill, count: pad)
        }
    }

    /// `template.format(*args, **kwargs)`, or `template.format_map(mapping)` when `mapping` is given
    /// (named fields are `mapping[name]`, looked up as each is reached): auto and explicit numbering,
    /// names, attributes and indices.
    func strFormat(_ template: String, _ args: Arguments, mapping: Value? = nil) throws -> String {
        var auto = 0
        return try strFormat(template, args, &auto, mapping)
    }

    private func strFormat(_ template: String, _ args: Arguments, _ auto: inout Int, _ mapping: Value?) throws -> String {
        var out = ""
        // Code points, not Characters: the braces are ASCII, and grapheme breaking cost most of a call.
        let chars = Array(template.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                var depth = 1, j = i + 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < chars.count else { throw PythonError.value("Single '{' encountered in format string") }
                let field = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                out += try formatField(field, args, &auto, mapping)
                i = j + 1
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PythonError.value("Single '}' encountered in format string")
            } else {
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        return out
    }

    private func formatField(_ field: String, _ args: Arguments, _ auto: inout Int, _ mapping: Value?) throws -> String {
        var name = field, spec = "", conversion: Character?
        if let colon = field.firstIndex(of: ":") {
            name = String(field[..<colon]); spec = String(field[field.index(after: colon)...])
        }
        if let bang = name.firstIndex(of: "!") {
            conversion = name[name.index(after: bang)...].first
            name = String(name[..<bang])
        }
        // Split `a.b[0]` into the base and its trailers.
        var base = name
        var trailers = ""
        if let cut = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
            base = String(name[..<cut]); trailers = String(name[cut...])
        }
        var value: Value
        if let mapping, base.isEmpty || Int(base) != nil {
            throw PythonError.value("Format string contains positional fields")
        } else if let mapping {
            value = try getItem(mapping, .str(base))
        } else if base.isEmpty {
            guard auto < args.positional.count else {
                throw PythonError.index("Replacement index \(auto) out of range for positional args tuple")
            }
            value = args.positional[auto]; auto += 1
        } else if let n = Int(base) {
            guard n < args.positional.count else {
                throw PythonError.index("Replacement index \(n) out of range for positional args tuple")
            }
            value = args.positional[n]
        } else {
            guard let kw = args.keywords.first(where: { $0.0 == base }) else { throw PythonError.keyError(.str(base)) }
            value = kw.1
        }
        var rest = Substring(trailers)
        while let c = rest.first {
            if c == "." {
                rest = rest.dropFirst()
                let attr = rest.prefix { $0 != "." && $0 != "[" }
                rest = rest.dropFirst(attr.count)
                value = try getAttribute(value, String(attr))
            } else {
                rest = rest.dropFirst()
                let key = rest.prefix { $0 != "]" }
                rest = rest.dropFirst(key.count + 1)
                value = try getItem(value, Int(key).map { .int($0) } ?? .str(String(key)))
            }
        }
        if let c = conversion { value = .str(c == "s" ? value.str : value.repr) }
        if spec.isEmpty {
            switch value {
            case .str(let text): return text
            case .int(let n): return String(n)
            default: break
            }
        }
        // Nested fields (`{:{w}.{p}f}`) continue the automatic numbering after this field's own value.
        if spec.contains("{") { spec = try strFormat(spec, args, &auto, mapping) }
        return try format(value, spec: spec)
    }

    /// `'%d items, %.2f' % (n, x)` and `'%(name)s' % mapping` (Objects/unicodeobject.c,
    /// `PyUnicode_Format`). With `bytes`, the template is a bytes object's latin-1 text and the
    /// conversions are `bytes.__mod__`'s: `%s`/`%b` take bytes-like values, `%r`/`%a` are `ascii()`,
    /// `%c` an int below 256 or one byte.
    func percentFormat(_ template: String, _ arg: Value, bytes: Bool = false) throws -> String {
        var values: [Value]
        if case .tuple(let t) = arg { values = t } else { values = [arg] }
        // CPython takes any subscriptable non-tuple (not the template's own kind) as the mapping
        // `%(key)s` reads; such an argument is also never "not converted".
        var mapping: Value?
        switch arg {
        case .dict, .list, .tensor: mapping = arg
        case .str where bytes: mapping = arg
        case .object(is PyBytes) where !bytes: mapping = arg
        case .object(let i as PyInstance) where i.type.lookup("__getitem__") != nil: mapping = arg
        default: break
        }
        var out = ""
        let chars = Array(template.unicodeScalars)
        var i = 0, conversions = 0
        func next() throws -> Value {
            guard !values.isEmpty else { throw PythonError.type("not enough arguments for format string") }
            return values.removeFirst()
        }
        func number(_ v: Value) throws -> Int {
            do { return try asInt(v) } catch { throw PythonError.type("* wants int") }
        }
        while i < chars.count {
            guard chars[i] == "%" else { out.unicodeScalars.append(chars[i]); i += 1; continue }
            i += 1
            guard i < chars.count else { throw PythonError.value("incomplete format") }
            var key: Value?
            if chars[i] == "(" {
                var depth = 1, j = i + 1
                while j < chars.count {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                guard j < chars.count else { throw PythonError.value("incomplete format key") }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: chars[(i + 1)..<j])
                let text = String(name)
                key = bytes ? .object(PyBytes(try Codec.latin1.encode(text, errors: "strict"), mutable: false)) : .str(text)
                i = j + 1
            }
            var flags = ""
            while i < chars.count, "-+ #0".unicodeScalars.contains(chars[i]) { flags.unicodeScalars.append(chars[i]); i += 1 }
            var width = ""
            if i < chars.count, chars[i] == "*" {
                let w = try number(try next())
                if w < 0 { flags += "-" }
                width = String(Swift.abs(w))
                i += 1
            } else {
                while i < chars.count, ("0"..."9").contains(chars[i]) { width.unicodeScalars.append(chars[i]); i += 1 }
            }
            var precision = ""
            if i < chars.count, chars[i] == "." {
                i += 1
                precision = "."
                if i < chars.count, chars[i] == "*" {
                    precision += String(Swift.max(0, try number(try next())))
                    i += 1
                } else {
                    while i < chars.count, ("0"..."9").contains(chars[i]) { precision.unicodeScalars.append(chars[i]); i += 1 }
                    if precision == "." { precision = ".0" }
                }
            }
            while i < chars.count, "hlL".unicodeScalars.contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw PythonError.value("incomplete format") }
            let code = Character(chars[i])
            i += 1
            if code == "%" {
                // `%5%`: CPython 3.11 takes an argument, then refuses the conversion.
                if !(flags + width + precision).isEmpty || key != nil {
                    if key == nil { _ = try next() }
                    throw PythonError.value("unsupported format character '%' (0x25) at index \(i - 1)")
                }
                out.append("%")
                continue
            }
            let known: Bool
            switch code {
            case "d", "i", "o", "u", "x", "X", "e", "E", "f", "F", "g", "G", "c", "r", "s", "a": known = true
            case "b": known = bytes
            default: known = false
            }
            guard known else {
                let hex = String(chars[i - 1].value, radix: 16)
                throw PythonError.value("unsupported format character '\(code)' (0x\(hex)) at index \(i - 1)")
            }
            conversions += 1
            if conversions & 0xFFF == 0 { try throwIfInterrupted() }  // `'%s' * 10**6 % t` is one builtin
            let v: Value
            if let key {
                guard let mapping else { throw PythonError.type("format requires a mapping") }
                v = try getItem(mapping, key)
            } else {
                v = try next()
            }
            // The plain conversions (`%d` of an int, `%s` of a str), without the format machinery.
            if flags.isEmpty && width.isEmpty && precision.isEmpty {
                switch (code, v) {
                case ("d", .int(let n)), ("i", .int(let n)), ("u", .int(let n)): out += String(n); continue
                case ("s", .str(let text)) where !bytes: out += text; continue
                default: break
                }
            }
            let spec = flags + width + precision
            let padding = flags.contains("-") ? "<" + width : ">" + width
            switch code {
            case "s" where bytes, "b":
                guard let b = PyBytes.buffer(v) else {
                    throw PythonError.type("%b requires a bytes-like object, or an object that implements __bytes__, not '\(v.typeName)'")
                }
                out += try padString(try Codec.latin1.decode(b, errors: "strict"), spec: padding + precision)
            case "s": out += try padString(try strOf(v), spec: padding + precision)
            case "r" where bytes, "a": out += try padString(asciiEscaped(try reprString(v)), spec: padding + precision)
            case "r": out += try padString(try reprString(v), spec: padding + precision)
            case "c":
                var c: Unicode.Scalar?
                switch v {
                case .str(let t) where !bytes && t.unicodeScalars.count == 1: c = t.unicodeScalars.first
                case .object(let b as PyBytes) where bytes && b.bytes.count == 1: c = Unicode.Scalar(b.bytes[0])
                case .int, .bool, .object(is BigIntObject):
                    let limit = bytes ? 256 : 0x110000
                    guard let n = try? asInt(v), n >= 0, n < limit, let u = Unicode.Scalar(UInt32(n)) else {
                        throw PythonError.overflow(bytes ? "%c arg not in range(256)" : "%c arg not in range(0x110000)")
                    }
                    c = u
                default: break
                }
                guard let c else {
                    throw PythonError.type(bytes ? "%c requires an integer in range(256) or a single byte" : "%c requires int or char")
                }
                out += try padString(String(Character(c)), spec: padding)
            case "d", "i", "u":
                // An int of any size as it is; a float truncated (`'%d' % 1e300` is exact, NaN an error).
                let integer: Value
                switch v {
                case .int, .object(is BigIntObject): integer = v
                case .bool(let b): integer = .int(b ? 1 : 0)
                case .object(let i as PyInstance) where !i.type.isException && i.payload.map({ if case .int = $0 { return true }; return false }) == true:
                    integer = i.payload ?? .int(0)  // an int subclass (IntEnum) formats as its value
                default:
                    guard let d = try? asDouble(v) else { throw PythonError.type("%\(code) format: a real number is required, not \(v.typeName)") }
                    integer = try BigIntObject.truncating(d)
                }
                out += try format(integer, spec: printfSpec(spec) + "d")
            default: out += try format(v, spec: printfSpec(spec) + String(code))
            }
        }
        if !values.isEmpty, mapping == nil {
            throw PythonError.type("not all arguments converted during \(bytes ? "bytes" : "string") formatting")
        }
        return out
    }
}

/// A printf conversion's flags and width (`-6`, `+05.1`, `#`) as a `format()` spec (`<6`, `+05.1`, `#`).
func printfSpec(_ spec: String) -> String {
    var rest = Substring(spec)
    var minus = false, plus = false, space = false, zero = false, alt = false
    while let c = rest.first, "-+ 0#".contains(c) {
        switch c {
        case "-": minus = true
        case "+": plus = true
        case " ": space = true
        case "0": zero = true
        default: alt = true
        }
        rest = rest.dropFirst()
    }
    return (minus ? "<" : "") + (plus ? "+" : space ? " " : "") + (alt ? "#" : "") + (zero && !minus ? "0" : "") + rest
}

/// Python's float floor division.
func pythonFloorDivide(_ a: Double, _ b: Double) -> Double {
    let mod = a.truncatingRemainder(dividingBy: b)
    var div = (a - mod) / b
    if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
    if div != 0 {
        var f = div.rounded(.down)
        if div - f > 0.5 { f += 1 }
        return f
    }
    return (0.0).withSign(of: a / b)
}

extension Double {
    func withSign(of other: Double) -> Double { other.sign == .minus ? -Swift.abs(self) : Swift.abs(self) }
}
