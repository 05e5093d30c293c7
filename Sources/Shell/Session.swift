import Foundation
import Syntax
import Torch

/// Runs source text through the whole pipeline (tokens → AST → evaluation) and renders errors.
/// The command line, the REPL, the fuzzer and the tests all go through it.
public final class Session {
    public let interpreter: Interpreter
    /// Where error reports go (stderr for the command line).
    public var writeError: (String) -> Void

    public init(file: String = "<stdin>", write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
        interpreter = Interpreter(file: file, write: write)
        self.writeError = writeError
        interpreter.writeError = writeError
        // A session starts as a fresh Python process would: `torch.set_printoptions` in an earlier
        // session of this process (a test, a fuzz input) does not carry over.
        PrintOptions.current = .default
    }

    /// The user's variables are freed on the big-stack thread, like everything they ran: a
    /// structure nested 100 000 deep (tuples in tuples, a long autograd graph) frees one level per
    /// stack frame, which overflowed the main thread's 8 MB stack when a script ended.
    deinit {
        let interpreter = self.interpreter
        onBigStack { interpreter.releaseGlobals() }
    }

    /// What running one chunk of source did.
    public enum Outcome: Equatable {
        case ok
        /// An exception was reported; the session goes on.
        case failed(kind: String)
        /// `exit()` / `quit()` / `SystemExit` with its status.
        case exit(Int32)
    }

    /// Runs `source` (a whole script, or one REPL entry with `echo`) and reports any error.
    @discardableResult
    public func run(_ source: String, file: String? = nil, echo: Bool = false) -> Outcome {
        onBigStack { runHere(source, file: file, echo: echo) }
    }

    /// Runs a notebook cell (see `Interpreter.runCell`); `display` gets the last expression's value.
    @discardableResult
    public func runCell(_ source: String, file: String, display: @escaping (Value) throws -> Void) -> Outcome {
        onBigStack { runHere(source, file: file, echo: false, display: display) }
    }

    private func runHere(_ source: String, file: String?, echo: Bool, display: ((Value) throws -> Void)? = nil) -> Outcome {
        let name = file ?? interpreter.file
        let statements: [Stmt]
        do {
            statements = try parse(source, file: name)
        } catch let e as SyntaxError {
            writeError(Diagnostic.render(e))
            return .failed(kind: "SyntaxError")
        } catch {
            writeError("SyntaxError: \(error)\n")
            return .failed(kind: "SyntaxError")
        }
        // A script's text, for the source lines of warnings (as linecache gives CPython).
        if !echo { interpreter.imports.sources[name] = source }
        do {
            if let display { try interpreter.runCell(statements, display: display) } else { try interpreter.run(statements, echo: echo) }
            return .ok
        } catch let e as PythonError {
            if e.kind == "SystemExit" || e.instance?.type.isSubtype(of: PyType.exception("SystemExit")) == true {
                let (status, message) = interpreter.exitStatus(e)
                if let message { writeError(message + "\n") }
                return .exit(status)
            }
            if e.kind == "KeyboardInterrupt" { Interpreter.interruptRequested = false }
            writeError(Diagnostic.render(e, source: source, file: name, sources: interpreter.imports.sources))
            return .failed(kind: e.kind)
        } catch {
            let e = PythonError.from(error)
            if e.kind == "KeyboardInterrupt" { Interpreter.interruptRequested = false }
            writeError(Diagnostic.render(e, source: source, file: name, sources: interpreter.imports.sources))
            return .failed(kind: e.kind)
        }
    }
}
