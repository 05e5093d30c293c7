import Foundation

/// `_traceback`: the text of an exception as CPython's `traceback.format_exception` gives it, from
/// what nnsh keeps (`PyInstance.traceback`: the frames an error left until it was caught), with
/// `__cause__`/`__context__` chains; the renderer is the one uncaught errors use (`Diagnostic`).
/// The `traceback` module (Library/TracebackLibrary.swift) is Python over this.
extension Interpreter {
    func makeTracebackCoreModule() -> Namespace {
        let ns = Namespace("_traceback")
        ns.members["format_exception"] = .builtin(Builtin("format_exception") { [unowned self] args in
            guard let v = args.positional.first else { throw PythonError.type("format_exception() missing the exception") }
            let chain = try args.positional.count < 2 || self.truthy(args.positional[1])
            var seen = Set<ObjectIdentifier>()
            return .list(PyList(try self.tracebackLines(v, chain: chain, seen: &seen).map { .str($0) }))
        })
        ns.members["exc_info"] = .builtin(Builtin("exc_info") { [unowned self] _ in self.excInfo() })
        // The running frames, outermost first, as (file, line, function): what CPython's frame
        // objects tell `logging.findCaller` and `traceback.extract_stack`.
        ns.members["stack"] = .builtin(Builtin("stack") { [unowned self] _ in
            var out: [Value] = []
            let here = ExecutionPoint.current
            for k in 0...self.frames.count {
                let location = k < self.frames.count ? self.frameCallSites[k] : here
                let file = k == 0 ? self.file : self.frames[k - 1].function.file
                let function = k == 0 ? "<module>" : self.frames[k - 1].function.name
                out.append(.tuple([.str(file), .int(location?.line ?? 0), .str(function)]))
            }
            return .list(PyList(out))
        })
        ns.members["thread_ident"] = .builtin(Builtin("thread_ident") { _ in .int(Int(bitPattern: UInt(pthread_self()))) })
        return ns
    }

    /// `sys.exc_info()`: the exception being handled, as (type, value, traceback).
    func excInfo() -> Value {
        guard var e = handling.last else { return .tuple([.none, .none, .none]) }
        let i = e.materialize()
        return .tuple([.object(i.type), .object(i), i.traceback.map { .object($0) } ?? .none])
    }

    /// The lines of one exception and, when `chain`, of its cause or context before it.
    func tracebackLines(_ v: Value, chain: Bool, seen: inout Set<ObjectIdentifier>) throws -> [String] {
        guard case .object(let i as PyInstance) = v, i.type.isException else {
            return ["\(typeOf(v).name): \(try strOf(v))\n"]
        }
        seen.insert(ObjectIdentifier(i))
        var lines: [String] = []
        if chain {
            if case .object(let c as PyInstance) = i.cause, !seen.contains(ObjectIdentifier(c)) {
                lines += try tracebackLines(i.cause, chain: true, seen: &seen)
                lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
            } else if !i.suppressContext, case .object(let c as PyInstance) = i.context, !seen.contains(ObjectIdentifier(c)) {
                lines += try tracebackLines(i.context, chain: true, seen: &seen)
                lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
            }
        }
        let last = try exceptionOnlyLine(i)
        if let tb = i.traceback, let e = tb.error {
            var text = Diagnostic.render(e, source: imports.sources[tb.file] ?? "", file: tb.file, sources: imports.sources,
                                         outerFunction: tb.function)
            // The renderer ends with the error's own last line; the instance's str is the truth
            // (an exception whose args changed after it was raised).
            if let cut = text.range(of: e.description + "\n", options: .backwards) { text = String(text[..<cut.lowerBound]) }
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }
        }
        lines.append(last)
        return lines
    }

    /// `ValueError: message` (`traceback.format_exception_only`'s last line).
    func exceptionOnlyLine(_ i: PyInstance) throws -> String {
        let t = i.type
        let name = t.module == "builtins" || t.module == "__main__" ? t.qualname : "\(t.module).\(t.qualname)"
        let text = try strOf(.object(i))
        return text.isEmpty ? name + "\n" : name + ": " + text + "\n"
    }
}
