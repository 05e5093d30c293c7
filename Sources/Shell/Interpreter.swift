import Foundation
import Syntax
import Torch

/// A variable name as a dictionary key. Its FNV-1a hash is computed once, so a lookup that walks
/// several scopes hashes the string once, and far more cheaply than `String`'s SipHash.
struct Name: Hashable {
    let string: String
    let hash: Int
    init(_ string: String) {
        self.string = string
        var copy = string
        hash = copy.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return Int(bitPattern: UInt(h))
        }
    }
    static func == (a: Name, b: Name) -> Bool { a.hash == b.hash && a.string == b.string }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    // Dictionary hashes through this requirement; skipping `Hasher` is the point of `Name`.
    func _rawHashValue(seed: Int) -> Int {
        var h = UInt64(bitPattern: Int64(hash ^ seed))
        h = (h ^ (h >> 32)) &* 0xd6e8_feb8_6659_fd93
        return Int(bitPattern: UInt(h ^ (h >> 32)))
    }
}

/// Variables of one function call (or the module level, whose parent is nil). Each name gets a slot
/// once and keeps it (`del` empties it), so a loop can resolve its target's slot once.
final class Scope: CycleNode {
    /// Names by slot.
    private(set) var names: [Name] = []
    /// Values by slot; nil when the name was deleted.
    var values: [Value?] = []
    /// Slot by name, once there are too many names for a linear scan (function scopes rarely get there).
    private var index: [Name: Int]?
    let parent: Scope?
    /// Set on a class body's scope: the class's `__qualname__`.
    var classQualname: String?
    /// The mapping a metaclass's `__prepare__` returned, which this class body's bindings go
    /// through (`Interpreter.bind`); nil for every other scope.
    var classNamespace: Value?
    /// The function whose call this scope is (for the `__qualname__` of what it defines).
    var function: UserFunction?
    /// `global`/`nonlocal` names: the scope that owns each.
    var redirects: [Name: Scope]?
    /// Set on a generator's frame: where its `yield`s suspend.
    weak var coroutine: Coroutine?
    /// A comprehension's own scope: `:=` inside it binds in the scope around it.
    private(set) var isComprehension = false
    init(parent: Scope?) { self.parent = parent }
    init(comprehensionIn parent: Scope) {
        self.parent = parent
        isComprehension = true
    }
    /// A compiled comprehension's scope: its targets present, unbound, at their slots.
    init(comprehensionIn parent: Scope, names: [Name]) {
        self.parent = parent
        isComprehension = true
        self.names = names
        values = Array(repeating: nil, count: names.count)
        if names.count > Scope.linearScanLimit { index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
    }
    /// A function's scope with its parameters bound.
    init(parent: Scope?, names: [Name], values: [Value?]) {
        self.parent = parent
        self.names = names
        self.values = values
        if names.count > Scope.linearScanLimit { index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
    }
    /// A compiled function's frame: its layout's names (shared, not copied) at their slots.
    init(parent: Scope, layout: CompiledFunction, values: [Value?]) {
        self.parent = parent
        names = layout.layout
        index = layout.index
        self.values = values
        compiledLayout = ObjectIdentifier(layout)
    }
    /// Set on a frame built from a compiled function's layout: its compiled code may use slots.
    private(set) var compiledLayout: ObjectIdentifier?
    /// Scopes up to this many names find a name by scanning; larger ones keep an index.
    static let linearScanLimit = 8

    /// The module scope this one is nested in (itself at module level): where `global` names live.
    var root: Scope {
        var s = self
        while let p = s.parent { s = p }
        return s
    }

    /// `C.` inside a class body, `f.<locals>.` inside a function, empty at module level.
    var qualnamePrefix: String {
        if let classQualname { return classQualname + "." }
        if let function { return function.qualname + ".<locals>." }
        return ""
    }

    /// The scope a name binds in: its `global`/`nonlocal` owner, or this one.
    @inline(__always)
    func owner(of name: Name) -> Scope {
        if let redirects, let s = redirects[name] { return s }
        return self
    }

    func find(_ name: Name) -> Int? {
        if let index { return index[name] }
        for i in names.indices where names[i] == name { return i }
        return nil
    }
    func slot(_ name: Name) -> Int {
        if let i = find(name) { return i }
        names.append(name)
        values.append(nil)
        let i = names.count - 1
        if index != nil { index![name] = i } else if names.count > Scope.linearScanLimit {
            index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        }
        return i
    }
    subscript(_ name: Name) -> Value? {
        get { find(name).flatMap { values[$0] } }
        set { store(newValue, at: slot(name)) }
    }
    /// Binds a slot. The value it held is freed iteratively when it nests (`t = (t,)` run 10⁷
    /// times, then `t = 0`, freed one frame per level and overflowed even the interpreter's stack).
    func store(_ value: Value?, at slot: Int) {
        guard case .tuple? = values[slot] else { values[slot] = value; return }
        var old = [values[slot] ?? .none]
        values[slot] = value
        releaseNested(&old)
    }
    deinit {
        CycleCollector.untrack(self)
        // Most frames hold no container: they go without the copy `releaseNested` needs.
        guard values.contains(where: { $0?.isContainer ?? false }) else { return }
        var all = values.compactMap { $0 }
        values = []
        releaseNested(&all)
    }

    /// Tracked once a function closes over it (the only way a scope becomes part of a cycle, apart
    /// from generator frames, which the collector leaves alone); a call's scope that defines no
    /// function costs the collector nothing.
    var cycleSlot: Int32 = -1
    func traverseReferences(_ visitor: inout CycleVisitor) {
        visitor.visitOwned(&values)
        visitor.visit(parent)
        visitor.visit(function)
    }
    func clearReferences() {
        // Slots keep their numbers (a loop may hold one); each only loses its value.
        var all = values.compactMap { $0 }
        for i in values.indices { values[i] = nil }
        releaseNested(&all)
        function = nil
    }
    subscript(_ name: String) -> Value? {
        get { self[Name(name)] }
        set { self[Name(name)] = newValue }
    }
    /// All bound variables (a copy; setting replaces them all).
    var vars: [String: Value] {
        get {
            var out = [String: Value](minimumCapacity: names.count)
            for (k, v) in zip(names, values) { if let v { out[k.string] = v } }
            return out
        }
        set {
            // Slots stay where they are: a running loop may hold one.
            for i in values.indices { store(nil, at: i) }
            for (k, v) in newValue { self[k] = v }
        }
    }
}

/// A `def` or `lambda`: parameters, body and the scope it closes over.
public final class UserFunction: CycleNode {
    public private(set) var name: String
    /// `f.__name__ = …` (decorators that copy the wrapped function's name).
    func rename(_ n: String) { name = n }
    /// `__qualname__`: `C.method`, `f.<locals>.g`.
    public var qualname: String
    /// The class whose body defined it (CPython's `__class__` cell, for zero-argument `super()`).
    /// Unowned, not weak (see `PyType.subclassRefs`): the class clears it when it goes, and the
    /// function tells the class when it goes first.
    unowned(unsafe) var ownerClass: PyType?
    /// The file it was defined in (traceback frames).
    var file = "<stdin>"
    /// A call makes a generator (the body contains `yield`) instead of running the body.
    var isGenerator = false
    /// Its local variables (FunctionInfo.localNames): a miss on one is `UnboundLocalError`.
    var localNames: Set<Name> = []
    /// Names its body declares `global` / `nonlocal`.
    var globalNames: [String] = []
    var nonlocalNames: [String] = []
    /// `__dict__`, `__doc__`, `__module__`, `__annotations__`…: attributes set on the function.
    let attributes = PyDict()
    let parameters: [Parameter]
    let defaults: [Value?]
    let body: [Stmt]
    /// A lambda's body is one expression.
    let expression: Expr?
    let closure: Scope
    /// The parameters' names when they are all plain and distinct (calls with exactly that many
    /// positional arguments then bind without the general matching).
    let plainParameterNames: [Name]?
    /// Its compiled form (`Lowering`), made on the second call; generators stay tree-walked.
    private(set) var compiled: CompiledFunction?
    private var callsBeforeCompiling = 1
    /// Compiles the function when this call is its second; nil until then (and for generators).
    func compileIfDue(eagerly: Bool = false) -> CompiledFunction? {
        if eagerly, callsBeforeCompiling > 0 { callsBeforeCompiling = 0 }
        // A generator is compiled at once (one call is typically iterated many times), when its
        // yields are all where `GeneratorProgram` can stop; otherwise never.
        if callsBeforeCompiling > 0, !isGenerator { callsBeforeCompiling -= 1; return nil }
        guard callsBeforeCompiling >= 0 else { return nil }
        let layout = Lowering.layout(of: self)
        let lowering = Lowering(function: self, layout: layout)
        if isGenerator {
            guard let program = GeneratorProgram.compile(body, lowering) else {
                callsBeforeCompiling = -1
                return nil
            }
            compiled = CompiledFunction(layout: layout, body: nil, expression: nil, generator: program)
            return compiled
        }
        let code = expression.map { CompiledFunction(layout: layout, body: nil, expression: lowering.expression($0)) }
            ?? CompiledFunction(layout: layout, body: lowering.block(body), expression: nil)
        compiled = code
        return code
    }
    init(name: String, parameters: [Parameter], defaults: [Value?], body: [Stmt], expression: Expr?, closure: Scope) {
        self.name = name
        self.qualname = name
        self.parameters = parameters
        let names = parameters.map { Name($0.name) }
        plainParameterNames = parameters.allSatisfy { $0.kind == .normal } && Set(parameters.map(\.name)).count == names.count ? names : nil
        self.defaults = defaults
        self.body = body
        self.expression = expression
        self.closure = closure
        attributes.isAttributeDict = true
        CycleCollector.track(closure)
        CycleCollector.track(self)
    }
    deinit {
        CycleCollector.untrack(self)
        ownerClass?.disown(self)
    }

    var cycleSlot: Int32 = -1
    // `ownerClass` is not a strong reference, so it is not reported. Clearing the scope and the
    // attribute dict (containers of their own) breaks every cycle through a function.
    func traverseReferences(_ visitor: inout CycleVisitor) {
        visitor.visit(closure)
        visitor.visitShared(defaults)
        visitor.visit(attributes)
    }
    func clearReferences() {}
}

/// Evaluates the AST: one `switch` per node enum. State lives in `globals`; output goes through `write`.
public final class Interpreter {
    let globalScope = Scope(parent: nil)
    /// `print`, `len`, `torch`, `nn`, … : what a name resolves to when no variable has it.
    var builtinsStorage: [String: Value] = [:]
    /// The scope a `wantsCallerScope` builtin was called from, and the call's location, during that call.
    var callerScope: Scope?
    var callerLocation: SourceLocation?
    /// What calling a builtin type runs (`int(x)`, `list(it)`), per interpreter: the closures use it.
    var constructors: [ObjectIdentifier: Builtin] = [:]
    /// Where `print` and REPL echoes go.
    public var write: (String) -> Void
    /// Pushes buffered standard output to its file (`print(flush=True)`, `sys.stdout.flush()`).
    public var flushOutput: () -> Void = {}
    /// `sys.stderr` (the session's error stream; tracebacks go there too).
    public var writeError: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    /// This interpreter's picture settings (inline drawing, autosave folder).
    public let pictures = PictureSession()
    /// matplotlib.pyplot's figures and where `show()` sends them.
    lazy var pyplot = PyplotState(self)
    /// Set by a notebook front end (the Jupyter kernel): where `IPython.display.display(x)` sends a
    /// value and what `clear_output(wait)` does. Without one, `display` prints the repr.
    public var displayValue: ((Value) -> Void)?
    /// `input(prompt)`'s source when a front end provides one (the kernel's stdin channel).
    public var readInput: ((String) throws -> String)?
    public var clearOutput: ((Bool) -> Void)?
    /// `sys.modules`, `sys.path` and the finder behind `import`.
    let imports = ImportSystem()
    /// The script's name, for `__file__` and tracebacks.
    public var file: String
    /// Set from a SIGINT handler; checked between statements and loop iterations (and by long kernels).
    public static var interruptRequested: Bool {
        get { TorchInterrupt.requested }
        set { TorchInterrupt.requested = newValue }
    }
    /// Set by the fuzzers and the compile step's tests: functions are lowered at their first call
    /// (normally at their second), so every function a program defines runs compiled.
    public var compilesFunctionsAtFirstCall = false
    /// Safe points (statements, loop iterations) left before `RuntimeError: step budget exhausted`;
    /// the fuzzer sets it so slow inputs end as errors, not time-outs. Unlimited by default.
    public var stepBudget = Int.max
    /// Safe points until the next comparison of the resident size with the memory cap.
    var memoryLookCountdown = 1 << 14
    /// False in the fuzzers: `open()` for writing and the `os` calls that delete, move, create or
    /// change directories raise `PermissionError`, so a mutated input cannot touch the machine's files.
    public var allowsFileChanges = true

    func checkFileChangesAllowed(_ what: String) throws {
        if !allowsFileChanges { throw PythonError("PermissionError", "\(what) is disabled in this session") }
    }
    var callDepth = 0
    /// The Python functions running, innermost last (for `super()`).
    var frames: [(function: UserFunction, scope: Scope)] = []
    /// Where each of `frames` was called from (`ExecutionPoint` when it started), same order.
    var frameCallSites: [SourceLocation?] = []
    /// Exceptions being handled by `except` clauses, innermost last (bare `raise`, `__context__`).
    var handling: [PythonError] = []
    static let maxCallDepth = 1000   // Python's default recursion limit; Session runs on a big stack
    /// `sys.setrecursionlimit`: lowers the depth at which calls stop; nnsh's stack holds `maxCallDepth`.
    var recursionLimit = Interpreter.maxCallDepth

    public init(file: String = "<stdin>", write: @escaping (String) -> Void) {
        self.file = file
        self.write = write
        _ = Interpreter.installTypeMethodsOnce
        builtinsStorage = makeBuiltins()
        globalScope["__name__"] = .str("__main__")
        globalScope["__file__"] = .str(file)
    }
    /// Module-level variables (for `%who`, completion and tests).
    public var globals: [String: Value] {
        get { globalScope.vars }
        set { globalScope.vars = newValue }
    }

    /// Deletes the user's variables (`%reset`, the end of a session), keeping `__name__`/`__file__`.
    func releaseGlobals() {
        globalScope.vars = globalScope.vars.filter { $0.key == "__name__" || $0.key == "__file__" }
    }

    /// Runs statements; in `echo` mode (the REPL) a bare expression's repr is printed as Python's REPL does.
    public func run(_ statements: [Stmt], echo: Bool = false) throws {
        for s in statements {
            try checkInterrupt()
            if echo, case .expression(let e, _) = s {
                let v = try eval(e, globalScope)
                if case .none = v { continue }
                globalScope["_"] = v
                try checkPrintable(v)
                let text = v.repr
                try throwIfInterrupted()
                write(text + "\n")
            } else {
                try outsideLoopOrFunction(try execTopLevel(s), s.location)
            }
        }
        // Ctrl-C during the last statement, inside a builtin that finished anyway: CPython's eval loop
        // still raises it (status 130), it is not lost.
        try throwIfInterrupted()
    }

    /// Runs a notebook cell: statements as a script runs them, except that a final bare expression's
    /// value goes to `display` (IPython's `last_expr`), when it is not None; `_` keeps it.
    public func runCell(_ statements: [Stmt], display: (Value) throws -> Void) throws {
        for (i, s) in statements.enumerated() {
            try checkInterrupt()
            if i == statements.count - 1, case .expression(let e, _) = s {
                let v = try eval(e, globalScope)
                if case .none = v { continue }
                globalScope["_"] = v
                try display(v)
            } else {
                try outsideLoopOrFunction(try execTopLevel(s), s.location)
            }
        }
        try throwIfInterrupted()
    }

    /// A module-level statement: a loop (or a `try` around one) is compiled first, since its body
    /// runs many times; anything else runs once and is walked.
    func execTopLevel(_ s: Stmt) throws -> ControlFlow {
        switch s {
        case .for, .while, .try:
            let code = Lowering(module: globalScope).statement(s)
            return try located(s.location) { try code(self, globalScope) }
        default:
            return try exec(s, globalScope)
        }
    }

    /// A `break`, `continue` or `return` that reached the module level (or left a function body).
    func outsideLoopOrFunction(_ flow: ControlFlow, _ location: SourceLocation?) throws {
        switch flow {
        case .normal: return
        case .breakLoop: throw PythonError("SyntaxError", "'break' outside loop", at: location)
        case .continueLoop: throw PythonError("SyntaxError", "'continue' not properly in loop", at: location)
        case .returnValue: throw PythonError("SyntaxError", "'return' outside function", at: location)
        }
    }

    @inline(__always)
    /// A write error on stdout the front end saw (kind, message): raised at the next statement.
    nonisolated(unsafe) public static var pendingStreamError: (String, String)?

    /// `KeyboardInterrupt` if Ctrl-C arrived, and nothing else (no step budget, no collection): for
    /// builtins that poll inside long loops.
    func throwIfInterrupted() throws {
        if Interpreter.interruptRequested {
            Interpreter.interruptRequested = false
            throw PythonError("KeyboardInterrupt", "")
        }
    }

    func checkInterrupt() throws {
        if CycleCollector.isDue { CycleCollector.collectIfDue() }
        if Interpreter.interruptRequested {
            Interpreter.interruptRequested = false
            throw PythonError("KeyboardInterrupt", "")
        }
        if let (kind, message) = Interpreter.pendingStreamError {
            Interpreter.pendingStreamError = nil
            throw PythonError(kind, message)
        }
        // Many small objects (a list appended to 10⁸ times) never make one large request: every 16 384
        // safe points the resident size is compared with the cap, a MemoryError before the OS's OOM killer.
        memoryLookCountdown -= 1
        if memoryLookCountdown <= 0 {
            memoryLookCountdown = 1 << 14
            let used = MemoryLimit.residentBytes()
            if used > MemoryLimit.bytes {
                throw PythonError("MemoryError", "\(used) bytes in use pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
            }
        }
        stepBudget -= 1
        if stepBudget < 0 {
            stepBudget = 0
            var e = PythonError("RuntimeError", "step budget exhausted")
            e.uncatchable = true
            throw e
        }
    }

    // MARK: statements

    /// Runs one statement; `break`, `continue` and `return` come back as the result, not as errors.
    func exec(_ s: Stmt, _ scope: Scope) throws -> ControlFlow {
        try located(s.location) { try execInner(s, scope) }
    }

    func execBlock(_ body: [Stmt], _ scope: Scope) throws -> ControlFlow {
        for s in body {
            let flow = try exec(s, scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    private func execInner(_ s: Stmt, _ scope: Scope) throws -> ControlFlow {
        switch s {
        case .expression(let e, _):
            _ = try eval(e, scope)
        case .assign(let targets, let valueExpr, _):
            let v = try eval(valueExpr, scope)
            for t in targets { try assign(t, v, scope) }
        case .augmentedAssign(let target, let op, let valueExpr, _):
            try augmentedAssign(target, op, valueExpr, scope)
        case .import(let names, _):
            for n in names { try importStatement(n, scope) }
        case .fromImport(let module, let names, let location):
            try fromImportStatement(module, names, scope, at: location)
        case .if(let cond, let body, let orElse, _):
            return try truthy(eval(cond, scope)) ? try execBlock(body, scope) : try execBlock(orElse, scope)
        case .while(let cond, let body, let orElse, _):
            while try truthy(eval(cond, scope)) {
                try checkInterrupt()
                switch try execBlock(body, scope) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                }
            }
            return try execBlock(orElse, scope)
        case .for(let target, let iterable, let body, let orElse, _):
            let source = try eval(iterable, scope)
            // A plain name target is resolved to its slot once (slots never move).
            var slot = -1
            if case .name(let n, _) = target, scope.redirects == nil { slot = scope.slot(Name(n)) }
            if case .object(let o) = source, o is PyInstance || o is LazyIterator { return try forEach(source, target, body, orElse, scope) }
            /// One iteration: bind the item, run the body; nil to go on, else the flow that ends the loop.
            func iteration(_ item: Value) throws -> ControlFlow? {
                try checkInterrupt()
                if slot >= 0 { scope.store(item, at: slot) } else { try assign(target, item, scope) }
                switch try execBlock(body, scope) {
                case .normal, .continueLoop: return nil
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                }
            }
            if case .object(let c as ItemCursor) = source {
                // An iterator is advanced one item at a time: a `break` leaves the rest for the next loop.
                while c.position < c.items.count {
                    c.position += 1
                    if let end = try iteration(c.items[c.position - 1]) { return end }
                }
            } else if case .list(let l) = source {
                // Python's list iterator reads the length afresh each step: the body may append.
                var k = 0
                while k < l.items.count {
                    let item = l.items[k]
                    k += 1
                    if let end = try iteration(item) { return end }
                }
            } else if case .range(let a, let b, let c) = source {
                // A range is walked lazily, so `for i in range(10**9)` is a long loop, not a huge list.
                let count = rangeCount(a, b, c)
                var k = 0
                while k < count {
                    let item = Value.int(a &+ k &* c)
                    k += 1
                    if let end = try iteration(item) { return end }
                }
            } else {
                for item in try iterate(source) {
                    if let end = try iteration(item) { return end }
                }
            }
            return try execBlock(orElse, scope)
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .pass: break
        case .del(let targets, _):
            for t in targets { try delete(t, scope) }
        case .return(let e, _):
            return .returnValue(try e.map { try eval($0, scope) } ?? .none)
        case .functionDef(let name, let params, let body, let info, _):
            try bind(name, try makeFunction(name, params, body, info: info, scope), scope)
        case .classDef(let name, let bases, let body, _):
            try bind(name, try makeClass(name, bases, body, scope), scope)
        case .decorated(let decoratorExprs, let definition, _):
            let decorators = try decoratorExprs.map { try eval($0, scope) }
            var (name, value): (String, Value)
            switch definition {
            case .functionDef(let n, let params, let body, let info, _): (name, value) = (n, try makeFunction(n, params, body, info: info, scope))
            case .classDef(let n, let bases, let body, _): (name, value) = (n, try makeClass(n, bases, body, scope))
            default: throw PythonError("SyntaxError", "invalid syntax")
            }
            for d in decorators.reversed() { value = try call(d, Arguments([value])) }
            try bind(name, value, scope)
        case .try(let body, let handlers, let orElse, let finally, _):
            return try execTry(body, handlers, orElse, finally, scope)
        case .raise(let exc, let cause, _):
            try raise(exc, cause, scope)
        case .global, .nonlocal:
            break  // applied when the function's scope is made (UserFunction.globalNames)
        case .annotated(let target, let annotation, let valueExpr, _):
            try annotate(target, annotation, valueExpr, scope)
        case .with(let contextExpr, let target, let body, _):
            let context = try eval(contextExpr, scope)
            if case .object(let o as PyInstance) = context { return try withInstance(o, target, body, scope) }
            guard case .object(let o) = context, let manager = o as? ContextManager else {
                throw PythonError.type("'\(context.typeName)' object does not support the context manager protocol")
            }
            let entered = try manager.enter()
            defer { manager.exit() }
            if let target { try assign(target, entered, scope) }
            return try execBlock(body, scope)
        case .assert(let cond, let message, _):
            if try !truthy(eval(cond, scope)) {
                let instance = PyInstance(type: PyType.exception("AssertionError"))
                if let message { instance.args = [try eval(message, scope)] }
                throw PythonError(raising: instance, message: try strOfInstance(instance))
            }
        }
        return .normal
    }

    // MARK: names and assignment

    /// A `global`/`nonlocal` name lives only in its owner (then the builtins, for a global); a local
    /// of the function not bound yet (or deleted) is CPython's compile-time rule (UnboundLocalError).
    func lookup(_ name: String, _ scope: Scope) throws -> Value { try lookup(Name(name), scope) }

    func assign(_ target: Expr, _ value: Value, _ scope: Scope) throws {
        switch target {
        case .name(let n, _):
            try bind(n, value, scope)
        case .tuple(let targets, let loc), .list(let targets, let loc):
            let items: [Value]
            do { items = try iterate(value) } catch let e as PythonError where e.message == "'\(value.typeName)' object is not iterable" {
                throw PythonError.type("cannot unpack non-iterable \(value.typeName) object")
            }
            if let star = targets.firstIndex(where: { if case .starred = $0 { return true }; return false }) {
                // `first, *rest, last = xs`: the starred target takes a list of what the others leave.
                let fixed = targets.count - 1
                guard items.count >= fixed else {
                    throw PythonError("ValueError", "not enough values to unpack (expected at least \(fixed), got \(items.count))", at: loc)
                }
                let after = targets.count - star - 1
                for (t, v) in zip(targets[..<star], items) { try assign(t, v, scope) }
                if case .starred(let inner, _) = targets[star] {
                    try assign(inner, .list(PyList(Array(items[star..<(items.count - after)]))), scope)
                }
                for (t, v) in zip(targets[(star + 1)...], items[(items.count - after)...]) { try assign(t, v, scope) }
                return
            }
            if items.count != targets.count {
                let msg = items.count > targets.count
                    ? "too many values to unpack (expected \(targets.count))"
                    : "not enough values to unpack (expected \(targets.count), got \(items.count))"
                throw PythonError("ValueError", msg, at: loc)
            }
            for (t, v) in zip(targets, items) { try assign(t, v, scope) }
        case .attribute(let objExpr, let name, _):
            let obj = try eval(objExpr, scope)
            try setAttribute(obj, name, value)
        case .subscript(let objExpr, let indexExpr, _):
            let obj = try eval(objExpr, scope)
            let index = try eval(indexExpr, scope)
            try setItem(obj, index, value)
        default:
            throw PythonError("SyntaxError", "cannot assign to expression", at: target.location)
        }
    }

    func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ scope: Scope) throws {
        // `n += 1` on a name of this scope: one slot read and one slot write.
        if case .name(let n, _) = target, scope.redirects == nil, let slot = scope.find(Name(n)), let current = scope.values[slot] {
            let rhs = try eval(valueExpr, scope)
            switch current {
            case .tensor, .list, .object, .set, .dict: try augmentedAssign(current, rhs, target, op, scope)
            default: scope.store(try binaryOperation(op, current, rhs), at: slot)
            }
            return
        }
        // `a.b += v` evaluates `a` once.
        if case .attribute(let objExpr, let name, let attrLoc) = target {
            let obj = try eval(objExpr, scope)
            let current = try evalAttribute(obj, name, attrLoc)
            let rhs = try eval(valueExpr, scope)
            try setAttribute(obj, name, try inPlaceResult(current, rhs, op))
            return
        }
        // `a[i] += v` is Python's getitem, __iadd__, setitem, with `a` and `i` evaluated once: an advanced
        // index reads a copy, so the write-back is what changes `a` (`x[[0, 0]] += 1`).
        if case .subscript(let objExpr, let indexExpr, _) = target {
            let obj = try eval(objExpr, scope), index = try eval(indexExpr, scope)
            let current = try getItem(obj, index)
            let rhs = try eval(valueExpr, scope)
            try setItem(obj, index, try inPlaceResult(current, rhs, op))
            return
        }
        let current = try eval(target, scope)
        let rhs = try eval(valueExpr, scope)
        try augmentedAssign(current, rhs, target, op, scope)
    }

    private func augmentedAssign(_ current: Value, _ rhs: Value, _ target: Expr, _ op: BinaryOperator, _ scope: Scope) throws {
        let result = try inPlaceResult(current, rhs, op)
        switch target {
        case .name(let n, _): try bind(n, result, scope)
        default: try assign(target, result, scope)
        }
    }

    /// `current op= rhs`: tensors (and lists with `+=`) change in place, as Python's __iadd__ does, and
    /// are their own result; other values get a new one.
    func inPlaceResult(_ current: Value, _ rhs: Value, _ op: BinaryOperator) throws -> Value {
        if case .object(let i as PyInstance) = current { return try instanceInPlace(op, i, rhs) }
        if let o = current.operand, let r = try o.inPlace(op, rhs, self) { return r }
        if case .tensor(let t) = current, let bop = tensorOp(op) {
            try t.applyInPlace(bop, try toTensorOperand(rhs, like: t))
            return current
        }
        // Sets (`|=`, `&=`, `-=`, `^=`) and dicts (`|=`) change in place, keeping their identity.
        if case .set(let s) = current, case .set(let o) = rhs {
            switch op {
            case .bitOr: s.merge(o); return current
            case .bitAnd: let r = s.intersection(o); s.removeAll(); s.merge(r); return current
            case .subtract: for (k, h) in o.entries { s.remove(k, hash: h) }; return current
            case .bitXor: s.symmetricDifferenceUpdate(o); return current
            default: break
            }
        }
        if case .dict(let d) = current, op == .bitOr {
            guard case .dict(let o) = rhs else { return try binaryOperation(op, current, rhs) }
            for (k, v) in zip(o.keys, o.values) { d.set(k, v) }
            return current
        }
        if case .list(let l) = current, op == .add {
            let more = try iterate(rhs)
            try checkCollectionSize(l.items.count &+ more.count)
            l.items += more
            return current
        }
        return try binaryOperation(op, current, rhs)
    }

    func delete(_ target: Expr, _ scope: Scope) throws {
        switch target {
        case .name(let n, _):
            let owner = scope.owner(of: Name(n))
            if owner[n] == nil { throw PythonError.name(n) }
            owner[n] = nil
        case .subscript(let objExpr, let indexExpr, _):
            let obj = try eval(objExpr, scope), index = try eval(indexExpr, scope)
            switch obj {
            case .list(let l):
                if case .slice(let a, let b, let c) = index {
                    let doomed = Set(try sliceIndices(a, b, c, count: l.items.count))
                    l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                    return
                }
                let i = try normalizeIndex(index, count: l.items.count, what: "list")
                l.items.remove(at: i)
            case .dict(let d):
                if !d.remove(index, hash: try hashValue(index)) { throw PythonError.keyError(index) }
            case .object(let o as PyInstance):
                try deleteItem(o, index)
            case .object(let b as PyBytes):
                try b.deleteItem(index, self)
            case .module(let m):
                try moduleDeleteItem(m, index)
            default: throw PythonError.type("'\(obj.typeName)' object doesn't support item deletion")
            }
        case .tuple(let ts, _), .list(let ts, _):
            for t in ts { try delete(t, scope) }
        case .attribute(let objExpr, let name, _):
            try deleteAttribute(try eval(objExpr, scope), name)
        default:
            throw PythonError("SyntaxError", "cannot delete expression", at: target.location)
        }
    }

    // MARK: expressions

    func eval(_ e: Expr, _ scope: Scope) throws -> Value {
        try located(e.location) { try evalInner(e, scope) }
    }

    private func evalInner(_ e: Expr, _ scope: Scope) throws -> Value {
        switch e {
        case .name(let n, _): return try lookup(n, scope)
        case .walrus(let n, let valueExpr, _):
            // `:=` binds in the function (or module, or class body) around any comprehension it is in.
            let value = try eval(valueExpr, scope)
            var target = scope
            while target.isComprehension, let p = target.parent { target = p }
            try bind(n, value, target)
            return value
        case .int(let i, _): return .int(i)
        case .bigInt(let spelling, _): return try bigIntegerLiteral(spelling)
        case .float(let d, _): return .float(d)
        case .string(let s, _): return .str(s)
        case .bytes(let b, _): return .object(PyBytes(b, mutable: false))
        case .fstring(let parts, _): return .str(try formatFString(parts, scope))
        case .bool(let b, _): return .bool(b)
        case .none: return .none
        case .ellipsis: return .ellipsis
        case .tuple(let items, _): return .tuple(try displayItems(items, scope))
        case .list(let items, _): return .list(PyList(try displayItems(items, scope)))
        case .starred(_, let loc): throw PythonError("SyntaxError", "can't use starred expression here", at: loc)
        case .yield(let value, let loc): return try yieldValue(try value.map { try eval($0, scope) } ?? .none, scope, at: loc)
        case .yieldFrom(let iterable, let loc): return try yieldFrom(try eval(iterable, scope), scope, at: loc)
        case .dict(let entries, _):
            let d = PyDict()
            for entry in entries {
                let key = try eval(entry.key, scope)
                let hash = try hashValue(key)
                d.set(key, try eval(entry.value, scope), hash: hash)
            }
            return .dict(d)
        case .set(let items, _):
            let values = try displayItems(items, scope)
            let s = PySet()
            for v in values { s.insert(v, hash: try hashValue(v)) }
            // Three or more constants compile to a frozenset merged into the new set (CPython's order).
            return .set(values.count > 2 && items.allSatisfy(\.isConstant) ? PySet.constantDisplay(s.items) : s)
        case .comprehension(.generator, let element, let clauses, _) where !clauses.isEmpty:
            let first = try makeIterator(try eval(clauses[0].iterable, scope))
            return .object(GeneratorExpression(clauses, element, first: first, scope: Scope(comprehensionIn: scope),
                                               qualname: scope.qualnamePrefix + "<genexpr>", self))
        case .comprehension(let kind, let element, let clauses, _):
            var out = [Value]()
            let inner = Scope(comprehensionIn: scope)
            try runComprehension(clauses[...], element, inner, &out)
            return try comprehensionResult(kind, out)
        case .unary(let op, let operand, _):
            return try unaryOperation(op, try eval(operand, scope))
        case .binary(let op, let l, let r, _):
            return try binaryOperation(op, try eval(l, scope), try eval(r, scope))
        case .boolean(let op, let l, let r, _):
            let left = try eval(l, scope)
            switch op {
            case .and: return try truthy(left) ? try eval(r, scope) : left
            case .or: return try truthy(left) ? left : try eval(r, scope)
            }
        case .compare(let first, let ops, let rest, _):
            var left = try eval(first, scope)
            var result: Value = .bool(true)
            for (op, rhsExpr) in zip(ops, rest) {
                let right = try eval(rhsExpr, scope)
                result = try compare(op, left, right)
                // One comparison is its value (an array's or tensor's elementwise result); a chain
                // tests each link's truth, as CPython does.
                if ops.count == 1 { return result }
                if try !truthy(result) { return result }
                left = right
            }
            return result
        case .conditional(let then, let cond, let orElse, _):
            return try truthy(eval(cond, scope)) ? try eval(then, scope) : try eval(orElse, scope)
        case .lambda(let params, let body, _):
            let defaults = try params.map { try $0.defaultValue.map { try eval($0, scope) } }
            let f = UserFunction(name: "<lambda>", parameters: params, defaults: defaults, body: [],
                                 expression: body, closure: scope)
            f.qualname = scope.qualnamePrefix + "<lambda>"
            f.file = file
            // Its parameters and `:=` targets are its locals (what the compile step gives slots).
            f.localNames = Set(Scoping.localNames(params, [.expression(body, body.location)]).map(Name.init))
            return .function(f)
        case .attribute(let objExpr, let name, _):
            return try getAttribute(try eval(objExpr, scope), name)
        case .call(let fnExpr, let argExprs, let callLocation):
            // `x.sum()` / `out.append(v)`: call the method without making a bound-method object.
            if case .attribute(let objExpr, let name, _) = fnExpr {
                let obj = try eval(objExpr, scope)
                switch obj {
                case .tensor where name == "backward":
                    return try callMethodWithCaller(obj, name, try evalArguments(argExprs, scope), scope, callLocation)
                case .tensor where Interpreter.tensorMethodSet.contains(name):
                    return try callMethod(obj, name, try evalArguments(argExprs, scope))
                case .list(let l) where name == "append" && argExprs.count == 1:
                    if case .positional(let x) = argExprs[0] {
                        l.items.append(try eval(x, scope))
                        return .none
                    }
                default: break
                }
                let method = try evalAttribute(obj, name, fnExpr.location)
                if case .builtin(let b) = method, b.wantsCallerScope {
                    return try callWithCaller(method, try evalArguments(argExprs, scope), scope, callLocation)
                }
                return try call(method, try evalArguments(argExprs, scope))
            }
            let callee = try eval(fnExpr, scope)
            if case .builtin(let b) = callee, b.wantsCallerScope {
                return try callWithCaller(callee, try evalArguments(argExprs, scope), scope, callLocation)
            }
            return try call(callee, try evalArguments(argExprs, scope))
        case .subscript(let objExpr, let indexExpr, _):
            return try getItem(try eval(objExpr, scope), try eval(indexExpr, scope))
        case .slice(let lo, let hi, let step, _):
            return .slice(try lo.map { try eval($0, scope) } ?? .none, try hi.map { try eval($0, scope) } ?? .none,
                          try step.map { try eval($0, scope) } ?? .none)
        }
    }

    /// A list, set or dict comprehension's value from its elements (a dict's are (key, value) tuples).
    func comprehensionResult(_ kind: ComprehensionKind, _ out: [Value]) throws -> Value {
        switch kind {
        case .dict:
            let d = PyDict()
            for case .tuple(let kv) in out where kv.count == 2 { d.set(kv[0], kv[1], hash: try hashValue(kv[0])) }
            return .dict(d)
        case .set:
            let s = PySet()
            for v in out { s.insert(v, hash: try hashValue(v)) }
            return .set(s)
        case .list, .generator:
            return .list(PyList(out))
        }
    }

    /// Calls a builtin that needs to know its caller (`exec`, `locals`, `warnings.warn`).
    func callWithCaller(_ callee: Value, _ arguments: Arguments, _ scope: Scope, _ location: SourceLocation) throws -> Value {
        let saved = (callerScope, callerLocation)
        (callerScope, callerLocation) = (scope, location)
        defer { (callerScope, callerLocation) = saved }
        return try call(callee, arguments)
    }

    /// `tensor.backward()`: hooks may warn, and they report the calling line.
    func callMethodWithCaller(_ obj: Value, _ name: String, _ arguments: Arguments, _ scope: Scope, _ location: SourceLocation) throws -> Value {
        let saved = (callerScope, callerLocation)
        (callerScope, callerLocation) = (scope, location)
        defer { (callerScope, callerLocation) = saved }
        return try callMethod(obj, name, arguments)
    }

    /// The items of a tuple/list display, with `*xs` spliced in.
    private func displayItems(_ items: [Expr], _ scope: Scope) throws -> [Value] {
        var out = [Value]()
        for item in items {
            if case .starred(let inner, _) = item { out += try iterate(eval(inner, scope)) } else { out.append(try eval(item, scope)) }
        }
        return out
    }

    /// `getAttribute` with its errors placed at the attribute node, as `eval` of that node would.
    func evalAttribute(_ obj: Value, _ name: String, _ location: SourceLocation) throws -> Value {
        try located(location) { try getAttribute(obj, name) }
    }

    func evalArguments(_ argExprs: [Argument], _ scope: Scope) throws -> Arguments {
        var args = Arguments()
        for a in argExprs {
            switch a {
            case .positional(let x): args.positional.append(try eval(x, scope))
            case .keyword(let k, let x):
                if args.keywords.contains(where: { $0.0 == k }) {
                    throw PythonError("SyntaxError", "keyword argument repeated: \(k)")
                }
                args.keywords.append((k, try eval(x, scope)))
            case .unpack(let x): args.positional += try iterate(eval(x, scope))
            case .unpackKeywords(let x):
                guard case .dict(let d) = try eval(x, scope) else { throw PythonError.type("argument after ** must be a mapping") }
                for (k, v) in zip(d.keys, d.values) {
                    guard case .str(let ks) = k else { throw PythonError.type("keywords must be strings") }
                    args.keywords.append((ks, v))
                }
            }
        }
        return args
    }

    private func runComprehension(_ clauses: ArraySlice<ComprehensionClause>, _ element: Expr, _ scope: Scope,
                                  _ out: inout [Value]) throws {
        guard let clause = clauses.first else { out.append(try eval(element, scope)); return }
        func step(_ item: Value) throws {
            try checkInterrupt()
            try assign(clause.target, item, scope)
            var keep = true
            for c in clause.conditions where try !truthy(eval(c, scope)) { keep = false; break }
            if keep { try runComprehension(clauses.dropFirst(), element, scope, &out) }
        }
        let source = try eval(clause.iterable, scope)
        switch source {
        case .object(let c as ItemCursor):
            // One item at a time: the element may take items from the same iterator.
            while c.position < c.items.count {
                c.position += 1
                try step(c.items[c.position - 1])
                if out.count % 4096 == 0 { try checkCollectionSize(out.count) }
            }
        case .object(let o) where o is PyInstance || o is LazyIterator:
            // Item by item: the element may consume what the iterator hands out (groupby's groups).
            let iterator = try makeIterator(source)
            while let item = try nextItem(iterator) {
                try step(item)
                if out.count % 4096 == 0 { try checkCollectionSize(out.count) }
            }
        default:
            for item in try iterate(source) { try step(item) }
        }
    }

    func formatFString(_ parts: [FStringPart], _ scope: Scope) throws -> String {
        var out = ""
        for p in parts {
            switch p {
            case .literal(let s): out += s
            case .field(let f):
                var v = try eval(f.expression, scope)
                if let c = f.conversion { v = .str(c == "s" ? v.str : v.repr) }
                out += try format(v, spec: try formatFString(f.formatSpec, scope))
            }
        }
        return out
    }

    // MARK: calls

    public func call(_ fn: Value, _ args: Arguments) throws -> Value {
        switch fn {
        case .builtin(let b):
            return try b.call(args)
        case .function(let f):
            return try callUser(f, args)
        case .module(let m):
            return try callModule(m, args)
        case .object(let t as PyType):
            // A metaclass's own `__call__` (`EnumType.__call__`: `Color(1)` looks a member up).
            if let meta = t.metaclass, let f = meta.lookup("__call__"), !isBuiltinSlot(f) { return try call(bind(f, to: fn, type: meta), args) }
            return try callType(t, args)
        case .object(let m as BoundMethod):
            var bound = args
            bound.positional.insert(m.receiver, at: 0)
            return try call(m.function, bound)
        case .object(let i as PyInstance):
            guard let f = i.type.lookup("__call__") else { throw PythonError.type("'\(i.type.name)' object is not callable") }
            return try call(bind(f, to: fn, type: i.type), args)
        case .object(let s as StaticMethod):
            return try call(s.function, args)
        case .object(let o as PyCallable):
            return try o.call(args)
        case .dtype(let d):
            throw PythonError.type("'torch.dtype' object is not callable (\(d.description))")
        default:
            throw PythonError.type("'\(fn.typeName)' object is not callable")
        }
    }

    func recursionError() -> PythonError {
        let note = recursionLimit > Interpreter.maxCallDepth ? " (nnsh stops at \(Interpreter.maxCallDepth) frames whatever sys.setrecursionlimit says)" : ""
        return PythonError("RecursionError", "maximum recursion depth exceeded" + note)
    }

    /// A compiled function called with exactly its positional parameters, already in frame order
    /// (the rest of the frame is filled with unbound slots here).
    func callCompiled(_ f: UserFunction, _ code: CompiledFunction, _ arguments: [Value?]) throws -> Value {
        if callDepth >= Swift.min(recursionLimit, Interpreter.maxCallDepth) { throw recursionError() }
        try checkInterrupt()
        callDepth += 1
        defer { callDepth -= 1 }
        var values = arguments
        while values.count < code.layout.count { values.append(nil) }
        let frame = Scope(parent: f.closure, layout: code, values: values)
        return f.isGenerator ? makeGenerator(f, frame) : try runFrame(f, frame)
    }

    func callUser(_ f: UserFunction, _ args: Arguments) throws -> Value {
        if callDepth >= Swift.min(recursionLimit, Interpreter.maxCallDepth) { throw recursionError() }
        try checkInterrupt()
        callDepth += 1
        defer { callDepth -= 1 }
        let code = f.compiled ?? f.compileIfDue(eagerly: compilesFunctionsAtFirstCall)
        if let names = f.plainParameterNames, args.keywords.isEmpty, args.positional.count == names.count {
            if let code {
                let frame = code.frame(parent: f.closure, arguments: args.positional)
                return f.isGenerator ? makeGenerator(f, frame) : try runFrame(f, frame)
            }
            let scope = Scope(parent: f.closure, names: names, values: args.positional.map(Optional.some))
            return f.isGenerator ? makeGenerator(f, scope) : try runFrame(f, scope)
        }
        let scope = code?.frame(parent: f.closure, arguments: []) ?? Scope(parent: f.closure)
        var positional = args.positional[...]
        var extraKw = [(String, Value)]()
        // Which parameters (by index) have a value.
        var bound = [Bool](repeating: false, count: f.parameters.count)
        for (i, p) in f.parameters.enumerated() {
            switch p.kind {
            case .normal:
                if let v = positional.popFirst() { scope[p.name] = v; bound[i] = true }
            case .varPositional:
                scope[p.name] = .tuple(Array(positional)); positional = []; bound[i] = true
            case .keywordOnly, .varKeyword: break
            }
        }
        if !positional.isEmpty {
            // CPython 3.11's wording, with the qualified name (`Net.forward() takes 2 positional arguments but 3 were given`).
            let normal = f.parameters.indices.filter { f.parameters[$0].kind == .normal }
            let most = normal.count, least = normal.filter { $0 >= f.defaults.count || f.defaults[$0] == nil }.count
            let given = args.positional.count
            let takes = least == most ? "\(most) positional argument\(most == 1 ? "" : "s")" : "from \(least) to \(most) positional arguments"
            throw PythonError.type("\(f.qualname)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
        }
        for (k, v) in args.keywords {
            if let i = f.parameters.firstIndex(where: { $0.name == k && ($0.kind == .normal || $0.kind == .keywordOnly) }) {
                if bound[i] { throw PythonError.type("\(f.qualname)() got multiple values for argument '\(k)'") }
                scope[k] = v; bound[i] = true
            } else if f.parameters.contains(where: { $0.kind == .varKeyword }) {
                extraKw.append((k, v))
            } else {
                throw PythonError.type("\(f.qualname)() got an unexpected keyword argument '\(k)'")
            }
        }
        var missing = [String](), missingKeywordOnly = [String]()
        for (i, (p, d)) in zip(f.parameters, f.defaults).enumerated() where !bound[i] {
            switch p.kind {
            case .normal:
                if let d { scope[p.name] = d } else { missing.append(p.name) }
            case .keywordOnly:
                if let d { scope[p.name] = d } else { missingKeywordOnly.append(p.name) }
            case .varKeyword:
                let dict = PyDict()
                for (k, v) in extraKw { dict.set(.str(k), v) }
                scope[p.name] = .dict(dict)
            case .varPositional: scope[p.name] = .tuple([])
            }
        }
        for (names, kind) in [(missing, "positional"), (missingKeywordOnly, "keyword-only")] where !names.isEmpty {
            let quoted = names.map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
            throw PythonError.type("\(f.qualname)() missing \(names.count) required \(kind) argument\(names.count == 1 ? "" : "s"): \(list)")
        }
        return f.isGenerator ? makeGenerator(f, scope) : try runFrame(f, scope)
    }

    /// Runs a call's body as a frame: `super()` sees it, and an error leaving it records it for the traceback.
    func runFrame(_ f: UserFunction, _ scope: Scope) throws -> Value {
        try inFrame(f, scope, first: true) { try runUser(f, scope) }
    }

    /// Runs `body` as `f`'s frame: `super()` sees it, and an error leaving it records it for the
    /// traceback. `first`: the frame starts here (its `global`/`nonlocal` names are applied).
    func inFrame<T>(_ f: UserFunction, _ scope: Scope, first: Bool, _ body: () throws -> T) throws -> T {
        if first {
            scope.function = f
            if !f.globalNames.isEmpty || !f.nonlocalNames.isEmpty { try applyDeclarations(f, scope) }
        }
        frames.append((f, scope))
        frameCallSites.append(ExecutionPoint.current)
        let callSite = ExecutionPoint.current
        defer {
            frames.removeLast()
            frameCallSites.removeLast()
            ExecutionPoint.current = callSite
        }
        do {
            return try body()
        } catch var e as PythonError {
            e.frames.append(TracebackFrame(file: f.file, function: f.name, location: e.location))
            e.location = nil
            throw e
        }
    }

    private func runUser(_ f: UserFunction, _ scope: Scope) throws -> Value {
        if let code = f.compiled, scope.compiledLayout == ObjectIdentifier(code) {
            if let e = code.expression { return try e(self, scope) }
            if let body = code.body {
                switch try body(self, scope) {
                case .returnValue(let v): return v
                case .normal: return .none
                case let flow: try outsideLoopOrFunction(flow, nil); return .none
                }
            }
        }
        if let e = f.expression { return try eval(e, scope) }
        switch try execBlock(f.body, scope) {
        case .returnValue(let v): return v
        case .normal: return .none
        case let flow: try outsideLoopOrFunction(flow, nil); return .none
        }
    }
}
