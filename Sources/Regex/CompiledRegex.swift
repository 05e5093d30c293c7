import CPCRE2
#if canImport(Glibc)
import Glibc
#endif

/// A Python pattern compiled: sre_parse's reading of it, translated to PCRE2 and compiled there
/// (JIT where the CPU has it). Subjects are arrays of code points — a str's characters or a bytes
/// object's bytes — so every offset is a Python index.
public final class CompiledRegex {
    public let pattern: [UInt32]
    public let isText: Bool
    /// The flags after parsing: inline global flags added, UNICODE added to a str pattern without ASCII.
    public let flags: RegexFlags
    /// Capturing groups (group 0 not counted), as `Pattern.groups`.
    public let groups: Int
    /// Named groups in the order they were defined.
    public let groupNames: [(String, Int)]
    /// The PCRE2 pattern the Python one became (for tests and for bug reports).
    public let translated: String

    private let code: OpaquePointer
    private let matchData: OpaquePointer
    private let usesJIT: Bool

    /// Called between attempts of a long backtracking match, so Ctrl-C can stop it.
    nonisolated(unsafe) public static var interruptCheck: (() throws -> Void)?

    public init(_ pattern: [UInt32], isText: Bool, flags: RegexFlags) throws {
        if flags.contains(.debug) { throw RegexError.unsupported("re.DEBUG (printing the compiled pattern) is not supported by nnsh") }
        if flags.contains(.template) { throw RegexError.unsupported("re.TEMPLATE is not supported by nnsh") }
        var parser = try PatternParser(pattern, isText: isText, flags: flags)
        let nodes = try parser.parse()
        let state = parser.state
        self.pattern = pattern
        self.isText = isText
        self.flags = state.flags
        groups = state.groups - 1
        groupNames = state.groupNames.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }

        let utf = isText && !state.flags.contains(.ascii)
        var translation = PCRE2Translation(utf: utf, groupWidths: state.groupWidths)
        if state.flags.contains(.ignoreCase) { translation.textPrefix() }
        try translation.emit(nodes, state.flags)
        translated = translation.text

        var options: UInt32 = UInt32(PCRE2_ALT_CIRCUMFLEX)
        if utf { options |= UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP) | UInt32(PCRE2_NO_UTF_CHECK) }
        let units = Array(translated.unicodeScalars.map(\.value))
        let context = pcre2_compile_context_create_32(nil)
        defer { pcre2_compile_context_free_32(context) }
        pcre2_set_newline_32(context, UInt32(PCRE2_NEWLINE_LF))
        // The translation adds a group around each repeat and alternation; CPython's parser stops at ~495 levels.
        pcre2_set_parens_nest_limit_32(context, 4 * UInt32(PatternParser.maxDepth))
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = units.withUnsafeBufferPointer { buf in
            pcre2_compile_32(buf.baseAddress, buf.count, options, &errorCode, &errorOffset, context)
        }
        guard let compiled else {
            var message = [UInt32](repeating: 0, count: 256)
            let n = pcre2_get_error_message_32(errorCode, &message, message.count)
            let text = String(String.UnicodeScalarView(message.prefix(max(0, Int(n))).compactMap(Unicode.Scalar.init)))
            throw RegexError.unsupported("PCRE2, which runs nnsh's regular expressions, cannot compile this pattern: \(text)")
        }
        code = compiled
        usesJIT = pcre2_jit_compile_32(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        guard let data = pcre2_match_data_create_from_pattern_32(compiled, nil) else {
            pcre2_code_free_32(compiled)
            throw RegexError.unsupported("PCRE2 could not allocate match data")
        }
        matchData = data
    }

    deinit {
        pcre2_match_data_free_32(matchData)
        pcre2_code_free_32(code)
    }

    public enum Anchoring { case search, match, fullMatch }

    /// One match attempt as `_sre`'s search/match/fullmatch make it, over `subject[..<end]` from
    /// `start`. `notEmptyAtStart` is sre's `must_advance` after an empty match. The result holds
    /// (start, end) for group 0 and each group, -1 for a group that did not take part.
    public func match(_ subject: [UInt32], start: Int, end: Int, anchoring: Anchoring, notEmptyAtStart: Bool = false) throws -> [Int]? {
        var options: UInt32 = 0
        switch anchoring {
        case .search: break
        case .match: options |= UInt32(PCRE2_ANCHORED)
        case .fullMatch: options |= UInt32(PCRE2_ANCHORED) | UInt32(PCRE2_ENDANCHORED)
        }
        if notEmptyAtStart { options |= UInt32(PCRE2_NOTEMPTY_ATSTART) }
        if isText && !flags.contains(.ascii) { options |= UInt32(PCRE2_NO_UTF_CHECK) }
        let length = min(max(end, 0), subject.count)
        let from = min(max(start, 0), length)
        var rc = try run(subject, length: length, start: from, options: options, jit: usesJIT)
        if rc == PCRE2_ERROR_JIT_STACKLIMIT { rc = try run(subject, length: length, start: from, options: options, jit: false) }
        if rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL { return nil }
        if rc < 0 { throw RegexError.unsupported("PCRE2 matching failed (error \(rc))") }
        let vector = pcre2_get_ovector_pointer_32(matchData)!
        let pairs = Int(pcre2_get_ovector_count_32(matchData))
        let unset = nnsh_pcre2_unset()
        var spans = [Int](repeating: -1, count: 2 * (groups + 1))
        for g in 0..<min(pairs, groups + 1) {
            let s = vector[2 * g], e = vector[2 * g + 1]
            if s != unset && e != unset && g < Int(rc) {
                spans[2 * g] = Int(s)
                spans[2 * g + 1] = Int(e)
            }
        }
        return spans
    }

    /// Runs the matcher with a backtracking limit that grows tenfold between attempts (about 11%
    /// extra work), checking for Ctrl-C between them: one pcre2_match call cannot be interrupted.
    private func run(_ subject: [UInt32], length: Int, start: Int, options: UInt32, jit: Bool) throws -> Int32 {
        var limit: UInt32 = 10_000_000
        while true {
            let context = MatchResources.current.context
            pcre2_set_match_limit_32(context, limit)
            pcre2_set_depth_limit_32(context, limit)
            let rc: Int32 = subject.withUnsafeBufferPointer { buf in
                let base = buf.baseAddress ?? UnsafePointer(MatchResources.current.emptySubject)
                return pcre2_match_32(code, base, length, start, options | (jit ? 0 : UInt32(PCRE2_NO_JIT)), matchData, context)
            }
            guard rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT else { return rc }
            try CompiledRegex.interruptCheck?()
            if limit >= 4_000_000_000 {
                throw RegexError.backtrackLimit("the regular expression backtracked more than 4 000 000 000 steps on this string (catastrophic backtracking); nnsh stopped it")
            }
            limit = limit > 400_000_000 ? 4_000_000_000 : limit * 10
        }
    }
}

