/// Python's regular-expression grammar, read as CPython 3.11's `re._parser` reads it, with its
/// error messages and positions. The tree it makes is turned into PCRE2's syntax by
/// `PCRE2Translation`; PCRE2 is never shown a Python pattern, so every difference between the two
/// dialects (`\Z`, `\v`, octal and group escapes, `{,n}`, verbose mode, group names) is settled here.
struct PatternParser {
    /// What a parse learns besides the tree.
    struct State {
        var flags: RegexFlags
        var groupNames: [String: Int] = [:]
        /// Index 0 is the whole match; nil while a group is still open.
        var groupWidths: [(Int, Int)?] = [nil]
        var lookbehindGroups: Int?
        /// Group numbers a conditional refers to, with where, in order (checked after the parse).
        var conditionalReferences: [(Int, Int)] = []

        var groups: Int { groupWidths.count }
        func isClosed(_ gid: Int) -> Bool { gid < groups && groupWidths[gid] != nil }
    }

    let source: [UInt32]
    let isText: Bool
    private var index = 0
    /// Open groups around the current position: CPython's recursive parser fails past ~495.
    private var depth = 0
    static let maxDepth = 495
    /// The next token: one code point, or a backslash and the one after it.
    private var next: [UInt32]?
    var state: State

    init(_ pattern: [UInt32], isText: Bool, flags: RegexFlags) throws {
        source = pattern
        self.isText = isText
        state = State(flags: flags)
        try advance()
    }

    // MARK: the tokenizer (sre_parse.Tokenizer)

    private mutating func advance() throws {
        var i = index
        guard i < source.count else { next = nil; return }
        var token = [source[i]]
        if source[i] == 0x5C {
            i += 1
            guard i < source.count else {
                throw RegexError.syntax("bad escape (end of pattern)", position: source.count - 1)
            }
            token.append(source[i])
        }
        index = i + 1
        next = token
    }

    private mutating func match(_ c: Character) throws -> Bool {
        if let n = next, n.count == 1, n[0] == c.unicodeScalars.first!.value {
            try advance()
            return true
        }
        return false
    }

    private mutating func get() throws -> [UInt32]? {
        let this = next
        try advance()
        return this
    }

    private func nextIs(_ c: Character) -> Bool {
        guard let n = next, n.count == 1 else { return false }
        return n[0] == c.unicodeScalars.first!.value
    }

    private func nextIn(_ set: (UInt32) -> Bool) -> Bool {
        guard let n = next, n.count == 1 else { return false }
        return set(n[0])
    }

    private mutating func getWhile(_ n: Int, _ set: (UInt32) -> Bool) throws -> [UInt32] {
        var result: [UInt32] = []
        for _ in 0..<n {
            guard nextIn(set), let c = next else { break }
            result += c
            try advance()
        }
        return result
    }

    private mutating func getUntil(_ terminator: Character, _ name: String) throws -> [UInt32] {
        var result: [UInt32] = []
        while true {
            let c = next
            try advance()
            guard let c else {
                if result.isEmpty { throw error("missing " + name) }
                throw error("missing \(terminator), unterminated name", result.count)
            }
            if c.count == 1 && c[0] == terminator.unicodeScalars.first!.value {
                if result.isEmpty { throw error("missing " + name, 1) }
                break
            }
            result += c
        }
        return result
    }

    var tell: Int { index - (next?.count ?? 0) }

    private mutating func seek(_ i: Int) throws {
        index = i
        try advance()
    }

    func error(_ message: String, _ offset: Int = 0) -> RegexError {
        .syntax(isText ? message : asciiBackslashReplace(message), position: tell - offset)
    }

    private func checkGroupName(_ name: [UInt32], _ offset: Int) throws {
        if !isIdentifier(name) { throw error("bad character in group name \(pyRepr(name))", name.count + offset) }
    }

    // MARK: the grammar

    /// The whole pattern (`sre_parse.parse`).
    mutating func parse() throws -> [PatternNode] {
        let nodes = try parseAlternation(verbose: state.flags.contains(.verbose), nested: 0)
        try fixFlags()
        if next != nil { throw error("unbalanced parenthesis") }
        for (g, pos) in state.conditionalReferences where g >= state.groups {
            throw RegexError.syntax("invalid group reference \(g)", position: pos)
        }
        return nodes
    }

