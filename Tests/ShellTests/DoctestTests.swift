import Foundation
import Testing
@testable import Shell

struct DoctestTests {
    @Test func skipMarkerSkipsTheNextFencedBlockOnly() {
        let doc = """
        <!-- doctest: skip -->
        ```text
        >>> x.sh
        torch.Size([1])
        ```

        ```
        >>> 1 + 1
        2
        ```
        """
        let examples = Doctest.examples(in: doc)
        #expect(examples.map(\.source) == ["1 + 1"])
        #expect(examples.first?.expected == "2\n")
    }

    /// A Markdown file saved with Windows line ends has the same examples (issue 25).
    @Test func crlfDocumentsHaveTheirExamples() {
        let doc = ">>> 1 + 1\r\n2\r\n\r\n>>> for i in range(2):\r\n...     print(i)\r\n0\r\n1\r\n"
        let examples = Doctest.examples(in: doc)
        #expect(examples.map(\.source) == ["1 + 1", "for i in range(2):\n    print(i)"])
        #expect(examples.map(\.expected) == ["2\n", "0\n1\n"])
    }

    /// A 30 000-line mismatch needed 7 GB for its subsequence table; the common head and tail are
    /// now shown as they are and a large middle as removed-then-added.
    @Test func hugeDiffIsLinear() {
        let expected = (0..<30_000).map { "e\($0)\n" }.joined()
        let got = "same\n" + (0..<30_000).map { "g\($0)\n" }.joined() + "end\n"
        let d = Doctest.diff("same\n" + expected + "end\n", got)
        let lines = d.split(separator: "\n")
        #expect(lines.count == 60_002)
        #expect(lines.first == "     same" && lines.last == "     end")
        #expect(lines[1] == "    -e0" && lines[30_001] == "    +g0")
        // Small diffs still interleave by their common lines.
        #expect(Doctest.diff("a\nb\nc\n", "a\nx\nc\n") == "     a\n    -b\n    +x\n     c\n")
    }

    /// Markdown output: a fence longer than any backtick run inside, link targets percent-encoded.
    @Test func markdownFencesAndLinks() {
        #expect(Transcript.fence(for: "plain") == "```")
        #expect(Transcript.fence(for: "a\n```\nb") == "````")
        #expect(Transcript.fence(for: "`````") == "``````")
        #expect(Transcript.markdownLinkTarget("my (test) file_files/fig1.png") == "my%20%28test%29%20file_files/fig1.png")
        #expect(Transcript.markdownLinkTarget("卷积/100%.png") == "卷积/100%25.png")
        #expect(Transcript.markdownText("a[1].png") == "a\\[1\\].png")
    }

    /// `show()` in a document whose pictures folder cannot be made says which folder and why.
    @Test func picturesFolderThatIsAFileIsNamed() throws {
        let dir = NSTemporaryDirectory() + "nnsh-md-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/doc_files", contents: Data())
        var out = ""
        let session = Session(file: "doc.py", write: { out += $0 }, writeError: { out += $0 })
        session.interpreter.pictures.autoSaveDirectory = dir + "/doc_files"
        _ = session.run("import torch\nshow(torch.zeros(3, 2, 2))\n")
        #expect(out.contains("FileExistsError: [Errno 17] File exists: '\(dir)/doc_files'"), "\(out)")
    }
}
