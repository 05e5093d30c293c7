import Regex
import Syntax
import Torch

/// The methods of `re.Pattern` and `re.Match`, declared once each with CPython 3.11's signatures
/// (Modules/clinic/_sre.c.h), and the `_sre` module the Python-written `re` stands on.
enum RegexMethods {
    private static func pattern(_ c: NativeCall) throws -> PatternObject {
        guard case .object(let p as PatternObject) = c.receiver else { throw PythonError.type("descriptor requires a 're.Pattern' object") }
        return p
    }

    private static func match(_ c: NativeCall) throws -> MatchObject {
        guard case .object(let m as MatchObject) = c.receiver else { throw PythonError.type("descriptor requires a 're.Match' object") }
        return m
    }

    private static func index(_ v: Value, _ interp: Interpreter) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(is BigIntObject):
            // pos/endpos past Py_ssize_t clamp in CPython's converter only via OverflowError.
            throw PythonError.overflow("Python int too large to convert to C ssize_t")
        default: return try interp.asInt(v)
        }
    }

    static let maxsize = "9223372036854775807"

    static let pattern = NativeMethodTable("re.Pattern", [
        NativeMethod("match", "(string, pos=0, endpos=\(maxsize))", "Matches zero or more characters at the beginning of the string.") { c in
            let p = try pattern(c)
            return try p.match(try p.subject(c[0]), pos: try index(c[1], c.interp), endpos: try index(c[2], c.interp), .match)
        },
        NativeMethod("fullmatch", "(string, pos=0, endpos=\(maxsize))", "Matches against all of the string.") { c in
            let p = try pattern(c)
            return try p.match(try p.subject(c[0]), pos: try index(c[1], c.interp), endpos: try index(c[2], c.interp), .fullMatch)
        },
        NativeMethod("search", "(string, pos=0, endpos=\(maxsize))", "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches.") { c in
            let p = try pattern(c)
            return try p.match(try p.subject(c[0]), pos: try index(c[1], c.interp), endpos: try index(c[2], c.interp), .search)
        },
        NativeMethod("findall", "(string, pos=0, endpos=\(maxsize))", "Return a list of all non-overlapping matches of pattern in string.") { c in
            let p = try pattern(c)
            let s = try p.subject(c[0])
            var out: [Value] = []
            let groups = p.regex.groups
            try p.scan(s, pos: try index(c[1], c.interp), endpos: try index(c[2], c.interp)) { m in
                func item(_ g: Int) -> Value { m[2 * g] < 0 ? s.empty : s.slice(m[2 * g], m[2 * g + 1]) }
                switch groups {
                case 0: out.append(item(0))
                case 1: out.append(item(1))
                default: out.append(.tuple((1...groups).map(item)))
                }
                try c.interp.throwIfInterrupted()
            }
            return .list(PyList(out))
        },
        NativeMethod("finditer", "(string, pos=0, endpos=\(maxsize))", "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object.") { c in
            let p = try pattern(c)
            let s = try p.subject(c[0])
            let (start, end) = PatternObject.bounds(try index(c[1], c.interp), try index(c[2], c.interp), s.units.count)
            var scanner: MatchScanner? = start <= end ? MatchScanner(start: start, end: end) : nil
            return .object(ClosureIterator("callable_iterator") {
                guard var sc = scanner else { return nil }
                defer { scanner = sc }
                do {
                    guard let m = try sc.next(p.regex, s.units) else { return nil }
                    return .object(MatchObject(pattern: p, subject: s, spans: m, pos: start, endpos: end))
                } catch let e as RegexError {
                    throw PatternObject.pythonError(e, pattern: nil, units: [], isText: p.regex.isText)
                }
            })
        },
        NativeMethod("sub", "(repl, string, count=0)", "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl.") { c in
            let (result, _) = try substitute(try pattern(c), c[0], c[1], count: try index(c[2], c.interp), c.interp)
            return result
        },
        NativeMethod("subn", "(repl, string, count=0)", "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl.") { c in
            let (result, n) = try substitute(try pattern(c), c[0], c[1], count: try index(c[2], c.interp), c.interp)
            return .tuple([result, .int(n)])
        },
        NativeMethod("split", "(string, maxsplit=0)", "Split string by the occurrences of pattern.") { c in
            let p = try pattern(c)
            let s = try p.subject(c[0])
            let maxsplit = try index(c[1], c.interp)
            var out: [Value] = []
            var last = 0
            if maxsplit >= 0 {
                try p.scan(s, pos: 0, endpos: s.units.count, limit: maxsplit) { m in
                    out.append(s.slice(last, m[0]))
                    for g in stride(from: 1, through: p.regex.groups, by: 1) {
                        out.append(m[2 * g] < 0 ? .none : s.slice(m[2 * g], m[2 * g + 1]))
                    }
                    last = m[1]
                    try c.interp.throwIfInterrupted()
                }
            }
            out.append(s.slice(last, s.units.count))
            return .list(PyList(out))
        },
        NativeMethod("__copy__", "()", "Return the pattern itself (patterns are immutable).") { c in c.receiver },
        NativeMethod("__deepcopy__", "(memo, /)", "Return the pattern itself (patterns are immutable).") { c in c.receiver },
    ])

    /// `sub`/`subn`: the replacement a template (escapes and group references, parsed once per
    /// call), a plain string, or a callable given each match; `count` 0 replaces every match.
    static func substitute(_ p: PatternObject, _ repl: Value, _ string: Value, count: Int, _ interp: Interpreter) throws -> (Value, Int) {
        let s = try p.subject(string)
        var template: ReplacementTemplate?
        var literal: [UInt32]?
        var function: Value?
        var wrongKind: Value?
        switch repl {
        case .str(let r) where p.regex.isText:
            let units = r.unicodeScalars.map(\.value)
            if !units.contains(0x5C) { literal = units } else { template = try parseTemplate(units, p) }
        case .object(let b as PyBytes) where !p.regex.isText:
            let units = b.bytes.map(UInt32.init)
            if !units.contains(0x5C) { literal = units } else { template = try parseTemplate(units, p) }
        case .str(let r):
            // A replacement of the other kind is kept as one piece; CPython's join then refuses it.
            wrongKind = .str(r)
        case .object(let b as PyBytes):
            wrongKind = .object(b)
        default:
            function = repl
        }
        if let t = template, let l = t.literal { literal = l; template = nil }
        var out: [UInt32] = []
        var last = 0, n = 0
        /// The index the next piece would have in CPython's list of pieces, for join's message.
        var pieces = 0
        func refuse(_ v: Value) -> PythonError {
            PythonError.type("sequence item \(pieces): " + (s.isText ? "expected str instance, \(v.typeName) found" : "expected a bytes-like object, \(v.typeName) found"))
        }
        if count >= 0 {
            try p.scan(s, pos: 0, endpos: s.units.count, limit: count) { m in
                if m[0] > last { pieces += 1 }
                out += s.units[last..<m[0]]
                if let wrongKind { throw refuse(wrongKind) }
                if let literal {
                    out += literal
                } else if let template {
                    template.expand(s.units, m, into: &out)
                } else if let function {
                    let r = try interp.call(function, Arguments([.object(MatchObject(pattern: p, subject: s, spans: m, pos: 0, endpos: s.units.count))]))
                    switch r {
                    case .none: pieces -= 1
                    case .str(let text) where s.isText: out += text.unicodeScalars.map(\.value)
                    case .object(let b as PyBytes) where !s.isText: out += b.bytes.map(UInt32.init)
                    default: throw refuse(r)
                    }
                }
                pieces += 1
                if out.count > MemoryLimit.bytes / 4 {
                    throw PythonError("MemoryError", "the result of sub would pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
                }
                last = m[1]
                n += 1
                try interp.throwIfInterrupted()
            }
        }
        if n == 0, case .str = string { return (string, 0) }
        out += s.units[last...]
        return (s.build(out), n)
    }

    static func parseTemplate(_ units: [UInt32], _ p: PatternObject) throws -> ReplacementTemplate {
        do {
            return try ReplacementTemplate(units, isText: p.regex.isText, groups: p.regex.groups, groupNames: p.regex.groupNames)
        } catch let e as RegexError {
            throw PatternObject.pythonError(e, pattern: p.regex.isText ? .str(String(String.UnicodeScalarView(units.compactMap(Unicode.Scalar.init))))
                                               : .object(PyBytes(units.map { UInt8(truncatingIfNeeded: $0) }, mutable: false)),
                                            units: units, isText: p.regex.isText)
        }
    }

    static let match = NativeMethodTable("re.Match", [
        NativeMethod("group", "(*args)", "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match.") { c in
            let m = try match(c)
            guard case .tuple(let args) = c[0] else { return .none }
            if args.isEmpty { return m.group(0) }
            if args.count == 1 { return m.group(try m.groupIndex(args[0])) }
            return .tuple(try args.map { m.group(try m.groupIndex($0)) })
        },
        NativeMethod("groups", "(default=None)", "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match.") { c in
            let m = try match(c)
            return .tuple(stride(from: 1, through: m.groupCount, by: 1).map { g in m.spans[2 * g] < 0 ? c[0] : m.group(g) })
        },
        NativeMethod("groupdict", "(default=None)", "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match.") { c in
            let m = try match(c)
            let d = PyDict()
            for (name, g) in m.pattern.regex.groupNames { d.set(.str(name), m.spans[2 * g] < 0 ? c[0] : m.group(g)) }
            return .dict(d)
        },
        NativeMethod("start", "(group=0, /)", "Return index of the start of the substring matched by group.") { c in
            let m = try match(c)
            return .int(m.spans[2 * (try m.groupIndex(c[0]))])
        },
        NativeMethod("end", "(group=0, /)", "Return index of the end of the substring matched by group.") { c in
            let m = try match(c)
            return .int(m.spans[2 * (try m.groupIndex(c[0])) + 1])
        },
        NativeMethod("span", "(group=0, /)", "For match object m, return the 2-tuple (m.start(group), m.end(group)).") { c in
            let m = try match(c)
            let g = try m.groupIndex(c[0])
            return .tuple([.int(m.spans[2 * g]), .int(m.spans[2 * g + 1])])
        },
        NativeMethod("expand", "(template)", "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method.") { c in
            let m = try match(c)
            let units: [UInt32]
            switch c[0] {
            case .str(let t) where m.subject.isText: units = t.unicodeScalars.map(\.value)
            case .object(let b as PyBytes) where !m.subject.isText: units = b.bytes.map(UInt32.init)
            default: throw PythonError.type(m.subject.isText ? "expected str instance, \(c[0].typeName) found" : "expected a bytes-like object, \(c[0].typeName) found")
            }
            let t = try parseTemplate(units, m.pattern)
            var out: [UInt32] = []
            t.expand(m.subject.units, m.spans, into: &out)
            return m.subject.build(out)
        },
        NativeMethod("__copy__", "()", "Return the match itself (matches are immutable).") { c in c.receiver },
        NativeMethod("__deepcopy__", "(memo, /)", "Return the match itself (matches are immutable).") { c in c.receiver },
    ])
}

