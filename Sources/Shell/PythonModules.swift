import Syntax

/// Modules whose code is Python (nnsh's own library sources, later the user's files): the source
/// runs once in a fresh module scope with `__name__`/`__file__`, and the module's names become a
/// namespace. Classes and functions defined there keep that scope as their globals.
extension Interpreter {
    /// Library modules whose source failed to run (a test checks this stays empty).
    nonisolated(unsafe) static var libraryLoadErrors: [String] = []

    func loadPythonModule(name: String, file: String, source: String) throws -> Namespace {
        let statements = try parse(source, file: file)
        let scope = Scope(parent: nil)
        scope["__name__"] = .str(name)
        scope["__file__"] = .str(file)
        // Functions record the file being run for their traceback frames.
        let savedFile = self.file
        self.file = file
        defer { self.file = savedFile }
        for s in statements { try outsideLoopOrFunction(try exec(s, scope), s.location) }
        let ns = Namespace(name)
        for (n, v) in zip(scope.names, scope.values) {
            if let v, n.string != "__builtins__" { ns.members[n.string] = v }
        }
        return ns
    }
}
