import Foundation
import Testing
@testable import Shell
import Torch

/// Completion as a pure function: `(line, cursor, interpreter) -> candidates`, no terminal.
struct CompletionTests {
    func session(_ setup: String = "") -> Session {
        let s = Session(write: { _ in }, writeError: { _ in })
        if !setup.isEmpty { #expect(s.run(setup) == .ok) }
        return s
    }

    @Test func namesInScopeAndBuiltins() {
        let s = session("value_one = 1\nvalue_two = 2\n")
        #expect(s.interpreter.completionCandidates("value_") == ["value_one", "value_two"])
        #expect(s.interpreter.completionCandidates("pri") == ["print"])
        #expect(s.interpreter.completionCandidates("x = len(val").contains("value_one"))
        #expect(s.interpreter.completionCandidates("whi").contains("while"))
    }

    @Test func startIsTheWordBeingCompleted() {
        let s = session("import torch\nx = torch.zeros(2)\n")
        let c = s.interpreter.completions(line: "y = x.sh")
        #expect(c.start == 6)
        #expect(c.candidates == ["shape"])
        // The cursor in the middle of the line.
        let mid = s.interpreter.completions(line: "x.sh + 1", cursor: 4)
        #expect(mid.start == 2 && mid.candidates == ["shape"])
    }

    @Test func membersOfNamespaces() {
        let s = session("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n")
        #expect(s.interpreter.completionCandidates("torch.zer").contains("zeros"))
        #expect(s.interpreter.completionCandidates("torch.zer").contains("zeros_like"))
        #expect(s.interpreter.completionCandidates("nn.Conv").contains("Conv2d"))
        #expect(s.interpreter.completionCandidates("nn.Conv") == ["Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d"])
        #expect(s.interpreter.completionCandidates("F.max_p") == ["max_pool1d", "max_pool2d", "max_pool3d"])
        #expect(s.interpreter.completionCandidates("nn.init.xavier") == ["xavier_normal_", "xavier_uniform_"])
        #expect(s.interpreter.completionCandidates("torch.nn.init.zer") == ["zeros_"])
    }

    @Test func attributesOfValues() {
        let s = session("import torch\nx = torch.zeros(2, 3)\nname = 'abc'\nitems = [1]\n")
        #expect(s.interpreter.completionCandidates("x.sh") == ["shape"])
        #expect(s.interpreter.completionCandidates("x.resh").contains("reshape"))
        #expect(s.interpreter.completionCandidates("x.T.sh") == ["shape"])
        #expect(s.interpreter.completionCandidates("name.upp") == ["upper"])
        #expect(s.interpreter.completionCandidates("items.app") == ["append"])
        #expect(s.interpreter.completionCandidates("missing.sh") == [])
    }

    @Test func neverCallsAnything() {
        let s = session("calls = [0]\ndef f():\n    calls[0] += 1\n    return calls\n")
        #expect(s.interpreter.completionCandidates("f().app") == [])
        #expect(s.interpreter.completionCandidates("f()[0].re") == [])
        #expect(s.interpreter.completionCandidates("(f()).app") == [])
        _ = s.interpreter.completionCandidates("f(f().")
        guard case .list(let l)? = s.interpreter.globals["calls"], case .int(let n) = l.items[0] else {
            Issue.record("calls missing"); return
        }
        #expect(n == 0)
    }

    @Test func keywordArguments() {
        let s = session("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\ndef f(alpha, beta=2, *, gamma=3): pass\n")
        #expect(s.interpreter.completionCandidates("nn.Conv2d(3, 1, 3, pad") == ["padding=", "padding_mode="])
        #expect(s.interpreter.completionCandidates("m = nn.Conv2d(3, 1, 3, padding=1, pad") == ["padding_mode="])
        #expect(s.interpreter.completionCandidates("nn.MaxPool2d(2, ret") == ["return_indices=", "return"])
        #expect(s.interpreter.completionCandidates("F.conv2d(x, w, str").first == "stride=")
        #expect(s.interpreter.completionCandidates("torch.zeros(2, 3, dt") == ["dtype="])
        #expect(s.interpreter.completionCandidates("f(1, ") == ["alpha=", "beta=", "gamma="])
        #expect(s.interpreter.completionCandidates("f(1, g") == ["gamma="] || s.interpreter.completionCandidates("f(1, g").first == "gamma=")
        // Keyword names come first, then names in scope.
        let mixed = s.interpreter.completionCandidates("nn.Linear(4, 5, b")
        #expect(mixed.first == "bias=")
        #expect(mixed.contains("bool"))
        // Nested: the innermost open call counts.
        #expect(s.interpreter.completionCandidates("nn.Sequential(nn.Conv2d(1, 2, 3, dil") == ["dilation="])
        #expect(s.interpreter.completionCandidates("nn.Conv2d(1, 2, 3), dil").contains("dilation=") == false)
    }

    @Test func fileNamesInStrings() throws {
        let dir = NSTemporaryDirectory() + "nnsh-complete-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/image_one.png", contents: Data())
        FileManager.default.createFile(atPath: dir + "/image_two.png", contents: Data())
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = session()
        let line = "p = open(\"\(dir)/ima"
        let c = s.interpreter.completions(line: line)
        #expect(c.candidates == ["\(dir)/image_one.png", "\(dir)/image_two.png"])
        #expect(c.start == "p = open(\"".utf8.count)
        #expect(s.interpreter.completionCandidates("'\(dir)/su") == ["\(dir)/sub/"])
        // Inside a closed string there is nothing to complete from the string.
        #expect(s.interpreter.completionCandidates("x = 'abc' # pri") == [])
    }

