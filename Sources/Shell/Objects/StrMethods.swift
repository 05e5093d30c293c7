/// `str` methods declared in the registry (Objects/clinic/unicodeobject.c.h signatures). The older
/// ones still answer from `Interpreter.stringMethod`'s switch; they move here one at a time, and this
/// table is consulted first.
enum StrMethods {
    static let table = NativeMethodTable("str", [
        NativeMethod("encode", "(encoding='utf-8', errors='strict')", "Encode the string using the codec registered for encoding.") { c in
            guard case .str(let enc) = c[0] else { throw PythonError.type("encode() argument 'encoding' must be str, not \(c[0].typeName)") }
            guard case .str(let err) = c[1] else { throw PythonError.type("encode() argument 'errors' must be str, not \(c[1].typeName)") }
            return .object(PyBytes(try Codec.named(enc).encode(text(c), errors: err), mutable: false))
        },
        NativeMethod("casefold", "()", "Return a version of the string suitable for caseless comparisons.") { c in
            .str(casefold(text(c)))
        },
        NativeMethod("expandtabs", "(tabsize=8)", "Return a copy where all tab characters are expanded using spaces.") { c in
            let size = try c.interp.asInt(c[0])
            var out = String.UnicodeScalarView(), column = 0
            for u in text(c).unicodeScalars {
                if u == "\t" {
                    if size > 0 {
                        let n = size - column % size
                        try c.interp.checkCollectionSize(out.count + n, elementBytes: 1)
                        out.append(contentsOf: repeatElement(" ", count: n))
                        column += n
                    }
                } else {
                    out.append(u)
                    column = u == "\n" || u == "\r" ? 0 : column + 1
                }
            }
            return .str(String(out))
        },
        NativeMethod("format_map", "(mapping, /)", "Return a formatted version of the string, using substitutions from mapping.") { c in
            .str(try c.interp.strFormat(text(c), Arguments(), mapping: c[0]))
        },
        NativeMethod("maketrans", "(x, y=None, z=None, /)", "Return a translation table usable for str.translate().",
                     binding: .staticMethod) { c in try maketrans(c) },
    ])

    private static func text(_ c: NativeCall) -> String {
        if case .str(let s) = c.receiver { return s }
        return ""
    }

    /// CPython's full case folding (CaseFolding.txt, statuses C and F). It is lower(upper(lower(c)))
    /// for every code point except dotless ı (unfolded) and the Cherokee small letters (folded to
    /// their capitals); the conformance test checks every code point below U+3000.
    static func casefold(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            // Cherokee capitals are the fold targets of their small letters, so they stay.
            case 0x131, 0x13A0...0x13F5: out.unicodeScalars.append(u)
            case 0x13F8...0x13FD: out.unicodeScalars.append(Unicode.Scalar(u.value - 8) ?? u)
            case 0xAB70...0xABBF: out.unicodeScalars.append(Unicode.Scalar(u.value - 0xAB70 + 0x13A0) ?? u)
            default:
                let p = u.properties
                if !p.changesWhenCaseMapped && !p.changesWhenCaseFolded { out.unicodeScalars.append(u); continue }
                for l in p.lowercaseMapping.unicodeScalars {
                    for up in l.properties.uppercaseMapping.unicodeScalars {
                        out.unicodeScalars.append(contentsOf: up.properties.lowercaseMapping.unicodeScalars)
                    }
                }
            }
        }
        return out
    }

    private static func maketrans(_ c: NativeCall) throws -> Value {
        let d = PyDict()
        if c[1].isNone && c[2].isNone {
            guard case .dict(let m) = c[0] else {
                throw PythonError.type("if you give only one argument to maketrans it must be a dict")
            }
            for (k, v) in zip(m.keys, m.values) {
                switch k {
                case .int: try d.set(k, v)
                case .str(let s) where s.unicodeScalars.count == 1:
                    try d.set(.int(Int(s.unicodeScalars.first?.value ?? 0)), v)
                default: throw PythonError.value("string keys in translate table must be of length 1")
                }
            }
            return .dict(d)
        }
        guard case .str(let x) = c[0] else { throw PythonError.type("maketrans() argument 1 must be str, not \(c[0].typeName)") }
        guard case .str(let y) = c[1] else { throw PythonError.type("maketrans() argument 2 must be str, not \(c[1].typeName)") }
        let xs = Array(x.unicodeScalars), ys = Array(y.unicodeScalars)
        guard xs.count == ys.count else { throw PythonError.value("the first two maketrans arguments must have equal length") }
        for (a, b) in zip(xs, ys) { try d.set(.int(Int(a.value)), .int(Int(b.value))) }
        if !c[2].isNone {
            guard case .str(let z) = c[2] else { throw PythonError.type("maketrans() argument 3 must be str, not \(c[2].typeName)") }
            for u in z.unicodeScalars { try d.set(.int(Int(u.value)), .none) }
        }
        return .dict(d)
    }
}
