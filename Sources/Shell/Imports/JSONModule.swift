/// `_json`: the Swift half of `json` (Library/JSONLibrary.swift), as CPython's C accelerator is:
/// the scanner that turns a document into values, and the string escapers. The scanner reports
/// errors as CPython's scanner words them ("Expecting ',' delimiter") with the character offset;
/// the Python half raises `JSONDecodeError` from them, adding line and column.
extension Interpreter {
    func makeJSONCoreModule() -> Namespace {
        let ns = Namespace("_json")
        ns.members["scan"] = .builtin(Builtin("scan") { [unowned self] args in
            let b = try args.bind("scan", ["string", "idx", "strict", "object_hook", "object_pairs_hook",
                                           "parse_float", "parse_int", "parse_constant"], required: 2)
            guard case .str(let s) = b.values["string"]! else { throw PythonError.type("first argument must be a string") }
            func hook(_ key: String) -> Value? {
                guard let v = b[key], !v.isNone else { return nil }
                return v
            }
            var scanner = JSONScanner(text: Array(s.unicodeScalars), interpreter: self,
                                      strict: try b["strict"].map { try self.truthy($0) } ?? true,
                                      objectHook: hook("object_hook"), pairsHook: hook("object_pairs_hook"),
                                      parseFloat: hook("parse_float"), parseInt: hook("parse_int"),
                                      parseConstant: hook("parse_constant"))
            let start = try self.asInt(b.values["idx"]!)
            do {
                let (value, end) = try scanner.value(at: start)
                return .tuple([.bool(true), value, .int(end)])
            } catch let failure as JSONScanner.Failure {
                return .tuple([.bool(false), .str(failure.message), .int(failure.position)])
            }
        })
        ns.members["encode_basestring_ascii"] = .builtin(Builtin("encode_basestring_ascii") { args in
            guard args.positional.count == 1, case .str(let s) = args.positional[0] else {
                throw PythonError.type("first argument must be a string, not \(args.positional.first?.typeName ?? "nothing")")
            }
            return .str(JSONScanner.quote(s, asciiOnly: true))
        })
        ns.members["encode_basestring"] = .builtin(Builtin("encode_basestring") { args in
            guard args.positional.count == 1, case .str(let s) = args.positional[0] else {
                throw PythonError.type("first argument must be a string, not \(args.positional.first?.typeName ?? "nothing")")
            }
            return .str(JSONScanner.quote(s, asciiOnly: false))
        })
        return ns
    }
}

/// A recursive-descent JSON reader over a string's code points (positions are code point offsets,
/// as Python's string indices are).
struct JSONScanner {
    struct Failure: Error {
        let message: String
        let position: Int
    }

    let text: [Unicode.Scalar]
    unowned let interpreter: Interpreter
    let strict: Bool
    let objectHook: Value?, pairsHook: Value?, parseFloat: Value?, parseInt: Value?, parseConstant: Value?
    private var depth = 0

    init(text: [Unicode.Scalar], interpreter: Interpreter, strict: Bool, objectHook: Value?, pairsHook: Value?,
         parseFloat: Value?, parseInt: Value?, parseConstant: Value?) {
        self.text = text
        self.interpreter = interpreter
        self.strict = strict
        self.objectHook = objectHook
        self.pairsHook = pairsHook
        self.parseFloat = parseFloat
        self.parseInt = parseInt
        self.parseConstant = parseConstant
    }

    private func skipSpace(_ i: Int) -> Int {
        var i = i
        while i < text.count, [" ", "\t", "\n", "\r"].contains(text[i]) { i += 1 }
        return i
    }

    private func matches(_ word: String, at i: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        return i + w.count <= text.count && text[i..<(i + w.count)].elementsEqual(w)
    }

    /// The value starting exactly at `i` (CPython's `scan_once`), and where it ends.
    mutating func value(at i: Int) throws -> (Value, Int) {
        guard i >= 0, i < text.count else { throw Failure(message: "Expecting value", position: i) }
        depth += 1
        defer { depth -= 1 }
        if depth > 2000 {
            let what = text[i] == "{" ? "object" : "array"
            throw PythonError("RecursionError", "maximum recursion depth exceeded while decoding a JSON \(what) from a unicode string")
        }
        switch text[i] {
        case "\"": let (s, end) = try string(from: i + 1); return (.str(s), end)
        case "{": return try object(from: i + 1)
        case "[": return try array(from: i + 1)
        case "n" where matches("null", at: i): return (.none, i + 4)
        case "t" where matches("true", at: i): return (.bool(true), i + 4)
        case "f" where matches("false", at: i): return (.bool(false), i + 5)
        case "N" where matches("NaN", at: i): return (try constant("NaN", .nan), i + 3)
        case "I" where matches("Infinity", at: i): return (try constant("Infinity", .infinity), i + 8)
        case "-" where matches("-Infinity", at: i): return (try constant("-Infinity", -.infinity), i + 9)
        default:
            if let number = try number(at: i) { return number }
            throw Failure(message: "Expecting value", position: i)
        }
    }

    private func constant(_ name: String, _ value: Double) throws -> Value {
        if let parseConstant { return try interpreter.call(parseConstant, Arguments([.str(name)])) }
        return .float(value)
    }

