import Foundation
import Syntax

/// Python's `bytes` and `bytearray`: a sequence of small ints printed as `b'...'`. One Swift class
/// for both, since they share every read-only method; `mutable` is the bytearray (item and slice
/// assignment, `append`, `+=` in place, unhashable). Methods are declared once in
/// `BytesMethods.swift`; this file is the object protocol (operators, subscripts, `in`, `len`,
/// iteration, hash) and the repr.
final class PyBytes: PyObject, OperandObject, TypedObject {
    var bytes: [UInt8]
    let mutable: Bool

    init(_ bytes: [UInt8], mutable: Bool) {
        self.bytes = bytes
        self.mutable = mutable
    }

    var pyType: PyType { mutable ? .bytearray : .bytes }
    override var typeName: String { mutable ? "bytearray" : "bytes" }
    var methods: NativeMethodTable { mutable ? BytesMethods.bytearray : BytesMethods.bytes }

    /// A result of the receiver's own kind (`bytearray(b'ab').upper()` is a bytearray).
    func same(_ b: [UInt8]) -> Value { .object(PyBytes(b, mutable: mutable)) }

    override func repr() -> String {
        let body = PyBytes.literal(bytes)
        return mutable ? "bytearray(\(body))" : body
    }

    /// `b'...'` as CPython writes it: single quotes unless the bytes hold `'` and no `"`.
    static func literal(_ bytes: [UInt8]) -> String {
        let useDouble = bytes.contains(39) && !bytes.contains(34)
        var out = useDouble ? "b\"" : "b'"
        for b in bytes {
            switch b {
            case 92: out += "\\\\"
            case 9: out += "\\t"
            case 10: out += "\\n"
            case 13: out += "\\r"
            case 39 where !useDouble: out += "\\'"
            case 32..<127: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "\\x" + String(b, radix: 16).leftPadded(to: 2)
            }
        }
        return out + (useDouble ? "\"" : "'")
    }

    /// The bytes of a bytes-like operand (`bytes`, `bytearray`), or nil.
    static func buffer(_ v: Value) -> [UInt8]? {
        if case .object(let b as PyBytes) = v { return b.bytes }
        return nil
    }

    /// A bytes-like argument, with CPython's message for anything else.
    static func requireBuffer(_ v: Value) throws -> [UInt8] {
        if let b = buffer(v) { return b }
        throw PythonError.type("a bytes-like object is required, not '\(v.typeName)'")
    }

