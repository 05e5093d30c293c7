import Syntax
import Torch

/// The compile step: lowers a function body (or one module-level loop) from the AST to a tree of
/// Swift closures, once, so that running it no longer switches over enum nodes, hashes names or
/// copies node payloads. Names are resolved here: a local to its frame slot, a module-level name to
/// a `GlobalName` cache, anything else to the tree walker's lookup. Nodes it has no lowering for run
/// through the tree walker (`Interpreter.eval`/`exec` on the node), on the same scope, so the two
/// agree by construction; docs/interpreter.md describes the split.
struct Lowering {
    /// Local name → slot (empty for module-level code, whose names are all module names).
    private let slots: [Name: Int]
    /// In a comprehension: the slots of the code around it (its parent scope).
    private var enclosingSlots: [Name: Int] = [:]
    /// The module scope the code's global names live in.
    private let home: Scope
    /// Decides whether a non-local name is a module name (true) or must be looked up dynamically.
    private let isModuleName: (Name) -> Bool

    /// Module-level code running in `module`.
    init(module: Scope) {
        slots = [:]
        home = module
        isModuleName = { _ in true }
    }

    /// A function's code: its layout (parameters first, then the other locals in sorted order) and
    /// the rule for its other names.
    init(function f: UserFunction, layout: [Name]) {
        var slots = [Name: Int]()
        for (i, n) in layout.enumerated() where slots[n] == nil { slots[n] = i }
        self.slots = slots
        home = f.closure.root
        let declaredGlobal = Set(f.globalNames.map(Name.init))
        let declaredNonlocal = Set(f.nonlocalNames.map(Name.init))
        let closure = f.closure, root = home
        isModuleName = { n in
            if declaredGlobal.contains(n) { return true }
            if declaredNonlocal.contains(n) { return false }
            // A module name unless an enclosing function has it as a local, or a scope on the way is
            // one the compiler cannot see into (a class body, a comprehension, exec's namespace).
            var s: Scope? = closure
            while let cur = s, cur !== root {
                guard let g = cur.function, g.localNames.contains(n) == false else { return false }
                s = cur.parent
            }
            return true
        }
    }

    /// The layout of `f`'s frame.
    static func layout(of f: UserFunction) -> [Name] {
        var names = [Name](), seen = Set<Name>()
        for p in f.parameters where seen.insert(Name(p.name)).inserted { names.append(Name(p.name)) }
        for n in f.localNames.sorted(by: { $0.string < $1.string }) where seen.insert(n).inserted { names.append(n) }
        return names
    }

    /// A comprehension's own code: its targets are its locals; the code around it is one scope up.
    private init(comprehensionIn outer: Lowering, targets: [Name]) {
        var slots = [Name: Int]()
        for (i, n) in targets.enumerated() where slots[n] == nil { slots[n] = i }
        self.slots = slots
        enclosingSlots = outer.slots
        home = outer.home
        isModuleName = { n in outer.slots[n] == nil && outer.enclosingSlots[n] == nil && outer.isModuleName(n) }
    }

    func access(_ n: String) -> NameAccess {
        let key = Name(n)
        if let k = slots[key] { return .local(k, n) }
        if let k = enclosingSlots[key] { return .enclosing(k, key) }
        return isModuleName(key) ? .global(GlobalName(key, home: home)) : .dynamic(key)
    }

    /// The names a comprehension's `for` targets bind, in order.
    private static func targetNames(_ clauses: [ComprehensionClause]) -> [Name] {
        var out = [Name]()
        func walk(_ e: Expr) {
            switch e {
            case .name(let n, _): if !out.contains(Name(n)) { out.append(Name(n)) }
            case .tuple(let xs, _), .list(let xs, _): xs.forEach(walk)
            case .starred(let x, _): walk(x)
            default: break
            }
        }
        for c in clauses { walk(c.target) }
        return out
    }

