import Foundation

/// Python's `str` is a sequence of code points; Swift's `String` is a sequence of grapheme clusters
/// and its `==` and `<` treat canonically equivalent text as equal (`"é" == "e\u{301}"`). Every
/// operation that gives a `str` its Python meaning — equality, ordering, indexing, iteration,
/// searching, splitting, replacing, widths — goes through this file, on code points.
///
/// Searching works on UTF-8 bytes: UTF-8 is self-synchronising, so an occurrence of a valid needle in a
/// valid text always starts and ends on code-point boundaries, and byte order is code-point order.
extension String {
    /// Python's `==`: the same code points.
    /// Byte equality of the UTF-8 (Swift's `==` is canonical equivalence: `"é" == "e\u{301}"`).
    @inline(__always) func codePointsEqual(_ other: String) -> Bool {
        let n = utf8.count
        guard n == other.utf8.count else { return false }
        if let same = utf8.withContiguousStorageIfAvailable({ a in
            other.utf8.withContiguousStorageIfAvailable { b in
                guard let pa = a.baseAddress, let pb = b.baseAddress else { return n == 0 }
                return memcmp(pa, pb, n) == 0
            }
        }), let same { return same }
        return utf8.elementsEqual(other.utf8)
    }

    /// Python's ordering: -1, 0 or 1, comparing code point by code point.
    func codePointOrder(_ other: String) -> Int {
        if utf8.elementsEqual(other.utf8) { return 0 }
        return utf8.lexicographicallyPrecedes(other.utf8) ? -1 : 1
    }

    /// The number of code points (`len`).
    var codePointCount: Int { unicodeScalars.count }

    /// The code points as an array, for indexing and slicing.
    var codePoints: [Unicode.Scalar] { Array(unicodeScalars) }

