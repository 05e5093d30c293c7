import Foundation
import Shell

/// Ctrl-C sets a flag the interpreter checks at safe points, instead of killing the process.
enum Signals {
    static func install() {
        signal(SIGINT) { _ in
            Interpreter.interruptRequested = true
        }
        // A parent (a test runner, a process spawner) may hand SIGINT down blocked: scripts must still
        // stop with status 130 on Ctrl-C, so unblock it as the REPL does.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        signal(SIGPIPE, SIG_IGN)
    }
}