    /// `[e for x in xs if c]`, `{…}`: the first iterable in the code around it, the rest in the
    /// comprehension's own scope, as CPython runs them.
    private func comprehension(_ kind: ComprehensionKind, _ element: Expr, _ clauses: [ComprehensionClause]) -> ExprCode {
        let names = Lowering.targetNames(clauses)
        let inner = Lowering(comprehensionIn: self, targets: names)
        let first = expression(clauses[0].iterable)
        typealias Emit = (Interpreter, Scope, inout [Value]) throws -> Void
        let elementCode = inner.expression(element)
        var body: Emit = { i, s, out in
            out.append(try elementCode(i, s))
            if out.count & 4095 == 0 { try i.checkCollectionSize(out.count) }
        }
        for (n, clause) in clauses.enumerated().reversed() {
            let bind = inner.target(clause.target), loc = clause.target.location
            let tests = clause.conditions.map(inner.condition)
            let source: ExprCode? = n == 0 ? nil : inner.expression(clause.iterable)
            let next = body
            let filtered: Emit = tests.isEmpty ? next : { i, s, out in
                for t in tests where try !t(i, s) { return }
                try next(i, s, &out)
            }
            let iterableLocation = clause.iterable.location
            // The clause's loop, given its iterable's value (the first clause's comes from outside).
            let loop: (Interpreter, Scope, inout [Value], Value) throws -> Void = { i, s, out, items in
                @inline(__always) func step(_ item: Value) throws {
                    try i.checkInterrupt()
                    try located(loc) { try bind(i, s, item) }
                    try filtered(i, s, &out)
                }
                try Lowering.walk(i, items, iterableLocation, iterableLocation) { item in
                    try step(item)
                    return true
                }
            }
            guard let source else {
                // The first clause: its iterable is evaluated in the code around the comprehension.
                return { i, s in
                    let items = try first(i, s)
                    let scope = Scope(comprehensionIn: s, names: names)
                    var out = [Value]()
                    try loop(i, scope, &out, items)
                    return try i.comprehensionResult(kind, out)
                }
            }
            body = { i, s, out in try loop(i, s, &out, try source(i, s)) }
        }
        let e = Expr.comprehension(kind, element: element, clauses: clauses, element.location)
        return { i, s in try i.eval(e, s) }   // no clauses: the parser does not make these
    }

    // MARK: statements

    /// A block as a chain of pairs, not an array of closures: a closure loaded from an array is
    /// called through a reabstraction thunk, one captured in another's context is not.
    func block(_ body: [Stmt]) -> StmtCode {
        guard var chain = body.last.map(statement) else { return { _, _ in .normal } }
        for stmt in body.dropLast().reversed() {
            let first = statement(stmt), rest = chain
            chain = { i, s in
                let f = try first(i, s)
                if case .normal = f { return try rest(i, s) }
                return f
            }
        }
        return chain
    }

    func statement(_ stmt: Stmt) -> StmtCode {
        switch stmt {
        case .expression(let e, _):
            let code = expression(e)
            return { i, s in _ = try code(i, s); return .normal }
        case .assign(let targets, let valueExpr, let loc):
            let value = expression(valueExpr)
            if targets.count == 1 {
                let t = target(targets[0])
                return { i, s in
                    let v = try value(i, s)
                    try located(loc) { try t(i, s, v) }
                    return .normal
                }
            }
            let ts = targets.map(target)
            return { i, s in
                let v = try value(i, s)
                try located(loc) { for t in ts { try t(i, s, v) } }
                return .normal
            }
        case .augmentedAssign(let targetExpr, let op, let valueExpr, let loc):
            return augmentedAssignment(targetExpr, op, valueExpr, loc)
        case .if(let condExpr, let body, let orElse, _):
            let cond = condition(condExpr), then = block(body), otherwise = block(orElse)
            return { i, s in try cond(i, s) ? try then(i, s) : try otherwise(i, s) }
        case .while(let condExpr, let body, let orElse, _):
            let cond = condition(condExpr), run = block(body), otherwise = block(orElse)
            return { i, s in
                while try cond(i, s) {
                    try i.checkInterrupt()
                    if let end = Lowering.loopEnd(try run(i, s)) { return end }
                }
                return try otherwise(i, s)
            }
        case .for(let targetExpr, let iterable, let body, let orElse, let loc):
            return forLoop(targetExpr, iterable, body, orElse, loc)
        case .break: return { _, _ in .breakLoop }
        case .continue: return { _, _ in .continueLoop }
        case .pass: return { _, _ in .normal }
        case .return(let e, _):
            guard let e else { return { _, _ in .returnValue(.none) } }
            let code = expression(e)
            return { i, s in .returnValue(try code(i, s)) }
        case .try(let body, let handlers, let orElse, let finally, _):
            let run = block(body), otherwise = orElse.isEmpty ? nil : block(orElse), last = finally.isEmpty ? nil : block(finally)
            let clauses = handlers.map { h in
                CompiledHandler(type: h.type.map(expression), name: h.name, body: block(h.body))
            }
            return { i, s in try i.runTry(run, clauses, otherwise, last, s) }
        case .assert(let condExpr, let messageExpr, let loc):
            let cond = condition(condExpr), message = messageExpr.map(expression)
            return { i, s in
                if try cond(i, s) { return .normal }
                let instance = PyInstance(type: PyType.exception("AssertionError"))
                if let message { instance.args = [try message(i, s)] }
                var e = PythonError(raising: instance, message: try located(loc) { try i.strOfInstance(instance) })
                e.location = loc
                throw e
            }
        case .global, .nonlocal:
            return { _, _ in .normal }   // applied when the frame is made
        default:
            return { i, s in try i.exec(stmt, s) }
        }
    }

