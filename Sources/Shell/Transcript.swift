import Foundation
import Syntax

/// One REPL entry of a script: a top-level statement (with its continuation lines) or a lone comment line.
public struct ScriptChunk: Equatable {
    /// 1-based line of the chunk's first line in the script.
    public var line: Int
    /// The source lines (blank lines inside a block dropped, as an interactive session can't have them).
    public var lines: [String]
    /// A comment-only line (shown, never run).
    public var isComment: Bool
    /// An `if`/`for`/`while`/`def`: an interactive session ends it with an empty `...` line.
    public var isCompound: Bool
    /// A blank line comes before it in the script (a new notebook cell starts here).
    public var startsParagraph: Bool
}

/// Splits a script into interactive entries. `scripts/golden/make_tutorial_golden.py` does the same with
/// Python's `ast`, so nnsh's and Python's transcripts line up: statements start where the parser says;
/// a statement runs to the line before the next one, minus trailing blank and comment-only lines,
/// which become comment entries of their own.
public func scriptChunks(_ source: String, file: String = "<string>") throws -> [ScriptChunk] {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let statements = try parse(source, file: file)
    var starts = [Int]()
    var compound = Set<Int>()
    for s in statements {
        let l = s.location.line
        if starts.last != l { starts.append(l) }
        switch s {
        case .if, .for, .while, .functionDef, .classDef, .decorated, .try: compound.insert(l)
        default: break
        }
    }
    func isBlank(_ s: String) -> Bool { s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
    func isComment(_ s: String) -> Bool { s.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }
    var chunks = [ScriptChunk]()
    var blankBefore = false
    /// Comment and blank lines in 1-based `range` (gaps between statements).
    func gap(_ range: Range<Int>) {
        for n in range where n >= 1 && n <= lines.count {
            let text = lines[n - 1]
            if isBlank(text) { blankBefore = true; continue }
            if isComment(text) {
                chunks.append(ScriptChunk(line: n, lines: [text.trimmingCharacters(in: .whitespaces)], isComment: true,
                                          isCompound: false, startsParagraph: blankBefore))
                blankBefore = false
            }
        }
    }
    var next = 1
    for (i, start) in starts.enumerated() {
        gap(next..<start)
        var end = (i + 1 < starts.count ? starts[i + 1] : lines.count + 1) - 1
        while end > start && (isBlank(lines[end - 1]) || isComment(lines[end - 1])) { end -= 1 }
        let body = (start...end).compactMap { n -> String? in
            n <= lines.count && !isBlank(lines[n - 1]) ? lines[n - 1] : nil
        }
        chunks.append(ScriptChunk(line: start, lines: body, isComment: false, isCompound: compound.contains(start),
                                  startsParagraph: blankBefore))
        blankBefore = false
        next = end + 1
    }
    gap(next..<(lines.count + 1))
    return chunks
}

extension ScriptChunk {
    /// The entry as typed at the prompt: `>>> ` first, `... ` after, and a closing `...` for blocks.
    public var prompted: String {
        var out = lines.enumerated().map { ($0.offset == 0 ? ">>> " : "... ") + $0.element }
        if isCompound { out.append("...") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Source that, run on its own, reports errors at the script's line numbers.
    public var paddedSource: String {
        String(repeating: "\n", count: line - 1) + lines.joined(separator: "\n") + "\n"
    }
}

/// `nnsh --transcript` and `nnsh --markdown`: a script shown as an interactive session or as a notebook.
public enum Transcript {
    /// Runs `source` entry by entry, writing each after `>>> ` / `... ` followed by what it printed or
    /// echoed. Errors are shown in the transcript and stop it. Returns the exit status.
    public static func run(_ source: String, file: String, write: @escaping (String) -> Void) -> Int32 {
        let chunks: [ScriptChunk]
        do { chunks = try scriptChunks(source, file: file) } catch {
            return Session(file: file, write: write, writeError: write).run(source) == .ok ? 0 : 1
        }
        let session = Session(file: file, write: write, writeError: write)
        for c in chunks {
            write(c.prompted)
            if c.isComment { continue }
            switch session.run(c.paddedSource, echo: true) {
            case .ok: continue
            case .failed(let kind): return kind == "KeyboardInterrupt" ? 130 : 1
            case .exit(let code): return code
            }
        }
        return 0
    }

    /// A Markdown notebook: paragraphs of the script become cells (```python), each followed by its
    /// output (```) and links to the pictures it saved or showed. `show()` pictures without a path are
    /// written to `NAME_files/figN.png` (relative to the current directory, where `> out.md` usually lands).
    public static func markdown(_ source: String, file: String, write: @escaping (String) -> Void) -> Int32 {
        let chunks: [ScriptChunk]
        do { chunks = try scriptChunks(source, file: file) } catch {
            return Session(file: file, write: write, writeError: write).run(source) == .ok ? 0 : 1
        }
        var output = ""
        let session = Session(file: file, write: { output += $0 }, writeError: { output += $0 })
        var saved = [String]()
        let pictures = session.interpreter.pictures
        pictures.onSaved = { saved.append($0) }
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        pictures.autoSaveDirectory = base + "_files"
        pictures.isTerminal = false

        var cells = [[ScriptChunk]]()
        for c in chunks {
            if c.startsParagraph || cells.isEmpty { cells.append([c]) } else { cells[cells.count - 1].append(c) }
        }
        write("# \((file as NSString).lastPathComponent)\n")
        for cell in cells {
            write("\n")
            if cell.allSatisfy(\.isComment) {
                write(cell.map { proseLine($0.lines[0]) }.joined(separator: "\n") + "\n")
                continue
            }
            let code = cell.flatMap(\.lines).joined(separator: "\n")
            let codeFence = fence(for: code)
            write(codeFence + "python\n" + code + "\n" + codeFence + "\n")
            output = ""; saved = []
            var status: Int32? = nil
            for c in cell where !c.isComment {
                switch session.run(c.paddedSource, echo: true) {
                case .ok: continue
                case .failed(let kind): status = kind == "KeyboardInterrupt" ? 130 : 1
                case .exit(let code): status = code
                }
                break
            }
            if !output.isEmpty {
                let f = fence(for: output)
                write("\n" + f + "\n" + output + (output.hasSuffix("\n") ? "" : "\n") + f + "\n")
            }
            for p in saved { write("\n![\(markdownText((p as NSString).lastPathComponent))](\(markdownLinkTarget(PosixPath.relpath(p))))\n") }
            if let status { return status }
        }
        return 0
    }

    /// A code fence longer than any run of backticks in `text` (CommonMark: a fence closes only on a
    /// run at least as long), so output that itself contains ``` cannot end the block early.
    static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for c in text.utf8 {
            if c == UInt8(ascii: "`") { run += 1; longest = Swift.max(longest, run) } else { run = 0 }
        }
        return String(repeating: "`", count: Swift.max(3, longest + 1))
    }

    /// A link target with the characters that would end or break it percent-encoded (spaces,
    /// parentheses, angle brackets, `%` itself, control characters).
    static func markdownLinkTarget(_ path: String) -> String {
        var out = [UInt8]()
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "%"), UInt8(ascii: "["), UInt8(ascii: "]"), 0..<0x20, 0x7F:
                out += Array(String(format: "%%%02X", b).utf8)
            default:
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Link text with Markdown's brackets and backslash escaped.
    static func markdownText(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    /// A comment line as Markdown prose: `# ===== load img =====` becomes a `###` heading.
    static func proseLine(_ comment: String) -> String {
        var text = String(comment.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("=") || text.hasSuffix("=") {
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: "= "))
            return "### " + text
        }
        return text
    }
}
