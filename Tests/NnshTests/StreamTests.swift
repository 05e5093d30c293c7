import Foundation
import Testing

/// The process's streams at their edges (issue 25): a closed pipe ends a printing loop with
/// CPython's BrokenPipeError, a full disk is reported, and closed stdin or stderr do not crash.
@Suite(.serialized) struct StreamTests {
    /// Runs a shell line with `NNSH` set to the built binary; returns (status, stdout, stderr).
    static func shell(_ line: String) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", line]
        var env = ProcessInfo.processInfo.environment
        env["NNSH"] = TutorialRun.binary.path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func closedPipeEndsTheLoop() throws {
        let (status, out, _) = try Self.shell(#"timeout 20 "$NNSH" -c 'while True: print(1)' 2>/tmp/nnsh-stream-test.err | head -1; echo "status ${PIPESTATUS[0]}"; cat /tmp/nnsh-stream-test.err"#)
        #expect(status == 0)
        #expect(out.hasPrefix("1\nstatus 1\n"))
        #expect(out.hasSuffix("BrokenPipeError: [Errno 32] Broken pipe\n"))
    }

    @Test func fullDiskIsReported() throws {
        let (_, out, err) = try Self.shell(#""$NNSH" -c 'print(1)' > /dev/full; echo "status $?""#)
        #expect(out == "status 120\n")
        #expect(err.hasSuffix("OSError: [Errno 28] No space left on device\n"))
    }

    @Test func closedStreamsDoNotCrash() throws {
        let (_, out, _) = try Self.shell(#""$NNSH" -c '1/0' 2>&-; echo "stderr closed $?"; "$NNSH" <&-; echo "stdin closed $?""#)
        #expect(out == "stderr closed 1\nstdin closed 0\n")
    }
}
