import BigInt
import Foundation
import Syntax
import Torch

/// Python's `int` past 64 bits. Small ints stay `Value.int(Int)` (every fast path depends on it);
/// a result that does not fit becomes one of these, and one that fits again goes back
/// (`Value.integer(_:)`), so a value has one spelling and `==`/`hash` never need to compare the two.
/// Arithmetic is attaswift/BigInt's; the Python semantics — floor division, two's-complement bit
/// operations, correctly rounded conversion to float and true division, CPython's hash and its
/// 4300-digit limit on decimal conversion — are written here.
final class BigIntObject: PyObject, OperandObject, TypedObject {
    let value: BigInt
    init(_ value: BigInt) { self.value = value }

    var pyType: PyType { .int }
    override var typeName: String { "int" }

    /// CPython's `sys.get_int_max_str_digits()` default: decimal conversion of longer numbers is a
    /// ValueError (quadratic time), in both directions.
    static let maxStringDigits = 4300
    /// The largest integer nnsh makes: 2^26 bits (8 MiB). CPython's limit is memory; a product or
    /// power past this would take minutes or exhaust memory, so it is a MemoryError at once.
    static let maxBits = 1 << 26

    override func repr() -> String { String(value) }

    /// Before a top-level `str`/`repr`/`print` or a decimal `format`: CPython's limit, with its message.
    func checkDecimalConversion() throws {
        // log10(2) · bits bounds the digit count from above; compute exactly only near the edge.
        let bits = value.magnitude.bitWidth
        if Double(bits) * 0.30103 < Double(BigIntObject.maxStringDigits) { return }
        if String(value.magnitude).count > BigIntObject.maxStringDigits { throw BigIntObject.digitLimitError }
    }

    static var digitLimitError: PythonError {
        PythonError.value("Exceeds the limit (\(maxStringDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }

    // MARK: OperandObject

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        switch other {
        case .str, .list, .tuple where op == .multiply:
            throw PythonError.overflow("cannot fit 'int' into an index-sized integer")
        default: break
        }
        if let y = BigIntObject.integer(other) {
            return try reflected ? BigIntObject.operation(op, y, value) : BigIntObject.operation(op, value, y)
        }
        if case .float(let d) = other, op != .matrixMultiply, ![.leftShift, .rightShift, .bitAnd, .bitOr, .bitXor].contains(op) {
            if op == .divide, !reflected { return .float(try BigIntObject.trueDivide(value, by: d)) }
            let x = try BigIntObject.toDouble(value)
            return try interp.binaryOperation(op, reflected ? .float(d) : .float(x), reflected ? .float(x) : .float(d))
        }
        return nil
    }

    func compare(_ op: ComparisonOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        let c: Int?
        if let y = BigIntObject.integer(other) {
            c = value < y ? -1 : (value > y ? 1 : 0)
        } else if case .float(let d) = other {
            c = BigIntObject.compare(value, d)
        } else {
            return nil
        }
        guard var order = c else { return .bool(op == .notEqual) }  // NaN: unordered
        if reflected { order = -order }
        switch op {
        case .equal: return .bool(order == 0)
        case .notEqual: return .bool(order != 0)
        case .less: return .bool(order < 0)
        case .lessEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        case .greaterEqual: return .bool(order >= 0)
        default: return nil
        }
    }

    func unary(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? {
        switch op {
        case .negate: return Value.integer(-value)
        case .plus: return .object(self)
        case .invert: return Value.integer(-value - 1)
        default: return nil
        }
    }

    func truth() throws -> Bool { !value.isZero }
    func toDouble() throws -> Double? { try BigIntObject.toDouble(value) }
    func toInt(index: Bool) throws -> Int? {
        throw PythonError.overflow("Python int too large to convert to C ssize_t")
    }

    func format(_ spec: String, _ interp: Interpreter) throws -> String {
        let magnitude = value.magnitude
        return try pythonFormatInteger(negative: value.sign == .minus && !value.isZero, spec: spec,
            digits: { radix in
                if radix == 10 { try self.checkDecimalConversion() }
                return String(magnitude, radix: radix)
            },
            double: { try BigIntObject.toDouble(self.value) },
            character: { throw TorchError("OverflowError", "%c arg not in range(0x110000)") })
    }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "real", "numerator": return .object(self)
        case "imag": return .int(0)
        case "denominator": return .int(1)
        // The named methods (bit_length, to_bytes, …) are in IntMethods' table.
        case "__index__", "__int__", "__abs__":
            return .builtin(Builtin(name, receiver: "int object") { [self] args in
                _ = try args.bind(name, [])
                return name == "__abs__" ? Value.integer(BigInt(value.magnitude)) : .object(self)
            })
        default: return nil
        }
    }