    init<S: Sequence>(codePoints: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: codePoints)
        self = String(view)
    }

    /// Byte ranges of the non-overlapping occurrences of a non-empty `needle`, scanning from the left
    /// (or from the right, as `rsplit` and `rpartition` do), at most `limit` of them (negative: all).
    func occurrences(of needle: String, limit: Int = -1, fromRight: Bool = false) -> [Range<Int>] {
        let text = Array(utf8), pattern = Array(needle.utf8)
        let m = pattern.count, n = text.count
        guard m > 0, m <= n, limit != 0 else { return [] }
        var found = [Range<Int>]()
        func matches(at i: Int) -> Bool {
            var k = 0
            while k < m && text[i + k] == pattern[k] { k += 1 }
            return k == m
        }
        if fromRight {
            var i = n - m
            while i >= 0 {
                if text[i] == pattern[0] && matches(at: i) {
                    found.append(i..<(i + m))
                    if found.count == limit { break }
                    i -= m
                } else { i -= 1 }
            }
            found.reverse()
        } else {
            var i = 0
            while i <= n - m {
                if text[i] == pattern[0] && matches(at: i) {
                    found.append(i..<(i + m))
                    if found.count == limit { break }
                    i += m
                } else { i += 1 }
            }
        }
        return found
    }

    /// `str.split(sep, maxsplit)` / `rsplit` with an explicit non-empty separator.
    func pythonSplit(separator: String, maxsplit: Int, fromRight: Bool) -> [String] {
        let cuts = occurrences(of: separator, limit: maxsplit, fromRight: fromRight)
        let bytes = Array(utf8)
        var parts = [String](), start = 0
        for r in cuts {
            parts.append(String(decoding: bytes[start..<r.lowerBound], as: UTF8.self))
            start = r.upperBound
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// `str.replace(old, new, count)`; an empty `old` matches before every code point and at the end.
    /// `reserve` sees the result's size in bytes before it is built (the memory cap's check).
    func pythonReplacing(_ old: String, with new: String, count: Int, reserve: (Int) throws -> Void) rethrows -> String {
        if old.isEmpty {
            let n = codePointCount, inserts = count < 0 ? n + 1 : Swift.min(count, n + 1)
            let (grown, o1) = inserts.multipliedReportingOverflow(by: new.utf8.count)
            try reserve(o1 ? Int.max : grown.addingReportingOverflow(utf8.count).partialValue)
            var out = "", inserted = 0
            for c in unicodeScalars {
                if count < 0 || inserted < count { out += new; inserted += 1 }
                out.unicodeScalars.append(c)
            }
            if count < 0 || inserted < count { out += new }
            return out
        }
        let cuts = occurrences(of: old, limit: count)
        if cuts.isEmpty { return self }
        let (grown, o1) = cuts.count.multipliedReportingOverflow(by: new.utf8.count)
        try reserve(o1 ? Int.max : grown.addingReportingOverflow(utf8.count).partialValue)
        let bytes = Array(utf8)
        var out = [UInt8](), start = 0
        out.reserveCapacity(bytes.count)
        for r in cuts {
            out.append(contentsOf: bytes[start..<r.lowerBound])
            out.append(contentsOf: new.utf8)
            start = r.upperBound
        }
        out.append(contentsOf: bytes[start...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `str.partition` / `rpartition`: the text before and after the first (last) separator, or nil.
    func pythonPartition(_ separator: String, fromRight: Bool) -> (String, String)? {
        guard let r = occurrences(of: separator, limit: 1, fromRight: fromRight).first else { return nil }
        let bytes = Array(utf8)
        return (String(decoding: bytes[..<r.lowerBound], as: UTF8.self), String(decoding: bytes[r.upperBound...], as: UTF8.self))
    }

    /// Python's `in` for strings.
    func pythonContains(_ sub: String) -> Bool { sub.isEmpty || !occurrences(of: sub, limit: 1).isEmpty }

    /// `str.startswith` / `removeprefix` on code points.
    func codePointsHavePrefix(_ p: String) -> Bool { utf8.starts(with: p.utf8) }
    func codePointsHaveSuffix(_ p: String) -> Bool { utf8.reversed().starts(with: p.utf8.reversed()) }

    /// Python's `str.splitlines(keepends)`: \n, \r, \r\n, \v, \f, \x1c–\x1e, \x85, U+2028 and U+2029 end lines.
    func pythonSplitLines(keepEnds: Bool) -> [String] {
        let u = codePoints
        var lines = [String](), start = 0, i = 0
        while i < u.count {
            let v = u[i].value
            let isBreak = (0x0A...0x0D).contains(v) || (0x1C...0x1E).contains(v) || v == 0x85 || v == 0x2028 || v == 0x2029
            guard isBreak else { i += 1; continue }
            let endOfBreak = v == 0x0D && i + 1 < u.count && u[i + 1].value == 0x0A ? i + 2 : i + 1
            lines.append(String(codePoints: u[start..<(keepEnds ? endOfBreak : i)]))
            start = endOfBreak
            i = endOfBreak
        }
        if start < u.count { lines.append(String(codePoints: u[start...])) }
        return lines
    }
}

extension Unicode.Scalar {
    /// `str.isspace`: CPython's table is White_Space plus the bidirectional separators U+001C–U+001F.
    var isPythonSpace: Bool { properties.isWhitespace || (0x1C...0x1F).contains(value) }

    /// `str.isalpha`: the letter categories Lu, Ll, Lt, Lm, Lo.
    var isPythonAlpha: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}

/// `str.title()`: each code point after a cased one lower-cased, every other one title-cased (CPython's
/// rule, so `"they're"` becomes `"They'Re"`, unlike Foundation's word-based `capitalized`).
func pythonTitle(_ s: String) -> String {
    var out = "", previousCased = false
    for c in s.unicodeScalars {
        let p = c.properties
        out += previousCased ? p.lowercaseMapping : p.titlecaseMapping
        previousCased = p.isCased
    }
    return out
}

/// `str.lower()`: each code point's full lower-case mapping, with CPython's final-sigma rule (a capital
/// sigma after a cased letter and not before one, case-ignorable code points skipped, is `ς`).
func pythonLower(_ s: String) -> String {
    // Swift's lowercased() is the same per-code-point full mapping; only a capital sigma needs context.
    if !s.unicodeScalars.contains("\u{3A3}") { return s.lowercased() }
    let u = s.codePoints
    var out = ""
    for (i, c) in u.enumerated() {
        guard c.value == 0x3A3 else { out += c.properties.lowercaseMapping; continue }
        func casedNeighbour(_ indices: some Sequence<Int>) -> Bool {
            for j in indices {
                let p = u[j].properties
                if p.isCaseIgnorable { continue }
                return p.isCased
            }
            return false
        }
        let final = casedNeighbour(stride(from: i - 1, through: 0, by: -1)) && !casedNeighbour(stride(from: i + 1, to: u.count, by: 1))
        out += final ? "\u{3C2}" : "\u{3C3}"
    }
    return out
}
