/// CPython's numeric hash (Python/pyhash.c): numbers that compare equal hash equal, reduced
/// modulo the Mersenne prime 2**61 - 1, with -1 (the C API's error value) mapped to -2.
public enum PythonHash {
    static let bits = 61
    static let modulus: UInt64 = (1 << 61) - 1
    public static let infinity = 314_159

    public static func int(_ n: Int) -> Int {
        var h = Int(UInt64(n.magnitude) % modulus)
        if n < 0 { h = -h }
        return h == -1 ? -2 : h
    }

    /// `hash(x)` of a finite or infinite float; NaN hashes by identity in CPython, callers decide.
    public static func double(_ v: Double) -> Int {
        if v.isInfinite { return v > 0 ? infinity : -infinity }
        if v.isNaN { return 0 }
        var (m, e) = frexp(v)
        var sign: Int64 = 1
        if m < 0 { sign = -1; m = -m }
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> UInt64(bits - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt64(e)) & modulus) | x >> UInt64(bits - e)
        let signed = Int64(bitPattern: x) &* sign
        return signed == -1 ? -2 : Int(signed)
    }

    /// `frexp` without Foundation: mantissa in [0.5, 1) and exponent.
    private static func frexp(_ v: Double) -> (Double, Int) {
        if v == 0 { return (v, 0) }
        let e = Int(v.exponent) + 1
        return (v / Double(sign: .plus, exponent: e, significand: 1), e)
    }
}
