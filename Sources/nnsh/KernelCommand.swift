import Foundation
import Jupyter
import Shell
import Syntax
import Torch

/// `nnsh kernel -f FILE` (what a Jupyter kernel spec runs), `nnsh kernel install`, `nnsh kernel uninstall`.
enum KernelCommand {
    static let usage = """
    usage: nnsh kernel -f CONNECTION_FILE
           nnsh kernel install [--user | --prefix DIR] [--name NAME] [--display-name NAME]
           nnsh kernel uninstall [--user | --prefix DIR] [--name NAME]

    """

    static func run(_ args: [String]) -> Int32 {
        var rest = args[...]
        guard let first = rest.first else { Output.writeError(usage); return 2 }
        switch first {
        case "install", "uninstall":
            rest = rest.dropFirst()
            var name = "nnsh", display = "nnsh (PyTorch)", prefix: String?
            while let a = rest.popFirst() {
                switch a {
                case "--user": prefix = nil
                case "--prefix": prefix = rest.popFirst()
                case "--sys-prefix": prefix = ProcessInfo.processInfo.environment["VIRTUAL_ENV"] ?? "/usr/local"
                case "--name": name = rest.popFirst() ?? name
                case "--display-name": display = rest.popFirst() ?? display
                default: Output.writeError("nnsh kernel: unknown option \(a)\n\(usage)"); return 2
                }
            }
            let base = prefix.map { $0 + "/share/jupyter/kernels" }
                ?? (ProcessInfo.processInfo.environment["JUPYTER_DATA_DIR"].map { $0 + "/kernels" }
                    ?? (NSHomeDirectory() + "/.local/share/jupyter/kernels"))
            let dir = base + "/" + name
            if first == "uninstall" {
                do { try FileManager.default.removeItem(atPath: dir) } catch {
                    Output.writeError("nnsh kernel: no kernel spec at \(dir)\n"); return 1
                }
                print("Removed \(dir)")
                return 0
            }
            return install(dir: dir, display: display)
        case "-f", "--connection-file":
            guard let path = rest.dropFirst().first else { Output.writeError(usage); return 2 }
            return serve(connectionFile: path)
        default:
            if first.hasPrefix("--connection-file=") { return serve(connectionFile: String(first.dropFirst("--connection-file=".count))) }
            Output.writeError(usage)
            return 2
        }
    }

    static func install(dir: String, display: String) -> Int32 {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: exe)) ?? exe
        let spec: [String: Any] = [
            "argv": [resolved.hasPrefix("/") ? resolved : exe, "kernel", "-f", "{connection_file}"],
            "display_name": display, "language": "python", "interrupt_mode": "signal", "metadata": ["debugger": false],
        ]
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let data = try JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: dir + "/kernel.json"))
        } catch {
            Output.writeError("nnsh kernel: cannot write \(dir)/kernel.json: \(error)\n")
            return 1
        }
        print("Installed kernelspec \(URL(fileURLWithPath: dir).lastPathComponent) in \(dir)")
        return 0
    }

    static func serve(connectionFile: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: connectionFile) else {
            Output.writeError("nnsh kernel: can't open connection file '\(connectionFile)'\n")
            return 2
        }
        do {
            let info = try ConnectionInfo(json: data)
            let backend = NNSHKernelBackend()
            let kernel = try JupyterKernel(connection: info, backend: backend)
            kernel.isInterrupted = { Interpreter.interruptRequested }
            // A restart is the front end's: it waits for this process to end and starts a new one.
            kernel.run()
            Output.flush()
            return 0
        } catch {
            Output.writeError("nnsh kernel: \(error)\n")
            return 1
        }
    }
}

/// Runs cells in one nnsh session: stdout as `stream` messages, the last expression as
/// `execute_result`, every picture `show()`/`plot()` draws as `display_data` with `image/png`,
/// errors as `error` with the traceback nnsh prints.
final class NNSHKernelBackend: JupyterBackend {
    let session: Session
    var publish: ((String, [String: Any]) -> Void)?
    var errorText = ""
    var history = [String]()
    lazy var magics = Magics(session: session, history: { [unowned self] in self.history }, confirm: { _ in true })
    let figures: String

