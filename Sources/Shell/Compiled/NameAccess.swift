import Syntax
import Torch

/// A function's compiled form (docs/interpreter.md, "The compile step"): its frame layout — every
/// local a fixed slot, parameters first — and its body lowered to closures. Built on a function's
/// second call (most functions called once gain nothing from it), kept by the `UserFunction`.
final class CompiledFunction {
    /// Slot → name: the parameters in order, then the other locals sorted.
    let layout: [Name]
    /// Name → slot, when the layout is too long for `Scope`'s linear scan; shared by every call.
    let index: [Name: Int]?
    /// A `def`'s body, or a lambda's expression.
    let body: StmtCode?
    let expression: ExprCode?
    /// A generator's body as a resumable program.
    let generator: GeneratorProgram?

    init(layout: [Name], body: StmtCode?, expression: ExprCode?, generator: GeneratorProgram? = nil) {
        self.generator = generator
        self.layout = layout
        index = layout.count > Scope.linearScanLimit
            ? Dictionary(layout.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) : nil
        self.body = body
        self.expression = expression
    }

    /// A call's empty frame: every local present, unbound, at its slot.
    func frame(parent: Scope, arguments: [Value]) -> Scope {
        var values = [Value?]()
        values.reserveCapacity(layout.count)
        for a in arguments { values.append(a) }
        while values.count < layout.count { values.append(nil) }
        return Scope(parent: parent, layout: self, values: values)
    }
}

typealias ExprCode = (Interpreter, Scope) throws -> Value
typealias StmtCode = (Interpreter, Scope) throws -> ControlFlow
/// Binds a value to an assignment target.
typealias TargetCode = (Interpreter, Scope, Value) throws -> Void

/// Where the running code is: the node `located` last entered. A frame records it when it starts
/// (the call site in its caller) and puts it back when it ends, so `_traceback.stack()` can give
/// each running frame's line as CPython's frames carry `f_lineno` (logging's `findCaller`).
enum ExecutionPoint {
    nonisolated(unsafe) static var current: SourceLocation?
}

/// Places an error that has no location yet at `location` (what `Interpreter.eval`/`exec` do for
/// their node), turning a Torch error into a Python one.
@inline(__always)
func located<T>(_ location: SourceLocation, _ body: () throws -> T) throws -> T {
    ExecutionPoint.current = location
    do {
        return try body()
    } catch let err as PythonError where err.location == nil {
        var e = err
        e.location = location
        throw e
    } catch let err as TorchError {
        throw PythonError(err.kind, err.message, at: location)
    }
}

/// A module-level name read from compiled code (CPython's LOAD_GLOBAL): the module scope's slot,
/// found once (slots never move), else the builtin, remembered while the module gains no new name
/// (a builtin is shadowed only by a name the module binds later, which adds a slot).
final class GlobalName {
    let name: Name
    /// The module scope. Unowned: compiled code lives in a function that holds its scope chain, or
    /// only while one module-level statement runs.
    unowned(unsafe) let home: Scope
    private var slot = -1
    private var builtin: Value?
    private var namesSeen = -1

    init(_ name: Name, home: Scope) {
        self.name = name
        self.home = home
    }

    @inline(__always)
    func read(_ interp: Interpreter) throws -> Value {
        if slot >= 0 {
            if slot < home.values.count, let v = home.values[slot] { return v }
        } else if let b = builtin, home.names.count == namesSeen {
            return b
        }
        return try slowRead(interp)
    }

    private func slowRead(_ interp: Interpreter) throws -> Value {
        builtin = nil
        slot = home.find(name) ?? -1
        if slot >= 0, let v = home.values[slot] { return v }
        namesSeen = home.names.count
        if let b = interp.builtinsStorage[name.string] {
            if slot < 0 { builtin = b }
            return b
        }
        throw PythonError.name(name.string)
    }

    @inline(__always)
    func write(_ value: Value?) {
        if slot < 0 { slot = home.slot(name) }
        home.store(value, at: slot)
    }
}

/// How compiled code reaches one name.
enum NameAccess {
    /// A local of the compiled function: its frame slot.
    case local(Int, String)
    /// A local of the function a compiled comprehension is in: a slot of the scope around it.
    case enclosing(Int, Name)
    /// A module-level name (or builtin).
    case global(GlobalName)
    /// Anything else — a free variable of an enclosing function, a `nonlocal`, a name of a scope
    /// the compiler cannot see through — looked up as the tree walker does.
    case dynamic(Name)
}

extension Interpreter {
    /// `lookup` for a name whose hash is already known.
    func lookup(_ key: Name, _ scope: Scope) throws -> Value {
        var s: Scope? = scope
        while let cur = s {
            if let v = cur[key] { return v }
            if let owner = cur.redirects?[key], owner !== cur { s = owner; continue }
            if let f = cur.function, f.localNames.contains(key) {
                if cur === scope { throw PythonError.unbound(key.string) }
                throw PythonError("NameError", "cannot access free variable '\(key.string)' where it is not associated with a value in enclosing scope")
            }
            s = cur.parent
        }
        if let v = builtinsStorage[key.string] { return v }
        throw PythonError.name(key.string)
    }

    func bind(_ key: Name, _ value: Value, _ scope: Scope) {
        scope.owner(of: key)[key] = value
    }
}
