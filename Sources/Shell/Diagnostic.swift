import Syntax

/// The one place errors become text: a Python-style traceback line, the source line and a caret.
public enum Diagnostic {
    public static func render(_ e: SyntaxError) -> String {
        var out = "  File \"\(e.file)\", line \(e.line)\n"
        if let line = e.sourceLine {
            let (text, shift) = trimmed(line)
            out += "    \(text)\n"
            out += "    " + String(repeating: " ", count: Swift.max(0, e.column - 1 - shift)) + "^\n"
        }
        return out + "SyntaxError: \(e.message)\n"
    }

    public static func render(_ e: PythonError, source: String, file: String) -> String {
        var out = "Traceback (most recent call last):\n"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        // The module's frame, then each Python function the error left, outermost first.
        var entries = [(file, "<module>", e.location)]
        for f in e.frames.reversed() { entries.append((f.file, f.function, f.location)) }
        for (frameFile, function, location) in entries {
            guard let loc = location else { continue }
            out += "  File \"\(frameFile)\", line \(loc.line), in \(function)\n"
            if frameFile == file && loc.line >= 1 && loc.line <= lines.count {
                let (text, shift) = trimmed(String(lines[loc.line - 1]))
                out += "    \(text)\n"
                out += "    " + String(repeating: " ", count: Swift.max(0, loc.column - 1 - shift)) + "^\n"
            }
        }
        return out + e.description + "\n"
    }

    /// The line without leading blanks (as Python shows it) and how many were removed.
    private static func trimmed(_ line: String) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        let lead = scalars.prefix { $0 == " " || $0 == "\t" }.count
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars.dropFirst(lead).prefix(500))
        return (s, lead)
    }
}
