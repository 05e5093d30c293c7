import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `nnsh` binary on a pseudo-terminal and lets a test type into it and wait for output.
final class PTYSession {
    let pid: pid_t
    let master: Int32
    private(set) var raw = [UInt8]()
    private var exited = false

    /// `.build/debug/nnsh`, found from this file's path.
    static var binary: String {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [".build/debug/nnsh", ".build/x86_64-unknown-linux-gnu/debug/nnsh", ".build/aarch64-unknown-linux-gnu/debug/nnsh"] {
            let p = root.appendingPathComponent(candidate).path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root.appendingPathComponent(".build/debug/nnsh").path
    }

    /// A fresh temporary history file path.
    static func tempPath(_ name: String) -> String {
        NSTemporaryDirectory() + "nnsh-test-\(getpid())-\(UUID().uuidString.prefix(8))-\(name)"
    }

    init(arguments: [String] = ["-q"], environment: [String: String] = [:], columns: UInt16 = 120) throws {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env["NO_COLOR"] = "1"
        env["HOME"] = NSTemporaryDirectory()
        for (k, v) in environment { env[k] = v }
        env = env.filter { !$0.value.isEmpty }  // an empty value unsets the variable
        let argv = [PTYSession.binary] + arguments
        // C strings prepared before fork: the child only calls execve.
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var fd: Int32 = -1
        var ws = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        let child = forkpty(&fd, nil, nil, &ws)
        if child < 0 { throw POSIXError(.EAGAIN) }
        if child == 0 {
            execve(cArgs[0]!, cArgs, cEnv)
            _exit(127)
        }
        pid = child
        master = fd
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    func close() {
        if !exited {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exited = true
        }
        Glibc.close(master)
    }

    /// Output so far with ANSI escapes and carriage returns removed.
    var text: String { PTYSession.strip(String(decoding: raw, as: UTF8.self)) }

    static func strip(_ s: String) -> String {
        var out = "", it = Array(s.unicodeScalars), i = 0
        while i < it.count {
            let c = it[i]
            if c == "\u{1b}" {
                i += 1
                if i < it.count && it[i] == "[" {
                    i += 1
                    while i < it.count && !(("@"..."~").contains(it[i])) { i += 1 }
                }
                i += 1
                continue
            }
            if c != "\r" && c != "\u{7}" && c != "\u{1}" && c != "\u{2}" { out.unicodeScalars.append(c) }
            i += 1
        }
        return out
    }

    func send(_ s: String) {
        let bytes = Array(s.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            if n > 0 { done += n } else { usleep(1000) }
        }
        pump(0.05)
    }

    /// Types a line and presses Enter.
    func line(_ s: String) { send(s + "\r") }

    /// Reads whatever is available for up to `seconds`.
    func pump(_ seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        var buf = [UInt8](repeating: 0, count: 4096)
        repeat {
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 20)
            if ready > 0 {
                let n = read(master, &buf, buf.count)
                if n > 0 { raw += buf[0..<n] } else if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return }
            }
        } while Date() < deadline
    }

    /// Waits until the (stripped) output after `offset` contains `needle`; false on timeout.
    @discardableResult
    func wait(for needle: String, after offset: Int = 0, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buf = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if String(text.dropFirst(offset)).contains(needle) { return true }
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 50) > 0 {
                let n = read(master, &buf, buf.count)
                if n > 0 { raw += buf[0..<n] } else if n == 0 { break }
                else if errno != EAGAIN && errno != EINTR { break }
            }
        }
        return String(text.dropFirst(offset)).contains(needle)
    }

    /// Current length of the stripped output, to wait for something that comes after it.
    var mark: Int { text.count }

    /// Waits for the process to exit; returns its status, or nil on timeout.
    func waitExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(0.05)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
        return nil
    }
}
