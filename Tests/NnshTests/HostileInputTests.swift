import Foundation
import Testing

/// Runs the nnsh binary on hostile inputs (Hostile/catalogue.json), each alone in its own process:
/// every one must end with a message on stderr and a normal exit status (1 unless the entry says
/// otherwise) — never a signal, a trap or a hang.
struct HostileEntry: Decodable, CustomTestStringConvertible, Sendable {
    let name: String
    let code: String?
    /// Raw bytes (bad UTF-8, NUL) as base64.
    let base64: String?
    /// Large inputs: text repeated count times, concatenated.
    let pieces: [[Piece]]?
    /// A substring stderr must contain (e.g. `OverflowError`).
    let expect: String?
    /// Expected exit status; absent means 1; `null` means any normal status, stderr optional.
    let status: Int32??

    enum Piece: Decodable, Sendable {
        case text(String), count(Int)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .count(n) } else { self = .text(try c.decode(String.self)) }
        }
    }

    enum CodingKeys: String, CodingKey { case name, code, base64, pieces, expect, status }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        base64 = try c.decodeIfPresent(String.self, forKey: .base64)
        pieces = try c.decodeIfPresent([[Piece]].self, forKey: .pieces)
        expect = try c.decodeIfPresent(String.self, forKey: .expect)
        if c.contains(.status) { status = .some(try c.decodeNil(forKey: .status) ? nil : try c.decode(Int32.self, forKey: .status)) }
        else { status = .none }
    }

    var bytes: Data {
        if let code { return Data(code.utf8) }
        if let base64, let d = Data(base64Encoded: base64) { return d }
        var out = Data()
        for p in pieces ?? [] {
            guard p.count == 2, case .text(let t) = p[0], case .count(let n) = p[1] else { continue }
            out.append(Data(String(repeating: t, count: n).utf8))
        }
        return out
    }
    var testDescription: String { name }
}

enum NnshBinary {
    struct Result { var status: Int32; var signalled: Bool; var timedOut: Bool; var stdout: String; var stderr: String }

    /// Runs nnsh with `arguments`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 60) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PTYSession.binary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NNSH_MAX_MEMORY"] = "1G"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let dir = FileManager.default.temporaryDirectory
        // Inputs may write files (plots, images): each runs in a scratch directory, never the repo.
        let work = dir.appendingPathComponent("nnsh-work-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        p.currentDirectoryURL = work
        let outURL = dir.appendingPathComponent("nnsh-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("nnsh-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline { timedOut = true; kill(p.processIdentifier, SIGKILL); break }
            usleep(5_000)
        }
        p.waitUntilExit()
        func text(_ u: URL) -> String { String(decoding: (try? Data(contentsOf: u)) ?? Data(), as: UTF8.self) }
        return Result(status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal,
                      timedOut: timedOut, stdout: text(outURL), stderr: text(errURL))
    }
}

let hostileCatalogue: [HostileEntry] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile/catalogue.json")
    guard let data = try? Data(contentsOf: url) else { return [] }
    return (try? JSONDecoder().decode([HostileEntry].self, from: data)) ?? []
}()

@Suite("Hostile inputs never crash nnsh")
struct HostileInputTests {
    @Test("the catalogue has at least 100 entries with unique names")
    func catalogueSize() {
        #expect(hostileCatalogue.count >= 100)
        #expect(Set(hostileCatalogue.map(\.name)).count == hostileCatalogue.count)
    }

    @Test("each hostile input ends with an error message and a normal exit status", arguments: hostileCatalogue)
    func hostile(_ entry: HostileEntry) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(entry.name)-\(UUID().uuidString).py")
        try entry.bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try NnshBinary.run([file.path])
        #expect(!r.timedOut, "\(entry.name): timed out")
        #expect(!r.signalled && r.status <= 128, "\(entry.name): killed by a signal or trapped (status \(r.status)); stderr: \(r.stderr.suffix(600))")
        switch entry.status {
        case .none:
            #expect(r.status == 1, "\(entry.name): exit status \(r.status), expected 1; stderr: \(r.stderr.suffix(600))")
            #expect(!r.stderr.isEmpty, "\(entry.name): no message on stderr")
        case .some(.some(let s)):
            #expect(r.status == s, "\(entry.name): exit status \(r.status), expected \(s)")
        case .some(.none):
            break
        }
        if let expect = entry.expect, entry.status != .some(nil) {
            #expect(r.stderr.contains(expect), "\(entry.name): stderr lacks '\(expect)': \(r.stderr.suffix(600))")
        }
    }

    @Test("a few hostile inputs through -c as well", arguments: ["10**10**9", "int(float('nan'))", "import torch\ntorch.zeros(2**62, 4)",
                                                                "(" + String(repeating: "[", count: 5000), "[0] * 10**9"])
    func viaDashC(_ code: String) throws {
        let r = try NnshBinary.run(["-c", code])
        #expect(!r.signalled && r.status == 1, "status \(r.status), stderr: \(r.stderr.suffix(400))")
        #expect(!r.stderr.isEmpty)
    }
}
