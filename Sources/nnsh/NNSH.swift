import ArgumentParser
import Foundation
import Kernels
import Shell
import Torch

/// The `nnsh` command: run a script, a `-c` string, standard input, or an interactive prompt.
@main
struct NNSH: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnsh",
        abstract: "A shell for exploring neural-network layers the way PyTorch tutorials do.",
        discussion: """
        nnsh runs a Python subset with PyTorch semantics natively in Swift and prints exactly what PyTorch prints.
        With no arguments on a terminal it opens an interactive prompt; `nnsh FILE` runs a script; `nnsh -` or a pipe runs standard input.
        """,
        version: nnshVersion)

    @Argument(help: "A script to run (.nnsh or .py); '-' reads standard input.")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (its sys.argv[1:]).")
    var scriptArguments: [String] = []

    @Option(name: .customShort("c"), help: "Run CODE and exit.")
    var code: String?

    @Flag(name: .customShort("q"), help: "Don't print the banner at the interactive prompt.")
    var quiet = false

    @Option(name: .long, help: "Run FILE and print it as an interactive session (>>> / ... and what each entry printed).")
    var transcript: String?

    @Option(name: .long, help: "Run FILE and print a Markdown notebook: code cells, outputs and linked pictures.")
    var markdown: String?

    @Option(name: .long, help: "Run the >>> examples of a text or Markdown file and report mismatches (status 1 if any).")
    var doctest: String?

    @Option(name: .long, help: "Run FILE.py and print it as an executed Jupyter notebook (.ipynb JSON).")
    var ipynb: String?

    /// `nnsh kernel …` is the Jupyter kernel (KernelCommand); everything else is the shell's options.
    static func main() {
        releaseIdleBLASThreads()
        let args = Array(CommandLine.arguments.dropFirst())
        if args.first == "kernel" {
            Signals.install()
            Foundation.exit(KernelCommand.run(Array(args.dropFirst())))
        }
        if args == ["--version"] {
            print(nnshVersionWithCPU)
            Foundation.exit(0)
        }
        main(args)
    }

    mutating func run() throws {
        Signals.install()
        Interpreter.scriptArguments = scriptArguments
        if let mode = runDocumentMode() { exitWith(mode) }
        if let code {
            exitWith(runScript(code, file: "<string>"))
        }
        if let file, file != "-" {
            guard let data = FileManager.default.contents(atPath: file) else {
                Output.writeError("nnsh: can't open file '\(file)': [Errno 2] No such file or directory\n")
                Foundation.exit(2)
            }
            // As CPython since 3.9: `__file__` and traceback frames name the script by an absolute
            // path (the current folder joined as given), while `sys.argv[0]` keeps what was typed.
            Interpreter.scriptArgv0 = file
            let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
            if file.hasSuffix(".ipynb") {
                exitWith(Notebook.run(data, file: absolute, write: Output.write, writeError: Output.writeError))
            }
            exitWith(runScript(String(decoding: data, as: UTF8.self), file: absolute))
        }
        if file == nil && isatty(STDIN_FILENO) != 0 {
            Foundation.exit(REPL(quiet: quiet).loop())
        }
        let data = Output.readStandardInput()
        exitWith(runScript(String(decoding: data, as: UTF8.self), file: "<stdin>"))
    }

    private func exitWith(_ status: Int32) -> Never {
        // Output lost at the very end (a full disk, a closed pipe) makes the status 120, as CPython's.
        let ok = Output.finish()
        Foundation.exit(ok || status != 0 ? status : 120)
    }
}

extension NNSH {
    /// `--transcript`, `--markdown`, `--doctest` (see Shell's Transcript.swift and Doctest.swift).
    func runDocumentMode() -> Int32? {
        let modes: [(String?, (String, String, @escaping (String) -> Void) -> Int32)] = [
            (transcript, Transcript.run), (markdown, Transcript.markdown), (doctest, Doctest.run), (ipynb, Notebook.export),
        ]
        guard let (path, body) = modes.first(where: { $0.0 != nil }).map({ ($0.0!, $0.1) }) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.writeError("nnsh: can't open file '\(path)': [Errno 2] No such file or directory\n")
            return 2
        }
        return body(String(decoding: data, as: UTF8.self), path, Output.write)
    }
}

let nnshVersion = "nnsh 0.1.0 (PyTorch 2.15 semantics)"

/// `nnsh --version`: with the CPU and the vector path the kernels follow on it (their last bits
/// depend on it). Made only when asked for, so start-up does not read /proc/cpuinfo.
var nnshVersionWithCPU: String { "nnsh 0.1.0 (PyTorch 2.15 semantics; \(CPUInfo.summary))" }

/// Runs a whole script like `python FILE`: output as it goes, an error stops it with status 1.
func runScript(_ source: String, file: String) -> Int32 {
    var text = source
    if text.hasPrefix("#!") { text = String(text.drop { $0 != "\n" }) ; text = "\n" + text.dropFirst() }
    let session = Session(file: file, write: Output.write, writeError: Output.writeError)
    session.interpreter.flushOutput = Output.flush
    switch session.run(text) {
    case .ok: return 0
    case .failed(let kind): return kind == "KeyboardInterrupt" ? 130 : 1
    case .exit(let code): return code
    }
}
