import Foundation
import Syntax
import Torch

/// IPython-style `%magics` and `name?` help for the interactive prompt.
public final class Magics {
    public let session: Session
    /// This session's entries, oldest first (for `%history`).
    public var history: () -> [String]
    /// Asks a yes/no question (for `%reset` without `-f`).
    public var confirm: (String) -> Bool

    public init(session: Session, history: @escaping () -> [String] = { [] }, confirm: @escaping (String) -> Bool = { _ in false }) {
        self.session = session
        self.history = history
        self.confirm = confirm
    }

    var interpreter: Interpreter { session.interpreter }
    func out(_ s: String) { interpreter.write(s) }
    func err(_ s: String) { session.writeError(s) }

    public static let helpText = """
        Magic commands (as in IPython):
            %time STMT        run STMT once and report CPU and wall time
            %timeit STMT      run STMT many times: mean ± std. dev. per loop  (-n LOOPS, -r RUNS)
            %who              names of your variables
            %whos             your variables with type, shape and dtype
            %reset [-f]       delete all your variables (-f: don't ask)
            %run FILE         run a script in this session (its variables stay)
            %history [-n]     what you typed in this session (-n: numbered)
            %seed N           torch.manual_seed(N)
            %memory [SIZE]    show or set the tensor memory cap (e.g. %memory 2G)
            %lsmagic          this list
        Cell magics (the first line of a notebook cell):
            %%time            run the cell once and report CPU and wall time
            %%timeit          time the cell as %timeit does (-n LOOPS, -r RUNS)
            %%writefile [-a] FILE   write (-a: append) the cell's text to FILE
        Help:  name?  (or ?name, help(name))

        """

    /// Whether `entry` is REPL syntax this class handles (`%…`, `name?`).
    public static func isSpecial(_ entry: String) -> Bool {
        let t = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.hasPrefix("%") || helpTarget(t) != nil
    }