    @Test func imports() {
        let s = session()
        #expect(s.interpreter.completionCandidates("import tor").contains("torch.nn"))
        #expect(s.interpreter.completionCandidates("from torch.nn import Conv").contains("Conv2d"))
    }

    @Test func commonPrefix() {
        #expect(Completion(start: 0, candidates: ["padding=", "padding_mode="]).commonPrefix == "padding")
        #expect(Completion(start: 0, candidates: []).commonPrefix == "")
    }
}

struct HelpTests {
    func helpOutput(_ code: String) -> String {
        var out = ""
        let s = Session(write: { out += $0 }, writeError: { out += $0 })
        s.run(code)
        return out
    }

    @Test func everyRequiredCallableIsDocumented() {
        var names = ["Linear", "Identity", "Flatten", "Sequential", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "PReLU", "RReLU",
                     "Softmax", "ELU", "GELU", "SiLU", "Softplus", "Hardtanh", "Dropout"].map { "torch.nn." + $0 }
        for n in 1...3 {
            names += ["Conv", "ConvTranspose", "MaxPool", "AvgPool", "MaxUnpool"].map { "torch.nn.\($0)\(n)d" }
        }
        names += ["tensor", "zeros", "ones", "randn", "rand", "randint", "arange", "linspace", "manual_seed", "cat", "stack", "matmul"].map { "torch." + $0 }
        names += ["relu", "conv2d", "max_pool2d", "softmax", "pad"].map { "torch.nn.functional." + $0 }
        names += ["xavier_uniform_", "kaiming_normal_", "zeros_", "constant_"].map { "torch.nn.init." + $0 }
        for n in names {
            let e = HelpTable.entry(n)
            #expect(e != nil, "\(n) is not documented")
            if let e, n.hasPrefix("torch.nn.") && !n.contains("functional") && !n.contains("init") {
                #expect(e.shape != nil && e.example != nil, "\(n) lacks shape or example")
            }
        }
    }

    @Test func signaturesParse() {
        let conv = HelpTable.entry("nn.Conv2d")!
        #expect(conv.keywordNames.prefix(4) == ["in_channels", "out_channels", "kernel_size", "stride"])
        #expect(conv.parameters.first { $0.name == "padding_mode" }?.defaultText == "'zeros'")
        let zeros = HelpTable.entry("torch.zeros")!
        #expect(zeros.keywordNames == ["dtype", "device", "requires_grad"])
        #expect(zeros.parameters.first?.kind == .varPositional)
    }

