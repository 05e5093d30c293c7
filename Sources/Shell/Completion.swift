import Foundation
import Syntax

/// Tab completion as a pure function of the line, the cursor and the interpreter's state.
///
/// It evaluates only side-effect-free prefixes — a name and a chain of attributes (`m.weight.`) —
/// never calls, subscripts or operators.
public struct Completion: Equatable, Sendable {
    /// UTF-8 offset in the line where the text the candidates replace begins (it ends at the cursor).
    public var start: Int
    /// Replacements for `line[start..<cursor]`, sorted; keyword arguments (`padding=`) come first.
    public var candidates: [String]
    public init(start: Int, candidates: [String]) { self.start = start; self.candidates = candidates }

    /// The longest common prefix of the candidates.
    public var commonPrefix: String {
        guard var p = candidates.first else { return "" }
        for c in candidates.dropFirst() {
            while !c.hasPrefix(p) { p.removeLast() }
        }
        return p
    }
}

extension Interpreter {
    /// Candidates for completing `line` at `cursor` (a UTF-8 offset; nil = end of line).
    public func completions(line: String, cursor: Int? = nil) -> Completion {
        let bytes = Array(line.utf8)
        let end = Swift.min(cursor ?? bytes.count, bytes.count)
        let prefix = String(decoding: bytes[0..<end], as: UTF8.self)
        let scan = CompletionScan(prefix)
        if scan.inComment { return Completion(start: end, candidates: []) }
        if let quoteEnd = scan.openStringContentStart {
            let fragment = String(decoding: Array(prefix.utf8)[quoteEnd...], as: UTF8.self)
            return Completion(start: quoteEnd, candidates: fileCandidates(fragment))
        }

        // The dotted word before the cursor.
        let chars = Array(prefix.utf8)
        var i = chars.count
        while i > 0, isWordByte(chars[i - 1]) || chars[i - 1] == UInt8(ascii: ".") { i -= 1 }
        let word = String(decoding: chars[i...], as: UTF8.self)
        let before = String(decoding: chars[..<i], as: UTF8.self)
        if let first = word.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return Completion(start: end, candidates: [])
        }

        // `import tor`, `from torch.nn import Co`.
        let trimmedBefore = before.trimmingCharacters(in: .whitespaces)
        if trimmedBefore == "import" || trimmedBefore == "from" {
            let mods = ["torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.autograd"]
                + Interpreter.builtinModules.keys.filter { !$0.hasPrefix("_") }
            return Completion(start: i, candidates: mods.filter { $0.hasPrefix(word) && $0 != word }.sorted())
        }
        if trimmedBefore.hasPrefix("from "), trimmedBefore.hasSuffix(" import") || trimmedBefore.hasSuffix(","), !word.contains(".") {
            let modName = trimmedBefore.dropFirst(5).split(separator: " ").first.map(String.init) ?? ""
            if case .namespace(let ns)? = builtinModule(named: modName) {
                let names = Set(ns.memberNames).union(HelpTable.names(in: ns.name))
                return Completion(start: i, candidates: filtered(Array(names), word))
            }
        }

        if let dot = word.lastIndex(of: ".") {
            let base = String(word[..<dot]), partial = String(word[word.index(after: dot)...])
            let start = end - partial.utf8.count
            // `f(x).sh`, `a[0].sh`: the base is not a plain chain, so don't evaluate it.
            if base.isEmpty { return Completion(start: start, candidates: []) }
            if let last = before.last, last == ")" || last == "]" || last == "\"" || last == "'" {
                return Completion(start: start, candidates: [])
            }
            return Completion(start: start, candidates: filtered(attributeNames(ofChain: base), partial))
        }

