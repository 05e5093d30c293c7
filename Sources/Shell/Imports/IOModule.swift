/// `open()` and `_io`, the Swift half of `io` (Library/IOLibrary.swift has `StringIO`).
extension Interpreter {
    /// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`.
    func openFile(_ args: Arguments) throws -> Value {
        let b = try args.bind("open", ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], required: 1)
        func optionalString(_ key: String) throws -> String? {
            switch b[key] {
            case nil, .none?: return nil
            case .str(let s)?: return s
            case let v?: throw PythonError.type("open() argument '\(key)' must be str or None, not \(v.typeName)")
            }
        }
        var file = b.values["file"]!
        if case .object(let i as PyInstance) = file, let fspath = i.type.lookup("__fspath__") {
            file = try call(bind(fspath, to: file, type: i.type), Arguments())
        }
        var mode = "r"
        if let m = b["mode"] {
            guard case .str(let s) = m else { throw PythonError.type("open() argument 'mode' must be str, not \(m.typeName)") }
            mode = s
        }
        if let opener = b["opener"], !opener.isNone {
            throw PythonError("NotImplementedError", "open(): opener= is not supported by nnsh")
        }
        let closefd = try b["closefd"].map { try truthy($0) } ?? true
        if mode.contains(where: { "wxa+".contains($0) }) { try checkFileChangesAllowed("open() for writing") }
        let opened = try TextFile.open(file, mode: mode, encoding: try optionalString("encoding"), errors: try optionalString("errors"),
                                       newline: try optionalString("newline"), closefd: closefd)
        if case .object(let f as TextFile) = opened { f.interpreter = self }
        return opened
    }

    func makeIOCoreModule() -> Namespace {
        let ns = Namespace("_io")
        ns.members["open"] = .builtin(Builtin("open") { [unowned self] args in try self.openFile(args) })
        ns.members["TextIOWrapper"] = .object(PyType.textIOWrapper)
        ns.members["UnsupportedOperation"] = .object(PyType.exception("io.UnsupportedOperation"))
        ns.members["DEFAULT_BUFFER_SIZE"] = .int(8192)
        return ns
    }
}