    @Test func helpOfALayerShowsSignatureShapeAndExample() {
        let text = helpOutput("import torch.nn as nn\nhelp('nn.Conv2d')\n")
        #expect(text.contains("nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0"))
        #expect(text.contains("H_out = floor((H_in + 2*padding - dilation*(kernel_size - 1) - 1) / stride + 1)"))
        #expect(text.contains("Example:"))
    }

    static var layersBound: Bool {
        let s = Session(write: { _ in }, writeError: { _ in })
        return s.run("import torch.nn as nn\nnn.Conv2d\n") == .ok
    }

    /// `help(nn.Conv2d)` on the value itself, once the layer bindings provide it.
    @Test(.enabled(if: layersBound)) func helpOfTheLayerValue() {
        let text = helpOutput("import torch.nn as nn\nhelp(nn.Conv2d)\nm = nn.Conv2d(16, 33, 3)\nhelp(m)\n")
        #expect(text.contains("nn.Conv2d(in_channels, out_channels, kernel_size, stride=1"))
        #expect(text.contains("Layer instance:"))
    }

    @Test func helpOfATensorShowsShapeAndMethods() {
        let text = helpOutput("import torch\nx = torch.zeros(2, 3)\nhelp(x)\n")
        #expect(text.contains("shape: torch.Size([2, 3])"))
        #expect(text.contains("dtype: torch.float32"))
        #expect(text.contains("view(*shape)"))
    }

    @Test func helpOfAFunctionAndTopics() {
        #expect(helpOutput("import torch\nhelp(torch.zeros)\n").contains("torch.zeros(*size, *, dtype=None"))
        #expect(helpOutput("help()\n").contains("Topics"))
        #expect(helpOutput("help('magics')\n").contains("%timeit"))
        #expect(helpOutput("help('nosuchthing')\n").contains("No help found"))
    }
}

struct MagicsTests {
    func make(_ setup: String = "") -> (Magics, () -> String) {
        final class Box { var s = "" }
        let box = Box()
        let session = Session(write: { box.s += $0 }, writeError: { box.s += $0 })
        if !setup.isEmpty { session.run(setup) }
        box.s = ""
        return (Magics(session: session, history: { ["a = 1", "for i in x:\n    pass"] }), { defer { box.s = "" }; return box.s })
    }

    @Test func formatTimeLikeIPython() {
        #expect(Magics.formatTime(0.00123) == "1.23 ms")
        #expect(Magics.formatTime(45.6e-6) == "45.6 µs")
        #expect(Magics.formatTime(1.5) == "1.5 s")
        #expect(Magics.formatTime(12e-9) == "12 ns")
        #expect(Magics.formatTime(0.25) == "250 ms")
        #expect(Magics.formatTime(0) == "0 ns")
    }

    @Test func timeit() {
        let (m, out) = make()
        #expect(m.handle("%timeit -n 5 -r 2 1 + 1") == .ok)
        let text = out()
        #expect(text.contains(" ± "))
        #expect(text.hasSuffix("per loop (mean ± std. dev. of 2 runs, 5 loops each)\n"))
    }

    @Test func timePrintsTimesThenTheValue() {
        let (m, out) = make()
        #expect(m.handle("%time 6 * 7") == .ok)
        let text = out()
        #expect(text.hasPrefix("CPU times: user "))
        #expect(text.contains("Wall time: "))
        #expect(text.hasSuffix("42\n"))
    }

    @Test func whoWhosReset() {
        let (m, out) = make("import torch\nw = torch.ones(4, 5)\nn = 3\n")
        #expect(m.handle("%who") == .ok)
        #expect(out() == "n\ttorch\tw\n")
        #expect(m.handle("%whos") == .ok)
        let table = out()
        #expect(table.hasPrefix("Variable"))
        #expect(table.contains("shape=torch.Size([4, 5]), dtype=torch.float32"))
        #expect(table.contains("int"))
        #expect(m.handle("%reset") == .ok)   // confirm says no
        #expect(out().contains("Nothing done"))
        #expect(m.handle("%reset -f") == .ok)
        _ = m.handle("%who")
        #expect(out() == "Interactive namespace is empty.\n")
    }

