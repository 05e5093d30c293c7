import Foundation
import Shell

/// Ctrl-C sets a flag the interpreter checks at safe points, instead of killing the process.
enum Signals {
    static func install() {
        signal(SIGINT) { _ in
            Interpreter.interruptRequested = true
        }
        signal(SIGPIPE, SIG_IGN)
    }
}