extension Interpreter {
    /// `_sre`: what `re` (Library/ReLibrary.swift) is written over.
    func makeSreModule() -> Namespace {
        let ns = Namespace("_sre")
        // Ctrl-C between attempts of a long match; a static hook, so it holds no interpreter.
        CompiledRegex.interruptCheck = {
            if Interpreter.interruptRequested {
                Interpreter.interruptRequested = false
                throw PythonError("KeyboardInterrupt", "")
            }
        }
        ns.members["compile"] = .builtin(Builtin("compile") { args in
            let b = try args.bind("compile", ["pattern", "flags"], required: 2)
            let flags: Int
            switch b.values["flags"] ?? .int(0) {
            case .int(let f): flags = f
            case .bool(let f): flags = f ? 1 : 0
            case let v: throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer")
            }
            return .object(try PatternObject.compile(b.values["pattern"] ?? .none, flags: flags))
        })
        ns.members["error"] = .object(PyType.exception("re.error"))
        ns.members["Pattern"] = .object(PatternObject.type)
        ns.members["Match"] = .object(MatchObject.type)
        ns.members["MAXREPEAT"] = .int(RegexLimits.maxRepeat)
        ns.members["MAXGROUPS"] = .int(RegexLimits.maxGroups)
        return ns
    }
}
