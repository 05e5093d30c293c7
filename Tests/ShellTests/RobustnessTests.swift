import Testing
@testable import Shell
import Torch

/// In-process robustness: the step budget the fuzzer relies on, the interrupt flag at safe points,
/// and the memory cap on Python-level collections. Each runs through `Session.run`, the shell's one entry.
@Suite("Robustness of the evaluator", .serialized)
struct RobustnessTests {
    func session() -> (Session, () -> String) {
        var err = ""
        let s = Session(file: "<test>", write: { _ in }, writeError: { err += $0 })
        return (s, { err })
    }

    @Test("an endless loop ends when the step budget runs out, and the session goes on")
    func stepBudget() {
        let (s, err) = session()
        s.interpreter.stepBudget = 500
        #expect(s.run("i = 0\nwhile True:\n    i += 1\n") == .failed(kind: "RuntimeError"))
        #expect(err().contains("step budget exhausted"))
        if case .int(let i)? = s.interpreter.globals["i"] { #expect(i > 100 && i < 500) } else { Issue.record("i lost") }
    }

    @Test("exponential recursion is bounded by the step budget too")
    func budgetInCalls() {
        let (s, _) = session()
        s.interpreter.stepBudget = 2000
        #expect(s.run("def f(n):\n    if n > 0:\n        f(n - 1)\n        f(n - 1)\nf(60)\n") == .failed(kind: "RuntimeError"))
    }

    @Test("a pending interrupt stops the next statement with KeyboardInterrupt and is cleared")
    func interruptFlag() {
        let (s, _) = session()
        #expect(s.run("x = 5\n") == .ok)
        Interpreter.interruptRequested = true
        #expect(s.run("y = 1\nwhile True:\n    pass\n") == .failed(kind: "KeyboardInterrupt"))
        #expect(!Interpreter.interruptRequested)
        #expect(s.run("assert x == 5\n") == .ok)
    }

    @Test("an interrupt raised inside a tensor op surfaces as KeyboardInterrupt")
    func torchInterrupt() {
        let (s, _) = session()
        #expect(s.run("import torch\nimport torch.nn as nn\nc = nn.Conv2d(2, 2, 3)\nx = torch.randn(4, 2, 8, 8)\n") == .ok)
        TorchInterrupt.requested = true
        #expect(s.run("y = c(x)\n") == .failed(kind: "KeyboardInterrupt"))
        #expect(!Interpreter.interruptRequested)
        #expect(s.run("y = c(x)\nassert y.shape == (4, 2, 6, 6)\n") == .ok)
    }

    @Test("Python lists, strings and ranges count against the memory cap", arguments: [
        "x = [0] * 10**7", "x = 'ab' * 10**7", "x = list(range(10**7))", "x = [1] * 1000\nfor i in range(20):\n    x = x + x",
        "s = 'a' * 1000\nfor i in range(20):\n    s = s + s", "x = '{:100000000}'.format(1)",
    ])
    func collectionCap(_ code: String) {
        let saved = MemoryLimit.bytes
        MemoryLimit.bytes = 8 << 20
        defer { MemoryLimit.bytes = saved }
        let (s, err) = session()
        #expect(s.run(code + "\n") == .failed(kind: "MemoryError"), "\(err())")
    }

    @Test("for over a huge range is lazy", arguments: ["range(10**15)", "range(-2**62, 2**62)", "range(0, 9223372036854775807, 3)"])
    func lazyRange(_ r: String) {
        let (s, _) = session()
        #expect(s.run("n = 0\nfor i in \(r):\n    n += 1\n    if n == 10:\n        break\nassert n == 10\n") == .ok)
    }

    @Test("self-containing lists print and compare like Python")
    func cycles() {
        var out = ""
        let s = Session(file: "<test>", write: { out += $0 }, writeError: { _ in })
        #expect(s.run("x = [1]\nx.append(x)\nprint(x)\nprint(x == x)\nd = {}\nd['d'] = d\nprint(d)\n") == .ok)
        #expect(out == "[1, [...]]\nTrue\n{'d': {...}}\n")
    }
}
