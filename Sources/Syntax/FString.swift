/// Splits an f-string body into literal text and replacement fields, parsing each field's
/// expression with a nested lexer/parser whose positions point into the original source.
///
/// Field grammar: `{` expression [`=`] [`!` conversion] [`:` format-spec] `}`; `{{` and `}}`
/// are literal braces; the format spec may itself contain `{…}` fields (two levels at most).
func parseFString(body: String, isRaw: Bool, start: SourceLocation, depth: Int) throws -> [FStringPart] {
    let scanner = FStringScanner(s: Array(body.unicodeScalars), isRaw: isRaw, start: start, depth: depth)
    var k = 0
    let parts = try scanner.parts(&k, inSpec: false, specLevel: 0)
    if k < scanner.s.count { throw SyntaxError("f-string: single '}' is not allowed", at: scanner.locate(k)) }
    return parts
}

private struct FStringScanner {
    let s: [Unicode.Scalar]
    let isRaw: Bool
    let start: SourceLocation
    let depth: Int
    /// Indices of the body's newlines, so `locate` is a binary search: walking from the start for
    /// every field made a 200 000-field f-string take 43 s.
    let newlines: [Int]

    init(s: [Unicode.Scalar], isRaw: Bool, start: SourceLocation, depth: Int) {
        self.s = s
        self.isRaw = isRaw
        self.start = start
        self.depth = depth
        newlines = s.indices.filter { s[$0] == "\n" }
    }

    func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < s.count ? s[k] : nil }

    func locate(_ index: Int) -> SourceLocation {
        let index = max(0, min(index, s.count))
        // The number of newlines before `index`.
        var lo = 0, hi = newlines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if newlines[mid] < index { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 { return SourceLocation(line: start.line, column: start.column + index) }
        return SourceLocation(line: start.line + lo, column: index - newlines[lo - 1])
    }

    func text(_ from: Int, _ to: Int) -> String {
        let lo = max(0, min(from, s.count)), hi = max(lo, min(to, s.count))
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[lo..<hi])
        return String(v)
    }

    /// Literal text and fields up to the end (or, in a spec, up to the closing `}` which is not consumed).
    func parts(_ k: inout Int, inSpec: Bool, specLevel: Int) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal: [Unicode.Scalar] = []
        var literalStart = k
        func flush() throws {
            guard !literal.isEmpty else { return }
            let decoded = try decodeEscapes(literal[...], raw: isRaw, start: locate(literalStart))
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + decoded)
            } else {
                parts.append(.literal(decoded))
            }
            literal = []
        }
        while let c = at(k) {
            if c == "{" {
                if !inSpec && at(k + 1) == "{" {
                    if literal.isEmpty { literalStart = k }
                    literal.append("{")
                    k += 2
                    continue
                }
                try flush()
                if specLevel >= 2 { throw SyntaxError("f-string: expressions nested too deeply", at: locate(k)) }
                k += 1
                parts += try field(&k, specLevel: specLevel)
                literalStart = k
                continue
            }
            if c == "}" {
                if inSpec { break }
                if at(k + 1) == "}" {
                    if literal.isEmpty { literalStart = k }
                    literal.append("}")
                    k += 2
                    continue
                }
                throw SyntaxError("f-string: single '}' is not allowed", at: locate(k))
            }
            if literal.isEmpty { literalStart = k }
            if c == "\\" && !isRaw, let next = at(k + 1) {
                if next == "N" && at(k + 2) == "{" {
                    var j = k
                    while let d = at(j), d != "}" { literal.append(d); j += 1 }
                    if at(j) == "}" { literal.append("}"); j += 1 }
                    k = j
                    continue
                }
                if next != "{" && next != "}" {
                    literal.append(c)
                    literal.append(next)
                    k += 2
                    continue
                }
            }
            literal.append(c)
            k += 1
        }
        try flush()
        return parts
    }

    /// One replacement field; `k` is just after its `{`. Returns the `x=` literal (if any) and the field.
    func field(_ k: inout Int, specLevel: Int) throws -> [FStringPart] {
        let open = k - 1
        let exprStart = k
        var nesting = 0
        var quote: Unicode.Scalar?
        var debug = false
        scan: while let c = at(k) {
            if let q = quote {
                if c == "\\" { k += 2; continue }
                if c == q { quote = nil }
                k += 1
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
            case "(", "[", "{":
                nesting += 1
            case ")", "]", "}":
                if nesting == 0 {
                    if c == "}" { break scan }
                    throw SyntaxError("f-string: unmatched '\(c)'", at: locate(k))
                }
                nesting -= 1
            case "!" where nesting == 0 && at(k + 1) != "=":
                break scan
            case ":" where nesting == 0:
                break scan
            case "=" where nesting == 0:
                let previous = at(k - 1)
                if at(k + 1) != "=" && previous != "=" && previous != "!" && previous != "<" && previous != ">" {
                    debug = true
                    break scan
                }
                if at(k + 1) == "=" { k += 1 }
            case "#":
                throw SyntaxError("f-string expression part cannot include '#'", at: locate(k))
            default:
                break
            }
            k += 1
        }
        guard at(k) != nil else { throw SyntaxError("f-string: expecting '}'", at: locate(open)) }
        let exprEnd = k
        let source = text(exprStart, exprEnd)
        if source.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw SyntaxError("f-string: empty expression not allowed", at: locate(open))
        }
        var debugText: String?
        if debug {
            k += 1
            while let c = at(k), c == " " || c == "\t" || c == "\n" { k += 1 }
            debugText = text(exprStart, k)
        }
        var conversion: Character?
        if at(k) == "!" {
            guard let c = at(k + 1), c == "r" || c == "s" || c == "a" else {
                throw SyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: locate(k + 1))
            }
            conversion = Character(c)
            k += 2
        }
        var spec: [FStringPart] = []
        if at(k) == ":" {
            k += 1
            spec = try parts(&k, inSpec: true, specLevel: specLevel + 1)
        }
        guard at(k) == "}" else { throw SyntaxError("f-string: expecting '}'", at: locate(min(k, s.count))) }
        k += 1

        var lexer = Lexer(source, origin: locate(exprStart), insideBrackets: true)
        let parser = Parser(tokens: try lexer.tokenize(), depth: depth + 1)
        let expression = try parser.parseStandaloneExpression()

        if debugText != nil && conversion == nil && spec.isEmpty { conversion = "r" }
        var result: [FStringPart] = []
        if let debugText = debugText { result.append(.literal(debugText)) }
        result.append(.field(FormattedValue(expression: expression, conversion: conversion, formatSpec: spec)))
        return result
    }
}
