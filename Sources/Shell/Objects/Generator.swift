import Syntax

/// A Python iterator written in Swift that produces its items one at a time (generators, and the
/// iterators `zip`, `map`, `filter`, `enumerate`, `reversed` and `iter()` return): `for`, `next`,
/// unpacking and the consuming builtins all advance it through `next()`.
class LazyIterator: PyObject, TypedObject {
    /// The next item, or nil once exhausted (`StopIteration`).
    func next() throws -> Value? { nil }
    /// The StopIteration `next()` raises once `next` returned nil.
    func exhausted() -> PythonError { PythonError("StopIteration", "") }
    var pyType: PyType { PyType.named(typeName) }
    override func repr() -> String { "<\(typeName) object at \(addressString(self))>" }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "__next__":
            return .builtin(Builtin("__next__", receiver: typeName) { _ in
                guard let v = try self.next() else { throw self.exhausted() }
                return v
            })
        case "__iter__":
            return .builtin(Builtin("__iter__", receiver: typeName) { _ in .object(self) })
        default: return nil
        }
    }
    override var memberNames: [String] { ["__iter__", "__next__"] }
}

/// An iterator whose next item is a Swift closure's (the builtins' lazy iterators).
final class ClosureIterator: LazyIterator {
    private let name: String
    private var step: (() throws -> Value?)?
    init(_ name: String, _ step: @escaping () throws -> Value?) {
        self.name = name
        self.step = step
    }
    override var typeName: String { name }
    override func next() throws -> Value? {
        guard let step else { return nil }
        if let v = try step() { return v }
        self.step = nil   // exhausted for good, and what it held goes
        return nil
    }
}

/// A generator: the object a call of a function containing `yield` returns. Its frame runs on a
/// `Coroutine`; each resume swaps the frame's share of the interpreter's running state (the
/// Python frames for `super()`, the exceptions being handled, the call depth) in on top of the
/// consumer's, and out again when it yields, as CPython's generator frames are pushed and popped.
final class PyGenerator: LazyIterator {
    static let type = PyType.builtin("generator", bases: [PyType.object])
    override var pyType: PyType { PyGenerator.type }
    override var typeName: String { "generator" }

    private enum State { case created, suspended, running, finished }
    private var state = State.created
    let function: UserFunction
    private let scope: Scope
    private let interpreter: Interpreter
    private var coroutine: Coroutine?
    /// The frame's running state while it is suspended.
    private var savedFrames: [(function: UserFunction, scope: Scope)] = []
    private var savedHandling: [PythonError] = []
    private var savedDepth = 0
    /// What the body returned (`StopIteration.value`).
    private(set) var returnValue: Value = .none

    /// The body as a resumable program, when it compiled to one (no thread is needed then).
    private var machine: GeneratorMachine?

    init(_ function: UserFunction, _ scope: Scope, _ interpreter: Interpreter) {
        self.function = function
        self.scope = scope
        self.interpreter = interpreter
        if let code = function.compiled, let program = code.generator, scope.compiledLayout == ObjectIdentifier(code) {
            machine = GeneratorMachine(program)
        }
    }

    deinit {
        // A generator dropped while suspended is closed, so its `finally` blocks and `with`
        // exits run (CPython's `gen.close()` on finalisation).
        guard state == .suspended else { return }
        // No collection while a deinit runs Python: the object being freed is half gone.
        do { try CycleCollector.paused { try close() } } catch {
            let e = PythonError.from(error)
            interpreter.writeError("Exception ignored in: <generator object \(function.qualname) at \(addressString(self))>\n\(e.description)\n")
        }
    }

    override func repr() -> String { "<generator object \(function.qualname) at \(addressString(self))>" }

    override func next() throws -> Value? { try advance(.value(.none)) }

    /// `send(value)`: the value `yield` evaluates to; the next yielded value or StopIteration.
    func send(_ value: Value) throws -> Value {
        if let v = try advance(.value(value)) { return v }
        throw stopIteration()
    }

    /// `throw(exc)`: raise `exc` where the generator is suspended.
    func throwIn(_ error: PythonError) throws -> Value {
        if let v = try advance(.error(error)) { return v }
        throw stopIteration()
    }

