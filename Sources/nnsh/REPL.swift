import CEditLine
import Foundation
import Shell
import Syntax

/// The interactive prompt: `>>> ` / `... ` over libedit, with history; expression results echo their repr.
struct REPL {
    let quiet: Bool

    func loop() -> Int32 {
        let session = Session(file: "<stdin>", write: { s in Output.write(s); Output.flush() },
                              writeError: Output.writeError)
        let historyPath = ProcessInfo.processInfo.environment["NNSH_HISTORY"]
            ?? (ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.nnsh_history" } ?? ".nnsh_history")
        using_history()
        stifle_history(5000)
        _ = read_history(historyPath)
        if !quiet {
            Output.write("\(nnshVersion)\nType help() for help, exit() or Ctrl-D to leave.\n")
            Output.flush()
        }
        var pending = ""
        while true {
            Interpreter.interruptRequested = false
            guard let raw = readline(pending.isEmpty ? ">>> " : "... ") else {
                Output.write("\n"); Output.flush()
                return 0
            }
            let line = String(cString: raw)
            free(raw)
            if Interpreter.interruptRequested {
                Interpreter.interruptRequested = false
                pending = ""
                Output.write("KeyboardInterrupt\n"); Output.flush()
                continue
            }
            pending += pending.isEmpty ? line : "\n" + line
            if pending.trimmingCharacters(in: .whitespaces).isEmpty { pending = ""; continue }
            if inputCompleteness(pending) == .incomplete { continue }
            add_history(pending)
            _ = append_history(1, historyPath)
            let entry = pending
            pending = ""
            if case .exit(let code) = session.run(entry + "\n", echo: true) {
                return code
            }
        }
    }
}
