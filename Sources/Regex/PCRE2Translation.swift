/// A parsed Python pattern written out in PCRE2's syntax with the same meaning. Every Python item
/// is spelled explicitly (literals as `\x{…}`, `.` with its DOTALL state, `$` as `\Z` or `(?m:$)`,
/// back-references as `\g{n}`), so nothing depends on how PCRE2 would read Python's spelling.
/// Where sre and PCRE2 define a class differently (`\s`, `\B` on an empty string), the emitted
/// pattern says what sre means.
struct PCRE2Translation {
    /// The pattern is compiled in UTF/UCP mode (a str pattern without ASCII): `\d`, `\w`, `\b` are
    /// PCRE2's Unicode ones, which are sre's.
    let utf: Bool
    let groupWidths: [(Int, Int)?]
    private(set) var text = ""

    init(utf: Bool, groupWidths: [(Int, Int)?]) {
        self.utf = utf
        self.groupWidths = groupWidths
    }

    /// PCRE2 counts repeats in 16 bits.
    static let maxPCRE2Repeat = 65535

    mutating func emit(_ nodes: [PatternNode], _ flags: RegexFlags) throws {
        for node in nodes { try emit(node, flags) }
    }

    mutating func appendRaw(_ s: String) { text += s }

    private mutating func emit(_ node: PatternNode, _ flags: RegexFlags) throws {
        let unicode = utf && !flags.contains(.ascii)
        switch node {
        case .literal(let c):
            text += unicode && flags.contains(.ignoreCase) && PCRE2Translation.turkishI.contains(c) ? "[" + PCRE2Translation.turkishIs + "]" : literal(c)
        case .notLiteral(let c):
            text += "[^" + (unicode && flags.contains(.ignoreCase) && PCRE2Translation.turkishI.contains(c) ? PCRE2Translation.turkishIs : literal(c)) + "]"
        case .set(let negated, let items):
            if !negated, items.count == 1, case .category(let cat) = items[0] {
                text += categoryOutsideSet(cat, unicode: unicode)
            } else {
                var body = items.map { setItem($0, unicode: unicode) }.joined()
                if unicode && flags.contains(.ignoreCase) && items.contains(where: PCRE2Translation.touchesTurkishI) { body += PCRE2Translation.turkishIs }
                text += (negated ? "[^" : "[") + body + "]"
            }
        case .any:
            text += flags.contains(.dotAll) ? "(?s:.)" : "(?-s:.)"
        case .at(let anchor):
            switch anchor {
            case .beginning: text += flags.contains(.multiline) ? "(?m:^)" : "\\A"
            case .end: text += flags.contains(.multiline) ? "(?m:$)" : "\\Z"
            case .beginningString: text += "\\A"
            case .endString: text += "\\z"
            case .boundary:
                // sre: never at a boundary in an empty string; PCRE2 agrees.
                text += utf && !unicode ? "(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))" : "\\b"
            case .nonBoundary:
                // sre: `\B` does not match in an empty string, where PCRE2's would.
                let inner = utf && !unicode ? "(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))" : "\\B"
                text += "(?:(?=[\\s\\S])|(?<=[\\s\\S]))" + inner
            }
        case .repetition(let min, let max, let kind, let body):
            if min > PCRE2Translation.maxPCRE2Repeat || (max != RegexLimits.maxRepeat && max > PCRE2Translation.maxPCRE2Repeat) {
                throw RegexError.unsupported("nnsh's regular expressions (PCRE2) repeat at most 65535 times; {\(min),\(max == RegexLimits.maxRepeat ? "" : String(max))} is more")
            }
            text += "(?:"
            try emit(body, flags)
            text += ")"
            switch (min, max) {
            case (0, RegexLimits.maxRepeat): text += "*"
            case (1, RegexLimits.maxRepeat): text += "+"
            case (0, 1): text += "?"
            case (_, RegexLimits.maxRepeat): text += "{\(min),}"
            default: text += min == max ? "{\(min)}" : "{\(min),\(max)}"
            }
            switch kind {
            case .greedy: break
            case .lazy: text += "?"
            case .possessive: text += "+"
            }
        case .group(let index, let add, let remove, let body):
            var inner = flags.union(add).subtracting(remove)
            // ASCII and UNICODE are exclusive; turning one on turns the other off.
            if add.contains(.ascii) { inner.remove(.unicode) }
            if add.contains(.unicode) { inner.remove(.ascii) }
            if index != nil {
                text += "("
            } else if add.contains(.ignoreCase) {
                text += "(?i:"
            } else if remove.contains(.ignoreCase) {
                text += "(?-i:"
            } else {
                text += "(?:"
            }
            try emit(body, inner)
            text += ")"
        case .atomic(let body):
            text += "(?>"
            try emit(body, flags)
            text += ")"
        case .lookaround(let behind, let negated, let body):
            if behind {
                let (lo, hi) = width(body, groupWidths: groupWidths)
                if lo > 4_294_967_295 { throw RegexError.syntax("looks too much behind", position: nil) }
                if lo != hi { throw RegexError.syntax("look-behind requires fixed-width pattern", position: nil) }
            }
            text += "(?" + (behind ? "<" : "") + (negated ? "!" : "=")
            try emit(body, flags)
            text += ")"
        case .groupReference(let g):
            text += "\\g{\(g)}"
        case .conditional(let g, let yes, let no):
            text += "(?(\(g))"
            try emit(yes, flags)
            if let no {
                text += "|"
                try emit(no, flags)
            }
            text += ")"
        case .branch(let alternatives):
            text += "(?:"
            for (i, a) in alternatives.enumerated() {
                if i > 0 { text += "|" }
                try emit(a, flags)
            }
            text += ")"
        }
    }