    /// What a loop body's flow means for the loop: nil to go on, else the flow that ends it.
    @inline(__always)
    static func loopEnd(_ flow: ControlFlow) -> ControlFlow? {
        switch flow {
        case .normal, .continueLoop: return nil
        case .breakLoop: return .normal
        case .returnValue(let v): return .returnValue(v)
        }
    }

    /// Walks an iterable as `for` does, calling `body` per item until it returns false: a range
    /// lazily (`range(10**9)` is a long loop, not a huge list), a list by index with its length read
    /// afresh (the body may append), an iterator one item at a time (a `break` leaves the rest, and
    /// the body may take items from it too). `nextLocation` places the errors of `__next__`.
    @inline(__always)
    static func walk(_ i: Interpreter, _ items: Value, _ iterableLocation: SourceLocation, _ nextLocation: SourceLocation,
                     _ body: (Value) throws -> Bool) throws {
        switch items {
        case .range(let a, let b, let c):
            let count = i.rangeCount(a, b, c)
            var k = 0
            while k < count {
                let item = Value.int(a &+ k &* c)
                k += 1
                if try !body(item) { return }
            }
        case .list(let l):
            var k = 0
            while k < l.items.count {
                let item = l.items[k]
                k += 1
                if try !body(item) { return }
            }
        case .object(let c as ItemCursor):
            while c.position < c.items.count {
                c.position += 1
                if try !body(c.items[c.position - 1]) { return }
            }
        case .object(let o) where o is PyInstance || o is LazyIterator:
            let iterator = try located(iterableLocation) { try i.makeIterator(items) }
            while let item = try located(nextLocation, { try i.nextItem(iterator) }) {
                if try !body(item) { return }
            }
        default:
            for item in try located(iterableLocation, { try i.iterate(items) }) {
                if try !body(item) { return }
            }
        }
    }

    /// `if`/`while` tests: a comparison's truth without boxing it first.
    func condition(_ e: Expr) -> (Interpreter, Scope) throws -> Bool {
        let code = expression(e)
        return { i, s in
            let v = try code(i, s)
            if case .bool(let b) = v { return b }
            return try located(e.location) { try i.truthy(v) }
        }
    }