        var names = Set(globals.keys).union(builtinsStorage.keys.filter { !$0.hasPrefix("__") })
        names.formUnion(["and", "as", "assert", "break", "continue", "def", "del", "elif", "else", "for", "from", "if",
                         "import", "in", "is", "lambda", "not", "or", "pass", "return", "while", "with", "try", "except",
                         "finally", "raise", "class", "global", "nonlocal", "yield"])
        var keywordArgs = [String]()
        if let call = scan.openCall {
            let argsText = String(decoding: chars[call.openParen...], as: UTF8.self)
            let calleeText = trailingChain(String(decoding: chars[..<call.openParen], as: UTF8.self))
            if !calleeText.isEmpty {
                let given = Set(givenKeywords(argsText))
                keywordArgs = keywordNames(ofCallee: calleeText)
                    .filter { $0.hasPrefix(word) && !given.contains($0) }
                    .map { $0 + "=" }
            }
        }
        if word.isEmpty {
            return Completion(start: end, candidates: keywordArgs)
        }
        // Inside a call whose parameters match, the bare torch names nnsh adds to the builtins
        // (`bernoulli`, `bmm`, …) would crowd out `beta=`: only the user's own names stay beside them.
        if !keywordArgs.isEmpty {
            let own = Set(globals.keys).union(Set(builtinsStorage.keys).subtracting(Interpreter.bareTorchNames))
            names = names.filter { own.contains($0) || !builtinsStorage.keys.contains($0) }
        }
        return Completion(start: i, candidates: keywordArgs + filtered(Array(names), word))
    }

    /// `completions(line:)` at the end of the line, as plain strings (for tests).
    public func completionCandidates(_ line: String) -> [String] { completions(line: line).candidates }

    // MARK: pieces

    private func filtered(_ names: [String], _ partial: String) -> [String] {
        let showPrivate = partial.hasPrefix("_")
        return Array(Set(names.filter { $0.hasPrefix(partial) && (showPrivate || !$0.hasPrefix("_")) })).sorted()
    }

    /// Evaluates `a.b.c` without calling anything; nil if it is not a plain chain or fails.
    func evaluateChain(_ chain: String) -> Value? {
        let parts = chain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, parts.allSatisfy(isIdentifier) else { return nil }
        guard var v = try? lookup(first, globalScope) else { return nil }
        for p in parts.dropFirst() {
            guard let next = try? getAttribute(v, p) else { return nil }
            v = next
        }
        return v
    }

    /// Members of the value a chain names (plus documented members of a namespace).
    func attributeNames(ofChain chain: String) -> [String] {
        if let v = evaluateChain(chain) {
            var names = memberNames(v)
            if case .namespace(let ns) = v { names += HelpTable.names(in: ns.name) }
            return names
        }
        // A namespace whose documented member is not bound (yet): `nn.init` when nn is a namespace without `init`.
        if let q = qualifiedChain(chain) { return HelpTable.names(in: q) }
        return []
    }

    /// `nn.init` → `torch.nn.init` when `nn` is bound to the namespace `torch.nn`.
    func qualifiedChain(_ chain: String) -> String? {
        let parts = chain.split(separator: ".").map(String.init)
        guard let first = parts.first, case .namespace(let ns)? = try? lookup(first, globalScope) else { return nil }
        return ([ns.name] + parts.dropFirst()).joined(separator: ".")
    }

    /// Parameter names a callee accepts as keywords.
    func keywordNames(ofCallee chain: String) -> [String] {
        if let v = evaluateChain(chain) {
            if case .function(let f) = v {
                return f.parameters.filter { $0.kind == .normal || $0.kind == .keywordOnly }.map(\.name)
            }
            if let q = documentedName(of: v), let e = HelpTable.entry(q) { return e.keywordNames }
        }
        if let q = qualifiedChain(chain), let e = HelpTable.entry(q) { return e.keywordNames }
        return []
    }

    private func givenKeywords(_ argsText: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: "([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)") else { return [] }
        let ns = argsText as NSString
        return re.matches(in: argsText, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// File names completing `fragment` (the text typed inside a string literal).
    func fileCandidates(_ fragment: String) -> [String] {
        let slash = fragment.lastIndex(of: "/")
        let dirPart = slash.map { String(fragment[...$0]) } ?? ""
        let namePart = slash.map { String(fragment[fragment.index(after: $0)...]) } ?? fragment
        var dir = dirPart.isEmpty ? "." : dirPart
        if dir.hasPrefix("~"), let home = ProcessInfo.processInfo.environment["HOME"] { dir = home + dir.dropFirst() }
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return items.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name in
                var isDir: ObjCBool = false
                let full = (dir.hasSuffix("/") ? dir : dir + "/") + name
                FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
                return dirPart + name + (isDir.boolValue ? "/" : "")
            }
            .sorted()
    }
}

private func isWordByte(_ b: UInt8) -> Bool {
    b == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b >= 0x80
}

/// The dotted identifier chain at the end of `text` (ignoring trailing blanks): `x = nn.Conv2d` → `nn.Conv2d`.
private func trailingChain(_ text: String) -> String {
    let chars = Array(text.utf8)
    var j = chars.count
    while j > 0, chars[j - 1] == UInt8(ascii: " ") { j -= 1 }
    var i = j
    while i > 0, isWordByte(chars[i - 1]) || chars[i - 1] == UInt8(ascii: ".") { i -= 1 }
    if i > 0, chars[i - 1] == UInt8(ascii: ")") || chars[i - 1] == UInt8(ascii: "]") { return "" }
    return String(decoding: chars[i..<j], as: UTF8.self)
}

/// A forward scan of the text before the cursor: open strings, comments and brackets.
struct CompletionScan {
    var inComment = false
    /// UTF-8 offset just after the opening quote of an unterminated string.
    var openStringContentStart: Int?
    /// The innermost open bracket, if it is a `(`.
    var openCall: (openParen: Int, Void)?

    init(_ text: String) {
        let b = Array(text.utf8)
        var stack = [(UInt8, Int)]()
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "#") { inComment = true; return }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                let triple = i + 2 < b.count && b[i + 1] == c && b[i + 2] == c
                let qlen = triple ? 3 : 1
                var j = i + qlen
                var closed = false
                while j < b.count {
                    if b[j] == UInt8(ascii: "\\") { j += 2; continue }
                    if b[j] == c && (!triple || (j + 2 < b.count && b[j + 1] == c && b[j + 2] == c)) { closed = true; break }
                    j += 1
                }
                if !closed { openStringContentStart = i + qlen; return }
                i = j + qlen
                continue
            }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): stack.append((c, i))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): if !stack.isEmpty { stack.removeLast() }
            default: break
            }
            i += 1
        }
        if let top = stack.last, top.0 == UInt8(ascii: "(") { openCall = (top.1, ()) }
    }
}