    /// CPython's `_Py_HashBytes` is randomised per process as str's is; FNV-1a is enough here.
    static func hash(_ bytes: [UInt8]) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let v = Int(bitPattern: UInt(h))
        return v == -1 ? -2 : v
    }

    // MARK: OperandObject

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        switch op {
        case .add where !reflected:
            return same(bytes + (try appendable(other, interp)))
        case .multiply:
            let n: Int
            switch other {
            case .int(let k): n = k
            case .bool(let b): n = b ? 1 : 0
            case .object(is BigIntObject): throw PythonError.overflow("cannot fit 'int' into an index-sized integer")
            default:
                if let o = other.operand, let k = try o.toInt(index: true) { n = k; break }
                throw PythonError.type("can't multiply sequence by non-int of type '\(other.typeName)'")
            }
            if n <= 0 || bytes.isEmpty { return same([]) }
            let (total, overflow) = bytes.count.multipliedReportingOverflow(by: n)
            try interp.checkCollectionSize(overflow ? Int.max : total, elementBytes: 1)
            var out: [UInt8] = []
            out.reserveCapacity(total)
            for _ in 0..<n { out += bytes }
            return same(out)
        case .modulo where !reflected:
            let text = try interp.percentFormat(try Codec.latin1.decode(bytes, errors: "strict"), other, bytes: true)
            return same(try Codec.latin1.encode(text, errors: "strict"))
        default:
            return nil
        }
    }

    /// The bytes `self + other` appends, checked against the memory limit.
    private func appendable(_ other: Value, _ interp: Interpreter) throws -> [UInt8] {
        guard let o = PyBytes.buffer(other) else { throw PythonError.type("can't concat \(other.typeName) to \(typeName)") }
        try interp.checkCollectionSize(bytes.count.addingReportingOverflow(o.count).partialValue, elementBytes: 1)
        return o
    }

    func inPlace(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        guard mutable else { return nil }
        switch op {
        case .add:
            bytes += try appendable(other, interp)
            return .object(self)
        case .multiply:
            guard case .object(let r as PyBytes)? = try binary(.multiply, other, reflected: false, interp) else { return nil }
            bytes = r.bytes
            return .object(self)
        default:
            return nil
        }
    }

    func compare(_ op: ComparisonOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard let o = PyBytes.buffer(other) else { return nil }
        let (x, y) = reflected ? (o, bytes) : (bytes, o)
        switch op {
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .less: return .bool(x.lexicographicallyPrecedes(y))
        case .lessEqual: return .bool(!y.lexicographicallyPrecedes(x))
        case .greater: return .bool(y.lexicographicallyPrecedes(x))
        case .greaterEqual: return .bool(!x.lexicographicallyPrecedes(y))
        default: return nil
        }
    }

    func truth() throws -> Bool { !bytes.isEmpty }
    func length() throws -> Int { bytes.count }
    func items(_ interp: Interpreter) throws -> [Value] { bytes.map { .int(Int($0)) } }

    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value {
        if case .slice(let a, let b, let c) = key {
            return same(try interp.sliceIndices(a, b, c, count: bytes.count).map { bytes[$0] })
        }
        let i = try index(key, interp)
        return .int(Int(bytes[i]))
    }

    private func index(_ key: Value, _ interp: Interpreter) throws -> Int {
        do {
            return try interp.normalizeIndex(key, count: bytes.count, what: mutable ? "bytearray" : "byte")
        } catch let e as PythonError where e.kind == "IndexError" && e.message.hasSuffix("index out of range") {
            // CPython's bytes and bytearray say only "index out of range".
            throw PythonError.index(mutable ? "bytearray index out of range" : "index out of range")
        }
    }

    /// One byte from an int-like value (`bytearray.append`, item assignment, `bytes([...])`).
    static func byte(_ v: Value, _ interp: Interpreter) throws -> UInt8 {
        let n: Int
        switch v {
        case .int(let k): n = k
        case .bool(let b): n = b ? 1 : 0
        case .object(is BigIntObject): throw PythonError.value("byte must be in range(0, 256)")
        default:
            if let o = v.operand, let k = try o.toInt(index: true) { n = k; break }
            throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
        guard let b = UInt8(exactly: n) else { throw PythonError.value("byte must be in range(0, 256)") }
        return b
    }

    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws {
        guard mutable else { throw PythonError.type("'bytes' object does not support item assignment") }
        guard case .slice(let a, let b, let c) = key else {
            let i = try index(key, interp)
            bytes[i] = try PyBytes.byte(value, interp)
            return
        }
        let new: [UInt8]
        switch value {
        case .object(let o as PyBytes): new = o.bytes
        case .int, .str:
            throw PythonError.type("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        default: new = try interp.iterate(value).map { try PyBytes.byte($0, interp) }
        }
        let step = try c.isNone ? 1 : interp.asInt(c)
        if step == 1 {
            // A contiguous slice can change length: `ba[1:3] = b'xyz'`.
            func bound(_ v: Value, _ def: Int) throws -> Int {
                if v.isNone { return def }
                var x = try interp.asInt(v)
                if x < 0 { x += bytes.count }
                return Swift.min(Swift.max(x, 0), bytes.count)
            }
            let lo = try bound(a, 0), hi = Swift.max(lo, try bound(b, bytes.count))
            bytes.replaceSubrange(lo..<hi, with: new)
            return
        }
        let picked = try interp.sliceIndices(a, b, c, count: bytes.count)
        guard new.count == picked.count else {
            throw PythonError.value("attempt to assign bytes of size \(new.count) to extended slice of size \(picked.count)")
        }
        for (i, v) in zip(picked, new) { bytes[i] = v }
    }

    func deleteItem(_ key: Value, _ interp: Interpreter) throws {
        guard mutable else { throw PythonError.type("'bytes' object doesn't support item deletion") }
        if case .slice(let a, let b, let c) = key {
            let doomed = Set(try interp.sliceIndices(a, b, c, count: bytes.count))
            bytes = bytes.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
            return
        }
        bytes.remove(at: try index(key, interp))
    }

    /// `x in b`: an int is a byte value, a bytes-like value a subsequence.
    func contains(_ item: Value, _ interp: Interpreter) throws -> Bool {
        if let sub = PyBytes.buffer(item) { return PyBytes.find(sub, in: bytes[...]) != nil }
        switch item {
        case .int, .bool: return bytes.contains(try PyBytes.byte(item, interp))
        default:
            if let o = item.operand, let k = try o.toInt(index: true) {
                return bytes.contains(try PyBytes.byte(.int(k), interp))
            }
            throw PythonError.type("a bytes-like object is required, not '\(item.typeName)'")
        }
    }

    func toInt(index: Bool) throws -> Int? { nil }

    func format(_ spec: String, _ interp: Interpreter) throws -> String {
        if !spec.isEmpty { throw PythonError.type("unsupported format string passed to \(typeName).__format__") }
        return repr()
    }

    /// The first offset of `needle` in `haystack` (relative to the slice's start index).
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        if needle.isEmpty { return haystack.startIndex }
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func rfind(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = haystack.endIndex - needle.count
        while i >= haystack.startIndex {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
