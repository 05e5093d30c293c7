import Regex
import Syntax
import Torch

/// `re.Pattern` and `re.Match` over the Regex module (CPython's `_sre` objects): a compiled
/// pattern with its source and flags, and one match with its spans over the subject it was made
/// on. Methods are declared in the registry (Re/RegexMethods.swift).

/// A subject as the matcher sees it: code points for a str, bytes for a bytes-like object.
final class RegexSubject {
    let value: Value
    let units: [UInt32]
    let isText: Bool
    /// An ASCII str's bytes: slices are made from them directly (most subjects are ASCII).
    private let ascii: [UInt8]?

    init(value: Value, units: [UInt32], isText: Bool, ascii: [UInt8]? = nil) {
        self.value = value
        self.units = units
        self.isText = isText
        self.ascii = ascii
    }

    /// A str subject: code points, with its bytes kept when it is ASCII.
    static func text(_ s: String, value: Value) -> RegexSubject {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var isASCII = true
        for b in s.utf8 {
            if b >= 0x80 { isASCII = false; break }
            bytes.append(b)
        }
        if isASCII { return RegexSubject(value: value, units: bytes.map(UInt32.init), isText: true, ascii: bytes) }
        return RegexSubject(value: value, units: s.unicodeScalars.map(\.value), isText: true)
    }

    /// `string[start:end]` as the subject's type makes it (a bytearray's slices are bytes, as in `_sre`).
    func slice(_ start: Int, _ end: Int) -> Value {
        if let ascii { return .str(String(decoding: ascii[start..<end], as: UTF8.self)) }
        let part = units[start..<end]
        if isText { return .str(String(String.UnicodeScalarView(part.compactMap(Unicode.Scalar.init)))) }
        return .object(PyBytes(part.map { UInt8(truncatingIfNeeded: $0) }, mutable: false))
    }

    var empty: Value { isText ? .str("") : .object(PyBytes([], mutable: false)) }

    /// A str or bytes-like value as a subject; CPython's `getstring` errors otherwise.
    static func make(_ v: Value) throws -> RegexSubject {
        switch v {
        case .str(let s): return RegexSubject.text(s, value: v)
        case .object(let b as PyBytes): return RegexSubject(value: v, units: b.bytes.map(UInt32.init), isText: false)
        case .object(let i as PyInstance):
            if let p = i.payload, case .str(let s) = p, !i.type.isException { return RegexSubject.text(s, value: v) }
        default: break
        }
        throw PythonError.type("expected string or bytes-like object, got '\(v.typeName)'")
    }

    /// The value built from code points of this subject's kind (sub's result).
    func build(_ units: [UInt32]) -> Value {
        if isText { return .str(String(String.UnicodeScalarView(units.compactMap(Unicode.Scalar.init)))) }
        return .object(PyBytes(units.map { UInt8(truncatingIfNeeded: $0) }, mutable: false))
    }
}

final class PatternObject: PyObject, TypedObject, OperandObject {
    let regex: CompiledRegex
    /// The pattern as given (`p.pattern`).
    let source: Value

    static let type = PyType.builtin("Pattern", module: "re")
    var pyType: PyType { PatternObject.type }
    override var typeName: String { "re.Pattern" }

    init(regex: CompiledRegex, source: Value) {
        self.regex = regex
        self.source = source
    }

    /// `_sre.compile`: the pattern parsed and translated; its errors raised as CPython raises them.
    static func compile(_ pattern: Value, flags: Int) throws -> PatternObject {
        let subject: RegexSubject
        switch pattern {
        case .str, .object(is PyBytes): subject = try RegexSubject.make(pattern)
        default: throw PythonError.type("first argument must be string or compiled pattern")
        }
        do {
            let regex = try CompiledRegex(subject.units, isText: subject.isText, flags: RegexFlags(rawValue: flags))
            return PatternObject(regex: regex, source: pattern)
        } catch let e as RegexError {
            throw PatternObject.pythonError(e, pattern: pattern, units: subject.units, isText: subject.isText)
        }
    }

