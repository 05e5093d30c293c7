import Foundation
import Testing
@testable import Shell

/// `torch.save`/`torch.load` both ways with real PyTorch (`scripts/golden/make_checkpoint_golden.py`
/// made the files: PyTorch's checkpoint, nnsh's checkpoint that PyTorch was shown to read as its
/// own, and what PyTorch printed loading either).
@Suite(.serialized)
struct CheckpointTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Checkpoints")

    func run(_ program: String, _ argument: String) throws -> (String, String, Session.Outcome) {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(program), encoding: .utf8)
        var out = "", err = ""
        Interpreter.scriptArguments = [argument]
        defer { Interpreter.scriptArguments = [] }
        let session = Session(file: program, write: { out += $0 }, writeError: { err += $0 })
        let outcome = session.run(source, file: program)
        return (out, err, outcome)
    }

    func expected() throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent("expected.out"), encoding: .utf8)
    }

    @Test func loadsWhatPyTorchSaved() throws {
        let (out, err, outcome) = try run("load_program.py", Self.folder.appendingPathComponent("torch_saved.pt").path)
        #expect(outcome == .ok, "\(err)")
        let want = try expected()
        #expect(out == want, "\(unifiedDiff(expected: want, actual: out))")
    }

    @Test func writesTheBytesPyTorchReads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-ckpt-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The golden script saved to `nnsh_saved.pt.new`: the archive's folder is named after the file.
        let path = dir.appendingPathComponent("nnsh_saved.pt.new").path
        let (_, err, outcome) = try run("save_program.py", path)
        #expect(outcome == .ok, "\(err)")
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        let golden = try Data(contentsOf: Self.folder.appendingPathComponent("nnsh_saved.pt"))
        #expect(written == golden, "nnsh's checkpoint bytes changed: rerun scripts/golden/make_checkpoint_golden.py so PyTorch checks the new ones")
    }

    @Test func loadsItsOwnCheckpoint() throws {
        let (out, err, outcome) = try run("load_program.py", Self.folder.appendingPathComponent("nnsh_saved.pt").path)
        #expect(outcome == .ok, "\(err)")
        let want = try expected()
        #expect(out == want, "\(unifiedDiff(expected: want, actual: out))")
    }

    @Test func refusesWhatItCannotRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-bad-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("torch_saved.pt")))
        // Every truncation and a flipped byte in every record end in a Python error, not a crash.
        for cut in stride(from: 0, to: bytes.count, by: 97) {
            let path = dir.appendingPathComponent("cut.pt").path
            try Data(bytes[0..<cut]).write(to: URL(fileURLWithPath: path))
            let (_, err, outcome) = try run("load_program.py", path)
            #expect(outcome != .ok && !err.isEmpty, "a checkpoint cut at \(cut) bytes loaded")
        }
        bytes[bytes.count / 3] ^= 0xff
        let path = dir.appendingPathComponent("flipped.pt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (_, err, outcome) = try run("load_program.py", path)
        #expect(outcome != .ok && err.contains("Error"), "a corrupted checkpoint loaded")
    }
}
