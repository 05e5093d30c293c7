import Syntax
import Torch

/// Variables of one function call (or the module level, whose parent is nil).
final class Scope {
    var vars: [String: Value] = [:]
    let parent: Scope?
    init(parent: Scope?) { self.parent = parent }
}

/// A `def` or `lambda`: parameters, body and the scope it closes over.
public final class UserFunction {
    public let name: String
    let parameters: [Parameter]
    let defaults: [Value?]
    let body: [Stmt]
    /// A lambda's body is one expression.
    let expression: Expr?
    let closure: Scope
    init(name: String, parameters: [Parameter], defaults: [Value?], body: [Stmt], expression: Expr?, closure: Scope) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.expression = expression
        self.closure = closure
    }
}

/// Evaluates the AST: one `switch` per node enum. State lives in `globals`; output goes through `write`.
public final class Interpreter {
    let globalScope = Scope(parent: nil)
    /// `print`, `len`, `torch`, `nn`, … : what a name resolves to when no variable has it.
    var builtinsStorage: [String: Value] = [:]
    /// Where `print` and REPL echoes go.
    public var write: (String) -> Void
    /// The script's name, for `__file__` and tracebacks.
    public var file: String
    /// Set from a SIGINT handler; checked between statements and loop iterations (and by long kernels).
    public static var interruptRequested: Bool {
        get { TorchInterrupt.requested }
        set { TorchInterrupt.requested = newValue }
    }
    /// Safe points (statements, loop iterations) left before `RuntimeError: step budget exhausted`;
    /// the fuzzer sets it so slow inputs end as errors, not time-outs. Unlimited by default.
    public var stepBudget = Int.max
    var callDepth = 0
    static let maxCallDepth = 200

    public init(file: String = "<stdin>", write: @escaping (String) -> Void) {
        self.file = file
        self.write = write
        builtinsStorage = makeBuiltins()
        globalScope.vars["__name__"] = .str("__main__")
        globalScope.vars["__file__"] = .str(file)
    }
    /// Module-level variables (for `%who`, completion and tests).
    public var globals: [String: Value] {
        get { globalScope.vars }
        set { globalScope.vars = newValue }
    }

    /// Runs statements; in `echo` mode (the REPL) a bare expression's repr is printed as Python's REPL does.
    public func run(_ statements: [Stmt], echo: Bool = false) throws {
        for s in statements {
            try checkInterrupt()
            if echo, case .expression(let e, _) = s {
                let v = try eval(e, globalScope)
                if case .none = v { continue }
                globalScope.vars["_"] = v
                write(v.repr + "\n")
            } else {
                do { try exec(s, globalScope) }
                catch ControlFlow.breakLoop { throw PythonError("SyntaxError", "'break' outside loop", at: s.location) }
                catch ControlFlow.continueLoop { throw PythonError("SyntaxError", "'continue' not properly in loop", at: s.location) }
                catch ControlFlow.returnValue { throw PythonError("SyntaxError", "'return' outside function", at: s.location) }
            }
        }
    }

    func checkInterrupt() throws {
        if Interpreter.interruptRequested {
            Interpreter.interruptRequested = false
            throw PythonError("KeyboardInterrupt", "")
        }
        stepBudget -= 1
        if stepBudget < 0 { stepBudget = 0; throw PythonError("RuntimeError", "step budget exhausted") }
    }

    // MARK: statements

    func exec(_ s: Stmt, _ scope: Scope) throws {
        do {
            try execInner(s, scope)
        } catch let e as PythonError where e.location == nil {
            var located = e
            located.location = s.location
            throw located
        } catch let e as TorchError {
            throw PythonError(e.kind, e.message, at: s.location)
        }
    }

    func execBlock(_ body: [Stmt], _ scope: Scope) throws {
        for s in body { try exec(s, scope) }
    }