    private mutating func fixFlags() throws {
        var flags = state.flags
        if isText {
            if flags.contains(.locale) { throw RegexError.value("cannot use LOCALE flag with a str pattern") }
            if !flags.contains(.ascii) { flags.insert(.unicode) } else if flags.contains(.unicode) {
                throw RegexError.value("ASCII and UNICODE flags are incompatible")
            }
        } else {
            if flags.contains(.unicode) { throw RegexError.value("cannot use UNICODE flag with a bytes pattern") }
            if flags.contains(.locale) && flags.contains(.ascii) { throw RegexError.value("ASCII and LOCALE flags are incompatible") }
        }
        state.flags = flags
    }

    private mutating func parseAlternation(verbose: Bool, nested: Int) throws -> [PatternNode] {
        var items: [[PatternNode]] = []
        var verbose = verbose
        while true {
            items.append(try parseSequence(verbose: verbose, nested: nested + 1, first: nested == 0 && items.isEmpty))
            if try !match("|") { break }
            if nested == 0 { verbose = state.flags.contains(.verbose) }
        }
        if items.count == 1 { return items[0] }
        return [.branch(items)]
    }

    private mutating func parseSequence(verbose: Bool, nested: Int, first: Bool = false) throws -> [PatternNode] {
        var sequence: [PatternNode] = []
        var verbose = verbose
        while true {
            guard let this = next else { break }
            if this.count == 1 && (this[0] == 0x7C || this[0] == 0x29) { break }  // | )
            try advance()
            let c = this[0]
            if verbose {
                if this.count == 1 && isWhitespace(c) { continue }
                if this.count == 1 && c == 0x23 {  // #
                    while let t = try get(), !(t.count == 1 && t[0] == 0x0A) {}
                    continue
                }
            }
            if this.count == 2 {
                sequence.append(try escape(this))
            } else if !isSpecial(c) {
                sequence.append(.literal(c))
            } else if c == 0x5B {  // [
                sequence.append(try parseSet())
            } else if c == 0x2A || c == 0x2B || c == 0x3F || c == 0x7B {  // * + ? {
                let here = tell
                var min = 0, max = RegexLimits.maxRepeat
                if c == 0x3F { max = 1 } else if c == 0x2B { min = 1 } else if c == 0x7B {
                    if nextIs("}") { sequence.append(.literal(c)); continue }
                    var lo: [UInt32] = [], hi: [UInt32] = []
                    while nextIn(isDigit), let d = next { lo += d; try advance() }
                    if try match(",") {
                        while nextIn(isDigit), let d = next { hi += d; try advance() }
                    } else {
                        hi = lo
                    }
                    if try !match("}") {
                        sequence.append(.literal(c))
                        try seek(here)
                        continue
                    }
                    if !lo.isEmpty {
                        guard let v = decimal(lo), v < RegexLimits.maxRepeat else { throw RegexError.overflow("the repetition number is too large") }
                        min = v
                    }
                    if !hi.isEmpty {
                        guard let v = decimal(hi), v < RegexLimits.maxRepeat else { throw RegexError.overflow("the repetition number is too large") }
                        max = v
                        if max < min { throw error("min repeat greater than max repeat", tell - here) }
                    }
                }
                guard let last = sequence.last, !last.isAnchor else { throw error("nothing to repeat", tell - here + 1) }
                if last.isRepeat { throw error("multiple repeat", tell - here + 1) }
                var body = [last]
                if case .group(nil, let add, let remove, let inner) = last, add.isEmpty, remove.isEmpty { body = inner }
                let kind: RepeatKind = try match("?") ? .lazy : try match("+") ? .possessive : .greedy
                sequence[sequence.count - 1] = .repetition(min: min, max: max, kind: kind, body: body)
            } else if c == 0x2E {  // .
                sequence.append(.any)
            } else if c == 0x28 {  // (
                guard let node = try parseGroup(start: tell - 1, verbose: &verbose, nested: nested, first: first,
                                                sequenceIsEmpty: sequence.isEmpty) else { continue }
                sequence.append(node)
            } else if c == 0x5E {  // ^
                sequence.append(.at(.beginning))
            } else if c == 0x24 {  // $
                sequence.append(.at(.end))
            }
        }
        // Groups that only group (no capture, no flags) dissolve into the sequence, as sre's do.
        var flat: [PatternNode] = []
        for node in sequence {
            if case .group(nil, let add, let remove, let inner) = node, add.isEmpty, remove.isEmpty { flat += inner } else { flat.append(node) }
        }
        return flat
    }