    // MARK: Python's integer semantics over BigInt

    /// The integer an int-like value holds (`bool`s are ints), or nil.
    static func integer(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return BigInt(b ? 1 : 0)
        case .object(let o as BigIntObject): return o.value
        default: return nil
        }
    }

    static func checkSize(bits: Int) throws {
        if bits > maxBits {
            throw PythonError("MemoryError", "an integer of \(bits) bits is past nnsh's limit of 2**26 bits")
        }
    }

    /// `x op y` on Python ints.
    static func operation(_ op: BinaryOperator, _ x: BigInt, _ y: BigInt) throws -> Value {
        switch op {
        case .add: return Value.integer(x + y)
        case .subtract: return Value.integer(x - y)
        case .multiply:
            try checkSize(bits: x.magnitude.bitWidth + y.magnitude.bitWidth)
            return Value.integer(x * y)
        case .divide: return .float(try trueDivide(x, y))
        case .floorDivide, .modulo:
            if y.isZero { throw PythonError.zeroDivision(op == .modulo ? "integer modulo by zero" : "integer division or modulo by zero") }
            let (q, r) = floorDivMod(x, y)
            return Value.integer(op == .floorDivide ? q : r)
        case .power:
            if y.sign == .minus && !y.isZero {
                if x.isZero { throw PythonError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(try toDouble(x), try toDouble(y)))
            }
            return try power(x, y)
        case .leftShift:
            if y.sign == .minus && !y.isZero { throw PythonError.value("negative shift count") }
            if x.isZero { return .int(0) }
            guard let n = Int(exactly: y) else { throw PythonError("MemoryError", "") }
            try checkSize(bits: x.magnitude.bitWidth + n)
            return Value.integer(x << n)
        case .rightShift:
            if y.sign == .minus && !y.isZero { throw PythonError.value("negative shift count") }
            guard let n = Int(exactly: y), n < x.magnitude.bitWidth + 1 else { return .int(x.sign == .minus && !x.isZero ? -1 : 0) }
            // Python's >> floors: -5 >> 1 is -3.
            if x.sign == .minus && !x.isZero { return Value.integer(-((-x - 1) >> n) - 1) }
            return Value.integer(x >> n)
        case .bitAnd: return Value.integer(bitwise(x, y, &))
        case .bitOr: return Value.integer(bitwise(x, y, |))
        case .bitXor: return Value.integer(bitwise(x, y, ^))
        case .matrixMultiply: throw PythonError.type("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    /// Floor division and the remainder with the divisor's sign.
    static func floorDivMod(_ x: BigInt, _ y: BigInt) -> (BigInt, BigInt) {
        var (q, r) = x.quotientAndRemainder(dividingBy: y)
        if !r.isZero && ((r.sign == .minus) != (y.sign == .minus)) { q -= 1; r += y }
        return (q, r)
    }

    static func power(_ x: BigInt, _ y: BigInt) throws -> Value {
        if x.isZero { return .int(y.isZero ? 1 : 0) }
        if x == 1 { return .int(1) }
        if x == -1 { return .int(y.magnitude.words.first.map { $0 & 1 == 0 } ?? true ? 1 : -1) }
        guard let n = Int(exactly: y), n <= maxBits else { throw PythonError("MemoryError", "") }
        let (bits, o) = (x.magnitude.bitWidth - 1).multipliedReportingOverflow(by: n)
        if o { throw PythonError("MemoryError", "") }
        try checkSize(bits: bits + 1)
        return Value.integer(x.power(n))
    }

    /// `pow(x, y, m)`.
    static func modularPower(_ x: BigInt, _ y: BigInt, _ m: BigInt) throws -> Value {
        if m.isZero { throw PythonError.value("pow() 3rd argument cannot be 0") }
        var base = x, exponent = y
        if exponent.sign == .minus && !exponent.isZero {
            guard let inverse = x.inverse(m) else { throw PythonError.value("base is not invertible for the given modulus") }
            base = inverse
            exponent = -exponent
        }
        let modulus = BigInt(m.magnitude)
        var r = floorDivMod(base, modulus).1.power(exponent, modulus: modulus)
        r = floorDivMod(r, modulus).1
        // The result takes the modulus's sign, as `%` does.
        if m.sign == .minus && !r.isZero { r += m }
        return Value.integer(r)
    }

    /// `&`, `|`, `^` on two's-complement words, sign-extended to a common length.
    private static func bitwise(_ x: BigInt, _ y: BigInt, _ f: (UInt, UInt) -> UInt) -> BigInt {
        let n = max(x.magnitude.words.count, y.magnitude.words.count) + 1
        let a = twosComplement(x, n), b = twosComplement(y, n)
        var words = [UInt](repeating: 0, count: n)
        for i in 0..<n { words[i] = f(a[i], b[i]) }
        if words[n - 1] >> (UInt.bitWidth - 1) == 1 {
            // Negative: the magnitude is the two's complement of the words.
            negate(&words)
            return BigInt(sign: .minus, magnitude: BigUInt(words: words))
        }
        return BigInt(sign: .plus, magnitude: BigUInt(words: words))
    }

    private static func twosComplement(_ v: BigInt, _ n: Int) -> [UInt] {
        var words = [UInt](repeating: 0, count: n)
        for (i, w) in v.magnitude.words.enumerated() where i < n { words[i] = w }
        if v.sign == .minus && !v.isZero { negate(&words) }
        return words
    }

    /// Two's-complement negation in place: invert, add one.
    private static func negate(_ words: inout [UInt]) {
        var carry: UInt = 1
        for i in words.indices {
            let (s, o) = (~words[i]).addingReportingOverflow(carry)
            words[i] = s
            carry = o ? 1 : 0
        }
    }

    /// Correctly rounded conversion (round half to even), as CPython's `float(int)`.
    static func toDouble(_ v: BigInt) throws -> Double {
        let m = v.magnitude
        let bits = m.bitWidth
        var d: Double
        if bits <= 64 {
            d = Double(UInt64(m))
        } else {
            // The top 64 bits with every lower bit folded into the last one: rounding that to 53
            // bits rounds the whole number correctly.
            let shift = bits - 64
            var top = UInt64(m >> shift)
            if m.trailingZeroBitCount < shift { top |= 1 }
            d = scalbn(Double(top), Int32(clamping: shift))
        }
        if d.isInfinite { throw PythonError.overflow("int too large to convert to float") }
        return v.sign == .minus ? -d : d
    }

    /// `x / y` for ints, correctly rounded as CPython's `long_true_divide` (so `10**400 / 10**399`
    /// is 10.0, not an overflow).
    static func trueDivide(_ x: BigInt, _ y: BigInt) throws -> Double {
        if y.isZero { throw PythonError.zeroDivision("division by zero") }
        if x.isZero { return (x.sign == .minus) != (y.sign == .minus) ? -0.0 : 0.0 }
        let a = x.magnitude, b = y.magnitude
        if a.bitWidth <= 53 && b.bitWidth <= 53 { return try toDouble(x) / toDouble(y) }
        // A quotient of 55 or 56 bits, its remainder folded into the last bit, then scaled.
        let e = a.bitWidth - b.bitWidth
        let shift = 55 - e
        let (q, r) = shift >= 0 ? (a << shift).quotientAndRemainder(dividingBy: b) : a.quotientAndRemainder(dividingBy: b << -shift)
        var top = UInt64(q)
        if !r.isZero { top |= 1 }
        let d = scalbn(Double(top), Int32(clamping: -shift))
        if d.isInfinite { throw PythonError.overflow("integer division result too large for a float") }
        return (x.sign == .minus) != (y.sign == .minus) ? -d : d
    }

    static func trueDivide(_ x: BigInt, by d: Double) throws -> Double {
        if d == 0 { throw PythonError.zeroDivision("float division by zero") }
        return try toDouble(x) / d
    }

    /// `x == v` for any value (an int of either spelling, a float, anything else: unequal).
    static func equals(_ x: BigInt, _ v: Value) -> Bool {
        if let y = integer(v) { return x == y }
        if case .float(let d) = v { return compare(x, d) == 0 }
        return false
    }

    /// Exact comparison with a float: -1, 0, 1, or nil against NaN.
    static func compare(_ x: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let f = d.rounded(.down)
        guard let fi = BigInt(exactly: f) else { return nil }
        if x < fi { return -1 }
        if x > fi { return 1 }
        return f == d ? 0 : -1  // x == floor(d) < d
    }

    /// CPython's hash of an int: its value modulo the Mersenne prime 2^61 - 1, with the sign.
    static func hash(_ v: BigInt) -> Int {
        let p = BigUInt(1) << 61 - 1
        let h = Int(UInt64(v.magnitude % p))
        let signed = v.sign == .minus ? -h : h
        return signed == -1 ? -2 : signed
    }

    /// `int(text, base)` for digit strings that do not fit 64 bits (`digits` has no sign, prefix or
    /// underscores); nil when a character is not a digit of `radix`.
    static func parse(_ digits: Substring, radix: Int, negative: Bool) throws -> BigInt? {
        let powerOfTwo = radix.nonzeroBitCount == 1
        // CPython's limit holds for every base but the powers of two (their conversion is linear).
        if !powerOfTwo && digits.utf8.count > maxStringDigits {
            throw PythonError.value("Exceeds the limit (\(maxStringDigits) digits) for integer string conversion: value has \(digits.utf8.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        // The size before the work: each digit carries log2(radix) bits.
        try checkSize(bits: Int(Double(max(digits.utf8.count - 1, 0)) * log2(Double(max(radix, 2)))))
        guard let m = parseMagnitude(digits, radix: radix) else { return nil }
        return BigInt(sign: negative ? .minus : .plus, magnitude: m)
    }

    /// Digits `0-9a-zA-Z` in `radix` (2…36): bit-packed for powers of two, else in word-sized chunks
    /// (quadratic, but at most 4300 digits).
    private static func parseMagnitude(_ text: Substring, radix: Int) -> BigUInt? {
        guard (2...36).contains(radix) else { return nil }
        var values = [UInt8]()
        values.reserveCapacity(text.utf8.count)
        for c in text.utf8 {
            let d: Int
            switch c {
            case 48...57: d = Int(c) - 48
            case 97...122: d = Int(c) - 87
            case 65...90: d = Int(c) - 55
            default: return nil
            }
            guard d < radix else { return nil }
            values.append(UInt8(d))
        }
        guard !values.isEmpty else { return nil }
        if radix.nonzeroBitCount == 1 {
            let width = radix.trailingZeroBitCount
            var words = [UInt](repeating: 0, count: (values.count * width + UInt.bitWidth - 1) / UInt.bitWidth)
            var bit = 0
            for d in values.reversed() {
                let w = bit / UInt.bitWidth, offset = bit % UInt.bitWidth
                words[w] |= UInt(d) << offset
                if offset + width > UInt.bitWidth, w + 1 < words.count { words[w + 1] |= UInt(d) >> (UInt.bitWidth - offset) }
                bit += width
            }
            return BigUInt(words: words)
        }
        // The most digits whose value fits one word, and radix to that power.
        var chunk = 1, power = UInt(radix)
        while power <= UInt.max / UInt(radix) { power *= UInt(radix); chunk += 1 }
        func word(_ range: Range<Int>) -> UInt { range.reduce(0) { $0 &* UInt(radix) &+ UInt(values[$1]) } }
        let head = values.count % chunk
        var result = BigUInt(word(0..<head))
        var i = head
        while i < values.count {
            result = result * BigUInt(power) + BigUInt(word(i..<(i + chunk)))
            i += chunk
        }
        return result
    }

    /// The integer a finite float truncates to (`int(1e30)`).
    static func truncating(_ d: Double) throws -> Value {
        guard d.isFinite else {
            throw PythonError(d.isNaN ? "ValueError" : "OverflowError", d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
        }
        let t = d.rounded(.towardZero)
        if Swift.abs(t) < 9.2e18 { return .int(Int(t)) }
        guard let b = BigInt(exactly: t) else { throw PythonError.overflow("cannot convert float to integer") }
        return Value.integer(b)
    }
}

extension Value {
    /// A Python int: `.int` when it fits in 64 bits, else a `BigIntObject`.
    static func integer(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .object(BigIntObject(b))
    }
}

extension Interpreter {
    /// An integer literal too long for 64 bits, as the lexer spelled it (`0x…`, `1_000…`).
    func bigIntegerLiteral(_ spelling: String) throws -> Value {
        var text = Substring(spelling.replacingOccurrences(of: "_", with: "").lowercased())
        var radix = 10
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            text = text.dropFirst(2)
            radix = r
        }
        // CPython 3.11 refuses long decimal literals at compile time (the same limit as int(str)).
        if radix == 10 && text.count > BigIntObject.maxStringDigits {
            throw PythonError("SyntaxError", "Exceeds the limit (\(BigIntObject.maxStringDigits) digits) for integer string conversion: value has \(text.count) digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.")
        }
        guard let b = try BigIntObject.parse(text, radix: radix, negative: false) else {
            throw PythonError("SyntaxError", "invalid integer literal \(spelling.prefix(30))")
        }
        return Value.integer(b)
    }

    /// `int(x)` / `int(text, base)` with results of any size.
    func toIntValue(_ v: Value, base: Int?) throws -> Value {
        switch v {
        case .object(let big as BigIntObject) where base == nil: return .object(big)
        case .float(let d): return try BigIntObject.truncating(d)
        case .str(let s): return try parseIntText(s, base: base)
        case .object(let i as PyInstance) where base == nil && !i.type.isException:
            // `__int__`, then `__index__`, then the builtin part of an int/float/str subclass.
            for special in ["__int__", "__index__"] {
                guard let r = try callSpecial(i, special) else { continue }
                switch r {
                case .int, .object(is BigIntObject): return r
                case .bool(let b): return .int(b ? 1 : 0)
                default: throw PythonError.type("\(special) returned non-int (type \(r.typeName))")
                }
            }
            if let p = i.payload { return try toIntValue(p, base: nil) }
            return .int(try toInt(v, base: base))
        default: return .int(try toInt(v, base: base))
        }
    }

    /// `int(text, base)`: CPython's grammar for a string — surrounding whitespace, a sign, a base
    /// prefix (which base 0 infers), single underscores between digits and after the prefix, any
    /// Unicode decimal digit — into an int of any size. The one parser `int()` and `toInt` share.
    func parseIntText(_ s: String, base: Int?) throws -> Value {
        if let base, base != 0 && !(2...36).contains(base) { throw PythonError.value("int() base must be >= 2 and <= 36, or 0") }
        let invalid = PythonError.value("invalid literal for int() with base \(base ?? 10): \(pythonStringRepr(String(s.prefix(200))))")
        guard let ascii = s.utf8.allSatisfy({ $0 < 0x80 }) ? s : Interpreter.asciiDigits(s) else { throw invalid }
        var text = Substring(ascii).drop(while: \.isWhitespace)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        let negative = text.first == "-"
        if text.first == "-" || text.first == "+" { text = text.dropFirst() }
        var radix = base ?? 10, prefixed = false
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.prefix(2).lowercased() == prefix && (radix == r || radix == 0) {
            text = text.dropFirst(2)
            radix = r
            prefixed = true
        }
        if radix == 0 { radix = 10 }
        if prefixed && text.first == "_" { text = text.dropFirst() }
        guard !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__") else { throw invalid }
        let digits = text.contains("_") ? Substring(text.replacingOccurrences(of: "_", with: "")) : text
        // The common short case without a big number (`Int(_:radix:)` would also take a sign).
        if digits.utf8.count <= 18, digits.first != "+", digits.first != "-", let small = Int(digits, radix: radix) {
            return .int(negative ? -small : small)
        }
        guard let b = try BigIntObject.parse(digits, radix: radix, negative: negative) else { throw invalid }
        return Value.integer(b)
    }

    /// The text with Unicode decimal digits as ASCII digits and Unicode whitespace as spaces (how
    /// CPython reads `int('٣٤')`); nil if anything else outside ASCII remains.
    private static func asciiDigits(_ s: String) -> String? {
        var ascii = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.isASCII {
                ascii.append(u)
            } else if u.properties.numericType == .decimal, let d = u.properties.numericValue {
                ascii.append(Unicode.Scalar(UInt8(48 + Int(d))))
            } else if u.properties.isWhitespace {
                ascii.append(" ")
            } else {
                return nil
            }
        }
        return String(ascii)
    }

    /// `round(n)` / `round(n, ndigits)` for an int: itself, or rounded half to even at 10^-ndigits.
    func roundInteger(_ v: Value, _ ndigits: Value?) throws -> Value {
        guard let nd = ndigits else { return v }
        let places: Int
        switch nd {
        case .int(let n): places = n
        case .bool(let b): places = b ? 1 : 0
        case .object(let big as BigIntObject): places = big.value.sign == .minus ? Int.min : Int.max
        default: throw PythonError.type("'\(nd.typeName)' object cannot be interpreted as an integer")
        }
        guard places < 0, let x = BigIntObject.integer(v) else { return v }
        // 10^k past the number's size rounds it to 0.
        if places <= -(x.magnitude.bitWidth / 3 + 2) { return .int(0) }
        let unit = BigInt(10).power(-places)
        let (q, r) = BigIntObject.floorDivMod(x, unit)
        let twice = r * 2
        var rounded = q
        if twice > unit || (twice == unit && q.magnitude.words.first.map({ $0 & 1 == 1 }) == true) { rounded += 1 }
        return Value.integer(rounded * unit)
    }
}

/// `x == y`, `x < y` between an int and a float, exactly (CPython compares the numbers, not
/// `float(x)`: `2**53 + 1 == 2.0**53` is False). -1, 0, 1, or nil against NaN.
func exactCompare(_ x: Int, _ y: Double) -> Int? {
    if x.magnitude <= 1 << 53 {
        let d = Double(x)
        if y.isNaN { return nil }
        return d < y ? -1 : (d > y ? 1 : 0)
    }
    return BigIntObject.compare(BigInt(x), y)
}
