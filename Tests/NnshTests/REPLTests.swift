import Foundation
import Testing

/// Drives the real `nnsh` binary through a pseudo-terminal. Every wait has a deadline, and the
/// child is killed when its `PTYSession` goes away, so a broken prompt fails a test instead of hanging it.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct REPLTests {
    func start(_ args: [String] = ["-q"], history: String? = nil, env: [String: String] = [:]) throws -> PTYSession {
        var e = env
        e["NNSH_HISTORY"] = history ?? PTYSession.tempPath("history")
        let s = try PTYSession(arguments: args, environment: e)
        #expect(s.wait(for: ">>> "), "no prompt; output: \(s.text)")
        return s
    }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: PTYSession.binary), "build nnsh first: \(PTYSession.binary)")
    }

    @Test func completesNamesAndMembers() throws {
        let s = try start()
        s.line("value_one = 41")
        s.line("import torch")
        s.line("x = torch.zeros(2, 3)")
        var m = s.mark
        s.send("print(value_o\t + 1)")
        s.line("")
        #expect(s.wait(for: "42", after: m), "\(s.text)")
        m = s.mark
        s.send("x.sh\t")
        s.line("")
        #expect(s.wait(for: "torch.Size([2, 3])", after: m), "\(s.text)")
        m = s.mark
        s.send("torch.zeros_l\t(x).sum().item()")
        s.line("")
        #expect(s.wait(for: "0.0", after: m), "\(s.text)")
        // Several candidates: a second list is shown under the line.
        m = s.mark
        s.send("x.sq\t")
        #expect(s.wait(for: "squeeze_", after: m), "\(s.text)")
        s.send("\u{3}")
        #expect(s.wait(for: "KeyboardInterrupt", after: m))
    }

    @Test func completesKeywordArguments() throws {
        let s = try start()
        s.line("def f(alpha, beta=2): return alpha * beta")
        s.line("")
        var m = s.mark
        s.send("f(5, be\t7)")
        s.line("")
        #expect(s.wait(for: "35", after: m), "\(s.text)")
        s.line("import torch.nn as nn")
        m = s.mark
        s.send("nn.Conv2d(3, 1, 3, pad\t")
        // `padding=` and `padding_mode=` share `padding`; the next Tab lists both.
        s.send("\t")
        #expect(s.wait(for: "padding_mode=", after: m), "\(s.text)")
        #expect(s.text.dropFirst(m).contains("padding="))
        s.send("\u{3}")
        #expect(s.wait(for: "KeyboardInterrupt", after: m))
    }

    @Test func historyPersistsAcrossSessions() throws {
        let path = PTYSession.tempPath("shared-history")
        defer { unlink(path) }
        do {
            let s = try start(history: path)
            s.line("for k in range(2):")
            s.line("    print(k * 10)")
            s.line("")
            #expect(s.wait(for: "10"))
            s.line("hist_value = 123")
            s.send("\u{4}")
            #expect(s.waitExit() == 0)
        }
        let s = try start(history: path)
        var m = s.mark
        s.send("\u{1b}[A")          // Up: `hist_value = 123`
        s.line("")
        s.line("print(hist_value + 1)")
        #expect(s.wait(for: "124", after: m), "\(s.text)")
        // Up three times: the multi-line block comes back as one entry.
        m = s.mark
        s.send("\u{1b}[A\u{1b}[A\u{1b}[A")
        s.line("")
        s.line("")
        #expect(s.wait(for: "10", after: m), "\(s.text)")
        let file = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(file.contains("hist_value = 123"))
        #expect(file.contains("for k in range(2):\\n    print(k * 10)"))
    }

    @Test func twoShellsAtOnceKeepBothHistories() throws {
        let path = PTYSession.tempPath("concurrent-history")
        defer { unlink(path) }
        let a = try start(history: path)
        let b = try start(history: path)
        a.line("from_a = 1")
        b.line("from_b = 2")
        a.line("again_a = 3")
        a.line("print('a' + 'done')")
        b.line("print('b' + 'done')")
        #expect(a.wait(for: "adone"))
        #expect(b.wait(for: "bdone"))
        a.send("\u{4}"); b.send("\u{4}")
        #expect(a.waitExit() == 0)
        #expect(b.waitExit() == 0)
        let file = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        for needle in ["from_a = 1", "from_b = 2", "again_a = 3"] { #expect(file.contains(needle), "\(file)") }
    }

    @Test func corruptHistoryFileIsOnlyAWarning() throws {
        let path = PTYSession.tempPath("corrupt")
        defer { unlink(path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data([0xff, 0xfe, 0x00, 0x41]))
        let s = try start(history: path)
        #expect(s.text.contains("warning"))
        let m = s.mark
        s.line("print(6 * 7)")
        #expect(s.wait(for: "42", after: m))
    }

    @Test func continuationPrompts() throws {
        let s = try start()
        var m = s.mark
        s.line("if True:")
        #expect(s.wait(for: "... ", after: m))
        s.line("    print('inside')")
        s.line("")
        #expect(s.wait(for: "inside", after: m), "\(s.text)")
        m = s.mark
        s.line("total = (1 +")
        #expect(s.wait(for: "... ", after: m))
        s.line("2)")
        s.line("more = total + \\")
        s.line("10")
        s.line("print(total, more)")
        #expect(s.wait(for: "3 13", after: m), "\(s.text)")
        // A pasted block: the unindented line after the loop ends it.
        m = s.mark
        s.send("for j in range(2):\r    print('row', j)\rprint('pasted done')\r")
        #expect(s.wait(for: "pasted done", after: m), "\(s.text)")
        #expect(s.text.dropFirst(m).contains("row 1"))
    }

    @Test func ctrlCInterruptsALongLoopAndKeepsState() throws {
        let s = try start()
        s.line("kept = 7")
        s.line("i = 0")
        s.line("while True: i += 1")
        s.line("")
        Thread.sleep(forTimeInterval: 1.0)
        let m = s.mark
        s.send("\u{3}")
        #expect(s.wait(for: "KeyboardInterrupt", after: m), "\(s.text)")
        #expect(s.wait(for: ">>> ", after: m))
        s.line("print(kept, i > 0)")
        #expect(s.wait(for: "7 True", after: m), "\(s.text)")
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let s = try start()
        let m = s.mark
        s.send("this is not python")
        s.send("\u{3}")
        #expect(s.wait(for: "KeyboardInterrupt", after: m))
        s.line("print(1 + 1)")
        #expect(s.wait(for: "2", after: m))
        #expect(!s.text.contains("SyntaxError"))
        s.send("\u{4}")
        #expect(s.waitExit() == 0)
    }

    @Test func syntaxErrorThenAWorkingStatement() throws {
        let s = try start()
        var m = s.mark
        s.line("y = = 1")
        #expect(s.wait(for: "SyntaxError", after: m), "\(s.text)")
        #expect(s.text.dropFirst(m).contains("^"))
        m = s.mark
        s.line("y = 5")
        s.line("y = 1 / 0")
        #expect(s.wait(for: "ZeroDivisionError", after: m), "\(s.text)")
        s.line("print('y is', y)")
        #expect(s.wait(for: "y is 5", after: m), "\(s.text)")
    }

    @Test func helpAndQuestionMark() throws {
        let s = try start()
        s.line("import torch")
        s.line("import torch.nn as nn")
        var m = s.mark
        s.line("help(torch.zeros)")
        #expect(s.wait(for: "torch.zeros(*size, *, dtype=None", after: m), "\(s.text)")
        m = s.mark
        s.line("nn.Conv2d?")
        #expect(s.wait(for: "H_out = floor((H_in + 2*padding", after: m), "\(s.text)")
        m = s.mark
        s.line("nn.MaxPool2d?")
        #expect(s.wait(for: "return_indices=False", after: m), "\(s.text)")
        m = s.mark
        s.line("help()")
        #expect(s.wait(for: "magics", after: m))
    }

    @Test func magics() throws {
        let s = try start()
        var m = s.mark
        s.line("%timeit -n 10 -r 3 1 + 1")
        #expect(s.wait(for: "per loop (mean ± std. dev. of 3 runs, 10 loops each)", after: m), "\(s.text)")
        s.line("import torch")
        s.line("w = torch.ones(4, 5)")
        m = s.mark
        s.line("%whos")
        #expect(s.wait(for: "shape=torch.Size([4, 5]), dtype=torch.float32", after: m), "\(s.text)")
        m = s.mark
        s.line("%reset -f")
        s.line("%who")
        #expect(s.wait(for: "Interactive namespace is empty.", after: m), "\(s.text)")
        m = s.mark
        s.line("%time sum([1, 2, 3])")
        #expect(s.wait(for: "Wall time:", after: m))
        #expect(s.wait(for: "6", after: m))
        m = s.mark
        s.line("%history")
        #expect(s.wait(for: "%reset -f", after: m))
    }

    @Test func bannerAndColours() throws {
        let plain = try start([])
        #expect(plain.text.contains("help()"))
        #expect(!plain.raw.contains(0x1b) || !plain.text.isEmpty)
        let quiet = try start(["-q"])
        #expect(!quiet.text.contains("help()"))
        let coloured = try start(["-q"], env: ["NO_COLOR": ""])
        #expect(String(decoding: coloured.raw, as: UTF8.self).contains("\u{1b}[1;32m"))
        let m = coloured.mark
        coloured.line("undefined_name")
        #expect(coloured.wait(for: "NameError", after: m))
        #expect(String(decoding: coloured.raw, as: UTF8.self).contains("\u{1b}[1;31mNameError"))
        let noColour = try start(["-q"])
        #expect(!String(decoding: noColour.raw, as: UTF8.self).contains("\u{1b}[1;32m"))
    }

    @Test func pipedInputHasNoPromptOrBanner() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PTYSession.binary)
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data("print(1)\nx = 2\nprint(x * 3)\n".utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text == "1\n6\n")
    }

    /// libedit drops every character its C locale cannot convert; nnsh reads the terminal as UTF-8 in
    /// every locale, as CPython does. The expected lengths and code points are CPython's.
    @Test(arguments: ["", "C", "POSIX", "C.UTF-8", "en_US.UTF-8"])
    func unicodeAtThePromptInEveryLocale(locale: String) throws {
        let path = PTYSession.tempPath("unicode-history")
        defer { unlink(path) }
        do {
            var env = ["LC_ALL": "", "LC_CTYPE": ""]
            env["LANG"] = locale
            let s = try start(history: path, env: env)
            var m = s.mark
            s.line("name = \"卷积层 José 🎉 e\u{301}\"")
            s.line("print(len(name), [hex(ord(c)) for c in name[-2:]], name)")
            #expect(s.wait(for: "13 ['0x65', '0x301'] 卷积层 José 🎉 e\u{301}", after: m), "\(s.text)")
            m = s.mark
            s.line("ééé_var = 3; 变量 = ééé_var * 2; print(变量)")
            #expect(s.wait(for: "6", after: m), "\(s.text)")
            s.send("\u{4}")
            #expect(s.waitExit() == 0)
        }
        let file = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(file.contains("name = \"卷积层 José 🎉 e\u{301}\""), "history: \(file)")
        #expect(file.contains("ééé_var = 3; 变量 = ééé_var * 2; print(变量)"), "history: \(file)")
        // Recalled from the history, the line runs unchanged.
        let s = try start(history: path, env: ["LANG": locale, "LC_ALL": ""])
        let m = s.mark
        s.send("\u{1b}[A\u{1b}[A\u{1b}[A")   // Up three times: the `name = …` line
        s.line("")
        s.line("print(len(name))")
        #expect(s.wait(for: "13", after: m), "\(s.text)")
    }

    @Test func exitLeaves() throws {
        let s = try start()
        s.line("exit()")
        #expect(s.waitExit() == 0)
    }
}
