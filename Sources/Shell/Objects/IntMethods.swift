import BigInt

/// The methods of `int`, for both of its spellings (a 64-bit `Value.int` and a `BigIntObject`),
/// declared once with CPython 3.11's signatures (Objects/clinic/longobject.c.h).
enum IntMethods {
    static let table = NativeMethodTable("int", [
        NativeMethod("bit_length", "()", "Number of bits necessary to represent self in binary.") { c in
            .int(value(c).magnitude.bitWidth)
        },
        NativeMethod("bit_count", "()", "Number of ones in the binary representation of the absolute value of self.") { c in
            .int(value(c).magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
        },
        NativeMethod("conjugate", "()", "Returns self, the complex conjugate of any int.") { c in Value.integer(value(c)) },
        NativeMethod("as_integer_ratio", "()", "Return integer ratio.") { c in .tuple([Value.integer(value(c)), .int(1)]) },
        NativeMethod("to_bytes", "(length=1, byteorder='big', *, signed=False)", "Return an array of bytes representing an integer.") { c in
            let length = try c.interp.asInt(c[0])
            if length < 0 { throw PythonError.value("length argument must be non-negative") }
            let little = try byteOrder(c[1])
            let signed = try c.interp.truthy(c[2])
            return .object(PyBytes(try toBytes(value(c), length: length, littleEndian: little, signed: signed, c.interp), mutable: false))
        },
        NativeMethod("from_bytes", "(bytes, byteorder='big', *, signed=False)", "Return the integer represented by the given array of bytes.",
                     binding: .classMethod) { c in
            let data: [UInt8]
            if let b = PyBytes.buffer(c[0]) {
                data = b
            } else if case .int = c[0] {
                throw PythonError.type("cannot convert 'int' object to bytes")
            } else {
                data = try BytesConstruction.bytes(from: c[0], kind: "bytes", c.interp)
            }
            let little = try byteOrder(c[1])
            return Value.integer(fromBytes(little ? data.reversed() : data, signed: try c.interp.truthy(c[2])))
        },
    ])

    private static func value(_ c: NativeCall) -> BigInt { BigIntObject.integer(c.receiver) ?? 0 }

    private static func byteOrder(_ v: Value) throws -> Bool {
        guard case .str(let s) = v else {
            throw PythonError.type("to_bytes() argument 'byteorder' must be str, not \(v.typeName)")
        }
        switch s {
        case "little": return true
        case "big": return false
        default: throw PythonError.value("byteorder must be either 'little' or 'big'")
        }
    }

    /// Two's complement in `length` bytes, as `int.to_bytes`.
    static func toBytes(_ v: BigInt, length: Int, littleEndian: Bool, signed: Bool, _ interp: Interpreter) throws -> [UInt8] {
        if v.sign == .minus && !signed { throw PythonError.overflow("can't convert negative int to unsigned") }
        // Bits needed: the magnitude's width, plus a sign bit for signed values (one less for -2^k).
        let bits = v.magnitude.bitWidth
        var needed = bits
        if signed {
            let isNegativePowerOfTwo = v.sign == .minus && v.magnitude.trailingZeroBitCount == bits - 1
            needed = isNegativePowerOfTwo ? bits : bits + 1
        }
        if v.isZero { needed = 0 }
        if needed > length.multipliedReportingOverflow(by: 8).partialValue && length < Int.max / 8 {
            throw PythonError.overflow("int too big to convert")
        }
        try interp.checkCollectionSize(length, elementBytes: 1)
        var m = v.sign == .minus ? (BigInt(1) << (length * 8)) + v : v
        var out = [UInt8](repeating: 0, count: length)
        var i = 0
        while i < length && !m.isZero {
            out[i] = UInt8(truncatingIfNeeded: m.magnitude.words.first ?? 0)
            m >>= 8
            i += 1
        }
        return littleEndian ? out : out.reversed()
    }

    /// The integer of big-endian `data`.
    static func fromBytes(_ data: [UInt8], signed: Bool) -> BigInt {
        var words: [UInt] = []
        words.reserveCapacity(data.count / 8 + 1)
        var word: UInt = 0, shift: UInt = 0
        for b in data.reversed() {
            word |= UInt(b) << shift
            shift += 8
            if shift == UInt(UInt.bitWidth) {
                words.append(word)
                word = 0
                shift = 0
            }
        }
        if shift > 0 { words.append(word) }
        var v = BigInt(sign: .plus, magnitude: BigUInt(words: words))
        if signed, let first = data.first, first & 0x80 != 0 { v -= BigInt(1) << (data.count * 8) }
        return v
    }
}