/// The match context and the JIT stack, one per thread (an interpreter runs one match at a time;
/// tests run sessions on several threads), shared by the patterns that thread matches.
private final class MatchResources {
    let context: OpaquePointer
    private let stack: OpaquePointer?
    let emptySubject: UnsafeMutablePointer<UInt32>

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<MatchResources>.fromOpaque(pointer).release()
        }
        return key
    }()

    static var current: MatchResources {
        if let p = pthread_getspecific(key) { return Unmanaged<MatchResources>.fromOpaque(p).takeUnretainedValue() }
        let r = MatchResources()
        pthread_setspecific(key, Unmanaged.passRetained(r).toOpaque())
        return r
    }

    private init() {
        context = pcre2_match_context_create_32(nil)!
        stack = pcre2_jit_stack_create_32(32 * 1024, 64 * 1024 * 1024, nil)
        if let stack { pcre2_jit_stack_assign_32(context, nil, UnsafeMutableRawPointer(stack)) }
        emptySubject = .allocate(capacity: 1)
        emptySubject.initialize(to: 0)
    }

    deinit {
        pcre2_match_context_free_32(context)
        if let stack { pcre2_jit_stack_free_32(stack) }
        emptySubject.deallocate()
    }
}

extension PCRE2Translation {
    /// A global IGNORECASE is written as an inline option, so groups can turn it off again.
    mutating func textPrefix() { appendRaw("(?i)") }
}

/// Successive non-overlapping matches, as `_sre`'s finditer, findall, sub and split step: each
/// search starts where the last match ended, and after an empty match the next may not be empty
/// at that same place (sre's `must_advance`), so `x*` over "axb" matches "", "x", "", "".
public struct MatchScanner {
    public private(set) var position: Int
    private var mustAdvance = false
    private var done = false
    public let end: Int

    public init(start: Int, end: Int) {
        position = start
        self.end = end
    }

    public mutating func next(_ regex: CompiledRegex, _ subject: [UInt32]) throws -> [Int]? {
        guard !done, position <= end else { return nil }
        guard let spans = try regex.match(subject, start: position, end: end, anchoring: .search, notEmptyAtStart: mustAdvance) else {
            done = true
            return nil
        }
        mustAdvance = spans[1] == spans[0]
        position = spans[1]
        return spans
    }
}
