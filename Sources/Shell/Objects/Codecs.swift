/// `str.encode` and `bytes.decode`: the utf-8, ascii and latin-1 codecs with CPython's error
/// handlers and its `UnicodeDecodeError` / `UnicodeEncodeError` wording (Objects/unicodeobject.c,
/// Objects/stringlib/codecs.h). Other encodings CPython knows are refused by name; an unknown name is
/// `LookupError: unknown encoding: …`.
enum Codec: String {
    case utf8 = "utf-8", ascii, latin1 = "latin-1"

    /// CPython's `encodings.normalize_encoding` plus the aliases of the three codecs.
    static func named(_ name: String) throws -> Codec {
        let key = String(name.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        switch key {
        case "utf-8", "utf8", "u8", "utf", "cp65001": return .utf8
        case "ascii", "us-ascii", "646", "us": return .ascii
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin", "l1", "iso-ir-100": return .latin1
        case "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8-sig", "cp1252", "cp437",
             "iso-8859-15", "big5", "gbk", "gb2312", "shift-jis", "euc-jp", "koi8-r", "mac-roman", "idna", "punycode":
            throw PythonError("NotImplementedError", "nnsh's codecs are utf-8, ascii and latin-1; '\(name)' is not one of them")
        default:
            throw PythonError("LookupError", "unknown encoding: \(name)")
        }
    }

    enum ErrorHandler: String { case strict, ignore, replace, backslashreplace, xmlcharrefreplace }

    static func handler(_ name: String) throws -> ErrorHandler {
        if let h = ErrorHandler(rawValue: name) { return h }
        if ["surrogateescape", "surrogatepass", "namereplace"].contains(name) {
            throw PythonError("NotImplementedError", "nnsh does not have the '\(name)' error handler")
        }
        throw PythonError("LookupError", "unknown error handler name '\(name)'")
    }

    // MARK: encoding

    /// `errors` is the handler's name, looked up only when an error happens (as CPython does, so
    /// `'ab'.encode('utf-8', 'bad')` succeeds).
    func encode(_ s: String, errors: String) throws -> [UInt8] {
        if self == .utf8 { return Array(s.utf8) }
        let limit: UInt32 = self == .ascii ? 0x80 : 0x100
        let scalars = Array(s.unicodeScalars)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c.value < limit {
                out.append(UInt8(c.value))
                i += 1
                continue
            }
            // CPython reports the whole run of unencodable characters at once.
            var end = i
            while end < scalars.count && scalars[end].value >= limit { end += 1 }
            switch try Codec.handler(errors) {
            case .strict:
                let reason = "ordinal not in range(\(limit))"
                if end - i == 1 {
                    throw PythonError("UnicodeEncodeError",
                                      "'\(rawValue)' codec can't encode character '\(Codec.escaped(c))' in position \(i): \(reason)")
                }
                throw PythonError("UnicodeEncodeError", "'\(rawValue)' codec can't encode characters in position \(i)-\(end - 1): \(reason)")
            case .ignore: break
            case .replace: out += [UInt8](repeating: 63, count: end - i)
            case .backslashreplace: for k in i..<end { out += Array(Codec.escaped(scalars[k]).utf8) }
            case .xmlcharrefreplace: for k in i..<end { out += Array("&#\(scalars[k].value);".utf8) }
            }
            i = end
        }
        return out
    }

    /// `\xe9`, `\u20ac`, `\U0001f600`: how CPython names a character in its messages.
    static func escaped(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16)
        if c.value < 0x100 { return "\\x" + hex.leftPadded(to: 2) }
        if c.value < 0x10000 { return "\\u" + hex.leftPadded(to: 4) }
        return "\\U" + hex.leftPadded(to: 8)
    }

    // MARK: decoding

    func decode(_ bytes: [UInt8], errors: String) throws -> String {
        var out = String.UnicodeScalarView()
        switch self {
        case .latin1:
            out.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
        case .ascii:
            for (i, b) in bytes.enumerated() {
                if b < 0x80 { out.append(Unicode.Scalar(b)); continue }
                try invalid(bytes, i..<(i + 1), reason: "ordinal not in range(128)", errors, &out)
            }
        case .utf8:
            // The fast path: Swift's validating decode accepts exactly what CPython's utf-8 codec does.
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 { out.append(Unicode.Scalar(b)); i += 1; continue }
                let need: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; high = 0x9F
                case 0xF0: need = 3; low = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; high = 0x8F
                default:
                    try invalid(bytes, i..<(i + 1), reason: "invalid start byte", errors, &out)
                    i += 1
                    continue
                }
                var value = UInt32(b) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
                var k = 1
                var failed = false
                while k <= need {
                    guard i + k < bytes.count else {
                        try invalid(bytes, i..<bytes.count, reason: "unexpected end of data", errors, &out)
                        return String(out)
                    }
                    let c = bytes[i + k]
                    let lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF
                    guard c >= lo && c <= hi else {
                        try invalid(bytes, i..<(i + k), reason: "invalid continuation byte", errors, &out)
                        failed = true
                        break
                    }
                    value = value << 6 | UInt32(c & 0x3F)
                    k += 1
                }
                if failed { i += k; continue }
                if let s = Unicode.Scalar(value) { out.append(s) }
                i += need + 1
            }
        }
        return String(out)
    }

    private func invalid(_ bytes: [UInt8], _ range: Range<Int>, reason: String, _ errorsName: String,
                         _ out: inout String.UnicodeScalarView) throws {
        let errors = try Codec.handler(errorsName)
        switch errors {
        case .strict, .xmlcharrefreplace:
            // xmlcharrefreplace only applies to encoding: decoding with it is CPython's TypeError.
            if errors == .xmlcharrefreplace {
                throw PythonError.type("don't know how to handle UnicodeDecodeError in error callback")
            }
            let what = range.count == 1
                ? "byte 0x\(String(bytes[range.lowerBound], radix: 16).leftPadded(to: 2)) in position \(range.lowerBound)"
                : "bytes in position \(range.lowerBound)-\(range.upperBound - 1)"
            throw PythonError("UnicodeDecodeError", "'\(rawValue)' codec can't decode \(what): \(reason)")
        case .ignore: break
        case .replace: out.append("\u{FFFD}")
        case .backslashreplace:
            for b in bytes[range] { out.append(contentsOf: ("\\x" + String(b, radix: 16).leftPadded(to: 2)).unicodeScalars) }
        }
    }
}
