import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// nnsh's prompt on a pseudo-terminal (`setsid -c` makes the pty the controlling terminal, so a
/// typed Ctrl-C becomes SIGINT as in a real terminal). Every wait has a hard deadline.
final class PTYSession {
    let master: Int32
    let process = Process()
    private(set) var output = ""

    init(arguments: [String] = ["-q"], environment: [String: String] = [:]) throws {
        master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        guard let slave = FileHandle(forUpdatingAtPath: String(cString: name)) else { throw POSIXError(.ENOTTY) }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", "-c", NnshBinary.path] + arguments
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "dumb"
        env["NNSH_HISTORY"] = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-hist-\(UUID().uuidString)").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    /// Types `text` (use "\u{03}" for Ctrl-C).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `needle` appears after `from` (an index into `output`) or `timeout` passes.
    @discardableResult
    func waitFor(_ needle: String, after from: String.Index? = nil, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if output[(from ?? output.startIndex)...].contains(needle) { return true }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, Int32(min(left, 0.2) * 1000)) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { return output[(from ?? output.startIndex)...].contains(needle) }
                output += String(decoding: buffer[0..<n], as: UTF8.self)
            }
        }
    }

    var mark: String.Index { output.endIndex }

    func close() {
        if process.isRunning { send("exit()\n"); _ = waitFor("\u{0}", timeout: 0.5) }
        Glibc.close(master)  // hangs up the terminal: nnsh gets SIGHUP if it is still running
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
    }
}

@Suite("Ctrl-C at the prompt", .serialized)
struct InterruptTests {
    @Test("Ctrl-C stops a long loop; the session's variables survive")
    func interruptLoop() throws {
        let pty = try PTYSession()
        defer { pty.close() }
        #expect(pty.waitFor(">>> ", timeout: 30), "no prompt: \(pty.output)")
        pty.send("x = 41\n")
        #expect(pty.waitFor(">>> ", after: pty.output.index(before: pty.mark), timeout: 10))
        var m = pty.mark
        pty.send("i = 0\nwhile True:\n    i += 1\n\n")
        // Let the loop run, then interrupt it.
        #expect(pty.waitFor("... ", after: m, timeout: 10))
        usleep(800_000)
        m = pty.mark
        let start = Date()
        pty.send("\u{03}")
        #expect(pty.waitFor("KeyboardInterrupt", after: m, timeout: 10), "no KeyboardInterrupt: \(pty.output.suffix(300))")
        #expect(Date().timeIntervalSince(start) < 5)
        m = pty.mark
        pty.send("print(x + 1, i > 1000)\n")
        #expect(pty.waitFor("42 True", after: m, timeout: 10), "state lost: \(pty.output.suffix(300))")
    }

    @Test("Ctrl-C stops a long convolution inside the kernel; the session's variables survive")
    func interruptConvolution() throws {
        let pty = try PTYSession()
        defer { pty.close() }
        #expect(pty.waitFor(">>> ", timeout: 30), "no prompt: \(pty.output)")
        var m = pty.mark
        pty.send("import torch\nimport torch.nn as nn\nconv = nn.Conv2d(32, 64, 5, padding=2)\nx = torch.randn(96, 32, 96, 96)\nkept = x.shape\n")
        pty.send("print('ready', kept)\n")
        #expect(pty.waitFor("ready torch.Size([96, 32, 96, 96])", after: m, timeout: 60), "setup failed: \(pty.output.suffix(400))")
        m = pty.mark
        // One call: the Python-level interpreter never reaches a safe point until the layer returns.
        pty.send("y = conv(x)\n")
        usleep(1_000_000)
        let start = Date()
        pty.send("\u{03}")
        #expect(pty.waitFor("KeyboardInterrupt", after: m, timeout: 20), "no KeyboardInterrupt: \(pty.output.suffix(400))")
        #expect(Date().timeIntervalSince(start) < 10, "took \(Date().timeIntervalSince(start)) s to stop")
        m = pty.mark
        pty.send("print(kept, conv.weight.shape, 'y' in dir())\n")
        #expect(pty.waitFor("torch.Size([96, 32, 96, 96]) torch.Size([64, 32, 5, 5]) False", after: m, timeout: 20),
                "state lost: \(pty.output.suffix(400))")
    }

    @Test("Ctrl-C in a script exits with status 130")
    func scriptExitStatus() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: NnshBinary.path)
        p.arguments = ["-c", "i = 0\nwhile True:\n    i += 1\n"]
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        usleep(1_000_000)
        kill(p.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 130)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("KeyboardInterrupt"))
    }
}
