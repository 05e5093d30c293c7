#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Python's float repr and format-spec mini-language (`format(x, spec)`, `'{:.4f}'.format(x)`),
// built on glibc's correctly rounded printf for the digits.

/// `snprintf(format, args…)` into a Swift string.
func cFormat(_ format: String, _ args: CVarArg...) -> String {
    var size = 128
    while true {
        var buf = [CChar](repeating: 0, count: size)
        let n = withVaList(args) { vsnprintf(&buf, size, format, $0) }
        if n < 0 { return "" }
        if Int(n) < size { return String(cString: buf) }
        size = Int(n) + 1
    }
}

/// Shortest round-trip decimal digits of a finite nonzero |x|: `value = 0.DIGITS × 10^decpt`.
func shortestDigits(_ x: Double) -> (digits: [UInt8], decpt: Int) {
    let text = abs(x).description          // Swift: shortest digits that round-trip, closest on ties
    var mantissa = Substring(text), exp = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exp = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits = [UInt8](), pointAt = -1
    for ch in mantissa {
        if ch == "." { pointAt = digits.count } else if let d = ch.asciiValue { digits.append(d - 48) }
    }
    if pointAt < 0 { pointAt = digits.count }
    var decpt = pointAt + exp
    while let f = digits.first, f == 0 { digits.removeFirst(); decpt -= 1 }
    while let l = digits.last, l == 0 { digits.removeLast() }
    return (digits, decpt)
}

/// Correctly rounded digits with `precision` significant digits (`%.*e`): `0.DIGITS × 10^decpt`.
func roundedDigits(_ x: Double, significant: Int) -> (digits: [UInt8], decpt: Int) {
    let text = cFormat("%.*e", Int32(max(significant, 1) - 1), abs(x))
    guard let e = text.firstIndex(of: "e") else { return ([0], 1) }
    let digits = text[..<e].compactMap { $0 == "." ? nil : $0.asciiValue.map { $0 - 48 } }
    let exp = Int(text[text.index(after: e)...]) ?? 0
    return (digits, exp + 1)
}

private func digitString(_ d: ArraySlice<UInt8>) -> String {
    String(decoding: d.map { $0 + 48 }, as: UTF8.self)
}

/// The exponent part of a Python float string: `e+05`, `e-300`.
private func exponentSuffix(_ exp: Int) -> String {
    (exp < 0 ? "e-" : "e+") + (abs(exp) < 10 ? "0" : "") + String(abs(exp))
}

/// Python's `format_float_short` on |x| for repr (`mode r`) or the no-type `g`-with-`.0` case.
private func shortFormat(digits: [UInt8], decpt: Int, useExp: Bool, addDot0: Bool) -> String {
    var d = digits
    if d.isEmpty { d = [0] }
    if useExp {
        var s = digitString(d[0..<1])
        if d.count > 1 { s += "." + digitString(d[1...]) }
        return s + exponentSuffix(decpt - 1)
    }
    if decpt <= 0 {
        return "0." + String(repeating: "0", count: -decpt) + digitString(d[...])
    }
    if decpt >= d.count {
        return digitString(d[...]) + String(repeating: "0", count: decpt - d.count) + (addDot0 ? ".0" : "")
    }
    return digitString(d[..<decpt]) + "." + digitString(d[decpt...])
}

