/// Which names a function's body binds: CPython's symbol-table pass, reduced to what the evaluator
/// needs. A name bound anywhere in a function is local throughout it (so `print(x); x = 5` reads
/// an unbound local), unless declared `global` or `nonlocal`. Nested `def`, `class` and `lambda`
/// bodies are their own scopes; comprehensions are too, except that `:=` inside one binds in the
/// function around it.
public enum Scoping {
    public static func localNames(_ parameters: [Parameter], _ body: [Stmt]) -> Set<String> {
        var bound = Set(parameters.map(\.name))
        var declared = Set<String>()
        for s in body { statement(s, &bound, &declared) }
        return bound.subtracting(declared)
    }

    private static func statement(_ s: Stmt, _ bound: inout Set<String>, _ declared: inout Set<String>) {
        func block(_ b: [Stmt]) { for x in b { statement(x, &bound, &declared) } }
        switch s {
        case .expression(let e, _): walruses(e, &bound)
        case .assign(let targets, let value, _):
            for t in targets { target(t, &bound) }
            walruses(value, &bound)
        case .augmentedAssign(let t, _, let value, _):
            target(t, &bound)
            walruses(value, &bound)
        case .annotated(let t, _, let value, _):
            if case .name(let n, _) = t { bound.insert(n) }
            if let value { walruses(value, &bound) }
        case .import(let names, _):
            for n in names { bound.insert(n.alias ?? String(n.name.split(separator: ".").first ?? Substring(n.name))) }
        case .fromImport(_, let names, _):
            for n in names where n.name != "*" { bound.insert(n.alias ?? n.name) }
        case .if(let c, let b, let e, _), .while(let c, let b, let e, _):
            walruses(c, &bound); block(b); block(e)
        case .for(let t, let iterable, let b, let e, _):
            target(t, &bound); walruses(iterable, &bound); block(b); block(e)
        case .del(let targets, _): for t in targets { target(t, &bound) }
        case .return(let e, _): if let e { walruses(e, &bound) }
        case .functionDef(let name, _, _, _, _), .classDef(let name, _, _, _): bound.insert(name)
        case .decorated(_, let inner, _): statement(inner, &bound, &declared)
        case .with(let context, let t, let b, _):
            walruses(context, &bound)
            if let t { target(t, &bound) }
            block(b)
        case .try(let b, let handlers, let e, let f, _):
            block(b); block(e); block(f)
            for h in handlers {
                if let n = h.name { bound.insert(n) }
                block(h.body)
            }
        case .global(let names, _), .nonlocal(let names, _): declared.formUnion(names)
        case .assert(let c, let m, _):
            walruses(c, &bound)
            if let m { walruses(m, &bound) }
        case .raise, .break, .continue, .pass: break
        }
    }

    /// The names an assignment target binds (attributes and subscripts bind none).
    private static func target(_ e: Expr, _ bound: inout Set<String>) {
        switch e {
        case .name(let n, _): bound.insert(n)
        case .tuple(let items, _), .list(let items, _): for i in items { target(i, &bound) }
        case .starred(let inner, _): target(inner, &bound)
        default: break
        }
    }

    /// The `:=` targets inside an expression (not inside a lambda, whose own scope they bind).
    private static func walruses(_ e: Expr, _ bound: inout Set<String>) {
        func each(_ xs: [Expr]) { for x in xs { walruses(x, &bound) } }
        func parts(_ ps: [FStringPart]) {
            for case .field(let f) in ps { walruses(f.expression, &bound); parts(f.formatSpec) }
        }
        switch e {
        case .walrus(let n, let value, _): bound.insert(n); walruses(value, &bound)
        case .tuple(let xs, _), .list(let xs, _), .set(let xs, _): each(xs)
        case .dict(let entries, _): for d in entries { walruses(d.key, &bound); walruses(d.value, &bound) }
        case .comprehension(_, let element, let clauses, _):
            walruses(element, &bound)
            for c in clauses { walruses(c.iterable, &bound); each(c.conditions) }
        case .unary(_, let x, _), .starred(let x, _), .yieldFrom(let x, _), .attribute(let x, _, _): walruses(x, &bound)
        case .binary(_, let a, let b, _), .boolean(_, let a, let b, _): walruses(a, &bound); walruses(b, &bound)
        case .compare(let first, _, let rest, _): walruses(first, &bound); each(rest)
        case .conditional(let t, let c, let o, _): walruses(t, &bound); walruses(c, &bound); walruses(o, &bound)
        case .call(let f, let args, _):
            walruses(f, &bound)
            for a in args {
                switch a {
                case .positional(let x), .keyword(_, let x), .unpack(let x), .unpackKeywords(let x): walruses(x, &bound)
                }
            }
        case .subscript(let x, let index, _): walruses(x, &bound); walruses(index, &bound)
        case .slice(let a, let b, let c, _): for x in [a, b, c] { if let x { walruses(x, &bound) } }
        case .yield(let x, _): if let x { walruses(x, &bound) }
        case .fstring(let ps, _): parts(ps)
        case .lambda, .name, .int, .bigInt, .float, .string, .bytes, .bool, .none, .ellipsis: break
        }
    }
}