    /// `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?` at `i`, or nil when none starts there.
    private func number(at start: Int) throws -> (Value, Int)? {
        func isDigit(_ k: Int) -> Bool { k < text.count && text[k].value >= 48 && text[k].value <= 57 }
        var i = start
        if i < text.count && text[i] == "-" { i += 1 }
        guard isDigit(i) else { return nil }
        if text[i] == "0" { i += 1 } else { while isDigit(i) { i += 1 } }
        var isFloat = false
        if i < text.count, text[i] == ".", isDigit(i + 1) {
            isFloat = true
            i += 1
            while isDigit(i) { i += 1 }
        }
        if i < text.count, text[i] == "e" || text[i] == "E" {
            var k = i + 1
            if k < text.count, text[k] == "+" || text[k] == "-" { k += 1 }
            if isDigit(k) {
                isFloat = true
                while isDigit(k) { k += 1 }
                i = k
            }
        }
        let literal = String(String.UnicodeScalarView(text[start..<i]))
        if isFloat {
            if let parseFloat { return (try interpreter.call(parseFloat, Arguments([.str(literal)])), i) }
            return (.float(Double(literal) ?? .nan), i)
        }
        if let parseInt { return (try interpreter.call(parseInt, Arguments([.str(literal)])), i) }
        if let n = Int(literal) { return (.int(n), i) }
        // Longer than 64 bits: int(literal), with its 4300-digit limit, as CPython's decoder.
        return (try interpreter.toIntValue(.str(literal), base: nil), i)
    }

    /// The string whose opening quote is just before `start` (CPython's `scanstring`).
    private func string(from start: Int) throws -> (String, Int) {
        var out = String.UnicodeScalarView()
        var i = start
        while true {
            guard i < text.count else { throw Failure(message: "Unterminated string starting at", position: start - 1) }
            let c = text[i]
            if c == "\"" { return (String(out), i + 1) }
            if c != "\\" {
                if c.value < 0x20 && strict { throw Failure(message: "Invalid control character at", position: i) }
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < text.count else { throw Failure(message: "Unterminated string starting at", position: start - 1) }
            let e = text[i]
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                guard let u = hex4(at: i + 1) else { throw Failure(message: "Invalid \\uXXXX escape", position: i) }
                var code = u
                i += 4
                // A high surrogate followed by `\uDC00`-`\uDFFF` is one code point.
                if (0xD800...0xDBFF).contains(u), i + 2 < text.count, text[i + 1] == "\\", text[i + 2] == "u" {
                    guard let low = hex4(at: i + 3) else { throw Failure(message: "Invalid \\uXXXX escape", position: i + 2) }
                    if (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                // A lone surrogate cannot be a Swift string's scalar; U+FFFD stands in for it.
                out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default:
                throw Failure(message: "Invalid \\escape", position: i - 1)
            }
            i += 1
        }
    }

    private func hex4(at i: Int) -> UInt32? {
        guard i + 4 <= text.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            guard let d = Character(text[k]).hexDigitValue else { return nil }
            v = v * 16 + UInt32(d)
        }
        return v
    }

    private mutating func object(from start: Int) throws -> (Value, Int) {
        var pairs: [(Value, Value)] = []
        var i = skipSpace(start)
        if i < text.count && text[i] == "}" { return (try finishObject(pairs), i + 1) }
        while true {
            guard i < text.count, text[i] == "\"" else {
                throw Failure(message: "Expecting property name enclosed in double quotes", position: i)
            }
            let (key, afterKey) = try string(from: i + 1)
            i = skipSpace(afterKey)
            guard i < text.count, text[i] == ":" else { throw Failure(message: "Expecting ':' delimiter", position: i) }
            i = skipSpace(i + 1)
            let (v, afterValue) = try value(at: i)
            pairs.append((.str(key), v))
            i = skipSpace(afterValue)
            if i < text.count && text[i] == "}" { return (try finishObject(pairs), i + 1) }
            guard i < text.count, text[i] == "," else { throw Failure(message: "Expecting ',' delimiter", position: i) }
            i = skipSpace(i + 1)
        }
    }

    private func finishObject(_ pairs: [(Value, Value)]) throws -> Value {
        if let pairsHook {
            return try interpreter.call(pairsHook, Arguments([.list(PyList(pairs.map { .tuple([$0.0, $0.1]) }))]))
        }
        let d = PyDict()
        for (k, v) in pairs { d.set(k, v) }
        if let objectHook { return try interpreter.call(objectHook, Arguments([.dict(d)])) }
        return .dict(d)
    }

    private mutating func array(from start: Int) throws -> (Value, Int) {
        var items: [Value] = []
        var i = skipSpace(start)
        if i < text.count && text[i] == "]" { return (.list(PyList(items)), i + 1) }
        while true {
            let (v, after) = try value(at: i)
            items.append(v)
            i = skipSpace(after)
            if i < text.count && text[i] == "]" { return (.list(PyList(items)), i + 1) }
            guard i < text.count, text[i] == "," else { throw Failure(message: "Expecting ',' delimiter", position: i) }
            i = skipSpace(i + 1)
        }
    }

    /// A JSON string literal for `s`: `"..."` with `\"`, `\\`, `\n`… escaped, and with every
    /// non-ASCII code point as `\uXXXX` (surrogate pairs past U+FFFF) when `asciiOnly`.
    static func quote(_ s: String, asciiOnly: Bool) -> String {
        var out = "\""
        func hex(_ v: UInt32) -> String {
            let h = String(v, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - h.count) + h
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if u.value < 0x20 || (asciiOnly && u.value > 0x7E) {
                    if u.value > 0xFFFF {
                        let v = u.value - 0x10000
                        out += hex(0xD800 | (v >> 10)) + hex(0xDC00 | (v & 0x3FF))
                    } else {
                        out += hex(u.value)
                    }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
