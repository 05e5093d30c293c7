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
        let url = Self.folder.appendingPathComponent(program)
        let source = try String(contentsOf: url, encoding: .utf8)
        var out = "", err = ""
        Interpreter.scriptArguments = [argument]
        defer { Interpreter.scriptArguments = [] }
        // The whole-model programs import model_classes.py from their folder, as a script would.
        let session = Session(file: url.path, write: { out += $0 }, writeError: { err += $0 })
        let outcome = session.run(source, file: url.path)
        return (out, err, outcome)
    }

    /// Whole modules (`torch.save(model)`): a `__main__` class, classes of an imported module and
    /// every kind of layer, both ways with real PyTorch.
    @Test func loadsTheModelsPyTorchSaved() throws {
        let (out, err, outcome) = try run("load_model_program.py", Self.folder.appendingPathComponent("torch_model.pt").path)
        #expect(outcome == .ok, "\(err)")
        let want = try String(contentsOf: Self.folder.appendingPathComponent("expected_model.out"), encoding: .utf8)
        #expect(out == want, "\(unifiedDiff(expected: want, actual: out))")
    }

    @Test func writesTheModelBytesPyTorchReads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-model-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nnsh_model.pt.new").path
        let (_, err, outcome) = try run("save_model_program.py", path)
        #expect(outcome == .ok, "\(err)")
        for suffix in ["", ".layers"] {
            let written = try Data(contentsOf: URL(fileURLWithPath: path + suffix))
            let golden = try Data(contentsOf: Self.folder.appendingPathComponent("nnsh_model.pt" + suffix))
            #expect(written == golden, "nnsh's model checkpoint\(suffix) changed: rerun scripts/golden/make_checkpoint_golden.py so PyTorch checks the new bytes")
        }
    }

    @Test func loadsItsOwnModelCheckpoint() throws {
        let (out, err, outcome) = try run("load_model_program.py", Self.folder.appendingPathComponent("nnsh_model.pt").path)
        #expect(outcome == .ok, "\(err)")
        let want = try String(contentsOf: Self.folder.appendingPathComponent("expected_model.out"), encoding: .utf8)
        #expect(out == want, "\(unifiedDiff(expected: want, actual: out))")
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