    /// `close()`: raise GeneratorExit inside; an error if the generator yields instead of ending.
    func close() throws {
        switch state {
        case .created, .finished:
            state = .finished
            return
        case .running:
            throw PythonError.value("generator already executing")
        case .suspended:
            do {
                if try advance(.error(PythonError("GeneratorExit", ""))) != nil {
                    throw PythonError.runtime("generator ignored GeneratorExit")
                }
            } catch let e as PythonError where e.isInstance(of: "GeneratorExit") || e.isInstance(of: "StopIteration") {
                return
            }
        }
    }

    /// StopIteration carrying the return value, the first time it is reported (as CPython's).
    override func exhausted() -> PythonError { stopIteration() }

    private func stopIteration() -> PythonError {
        defer { returnValue = .none }
        if case .none = returnValue { return PythonError("StopIteration", "") }
        var e = PythonError("StopIteration", returnValue.str)
        e.keyArgument = returnValue
        return e
    }

    /// Runs the frame to its next `yield` (the value) or its end (nil; `returnValue` is set).
    private func advance(_ input: Coroutine.Resume) throws -> Value? {
        switch state {
        case .running:
            throw PythonError.value("generator already executing")
        case .finished:
            if case .error(let e) = input { throw e }
            return nil
        case .created:
            switch input {
            case .value(let v) where !v.isNone:
                throw PythonError.type("can't send non-None value to a just-started generator")
            case .error(let e):
                // Thrown in before the first line ran: the frame ends at once.
                state = .finished
                throw e
            case .value: break
            }
        case .suspended: break
        }
        if machine != nil { return try advanceMachine(input) }
        let coroutine = self.coroutine ?? makeCoroutine()
        state = .running
        let interp = interpreter
        let baseFrames = interp.frames.count, baseHandling = interp.handling.count, baseDepth = interp.callDepth
        interp.frames += savedFrames
        interp.handling += savedHandling
        interp.callDepth += savedDepth
        let resumed = Result { try coroutine.resume(input) }
        savedFrames = Array(interp.frames[min(baseFrames, interp.frames.count)...])
        interp.frames.removeSubrange(min(baseFrames, interp.frames.count)...)
        savedHandling = Array(interp.handling[min(baseHandling, interp.handling.count)...])
        interp.handling.removeSubrange(min(baseHandling, interp.handling.count)...)
        savedDepth = interp.callDepth - baseDepth
        interp.callDepth = baseDepth
        let outcome: Coroutine.Outcome
        do { outcome = try resumed.get() } catch {
            finish()   // no thread could be made: the frame never ran
            throw error
        }
        switch outcome {
        case .yielded(let v):
            state = .suspended
            return v
        case .returned(let v):
            finish()
            returnValue = v
            return nil
        case .failed(let e):
            finish()
            throw e
        }
    }

    /// `advance` for a body compiled to a `GeneratorProgram`: it runs on the caller's thread.
    private func advanceMachine(_ input: Coroutine.Resume) throws -> Value? {
        guard var running = machine else { return nil }
        let interp = interpreter
        if interp.callDepth >= Swift.min(interp.recursionLimit, Interpreter.maxCallDepth) { throw interp.recursionError() }
        let first = state == .created
        state = .running
        interp.callDepth += 1
        defer { interp.callDepth -= 1 }
        do {
            let step = try interp.inFrame(function, scope, first: first) { try running.run(interp, scope, input) }
            switch step {
            case .yielded(let v):
                machine = running
                state = .suspended
                return v
            case .returned(let v):
                finish()
                returnValue = v
                return nil
            }
        } catch let e as PythonError where e.isInstance(of: "StopIteration") {
            finish()
            throw PyGenerator.pep479(e)
        } catch {
            finish()
            throw error
        }
    }

    /// PEP 479: a StopIteration leaving the body would end the consumer's loop silently, so it
    /// becomes RuntimeError with the StopIteration as its cause.
    private static func pep479(_ stop: PythonError) -> PythonError {
        var e = stop
        let cause = e.materialize()
        var r = PythonError.runtime("generator raised StopIteration")
        let i = r.materialize()
        i.cause = .object(cause)
        i.suppressContext = true
        r.frames = e.frames
        return r
    }

