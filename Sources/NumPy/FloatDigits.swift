import Foundation

/// The digit strings numpy's Dragon4 makes (`format_float_positional` / `format_float_scientific`
/// with `unique=True`): the shortest digits that read back as the same float32 or float64 — Swift's
/// own `description` computes exactly those — and, when a precision cuts them shorter, the exact
/// binary value rounded half to even at that digit (what printf does with the exact value).
public struct FloatDigits: Sendable {
    /// Significant digits, no leading zeros ("15" for 0.015); "0" for zero.
    public var digits: String
    /// Decimal exponent of the first digit: value = 0.d1d2… × 10^(exponent + 1).
    public var exponent: Int
    public var negative: Bool

    /// Shortest round-trip digits of `value` at its own precision.
    public static func shortest<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) -> FloatDigits {
        let negative = value.sign == .minus
        if value == 0 { return FloatDigits(digits: "0", exponent: 0, negative: negative) }
        var text = Swift.abs(value).description  // "0.015", "1.5e-05", "12345.0", "1e+16"
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0]), fracPart = parts.count > 1 ? String(parts[1]) : ""
        var all = intPart + fracPart
        var pointPos = intPart.count + exp  // digits before the decimal point
        while all.hasPrefix("0") && all.count > 1 { all.removeFirst(); pointPos -= 1 }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        return FloatDigits(digits: all, exponent: pointPos - 1, negative: negative)
    }

    /// The exact value of `value` rounded to `fractionDigits` digits after the point, half to even.
    static func roundedPositional(_ value: Double, fractionDigits: Int) -> FloatDigits {
        let text = String(format: "%.\(fractionDigits)f", Swift.abs(value))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var all = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        var pointPos = parts[0].count
        while all.hasPrefix("0") && all.count > 1 { all.removeFirst(); pointPos -= 1 }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        if all == "0" { return FloatDigits(digits: "0", exponent: 0, negative: value.sign == .minus) }
        return FloatDigits(digits: all, exponent: pointPos - 1, negative: value.sign == .minus)
    }

    /// The exact value rounded to `significant` digits (scientific cut-off), half to even.
    static func roundedScientific(_ value: Double, fractionDigits: Int) -> FloatDigits {
        let text = String(format: "%.\(fractionDigits)e", Swift.abs(value))  // "1.2345e+08"
        guard let e = text.firstIndex(of: "e") else { return shortest(value) }
        let mantissa = text[..<e].replacingOccurrences(of: ".", with: "")
        var digits = mantissa
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let exp = Int(text[text.index(after: e)...]) ?? 0
        return FloatDigits(digits: digits, exponent: exp, negative: value.sign == .minus)
    }

    /// Digits after the point this number needs in positional form.
    var fractionCount: Int { Swift.max(0, digits.count - exponent - 1) }

    /// Positional text: integer part, and fraction digits (without trailing zeros).
    func positionalParts() -> (String, String) {
        if digits == "0" { return ("0", "") }
        if exponent >= 0 {
            let intDigits = exponent + 1
            if digits.count <= intDigits {
                return (digits + String(repeating: "0", count: intDigits - digits.count), "")
            }
            let i = digits.index(digits.startIndex, offsetBy: intDigits)
            return (String(digits[..<i]), String(digits[i...]))
        }
        return ("0", String(repeating: "0", count: -exponent - 1) + digits)
    }
}

/// `dragon4_positional` / `dragon4_scientific` as arrayprint calls them.
public enum Dragon4 {
    /// The digits `unique=True` with at most `precision` fractional digits gives (nil: no limit).
    static func positionalDigits<T: BinaryFloatingPoint & LosslessStringConvertible>(_ x: T, precision: Int?) -> FloatDigits {
        let s = FloatDigits.shortest(x)
        if let p = precision, s.fractionCount > p {
            return FloatDigits.roundedPositional(Double(x), fractionDigits: p)
        }
        return s
    }

    static func scientificDigits<T: BinaryFloatingPoint & LosslessStringConvertible>(_ x: T, precision: Int?) -> FloatDigits {
        let s = FloatDigits.shortest(x)
        if let p = precision, s.digits.count - 1 > p {
            return FloatDigits.roundedScientific(Double(x), fractionDigits: p)
        }
        return s
    }

    /// `dragon4_positional(x, precision, min_digits, unique=True, fractional=True, trim, sign, pad_left, pad_right)`.
    /// `trim`: "." keeps the point and drops trailing zeros ("1."), "0" leaves one zero ("1.0"),
    /// "-" drops the point too ("1"), "k" keeps `minDigits` zeros.
    public static func positional<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ x: T, precision: Int?, minDigits: Int = 0, trim: Character = ".", sign: Bool = false,
        padLeft: Int = 0, padRight: Int = 0) -> String {
        var d = positionalDigits(x, precision: precision)
        // Past the unique digits Dragon4 goes on with the exact value's digits, not zeros.
        if d.fractionCount < minDigits { d = FloatDigits.roundedPositional(Double(x), fractionDigits: minDigits) }
        var (ip, fp) = d.positionalParts()
        if fp.count < minDigits { fp += String(repeating: "0", count: minDigits - fp.count) }
        var body = ip
        switch trim {
        case "-": if !fp.isEmpty { body += "." + fp }
        case "0": body += "." + (fp.isEmpty ? "0" : fp)
        default: body += "." + fp
        }
        let signText = d.negative ? "-" : (sign ? "+" : "")
        let intWithSign = signText + ip
        let left = String(repeating: " ", count: Swift.max(0, padLeft - intWithSign.count))
        let fracLen = body.count - ip.count - 1
        let right = String(repeating: " ", count: Swift.max(0, padRight - Swift.max(fracLen, 0)))
        return left + signText + body + right
    }

    /// `dragon4_scientific(x, precision, min_digits, unique=True, trim, sign, pad_left, exp_digits)`.
    public static func scientific<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ x: T, precision: Int?, minDigits: Int = 0, trim: Character = ".", sign: Bool = false,
        padLeft: Int = 0, expDigits: Int = -1) -> String {
        var d = x == 0 ? FloatDigits(digits: "0", exponent: 0, negative: x.sign == .minus) : scientificDigits(x, precision: precision)
        if x != 0 && d.digits.count - 1 < minDigits { d = FloatDigits.roundedScientific(Double(x), fractionDigits: minDigits) }
        let first = String(d.digits.prefix(1))
        var frac = String(d.digits.dropFirst())
        if frac.count < minDigits { frac += String(repeating: "0", count: minDigits - frac.count) }
        var body = first
        switch trim {
        case "-": if !frac.isEmpty { body += "." + frac }
        case "0": body += "." + (frac.isEmpty ? "0" : frac)
        default: body += "." + frac
        }
        let e = Swift.abs(d.exponent)
        var expText = String(e)
        let width = Swift.max(expDigits, 2)
        if expText.count < width { expText = String(repeating: "0", count: width - expText.count) + expText }
        let signText = d.negative ? "-" : (sign ? "+" : "")
        let intWithSign = signText + first
        let left = String(repeating: " ", count: Swift.max(0, padLeft - intWithSign.count))
        return left + signText + body + "e" + (d.exponent < 0 ? "-" : "+") + expText
    }
}