    /// `( … )` in all its forms; nil for what adds no item (comments, global flags).
    private mutating func parseGroup(start: Int, verbose: inout Bool, nested: Int, first: Bool,
                                     sequenceIsEmpty: Bool) throws -> PatternNode? {
        var capture = true, atomic = false
        var name: [UInt32]?
        var add: RegexFlags = [], remove: RegexFlags = []
        if try match("?") {
            guard let char = try get() else { throw error("unexpected end of pattern") }
            let c = char.count == 1 ? char[0] : 0
            if char.count == 1 && c == 0x50 {  // P
                if try match("<") {
                    let n = try getUntil(">", "group name")
                    try checkGroupName(n, 1)
                    name = n
                } else if try match("=") {
                    let n = try getUntil(")", "group name")
                    try checkGroupName(n, 1)
                    guard let gid = state.groupNames[string(n)] else {
                        throw error("unknown group name \(pyRepr(n))", n.count + 1)
                    }
                    if !state.isClosed(gid) { throw error("cannot refer to an open group", n.count + 1) }
                    try checkLookbehindGroup(gid)
                    return .groupReference(gid)
                } else {
                    guard let c2 = try get() else { throw error("unexpected end of pattern") }
                    throw error("unknown extension ?P" + string(c2), c2.count + 2)
                }
            } else if char.count == 1 && c == 0x3A {  // :
                capture = false
            } else if char.count == 1 && c == 0x23 {  // # comment
                while true {
                    if next == nil { throw error("missing ), unterminated comment", tell - start) }
                    if let t = try get(), t.count == 1, t[0] == 0x29 { break }
                }
                return nil
            } else if char.count == 1 && (c == 0x3D || c == 0x21 || c == 0x3C) {  // = ! <
                var behind = false
                var kind = c
                var outerWasNil = false
                if c == 0x3C {
                    guard let c2 = try get() else { throw error("unexpected end of pattern") }
                    guard c2.count == 1, c2[0] == 0x3D || c2[0] == 0x21 else {
                        throw error("unknown extension ?<" + string(c2), c2.count + 2)
                    }
                    kind = c2[0]
                    behind = true
                    outerWasNil = state.lookbehindGroups == nil
                    if outerWasNil { state.lookbehindGroups = state.groups }
                }
                depth += 1
                defer { depth -= 1 }
                if depth > PatternParser.maxDepth { throw RegexError.recursion }
                let body = try parseAlternation(verbose: verbose, nested: nested + 1)
                if behind && outerWasNil { state.lookbehindGroups = nil }
                if try !match(")") { throw error("missing ), unterminated subpattern", tell - start) }
                return .lookaround(behind: behind, negated: kind == 0x21, body: body)
            } else if char.count == 1 && c == 0x28 {  // (?(cond)yes|no)
                let condName = try getUntil(")", "group name")
                let condGroup: Int
                if isIdentifier(condName) {
                    guard let g = state.groupNames[string(condName)] else {
                        throw error("unknown group name \(pyRepr(condName))", condName.count + 1)
                    }
                    condGroup = g
                } else {
                    guard let g = decimalValue(condName), g >= 0 else {
                        throw error("bad character in group name \(pyRepr(condName))", condName.count + 1)
                    }
                    if g == 0 { throw error("bad group number", condName.count + 1) }
                    if g >= RegexLimits.maxGroups { throw error("invalid group reference \(g)", condName.count + 1) }
                    if !state.conditionalReferences.contains(where: { $0.0 == g }) {
                        state.conditionalReferences.append((g, tell - condName.count - 1))
                    }
                    condGroup = g
                }
                try checkLookbehindGroup(condGroup)
                depth += 1
                defer { depth -= 1 }
                if depth > PatternParser.maxDepth { throw RegexError.recursion }
                let yes = try parseSequence(verbose: verbose, nested: nested + 1)
                var no: [PatternNode]?
                if try match("|") {
                    no = try parseSequence(verbose: verbose, nested: nested + 1)
                    if nextIs("|") { throw error("conditional backref with more than two branches") }
                }
                if try !match(")") { throw error("missing ), unterminated subpattern", tell - start) }
                return .conditional(group: condGroup, yes: yes, no: no)
            } else if char.count == 1 && c == 0x3E {  // >
                capture = false
                atomic = true
            } else if char.count == 1 && (RegexFlags.inline(c) != nil || c == 0x2D) {
                guard let flags = try parseFlags(c) else {
                    if !first || !sequenceIsEmpty { throw error("global flags not at the start of the expression", tell - start) }
                    verbose = state.flags.contains(.verbose)
                    return nil
                }
                (add, remove) = flags
                capture = false
            } else {
                throw error("unknown extension ?" + string(char), char.count + 1)
            }
        }
        depth += 1
        defer { depth -= 1 }
        if depth > PatternParser.maxDepth { throw RegexError.recursion }
        var group: Int?
        if capture {
            let gid = state.groups
            state.groupWidths.append(nil)
            if state.groups > RegexLimits.maxGroups { throw error("too many groups", (name?.count ?? 0) + 1) }
            if let name {
                let key = string(name)
                if let old = state.groupNames[key] {
                    throw error("redefinition of group name \(pyRepr(name)) as group \(gid); was group \(old)", name.count + 1)
                }
                state.groupNames[key] = gid
            }
            group = gid
        }
        let subVerbose = (verbose || add.contains(.verbose)) && !remove.contains(.verbose)
        let body = try parseAlternation(verbose: subVerbose, nested: nested + 1)
        if try !match(")") { throw error("missing ), unterminated subpattern", tell - start) }
        if let group { state.groupWidths[group] = width(body, groupWidths: state.groupWidths) }
        if atomic { return .atomic(body) }
        return .group(index: group, add: add, remove: remove, body: body)
    }