/// Python's `repr(float)` / `str(float)`: `0.1`, `1e-05`, `1e+16`, `1.0`, `-0.0`, `inf`, `nan`.
public func pythonFloatRepr(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let sign = x.sign == .minus ? "-" : ""
    if x == 0 { return sign + "0.0" }
    let (digits, decpt) = shortestDigits(x)
    return sign + shortFormat(digits: digits, decpt: decpt, useExp: decpt <= -4 || decpt > 16, addDot0: true)
}

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character? = nil
    var sign: Character = "-"
    var coerceNegativeZero = false
    var alternate = false
    var width = 0
    var grouping: Character? = nil
    var precision: Int? = nil
    var type: Character? = nil

    init(_ spec: String, typeName: String) throws {
        let c = Array(spec)
        var i = 0
        let aligns: Set<Character> = ["<", ">", "=", "^"]
        var fillSpecified = false
        if c.count >= 2 && aligns.contains(c[1]) {
            fill = c[0]; align = c[1]; i = 2; fillSpecified = true
        } else if c.count >= 1 && aligns.contains(c[0]) {
            align = c[0]; i = 1
        }
        if i < c.count && (c[i] == "+" || c[i] == "-" || c[i] == " ") { sign = c[i]; i += 1 }
        if i < c.count && c[i] == "z" { coerceNegativeZero = true; i += 1 }
        if i < c.count && c[i] == "#" { alternate = true; i += 1 }
        if !fillSpecified && i < c.count && c[i] == "0" {
            fill = "0"
            if align == nil { align = "=" }
            i += 1
        }
        var w = "" as String
        while i < c.count, c[i].isASCII, c[i].isNumber { w.append(c[i]); i += 1 }
        if !w.isEmpty {
            guard let v = Int(w) else { throw TorchError.value("Too many decimal digits in format string") }
            // A width is that many characters of memory: hold it to the tensor memory cap.
            if v > MemoryLimit.bytes / 4 { throw TorchError("MemoryError", "format width \(v) exceeds the nnsh memory limit") }
            width = v
        }
        if i < c.count && (c[i] == "," || c[i] == "_") { grouping = c[i]; i += 1 }
        if i < c.count && c[i] == "." {
            i += 1
            var p = ""
            while i < c.count, c[i].isASCII, c[i].isNumber { p.append(c[i]); i += 1 }
            if p.isEmpty { throw TorchError.value("Format specifier missing precision") }
            guard let v = Int(p) else { throw TorchError.value("Too many decimal digits in format string") }
            if v > 100_000 { throw TorchError.value("precision too big") }
            precision = v
        }
        if c.count - i > 1 {
            throw TorchError.value("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if i < c.count { type = c[i] }
    }
}

/// Inserts `sep` every `every` digits from the right of a digit string, zero-padding it
/// (as CPython does) until the result is at least `minWidth` long.
private func group(_ digits: String, sep: Character?, every: Int, minWidth: Int) -> String {
    var d = Array(digits)
    func grouped(_ d: [Character]) -> String {
        guard let sep else { return String(d) }
        var out = [Character]()
        for (k, ch) in d.reversed().enumerated() {
            if k > 0 && k % every == 0 { out.append(sep) }
            out.append(ch)
        }
        return String(out.reversed())
    }
    // The fewest digits (zeros in front) whose grouped form reaches minWidth, found directly:
    // inserting one zero at a time is quadratic in the width (`'%0100000d' % 1`).
    func groupedLength(_ n: Int) -> Int { sep == nil || n == 0 ? n : n + (n - 1) / every }
    if groupedLength(d.count) < minWidth {
        var n = Swift.max(d.count, sep == nil ? minWidth : minWidth * every / (every + 1))
        while groupedLength(n) < minWidth { n += 1 }
        while n > d.count && groupedLength(n - 1) >= minWidth { n -= 1 }
        d.insert(contentsOf: repeatElement("0", count: n - d.count), at: 0)
    }
    return grouped(d)
}

/// Sign, (prefix), integer digits, rest → padded and aligned as CPython's `fill_number`.
private func assemble(negative: Bool, prefix: String, intDigits: String, rest: String,
                      spec: FormatSpec, groupEvery: Int) -> String {
    let signStr: String = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
    let align = spec.align ?? ">"
    var body: String
    if align == "=" && spec.fill == "0" && !intDigits.isEmpty {
        let minInt = spec.width - signStr.count - prefix.count - rest.count
        body = group(intDigits, sep: spec.grouping, every: groupEvery, minWidth: minInt) + rest
    } else {
        body = group(intDigits, sep: spec.grouping, every: groupEvery, minWidth: 0) + rest
    }
    let core = signStr + prefix + body
    let pad = spec.width - core.count
    if pad <= 0 { return core }
    let fill = String(repeating: spec.fill, count: pad)
    switch align {
    case "<": return core + fill
    case "^":
        let left = pad / 2
        return String(repeating: spec.fill, count: left) + core + String(repeating: spec.fill, count: pad - left)
    case "=": return signStr + prefix + fill + body
    default: return fill + core
    }
}

/// Python's `format(x, spec)` for a float: types `e E f F g G n %` and none, with fill, align,
/// sign, `z`, `#`, `0`, width, `,`/`_` grouping and precision.
public func pythonFormat(_ x: Double, spec: String) throws -> String {
    let s = try FormatSpec(spec, typeName: "float")
    var type = s.type
    if let t = type, !"eEfFgGn%".contains(t) {
        throw TorchError.value("Unknown format code '\(t)' for object of type 'float'")
    }
    if let g = s.grouping, type == "n" { throw TorchError.value("Cannot specify '\(g)' with 'n'.") }
    if type == "n" { type = "g" }
    var value = x
    var percent = false
    if type == "%" { type = "f"; value *= 100; percent = true }
    var negative = value.sign == .minus && !value.isNaN
    var text: String
    let upper = type == "E" || type == "F" || type == "G"
    if !value.isFinite {
        text = value.isNaN ? "nan" : "inf"
        if upper { text = text.uppercased() }
    } else if let t = type {
        let p = s.precision ?? 6
        let flag = s.alternate ? "#" : ""
        text = cFormat("%\(flag).*\(t)", Int32(p), abs(value))
    } else if let p = s.precision {
        // No type with a precision: like 'g', but `.0` on integers and exponent from p-1.
        let prec = max(p, 1)
        var (digits, decpt) = value == 0 ? ([0], 1) : roundedDigits(value, significant: prec)
        if !s.alternate { while digits.count > 1, digits.last == 0 { digits.removeLast() } }
        let useExp = decpt <= -4 || decpt > prec - 1
        text = shortFormat(digits: digits, decpt: decpt, useExp: useExp, addDot0: true)
        if value == 0 && !useExp { text = "0.0" }
    } else {
        text = pythonFloatRepr(abs(value))
    }
    if s.coerceNegativeZero && negative {
        // 'z': a result that rounds to zero loses its minus sign.
        if !text.contains(where: { ("1"..."9").contains($0) }) { negative = false }
    }
    if percent { text += "%" }
    // Split into integer digits and the rest (point, fraction, exponent, %).
    let firstNonDigit = text.firstIndex(where: { !($0.isASCII && $0.isNumber) }) ?? text.endIndex
    var intDigits = String(text[..<firstNonDigit])
    var rest = String(text[firstNonDigit...])
    if intDigits.isEmpty { intDigits = ""; rest = text }   // nan / inf
    return assemble(negative: negative, prefix: "", intDigits: intDigits, rest: rest, spec: s, groupEvery: 3)
}

/// Python's `format(n, spec)` for an int: types `d n b o x X c`, none, and the float types
/// (which format `float(n)`), with fill, align, sign, `#`, `0`, width and `,`/`_` grouping.
public func pythonFormat(_ n: Int64, spec: String) throws -> String {
    try pythonFormatInteger(negative: n < 0, spec: spec, digits: { String(n.magnitude, radix: $0) },
                            double: { Double(n) }, character: {
        guard n >= 0, n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else {
            throw TorchError("OverflowError", "%c arg not in range(0x110000)")
        }
        return Character(scalar)
    })
}

/// Python's `format(n, spec)` for an integer of any size, given its sign and its magnitude's
/// digits in a radix (`digits(radix)`), its float value for the float types, and its character for `c`.
public func pythonFormatInteger(negative: Bool, spec: String, digits magnitudeDigits: (Int) throws -> String,
                                double: () throws -> Double, character: () throws -> Character) throws -> String {
    let s = try FormatSpec(spec, typeName: "int")
    let type = s.type ?? "d"
    if "eEfFgG%".contains(type) { return try pythonFormat(try double(), spec: spec) }
    guard "dnbcoxX".contains(type) else {
        throw TorchError.value("Unknown format code '\(type)' for object of type 'int'")
    }
    if s.precision != nil { throw TorchError.value("Precision not allowed in integer format specifier") }
    if s.coerceNegativeZero { throw TorchError.value("Negative zero coercion (z) not allowed in integer format specifier") }
    if type == "c" {
        if s.sign != "-" { throw TorchError.value("Sign not allowed with integer format specifier 'c'") }
        return assemble(negative: false, prefix: "", intDigits: "", rest: String(try character()), spec: s, groupEvery: 3)
    }
    if let g = s.grouping, type == "n" || (g == "," && type != "d") {
        throw TorchError.value("Cannot specify '\(g)' with '\(type)'.")
    }
    let radix: Int, prefix: String
    switch type {
    case "b": (radix, prefix) = (2, "0b")
    case "o": (radix, prefix) = (8, "0o")
    case "x": (radix, prefix) = (16, "0x")
    case "X": (radix, prefix) = (16, "0X")
    default: (radix, prefix) = (10, "")
    }
    var digits = try magnitudeDigits(radix)
    if type == "X" { digits = digits.uppercased() }
    return assemble(negative: negative, prefix: s.alternate ? prefix : "", intDigits: digits, rest: "",
                    spec: s, groupEvery: radix == 10 ? 3 : 4)
}