    /// Where the session's output goes: set once the backend exists (the session is made first).
    final class Sink {
        var out: (String) -> Void = { _ in }
        var err: (String) -> Void = { _ in }
    }

    init() {
        let sink = Sink()
        session = Session(file: "<cell>", write: { sink.out($0) }, writeError: { sink.err($0) })
        figures = NSTemporaryDirectory() + "nnsh-kernel-\(getpid())"
        sink.out = { [unowned self] text in self.publish?("stream", ["name": "stdout", "text": text]) }
        sink.err = { [unowned self] text in self.errorText += text }
        session.interpreter.displayValue = { [unowned self] v in
            self.publish?("display_data", ["data": ["text/plain": v.repr], "metadata": [String: Any]()])
        }
        session.interpreter.clearOutput = { [unowned self] wait in self.publish?("clear_output", ["wait": wait]) }
        session.interpreter.pictures.isTerminal = false
        session.interpreter.pictures.autoSaveDirectory = figures
        session.interpreter.useInlineFigures()
        session.interpreter.pictures.onSaved = { [unowned self] path in
            guard path.hasSuffix(".png"), let png = FileManager.default.contents(atPath: path) else { return }
            self.publish?("display_data", ["data": ["image/png": png.base64EncodedString(), "text/plain": "<Figure>"], "metadata": [String: Any]()])
        }
    }

    var languageInfo: [String: Any] {
        ["name": "python", "version": "3.11.0", "mimetype": "text/x-python", "file_extension": ".py",
         "pygments_lexer": "ipython3", "codemirror_mode": ["name": "ipython", "version": 3], "nbconvert_exporter": "python"]
    }

    var banner: String { "nnsh 0.1.0 — PyTorch 2.15 semantics in Swift (\(CPUInfo.summary))" }

    func execute(code: String, executionCount: Int, silent: Bool, publish: @escaping (String, [String: Any]) -> Void,
                 input: ((String, Bool) throws -> String)?) -> ExecuteOutcome {
        self.publish = publish
        session.interpreter.readInput = input.map { ask in
            { prompt in
                do { return try ask(prompt, false) } catch is JupyterKernel.InputInterrupted {
                    Interpreter.interruptRequested = false
                    throw PythonError("KeyboardInterrupt", "Interrupted by user")
                }
            }
        }
        defer { session.interpreter.readInput = nil }
        errorText = ""
        defer { self.publish = nil }
        Interpreter.interruptRequested = false
        history.append(code)
        // Top-level `%magic` lines and `name?` run as the prompt runs them; the code between them
        // runs as cells do (the last expression of the last piece is the result).
        var outcome: Session.Outcome = .ok
        if let cellOutcome = magics.handleCell(code) { outcome = cellOutcome } else {
        for piece in Self.pieces(code) {
            switch piece {
            case .magic(let line):
                outcome = magics.handle(line) ?? .ok
            case .code(let text, let firstLine):
                // Line numbers in tracebacks count from the cell's first line.
                let padded = String(repeating: "\n", count: firstLine) + text
                outcome = session.runCell(padded, file: "<cell \(executionCount)>") { [unowned self] value in
                    self.publish?("execute_result", ["data": ["text/plain": value.repr], "metadata": [String: Any]()])
                }
            }
            if outcome != .ok { break }
        }
        }
        // matplotlib's inline backend: the cell's open figures are displayed (and closed) at its end.
        do { try session.interpreter.flushFigures() } catch { errorText += "nnsh: could not draw a figure: \(error)\n" }
        Output.flush()
        switch outcome {
        case .ok:
            if !errorText.isEmpty { publish("stream", ["name": "stderr", "text": errorText]) }
            return .ok
        case .exit:
            return .exit
        case .failed(let kind):
            let lines = errorText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let trimmed = lines.last == "" ? Array(lines.dropLast()) : lines
            let last = trimmed.last ?? kind
            var evalue = ""
            if let r = last.range(of: ": ") { evalue = String(last[r.upperBound...]) }
            let ename = kind.split(separator: ".").last.map(String.init) ?? kind
            return .error(ename: ename, evalue: evalue, traceback: trimmed)
        }
    }