    private func checkLookbehindGroup(_ gid: Int) throws {
        guard let lookbehind = state.lookbehindGroups else { return }
        if !state.isClosed(gid) { throw error("cannot refer to an open group") }
        if gid >= lookbehind { throw error("cannot refer to group defined in the same lookbehind subpattern") }
    }

    /// `(?aiLmsux)` (nil: global flags, now in `state`) or `(?aiLmsux-imsx:`: the scoped flags.
    private mutating func parseFlags(_ first: UInt32) throws -> (RegexFlags, RegexFlags)? {
        var add: RegexFlags = [], remove: RegexFlags = []
        var char: [UInt32]? = [first]
        if first != 0x2D {
            while true {
                guard let c = char, c.count == 1, let flag = RegexFlags.inline(c[0]) else { break }
                if isText, c[0] == 0x4C { throw error("bad inline flags: cannot use 'L' flag with a str pattern") }
                if !isText, c[0] == 0x75 { throw error("bad inline flags: cannot use 'u' flag with a bytes pattern") }
                add.insert(flag)
                if !flag.intersection(.typeFlags).isEmpty && add.intersection(.typeFlags) != flag {
                    throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
                }
                char = try get()
                guard let n = char else { throw error("missing -, : or )") }
                if n.count == 1 && (n[0] == 0x29 || n[0] == 0x2D || n[0] == 0x3A) { break }
                if n.count != 1 || RegexFlags.inline(n[0]) == nil {
                    throw error(isAlpha(n) ? "unknown flag" : "missing -, : or )", n.count)
                }
            }
        }
        guard let c = char else { throw error("missing -, : or )") }
        if c.count == 1 && c[0] == 0x29 {
            state.flags.formUnion(add)
            return nil
        }
        if !add.intersection(.globalFlags).isEmpty { throw error("bad inline flags: cannot turn on global flag", 1) }
        if c.count == 1 && c[0] == 0x2D {
            guard let n = try get() else { throw error("missing flag") }
            guard n.count == 1, RegexFlags.inline(n[0]) != nil else {
                throw error(isAlpha(n) ? "unknown flag" : "missing flag", n.count)
            }
            var cur = n
            while true {
                guard let flag = RegexFlags.inline(cur[0]) else { break }
                if !flag.intersection(.typeFlags).isEmpty { throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'") }
                remove.insert(flag)
                guard let n2 = try get() else { throw error("missing :") }
                if n2.count == 1 && n2[0] == 0x3A { break }
                if n2.count != 1 || RegexFlags.inline(n2[0]) == nil {
                    throw error(isAlpha(n2) ? "unknown flag" : "missing :", n2.count)
                }
                cur = n2
            }
        }
        if !remove.intersection(.globalFlags).isEmpty { throw error("bad inline flags: cannot turn off global flag", 1) }
        if !add.intersection(remove).isEmpty { throw error("bad inline flags: flag turned on and off", 1) }
        return (add, remove)
    }

    // MARK: character sets

    private mutating func parseSet() throws -> PatternNode {
        let here = tell - 1
        var items: [SetItem] = []
        let negate = try match("^")
        while true {
            guard let this = try get() else { throw error("unterminated character set", tell - here) }
            if this.count == 1 && this[0] == 0x5D && !items.isEmpty { break }
            let code1: SetItem = this.count == 2 ? try classEscape(this) : .literal(this[0])
            if try match("-") {
                guard let that = try get() else { throw error("unterminated character set", tell - here) }
                if that.count == 1 && that[0] == 0x5D {
                    items.append(code1)
                    items.append(.literal(0x2D))
                    break
                }
                let code2: SetItem = that.count == 2 ? try classEscape(that) : .literal(that[0])
                guard case .literal(let lo) = code1, case .literal(let hi) = code2, hi >= lo else {
                    throw error("bad character range \(string(this))-\(string(that))", this.count + 1 + that.count)
                }
                items.append(.range(lo, hi))
            } else {
                items.append(code1)
            }
        }
        var unique: [SetItem] = []
        for i in items where !unique.contains(i) { unique.append(i) }
        if unique.count == 1, case .literal(let c) = unique[0] { return negate ? .notLiteral(c) : .literal(c) }
        return .set(negated: negate, items: unique)
    }

    private mutating func classEscape(_ escape: [UInt32]) throws -> SetItem {
        let c = escape[1]
        if c == 0x62 { return .literal(0x08) }  // \b in a set is a backspace
        if let lit = simpleEscape(c) { return .literal(lit) }
        if let cat = category(c) { return .category(cat) }
        var esc = escape
        switch c {
        case 0x78:  // x
            esc += try getWhile(2, isHexDigit)
            if esc.count != 4 { throw error("incomplete escape \(string(esc))", esc.count) }
            return .literal(hexValue(esc.dropFirst(2)))
        case 0x75 where isText:  // u
            esc += try getWhile(4, isHexDigit)
            if esc.count != 6 { throw error("incomplete escape \(string(esc))", esc.count) }
            return .literal(hexValue(esc.dropFirst(2)))
        case 0x55 where isText:  // U
            esc += try getWhile(8, isHexDigit)
            if esc.count != 10 { throw error("incomplete escape \(string(esc))", esc.count) }
            let v = hexValue(esc.dropFirst(2))
            if v > 0x10FFFF { throw error("bad escape \(string(esc))", esc.count) }
            return .literal(v)
        case 0x4E where isText:  // N
            return .literal(try namedEscape())
        case 0x30...0x37:
            esc += try getWhile(2, isOctDigit)
            let v = octalValue(esc.dropFirst())
            if v > 0o377 { throw error("octal escape value \(string(esc)) outside of range 0-0o377", esc.count) }
            return .literal(v)
        case 0x38, 0x39:
            throw error("bad escape \(string(esc))", esc.count)
        default:
            if isASCIILetter(c) { throw error("bad escape \(string(esc))", esc.count) }
            return .literal(c)
        }
    }

    // MARK: escapes outside sets

    private mutating func escape(_ escape: [UInt32]) throws -> PatternNode {
        let c = escape[1]
        switch c {
        case 0x41: return .at(.beginningString)  // A
        case 0x5A: return .at(.endString)        // Z
        case 0x62: return .at(.boundary)         // b
        case 0x42: return .at(.nonBoundary)      // B
        default: break
        }
        if let cat = category(c) { return .set(negated: false, items: [.category(cat)]) }
        if let lit = simpleEscape(c) { return .literal(lit) }
        var esc = escape
        switch c {
        case 0x78:
            esc += try getWhile(2, isHexDigit)
            if esc.count != 4 { throw error("incomplete escape \(string(esc))", esc.count) }
            return .literal(hexValue(esc.dropFirst(2)))
        case 0x75 where isText:
            esc += try getWhile(4, isHexDigit)
            if esc.count != 6 { throw error("incomplete escape \(string(esc))", esc.count) }
            return .literal(hexValue(esc.dropFirst(2)))
        case 0x55 where isText:
            esc += try getWhile(8, isHexDigit)
            if esc.count != 10 { throw error("incomplete escape \(string(esc))", esc.count) }
            let v = hexValue(esc.dropFirst(2))
            if v > 0x10FFFF { throw error("bad escape \(string(esc))", esc.count) }
            return .literal(v)
        case 0x4E where isText:
            return .literal(try namedEscape())
        case 0x30:
            esc += try getWhile(2, isOctDigit)
            return .literal(octalValue(esc.dropFirst()))
        case 0x31...0x39:
            // An octal escape or a group reference (sre_parse's "sigh").
            if nextIn(isDigit), let d = next {
                esc += d
                try advance()
                if isOctDigit(esc[1]) && isOctDigit(esc[2]) && nextIn(isOctDigit), let d3 = next {
                    esc += d3
                    try advance()
                    let v = octalValue(esc.dropFirst())
                    if v > 0o377 { throw error("octal escape value \(string(esc)) outside of range 0-0o377", esc.count) }
                    return .literal(v)
                }
            }
            let group = decimal(Array(esc.dropFirst())) ?? 0
            if group < state.groups {
                if !state.isClosed(group) { throw error("cannot refer to an open group", esc.count) }
                try checkLookbehindGroup(group)
                return .groupReference(group)
            }
            throw error("invalid group reference \(group)", esc.count - 1)
        default:
            if isASCIILetter(c) { throw error("bad escape \(string(esc))", esc.count) }
            return .literal(c)
        }
    }

    /// `\N{EM DASH}`: a character by its Unicode name.
    private mutating func namedEscape() throws -> UInt32 {
        if try !match("{") { throw error("missing {") }
        let name = try getUntil("}", "character name")
        guard let c = UnicodeNames.lookup(string(name)) else {
            throw error("undefined character name \(pyRepr(name))", name.count + 4)
        }
        return c
    }

    private func simpleEscape(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x61: return 0x07  // \a
        case 0x66: return 0x0C  // \f
        case 0x6E: return 0x0A  // \n
        case 0x72: return 0x0D  // \r
        case 0x74: return 0x09  // \t
        case 0x76: return 0x0B  // \v
        case 0x5C: return 0x5C  // \\
        default: return nil
        }
    }

