import Foundation

/// `nnsh --doctest DOC`: runs the `>>> ` examples of a text or Markdown file in one session, as Python's
/// doctest does: an example is a `>>> ` line and its `... ` lines; its expected output is the lines after it
/// up to a blank line, the next `>>> ` or a code fence; `<BLANKLINE>` stands for an empty output line;
/// an expected `Traceback (most recent call last):` matches any traceback ending in the same last line.
/// In Markdown, a `<!-- doctest: skip -->` line skips the fenced block after it (recorded interactive
/// sessions with Tab presses and Ctrl-C, which are illustrations, not tests).
public enum Doctest {
    public struct Example: Equatable {
        /// 1-based line of the `>>> ` line.
        public var line: Int
        public var source: String
        public var expected: String
    }

    public static func examples(in text: String) -> [Example] {
        // Universal newlines, as Python reads the file: to Swift "\r\n" is one Character, so a CRLF
        // file would otherwise be one long line with no examples in it.
        let unified = text.pythonReplacing("\r\n", with: "\n", count: -1) { _ in }
            .pythonReplacing("\r", with: "\n", count: -1) { _ in }
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = [Example]()
        var i = 0
        func indentAndRest(_ s: String) -> (Int, Substring) {
            let indent = s.prefix { $0 == " " }.count
            return (indent, s.dropFirst(indent))
        }
        while i < lines.count {
            if lines[i].trimmingCharacters(in: .whitespaces) == "<!-- doctest: skip -->" {
                var fences = 0
                i += 1
                while i < lines.count && fences < 2 {
                    if lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("```") { fences += 1 }
                    i += 1
                }
                continue
            }
            let (indent, rest) = indentAndRest(lines[i])
            guard rest == ">>>" || rest.hasPrefix(">>> ") else { i += 1; continue }
            let start = i + 1
            var source = [String(rest.dropFirst(4))]
            i += 1
            while i < lines.count {
                let (ind, r) = indentAndRest(lines[i])
                guard ind == indent, r == "..." || r.hasPrefix("... ") else { break }
                source.append(String(r.dropFirst(4)))
                i += 1
            }
            var expected = [String]()
            while i < lines.count {
                let l = lines[i]
                let trimmed = l.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed == ">>>" || trimmed.hasPrefix(">>> ") || trimmed.hasPrefix("```") { break }
                var e = String(l.dropFirst(Swift.min(indent, l.prefix { $0 == " " }.count)))
                if e == "<BLANKLINE>" { e = "" }
                expected.append(e)
                i += 1
            }
            while source.last?.trimmingCharacters(in: .whitespaces).isEmpty == true && source.count > 1 { source.removeLast() }
            // Like Python's doctest, an example that is only comments and blank lines is no test.
            if source.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) { continue }
            out.append(Example(line: start, source: source.joined(separator: "\n"),
                               expected: expected.isEmpty ? "" : expected.joined(separator: "\n") + "\n"))
        }
        return out
    }

    /// Whether `got` matches `expected` (trailing spaces ignored; tracebacks by their last line).
    static func matches(_ expected: String, _ got: String) -> Bool {
        func norm(_ s: String) -> [String] {
            var ls = s.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            }
            while ls.last == "" { ls.removeLast() }
            return ls
        }
        let e = norm(expected), g = norm(got)
        if e.first == "Traceback (most recent call last):" {
            return g.contains("Traceback (most recent call last):") && g.last == e.last
        }
        return e == g
    }

    /// A line diff (`-` expected, `+` got, ` ` both) from a longest common subsequence.
    static func diff(_ expected: String, _ got: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(expected.hasSuffix("\n") ? 1 : 0)
        let b = got.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(got.hasSuffix("\n") ? 1 : 0)
        // The common head and tail are shown as they are; only the middle needs a subsequence table,
        // and one past 4 million cells (a 30 000-line mismatch needed 7 GB) is shown as removed then added.
        let fullX = Array(a), fullY = Array(b)
        var h = 0
        while h < fullX.count && h < fullY.count && fullX[h] == fullY[h] { h += 1 }
        var t = 0
        while t < fullX.count - h && t < fullY.count - h && fullX[fullX.count - 1 - t] == fullY[fullY.count - 1 - t] { t += 1 }
        let x = Array(fullX[h..<(fullX.count - t)]), y = Array(fullY[h..<(fullY.count - t)])
        let shownHead = fullX[..<h].map { "     " + $0 }, shownTail = fullX[(fullX.count - t)...].map { "     " + $0 }
        if x.count.multipliedReportingOverflow(by: y.count).partialValue > 4_000_000 || x.count > 1 << 31 || y.count > 1 << 31 {
            return (shownHead + x.map { "    -" + $0 } + y.map { "    +" + $0 } + shownTail).joined(separator: "\n") + "\n"
        }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : Swift.max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out = [String](), i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count && j < y.count && x[i] == y[j] { out.append("     " + x[i]); i += 1; j += 1 }
            else if i < x.count && (j == y.count || lcs[i + 1][j] >= lcs[i][j + 1]) { out.append("    -" + x[i]); i += 1 }
            else { out.append("    +" + y[j]); j += 1 }
        }
        return (shownHead + out + shownTail).joined(separator: "\n") + "\n"
    }

    /// Runs every example of `text` in one session; reports failures (with a diff) and a summary through
    /// `write`. Returns 0 when all pass, 1 otherwise.
    public static func run(_ text: String, file: String, write: @escaping (String) -> Void) -> Int32 {
        var got = ""
        let session = Session(file: file, write: { got += $0 }, writeError: { got += $0 })
        session.interpreter.pictures.isTerminal = false
        var passed = 0, failed = 0
        let name = (file as NSString).lastPathComponent
        for ex in examples(in: text) {
            got = ""
            if case .exit = session.run(ex.source + "\n", file: "<doctest \(name)[line \(ex.line)]>", echo: true) {
                got += "SystemExit\n"
            }
            if matches(ex.expected, got) { passed += 1; continue }
            failed += 1
            let indented = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).dropLast(s.hasSuffix("\n") ? 1 : 0).map { "    " + $0 }.joined(separator: "\n") + "\n" }
            write(String(repeating: "*", count: 70) + "\n")
            write("File \"\(file)\", line \(ex.line), in \(name)\nFailed example:\n")
            write(indented(ex.source))
            write(ex.expected.isEmpty ? "Expected nothing\n" : "Expected:\n" + indented(ex.expected))
            write(got.isEmpty ? "Got nothing\n" : "Got:\n" + indented(got))
            write("Differences (- expected, + got):\n" + diff(ex.expected, got))
        }
        if failed > 0 { write(String(repeating: "*", count: 70) + "\n") }
        write("\(passed) passed, \(failed) failed\n")
        return failed == 0 ? 0 : 1
    }
}
