/// CPython's `re` flag bits (`re._constants`, `sre_constants.h`).
public struct RegexFlags: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let template = RegexFlags(rawValue: 1)
    public static let ignoreCase = RegexFlags(rawValue: 2)
    public static let locale = RegexFlags(rawValue: 4)
    public static let multiline = RegexFlags(rawValue: 8)
    public static let dotAll = RegexFlags(rawValue: 16)
    public static let unicode = RegexFlags(rawValue: 32)
    public static let verbose = RegexFlags(rawValue: 64)
    public static let debug = RegexFlags(rawValue: 128)
    public static let ascii = RegexFlags(rawValue: 256)

    static let typeFlags: RegexFlags = [.ascii, .locale, .unicode]
    static let globalFlags: RegexFlags = [.debug, .template]

    /// The inline letter of each flag (`(?i)`), as sre_parse's FLAGS table.
    static func inline(_ c: UInt32) -> RegexFlags? {
        switch c {
        case 0x69: return .ignoreCase  // i
        case 0x4C: return .locale      // L
        case 0x6D: return .multiline   // m
        case 0x73: return .dotAll      // s
        case 0x78: return .verbose     // x
        case 0x61: return .ascii       // a
        case 0x74: return .template    // t
        case 0x75: return .unicode     // u
        default: return nil
        }
    }
}

/// sre's limits on 64-bit builds (`_sre.MAXREPEAT`, `_sre.MAXGROUPS`).
public enum RegexLimits {
    public static let maxRepeat = 4_294_967_295
    public static let maxGroups = 1_073_741_823
    /// `getwidth`'s ceiling (`MAXWIDTH = 1 << 64` in 3.11): widths saturate here.
    static let maxWidth = Int.max
}

/// A compile error of a pattern or a replacement template, as CPython raises it.
public enum RegexError: Error, Equatable {
    /// `re.error(msg, pattern, pos)`; `position` nil for the errors the compiler raises without one.
    case syntax(String, position: Int?)
    /// `OverflowError` (a repetition count past MAXREPEAT).
    case overflow(String)
    /// `ValueError` (incompatible flags).
    case value(String)
    /// `IndexError` (`unknown group name 'x'` in a template).
    case index(String)
    /// What nnsh cannot express over PCRE2 (said plainly instead of matching differently).
    case unsupported(String)
    /// `RecursionError`: groups nested deeper than CPython's parser recurses (about 495 levels).
    case recursion
    /// A match that backtracked past nnsh's limit (CPython's would run on for hours).
    case backtrackLimit(String)
}

/// One item of a parsed pattern: sre_parse's (opcode, argument) pairs as a tree.
indirect enum PatternNode {
    case literal(UInt32)
    case notLiteral(UInt32)
    case set(negated: Bool, items: [SetItem])
    case any
    case at(Anchor)
    case repetition(min: Int, max: Int, kind: RepeatKind, body: [PatternNode])
    /// A capturing group (`index` set) or a group that scopes flags (`(?i:…)`) or only groups.
    case group(index: Int?, add: RegexFlags, remove: RegexFlags, body: [PatternNode])
    case atomic([PatternNode])
    case lookaround(behind: Bool, negated: Bool, body: [PatternNode])
    case groupReference(Int)
    case conditional(group: Int, yes: [PatternNode], no: [PatternNode]?)
    case branch([[PatternNode]])

    var isAnchor: Bool { if case .at = self { return true }; return false }
    var isRepeat: Bool { if case .repetition = self { return true }; return false }
}

enum SetItem: Equatable {
    case literal(UInt32)
    case range(UInt32, UInt32)
    case category(Category)
}

enum Category: Equatable { case digit, notDigit, space, notSpace, word, notWord }

enum Anchor { case beginning, end, beginningString, endString, boundary, nonBoundary }

enum RepeatKind { case greedy, lazy, possessive }

/// `SubPattern.getwidth`: the fewest and most code points a sequence can match, saturating.
func width(_ nodes: [PatternNode], groupWidths: [(Int, Int)?]) -> (Int, Int) {
    var lo = 0, hi = 0
    func add(_ a: Int, _ b: Int) -> Int { let (s, o) = a.addingReportingOverflow(b); return o ? RegexLimits.maxWidth : s }
    func mul(_ a: Int, _ b: Int) -> Int { let (s, o) = a.multipliedReportingOverflow(by: b); return o ? RegexLimits.maxWidth : s }
    for node in nodes {
        switch node {
        case .branch(let alternatives):
            var i = RegexLimits.maxWidth, j = 0
            for a in alternatives {
                let (l, h) = width(a, groupWidths: groupWidths)
                i = min(i, l)
                j = max(j, h)
            }
            lo = add(lo, i); hi = add(hi, j)
        case .atomic(let body), .group(_, _, _, let body):
            let (i, j) = width(body, groupWidths: groupWidths)
            lo = add(lo, i); hi = add(hi, j)
        case .repetition(let min, let max, _, let body):
            let (i, j) = width(body, groupWidths: groupWidths)
            lo = add(lo, mul(i, min))
            if max == RegexLimits.maxRepeat && j != 0 { hi = RegexLimits.maxWidth } else { hi = add(hi, mul(j, max)) }
        case .literal, .notLiteral, .set, .any:
            lo = add(lo, 1); hi = add(hi, 1)
        case .groupReference(let g):
            if g < groupWidths.count, let (i, j) = groupWidths[g] { lo = add(lo, i); hi = add(hi, j) }
        case .conditional(_, let yes, let no):
            var (i, j) = width(yes, groupWidths: groupWidths)
            if let no {
                let (l, h) = width(no, groupWidths: groupWidths)
                i = min(i, l)
                j = max(j, h)
            } else {
                i = 0
            }
            lo = add(lo, i); hi = add(hi, j)
        case .at, .lookaround:
            break
        }
    }
    return (lo, hi)
}
