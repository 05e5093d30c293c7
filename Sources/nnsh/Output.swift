import Foundation
import Shell

/// Buffered standard output (flushed before errors and at exit, so the two streams interleave right).
enum Output {
    nonisolated(unsafe) static var buffer = [UInt8]()

    static func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    /// The first write error on stdout (a closed pipe, a full disk): the script sees it as Python's
    /// `BrokenPipeError` / `OSError` at its next statement, and later output is dropped.
    nonisolated(unsafe) static var failed = false

    /// Whether stdout is a pipe, socket or terminal, where a write can wait for a reader.
    static let stdoutCanBlock: Bool = {
        var st = stat()
        guard fstat(STDOUT_FILENO, &st) == 0 else { return false }
        let kind = st.st_mode & S_IFMT
        return kind == S_IFIFO || kind == S_IFSOCK || kind == S_IFCHR
    }()

    static func flush() {
        guard !buffer.isEmpty else { return }
        if failed { buffer.removeAll(keepingCapacity: true); return }
        buffer.withUnsafeBufferPointer { p in
            var done = 0
            writing: while done < p.count {
                var size = p.count - done
                if stdoutCanBlock {
                    // A reader that stopped reading must not leave Ctrl-C unanswered: wait for room in
                    // short steps, then write at most what a pipe takes without blocking (PIPE_BUF).
                    var ready = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    while poll(&ready, 1, 100) == 0 {
                        if Interpreter.interruptRequested { break writing }  // the rest is dropped
                    }
                    size = Swift.min(size, 4096)
                }
                let n = Foundation.write(STDOUT_FILENO, p.baseAddress! + done, size)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    let code = n < 0 ? errno : ENOSPC
                    failed = true
                    let kind = code == EPIPE ? "BrokenPipeError" : "OSError"
                    Interpreter.pendingStreamError = (kind, "[Errno \(code)] \(String(cString: strerror(code)))")
                    break
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Errors go straight to fd 2; if it is closed or full there is nowhere left to report, and the
    /// exit status still says what happened.
    static func writeError(_ s: String) {
        flush()
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { p in
            var done = 0
            while done < p.count {
                let n = Foundation.write(STDERR_FILENO, p.baseAddress! + done, p.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
        }
    }

    /// Standard input to its end; a closed descriptor reads as empty (CPython's `python <&-` runs nothing).
    static func readStandardInput() -> [UInt8] {
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// At exit: a write error in the last flush is reported as CPython reports one at shutdown.
    static func finish() -> Bool {
        flush()
        guard let (kind, message) = Interpreter.pendingStreamError else { return true }
        Interpreter.pendingStreamError = nil
        writeError("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\(kind): \(message)\n")
        return false
    }
}
