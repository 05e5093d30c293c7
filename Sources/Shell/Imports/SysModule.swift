import Foundation

/// `sys.stdout` / `sys.stderr`: text streams over the session's output and error writers.
final class TextStream: PyObject {
    let name: String
    let sink: (String) -> Void
    let flush: () -> Void
    init(name: String, flush: @escaping () -> Void = {}, sink: @escaping (String) -> Void) {
        self.name = name
        self.sink = sink
        self.flush = flush
    }
    override var typeName: String { "_io.TextIOWrapper" }
    override func repr() -> String { "<_io.TextIOWrapper name='<\(name)>' mode='w' encoding='utf-8'>" }
    override var memberNames: [String] { ["write", "flush", "name", "encoding", "isatty", "writelines"] }
    override func attribute(_ attr: String) throws -> Value? {
        switch attr {
        case "write":
            return .builtin(Builtin("write", receiver: "_io.TextIOWrapper object") { [sink] args in
                let b = try args.bind("write", ["s"], required: 1)
                guard case .str(let s) = b.values["s"]! else {
                    throw PythonError.type("write() argument must be str, not \(b.values["s"]!.typeName)")
                }
                sink(s)
                return .int(s.unicodeScalars.count)
            })
        case "writelines":
            return .builtin(Builtin("writelines", receiver: "_io.TextIOWrapper object") { [sink] args in
                guard args.positional.count == 1, case .list(let l) = args.positional[0] else {
                    throw PythonError.type("writelines() takes a list of str")
                }
                for case .str(let s) in l.items { sink(s) }
                return .none
            })
        case "flush": return .builtin(Builtin("flush", receiver: "_io.TextIOWrapper object") { [flush] _ in flush(); return .none })
        case "isatty": return .builtin(Builtin("isatty", receiver: "_io.TextIOWrapper object") { _ in .bool(false) })
        case "name": return .str("<\(name)>")
        case "encoding": return .str("utf-8")
        default: return nil
        }
    }
}

extension Interpreter {
    /// What follows the script on the command line (`nnsh train.py --epochs 3`).
    nonisolated(unsafe) public static var scriptArguments: [String] = []
    /// The script as typed on the command line (`sys.argv[0]`), when it differs from `file`.
    nonisolated(unsafe) public static var scriptArgv0: String?

    /// The CPython release whose language and library nnsh follows.
    static let pythonVersion = (major: 3, minor: 11, micro: 7)

    func makeSysModule() -> Namespace {
        ensureSysPath()
        let sys = Namespace("sys")
        sys.members["argv"] = .list(PyList([.str(file == "<string>" ? "-c" : Interpreter.scriptArgv0 ?? file)] + Interpreter.scriptArguments.map { .str($0) }))
        sys.members["path"] = .list(imports.path)
        sys.members["modules"] = .dict(imports.modules)
        sys.members["platform"] = .str("linux")
        sys.members["byteorder"] = .str("little")
        sys.members["maxsize"] = .int(Int.max)
        let v = Interpreter.pythonVersion
        sys.members["version"] = .str("\(v.major).\(v.minor).\(v.micro) (nnsh 0.1.0, PyTorch 2.15 semantics)")
        sys.members["version_info"] = .tuple([.int(v.major), .int(v.minor), .int(v.micro), .str("final"), .int(0)])
        sys.members["hexversion"] = .int(v.major << 24 | v.minor << 16 | v.micro << 8 | 0xF0)
        sys.members["executable"] = .str(CommandLine.arguments.first.map(PosixPath.realpath) ?? "")
        sys.members["builtin_module_names"] = .tuple(ImportSystem.unshadowable.sorted().map { .str($0) })
        sys.members["stdout"] = .object(TextStream(name: "stdout", flush: { [unowned self] in self.flushOutput() }) { [unowned self] in self.write($0) })
        sys.members["stderr"] = .object(TextStream(name: "stderr") { [unowned self] in self.writeError($0) })
        sys.members["__stdout__"] = sys.members["stdout"]
        sys.members["__stderr__"] = sys.members["stderr"]
        if let exit = builtinsStorage["exit"] { sys.members["exit"] = exit }
        sys.members["exc_info"] = .builtin(Builtin("exc_info") { [unowned self] _ in self.excInfo() })
        sys.members["exception"] = .builtin(Builtin("exception") { [unowned self] _ in
            guard case .tuple(let t) = self.excInfo(), t.count == 3 else { return .none }
            return t[1]
        })
        sys.members["getrecursionlimit"] = .builtin(Builtin("getrecursionlimit") { [unowned self] _ in .int(self.recursionLimit) })
        sys.members["setrecursionlimit"] = .builtin(Builtin("setrecursionlimit") { [unowned self] args in
            let n = try args.bind("setrecursionlimit", ["limit"], required: 1).values["limit"]!
            guard case .int(let limit) = n else { throw PythonError.type("'\(n.typeName)' object cannot be interpreted as an integer") }
            if limit < 1 { throw PythonError.value("recursion limit must be greater or equal than 1") }
            self.recursionLimit = limit
            return .none
        })
        sys.members["getdefaultencoding"] = .builtin(Builtin("getdefaultencoding") { _ in .str("utf-8") })
        return sys
    }

    /// `from __future__ import annotations` and the other features: all already on in 3.11's
    /// grammar as nnsh parses it, so importing them changes nothing.
    func makeFutureModule() -> Namespace {
        let ns = Namespace("__future__")
        let features = ["nested_scopes", "generators", "division", "absolute_import", "with_statement",
                        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"]
        for f in features { ns.members[f] = .str("_Feature") }
        ns.members["all_feature_names"] = .list(PyList(features.map { .str($0) }))
        return ns
    }
}