    private func finish() {
        state = .finished
        machine = nil
        coroutine = nil
        savedFrames = []
        savedHandling = []
        savedDepth = 0
    }

    private func makeCoroutine() -> Coroutine {
        let (f, scope, interp) = (function, self.scope, interpreter)
        let c = Coroutine { _ in
            interp.callDepth += 1
            defer { interp.callDepth -= 1 }
            do {
                return .returned(try interp.runFrame(f, scope))
            } catch let e as PythonError where e.isInstance(of: "StopIteration") {
                return .failed(PyGenerator.pep479(e))
            } catch {
                return .failed(error)
            }
        }
        scope.coroutine = c
        coroutine = c
        return c
    }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "send":
            return .builtin(Builtin("send", receiver: "generator") { args in
                let b = try args.bind("send", ["value"], required: 1)
                return try self.send(b.values["value"] ?? .none)
            })
        case "throw":
            return .builtin(Builtin("throw", receiver: "generator") { args in
                guard (1...3).contains(args.positional.count), args.keywords.isEmpty else {
                    throw PythonError.type("throw expected at least 1 argument, got \(args.positional.count)")
                }
                let value = args.positional.count > 1 ? args.positional[1] : nil
                return try self.throwIn(try self.interpreter.raisable(args.positional[0], value: value))
            })
        case "close":
            return .builtin(Builtin("close", receiver: "generator") { _ in
                try self.close()
                return .none
            })
        case "gi_running": return .bool(state == .running)
        case "gi_suspended": return .bool(state == .suspended)
        case "__name__": return .str(function.name)
        case "__qualname__": return .str(function.qualname)
        default: return try super.attribute(name)
        }
    }
    override var memberNames: [String] {
        super.memberNames + ["__name__", "__qualname__", "close", "gi_running", "gi_suspended", "send", "throw"]
    }
}

extension PythonError {
    /// Whether the exception is of the builtin class `name` or a subclass of it.
    func isInstance(of name: String) -> Bool { exceptionType.isSubtype(of: PyType.exception(name)) }
}

extension Interpreter {
    /// Calling a generator function: the arguments are bound, the body waits for the first `next`.
    func makeGenerator(_ f: UserFunction, _ scope: Scope) -> Value {
        scope.function = f
        return .object(PyGenerator(f, scope, self))
    }

    /// `yield value` inside a running generator: suspends it; what the consumer sent back.
    func yieldValue(_ value: Value, _ scope: Scope, at location: SourceLocation) throws -> Value {
        guard let c = scope.coroutine else {
            throw PythonError("SyntaxError", "'yield' outside function", at: location)
        }
        switch c.suspend(value) {
        case .value(let v): return v
        case .error(let e): throw e
        }
    }

    /// `yield from iterable`: every item of it is yielded; with a generator, `send` and `throw`
    /// pass through to it and its return value is the expression's value.
    func yieldFrom(_ iterable: Value, _ scope: Scope, at location: SourceLocation) throws -> Value {
        guard let c = scope.coroutine else {
            throw PythonError("SyntaxError", "'yield' outside function", at: location)
        }
        if case .object(let sub as PyGenerator) = iterable {
            var next: Value? = try sub.next()
            while let item = next {
                switch c.suspend(item) {
                case .value(let v):
                    next = v.isNone ? try sub.next() : try sub.sendOrEnd(v)
                case .error(let e):
                    if PythonError.from(e).isInstance(of: "GeneratorExit") {
                        try sub.close()
                        throw e
                    }
                    next = try sub.throwOrEnd(PythonError.from(e))
                }
            }
            return sub.returnValue
        }
        let iterator = try makeIterator(iterable)
        while let item = try nextItem(iterator) {
            switch c.suspend(item) {
            case .value: continue
            case .error(let e): throw e
            }
        }
        return .none
    }