    /// `nn.Conv2d?`, `nn.Conv2d??`, `?nn.Conv2d` → `nn.Conv2d`.
    static func helpTarget(_ t: String) -> String? {
        var s = t
        if s.hasSuffix("??") { s.removeLast(2) } else if s.hasSuffix("?") { s.removeLast() } else if s.hasPrefix("?") { s.removeFirst() } else { return nil }
        s = s.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }), !(s.first!.isNumber) else { return nil }
        return s
    }

    /// A notebook cell whose first line is a cell magic (`%%time`, `%%timeit`, `%%writefile`): runs
    /// it and returns its outcome; nil for any other cell.
    public func handleCell(_ cell: String) -> Session.Outcome? {
        let lines = cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              lines[first].hasPrefix("%%") else { return nil }
        let header = String(lines[first].dropFirst(2)).trimmingCharacters(in: .whitespaces)
        let name = String(header.prefix { !$0.isWhitespace })
        let options = String(header.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        // The body keeps its line numbers: blank lines stand in for the header above it.
        let body = String(repeating: "\n", count: first + 1) + lines[(first + 1)...].joined(separator: "\n")
        switch name {
        case "time":
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .ok }
            return time(body)
        case "timeit": return timeit(options: options, source: body)
        case "writefile": return writeFile(options, Array(lines[(first + 1)...]).joined(separator: "\n") + "\n")
        default:
            err("UsageError: Cell magic `%%\(name)` not found.\n")
            return .failed(kind: "UsageError")
        }
    }

    /// `%%writefile [-a] FILE`: IPython's messages (`Writing`, `Overwriting`, `Appending to`).
    func writeFile(_ options: String, _ text: String) -> Session.Outcome {
        var words = options.split(separator: " ").map(String.init)
        let append = words.first == "-a" || words.first == "--append"
        if append { words.removeFirst() }
        guard words.count == 1 else { err("UsageError: %%writefile needs one file name\n"); return .failed(kind: "UsageError") }
        let path = words[0]
        do {
            try interpreter.checkFileChangesAllowed("%%writefile")
            let exists = FileManager.default.fileExists(atPath: path)
            out(append ? "Appending to \(path)\n" : exists ? "Overwriting \(path)\n" : "Writing \(path)\n")
            if append, let handle = FileHandle(forWritingAtPath: path) {
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
            } else {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            return .ok
        } catch {
            let e = (error as? PythonError) ?? PythonError("OSError", "\(error.localizedDescription): '\(path)'")
            err("\(e.kind): \(e.message)\n")
            return .failed(kind: e.kind)
        }
    }

    /// Runs a special entry; nil if `entry` is ordinary code.
    public func handle(_ entry: String) -> Session.Outcome? {
        let t = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        if let target = Magics.helpTarget(t) { return showHelp(target) }
        guard t.hasPrefix("%") else { return nil }
        let body = String(t.dropFirst()).trimmingCharacters(in: .whitespaces)
        let name = String(body.prefix { !$0.isWhitespace })
        let rest = String(body.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        switch name {
        case "time": return time(rest)
        case "timeit": return timeit(rest)
        case "who": return who()
        case "whos": return whos()
        case "reset": return reset(rest)
        case "run": return run(rest)
        case "history", "hist": return showHistory(rest)
        case "seed": return seed(rest)
        case "memory": return memory(rest)
        case "lsmagic", "magic": out(Magics.helpText); return .ok
        // Notebooks begin with `%matplotlib inline`: pictures are inline already.
        case "matplotlib": return .ok
        default:
            err("UsageError: Line magic function `%\(name)` not found.\n")
            return .failed(kind: "UsageError")
        }
    }

    // MARK: help

    func showHelp(_ target: String) -> Session.Outcome {
        if let v = interpreter.evaluateChain(target) { out(interpreter.helpText(for: v)); return .ok }
        if let q = interpreter.qualifiedChain(target), let e = HelpTable.entry(q) { out(Interpreter.render(e)); return .ok }
        if let e = HelpTable.entry(target) { out(Interpreter.render(e)); return .ok }
        err("Object `\(target)` not found.\n")
        return .failed(kind: "NameError")
    }

    // MARK: running statements

    /// Parses `source`, reporting a syntax error.
    func parseOrReport(_ source: String) -> [Stmt]? {
        do { return try parse(source, file: interpreter.file) } catch let e as SyntaxError {
            err(Diagnostic.render(e)); return nil
        } catch { err("SyntaxError: \(error)\n"); return nil }
    }

    /// Runs statements, reporting an error as `Session.run` does.
    func execute(_ statements: [Stmt], source: String, echo: Bool) -> Session.Outcome {
        do {
            try interpreter.run(statements, echo: echo)
            return .ok
        } catch {
            let e = (error as? PythonError) ?? PythonError.from(error)
            if e.kind == "SystemExit" { return .exit(interpreter.exitStatus(e).0) }
            err(Diagnostic.render(e, source: source, file: interpreter.file))
            return .failed(kind: e.kind)
        }
    }

    static func cpuTimes() -> (user: Double, sys: Double) {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return (Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6, Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6)
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// IPython's `_format_time`: three significant digits in s, ms, µs or ns.
    public static func formatTime(_ seconds: Double) -> String {
        if seconds >= 60 {
            var rest = seconds
            var parts = [String]()
            for (suffix, length) in [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)] {
                let value = Int(rest / length)
                if value > 0 { rest = rest.truncatingRemainder(dividingBy: length); parts.append("\(value)\(suffix)") }
                if rest < 1 { break }
            }
            return parts.joined(separator: " ")
        }
        let units = ["s", "ms", "µs", "ns"], scaling = [1.0, 1e3, 1e6, 1e9]
        var o = 3
        if seconds > 0 {
            let f = Int(Foundation.floor(Foundation.log10(seconds)))
            let floorDiv = f >= 0 ? f / 3 : -((-f + 2) / 3)
            o = Swift.max(0, Swift.min(-floorDiv, 3))
        }
        return String(format: "%.3g", seconds * scaling[o]) + " " + units[o]
    }

    func time(_ source: String) -> Session.Outcome {
        guard !source.isEmpty else { err("UsageError: %time needs a statement, e.g. %time x @ x\n"); return .failed(kind: "UsageError") }
        guard let stmts = parseOrReport(source) else { return .failed(kind: "SyntaxError") }
        let c0 = Magics.cpuTimes(), w0 = Magics.now()
        // Capture an expression's value so the timing prints before it, as IPython does.
        var value: Value?
        var outcome = Session.Outcome.ok
        if stmts.count == 1, case .expression(let e, _) = stmts[0] {
            do { value = try interpreter.eval(e, interpreter.globalScope) } catch {
                let pe = (error as? PythonError) ?? PythonError.from(error)
                let w1 = Magics.now(), c1 = Magics.cpuTimes()
                report(c0, c1, w1 - w0)
                err(Diagnostic.render(pe, source: source, file: interpreter.file))
                return .failed(kind: pe.kind)
            }
        } else {
            outcome = execute(stmts, source: source, echo: false)
        }
        let w1 = Magics.now(), c1 = Magics.cpuTimes()
        report(c0, c1, w1 - w0)
        if let value, !value.isNone {
            interpreter.globals["_"] = value
            out(value.repr + "\n")
        }
        return outcome
    }

    private func report(_ c0: (user: Double, sys: Double), _ c1: (user: Double, sys: Double), _ wall: Double) {
        let user = c1.user - c0.user, sys = c1.sys - c0.sys
        out("CPU times: user \(Magics.formatTime(user)), sys: \(Magics.formatTime(sys)), total: \(Magics.formatTime(user + sys))\n")
        out("Wall time: \(Magics.formatTime(wall))\n")
    }

    func timeit(_ text: String) -> Session.Outcome {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var optionWords = [String]()
        while let w = words.first, w.hasPrefix("-"), words.count >= 2, Int(words[1]) != nil {
            optionWords += words.prefix(2); words.removeFirst(2)
        }
        return timeit(options: optionWords.joined(separator: " "), source: words.joined(separator: " "))
    }

    /// `%timeit` / `%%timeit` with `-n LOOPS` and `-r RUNS` given apart from the code.
    func timeit(options: String, source: String) -> Session.Outcome {
        var words = options.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var loops: Int?, runs = 7
        while let w = words.first, w.hasPrefix("-"), words.count >= 2, let n = Int(words[1]), n > 0 {
            if w == "-n" { loops = n } else if w == "-r" { runs = n } else { break }
            words.removeFirst(2)
        }
        guard source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false else { err("UsageError: %timeit needs a statement, e.g. %timeit x @ x\n"); return .failed(kind: "UsageError") }
        guard let stmts = parseOrReport(source) else { return .failed(kind: "SyntaxError") }
        func timeLoops(_ n: Int) throws -> Double {
            let start = Magics.now()
            for _ in 0..<n { try interpreter.run(stmts, echo: false) }
            return Magics.now() - start
        }
        do {
            var number = loops ?? 1
            if loops == nil {
                for index in 0..<10 {
                    number = Int(Foundation.pow(10.0, Double(index)))
                    if try timeLoops(number) >= 0.2 { break }
                }
            }
            var timings = [Double]()
            for _ in 0..<runs { timings.append(try timeLoops(number) / Double(number)) }
            let mean = timings.reduce(0, +) / Double(timings.count)
            let std = (timings.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(timings.count)).squareRoot()
            out("\(Magics.formatTime(mean)) ± \(Magics.formatTime(std)) per loop (mean ± std. dev. of \(runs) run\(runs == 1 ? "" : "s"), \(number) loop\(number == 1 ? "" : "s") each)\n")
            return .ok
        } catch {
            let e = (error as? PythonError) ?? PythonError.from(error)
            err(Diagnostic.render(e, source: source, file: interpreter.file))
            return .failed(kind: e.kind)
        }
    }

    // MARK: variables

    static let hidden: Set<String> = ["__name__", "__file__", "_"]

    var userVariables: [(String, Value)] {
        interpreter.globals.filter { !Magics.hidden.contains($0.key) }.sorted { $0.key < $1.key }
    }

    func who() -> Session.Outcome {
        let names = userVariables.map(\.0)
        out(names.isEmpty ? "Interactive namespace is empty.\n" : names.joined(separator: "\t") + "\n")
        return .ok
    }

    func whos() -> Session.Outcome {
        let vars = userVariables
        guard !vars.isEmpty else { out("Interactive namespace is empty.\n"); return .ok }
        let rows = vars.map { name, v -> (String, String, String) in
            let type: String
            if case .module(let m) = v { type = moduleTypeName(m) } else if case .namespace = v { type = "module" } else { type = v.typeName }
            return (name, type, Magics.info(v))
        }
        let w1 = Swift.max(8, rows.map(\.0.count).max() ?? 0) + 3
        let w2 = Swift.max(4, rows.map(\.1.count).max() ?? 0) + 3
        var s = "Variable".padding(toLength: w1, withPad: " ", startingAt: 0) + "Type".padding(toLength: w2, withPad: " ", startingAt: 0) + "Data/Info\n"
        s += String(repeating: "-", count: w1 + w2 + 9) + "\n"
        for (n, t, i) in rows {
            s += n.padding(toLength: w1, withPad: " ", startingAt: 0) + t.padding(toLength: w2, withPad: " ", startingAt: 0) + i + "\n"
        }
        out(s)
        return .ok
    }

    static func info(_ v: Value) -> String {
        switch v {
        case .tensor(let t):
            return "shape=\(Value.size(t.shape).repr), dtype=\(t.dtype.description)" + (t.requiresGrad ? ", requires_grad=True" : "")
        case .module(let m):
            let first = Value.module(m).repr.split(separator: "\n").first.map(String.init) ?? ""
            return first.count > 60 ? String(first.prefix(57)) + "..." : first
        case .list(let l): return "n=\(l.items.count)"
        case .dict(let d): return "n=\(d.keys.count)"
        case .tuple(let t): return "n=\(t.count)"
        case .function(let f): return "<function \(f.name)>"
        default:
            let r = v.repr.replacingOccurrences(of: "\n", with: " ")
            return r.count > 60 ? String(r.prefix(57)) + "..." : r
        }
    }

    func reset(_ args: String) -> Session.Outcome {
        let force = args.split(separator: " ").contains("-f")
        if !force && !confirm("Once deleted, variables cannot be recovered. Proceed (y/[n])? ") {
            out("Nothing done.\n")
            return .ok
        }
        onBigStack { interpreter.releaseGlobals() }  // on the big stack: see `Session.deinit`
        return .ok
    }

    // MARK: files, history, settings

    func run(_ args: String) -> Session.Outcome {
        var path = args.trimmingCharacters(in: .whitespaces)
        if (path.hasPrefix("\"") && path.hasSuffix("\"") || path.hasPrefix("'") && path.hasSuffix("'")) && path.count >= 2 {
            path = String(path.dropFirst().dropLast())
        }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { path = home + path.dropFirst() }
        guard !path.isEmpty else { err("UsageError: %run FILE\n"); return .failed(kind: "UsageError") }
        guard let data = FileManager.default.contents(atPath: path) else {
            err("ERROR: File `\(path)` not found.\n")
            return .failed(kind: "FileNotFoundError")
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("#!") { text = "\n" + text.drop { $0 != "\n" }.dropFirst() }
        let saved = interpreter.file
        interpreter.file = path
        defer { interpreter.file = saved }
        return session.run(text, file: path)
    }

    func showHistory(_ args: String) -> Session.Outcome {
        let numbered = args.split(separator: " ").contains("-n")
        for (i, e) in history().enumerated() {
            if numbered {
                let lines = e.split(separator: "\n", omittingEmptySubsequences: false)
                out(lines.enumerated().map { j, l in (j == 0 ? String(i + 1).leftPad(4) + ": " : "      ") + l }.joined(separator: "\n") + "\n")
            } else {
                out(e + "\n")
            }
        }
        return .ok
    }

    func seed(_ args: String) -> Session.Outcome {
        guard let n = Int(args.trimmingCharacters(in: .whitespaces)) else {
            err("UsageError: %seed N  (an integer)\n"); return .failed(kind: "UsageError")
        }
        guard case .namespace(let torch)? = interpreter.builtinsStorage["__torch__"], let f = torch.members["manual_seed"] else {
            err("RuntimeError: torch.manual_seed is not available\n"); return .failed(kind: "RuntimeError")
        }
        do { _ = try interpreter.call(f, Arguments([.int(n)])) } catch {
            let e = (error as? PythonError) ?? PythonError.from(error)
            err(e.description + "\n"); return .failed(kind: e.kind)
        }
        return .ok
    }

    func memory(_ args: String) -> Session.Outcome {
        let a = args.trimmingCharacters(in: .whitespaces)
        if !a.isEmpty {
            guard let bytes = MemoryLimit.parse(a), bytes > 0 else {
                err("UsageError: %memory SIZE, e.g. %memory 2G, %memory 512M, %memory 1000000\n")
                return .failed(kind: "UsageError")
            }
            MemoryLimit.bytes = bytes
        }
        out("Tensor memory cap: \(Magics.formatBytes(MemoryLimit.bytes)) (\(MemoryLimit.bytes) bytes)\n")
        return .ok
    }

    static func formatBytes(_ n: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(n), i = 0
        while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return i == 0 ? "\(n) bytes" : String(format: "%.1f", v) + " " + units[i]
    }
}

private extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