    /// A Regex error as the Python exception CPython raises: `re.error` with its attributes
    /// (`msg`, `pattern`, `pos`, `lineno`, `colno`; "at position N", and the line and column when
    /// the pattern has several lines), or OverflowError / ValueError / IndexError.
    static func pythonError(_ e: RegexError, pattern: Value?, units: [UInt32], isText: Bool) -> PythonError {
        switch e {
        case .overflow(let m): return PythonError("OverflowError", m)
        case .value(let m): return PythonError.value(m)
        case .index(let m): return PythonError("IndexError", m)
        case .unsupported(let m): return PythonError("NotImplementedError", m)
        case .recursion: return PythonError("RecursionError", "maximum recursion depth exceeded")
        case .backtrackLimit(let m): return PythonError("RuntimeError", m)
        case .syntax(let msg, let pos):
            let instance = PyInstance(type: PyType.exception("re.error"))
            var text = msg
            var lineno = Value.none, colno = Value.none
            if let pos, let pattern {
                text += " at position \(pos)"
                let before = units.prefix(pos)
                let line = before.filter { $0 == 10 }.count + 1
                let column = pos - ((before.lastIndex(of: 10)).map { $0 } ?? -1)
                lineno = .int(line)
                colno = .int(column)
                if units.contains(10) { text += " (line \(line), column \(column))" }
                instance.attributes.set(.str("pattern"), pattern)
            } else {
                instance.attributes.set(.str("pattern"), pattern ?? .none)
            }
            instance.args = [.str(text)]
            instance.attributes.set(.str("msg"), .str(msg))
            instance.attributes.set(.str("pos"), pos.map { .int($0) } ?? .none)
            instance.attributes.set(.str("lineno"), lineno)
            instance.attributes.set(.str("colno"), colno)
            return PythonError(raising: instance, message: text)
        }
    }

    /// `re.compile('a+', re.IGNORECASE)`: the pattern's repr cut at 200 characters, as `%.200R`.
    override func repr() -> String {
        var text = "re.compile(" + String(source.repr.prefix(200))
        var flags = regex.flags.rawValue
        if regex.isText && (flags & (4 | 32 | 256)) == 32 { flags &= ~32 }
        let names: [(String, Int)] = [("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
                                      ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128), ("re.ASCII", 256)]
        var parts: [String] = []
        for (name, bit) in names where flags & bit != 0 {
            parts.append(name)
            flags &= ~bit
        }
        if flags != 0 { parts.append("0x" + String(flags, radix: 16)) }
        if !parts.isEmpty { text += ", " + parts.joined(separator: "|") }
        return text + ")"
    }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "pattern": return source
        case "flags": return .int(regex.flags.rawValue)
        case "groups": return .int(regex.groups)
        case "groupindex":
            let d = PyDict()
            for (n, g) in regex.groupNames { d.set(.str(n), .int(g)) }
            return .dict(d)
        default: return try super.attribute(name)
        }
    }

    override var memberNames: [String] { ["flags", "groupindex", "groups", "pattern"] }

    /// Patterns are equal when their sources, flags and kinds are (CPython's `pattern_richcompare`).
    func compare(_ op: ComparisonOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        guard case .object(let o as PatternObject) = other else { return nil }
        let same = o === self || (o.regex.isText == regex.isText && o.regex.flags == regex.flags && valuesEqual(o.source, source))
        return .bool(op == .equal ? same : !same)
    }

    /// The subject of a call on this pattern, with the str/bytes mismatch errors.
    func subject(_ v: Value) throws -> RegexSubject {
        let s = try RegexSubject.make(v)
        if regex.isText && !s.isText { throw PythonError.type("cannot use a string pattern on a bytes-like object") }
        if !regex.isText && s.isText { throw PythonError.type("cannot use a bytes pattern on a string-like object") }
        return s
    }

    /// sre's `state_init` bounds: both clamped to [0, len].
    static func bounds(_ pos: Int, _ endpos: Int, _ count: Int) -> (Int, Int) {
        (min(max(pos, 0), count), min(max(endpos, 0), count))
    }

    func match(_ s: RegexSubject, pos: Int, endpos: Int, _ anchoring: CompiledRegex.Anchoring) throws -> Value {
        let (start, end) = PatternObject.bounds(pos, endpos, s.units.count)
        var spans: [Int]?
        do {
            if start > end {
                // sre: only `match` can succeed then, with nothing consumed at `pos`.
                if anchoring == .match, let m = try regex.match(s.units, start: start, end: start, anchoring: .match), m[1] == m[0] { spans = m }
            } else {
                spans = try regex.match(s.units, start: start, end: end, anchoring: anchoring)
            }
        } catch let e as RegexError {
            throw PatternObject.pythonError(e, pattern: nil, units: [], isText: regex.isText)
        }
        guard let spans else { return .none }
        return .object(MatchObject(pattern: self, subject: s, spans: spans, pos: start, endpos: end))
    }

    /// Every match in order, as the scanner steps (finditer, findall, sub, split).
    func scan(_ s: RegexSubject, pos: Int, endpos: Int, limit: Int = 0, _ body: ([Int]) throws -> Void) throws {
        let (start, end) = PatternObject.bounds(pos, endpos, s.units.count)
        if start > end { return }
        var scanner = MatchScanner(start: start, end: end)
        var n = 0
        do {
            while limit == 0 || n < limit, let m = try scanner.next(regex, s.units) {
                try body(m)
                n += 1
            }
        } catch let e as RegexError {
            throw PatternObject.pythonError(e, pattern: nil, units: [], isText: regex.isText)
        }
    }
}

