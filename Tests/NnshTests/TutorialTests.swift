import Foundation
import Testing

/// The built `nnsh` binary, the repository root and a way to run one, for end-to-end tests.
enum TutorialRun {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tutorial = root.appendingPathComponent("examples/tutorial")

    static var binary: URL {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("nnsh"),
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nnsh"),
                          root.appendingPathComponent(".build/debug/nnsh")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Runs `nnsh ARGS` in `cwd`; returns (status, stdout, stderr).
    static func nnsh(_ args: [String], cwd: URL = tutorial, environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        // stdout through a pipe read to the end before waiting; stderr to a file, so neither can stall the child.
        let out = Pipe()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try err.close()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: tutorial.appendingPathComponent("expected/\(name)"), encoding: .utf8)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-tutorial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// examples/tutorial: each script prints byte for byte what PyTorch printed (expected/*.out from
/// scripts/golden/make_tutorial_golden.py), and the transcript and doctest modes agree with Python's REPL.
@Suite(.serialized) struct TutorialTests {
    static let scripts = ["01_conv2d", "02_conv_transpose2d", "03_pooling", "04_unpooling", "05_linear", "06_activations"]

    @Test(arguments: scripts)
    func scriptPrintsWhatPyTorchPrints(_ name: String) throws {
        let (status, out, err) = try TutorialRun.nnsh(["\(name).py"])
        #expect(err == "")
        #expect(status == 0)
        #expect(out == (try TutorialRun.expected("\(name).out")))
    }

    @Test(arguments: ["05_linear", "06_activations", "03_pooling"])
    func transcriptIsPythonsInteractiveSession(_ name: String) throws {
        let (status, out, err) = try TutorialRun.nnsh(["--transcript", "\(name).py"])
        #expect(err == "")
        #expect(status == 0)
        #expect(out == (try TutorialRun.expected("\(name).transcript")))
    }

    @Test func tutorialWalkthroughPassesDoctest() throws {
        // From the repository root: the walkthrough finds its files through __file__.
        let (status, out, _) = try TutorialRun.nnsh(["--doctest", "examples/tutorial/tutorial.md"], cwd: TutorialRun.root)
        #expect(status == 0)
        #expect(out.hasSuffix(" passed, 0 failed\n"))
        #expect(!out.contains("Failed example"))
    }

    @Test func readmeExamplesPassDoctest() throws {
        let (status, out, _) = try TutorialRun.nnsh(["--doctest", "README.md"], cwd: TutorialRun.root)
        #expect(status == 0)
        #expect(out.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func activationCurvesWritePictures() throws {
        let (status, out, err) = try TutorialRun.nnsh(["06_activation_curves.nnsh"])
        #expect(err == "")
        #expect(status == 0)
        #expect(out.contains("Sigmoid()"))
        for name in ["sigmoid", "tanh", "relu", "leaky_relu"] {
            let path = TutorialRun.tutorial.appendingPathComponent("out/06_\(name).png").path
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(out.contains("saved \(path)\n"))
        }
    }
}

/// --transcript, --markdown and --doctest on small documents.
@Suite struct DocumentModeTests {
    @Test func transcriptShowsPromptsEchoesAndBlocks() throws {
        let dir = try TutorialRun.temporaryDirectory()
        let script = """
        # add two numbers
        a = 1 + 2
        a

        for i in range(2):
            print(i)

        t = (1,
             2)
        t
        """
        try script.write(to: dir.appendingPathComponent("s.py"), atomically: true, encoding: .utf8)
        let (status, out, _) = try TutorialRun.nnsh(["--transcript", "s.py"], cwd: dir)
        #expect(status == 0)
        #expect(out == """
        >>> # add two numbers
        >>> a = 1 + 2
        >>> a
        3
        >>> for i in range(2):
        ...     print(i)
        ...
        0
        1
        >>> t = (1,
        ...      2)
        >>> t
        (1, 2)

        """)
    }

    @Test func transcriptStopsAtAnErrorWithStatus1() throws {
        let dir = try TutorialRun.temporaryDirectory()
        try "x = 1\ny = x + undefined\nprint('not reached')\n".write(to: dir.appendingPathComponent("e.py"), atomically: true, encoding: .utf8)
        let (status, out, _) = try TutorialRun.nnsh(["--transcript", "e.py"], cwd: dir)
        #expect(status == 1)
        #expect(out.hasPrefix(">>> x = 1\n>>> y = x + undefined\nTraceback (most recent call last):\n  File \"e.py\", line 2, in <module>\n"))
        #expect(out.hasSuffix("NameError: name 'undefined' is not defined\n"))
        #expect(!out.contains("not reached"))
    }

    /// `--ipynb`: nbformat 4 cells with stream, execute_result, display_data (PNG) and error outputs;
    /// `nnsh FILE.ipynb` runs the code cells back as a script.
    @Test func ipynbExportAndRun() throws {
        let dir = try TutorialRun.temporaryDirectory()
        let script = """
        # A tiny notebook
        import torch

        x = torch.ones(2)
        print(x.sum())
        x * 3

        show(torch.zeros(3, 2, 2))

        1 / 0
        """
        try script.write(to: dir.appendingPathComponent("nb.py"), atomically: true, encoding: .utf8)
        let (status, out, _) = try TutorialRun.nnsh(["--ipynb", "nb.py"], cwd: dir)
        #expect(status == 1)
        let nb = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(nb["nbformat"] as? Int == 4)
        let cells = try #require(nb["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["code", "code", "code", "code"])
        let outputs = cells.map { ($0["outputs"] as? [[String: Any]] ?? []).map { $0["output_type"] as? String ?? "" } }
        #expect(outputs == [[], ["stream", "execute_result"], ["stream", "display_data"], ["error"]])
        let second = try #require(cells[1]["outputs"] as? [[String: Any]])
        #expect(second[0]["text"] as? [String] == ["tensor(2.)\n"])
        #expect((second[1]["data"] as? [String: Any])?["text/plain"] as? [String] == ["tensor([3., 3.])"])
        let error = try #require((cells[3]["outputs"] as? [[String: Any]])?.first)
        #expect(error["ename"] as? String == "ZeroDivisionError")
        #expect(error["evalue"] as? String == "division by zero")
        // Run the notebook back (without the failing cell) as a script.
        var trimmed = nb
        trimmed["cells"] = Array(cells.prefix(3))
        try JSONSerialization.data(withJSONObject: trimmed).write(to: dir.appendingPathComponent("nb.ipynb"))
        let (runStatus, runOut, _) = try TutorialRun.nnsh(["nb.ipynb"], cwd: dir)
        #expect(runStatus == 0)
        #expect(runOut.hasPrefix("tensor(2.)\n"))
    }

    @Test func markdownHasCellsOutputsAndPictures() throws {
        let dir = try TutorialRun.temporaryDirectory()
        let script = """
        # A tiny notebook
        import torch
        from torchvision.utils import save_image

        x = torch.ones(1, 3, 4, 4) * 0.5
        print(x.shape)
        save_image(x, "half.png")

        show(torch.zeros(2, 2))
        """
        try script.write(to: dir.appendingPathComponent("nb.py"), atomically: true, encoding: .utf8)
        let (status, out, _) = try TutorialRun.nnsh(["--markdown", "nb.py"], cwd: dir)
        #expect(status == 0)
        #expect(out == """
        # nb.py

        ```python
        # A tiny notebook
        import torch
        from torchvision.utils import save_image
        ```

        ```python
        x = torch.ones(1, 3, 4, 4) * 0.5
        print(x.shape)
        save_image(x, "half.png")
        ```

        ```
        torch.Size([1, 3, 4, 4])
        ```

        ![half.png](half.png)

        ```python
        show(torch.zeros(2, 2))
        ```

        ```
        [2, 2] float32, gray, values in [0, 0], shown as is, saved to nb_files/fig1.png
        ```

        ![fig1.png](nb_files/fig1.png)

        """)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("half.png").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nb_files/fig1.png").path))
    }

    @Test func doctestPassesAndSummarises() throws {
        let dir = try TutorialRun.temporaryDirectory()
        let doc = """
        Some prose.

            >>> import torch
            >>> x = torch.tensor([1., 2.])
            >>> x * 2
            tensor([2., 4.])
            >>> for v in [1, 2]:
            ...     print(v)
            1
            2
            >>> print("a\\n\\nb")
            a
            <BLANKLINE>
            b
            >>> 1 / 0
            Traceback (most recent call last):
              ...
            ZeroDivisionError: division by zero

        ```pycon
        >>> x.sum()
        tensor(3.)
        ```
        """
        try doc.write(to: dir.appendingPathComponent("ok.md"), atomically: true, encoding: .utf8)
        let (status, out, _) = try TutorialRun.nnsh(["--doctest", "ok.md"], cwd: dir)
        #expect(out == "7 passed, 0 failed\n")
        #expect(status == 0)
    }

    @Test func doctestReportsAMismatchWithADiffAndStatus1() throws {
        let dir = try TutorialRun.temporaryDirectory()
        let doc = """
        >>> import torch
        >>> torch.tensor([1., 2.]) + 1
        tensor([2., 4.])
        >>> print("same")
        same
        """
        try doc.write(to: dir.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
        let (status, out, _) = try TutorialRun.nnsh(["--doctest", "bad.txt"], cwd: dir)
        #expect(status == 1)
        #expect(out == """
        **********************************************************************
        File "bad.txt", line 2, in bad.txt
        Failed example:
            torch.tensor([1., 2.]) + 1
        Expected:
            tensor([2., 4.])
        Got:
            tensor([2., 3.])
        Differences (- expected, + got):
            -tensor([2., 4.])
            +tensor([2., 3.])
        **********************************************************************
        2 passed, 1 failed

        """)
    }

    @Test func missingFileIsStatus2() throws {
        let (status, _, err) = try TutorialRun.nnsh(["--doctest", "no-such-file.md"])
        #expect(status == 2)
        #expect(err.contains("can't open file 'no-such-file.md'"))
    }
}
