/// The methods of `bytes` and `bytearray`, each declared once with CPython 3.11's signature
/// (Objects/clinic/bytesobject.c.h, bytearrayobject.c.h). Case mapping and the `is*` tests are ASCII
/// only, as in CPython.
enum BytesMethods {
    static let bytes = NativeMethodTable("bytes", common(mutable: false))
    static let bytearray = NativeMethodTable("bytearray", common(mutable: true) + mutating)

    private static func receiver(_ c: NativeCall) -> PyBytes {
        // The table is reached only through a PyBytes receiver (bound, or checked by the unbound form).
        if case .object(let b as PyBytes) = c.receiver { return b }
        return PyBytes([], mutable: false)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 32 || (9...13).contains(b) }
    static func isLower(_ b: UInt8) -> Bool { (97...122).contains(b) }
    static func isUpper(_ b: UInt8) -> Bool { (65...90).contains(b) }
    static func isDigit(_ b: UInt8) -> Bool { (48...57).contains(b) }
    static func isAlpha(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }
    static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }
    static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b - 32 : b }

    /// `start`/`end` of the find family, clamped as slice bounds (`None` is the whole).
    private static func bounds(_ c: NativeCall, _ count: Int, from i: Int) throws -> (Int, Int) {
        func bound(_ v: Value, _ def: Int) throws -> Int {
            if v.isNone { return def }
            guard let n = try? c.interp.asInt(v) else {
                throw PythonError.type("slice indices must be integers or None or have an __index__ method")
            }
            var x = n
            if x < 0 { x += count }
            return Swift.min(Swift.max(x, 0), count)
        }
        let lo: Int
        if case .int(let x) = c[i], x > count { lo = x } else { lo = try bound(c[i], 0) }
        return (lo, try bound(c[i + 1], count))
    }

    /// The `sub` of `find`/`count`/…: bytes-like or an int byte value.
    private static func needle(_ v: Value, _ interp: Interpreter) throws -> [UInt8] {
        if let b = PyBytes.buffer(v) { return b }
        switch v {
        case .int, .bool: return [try PyBytes.byte(v, interp)]
        default:
            throw PythonError.type("argument should be integer or bytes-like object, not '\(v.typeName)'")
        }
    }

    private static func fill(_ v: Value, _ name: String) throws -> UInt8 {
        guard let b = PyBytes.buffer(v), b.count == 1 else {
            throw PythonError.type("\(name)() argument 2 must be a byte string of length 1, not \(v.typeName)")
        }
        return b[0]
    }

    private static func splitWhitespace(_ bytes: [UInt8], maxsplit: Int, fromRight: Bool) -> [[UInt8]] {
        let text = fromRight ? Array(bytes.reversed()) : bytes
        var words: [[UInt8]] = [], i = 0
        while true {
            while i < text.count && isSpace(text[i]) { i += 1 }
            if i >= text.count { break }
            // The rest keeps its trailing whitespace (leading, for rsplit), as CPython's does.
            if maxsplit >= 0 && words.count == maxsplit {
                words.append(Array(text[i...]))
                break
            }
            let start = i
            while i < text.count && !isSpace(text[i]) { i += 1 }
            words.append(Array(text[start..<i]))
        }
        return fromRight ? words.reversed().map { Array($0.reversed()) } : words
    }

    private static func split(_ bytes: [UInt8], by sep: [UInt8], maxsplit: Int, fromRight: Bool) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        if fromRight {
            var end = bytes.count
            while maxsplit < 0 || parts.count < maxsplit, let at = PyBytes.rfind(sep, in: bytes[0..<end]) {
                parts.append(Array(bytes[(at + sep.count)..<end]))
                end = at
            }
            parts.append(Array(bytes[0..<end]))
            return parts.reversed()
        }
        var start = 0
        while maxsplit < 0 || parts.count < maxsplit, let at = PyBytes.find(sep, in: bytes[start...]) {
            parts.append(Array(bytes[start..<at]))
            start = at + sep.count
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    /// `split` and `rsplit`: on whitespace runs when `sep` is None, else on `sep`.
    private static func splitting(_ name: String, _ kind: String, fromRight: Bool) -> NativeMethod {
        NativeMethod(name, "(sep=None, maxsplit=-1)", "Return a list of the sections in the \(kind), using sep as the delimiter.") { c in
            let b = receiver(c), maxsplit = try c.interp.asInt(c[1])
            if c[0].isNone { return .list(PyList(splitWhitespace(b.bytes, maxsplit: maxsplit, fromRight: fromRight).map(b.same))) }
            let sep = try PyBytes.requireBuffer(c[0])
            if sep.isEmpty { throw PythonError.value("empty separator") }
            return .list(PyList(split(b.bytes, by: sep, maxsplit: maxsplit, fromRight: fromRight).map(b.same)))
        }
    }

    private static func strip(_ c: NativeCall, left: Bool, right: Bool) throws -> Value {
        let b = receiver(c)
        let chars: [UInt8]? = c[0].isNone ? nil : try PyBytes.requireBuffer(c[0])
        func strippable(_ x: UInt8) -> Bool { chars.map { $0.contains(x) } ?? isSpace(x) }
        var lo = 0, hi = b.bytes.count
        if left { while lo < hi && strippable(b.bytes[lo]) { lo += 1 } }
        if right { while hi > lo && strippable(b.bytes[hi - 1]) { hi -= 1 } }
        return b.same(Array(b.bytes[lo..<hi]))
    }

    /// `place(margin, width)` splits the padding into (left, right).
    private static func justify(_ c: NativeCall, _ name: String, _ place: (Int, Int) -> (Int, Int)) throws -> Value {
        let b = receiver(c)
        let width = try c.interp.asInt(c[0]), pad = try fill(c[1], name)
        guard width > b.bytes.count else { return b.same(b.bytes) }
        try c.interp.checkCollectionSize(width, elementBytes: 1)
        let (left, right) = place(width - b.bytes.count, width)
        return b.same([UInt8](repeating: pad, count: left) + b.bytes + [UInt8](repeating: pad, count: right))
    }

    private static func predicate(_ name: String, _ doc: String, _ test: @escaping ([UInt8]) -> Bool) -> NativeMethod {
        NativeMethod(name, "()", doc) { c in .bool(test(receiver(c).bytes)) }
    }

    private static func mapping(_ name: String, _ doc: String, _ f: @escaping ([UInt8]) -> [UInt8]) -> NativeMethod {
        NativeMethod(name, "()", doc) { c in let b = receiver(c); return b.same(f(b.bytes)) }
    }

    /// `find`, `rfind`, `index`, `rindex`, `count`.
    private static func search(_ name: String, _ doc: String) -> NativeMethod {
        NativeMethod(name, "(sub, start=None, end=None, /)", doc, parser: .parseTuple) { c in
            let b = receiver(c)
            let sub = try needle(c[0], c.interp)
            let (lo, hi) = try bounds(c, b.bytes.count, from: 1)
            if lo > b.bytes.count || hi < lo {
                if name == "count" { return .int(0) }
                if name.hasSuffix("index") { throw PythonError.value("subsection not found") }
                return .int(-1)
            }
            let window = b.bytes[lo..<hi]
            if name == "count" {
                if sub.isEmpty { return .int(window.count + 1) }
                var n = 0, i = lo
                while let at = PyBytes.find(sub, in: b.bytes[i..<hi]) { n += 1; i = at + sub.count }
                return .int(n)
            }
            let found = name.hasPrefix("r") ? PyBytes.rfind(sub, in: window) : PyBytes.find(sub, in: window)
            if let found { return .int(found) }
            if name.hasSuffix("index") { throw PythonError.value("subsection not found") }
            return .int(-1)
        }
    }

    private static func affix(_ name: String, _ doc: String) -> NativeMethod {
        NativeMethod(name, "(\(name == "startswith" ? "prefix" : "suffix"), start=None, end=None, /)", doc, parser: .parseTuple) { c in
            let b = receiver(c)
            let candidates: [Value]
            switch c[0] {
            case .tuple(let t): candidates = t
            case let v where PyBytes.buffer(v) != nil: candidates = [v]
            case let v: throw PythonError.type("\(name) first arg must be bytes or a tuple of bytes, not \(v.typeName)")
            }
            let (lo, hi) = try bounds(c, b.bytes.count, from: 1)
            for v in candidates {
                guard let p = PyBytes.buffer(v) else {
                    throw PythonError.type("a bytes-like object is required, not '\(v.typeName)'")
                }
                guard lo <= b.bytes.count, hi - lo >= p.count else { continue }
                let hit = name == "startswith" ? b.bytes[lo..<(lo + p.count)].elementsEqual(p) : b.bytes[(hi - p.count)..<hi].elementsEqual(p)
                if hit { return .bool(true) }
            }
            return .bool(false)
        }
    }

    static func hex(_ bytes: [UInt8], sep: String?, every: Int) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(bytes.count * 3)
        let n = bytes.count
        for (i, b) in bytes.enumerated() {
            if let sep, i > 0, every != 0 {
                // A positive count groups from the right, a negative one from the left.
                let boundary = every > 0 ? (n - i) % every == 0 : i % -every == 0
                if boundary { out += sep }
            }
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return out
    }

    static func fromHex(_ s: String) throws -> [UInt8] {
        var out: [UInt8] = []
        let scalars = Array(s.unicodeScalars)
        func digit(_ c: Unicode.Scalar) -> UInt8? {
            switch c.value {
            case 48...57: return UInt8(c.value - 48)
            case 97...102: return UInt8(c.value - 87)
            case 65...70: return UInt8(c.value - 55)
            default: return nil
            }
        }
        var i = 0
        while i < scalars.count {
            if scalars[i] == " " || (scalars[i].value >= 9 && scalars[i].value <= 13) { i += 1; continue }
            guard let hi = digit(scalars[i]) else {
                throw PythonError.value("non-hexadecimal number found in fromhex() arg at position \(i)")
            }
            guard i + 1 < scalars.count, let lo = digit(scalars[i + 1]) else {
                throw PythonError.value("non-hexadecimal number found in fromhex() arg at position \(i + 1)")
            }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func common(mutable: Bool) -> [NativeMethod] {
        let kind = mutable ? "bytearray" : "bytes"
        return [
            NativeMethod("decode", "(encoding='utf-8', errors='strict')", "Decode the \(kind) using the codec registered for encoding.") { c in
                guard case .str(let enc) = c[0] else { throw PythonError.type("decode() argument 'encoding' must be str, not \(c[0].typeName)") }
                guard case .str(let err) = c[1] else { throw PythonError.type("decode() argument 'errors' must be str, not \(c[1].typeName)") }
                return .str(try Codec.named(enc).decode(receiver(c).bytes, errors: err))
            },
            NativeMethod("hex", "(sep=None, bytes_per_sep=1)", "Create a string of hexadecimal numbers from a \(kind) object.") { c in
                var sep: String?
                switch c[0] {
                case .none: sep = nil
                case .str(let s): sep = s
                case let v:
                    guard let b = PyBytes.buffer(v) else { throw PythonError.type("object of type '\(v.typeName)' has no len()") }
                    sep = String(decoding: b, as: UTF8.self)
                }
                if let s = sep, s.unicodeScalars.count != 1 { throw PythonError.value("sep must be length 1.") }
                if let s = sep, !s.unicodeScalars.allSatisfy(\.isASCII) { throw PythonError.value("sep must be ASCII.") }
                return .str(hex(receiver(c).bytes, sep: sep, every: try c.interp.asInt(c[1])))
            },
            NativeMethod("fromhex", "(string, /)", "Create a \(kind) object from a string of hexadecimal numbers.", binding: .classMethod) { c in
                guard case .str(let s) = c[0] else { throw PythonError.type("fromhex() argument must be str, not \(c[0].typeName)") }
                return .object(PyBytes(try fromHex(s), mutable: mutable))
            },
            NativeMethod("maketrans", "(frm, to, /)", "Return a translation table useable for the bytes or bytearray translate method.",
                         binding: .staticMethod) { c in
                let from = try PyBytes.requireBuffer(c[0]), to = try PyBytes.requireBuffer(c[1])
                guard from.count == to.count else { throw PythonError.value("maketrans arguments must have same length") }
                var table = (0...255).map { UInt8($0) }
                for (f, t) in zip(from, to) { table[Int(f)] = t }
                return .object(PyBytes(table, mutable: false))
            },
            NativeMethod("translate", "(table, /, delete=b'')", "Return a copy with each character mapped by the given translation table.") { c in
                let b = receiver(c)
                let delete = Set(try PyBytes.requireBuffer(c[1]))
                var table: [UInt8]?
                if !c[0].isNone {
                    table = try PyBytes.requireBuffer(c[0])
                    if table?.count != 256 { throw PythonError.value("translation table must be 256 characters long") }
                }
                return b.same(b.bytes.compactMap { x in delete.contains(x) ? nil : (table.map { $0[Int(x)] } ?? x) })
            },
            search("count", "Return the number of non-overlapping occurrences of subsection sub in bytes B[start:end]."),
            search("find", "Return the lowest index in B where subsection sub is found, such that sub is contained within B[start:end]."),
            search("rfind", "Return the highest index in B where subsection sub is found, such that sub is contained within B[start:end]."),
            search("index", "Like find(), but raise ValueError when the subsection is not found."),
            search("rindex", "Like rfind(), but raise ValueError when the subsection is not found."),
            affix("startswith", "Return True if B starts with the specified prefix, False otherwise."),
            affix("endswith", "Return True if B ends with the specified suffix, False otherwise."),
            splitting("split", kind, fromRight: false),
            splitting("rsplit", kind, fromRight: true),
            NativeMethod("splitlines", "(keepends=False)", "Return a list of the lines in the \(kind), breaking at line boundaries.") { c in
                let b = receiver(c), keep = try c.interp.truthy(c[0])
                var lines: [Value] = [], start = 0, i = 0
                let x = b.bytes
                while i < x.count {
                    if x[i] == 10 || x[i] == 13 {
                        let eol = x[i] == 13 && i + 1 < x.count && x[i + 1] == 10 ? i + 2 : i + 1
                        lines.append(b.same(Array(x[start..<(keep ? eol : i)])))
                        start = eol
                        i = eol
                    } else {
                        i += 1
                    }
                }
                if start < x.count { lines.append(b.same(Array(x[start...]))) }
                return .list(PyList(lines))
            },
            NativeMethod("partition", "(sep, /)", "Partition the \(kind) into three parts using the given separator.") { c in
                let b = receiver(c), sep = try PyBytes.requireBuffer(c[0])
                if sep.isEmpty { throw PythonError.value("empty separator") }
                guard let at = PyBytes.find(sep, in: b.bytes[...]) else { return .tuple([b.same(b.bytes), b.same([]), b.same([])]) }
                return .tuple([b.same(Array(b.bytes[..<at])), b.same(sep), b.same(Array(b.bytes[(at + sep.count)...]))])
            },
            NativeMethod("rpartition", "(sep, /)", "Partition the \(kind) into three parts using the given separator.") { c in
                let b = receiver(c), sep = try PyBytes.requireBuffer(c[0])
                if sep.isEmpty { throw PythonError.value("empty separator") }
                guard let at = PyBytes.rfind(sep, in: b.bytes[...]) else { return .tuple([b.same([]), b.same([]), b.same(b.bytes)]) }
                return .tuple([b.same(Array(b.bytes[..<at])), b.same(sep), b.same(Array(b.bytes[(at + sep.count)...]))])
            },
            NativeMethod("join", "(iterable_of_bytes, /)", "Concatenate any number of \(mutable ? "bytes/bytearray" : "bytes") objects.") { c in
                let b = receiver(c)
                var out: [UInt8] = []
                for (i, v) in try c.interp.iterate(c[0]).enumerated() {
                    guard let part = PyBytes.buffer(v) else {
                        throw PythonError.type("sequence item \(i): expected a bytes-like object, \(v.typeName) found")
                    }
                    if i > 0 { out += b.bytes }
                    out += part
                    try c.interp.checkCollectionSize(out.count, elementBytes: 1)
                }
                return b.same(out)
            },
            NativeMethod("replace", "(old, new, count=-1, /)", "Return a copy with all occurrences of substring old replaced by new.") { c in
                let b = receiver(c)
                let old = try PyBytes.requireBuffer(c[0]), new = try PyBytes.requireBuffer(c[1])
                let limit = try c.interp.asInt(c[2])
                var out: [UInt8] = [], i = 0, n = 0
                if old.isEmpty {
                    // An empty `old` inserts `new` between the bytes and at both ends.
                    for x in b.bytes {
                        if limit < 0 || n < limit { out += new; n += 1 }
                        out.append(x)
                        try c.interp.checkCollectionSize(out.count, elementBytes: 1)
                    }
                    if limit < 0 || n < limit { out += new }
                    return b.same(out)
                }
                while limit < 0 || n < limit, let at = PyBytes.find(old, in: b.bytes[i...]) {
                    out += b.bytes[i..<at]
                    out += new
                    try c.interp.checkCollectionSize(out.count, elementBytes: 1)
                    i = at + old.count
                    n += 1
                }
                out += b.bytes[i...]
                return b.same(out)
            },
            NativeMethod("removeprefix", "(prefix, /)", "Return a \(kind) object with the given prefix string removed if present.") { c in
                let b = receiver(c), p = try PyBytes.requireBuffer(c[0])
                return b.same(b.bytes.starts(with: p) ? Array(b.bytes.dropFirst(p.count)) : b.bytes)
            },
            NativeMethod("removesuffix", "(suffix, /)", "Return a \(kind) object with the given suffix string removed if present.") { c in
                let b = receiver(c), p = try PyBytes.requireBuffer(c[0])
                return b.same(!p.isEmpty && b.bytes.reversed().starts(with: p.reversed()) ? Array(b.bytes.dropLast(p.count)) : b.bytes)
            },
            NativeMethod("strip", "(bytes=None, /)", "Strip leading and trailing bytes contained in the argument.") { try strip($0, left: true, right: true) },
            NativeMethod("lstrip", "(bytes=None, /)", "Strip leading bytes contained in the argument.") { try strip($0, left: true, right: false) },
            NativeMethod("rstrip", "(bytes=None, /)", "Strip trailing bytes contained in the argument.") { try strip($0, left: false, right: true) },
            NativeMethod("center", "(width, fillchar=b' ', /)", "Return a centered string of length width.") { c in
                try justify(c, "center") { margin, width in
                    // CPython's stringlib center: the odd byte goes left when the width is odd too.
                    let left = margin / 2 + (margin & width & 1)
                    return (left, margin - left)
                }
            },
            NativeMethod("ljust", "(width, fillchar=b' ', /)", "Return a left-justified string of length width.") { c in
                try justify(c, "ljust") { margin, _ in (0, margin) }
            },
            NativeMethod("rjust", "(width, fillchar=b' ', /)", "Return a right-justified string of length width.") { c in
                try justify(c, "rjust") { margin, _ in (margin, 0) }
            },
            NativeMethod("zfill", "(width, /)", "Pad a numeric string with zeros on the left, to fill a field of the given width.") { c in
                let b = receiver(c), width = try c.interp.asInt(c[0])
                guard width > b.bytes.count else { return b.same(b.bytes) }
                try c.interp.checkCollectionSize(width, elementBytes: 1)
                var out = [UInt8](repeating: 48, count: width - b.bytes.count) + b.bytes
                if let first = b.bytes.first, first == 43 || first == 45 {
                    out[0] = first
                    out[width - b.bytes.count] = 48
                }
                return b.same(out)
            },
            NativeMethod("expandtabs", "(tabsize=8)", "Return a copy where all tab characters are expanded using spaces.") { c in
                let b = receiver(c), size = try c.interp.asInt(c[0])
                var out: [UInt8] = [], column = 0
                for x in b.bytes {
                    if x == 9 {
                        if size > 0 {
                            let n = size - column % size
                            out += [UInt8](repeating: 32, count: n)
                            column += n
                            try c.interp.checkCollectionSize(out.count, elementBytes: 1)
                        }
                    } else {
                        out.append(x)
                        column = x == 10 || x == 13 ? 0 : column + 1
                    }
                }
                return b.same(out)
            },
            mapping("lower", "B.lower() -> copy of B") { $0.map(lower) },
            mapping("upper", "B.upper() -> copy of B") { $0.map(upper) },
            mapping("swapcase", "B.swapcase() -> copy of B") { $0.map { isLower($0) ? upper($0) : lower($0) } },
            mapping("capitalize", "B.capitalize() -> copy of B") { b in
                b.enumerated().map { $0.offset == 0 ? upper($0.element) : lower($0.element) }
            },
            mapping("title", "B.title() -> copy of B") { b in
                var previousCased = false
                return b.map { x in
                    let y = previousCased ? lower(x) : upper(x)
                    previousCased = isAlpha(x)
                    return y
                }
            },
            predicate("isalnum", "B.isalnum() -> bool") { !$0.isEmpty && $0.allSatisfy { isAlpha($0) || isDigit($0) } },
            predicate("isalpha", "B.isalpha() -> bool") { !$0.isEmpty && $0.allSatisfy(isAlpha) },
            predicate("isascii", "B.isascii() -> bool") { $0.allSatisfy { $0 < 128 } },
            predicate("isdigit", "B.isdigit() -> bool") { !$0.isEmpty && $0.allSatisfy(isDigit) },
            predicate("isspace", "B.isspace() -> bool") { !$0.isEmpty && $0.allSatisfy(isSpace) },
            predicate("islower", "B.islower() -> bool") { $0.contains(where: isLower) && !$0.contains(where: isUpper) },
            predicate("isupper", "B.isupper() -> bool") { $0.contains(where: isUpper) && !$0.contains(where: isLower) },
            predicate("istitle", "B.istitle() -> bool") { b in
                var cased = false, previousCased = false
                for x in b {
                    if isUpper(x) {
                        if previousCased { return false }
                        previousCased = true
                        cased = true
                    } else if isLower(x) {
                        if !previousCased { return false }
                        previousCased = true
                        cased = true
                    } else {
                        previousCased = false
                    }
                }
                return cased
            },
        ]
    }

    private static let mutating: [NativeMethod] = [
        NativeMethod("append", "(item, /)", "Append a single item to the end of the bytearray.") { c in
            receiver(c).bytes.append(try PyBytes.byte(c[0], c.interp))
            return .none
        },
        NativeMethod("extend", "(iterable_of_ints, /)", "Append all the items from the iterator or sequence to the end of the bytearray.") { c in
            let b = receiver(c)
            if let o = PyBytes.buffer(c[0]) { b.bytes += o; return .none }
            if case .int = c[0] { throw PythonError.type("can't extend bytearray with int") }
            b.bytes += try c.interp.iterate(c[0]).map { try PyBytes.byte($0, c.interp) }
            return .none
        },
        NativeMethod("insert", "(index, item, /)", "Insert a single item into the bytearray before the given index.") { c in
            let b = receiver(c)
            var i = try c.interp.asInt(c[0])
            let v = try PyBytes.byte(c[1], c.interp)
            if i < 0 { i = Swift.max(0, i + b.bytes.count) }
            b.bytes.insert(v, at: Swift.min(i, b.bytes.count))
            return .none
        },
        NativeMethod("pop", "(index=-1, /)", "Remove and return a single item from B.") { c in
            let b = receiver(c)
            if b.bytes.isEmpty { throw PythonError.index("pop from empty bytearray") }
            var i = try c.interp.asInt(c[0])
            if i < 0 { i += b.bytes.count }
            guard i >= 0 && i < b.bytes.count else { throw PythonError.index("pop index out of range") }
            return .int(Int(b.bytes.remove(at: i)))
        },
        NativeMethod("remove", "(value, /)", "Remove the first occurrence of a value in the bytearray.") { c in
            let b = receiver(c), v = try PyBytes.byte(c[0], c.interp)
            guard let i = b.bytes.firstIndex(of: v) else { throw PythonError.value("value not found in bytearray") }
            b.bytes.remove(at: i)
            return .none
        },
        NativeMethod("clear", "()", "Remove all items from the bytearray.") { c in receiver(c).bytes.removeAll(); return .none },
        NativeMethod("copy", "()", "Return a copy of B.") { c in .object(PyBytes(receiver(c).bytes, mutable: true)) },
        NativeMethod("reverse", "()", "Reverse the order of the values in B in place.") { c in receiver(c).bytes.reverse(); return .none },
    ]
}