    private func category(_ c: UInt32) -> Category? {
        switch c {
        case 0x64: return .digit
        case 0x44: return .notDigit
        case 0x73: return .space
        case 0x53: return .notSpace
        case 0x77: return .word
        case 0x57: return .notWord
        default: return nil
        }
    }

    private func string(_ s: some Sequence<UInt32>) -> String {
        String(String.UnicodeScalarView(s.compactMap(Unicode.Scalar.init)))
    }
}

// MARK: character classes of the grammar

func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
func isOctDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x37 }
func isHexDigit(_ c: UInt32) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
func isASCIILetter(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
private func isWhitespace(_ c: UInt32) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
/// SPECIAL_CHARS: `.\[{()*+?^$|`
private func isSpecial(_ c: UInt32) -> Bool {
    switch c {
    case 0x2E, 0x5C, 0x5B, 0x7B, 0x28, 0x29, 0x2A, 0x2B, 0x3F, 0x5E, 0x24, 0x7C: return true
    default: return false
    }
}

func hexValue(_ digits: some Sequence<UInt32>) -> UInt32 {
    digits.reduce(0) { acc, d in
        let v: UInt32 = isDigit(d) ? d - 0x30 : (d | 0x20) - 0x61 + 10
        return acc &* 16 &+ v
    }
}

func octalValue(_ digits: some Sequence<UInt32>) -> UInt32 { digits.reduce(0) { $0 &* 8 &+ ($1 - 0x30) } }

/// A run of ASCII digits as a number; nil past Int.
func decimal(_ digits: [UInt32]) -> Int? {
    var v = 0
    for d in digits {
        guard isDigit(d) else { return nil }
        let (m, o1) = v.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(Int(d - 0x30))
        if o1 || o2 { return nil }
        v = s
    }
    return digits.isEmpty ? nil : v
}

/// `int(name)` as a group number: an optional sign is allowed by int(), a minus then fails the
/// `< 0` check; Unicode decimal digits count as int() counts them.
func decimalValue(_ s: [UInt32]) -> Int? {
    var digits = s[...]
    var negative = false
    if let f = digits.first, f == 0x2B || f == 0x2D { negative = f == 0x2D; digits = digits.dropFirst() }
    let ascii = digits.map { c -> UInt32 in
        if let scalar = Unicode.Scalar(c), let v = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil {
            return 0x30 + UInt32(v)
        }
        return c
    }
    guard let v = decimal(ascii) else { return nil }
    return negative ? -v : v
}

/// `str.isidentifier()`: XID_Start or `_`, then XID_Continue.
func isIdentifier(_ s: [UInt32]) -> Bool {
    guard let first = s.first, let f = Unicode.Scalar(first) else { return false }
    guard f == "_" || f.properties.isXIDStart else { return false }
    return s.dropFirst().allSatisfy { c in Unicode.Scalar(c).map { $0.properties.isXIDContinue } ?? false }
}

private func isAlpha(_ token: [UInt32]) -> Bool {
    token.allSatisfy { c in Unicode.Scalar(c).map { $0.properties.isAlphabetic } ?? false }
}

/// `msg.encode('ascii', 'backslashreplace').decode('ascii')`, for bytes patterns' messages.
func asciiBackslashReplace(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u.value < 0x80 { out.unicodeScalars.append(u) } else if u.value <= 0xFF {
            out += "\\x" + hex(u.value, 2)
        } else if u.value <= 0xFFFF {
            out += "\\u" + hex(u.value, 4)
        } else {
            out += "\\U" + hex(u.value, 8)
        }
    }
    return out
}

func hex(_ v: UInt32, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}

/// `repr()` of a str, as CPython writes it (quote choice, escapes, printable characters).
func pyRepr(_ s: [UInt32]) -> String {
    let hasSingle = s.contains(0x27), hasDouble = s.contains(0x22)
    let quote: UInt32 = hasSingle && !hasDouble ? 0x22 : 0x27
    var out = quote == 0x22 ? "\"" : "'"
    for c in s {
        switch c {
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case quote: out += quote == 0x22 ? "\\\"" : "\\'"
        default:
            if c < 0x20 || c == 0x7F { out += "\\x" + hex(c, 2) } else if c < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(c)!)
            } else if let u = Unicode.Scalar(c), isPrintable(u) {
                out.unicodeScalars.append(u)
            } else if c <= 0xFF {
                out += "\\x" + hex(c, 2)
            } else if c <= 0xFFFF {
                out += "\\u" + hex(c, 4)
            } else {
                out += "\\U" + hex(c, 8)
            }
        }
    }
    return out + (quote == 0x22 ? "\"" : "'")
}

/// CPython's `str.isprintable()` for one character: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp,
/// Zs (except the space).
func isPrintable(_ u: Unicode.Scalar) -> Bool {
    if u == " " { return true }
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}
