/// A replacement string for `sub`/`subn`/`Match.expand`, read as `re._parser.parse_template`
/// reads it: `\n`-style escapes, `\1`…`\99`, `\g<name>`, `\g<2>`, octal escapes, and its errors.
/// Unknown escapes of non-letters keep their backslash, as CPython's do.
public struct ReplacementTemplate {
    public enum Part: Equatable {
        case literal([UInt32])
        case group(Int)
    }
    public let parts: [Part]

    /// Appends the replacement for one match (`spans` as `CompiledRegex.match` gives them) to
    /// `out`; a group that did not take part adds nothing, as `expand_template` does.
    public func expand(_ subject: [UInt32], _ spans: [Int], into out: inout [UInt32]) {
        for part in parts {
            switch part {
            case .literal(let l): out += l
            case .group(let g): if spans[2 * g] >= 0 { out += subject[spans[2 * g]..<spans[2 * g + 1]] }
            }
        }
    }

    /// The replacement when it refers to no group (CPython's fast path).
    public var literal: [UInt32]? {
        if parts.isEmpty { return [] }
        if parts.count == 1, case .literal(let l) = parts[0] { return l }
        return nil
    }

    public init(_ template: [UInt32], isText: Bool, groups: Int, groupNames: [(String, Int)]) throws {
        var parts: [Part] = []
        var literal: [UInt32] = []
        var i = 0
        /// The position after the token just read, as `Tokenizer.tell()` reports during the parse.
        func error(_ message: String, _ at: Int) -> RegexError {
            .syntax(isText ? message : asciiBackslashReplace(message), position: at)
        }
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)); literal = [] }
        }
        func addGroup(_ index: Int, _ at: Int) throws {
            if index > groups { throw error("invalid group reference \(index)", at) }
            flush()
            parts.append(.group(index))
        }
        func name(_ s: ArraySlice<UInt32>) -> String { String(String.UnicodeScalarView(s.compactMap(Unicode.Scalar.init))) }
        if template.last == 0x5C {
            // The tokenizer's `bad escape (end of pattern)`; an odd run of backslashes only.
            var run = 0
            for c in template.reversed() { if c == 0x5C { run += 1 } else { break } }
            if run % 2 == 1 { throw error("bad escape (end of pattern)", template.count - 1) }
        }
        while i < template.count {
            let c = template[i]
            guard c == 0x5C, i + 1 < template.count else {
                literal.append(c)
                i += 1
                continue
            }
            let e = template[i + 1]
            let tokenStart = i
            i += 2
            switch e {
            case 0x67:  // \g<…>
                guard i < template.count, template[i] == 0x3C else { throw error("missing <", i) }
                i += 1
                let nameStart = i
                // Tokens until '>': a backslash pair counts as one token, as getuntil reads them.
                while i < template.count, template[i] != 0x3E {
                    i += template[i] == 0x5C && i + 1 < template.count ? 2 : 1
                }
                let n = template[nameStart..<min(i, template.count)]
                if i >= template.count {
                    if n.isEmpty { throw error("missing group name", i) }
                    throw error("missing >, unterminated name", nameStart)
                }
                i += 1  // '>'
                if n.isEmpty { throw error("missing group name", i - 1) }
                let index: Int
                if isIdentifier(Array(n)) {
                    guard let g = groupNames.first(where: { $0.0 == name(n) })?.1 else {
                        throw RegexError.index("unknown group name \(pyRepr(Array(n)))")
                    }
                    index = g
                } else {
                    guard let g = decimalValue(Array(n)), g >= 0 else {
                        throw error("bad character in group name \(pyRepr(Array(n)))", i - n.count - 1)
                    }
                    if g >= RegexLimits.maxGroups { throw error("invalid group reference \(g)", i - n.count - 1) }
                    index = g
                }
                try addGroup(index, i - n.count - 1)
            case 0x30:  // \0, \0o, \0oo
                var v: UInt32 = 0
                var k = 0
                while k < 2, i < template.count, isOctDigit(template[i]) { v = v * 8 + template[i] - 0x30; i += 1; k += 1 }
                literal.append(v & 0xFF)
            case 0x31...0x39:
                var digits: [UInt32] = [e]
                if i < template.count, isDigit(template[i]) {
                    digits.append(template[i])
                    i += 1
                    if isOctDigit(e), isOctDigit(digits[1]), i < template.count, isOctDigit(template[i]) {
                        digits.append(template[i])
                        i += 1
                        let v = octalValue(digits)
                        if v > 0o377 {
                            throw error("octal escape value \\\(name(digits[...])) outside of range 0-0o377", i - 4)
                        }
                        literal.append(v)
                        continue
                    }
                }
                try addGroup(decimal(digits) ?? 0, tokenStart + 1)
            default:
                switch e {
                case 0x61: literal.append(0x07)
                case 0x62: literal.append(0x08)
                case 0x66: literal.append(0x0C)
                case 0x6E: literal.append(0x0A)
                case 0x72: literal.append(0x0D)
                case 0x74: literal.append(0x09)
                case 0x76: literal.append(0x0B)
                case 0x5C: literal.append(0x5C)
                default:
                    if isASCIILetter(e) { throw error("bad escape \\\(name([e][...]))", tokenStart) }
                    literal += [0x5C, e]
                }
            }
        }
        flush()
        self.parts = parts
    }
}