    @Test func runSeedMemoryHistoryAndErrors() throws {
        let path = NSTemporaryDirectory() + "nnsh-run-\(UUID().uuidString.prefix(6)).py"
        try "ran_value = 99\nprint('ran')\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let (m, out) = make()
        #expect(m.handle("%run \(path)") == .ok)
        #expect(out() == "ran\n")
        guard case .int(99)? = m.session.interpreter.globals["ran_value"] else { Issue.record("%run lost the variable"); return }
        #expect(m.handle("%run /no/such/file.py") == .failed(kind: "FileNotFoundError"))
        _ = out()
        #expect(m.handle("%seed 3") == .ok)
        let saved = Torch.MemoryLimit.bytes
        defer { Torch.MemoryLimit.bytes = saved }
        #expect(m.handle("%memory 2G") == .ok)
        #expect(Torch.MemoryLimit.bytes == 2 << 30)
        #expect(out().contains("2.0 GiB"))
        #expect(m.handle("%history -n") == .ok)
        #expect(out() == "   1: a = 1\n   2: for i in x:\n          pass\n")
        #expect(m.handle("%nosuch") == .failed(kind: "UsageError"))
        #expect(m.handle("x = 1") == nil)
    }

    @Test func questionMarkHelp() {
        let (m, out) = make("import torch.nn as nn\n")
        #expect(Magics.isSpecial("nn.Conv2d?"))
        #expect(!Magics.isSpecial("x = a if b else c"))
        #expect(m.handle("nn.Linear?") == .ok)
        #expect(out().contains("in_features, out_features, bias=True"))
        #expect(m.handle("?nn.ReLU") == .ok)
        #expect(out().contains("inplace=False"))
        #expect(m.handle("nosuch?") == .failed(kind: "NameError"))
    }
}

struct HistoryFileTests {
    func tempPath() -> String { NSTemporaryDirectory() + "nnsh-hist-\(UUID().uuidString.prefix(8))" }

    @Test func roundTripsMultiLineEntries() {
        let path = tempPath()
        defer { unlink(path) }
        let h = HistoryFile(path: path)
        #expect(h.load() == nil)
        h.append("for i in range(3):\n    print('a\\nb', i)")
        h.append("x = 1")
        h.append("x = 1")   // consecutive duplicate: kept once
        h.append("   ")     // blank: not kept
        let again = HistoryFile(path: path)
        #expect(again.load() == nil)
        #expect(again.entries == ["for i in range(3):\n    print('a\\nb', i)", "x = 1"])
    }

    @Test func twoWritersInterleave() {
        let path = tempPath()
        defer { unlink(path) }
        let a = HistoryFile(path: path), b = HistoryFile(path: path)
        a.load(); b.load()
        a.append("from_a = 1"); b.append("from_b = 2"); a.append("again_a = 3")
        let c = HistoryFile(path: path)
        c.load()
        #expect(c.entries == ["from_a = 1", "from_b = 2", "again_a = 3"])
    }