    private func forLoop(_ targetExpr: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], _ loc: SourceLocation) -> StmtCode {
        let source = expression(iterable), bind = target(targetExpr), run = block(body), otherwise = block(orElse)
        return { i, s in
            let items = try source(i, s)
            /// One iteration: nil to go on, else the flow that ends the loop.
            @inline(__always) func iteration(_ item: Value) throws -> ControlFlow? {
                try i.checkInterrupt()
                try located(loc) { try bind(i, s, item) }
                return Lowering.loopEnd(try run(i, s))
            }
            var end: ControlFlow?
            try Lowering.walk(i, items, iterable.location, loc) { item in
                end = try iteration(item)
                return end == nil
            }
            if let end { return end }
            return try otherwise(i, s)
        }
    }

    private func augmentedAssignment(_ targetExpr: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ loc: SourceLocation) -> StmtCode {
        let rhsCode = expression(valueExpr)
        switch targetExpr {
        case .name(let n, let nameLoc):
            let access = access(n)
            return { i, s in
                let current: Value
                switch access {
                case .local(let k, let name):
                    guard k < s.values.count, let v = s.values[k] else { throw PythonError("UnboundLocalError", PythonError.unbound(name).message, at: nameLoc) }
                    current = v
                case .global(let g): current = try located(nameLoc) { try g.read(i) }
                case .dynamic(let key), .enclosing(_, let key): current = try located(nameLoc) { try i.lookup(key, s) }
                }
                let rhs = try rhsCode(i, s)
                let result = try located(loc) { try Lowering.inPlace(i, op, current, rhs) }
                switch access {
                case .local(let k, _): s.store(result, at: k)
                case .global(let g) where s === g.home: g.write(result)
                case .global(let g): i.bind(g.name, result, s)
                case .dynamic(let key), .enclosing(_, let key): i.bind(key, result, s)
                }
                return .normal
            }
        case .attribute(let objExpr, let name, let attrLoc):
            // The object is evaluated once (`a.b.c += 1` reads `a.b` once), as in CPython.
            let obj = expression(objExpr)
            return { i, s in
                let o = try obj(i, s)
                let current = try located(attrLoc) { try i.getAttribute(o, name) }
                let rhs = try rhsCode(i, s)
                try located(loc) { try i.setAttribute(o, name, try Lowering.inPlace(i, op, current, rhs)) }
                return .normal
            }
        case .subscript(let objExpr, let indexExpr, let subLoc):
            // getitem, __iadd__, setitem with `a` and `i` evaluated once.
            let obj = expression(objExpr), index = expression(indexExpr)
            return { i, s in
                let o = try obj(i, s), k = try index(i, s)
                if case .list(let l) = o, case .int(let n) = k {
                    let j = n < 0 ? n &+ l.items.count : n
                    if j >= 0 && j < l.items.count {
                        let current = l.items[j]
                        let rhs = try rhsCode(i, s)
                        let result = try located(loc) { try Lowering.inPlace(i, op, current, rhs) }
                        // The right side may have shrunk the list.
                        guard j < l.items.count else {
                            throw PythonError("IndexError", "list assignment index out of range", at: loc)
                        }
                        l.items[j] = result
                        return .normal
                    }
                }
                let current = try located(subLoc) { try i.getItem(o, k) }
                let rhs = try rhsCode(i, s)
                try located(loc) { try i.setItem(o, k, try i.inPlaceResult(current, rhs, op)) }
                return .normal
            }
        default:
            let stmt = Stmt.augmentedAssign(target: targetExpr, op, value: valueExpr, loc)
            return { i, s in try i.exec(stmt, s) }
        }
    }

    /// `current op= rhs` on a value already read: numbers directly, the rest as the tree walker does.
    @inline(__always)
    static func inPlace(_ i: Interpreter, _ op: BinaryOperator, _ current: Value, _ rhs: Value) throws -> Value {
        switch current {
        case .tensor, .list, .object, .set, .dict: return try i.inPlaceResult(current, rhs, op)
        default: return try Lowering.arithmetic(i, op, current, rhs)
        }
    }

    /// A binary operation with the int and float cases inline (the general path is `binaryOperation`).
    @inline(__always)
    static func arithmetic(_ i: Interpreter, _ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            switch op {
            case .add: let (r, o) = x.addingReportingOverflow(y); if !o { return .int(r) }
            case .subtract: let (r, o) = x.subtractingReportingOverflow(y); if !o { return .int(r) }
            case .multiply: let (r, o) = x.multipliedReportingOverflow(by: y); if !o { return .int(r) }
            default: break
            }
        case (.float(let x), .float(let y)):
            switch op {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            default: break
            }
        case (.float(let x), .int(let y)):
            switch op {
            case .add: return .float(x + Double(y))
            case .subtract: return .float(x - Double(y))
            case .multiply: return .float(x * Double(y))
            default: break
            }
        default: break
        }
        return try i.binaryOperation(op, a, b)
    }

    // MARK: assignment targets

    func target(_ e: Expr) -> TargetCode {
        switch e {
        case .name(let n, _):
            switch access(n) {
            case .local(let k, _):
                return { _, s, v in s.store(v, at: k) }
            case .global(let g):
                // A function's `global x` writes through the frame's redirect (to the same module slot).
                return { i, s, v in if s === g.home { g.write(v) } else { i.bind(g.name, v, s) } }
            case .dynamic(let key), .enclosing(_, let key):
                return { i, s, v in i.bind(key, v, s) }
            }
        case .tuple(let items, _) where !items.contains(where: { if case .starred = $0 { return true }; return false }),
             .list(let items, _) where !items.contains(where: { if case .starred = $0 { return true }; return false }):
            // A tuple of the right length unpacks directly; anything else (and every error message)
            // goes the tree walker's way.
            let parts = items.map(target)
            return { i, s, v in
                if case .tuple(let xs) = v, xs.count == parts.count {
                    for (p, x) in zip(parts, xs) { try p(i, s, x) }
                } else if case .list(let l) = v, l.items.count == parts.count {
                    let xs = l.items
                    for (p, x) in zip(parts, xs) { try p(i, s, x) }
                } else {
                    try i.assign(e, v, s)
                }
            }
        case .attribute(let objExpr, let name, _):
            let obj = expression(objExpr)
            let site = AttributeSite(name)
            let special = name == "__class__" || name == "__dict__" || name == "args"
            return { i, s, v in
                let o = try obj(i, s)
                // `object.__setattr__` into the instance dict, when the class has neither its own
                // `__setattr__` nor anything of that name (a property or descriptor would take it).
                if !special, case .object(let inst as PyInstance) = o, site.classAttribute(inst.type) == nil,
                   site.plainSetattr(inst.type, i) {
                    inst.attributes.set(site.keyValue, v, hash: site.key.hash)
                    return
                }
                try i.setAttribute(o, name, v)
            }
        case .subscript(let objExpr, let indexExpr, _):
            let obj = expression(objExpr), index = expression(indexExpr)
            return { i, s, v in
                let o = try obj(i, s), k = try index(i, s)
                if case .list(let l) = o, case .int(let n) = k {
                    let j = n < 0 ? n &+ l.items.count : n
                    if j >= 0 && j < l.items.count { l.items[j] = v; return }
                }
                try i.setItem(o, k, v)
            }
        default:
            return { i, s, v in try i.assign(e, v, s) }
        }
    }

    // MARK: expressions

    func expression(_ e: Expr) -> ExprCode {
        switch e {
        case .name(let n, let loc):
            switch access(n) {
            case .local(let k, let name):
                return { i, s in
                    if k < s.values.count, let v = s.values[k] { return v }
                    return try located(loc) { try i.lookup(Name(name), s) }
                }
            case .enclosing(let k, let key):
                return { i, s in
                    if let p = s.parent, k < p.values.count, let v = p.values[k] { return v }
                    return try located(loc) { try i.lookup(key, s) }
                }
            case .global(let g):
                return { i, _ in try located(loc) { try g.read(i) } }
            case .dynamic(let key):
                return { i, s in try located(loc) { try i.lookup(key, s) } }
            }
        case .int(let x, _): let v = Value.int(x); return { _, _ in v }
        case .float(let x, _): let v = Value.float(x); return { _, _ in v }
        case .string(let x, _): let v = Value.str(x); return { _, _ in v }
        // bytes are immutable, so one object serves every evaluation, as CPython's constant does.
        case .bytes(let x, _): let v = Value.object(PyBytes(x, mutable: false)); return { _, _ in v }
        case .bool(let x, _): let v = Value.bool(x); return { _, _ in v }
        case .none: return { _, _ in .none }
        case .tuple(let items, _) where !items.contains(where: { if case .starred = $0 { return true }; return false }):
            let codes = items.map(expression)
            return { i, s in
                var out = [Value]()
                out.reserveCapacity(codes.count)
                for c in codes { out.append(try c(i, s)) }
                return .tuple(out)
            }
        case .list(let items, _) where !items.contains(where: { if case .starred = $0 { return true }; return false }):
            let codes = items.map(expression)
            return { i, s in
                var out = [Value]()
                out.reserveCapacity(codes.count)
                for c in codes { out.append(try c(i, s)) }
                return .list(PyList(out))
            }
        case .unary(let op, let operand, let loc):
            let x = expression(operand)
            if op == .not {
                return { i, s in
                    let v = try x(i, s)
                    return .bool(!(try located(loc) { try i.truthy(v) }))
                }
            }
            return { i, s in
                let v = try x(i, s)
                return try located(loc) { try i.unaryOperation(op, v) }
            }
        case .binary(let op, let l, let r, let loc):
            let a = expression(l), b = expression(r)
            return { i, s in
                let x = try a(i, s), y = try b(i, s)
                return try located(loc) { try Lowering.arithmetic(i, op, x, y) }
            }
        case .boolean(let op, let l, let r, let loc):
            let a = expression(l), b = expression(r)
            return { i, s in
                let left = try a(i, s)
                let t = try located(loc) { try i.truthy(left) }
                switch op {
                case .and: return t ? try b(i, s) : left
                case .or: return t ? left : try b(i, s)
                }
            }
        case .compare(let first, let ops, let rest, let loc) where ops.count == 1 && rest.count == 1:
            let a = expression(first), b = expression(rest[0]), op = ops[0]
            return { i, s in
                let x = try a(i, s), y = try b(i, s)
                if case .int(let p) = x, case .int(let q) = y {
                    switch op {
                    case .less: return .bool(p < q)
                    case .lessEqual: return .bool(p <= q)
                    case .greater: return .bool(p > q)
                    case .greaterEqual: return .bool(p >= q)
                    case .equal: return .bool(p == q)
                    case .notEqual: return .bool(p != q)
                    default: break
                    }
                }
                return try located(loc) { try i.compare(op, x, y) }
            }
        case .conditional(let thenExpr, let condExpr, let elseExpr, _):
            let cond = condition(condExpr), a = expression(thenExpr), b = expression(elseExpr)
            return { i, s in try cond(i, s) ? try a(i, s) : try b(i, s) }
        case .attribute(let objExpr, let name, let loc):
            let obj = expression(objExpr)
            let site = AttributeSite(name)
            return { i, s in
                let o = try obj(i, s)
                // An instance's own attribute, when its class has nothing of that name.
                if case .object(let inst as PyInstance) = o, site.classAttribute(inst.type) == nil,
                   let v = inst.attributes.get(site.keyValue, hash: site.key.hash) {
                    return v
                }
                return try located(loc) { try i.getAttribute(o, name) }
            }
        case .call(let fnExpr, let argExprs, let loc):
            return call(fnExpr, argExprs, loc)
        case .comprehension(let kind, let element, let clauses, _) where kind != .generator && !clauses.isEmpty:
            return comprehension(kind, element, clauses)
        case .subscript(let objExpr, let indexExpr, let loc):
            let obj = expression(objExpr), index = expression(indexExpr)
            return { i, s in
                let o = try obj(i, s), k = try index(i, s)
                if case .list(let l) = o, case .int(let n) = k {
                    let j = n < 0 ? n &+ l.items.count : n
                    if j >= 0 && j < l.items.count { return l.items[j] }
                }
                return try located(loc) { try i.getItem(o, k) }
            }
        case .slice(let lo, let hi, let step, _):
            let a = lo.map(expression), b = hi.map(expression), c = step.map(expression)
            return { i, s in
                .slice(try a?(i, s) ?? .none, try b?(i, s) ?? .none, try c?(i, s) ?? .none)
            }
        case .fstring(let parts, let loc):
            let pieces = fstringParts(parts)
            return { i, s in
                var out = ""
                try located(loc) { for p in pieces { try p(i, s, &out) } }
                return .str(out)
            }
        default:
            return { i, s in try i.eval(e, s) }
        }
    }

    private typealias FStringPiece = (Interpreter, Scope, inout String) throws -> Void

    private func fstringParts(_ parts: [FStringPart]) -> [FStringPiece] {
        parts.map { p -> FStringPiece in
            switch p {
            case .literal(let text):
                return { _, _, out in out += text }
            case .field(let f):
                let value = expression(f.expression)
                let conversion = f.conversion
                let spec = fstringParts(f.formatSpec)
                let fixedSpec: String? = f.formatSpec.allSatisfy({ if case .literal = $0 { return true }; return false })
                    ? f.formatSpec.map { if case .literal(let t) = $0 { return t }; return "" }.joined() : nil
                return { i, s, out in
                    var v = try value(i, s)
                    if let c = conversion { v = .str(c == "s" ? v.str : v.repr) }
                    var specText = fixedSpec ?? ""
                    if fixedSpec == nil { for piece in spec { try piece(i, s, &specText) } }
                    out += try i.format(v, spec: specText)
                }
            }
        }
    }

    // MARK: calls

    private typealias ArgumentsCode = (Interpreter, Scope, inout Arguments) throws -> Void

    /// The arguments: positional and keyword ones lowered (up to three positional ones captured
    /// directly, see `block`); with `*`/`**` unpacking, the tree walker's.
    private func arguments(_ argExprs: [Argument]) -> ArgumentsCode {
        var positional = [ExprCode](), keywords = [(String, ExprCode)]()
        for a in argExprs {
            switch a {
            case .positional(let x): positional.append(expression(x))
            case .keyword(let k, let x): keywords.append((k, expression(x)))
            case .unpack, .unpackKeywords:
                return { i, s, args in
                    let rest = try i.evalArguments(argExprs, s)
                    args.positional += rest.positional
                    args.keywords = rest.keywords
                }
            }
        }
        if Set(keywords.map(\.0)).count != keywords.count {
            return { i, s, _ in _ = try i.evalArguments(argExprs, s) }   // its SyntaxError
        }
        if keywords.isEmpty {
            switch positional.count {
            case 0: return { _, _, _ in }
            case 1:
                let a = positional[0]
                return { i, s, args in args.positional.append(try a(i, s)) }
            case 2:
                let a = positional[0], b = positional[1]
                return { i, s, args in
                    args.positional.append(try a(i, s))
                    args.positional.append(try b(i, s))
                }
            case 3:
                let a = positional[0], b = positional[1], c = positional[2]
                return { i, s, args in
                    args.positional.append(try a(i, s))
                    args.positional.append(try b(i, s))
                    args.positional.append(try c(i, s))
                }
            default: break
            }
        }
        return { i, s, args in
            for p in positional { args.positional.append(try p(i, s)) }
            for (k, x) in keywords { args.keywords.append((k, try x(i, s))) }
        }
    }

    private typealias FrameArgumentsCode = (Interpreter, Scope, inout [Value?]) throws -> Void

    /// Plain positional arguments written straight into a compiled callee's frame (up to three,
    /// captured directly); nil when the call has keywords or unpacking.
    private func frameArguments(_ argExprs: [Argument]) -> FrameArgumentsCode? {
        var codes = [ExprCode]()
        for a in argExprs {
            guard case .positional(let x) = a else { return nil }
            codes.append(expression(x))
        }
        switch codes.count {
        case 0: return { _, _, _ in }
        case 1:
            let a = codes[0]
            return { i, s, v in v.append(try a(i, s)) }
        case 2:
            let a = codes[0], b = codes[1]
            return { i, s, v in
                v.append(try a(i, s))
                v.append(try b(i, s))
            }
        case 3:
            let a = codes[0], b = codes[1], c = codes[2]
            return { i, s, v in
                v.append(try a(i, s))
                v.append(try b(i, s))
                v.append(try c(i, s))
            }
        default:
            return { i, s, v in for c in codes { v.append(try c(i, s)) } }
        }
    }

    private func call(_ fnExpr: Expr, _ argExprs: [Argument], _ loc: SourceLocation) -> ExprCode {
        let args = arguments(argExprs)
        let count = argExprs.count
        let direct = frameArguments(argExprs)
        guard case .attribute(let objExpr, let name, let attrLoc) = fnExpr else {
            let callee = expression(fnExpr)
            return { i, s in
                let f = try callee(i, s)
                if let direct, case .function(let user) = f, let code = user.compiled, let names = user.plainParameterNames,
                   names.count == count {
                    var values = [Value?]()
                    values.reserveCapacity(code.layout.count)
                    try direct(i, s, &values)
                    return try located(loc) { try i.callCompiled(user, code, values) }
                }
                var a = Arguments()
                a.positional.reserveCapacity(count)
                try args(i, s, &a)
                return try located(loc) {
                    if case .builtin(let b) = f, b.wantsCallerScope { return try i.callWithCaller(f, a, s, loc) }
                    return try i.call(f, a)
                }
            }
        }
        // A method call: no bound-method object for an instance's Python method, a tensor method, or
        // `list.append` (what the tree walker's `.call(.attribute)` case does).
        let obj = expression(objExpr)
        let site = AttributeSite(name)
        let isTensorMethod = Interpreter.tensorMethodSet.contains(name)
        let appendArgument: ExprCode? = {
            if name == "append", argExprs.count == 1, case .positional(let x) = argExprs[0] { return expression(x) }
            return nil
        }()
        return { i, s in
            let o = try obj(i, s)
            switch o {
            case .object(let inst as PyInstance):
                if case .function(let f)? = site.classAttribute(inst.type), inst.attributes.get(site.keyValue, hash: site.key.hash) == nil {
                    if let direct, let code = f.compiled, let names = f.plainParameterNames, names.count == count + 1 {
                        var values = [Value?]()
                        values.reserveCapacity(code.layout.count)
                        values.append(o)
                        try direct(i, s, &values)
                        return try located(loc) { try i.callCompiled(f, code, values) }
                    }
                    var a = Arguments()
                    a.positional.reserveCapacity(count + 1)
                    a.positional.append(o)
                    try args(i, s, &a)
                    return try located(loc) { try i.callUser(f, a) }
                }
            case .list(let l):
                if let appendArgument {
                    l.items.append(try appendArgument(i, s))
                    return .none
                }
            case .tensor where name == "backward":
                var a = Arguments()
                try args(i, s, &a)
                // Backward hooks may warn: they report this line.
                return try located(loc) { try i.callMethodWithCaller(o, name, a, s, loc) }
            case .tensor where isTensorMethod:
                var a = Arguments()
                try args(i, s, &a)
                return try located(loc) { try i.callMethod(o, name, a) }
            default:
                // A method from the registry (`s.split()`, `pattern.match(line)`): called on its
                // receiver without making a bound-method object first.
                if let table = i.nativeTable(of: o), let m = table[name], m.binding == .instance, i.registryMethodIsDirect(o, name) {
                    var a = Arguments()
                    a.positional.reserveCapacity(count)
                    try args(i, s, &a)
                    return try located(loc) { try m.call(i, receiver: o, owner: table.owner, a) }
                }
            }
            let method = try i.evalAttribute(o, name, attrLoc)
            var a = Arguments()
            a.positional.reserveCapacity(count)
            try args(i, s, &a)
            return try located(loc) {
                if case .builtin(let b) = method, b.wantsCallerScope { return try i.callWithCaller(method, a, s, loc) }
                return try i.call(method, a)
            }
        }
    }
}