    private func execInner(_ s: Stmt, _ scope: Scope) throws {
        switch s {
        case .expression(let e, _):
            _ = try eval(e, scope)
        case .assign(let targets, let valueExpr, _):
            let v = try eval(valueExpr, scope)
            for t in targets { try assign(t, v, scope) }
        case .augmentedAssign(let target, let op, let valueExpr, _):
            try augmentedAssign(target, op, valueExpr, scope)
        case .import(let names, _):
            for n in names { try importModule(n, scope) }
        case .fromImport(let module, let names, _):
            try importFrom(module, names, scope)
        case .if(let cond, let body, let orElse, _):
            if try truthy(eval(cond, scope)) { try execBlock(body, scope) } else { try execBlock(orElse, scope) }
        case .while(let cond, let body, let orElse, _):
            var broke = false
            loop: while try truthy(eval(cond, scope)) {
                try checkInterrupt()
                do { try execBlock(body, scope) }
                catch ControlFlow.breakLoop { broke = true; break loop }
                catch ControlFlow.continueLoop { continue }
            }
            if !broke { try execBlock(orElse, scope) }
        case .for(let target, let iterable, let body, let orElse, _):
            let source = try eval(iterable, scope)
            // A range is walked lazily, so `for i in range(10**9)` is a long loop, not a huge list.
            let items: AnyCollection<Value>
            if case .range(let a, let b, let c) = source {
                items = AnyCollection((0..<rangeCount(a, b, c)).lazy.map { Value.int(a &+ $0 &* c) })
            } else {
                items = AnyCollection(try iterate(source))
            }
            var broke = false
            loop: for item in items {
                try checkInterrupt()
                try assign(target, item, scope)
                do { try execBlock(body, scope) }
                catch ControlFlow.breakLoop { broke = true; break loop }
                catch ControlFlow.continueLoop { continue }
            }
            if !broke { try execBlock(orElse, scope) }
        case .break: throw ControlFlow.breakLoop
        case .continue: throw ControlFlow.continueLoop
        case .pass: break
        case .del(let targets, _):
            for t in targets { try delete(t, scope) }
        case .return(let e, _):
            throw ControlFlow.returnValue(try e.map { try eval($0, scope) } ?? .none)
        case .functionDef(let name, let params, let body, _):
            let defaults = try params.map { try $0.defaultValue.map { try eval($0, scope) } }
            scope.vars[name] = .function(UserFunction(name: name, parameters: params, defaults: defaults,
                                                      body: body, expression: nil, closure: scope))
        case .with(let items, let body, _):
            try execWith(items[...], body, scope)
        case .assert(let cond, let message, _):
            if try !truthy(eval(cond, scope)) {
                throw PythonError("AssertionError", try message.map { try eval($0, scope).str } ?? "")
            }
        }
    }

