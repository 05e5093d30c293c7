import Foundation
import Testing
@testable import Shell

/// The examples that train a model print what PyTorch printed for them, digit for digit
/// (`scripts/golden/make_examples_golden.py` runs them under real PyTorch).
struct ExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func lenetTrainsAsPyTorchDoes() throws {
        let folder = Self.root.appendingPathComponent("examples/lenet")
        let source = try String(contentsOf: folder.appendingPathComponent("train_lenet.py"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected_output.txt"), encoding: .utf8)
        var out = "", err = ""
        let session = Session(file: "train_lenet.py", write: { out += $0 }, writeError: { err += $0 })
        let outcome = session.run(source, file: "train_lenet.py")
        #expect(outcome == .ok, "\(err)")
        #expect(out == expected, "\(unifiedDiff(expected: expected, actual: out))")
    }
}
