import Foundation

/// `_warnings`: the Swift half of `warnings` (Library/WarningsLibrary.swift): `warn` as a builtin
/// that knows where it was called from, and the source line a warning report shows.
extension Interpreter {
    func makeWarningsCoreModule() -> Namespace {
        let ns = Namespace("_warnings")
        let warn = Builtin("warn") { [unowned self] args in
            let b = try args.bind("warn", ["message", "category", "stacklevel", "source"], required: 1)
            var (file, line, module) = self.callSite()
            if case .int(let level)? = b["stacklevel"], level > 1 { (file, line, module) = self.callerFrame(level) }
            guard case .namespace(let warnings)? = self.builtinModule(named: "warnings"),
                  let implementation = try warnings.member("_warn_at") else {
                throw PythonError("ImportError", "warnings is unavailable")
            }
            return try self.call(implementation, Arguments([
                b.values["message"]!, b["category"] ?? .none, b["stacklevel"] ?? .int(1), b["source"] ?? .none,
                .str(file), .int(line), .str(module),
            ]))
        }
        warn.wantsCallerScope = true
        ns.members["warn"] = .builtin(warn)
        ns.members["source_line"] = .builtin(Builtin("source_line") { [unowned self] args in
            guard args.positional.count == 2, case .str(let file) = args.positional[0], case .int(let n) = args.positional[1] else {
                return .none
            }
            return self.sourceLine(file, n).map { .str($0) } ?? .none
        })
        return ns
    }

    /// A `UserWarning` raised by nnsh itself (where PyTorch's Python code calls `warnings.warn`),
    /// reported at the line of the innermost `wantsCallerScope` call being made.
    func warnFromLibrary(_ message: String) throws {
        let (file, line, module) = callSite()
        guard case .namespace(let warnings)? = builtinModule(named: "warnings"),
              let implementation = try warnings.member("_warn_at") else { return }
        _ = try call(implementation, Arguments([.str(message), .none, .int(1), .none, .str(file), .int(line), .str(module)]))
    }

    /// `stacklevel`: the file, line and module of the frame `level - 1` calls out from the one running
    /// (`sys`, line 1 past the outermost, as CPython's `warn`).
    func callerFrame(_ level: Int) -> (String, Int, String) {
        let k = frames.count - (level - 1)
        guard k >= 0 else { return ("sys", 1, "sys") }
        let line = (k < frames.count ? frameCallSites[k] : ExecutionPoint.current)?.line ?? 1
        if k == 0 {
            var module = "__main__"
            if case .str(let m)? = globalScope.root["__name__"] { module = m }
            return (file, line, module)
        }
        let function = frames[k - 1].function
        var module = "__main__"
        if case .str(let m)? = function.closure.root["__name__"] { module = m }
        return (function.file, line, module)
    }

    /// The file, line and module `__name__` of the call being made to a `wantsCallerScope` builtin.
    func callSite() -> (String, Int, String) {
        let scope = callerScope ?? globalScope
        var file = self.file
        if let f = scope.function ?? frames.last?.0 { file = f.file } else if case .str(let f)? = scope.root["__file__"] { file = f }
        var module = "__main__"
        if case .str(let m)? = scope.root["__name__"] { module = m }
        return (file, callerLocation?.line ?? 1, module)
    }

    /// Line `n` of a file nnsh ran or imported, or of the file on disk (what `linecache` gives CPython).
    func sourceLine(_ file: String, _ n: Int) -> String? {
        guard n >= 1 else { return nil }
        let text = imports.sources[file] ?? (file.hasPrefix("<") ? nil : try? String(contentsOfFile: file, encoding: .utf8))
        guard let text else { return nil }
        var line = 1
        var current = Substring()
        var start = text.startIndex
        for i in text.indices where text[i] == "\n" {
            if line == n { current = text[start..<i]; return String(current) }
            line += 1
            start = text.index(after: i)
        }
        return line == n ? String(text[start...]) : nil
    }
}
