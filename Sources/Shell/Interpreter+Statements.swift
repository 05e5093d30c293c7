import Syntax
import Torch

/// The statements of the object model: `def` (with its scope declarations), `try`, `raise`, `with`
/// over user context managers, annotated assignments, and `for` over user iterators.
extension Interpreter {
    /// Binds a name in its scope, or where `global`/`nonlocal` sends it.
    @inline(__always)
    func bind(_ name: String, _ value: Value, _ scope: Scope) throws {
        let key = Name(name)
        let target = scope.owner(of: key)
        if let namespace = target.classNamespace {
            // A class body under a metaclass's `__prepare__`: the mapping sees each binding as it
            // happens (enum's `_EnumDict` turns `auto()` into its value), and the body reads back
            // what the mapping kept.
            try setItem(namespace, .str(name), value)
            target[key] = try getItem(namespace, .str(name))
            return
        }
        target[key] = value
    }

    func makeFunction(_ name: String, _ params: [Parameter], _ body: [Stmt], info: FunctionInfo, _ scope: Scope) throws -> Value {
        let defaults = try params.map { try $0.defaultValue.map { try eval($0, scope) } }
        // Annotations are evaluated when the def runs, parameters first, then `return`.
        var annotations: PyDict?
        if params.contains(where: { $0.annotation != nil }) || info.returnAnnotation != nil {
            let d = PyDict()
            for p in params { if let a = p.annotation { d.set(.str(p.name), try eval(a, scope)) } }
            if let r = info.returnAnnotation { d.set(.str("return"), try eval(r, scope)) }
            annotations = d
        }
        // Methods close over the scope around the class, not the class body (CPython's scoping rule).
        var closure = scope
        while closure.classQualname != nil, let p = closure.parent { closure = p }
        let f = UserFunction(name: name, parameters: params, defaults: defaults, body: body, expression: nil, closure: closure)
        f.qualname = scope.qualnamePrefix + name
        f.file = file
        f.isGenerator = info.isGenerator
        f.localNames = Set(info.localNames.map(Name.init))
        if let annotations { f.attributes.set(.str("__annotations__"), .dict(annotations)) }
        var globals = [String](), nonlocals = [String]()
        collectDeclarations(body, &globals, &nonlocals)
        f.globalNames = globals
        f.nonlocalNames = nonlocals
        if case .str(let m)? = scope.root["__name__"] { f.attributes.set(.str("__module__"), .str(m)) }
        if case .expression(.string(let doc, _), _)? = body.first { f.attributes.set(.str("__doc__"), .str(doc)) }
        return .function(f)
    }

    private func collectDeclarations(_ body: [Stmt], _ globals: inout [String], _ nonlocals: inout [String]) {
        for s in body {
            switch s {
            case .global(let names, _): globals += names
            case .nonlocal(let names, _): nonlocals += names
            case .if(_, let b, let e, _), .while(_, let b, let e, _), .for(_, _, let b, let e, _):
                collectDeclarations(b, &globals, &nonlocals); collectDeclarations(e, &globals, &nonlocals)
            case .with(_, _, let b, _): collectDeclarations(b, &globals, &nonlocals)
            case .try(let b, let handlers, let e, let f, _):
                collectDeclarations(b, &globals, &nonlocals); collectDeclarations(e, &globals, &nonlocals)
                collectDeclarations(f, &globals, &nonlocals)
                for h in handlers { collectDeclarations(h.body, &globals, &nonlocals) }
            default: break
            }
        }
    }

    /// Points the call scope's `global` names at the module and `nonlocal` ones at the enclosing function.
    func applyDeclarations(_ f: UserFunction, _ scope: Scope) throws {
        var redirects = [Name: Scope]()
        let globals = f.closure.root
        for n in f.globalNames { redirects[Name(n)] = globals }
        for n in f.nonlocalNames {
            let key = Name(n)
            var s: Scope? = f.closure
            while let cur = s, cur !== globals {
                if cur.classQualname == nil, cur.find(key) != nil { break }
                s = cur.parent
            }
            guard let owner = s, owner !== globals else {
                throw PythonError("SyntaxError", "no binding for nonlocal '\(n)' found")
            }
            redirects[key] = owner.owner(of: key)
        }
        scope.redirects = redirects
    }

    // MARK: try / raise

