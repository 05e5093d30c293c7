import Foundation
import Testing

/// The memory cap holds for everything a program keeps alive, not one allocation at a time (issue 25):
/// each program here grows without end, under an address-space limit (`prlimit --as`, 3 GB) that
/// makes the system refuse memory long before the machine runs out. Every one must end with Python's
/// `MemoryError` or PyTorch's out-of-memory `RuntimeError` and status 1 — never a signal, a trap or
/// the kernel's OOM killer. The default cap is derived from the limit (half of it).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct MemoryTortureTests {
    static let growing: [(String, String)] = [
        ("one huge tensor", "import torch\nt = torch.ones(10**9)"),
        ("huge list", "x = [0] * (3 * 10**8)"),
        ("many medium tensors", "import torch\nkeep = []\nwhile True: keep.append(torch.ones(10**6))"),
        ("a list of lists", "keep = []\nrow = [0] * 10**5\nwhile True: keep.append(row * 1)"),
        ("many small strings", "keep = []\ni = 0\nwhile True:\n    keep.append(str(i) * 2000)\n    i += 1"),
        ("an autograd chain", "import torch\nx = torch.ones(10**5, requires_grad=True)\nwhile True: x = x * 1.0001"),
        ("replace growth", "s = 'a' * 10**5\nt = s.replace('a', s)"),
        ("join growth", "s = 'a' * 10**5\nt = s.join([s] * 10**5)"),
        ("dict growth", "d = {}\ni = 0\nwhile True:\n    d[i] = [i] * 100\n    i += 1"),
    ]

    static var prlimit: String? {
        ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(arguments: growing.map(\.0))
    func growthEndsInMemoryError(name: String) throws {
        let prlimit = try #require(Self.prlimit, "prlimit (util-linux) is needed")
        let source = Self.growing.first { $0.0 == name }!.1
        let p = Process()
        p.executableURL = URL(fileURLWithPath: prlimit)
        p.arguments = ["--as=3000000000", TutorialRun.binary.path, "-c", source]
        var env = ProcessInfo.processInfo.environment
        env["NNSH_MAX_MEMORY"] = nil
        p.environment = env
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 1, "\(name): status \(p.terminationStatus), \(p.terminationReason)")
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("MemoryError") || last.contains("DefaultCPUAllocator"), "\(name): \(text.suffix(400))")
    }
}
