import Foundation
import Testing
@testable import Shell

/// The import system as CPython 3.11 runs it (issue 20): every `ImportConformance/CASE/` folder
/// holds a `main.py` and the modules and packages it imports; nnsh runs `main.py` as a script and
/// what it prints (stdout and the traceback, in order) must equal `expected.txt`, which CPython
/// printed (`python3 scripts/golden/make_import_golden.py`). Both sides are normalised alike: the
/// case folder's path is `<dir>`, traceback caret lines are dropped.
struct ImportConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ImportConformance")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("main.py").path) }.sorted()
    }()

    /// Cases CPython runs that nnsh does not match yet, each with the reason.
    static let knownGaps: [String: Comment] = [:]

    @Test func folderIsPopulated() {
        #expect(Self.cases.count >= 9, "expected the import cases in \(Self.folder.path)")
    }

    @Test(.serialized, arguments: cases)
    func importCase(_ name: String) throws {
        if let reason = Self.knownGaps[name] {
            try withKnownIssue(reason) { try Self.check(name) }
        } else {
            try Self.check(name)
        }
    }

    static func check(_ name: String) throws {
        let dir = folder.appendingPathComponent(name).path
        let main = dir + "/main.py"
        let expected = try String(contentsOfFile: dir + "/expected.txt", encoding: .utf8)
        let source = try String(contentsOfFile: main, encoding: .utf8)
        var output = ""
        let session = Session(file: main, write: { output += $0 }, writeError: { output += $0 })
        session.run(source)
        let got = output.replacingOccurrences(of: dir, with: "<dir>")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !(line.contains("^") && line.allSatisfy { $0 == " " || $0 == "^" || $0 == "~" }) }
            .joined(separator: "\n")
        #expect(got == expected, "ImportConformance/\(name): nnsh printed\n\(got)\nCPython printed\n\(expected)")
    }
}
