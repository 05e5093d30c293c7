import CEditLine
import Foundation
import Shell
import Syntax

/// The interactive prompt: libedit line editing (emacs keys, Ctrl-R), a persistent history,
/// Tab completion, `... ` continuation lines, `%magics`, `name?` help, colours, and Ctrl-C
/// that cancels the line or interrupts a computation without losing any variable.
struct REPL {
    let quiet: Bool

    func loop() -> Int32 {
        let env = ProcessInfo.processInfo.environment
        let color = REPLTerminal.useColor(env)
        let session = Session(file: "<stdin>", write: { s in Output.write(s); Output.flush() },
                              writeError: { s in Output.writeError(color ? REPLTerminal.colorizeError(s) : s) })
        REPLState.interpreter = session.interpreter
        REPLTerminal.setUp()

        // No home folder: history for this session only (an empty path is never written).
        let history = HistoryFile(path: HistoryFile.defaultPath(environment: env) ?? "", cap: 5000)
        if let warning = history.load() { Output.writeError(warning + "\n") }
        stifle_history(Int32(history.cap))
        for e in history.entries { _ = add_history(e) }

        if !quiet {
            Output.write("\(nnshVersion) — type help() for help, Tab to complete, Ctrl-D to leave.\n")
            Output.flush()
        }
        let ps1 = color ? "\u{1}\u{1b}[1;32m\u{2}>>> \u{1}\u{1b}[0m\u{2}" : ">>> "
        let ps2 = color ? "\u{1}\u{1b}[33m\u{2}... \u{1}\u{1b}[0m\u{2}" : "... "

        let entries = EntryLog()
        let magics = Magics(session: session, history: { entries.items }, confirm: { question in
            guard let answer = REPLTerminal.readLine(question) else { return false }
            return answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y")
        })

        /// Records and runs one complete entry; returns an exit status to leave with.
        func submit(_ entry: String) -> Int32? {
            if entries.items.last != entry && history.entries.last != entry { _ = add_history(entry) }
            if let warning = history.append(entry) { Output.writeError(warning + "\n") }
            entries.items.append(entry)
            Interpreter.interruptRequested = false
            let outcome = magics.handle(entry) ?? session.run(entry + "\n", echo: true)
            Output.flush()
            if case .exit(let code) = outcome { return code }
            return nil
        }

        var pending = ""
        while true {
            Interpreter.interruptRequested = false
            guard let line = REPLTerminal.readLine(pending.isEmpty ? ps1 : ps2) else {
                Output.write("\n"); Output.flush()
                return 0
            }
            if REPLState.cancelled {
                REPLState.cancelled = false
                pending = ""
                Output.write("KeyboardInterrupt\n"); Output.flush()
                continue
            }
            if pending.isEmpty {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                // A recalled multi-line entry runs as it is.
                if line.contains("\n"), inputCompleteness(line + "\n\n") != .incomplete {
                    if let code = submit(line) { return code }
                    continue
                }
                if Magics.isSpecial(line) {
                    if let code = submit(line) { return code }
                    continue
                }
            } else if REPL.startsNewStatement(line), inputCompleteness(pending + "\n") == .incomplete,
                      inputCompleteness(pending + "\n\n") == .complete {
                // A pasted block: the unindented line after a compound statement ends it, as in a script.
                let block = pending
                pending = ""
                if let code = submit(block) { return code }
            }
            pending += pending.isEmpty ? line : "\n" + line
            // A trailing backslash joins the next line (the lexer reports it as an error at end of input).
            if line.hasSuffix("\\") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            if inputCompleteness(pending + "\n") == .incomplete { continue }
            let entry = pending
            pending = ""
            if entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            if let code = submit(entry) { return code }
        }
    }

    /// A non-blank line at column 0 that cannot continue the statement above (`else:` and friends can).
    static func startsNewStatement(_ line: String) -> Bool {
        guard let first = line.first, !first.isWhitespace, first != "#", first != ")", first != "]", first != "}" else { return false }
        let word = line.prefix { $0.isLetter }
        return !["else", "elif", "except", "finally"].contains(String(word))
    }
}

/// Entries typed in this session (for `%history`).
final class EntryLog {
    var items: [String] = []
}

/// State the C callbacks reach.
enum REPLState {
    nonisolated(unsafe) static var interpreter: Interpreter?
    /// Set when Ctrl-C arrived while reading a line.
    nonisolated(unsafe) static var cancelled = false
}

/// The libedit side: key bindings, completion display, signals while reading.
enum REPLTerminal {
    static func useColor(_ env: [String: String]) -> Bool {
        isatty(STDOUT_FILENO) != 0 && (env["NO_COLOR"] ?? "").isEmpty && env["TERM"] != "dumb"
    }

    /// Red for the error line and the caret, the traceback as it is.
    static func colorizeError(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let lastIndex = lines.lastIndex(where: { !$0.isEmpty }) else { return s }
        for i in lines.indices where i == lastIndex || lines[i].trimmingCharacters(in: .whitespaces) == "^" {
            lines[i] = "\u{1b}[1;31m" + lines[i] + "\u{1b}[0m"
        }
        return lines.joined(separator: "\n")
    }

    static func setUp() {
        // Our own SIGINT handling (libedit's re-raises to the whole process group) and our own getc,
        // which turns Ctrl-C at the prompt into "cancel this line". Both must be set before rl_initialize.
        // A parent may have blocked SIGINT (the mask survives exec); Ctrl-C must reach us.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        useUTF8Characters()
        rl_catch_signals = 0
        rl_getc_function = readKey
        rl_initialize()
        _ = rl_add_defun("nnsh-complete", completeKey, 9)
        using_history()
    }

