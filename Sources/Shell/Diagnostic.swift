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

    /// `sources` holds the text of other files the frames may point into (imported modules).
    public static func render(_ e: PythonError, source: String, file: String, sources: [String: String] = [:],
                              outerFunction: String = "<module>") -> String {
        var out = "Traceback (most recent call last):\n"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        // The module's frame (or the function that caught it), then each Python function the error
        // left, outermost first.
        var entries = [(file, outerFunction, e.location)]
        for f in e.frames.reversed() { entries.append((f.file, f.function, f.location)) }
        var otherFiles: [String: [Substring]] = [:]
        for (frameFile, function, location) in entries {
            guard let loc = location else { continue }
            out += "  File \"\(frameFile)\", line \(loc.line), in \(function)\n"
            var frameLines = lines
            if frameFile != file {
                if otherFiles[frameFile] == nil, let text = sources[frameFile] {
                    otherFiles[frameFile] = text.split(separator: "\n", omittingEmptySubsequences: false)
                }
                frameLines = otherFiles[frameFile] ?? []
            }
            if loc.line >= 1 && loc.line <= frameLines.count {
                let (text, shift) = trimmed(String(frameLines[loc.line - 1]))
                out += "    \(text)\n"
                out += "    " + String(repeating: " ", count: Swift.max(0, loc.column - 1 - shift)) + "^\n"
            }
        }
        // A syntax error in an imported file: its own location block ends the report.
        if let syntax = e.syntax { return out + render(syntax) }
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