/// One attribute name at one place in the code, with the last class it was looked up on: CPython's
/// inline cache. It keeps where along the MRO the name was (not the value, which would be a reference
/// the cycle collector cannot see); any change to any class namespace, or a class going away,
/// invalidates it.
final class AttributeSite {
    let key: Name
    let keyValue: Value
    private var type: ObjectIdentifier?
    private var epoch = -1
    private var depth: Int32 = -1
    private var slot: Int32 = 0
    /// For `plainSetattr`: the class and epoch it was answered for, and the answer.
    private var setattrType: ObjectIdentifier?
    private var setattrEpoch = -1
    private var setattrPlain = false

    init(_ name: String) {
        key = Name(name)
        keyValue = .str(name)
    }

    @inline(__always)
    func classAttribute(_ t: PyType) -> Value? {
        if epoch == PyType.currentEpoch, type == ObjectIdentifier(t) {
            guard depth >= 0 else { return nil }
            if Int(depth) < t.mro.count, let v = t.mro[Int(depth)].dict.value(atSlot: Int(slot)) { return v }
        }
        let found = t.lookupPosition(key)
        type = ObjectIdentifier(t)
        epoch = PyType.currentEpoch
        (depth, slot) = found
        guard depth >= 0, Int(depth) < t.mro.count else { return nil }
        return t.mro[Int(depth)].dict.value(atSlot: Int(slot))
    }

    /// `Interpreter.hasPlainSetattr`, remembered for the last class.
    @inline(__always)
    func plainSetattr(_ t: PyType, _ interp: Interpreter) -> Bool {
        if setattrEpoch == PyType.currentEpoch, setattrType == ObjectIdentifier(t) { return setattrPlain }
        setattrPlain = interp.hasPlainSetattr(t)
        setattrType = ObjectIdentifier(t)
        setattrEpoch = PyType.currentEpoch
        return setattrPlain
    }
}

/// An `except` clause, lowered.
struct CompiledHandler {
    let type: ExprCode?
    let name: String?
    let body: StmtCode
}