    /// libedit keeps the line as wide characters and converts them with the C library's `LC_CTYPE`; a
    /// process that never calls `setlocale` is in the "C" locale, where every non-ASCII character fails
    /// to convert and is silently dropped (`"José"` became `"Jos"`). Python reads the terminal as UTF-8
    /// whatever the locale says (PEP 538 coerces "C" to "C.UTF-8"), and so does nnsh: the user's
    /// `LC_CTYPE` when it is a UTF-8 one, else C.UTF-8 (glibc always has it), else any UTF-8 locale.
    static func useUTF8Characters() {
        func isUTF8() -> Bool {
            guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
            let name = String(cString: codeset).uppercased()
            return name == "UTF-8" || name == "UTF8"
        }
        if setlocale(LC_CTYPE, "") != nil, isUTF8() { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8() { return }
        }
    }

    /// `readline` with SIGINT set to interrupt the `read` (no SA_RESTART), so Ctrl-C is seen at once.
    static func readLine(_ prompt: String) -> String? {
        REPLState.cancelled = false
        installInterrupt(restart: false)
        defer { installInterrupt(restart: true) }
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    static func installInterrupt(restart: Bool) {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in Interpreter.interruptRequested = true }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = restart ? Int32(SA_RESTART) : 0
        sigaction(SIGINT, &sa, nil)
    }

    /// Reads one character (a whole UTF-8 sequence) for libedit; Ctrl-C becomes Enter plus the cancel flag.
    static let readKey: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        func byte() -> Int32? {
            var b: UInt8 = 0
            while true {
                let n = read(STDIN_FILENO, &b, 1)
                if n == 1 { return Int32(b) }
                if n < 0 && errno == EINTR {
                    if Interpreter.interruptRequested { return -2 }
                    continue
                }
                return nil
            }
        }
        guard let first = byte() else { return -1 }
        if first == -2 || first == 3 {
            Interpreter.interruptRequested = false
            REPLState.cancelled = true
            return 10
        }
        guard first >= 0x80 else { return first }
        let extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0
        var bytes = [UInt8(first)]
        for _ in 0..<extra {
            guard let b = byte(), b >= 0 else { break }
            bytes.append(UInt8(b))
        }
        return Int32(String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD)
    }

    /// Tab: indent at the start of a line, else complete from `Interpreter.completions`.
    static let completeKey: @convention(c) (Int32, Int32) -> Int32 = { _, _ in
        guard let interp = REPLState.interpreter, let buffer = rl_line_buffer else { return 0 }
        let line = String(cString: buffer)
        let bytes = Array(line.utf8)
        let point = Swift.max(0, Swift.min(Int(rl_point), bytes.count))
        let before = bytes[0..<point]
        if before.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            redraw(afterInserting: "    ", line: bytes, point: point)
            return 0
        }
        let completion = interp.completions(line: line, cursor: point)
        guard completion.start <= point, !completion.candidates.isEmpty else {
            write(STDOUT_FILENO, "\u{7}", 1)
            return 0
        }
        let typed = String(decoding: bytes[completion.start..<point], as: UTF8.self)
        let common = completion.commonPrefix
        if common.utf8.count > typed.utf8.count, common.hasPrefix(typed) {
            redraw(afterInserting: String(decoding: Array(common.utf8).dropFirst(typed.utf8.count), as: UTF8.self), line: bytes, point: point)
            return 0
        }
        if completion.candidates.count == 1 { return 0 }
        showList(completion.candidates)
        rl_forced_update_display()
        return 0
    }

    static var terminalWidth: Int {
        var ws = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 ? Int(ws.ws_col) : 80
    }

    /// Inserts text and redraws the line in place: libedit's refresh assumes the cursor is at the
    /// start of the prompt, so go there first (up over wrapped rows, then column 0).
    static func redraw(afterInserting text: String, line: [UInt8], point: Int) {
        _ = rl_insert_text(text)
        let column = 4 + String(decoding: line[0..<point], as: UTF8.self).count
        let up = column / terminalWidth
        let move = (up > 0 ? "\u{1b}[\(up)A" : "") + "\r"
        _ = move.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        rl_forced_update_display()
    }

    /// Prints candidates in columns below the line (libedit redraws the prompt after).
    static func showList(_ candidates: [String]) {
        var names = candidates.map { c -> String in
            if c.hasSuffix("/") { return String(c.dropLast().split(separator: "/").last ?? "") + "/" }
            return String(c.split(separator: "/").last ?? Substring(c))
        }
        var more = 0
        if names.count > 300 { more = names.count - 300; names = Array(names.prefix(300)) }
        let width = terminalWidth
        let colWidth = (names.map(\.count).max() ?? 0) + 2
        let perLine = Swift.max(1, width / colWidth)
        let rows = (names.count + perLine - 1) / perLine
        var text = "\n"
        for r in 0..<rows {
            var line = ""
            for c in 0..<perLine {
                let i = c * rows + r
                guard i < names.count else { break }
                line += c == perLine - 1 || (c + 1) * rows + r >= names.count ? names[i] : names[i].padding(toLength: colWidth, withPad: " ", startingAt: 0)
            }
            text += line + "\n"
        }
        if more > 0 { text += "... and \(more) more\n" }
        Output.flush()
        let b = Array(text.utf8)
        _ = b.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
