/// Splits `source` into Python tokens, including NEWLINE, INDENT, DEDENT and a final EOF.
public func tokenize(_ source: String) throws -> [Token] {
    var lexer = Lexer(source)
    return try lexer.tokenize()
}

/// Python tokenizer over Unicode scalars. Every index is bounds-checked; it never traps.
///
/// - Newlines (`\r\n`, `\r`) are normalized to `\n` before scanning.
/// - Inside brackets newlines are ignored (implicit line joining); `\` + newline joins lines.
/// - Blank and comment-only lines produce no tokens.
/// - Indentation uses a stack of columns (tab = next multiple of 8) plus an "alternate" stack
///   (tab = 1) to reject inconsistent tab/space mixes, like CPython.
struct Lexer {
    static let maxNesting = 200
    static let maxIndentLevels = 100

    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private let origin: SourceLocation
    private let insideBrackets: Bool
    private var tokens: [Token] = []
    private var brackets: [(Unicode.Scalar, SourceLocation)] = []
    private var indents: [Int] = [0]
    private var altIndents: [Int] = [0]
    private var atLineStart = true
    private var lineHasTokens = false

    /// Lexes `source`; positions start at `origin`. With `insideBrackets` (f-string fields),
    /// newlines are insignificant and there is no indentation.
    init(_ source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1), insideBrackets: Bool = false) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.unicodeScalars.count)
        var previousWasCR = false
        for c in source.unicodeScalars {
            if c == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if c == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            scalars.append(c)
        }
        self.s = scalars
        self.origin = origin
        self.insideBrackets = insideBrackets
    }

    // MARK: - Positions

    private func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < s.count ? s[k] : nil }

    private func location(_ index: Int) -> SourceLocation {
        let column = index - lineStart + 1
        if line == 1 { return SourceLocation(line: origin.line, column: origin.column + column - 1) }
        return SourceLocation(line: origin.line + line - 1, column: column)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        let lo = max(0, min(from, s.count)), hi = max(lo, min(to, s.count))
        // Through UTF-8 bytes: appending scalars to a String one by one is several times slower,
        // and every token's text goes through here.
        var bytes = [UInt8]()
        bytes.reserveCapacity(hi - lo)
        for c in s[lo..<hi] {
            if c.isASCII { bytes.append(UInt8(truncatingIfNeeded: c.value)) } else { UTF8.encode(c) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func error(_ message: String, _ loc: SourceLocation, eof: Bool = false) -> SyntaxError {
        SyntaxError(message, at: loc, isUnexpectedEOF: eof)
    }

    private mutating func emit(_ kind: TokenKind, _ start: Int, _ loc: SourceLocation, _ literal: TokenLiteral? = nil) {
        tokens.append(Token(kind: kind, text: text(start, i), location: loc, literal: literal))
        lineHasTokens = true
    }

    // MARK: - Main loop

    mutating func tokenize() throws -> [Token] {
        while true {
            if atLineStart && !insideBrackets && brackets.isEmpty {
                try indentation()
            }
            guard let c = at(i) else { break }
            switch c {
            case " ", "\t", "\u{0C}":
                i += 1
            case "#":
                while let d = at(i), d != "\n" {
                    if d == "\0" { throw error("source code cannot contain null bytes", location(i)) }
                    i += 1
                }
            case "\n":
                if brackets.isEmpty && !insideBrackets {
                    if lineHasTokens {
                        tokens.append(Token(kind: .newline, text: "\n", location: location(i)))
                        lineHasTokens = false
                    }
                    atLineStart = true
                }
                i += 1
                line += 1
                lineStart = i
            case "\\":
                if at(i + 1) == "\n" {
                    i += 2
                    line += 1
                    lineStart = i
                } else if at(i + 1) == nil {
                    throw error("unexpected EOF while parsing", location(i), eof: true)
                } else {
                    throw error("unexpected character after line continuation character", location(i))
                }
            case "\0":
                throw error("source code cannot contain null bytes", location(i))
            case "0"..."9":
                try number()
            case ".":
                if let d = at(i + 1), ("0"..."9").contains(d) { try number() } else { try punctuation() }
            case "'", "\"":
                try string(prefixStart: i, prefix: "")
            default:
                if isIdentifierStart(c) {
                    try identifier()
                } else {
                    try punctuation()
                }
            }
        }
        let end = location(i)
        if let (open, loc) = brackets.last {
            throw error("'\(open)' was never closed", loc, eof: true)
        }
        if lineHasTokens {
            tokens.append(Token(kind: .newline, text: "", location: end))
        }
        for _ in indents.dropFirst() {
            tokens.append(Token(kind: .dedent, text: "", location: end))
        }
        tokens.append(Token(kind: .endOfFile, text: "", location: end))
        return tokens
    }

    // MARK: - Indentation

    private mutating func indentation() throws {
        var col = 0, alt = 0
        var k = i
        scan: while let c = at(k) {
            switch c {
            case " ": col += 1; alt += 1
            case "\t": col = (col / 8 + 1) * 8; alt += 1
            case "\u{0C}": col = 0; alt = 0
            default: break scan
            }
            k += 1
        }
        let next = at(k)
        if next == nil || next == "#" || next == "\n" {
            i = k
            atLineStart = false
            return  // blank or comment-only line: no indentation change
        }
        i = k
        atLineStart = false
        let loc = location(i)
        let top = indents.last ?? 0, altTop = altIndents.last ?? 0
        if col == top {
            if alt != altTop { throw error("inconsistent use of tabs and spaces in indentation", loc) }
        } else if col > top {
            if alt <= altTop { throw error("inconsistent use of tabs and spaces in indentation", loc) }
            if indents.count > Lexer.maxIndentLevels { throw error("too many levels of indentation", loc) }
            indents.append(col)
            altIndents.append(alt)
            tokens.append(Token(kind: .indent, text: "", location: loc))
        } else {
            while let t = indents.last, col < t, indents.count > 1 {
                indents.removeLast()
                altIndents.removeLast()
                tokens.append(Token(kind: .dedent, text: "", location: loc))
            }
            if col != (indents.last ?? 0) {
                throw error("unindent does not match any outer indentation level", loc)
            }
            if alt != (altIndents.last ?? 0) {
                throw error("inconsistent use of tabs and spaces in indentation", loc)
            }
        }
    }

    // MARK: - Names and keywords

    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        return c.properties.isXIDStart
    }

    private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        return c.properties.isXIDContinue
    }

    private mutating func identifier() throws {
        let start = i
        let loc = location(i)
        while let c = at(i), isIdentifierContinue(c) { i += 1 }
        let word = text(start, i)
        if let q = at(i), q == "'" || q == "\"" {
            let lower = word.lowercased()
            if ["r", "u", "f", "b", "rb", "br", "fr", "rf"].contains(lower) {
                try string(prefixStart: start, prefix: lower)
                return
            }
        }
        if let k = Keyword(rawValue: word) {
            emit(.keyword(k), start, loc)
        } else {
            emit(.name, start, loc)
        }
    }

    // MARK: - Numbers

    private func isDigit(_ c: Unicode.Scalar?, radix: Int) -> Bool {
        guard let c = c, c.isASCII else { return false }
        switch radix {
        case 2: return c == "0" || c == "1"
        case 8: return ("0"..."7").contains(c)
        case 16: return ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
        default: return ("0"..."9").contains(c)
        }
    }

    /// Reads digits with single underscores between them; returns false on a misplaced underscore.
    private mutating func digitPart(radix: Int, allowLeadingUnderscore: Bool = false) -> Bool {
        var first = true
        while true {
            if isDigit(at(i), radix: radix) {
                i += 1
            } else if at(i) == "_" && (!first || allowLeadingUnderscore) {
                if !isDigit(at(i + 1), radix: radix) { return false }
                i += 1
            } else {
                return true
            }
            first = false
        }
    }

    private mutating func number() throws {
        let start = i
        let loc = location(i)
        if at(i) == "0", let p = at(i + 1), "xXoObB".unicodeScalars.contains(p) {
            let (radix, label): (Int, String) = (p == "x" || p == "X") ? (16, "hexadecimal")
                : (p == "o" || p == "O") ? (8, "octal") : (2, "binary")
            i += 2
            let ok = digitPart(radix: radix, allowLeadingUnderscore: true)
            let digits = text(start + 2, i).replacingUnderscores()
            if !ok || digits.isEmpty || (at(i).map { isIdentifierContinue($0) } ?? false) {
                throw error("invalid \(label) literal", loc)
            }
            let spelled = text(start, i).replacingUnderscores()
            if let v = Int(digits, radix: radix) {
                emit(.int, start, loc, .int(v))
            } else {
                emit(.int, start, loc, .bigInt(spelled))
            }
            return
        }
        var isFloat = false
        if isDigit(at(i), radix: 10) {
            if !digitPart(radix: 10) { throw error("invalid decimal literal", loc) }
        }
        if at(i) == "." {
            isFloat = true
            i += 1
            if isDigit(at(i), radix: 10), !digitPart(radix: 10) { throw error("invalid decimal literal", loc) }
        }
        if let e = at(i), e == "e" || e == "E" {
            let signed = at(i + 1) == "+" || at(i + 1) == "-"
            if isDigit(at(i + (signed ? 2 : 1)), radix: 10) {
                isFloat = true
                i += signed ? 2 : 1
                if !digitPart(radix: 10) { throw error("invalid decimal literal", loc) }
            }
        }
        if let c = at(i), isIdentifierContinue(c) {
            if c == "j" || c == "J" { throw error("imaginary literals are not supported", loc) }
            throw error("invalid decimal literal", loc)
        }
        let spelled = text(start, i).replacingUnderscores()
        if isFloat {
            guard let v = Double(spelled) else { throw error("invalid decimal literal", loc) }
            emit(.float, start, loc, .float(v))
            return
        }
        if spelled.count > 1, spelled.hasPrefix("0"), spelled.contains(where: { $0 != "0" }) {
            throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", loc)
        }
        if let v = Int(spelled) {
            emit(.int, start, loc, .int(v))
        } else {
            emit(.int, start, loc, .bigInt(spelled))
        }
    }

    // MARK: - Strings

    private mutating func string(prefixStart: Int, prefix: String) throws {
        let loc = location(prefixStart)
        guard let quote = at(i) else { return }
        let triple = at(i + 1) == quote && at(i + 2) == quote
        i += triple ? 3 : 1
        let bodyStart = i
        let bodyLoc = location(i)
        var bodyEnd = i
        while true {
            guard let c = at(i) else {
                if triple {
                    throw error("unterminated triple-quoted string literal (detected at line \(origin.line + line - 1))", loc, eof: true)
                }
                throw error("unterminated string literal (detected at line \(origin.line + line - 1))", loc)
            }
            if c == "\\" {
                guard let next = at(i + 1) else {
                    i += 1  // the next iteration reports the unterminated string
                    continue
                }
                i += 2
                if next == "\n" {
                    line += 1
                    lineStart = i
                }
                if next == "\0" { throw error("source code cannot contain null bytes", location(i - 1)) }
                continue
            }
            if c == "\0" { throw error("source code cannot contain null bytes", location(i)) }
            if c == "\n" {
                if !triple {
                    throw error("unterminated string literal (detected at line \(origin.line + line - 1))", loc)
                }
                i += 1
                line += 1
                lineStart = i
                continue
            }
            if c == quote {
                if !triple {
                    bodyEnd = i
                    i += 1
                    break
                }
                if at(i + 1) == quote && at(i + 2) == quote {
                    bodyEnd = i
                    i += 3
                    break
                }
            }
            i += 1
        }
        let isRaw = prefix.contains("r")
        if prefix.contains("b") {
            let body = s[bodyStart..<bodyEnd]
            if body.contains(where: { !$0.isASCII }) {
                throw error("bytes can only contain ASCII literal characters", loc)
            }
            emit(.string, prefixStart, loc, .bytes(try decodeByteEscapes(body, raw: isRaw, start: bodyLoc)))
        } else if prefix.contains("f") {
            emit(.fstring, prefixStart, loc, .fstring(body: text(bodyStart, bodyEnd), isRaw: isRaw, bodyStart: bodyLoc))
        } else {
            let value = try decodeEscapes(s[bodyStart..<bodyEnd], raw: isRaw, start: bodyLoc)
            emit(.string, prefixStart, loc, .string(value))
        }
    }

    // MARK: - Operators and delimiters

    /// Operators and delimiters keyed by their (ASCII) spelling packed into an integer, so the
    /// longest-match lookup below builds no strings.
    private static let punctuationBySpelling: [UInt32: Punctuation] = {
        var table: [UInt32: Punctuation] = [:]
        for p in Punctuation.allCases {
            if let key = spellingKey(Array(p.rawValue.unicodeScalars)[...]) { table[key] = p }
        }
        return table
    }()

    /// Up to three ASCII scalars, one byte each; nil for anything else.
    private static func spellingKey(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt32? {
        guard scalars.count <= 3 else { return nil }
        var key: UInt32 = 0
        for c in scalars {
            guard c.isASCII, c.value != 0 else { return nil }
            key = key << 8 | c.value
        }
        return key
    }

    private mutating func punctuation() throws {
        let start = i
        let loc = location(i)
        for length in [3, 2, 1] where start + length <= s.count {
            guard let key = Lexer.spellingKey(s[start..<start + length]),
                  let p = Lexer.punctuationBySpelling[key] else { continue }
            i += length
            switch p {
            case .leftParen, .leftBracket, .leftBrace:
                if brackets.count >= Lexer.maxNesting { throw error("too many nested parentheses", loc) }
                brackets.append((s[start], loc))
            case .rightParen, .rightBracket, .rightBrace:
                guard let (open, _) = brackets.last else { throw error("unmatched '\(p.rawValue)'", loc) }
                let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
                if s[start] != expected {
                    throw error("closing parenthesis '\(p.rawValue)' does not match opening parenthesis '\(open)'", loc)
                }
                brackets.removeLast()
            default:
                break
            }
            emit(.punct(p), start, loc)
            return
        }
        guard let c = at(i) else { return }
        if c == "!" || c == "$" || c == "?" || c == "`" { throw error("invalid syntax", loc) }
        let hex = String(c.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if c.properties.generalCategory == .control || c.properties.generalCategory == .format
            || c.properties.generalCategory == .unassigned || c.properties.generalCategory == .surrogate {
            throw error("invalid non-printable character \(code)", loc)
        }
        throw error("invalid character '\(c)' (\(code))", loc)
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

/// Decodes Python string escapes in `body` (unless `raw`). `start` locates `body` for errors.
func decodeEscapes(_ body: ArraySlice<Unicode.Scalar>, raw: Bool, start: SourceLocation) throws -> String {
    var out = String.UnicodeScalarView()
    if raw {
        out.append(contentsOf: body)
        return String(out)
    }
    func locate(_ index: Int) -> SourceLocation {
        var line = start.line, column = start.column
        var k = body.startIndex
        while k < index && k < body.endIndex {
            if body[k] == "\n" { line += 1; column = 1 } else { column += 1 }
            k += 1
        }
        return SourceLocation(line: line, column: column)
    }
    func at(_ k: Int) -> Unicode.Scalar? { k >= body.startIndex && k < body.endIndex ? body[k] : nil }
    func hexValue(_ c: Unicode.Scalar?) -> UInt32? {
        guard let c = c else { return nil }
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 97 + 10
        case "A"..."F": return c.value - 65 + 10
        default: return nil
        }
    }
    var k = body.startIndex
    while k < body.endIndex {
        let c = body[k]
        guard c == "\\", let e = at(k + 1) else {
            out.append(c)
            k += 1
            continue
        }
        let escapeStart = k
        k += 2
        switch e {
        case "\n": break
        case "\\", "'", "\"": out.append(e)
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "v": out.append("\u{0B}")
        case "0"..."7":
            var value = e.value - 48
            var digits = 1
            while digits < 3, let d = at(k), ("0"..."7").contains(d) {
                value = value * 8 + (d.value - 48)
                k += 1
                digits += 1
            }
            if let scalar = Unicode.Scalar(value) { out.append(scalar) }
        case "x", "u", "U":
            let count = e == "x" ? 2 : e == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let h = hexValue(at(k)) else {
                    throw SyntaxError("(unicode error) truncated \\\(e)\(String(repeating: "X", count: count)) escape", at: locate(escapeStart))
                }
                value = value &* 16 &+ h
                k += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw SyntaxError("(unicode error) illegal Unicode character", at: locate(escapeStart))
            }
            out.append(scalar)
        case "N":
            guard at(k) == "{" else {
                throw SyntaxError("(unicode error) malformed \\N character escape", at: locate(escapeStart))
            }
            var name = String.UnicodeScalarView()
            var j = k + 1
            while let d = at(j), d != "}", name.count < 100 {
                name.append(d)
                j += 1
            }
            guard at(j) == "}", !name.isEmpty, let scalar = unicodeScalar(named: String(name)) else {
                throw SyntaxError("(unicode error) unknown Unicode character name", at: locate(escapeStart))
            }
            out.append(scalar)
            k = j + 1
        default:
            out.append("\\")
            out.append(e)
        }
    }
    return String(out)
}

/// Decodes a bytes literal's escapes (`\\xhh`, octal, the single-letter ones); `\\u`, `\\U` and `\\N`
/// are not escapes in bytes and stay as written, as in CPython. The body is ASCII already.
func decodeByteEscapes(_ body: ArraySlice<Unicode.Scalar>, raw: Bool, start: SourceLocation) throws -> [UInt8] {
    if raw { return body.map { UInt8(truncatingIfNeeded: $0.value) } }
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    func at(_ k: Int) -> Unicode.Scalar? { k < body.endIndex ? body[k] : nil }
    func hexValue(_ c: Unicode.Scalar?) -> UInt8? {
        guard let v = c?.value else { return nil }
        switch v {
        case 48...57: return UInt8(v - 48)
        case 97...102: return UInt8(v - 87)
        case 65...70: return UInt8(v - 55)
        default: return nil
        }
    }
    var k = body.startIndex
    while k < body.endIndex {
        let c = body[k]
        guard c == "\\", let e = at(k + 1) else {
            out.append(UInt8(truncatingIfNeeded: c.value))
            k += 1
            continue
        }
        k += 2
        switch e {
        case "\n": break
        case "\\", "'", "\"": out.append(UInt8(e.value))
        case "a": out.append(7)
        case "b": out.append(8)
        case "f": out.append(12)
        case "n": out.append(10)
        case "r": out.append(13)
        case "t": out.append(9)
        case "v": out.append(11)
        case "0"..."7":
            var value = e.value - 48
            var digits = 1
            while digits < 3, let d = at(k), ("0"..."7").contains(d) {
                value = value * 8 + (d.value - 48)
                k += 1
                digits += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
        case "x":
            guard let h = hexValue(at(k)), let l = hexValue(at(k + 1)) else {
                // CPython counts the position in the decoded body, from the backslash.
                throw SyntaxError("(value error) invalid \\x escape at position \(out.count)",
                                  at: SourceLocation(line: start.line, column: start.column + (body.endIndex - body.startIndex) + 1))
            }
            out.append(h << 4 | l)
            k += 2
        default:
            out.append(92)
            out.append(UInt8(truncatingIfNeeded: e.value))
        }
    }
    return out
}

/// Looks up a Unicode character by name (case-insensitive), as `\N{…}` does.
func unicodeScalar(named rawName: String) -> Unicode.Scalar? {
    let name = rawName.uppercased()
    guard name.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
    let common: [String: UInt32] = [
        "BULLET": 0x2022, "DEGREE SIGN": 0xB0, "EM DASH": 0x2014, "EN DASH": 0x2013,
        "HORIZONTAL ELLIPSIS": 0x2026, "MULTIPLICATION SIGN": 0xD7, "PLUS-MINUS SIGN": 0xB1,
        "NO-BREAK SPACE": 0xA0, "SPACE": 0x20, "LINE FEED": 0x0A, "NULL": 0x00,
    ]
    if let v = common[name] { return Unicode.Scalar(v) }
    for range in [0x20...0xD7FF, 0xE000...0x2FFFF] {
        for v in range {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            if scalar.properties.name == name || scalar.properties.nameAlias == name { return scalar }
        }
    }
    return nil
}