final class MatchObject: PyObject, TypedObject, OperandObject {
    let pattern: PatternObject
    let subject: RegexSubject
    /// (start, end) of group 0 and each group; -1 where a group did not take part.
    let spans: [Int]
    let pos: Int, endpos: Int

    static let type = PyType.builtin("Match", module: "re")
    var pyType: PyType { MatchObject.type }
    override var typeName: String { "re.Match" }

    init(pattern: PatternObject, subject: RegexSubject, spans: [Int], pos: Int, endpos: Int) {
        self.pattern = pattern
        self.subject = subject
        self.spans = spans
        self.pos = pos
        self.endpos = endpos
    }

    var groupCount: Int { spans.count / 2 - 1 }

    /// `<re.Match object; span=(0, 3), match='abc'>`, the match's repr cut at 50 characters.
    override func repr() -> String {
        "<re.Match object; span=(\(spans[0]), \(spans[1])), match=\(String(group(0).repr.prefix(50)))>"
    }

    func group(_ g: Int) -> Value {
        let s = spans[2 * g], e = spans[2 * g + 1]
        return s < 0 ? .none : subject.slice(s, e)
    }

    /// A group argument (an index or a name) as its number; IndexError("no such group") otherwise.
    func groupIndex(_ v: Value) throws -> Int {
        switch v {
        case .int(let i) where i >= 0 && i <= groupCount: return i
        case .bool(let b) where (b ? 1 : 0) <= groupCount: return b ? 1 : 0
        case .str(let name):
            if let g = pattern.regex.groupNames.first(where: { $0.0 == name })?.1 { return g }
        default: break
        }
        throw PythonError("IndexError", "no such group")
    }

    /// Python's `lastindex`: the group that closed last. PCRE2 does not record closing order; the
    /// group ending furthest right (the outermost of those that end together) is that group for
    /// every pattern whose groups do not close inside a lookahead.
    var lastIndex: Int? {
        var best: Int?
        for g in stride(from: 1, through: groupCount, by: 1) where spans[2 * g] >= 0 {
            if let b = best, spans[2 * b + 1] >= spans[2 * g + 1] { continue }
            best = g
        }
        return best
    }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "string": return subject.value
        case "re": return .object(pattern)
        case "pos": return .int(pos)
        case "endpos": return .int(endpos)
        case "lastindex": return lastIndex.map { Value.int($0) } ?? Value.none
        case "lastgroup":
            guard let li = lastIndex, let name = pattern.regex.groupNames.first(where: { $0.1 == li })?.0 else { return Value.none }
            return .str(name)
        case "regs":
            return .tuple(stride(from: 0, to: spans.count, by: 2).map { .tuple([.int(spans[$0]), .int(spans[$0 + 1])]) })
        default: return try super.attribute(name)
        }
    }

    override var memberNames: [String] { ["endpos", "lastgroup", "lastindex", "pos", "re", "regs", "string"] }

    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value { group(try groupIndex(key)) }
}