    @Test func capsAndCompacts() throws {
        let path = tempPath()
        defer { unlink(path) }
        let text = (0..<25).map { "line\($0)\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let h = HistoryFile(path: path, cap: 10)
        h.load()
        #expect(h.entries.count == 10)
        #expect(h.entries.last == "line24")
        let rewritten = try String(contentsOfFile: path, encoding: .utf8)
        #expect(rewritten.split(separator: "\n").count == 10)
    }

    /// Compaction reads the file again under the lock: entries other shells appended while this one
    /// was loading a long file survive (issue 25: 92 of 120 were lost with a 2M-line file).
    @Test func compactionKeepsConcurrentAppends() throws {
        let path = tempPath()
        defer { unlink(path) }
        let text = (0..<200_000).map { "old\($0)\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let writer = Thread {
            let other = HistoryFile(path: path, cap: 10)
            for i in 0..<120 { other.append("other\(i)"); usleep(200) }
        }
        writer.start()
        for _ in 0..<20 {
            HistoryFile(path: path, cap: 1000).load()  // compacts: 200 000 lines > 2 × 1000
        }
        while writer.isExecuting || !writer.isFinished { usleep(1000) }
        let after = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let others = after.filter { $0.hasPrefix("other") }
        #expect(others == (0..<120).map { "other\($0)" }, "\(others.count) of 120 kept")
    }

    /// An entry cut short (a full disk, a killed shell) is not glued onto the next one.
    @Test func truncatedEntryIsNotGluedToTheNext() throws {
        let path = tempPath()
        defer { unlink(path) }
        try "a = 1\nb = 2 +".write(toFile: path, atomically: true, encoding: .utf8)
        let h = HistoryFile(path: path)
        h.load()
        h.append("c = 3")
        let again = HistoryFile(path: path)
        again.load()
        #expect(again.entries == ["a = 1", "b = 2 +", "c = 3"])
    }

    /// With HOME unset the history goes to the home folder from the password database, never to the
    /// current folder; an empty path keeps history in memory only.
    @Test func noHomeIsNeverTheCurrentFolder() {
        let p = HistoryFile.defaultPath(environment: [:])
        #expect(p == nil || p!.hasPrefix("/"), "\(p ?? "nil")")
        let h = HistoryFile(path: "")
        #expect(h.load() == nil)
        #expect(h.append("x = 1") == nil)
        #expect(h.entries == ["x = 1"])
    }

    /// A FIFO as history file would block the prompt forever: it is refused with a warning.
    @Test func fifoHistoryIsAWarning() {
        let path = tempPath()
        defer { unlink(path) }
        #expect(mkfifo(path, 0o600) == 0)
        let h = HistoryFile(path: path)
        #expect(h.load()?.contains("not a regular file") == true)
        #expect(h.append("x = 1")?.contains("warning") == true)
    }

    @Test func corruptOrUnreadableIsAWarning() throws {
        let path = tempPath()
        defer { unlink(path) }
        FileManager.default.createFile(atPath: path, contents: Data([0xff, 0x00, 0xfe]))
        let h = HistoryFile(path: path)
        #expect(h.load()?.contains("warning") == true)
        #expect(h.entries.isEmpty)
        let dir = NSTemporaryDirectory()
        #expect(HistoryFile(path: dir).load()?.contains("directory") == true)
        #expect(HistoryFile(path: "/nonexistent-dir/x/hist").append("x = 1")?.contains("warning") == true)
    }

    @Test func readsLibeditFormat() throws {
        let path = tempPath()
        defer { unlink(path) }
        try "_HiStOrY_V2_\nx\\040=\\0401\nprint(x)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let h = HistoryFile(path: path)
        h.load()
        #expect(h.entries == ["x = 1", "print(x)"])
    }

    /// Compacting a file libedit wrote rewrites its entries in nnsh's encoding (not as raw strvis lines).
    @Test func compactingALibeditFileKeepsItsEntries() throws {
        let path = tempPath()
        defer { unlink(path) }
        try "_HiStOrY_V2_\na\\040=\\0401\nb\\040=\\0402\nc\\040=\\0403\n".write(toFile: path, atomically: true, encoding: .utf8)
        HistoryFile(path: path, cap: 1).load()   // 4 lines > 2 × 1: compacted
        let again = HistoryFile(path: path, cap: 1)
        again.load()
        #expect(again.entries == ["c = 3"])
    }

    @Test func defaultPath() {
        #expect(HistoryFile.defaultPath(environment: ["NNSH_HISTORY": "/tmp/h", "HOME": "/home/u"]) == "/tmp/h")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.nnsh_history")
    }
}