    func execTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt], _ scope: Scope) throws -> ControlFlow {
        let clauses = handlers.map { h in
            CompiledHandler(type: h.type.map { t in { i, s in try i.eval(t, s) } }, name: h.name,
                            body: { i, s in try i.execBlock(h.body, s) })
        }
        return try runTry({ i, s in try i.execBlock(body, s) }, clauses,
                          orElse.isEmpty ? nil : { i, s in try i.execBlock(orElse, s) },
                          finally.isEmpty ? nil : { i, s in try i.execBlock(finally, s) }, scope)
    }

    /// `try`/`except`/`else`/`finally`, for the tree walker and compiled code alike.
    func runTry(_ body: StmtCode, _ handlers: [CompiledHandler], _ orElse: StmtCode?, _ finally: StmtCode?,
                _ scope: Scope) throws -> ControlFlow {
        let result: ControlFlow
        do {
            result = try runHandled(body, handlers, orElse, scope)
        } catch {
            guard let finally else { throw error }
            if let e = error as? PythonError, e.uncatchable { throw error }
            // `return`/`break`/`continue` in `finally` discards the exception, as in CPython.
            let flow = try finally(self, scope)
            if case .normal = flow { throw error }
            return flow
        }
        if let finally {
            let flow = try finally(self, scope)
            if case .normal = flow {} else { return flow }
        }
        return result
    }

    private func runHandled(_ body: StmtCode, _ handlers: [CompiledHandler], _ orElse: StmtCode?, _ scope: Scope) throws -> ControlFlow {
        let flow: ControlFlow
        do {
            flow = try body(self, scope)
        } catch where !handlers.isEmpty {
            var e = PythonError.from(error)
            if e.uncatchable { throw error }
            if e.kind == "KeyboardInterrupt" { Interpreter.interruptRequested = false }
            let type = e.exceptionType
            for h in handlers {
                if let typeCode = h.type {
                    guard try exceptionMatches(type, try typeCode(self, scope)) else { continue }
                }
                let instance = e.materialize()
                instance.traceback = TracebackObject(error: e, function: frames.last?.function.name ?? "<module>",
                                                     file: frames.last?.function.file ?? file)
                if let n = h.name { try bind(n, .object(instance), scope) }
                handling.append(e)
                defer { handling.removeLast() }
                let result: ControlFlow
                do {
                    result = try h.body(self, scope)
                } catch var inner as PythonError {
                    if inner.instance == nil || inner.instance !== instance {
                        let i = inner.materialize()
                        if case .none = i.context { i.context = .object(instance) }
                    }
                    throw inner
                }
                // CPython deletes the `as` name when the handler ends.
                if let n = h.name { let key = Name(n); scope.owner(of: key)[key] = nil }
                return result
            }
            throw e
        }
        if case .normal = flow, let orElse { return try orElse(self, scope) }
        return flow
    }

    func exceptionMatches(_ type: PyType, _ cls: Value) throws -> Bool {
        switch cls {
        case .tuple(let options): return try options.contains { try exceptionMatches(type, $0) }
        case .object(let c as PyType) where c.isException: return type.isSubtype(of: c)
        default: throw PythonError.type("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    /// The exception a `raise` operand names: an instance, or a class called with no arguments.
    func exceptionInstance(_ v: Value, cause: Bool = false) throws -> PyInstance {
        switch v {
        case .object(let i as PyInstance) where i.type.isException: return i
        case .object(let t as PyType) where t.isException:
            guard case .object(let i as PyInstance) = try callType(t, Arguments()), i.type.isException else {
                throw PythonError.type("calling \(t.repr()) should have returned an instance of BaseException, not \(t.name)")
            }
            return i
        default:
            throw PythonError.type(cause ? "exception causes must derive from BaseException" : "exceptions must derive from BaseException")
        }
    }

    func raise(_ excExpr: Expr?, _ causeExpr: Expr?, _ scope: Scope) throws {
        guard let excExpr else {
            guard let current = handling.last else { throw PythonError.runtime("No active exception to reraise") }
            throw current
        }
        let instance = try exceptionInstance(try eval(excExpr, scope))
        if let causeExpr {
            let c = try eval(causeExpr, scope)
            instance.cause = c.isNone ? .none : .object(try exceptionInstance(c, cause: true))
            instance.suppressContext = true
        }
        if var current = handling.last, case .none = instance.context {
            let ci = current.materialize()
            if ci !== instance { instance.context = .object(ci) }
        }
        throw PythonError(raising: instance, message: try strOfInstance(instance))
    }

    // MARK: with, annotations, iteration

    func withInstance(_ manager: PyInstance, _ target: Expr?, _ body: [Stmt], _ scope: Scope) throws -> ControlFlow {
        let t = manager.type
        guard let enter = t.lookup("__enter__") else {
            throw PythonError.type("'\(t.name)' object does not support the context manager protocol")
        }
        guard let exit = t.lookup("__exit__") else {
            throw PythonError.type("'\(t.name)' object does not support the context manager protocol (missed __exit__ method)")
        }
        let entered = try call(bind(enter, to: .object(manager), type: t), Arguments())
        let flow: ControlFlow
        do {
            if let target { try assign(target, entered, scope) }
            flow = try execBlock(body, scope)
        } catch {
            var e = PythonError.from(error)
            if e.uncatchable { throw error }
            let instance = e.materialize()
            let suppress: Value
            do {
                suppress = try call(bind(exit, to: .object(manager), type: t),
                                    Arguments([.object(e.exceptionType), .object(instance), .object(TracebackObject())]))
            } catch var inner as PythonError {
                let i = inner.materialize()
                if i !== instance, case .none = i.context { i.context = .object(instance) }
                throw inner
            }
            if try truthy(suppress) { return .normal }
            throw e
        }
        _ = try call(bind(exit, to: .object(manager), type: t), Arguments([.none, .none, .none]))
        return flow
    }

    func annotate(_ target: Expr, _ annotation: Expr, _ valueExpr: Expr?, _ scope: Scope) throws {
        // Module and class bodies evaluate the annotation and record a simple name's in __annotations__.
        if scope.function == nil {
            let a = try eval(annotation, scope)
            if case .name(let n, _) = target {
                let d: PyDict
                if case .dict(let existing)? = scope["__annotations__"] { d = existing } else {
                    d = PyDict()
                    scope["__annotations__"] = .dict(d)
                }
                d.set(.str(n), a)
            }
        }
        if let valueExpr { try assign(target, try eval(valueExpr, scope), scope) }
    }

    /// `for x in obj:` over a user iterable or a lazy iterator, one item at a time (it may never end).
    func forEach(_ iterable: Value, _ target: Expr, _ body: [Stmt], _ orElse: [Stmt], _ scope: Scope) throws -> ControlFlow {
        let iterator = try makeIterator(iterable)
        while let item = try nextItem(iterator) {
            try checkInterrupt()
            try assign(target, item, scope)
            switch try execBlock(body, scope) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returnValue(let v): return .returnValue(v)
            }
        }
        return try execBlock(orElse, scope)
    }
}