    /// An exception a `throw(type, value)` or `raise` operand names, ready to raise.
    func raisable(_ v: Value, value: Value?) throws -> PythonError {
        if let value, !value.isNone, case .object(let t as PyType) = v, t.isException {
            let instance: PyInstance
            if case .object(let i as PyInstance) = value, i.type.isSubtype(of: t) { instance = i } else {
                guard case .object(let i as PyInstance) = try callType(t, Arguments([value])) else {
                    throw PythonError.type("exceptions must derive from BaseException")
                }
                instance = i
            }
            return PythonError(raising: instance, message: try strOfInstance(instance))
        }
        let instance = try exceptionInstance(v)
        return PythonError(raising: instance, message: try strOfInstance(instance))
    }
}

private extension PyGenerator {
    /// `send`/`throw` for `yield from`: nil when the generator ended (no StopIteration raised).
    func sendOrEnd(_ v: Value) throws -> Value? { try advance(.value(v)) }
    func throwOrEnd(_ e: PythonError) throws -> Value? { try advance(.error(e)) }
}

/// `(element for target in iterable if condition …)`: a generator that needs no coroutine, since
/// its body is only nested loops. It keeps one iterator per `for` clause and advances the
/// innermost; the first iterable is evaluated when the expression is, as in CPython.
final class GeneratorExpression: LazyIterator {
    override var pyType: PyType { PyGenerator.type }
    override var typeName: String { "generator" }
    private let qualname: String
    private let clauses: [ComprehensionClause]
    private let element: Expr
    private let scope: Scope
    private let interpreter: Interpreter
    private var iterators: [Value?]
    /// The clause being advanced; -1 once the first iterator is exhausted (or the generator closed).
    private var level = 0
    private var running = false
    private var started = false

    init(_ clauses: [ComprehensionClause], _ element: Expr, first: Value, scope: Scope, qualname: String, _ interpreter: Interpreter) {
        self.clauses = clauses
        self.element = element
        self.scope = scope
        self.qualname = qualname
        self.interpreter = interpreter
        iterators = [first] + Array(repeating: nil, count: max(0, clauses.count - 1))
    }

    override func repr() -> String { "<generator object \(qualname) at \(addressString(self))>" }

    override func next() throws -> Value? {
        guard !running else { throw PythonError.value("generator already executing") }
        running = true
        started = true
        defer { running = false }
        let interp = interpreter
        do {
            while level >= 0 {
                let clause = clauses[level]
                let iterator: Value
                if let it = iterators[level] { iterator = it } else {
                    iterator = try interp.makeIterator(try interp.eval(clause.iterable, scope))
                    iterators[level] = iterator
                }
                guard let item = try interp.nextItem(iterator) else {
                    iterators[level] = nil
                    level -= 1
                    continue
                }
                try interp.checkInterrupt()
                try interp.assign(clause.target, item, scope)
                var keep = true
                for c in clause.conditions where try !interp.truthy(interp.eval(c, scope)) { keep = false; break }
                guard keep else { continue }
                if level == clauses.count - 1 { return try interp.eval(element, scope) }
                level += 1
            }
            return nil
        } catch {
            level = -1
            iterators = []
            throw error
        }
    }

    private func end() {
        level = -1
        iterators = []
    }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "send":
            return .builtin(Builtin("send", receiver: "generator") { args in
                let v = try args.bind("send", ["value"], required: 1).values["value"] ?? .none
                if !v.isNone && !self.started {
                    throw PythonError.type("can't send non-None value to a just-started generator")
                }
                guard let item = try self.next() else { throw PythonError("StopIteration", "") }
                return item
            })
        case "throw":
            return .builtin(Builtin("throw", receiver: "generator") { args in
                guard (1...3).contains(args.positional.count) else {
                    throw PythonError.type("throw expected at least 1 argument, got \(args.positional.count)")
                }
                self.end()
                throw try self.interpreter.raisable(args.positional[0], value: args.positional.count > 1 ? args.positional[1] : nil)
            })
        case "close":
            return .builtin(Builtin("close", receiver: "generator") { _ in
                self.end()
                return .none
            })
        case "gi_running": return .bool(running)
        case "__name__": return .str("<genexpr>")
        case "__qualname__": return .str(qualname)
        default: return try super.attribute(name)
        }
    }
    override var memberNames: [String] { super.memberNames + ["__name__", "__qualname__", "close", "gi_running", "send", "throw"] }
}