    /// sre ignores case by comparing simple lowercase forms, with `_casefix`'s extra pairs; PCRE2
    /// uses Unicode case folding. The two agree but for the Turkish i's: for sre `i`, `I`, `İ`
    /// (lowercase `i`) and `ı` (its `_casefix` partner) are one letter; case folding has no entry
    /// for `İ` and `ı`. So under IGNORECASE any of the four is written as all four.
    static let turkishI: Set<UInt32> = [0x69, 0x49, 0x130, 0x131]
    static let turkishIs = "iI\\x{130}\\x{131}"
    static func touchesTurkishI(_ item: SetItem) -> Bool {
        switch item {
        case .literal(let c): return turkishI.contains(c)
        case .range(let lo, let hi): return turkishI.contains { $0 >= lo && $0 <= hi }
        case .category: return false
        }
    }

    private func literal(_ c: UInt32) -> String {
        if (c >= 0x30 && c <= 0x39) || isASCIILetter(c) { return String(Unicode.Scalar(c).map(Character.init) ?? "?") }
        return "\\x{" + String(c, radix: 16) + "}"
    }

    /// `Py_UNICODE_ISSPACE` (sre's Unicode `\s`) as PCRE2 ranges; the ASCII one is `[\t-\r ]`.
    private static let unicodeSpace = "\\x{9}-\\x{d}\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}"
    private static let unicodeNotSpace = "\\x{0}-\\x{8}\\x{e}-\\x{1b}\\x{21}-\\x{84}\\x{86}-\\x{9f}\\x{a1}-\\x{167f}\\x{1681}-\\x{1fff}\\x{200b}-\\x{2027}\\x{202a}-\\x{202e}\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{10ffff}"
    private static let asciiSpace = "\\x{9}-\\x{d}\\x{20}"
    private static let asciiNotSpace = "\\x{0}-\\x{8}\\x{e}-\\x{1f}\\x{21}-\\x{10ffff}"
    private static let asciiWord = "A-Za-z0-9_"
    private static let asciiNotWord = "\\x{0}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{5e}\\x{60}\\x{7b}-\\x{10ffff}"
    private static let asciiNotDigit = "\\x{0}-\\x{2f}\\x{3a}-\\x{10ffff}"

    private func categoryOutsideSet(_ c: Category, unicode: Bool) -> String {
        if unicode {
            switch c {
            case .digit: return "\\d"
            case .notDigit: return "\\D"
            case .word: return "\\w"
            case .notWord: return "\\W"
            case .space: return "[" + PCRE2Translation.unicodeSpace + "]"
            case .notSpace: return "[^" + PCRE2Translation.unicodeSpace + "]"
            }
        }
        switch c {
        case .digit: return "[0-9]"
        case .notDigit: return "[^0-9]"
        case .word: return "[" + PCRE2Translation.asciiWord + "]"
        case .notWord: return "[^" + PCRE2Translation.asciiWord + "]"
        case .space: return "[" + PCRE2Translation.asciiSpace + "]"
        case .notSpace: return "[^" + PCRE2Translation.asciiSpace + "]"
        }
    }

    private func setItem(_ item: SetItem, unicode: Bool) -> String {
        switch item {
        case .literal(let c): return literal(c)
        case .range(let lo, let hi): return literal(lo) + "-" + literal(hi)
        case .category(let c):
            if unicode {
                switch c {
                case .digit: return "\\d"
                case .notDigit: return "\\D"
                case .word: return "\\w"
                case .notWord: return "\\W"
                case .space: return PCRE2Translation.unicodeSpace
                case .notSpace: return PCRE2Translation.unicodeNotSpace
                }
            }
            switch c {
            case .digit: return "0-9"
            case .notDigit: return PCRE2Translation.asciiNotDigit
            case .word: return PCRE2Translation.asciiWord
            case .notWord: return PCRE2Translation.asciiNotWord
            case .space: return PCRE2Translation.asciiSpace
            case .notSpace: return PCRE2Translation.asciiNotSpace
            }
        }
    }
}