    enum Piece { case magic(String), code(String, firstLine: Int) }

    /// A cell split at its top-level magic lines (`%time x`, `%matplotlib inline`, `torch.zeros?`).
    static func pieces(_ cell: String) -> [Piece] {
        var out = [Piece]()
        var current = [String](), start = 0
        let lines = cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (n, line) in lines.enumerated() {
            if !line.hasPrefix(" ") && !line.hasPrefix("\t") && Magics.isSpecial(line) {
                if current.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    out.append(.code(current.joined(separator: "\n"), firstLine: start))
                }
                out.append(.magic(line))
                current = []
                start = n + 1
            } else {
                current.append(line)
            }
        }
        if current.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) || out.isEmpty {
            out.append(.code(current.joined(separator: "\n"), firstLine: start))
        }
        return out
    }

    /// Jupyter counts the cursor in code points; nnsh's completion in UTF-8 bytes.
    func complete(code: String, cursor: Int) -> [String: Any] {
        let scalars = Array(code.unicodeScalars)
        let c = Swift.max(0, Swift.min(cursor, scalars.count))
        // Completion works on the line the cursor is in.
        var lineStart = c
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = c
        while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
        let line = String(String.UnicodeScalarView(scalars[lineStart..<lineEnd]))
        let prefix = String(String.UnicodeScalarView(scalars[lineStart..<c]))
        let result = session.interpreter.completions(line: line, cursor: prefix.utf8.count)
        let startText = String(decoding: Array(line.utf8)[0..<Swift.min(result.start, line.utf8.count)], as: UTF8.self)
        return ["matches": result.candidates, "cursor_start": lineStart + startText.unicodeScalars.count, "cursor_end": c,
                "metadata": [String: Any]()]
    }

    func inspect(code: String, cursor: Int, detailLevel: Int) -> [String: Any] {
        let scalars = Array(code.unicodeScalars)
        let c = Swift.max(0, Swift.min(cursor, scalars.count))
        func isName(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic || u == "_" || u == "." || ("0"..."9").contains(u) }
        var lo = c, hi = c
        while lo > 0 && isName(scalars[lo - 1]) { lo -= 1 }
        while hi < scalars.count && isName(scalars[hi]) { hi += 1 }
        let name = String(String.UnicodeScalarView(scalars[lo..<hi])).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard !name.isEmpty else { return ["found": false, "data": [String: Any](), "metadata": [String: Any]()] }
        let text = session.interpreter.helpText(topic: name)
        let found = !text.hasPrefix("No Python documentation found")
        let data: [String: Any] = found ? ["text/plain": text] : [:]
        return ["found": found, "data": data, "metadata": [String: Any]()]
    }

    func isComplete(code: String) -> [String: Any] {
        switch inputCompleteness(code) {
        case .complete:
            // A compound statement still open at its last line waits for more (IPython's answer).
            if let last = code.split(separator: "\n", omittingEmptySubsequences: false).last,
               last.trimmingCharacters(in: .whitespaces).hasSuffix(":") {
                return ["status": "incomplete", "indent": "    "]
            }
            return ["status": "complete"]
        case .incomplete:
            let last = code.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            var indent = String(last.prefix { $0 == " " })
            if last.trimmingCharacters(in: .whitespaces).hasSuffix(":") { indent += "    " }
            return ["status": "incomplete", "indent": indent]
        case .invalid:
            return ["status": "invalid"]
        }
    }

    func interrupt() { Interpreter.interruptRequested = true }
}
