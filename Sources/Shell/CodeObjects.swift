import Syntax

/// `compile()`'s result: parsed source with the mode it was compiled for.
final class CodeObject: PyObject, TypedObject {
    enum Mode: String { case exec, eval, single }
    let mode: Mode
    let filename: String
    let statements: [Stmt]
    let expression: Expr?

    init(mode: Mode, filename: String, statements: [Stmt], expression: Expr?) {
        self.mode = mode
        self.filename = filename
        self.statements = statements
        self.expression = expression
    }

    override var typeName: String { "code" }
    var pyType: PyType { PyType.named("code") }
    var firstLine: Int { expression?.location.line ?? statements.first?.location.line ?? 1 }
    override func repr() -> String {
        "<code object <module> at \(addressString(self)), file \"\(filename)\", line \(firstLine)>"
    }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "co_filename": return .str(filename)
        case "co_name": return .str("<module>")
        case "co_firstlineno": return .int(firstLine)
        default: return nil
        }
    }
}

/// `compile`, `exec`, `eval`, `globals`, `locals`.
extension Interpreter {
    func makeCodeBuiltins() -> [String: Value] {
        var t: [String: Value] = [:]
        func def(_ name: String, _ f: @escaping (Arguments) throws -> Value) {
            let b = Builtin(name, f)
            b.wantsCallerScope = true
            t[name] = .builtin(b)
        }
        def("compile") { [unowned self] args in
            let b = try args.bind("compile", ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"], required: 3)
            guard case .str(let source) = b.values["source"]! else {
                throw PythonError.type("compile() arg 1 must be a string, bytes or AST object")
            }
            let filename = try self.pathArgument(b.values["filename"], "compile")
            guard case .str(let m) = b.values["mode"]!, let mode = CodeObject.Mode(rawValue: m) else {
                throw PythonError.value("compile() mode must be 'exec', 'eval' or 'single'")
            }
            return .object(try self.compileSource(source, filename: filename, mode: mode))
        }
        def("exec") { [unowned self] args in
            let b = try args.bind("exec", ["source", "globals", "locals", "closure"], required: 1)
            let code = try self.codeArgument(b.values["source"]!, "exec", mode: .exec)
            _ = try self.runCode(code, globals: b["globals"], locals: b["locals"], function: "exec")
            return .none
        }
        def("eval") { [unowned self] args in
            let b = try args.bind("eval", ["source", "globals", "locals"], required: 1)
            let code = try self.codeArgument(b.values["source"]!, "eval", mode: .eval)
            return try self.runCode(code, globals: b["globals"], locals: b["locals"], function: "eval")
        }
        def("globals") { [unowned self] args in
            _ = try args.bind("globals", [])
            return .dict(self.dictOf(self.callerScope?.root ?? self.globalScope))
        }
        def("locals") { [unowned self] args in
            _ = try args.bind("locals", [])
            return .dict(self.dictOf(self.callerScope ?? self.globalScope))
        }
        return t
    }

    /// A scope's bound names as a new dict (a snapshot: nnsh's scopes are slots, not dicts).
    func dictOf(_ scope: Scope) -> PyDict {
        let d = PyDict()
        for (n, v) in zip(scope.names, scope.values) { if let v { d.set(.str(n.string), v) } }
        return d
    }

    private func codeArgument(_ v: Value, _ function: String, mode: CodeObject.Mode) throws -> CodeObject {
        switch v {
        case .object(let c as CodeObject): return c
        case .str(let s):
            // eval() ignores the leading spaces and tabs of its string, as CPython does.
            let source = mode == .eval ? String(s.drop { $0 == " " || $0 == "\t" }) : s
            return try compileSource(source, filename: "<string>", mode: mode)
        default:
            throw PythonError.type("\(function)() arg 1 must be a string, bytes or code object")
        }
    }

    func compileSource(_ source: String, filename: String, mode: CodeObject.Mode) throws -> CodeObject {
        if source.unicodeScalars.contains("\0") { throw PythonError("SyntaxError", "source code string cannot contain null bytes") }
        do {
            switch mode {
            case .eval:
                if source.allSatisfy(\.isWhitespace) {
                    throw SyntaxError("invalid syntax", at: SourceLocation(line: 0, column: 0), file: filename,
                                      sourceLine: source.isEmpty ? nil : source, isUnexpectedEOF: true)
                }
                return CodeObject(mode: mode, filename: filename, statements: [], expression: try parseExpression(source, file: filename))
            case .exec, .single:
                return CodeObject(mode: mode, filename: filename, statements: try parse(source, file: filename), expression: nil)
            }
        } catch let e as SyntaxError {
            throw syntaxErrorException(e)
        }
    }

    /// A `SyntaxError` from compiling at run time, as the exception object CPython raises
    /// (`msg`, `filename`, `lineno`, `offset`, `text`) and rendered with its own file and caret.
    func syntaxErrorException(_ e: SyntaxError) -> PythonError {
        var error = PythonError("SyntaxError", e.message)
        error.syntax = e
        let instance = error.materialize()
        instance.args = [.str(e.message), .tuple([.str(e.file), .int(e.location.line), .int(e.location.column),
                                                  e.sourceLine.map { .str($0) } ?? .none])]
        for (k, v) in [("msg", Value.str(e.message)), ("filename", .str(e.file)), ("lineno", .int(e.location.line)),
                       ("offset", .int(e.location.column)), ("text", e.sourceLine.map { .str($0) } ?? .none)] {
            instance.attributes.set(.str(k), v)
        }
        return error
    }

    /// Runs compiled code in the caller's scope, or in scopes made from the `globals`/`locals`
    /// dicts, whose entries then reflect what the code bound (and unbound).
    private func runCode(_ code: CodeObject, globals: Value?, locals: Value?, function: String) throws -> Value {
        func mapping(_ v: Value?, _ what: String) throws -> PyDict? {
            guard let v, !v.isNone else { return nil }
            guard case .dict(let d) = v else {
                throw PythonError.type(what == "globals" ? "\(function)() globals must be a dict, not \(v.typeName)"
                                                         : "locals must be a mapping")
            }
            return d
        }
        let globalsDict = try mapping(globals, "globals"), localsDict = try mapping(locals, "locals")
        var scope = callerScope ?? globalScope
        var made: [(Scope, PyDict)] = []
        if let globalsDict {
            let g = Scope(parent: nil)
            for (k, v) in zip(globalsDict.keys, globalsDict.values) { if case .str(let name) = k { g[name] = v } }
            made.append((g, globalsDict))
            scope = g
        }
        if let localsDict {
            let l = Scope(parent: scope.root)
            for (k, v) in zip(localsDict.keys, localsDict.values) { if case .str(let name) = k { l[name] = v } }
            made.append((l, localsDict))
            scope = l
        }
        defer {
            for (s, d) in made {
                for (n, v) in zip(s.names, s.values) {
                    if let v { d.set(.str(n.string), v) } else { d.remove(.str(n.string)) }
                }
            }
        }
        let savedFile = file
        file = code.filename
        defer { file = savedFile }
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Interpreter.maxCallDepth {
            throw PythonError("RecursionError", "maximum recursion depth exceeded during compilation")
        }
        if let e = code.expression {
            if code.mode != .eval { throw PythonError.type("\(function)() needs code compiled in 'eval' mode") }
            return try eval(e, scope)
        }
        if code.mode == .eval, function == "eval" { throw PythonError.type("eval() needs code compiled in 'eval' mode") }
        do {
            switch try execBlock(code.statements, scope) {
            case .normal: return .none
            case let flow: try outsideLoopOrFunction(flow, nil); return .none
            }
        } catch let e as PythonError where e.kind == "SyntaxError" && e.instance == nil {
            // `return` / `break` outside their block: found as the code runs, raised as compiling would.
            let line = e.location?.line ?? code.firstLine
            throw syntaxErrorException(SyntaxError(e.message, at: e.location ?? SourceLocation(line: line, column: 1), file: code.filename))
        }
    }
}