    /// `with torch.no_grad():` and friends: a context changes grad mode for the body and restores it.
    private func execWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ scope: Scope) throws {
        guard let item = items.first else { try execBlock(body, scope); return }
        let context = try eval(item.context, scope)
        guard case .object(let o) = context, let ctx = o as? ContextManager else {
            throw PythonError.type("'\(context.typeName)' object does not support the context manager protocol")
        }
        let entered = try ctx.enter()
        if let target = item.target { try assign(target, entered, scope) }
        defer { ctx.exit() }
        try execWith(items.dropFirst(), body, scope)
    }

    // MARK: names and assignment

    func lookup(_ name: String, _ scope: Scope) throws -> Value {
        var s: Scope? = scope
        while let cur = s {
            if let v = cur.vars[name] { return v }
            s = cur.parent
        }
        if let v = builtinsStorage[name] { return v }
        throw PythonError.name(name)
    }

    func assign(_ target: Expr, _ value: Value, _ scope: Scope) throws {
        switch target {
        case .name(let n, _):
            scope.vars[n] = value
        case .tuple(let targets, let loc), .list(let targets, let loc):
            let items = try iterate(value)
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
        let current = try eval(target, scope)
        let rhs = try eval(valueExpr, scope)
        // Tensors (and lists) change in place, as Python's __iadd__ does.
        if case .tensor(let t) = current, let bop = tensorOp(op) {
            try t.applyInPlace(bop, try toTensorOperand(rhs, like: t))
            return
        }
        if case .list(let l) = current, op == .add {
            let more = try iterate(rhs)
            try checkCollectionSize(l.items.count &+ more.count)
            l.items += more
            return
        }
        let result = try binaryOperation(op, current, rhs)
        switch target {
        case .name(let n, _): scope.vars[n] = result
        default: try assign(target, result, scope)
        }
    }

    func delete(_ target: Expr, _ scope: Scope) throws {
        switch target {
        case .name(let n, _):
            if scope.vars.removeValue(forKey: n) == nil { throw PythonError.name(n) }
        case .subscript(let objExpr, let indexExpr, _):
            let obj = try eval(objExpr, scope), index = try eval(indexExpr, scope)
            switch obj {
            case .list(let l):
                let i = try normalizeIndex(index, count: l.items.count, what: "list")
                l.items.remove(at: i)
            case .dict(let d):
                if !d.remove(index) { throw PythonError.key(index.repr) }
            default: throw PythonError.type("'\(obj.typeName)' object doesn't support item deletion")
            }
        case .tuple(let ts, _), .list(let ts, _):
            for t in ts { try delete(t, scope) }
        case .attribute(_, let name, _):
            throw PythonError.attribute("cannot delete attribute '\(name)'")
        default:
            throw PythonError("SyntaxError", "cannot delete expression", at: target.location)
        }
    }

    // MARK: expressions

    func eval(_ e: Expr, _ scope: Scope) throws -> Value {
        do {
            return try evalInner(e, scope)
        } catch let err as PythonError where err.location == nil {
            var located = err
            located.location = e.location
            throw located
        } catch let err as TorchError {
            throw PythonError(err.kind, err.message, at: e.location)
        }
    }

    private func evalInner(_ e: Expr, _ scope: Scope) throws -> Value {
        switch e {
        case .name(let n, _): return try lookup(n, scope)
        case .int(let i, _): return .int(i)
        case .bigInt(let digits, _):
            throw PythonError.overflow("integer \(digits.prefix(30))\(digits.count > 30 ? "…" : "") is too large (nnsh integers are 64-bit)")
        case .float(let d, _): return .float(d)
        case .string(let s, _): return .str(s)
        case .fstring(let parts, _): return .str(try formatFString(parts, scope))
        case .bool(let b, _): return .bool(b)
        case .none: return .none
        case .ellipsis: return .ellipsis
        case .tuple(let items, _): return .tuple(try items.map { try eval($0, scope) })
        case .list(let items, _): return .list(PyList(try items.map { try eval($0, scope) }))
        case .dict(let entries, _):
            let d = PyDict()
            for entry in entries { d.set(try eval(entry.key, scope), try eval(entry.value, scope)) }
            return .dict(d)
        case .comprehension(let kind, let element, let clauses, _):
            var out = [Value]()
            let inner = Scope(parent: scope)
            try runComprehension(clauses[...], element, inner, &out)
            return kind == .list ? .list(PyList(out)) : .list(PyList(out))
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
                if case .tensor = result { if ops.count == 1 { return result } }
                if try !truthy(result) { return result }
                left = right
            }
            return result
        case .conditional(let then, let cond, let orElse, _):
            return try truthy(eval(cond, scope)) ? try eval(then, scope) : try eval(orElse, scope)
        case .lambda(let params, let body, _):
            let defaults = try params.map { try $0.defaultValue.map { try eval($0, scope) } }
            return .function(UserFunction(name: "<lambda>", parameters: params, defaults: defaults, body: [],
                                          expression: body, closure: scope))
        case .attribute(let objExpr, let name, _):
            return try getAttribute(try eval(objExpr, scope), name)
        case .call(let fnExpr, let argExprs, _):
            let fn = try eval(fnExpr, scope)
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
            return try call(fn, args)
        case .subscript(let objExpr, let indexExpr, _):
            return try getItem(try eval(objExpr, scope), try eval(indexExpr, scope))
        case .slice(let lo, let hi, let step, _):
            return .slice(try lo.map { try eval($0, scope) } ?? .none, try hi.map { try eval($0, scope) } ?? .none,
                          try step.map { try eval($0, scope) } ?? .none)
        }
    }

    private func runComprehension(_ clauses: ArraySlice<ComprehensionClause>, _ element: Expr, _ scope: Scope,
                                  _ out: inout [Value]) throws {
        guard let clause = clauses.first else { out.append(try eval(element, scope)); return }
        for item in try iterate(eval(clause.iterable, scope)) {
            try checkInterrupt()
            try assign(clause.target, item, scope)
            var keep = true
            for c in clause.conditions where try !truthy(eval(c, scope)) { keep = false; break }
            if keep { try runComprehension(clauses.dropFirst(), element, scope, &out) }
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
        case .dtype(let d):
            throw PythonError.type("'torch.dtype' object is not callable (\(d.description))")
        default:
            throw PythonError.type("'\(fn.typeName)' object is not callable")
        }
    }

    func callUser(_ f: UserFunction, _ args: Arguments) throws -> Value {
        if callDepth >= Interpreter.maxCallDepth {
            throw PythonError("RecursionError", "maximum recursion depth exceeded")
        }
        try checkInterrupt()
        callDepth += 1
        defer { callDepth -= 1 }
        let scope = Scope(parent: f.closure)
        var positional = args.positional[...]
        var extraKw = [(String, Value)]()
        var bound = Set<String>()
        for (i, p) in f.parameters.enumerated() {
            switch p.kind {
            case .normal:
                if let v = positional.popFirst() { scope.vars[p.name] = v; bound.insert(p.name) }
            case .varPositional:
                scope.vars[p.name] = .tuple(Array(positional)); positional = []; bound.insert(p.name)
            case .keywordOnly, .varKeyword: break
            }
            _ = i
        }
        if !positional.isEmpty {
            let n = f.parameters.filter { $0.kind == .normal }.count
            throw PythonError.type("\(f.name)() takes \(n) positional argument\(n == 1 ? "" : "s") but \(args.positional.count) were given")
        }
        for (k, v) in args.keywords {
            if let p = f.parameters.first(where: { $0.name == k && ($0.kind == .normal || $0.kind == .keywordOnly) }) {
                if bound.contains(p.name) { throw PythonError.type("\(f.name)() got multiple values for argument '\(k)'") }
                scope.vars[k] = v; bound.insert(k)
            } else if f.parameters.contains(where: { $0.kind == .varKeyword }) {
                extraKw.append((k, v))
            } else {
                throw PythonError.type("\(f.name)() got an unexpected keyword argument '\(k)'")
            }
        }
        var missing = [String]()
        for (p, d) in zip(f.parameters, f.defaults) where !bound.contains(p.name) {
            switch p.kind {
            case .normal, .keywordOnly:
                if let d { scope.vars[p.name] = d } else { missing.append(p.name) }
            case .varKeyword:
                let dict = PyDict()
                for (k, v) in extraKw { dict.set(.str(k), v) }
                scope.vars[p.name] = .dict(dict)
            case .varPositional: scope.vars[p.name] = .tuple([])
            }
        }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            throw PythonError.type("\(f.name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        if let e = f.expression { return try eval(e, scope) }
        do { try execBlock(f.body, scope) } catch ControlFlow.returnValue(let v) { return v }
        return .none
    }
}
