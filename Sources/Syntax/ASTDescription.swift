// Compact S-expression printing of the AST, e.g. `(+ 1 (* 2 3))`, for tests and debugging.

extension Expr: CustomStringConvertible {
    /// S-expression form: `(+ a b)`, `(call f 1 (= k 2))`, `(. m weight)`, `([] x (: 1 3 _))`.
    public var description: String {
        func list(_ head: String, _ items: [String]) -> String {
            "(" + ([head] + items).joined(separator: " ") + ")"
        }
        func opt(_ e: Expr?) -> String { e.map { $0.description } ?? "_" }
        switch self {
        case .name(let n, _): return n
        case .int(let v, _): return String(v)
        case .bigInt(let digits, _): return digits
        case .float(let v, _): return String(v)
        case .string(let s, _): return quoted(s)
        case .bytes(let b, _): return "b" + quoted(String(decoding: b, as: UTF8.self))
        case .fstring(let parts, _): return list("f", parts.map(describe))
        case .bool(let b, _): return b ? "True" : "False"
        case .none: return "None"
        case .ellipsis: return "..."
        case .tuple(let items, _): return list("tuple", items.map { $0.description })
        case .list(let items, _): return list("list", items.map { $0.description })
        case .dict(let entries, _): return list("dict", entries.map { "(: \($0.key) \($0.value))" })
        case .set(let items, _): return list("set", items.map(\.description))
        case .starred(let inner, _): return list("*", [inner.description])
        case .yield(let value, _): return list("yield", value.map { [$0.description] } ?? [])
        case .yieldFrom(let iterable, _): return list("yield-from", [iterable.description])
        case .walrus(let name, let value, _): return list(":=", [name, value.description])
        case .comprehension(let kind, let element, let clauses, _):
            let clauseText = clauses.map { c in
                list("for", [c.target.description, c.iterable.description] + c.conditions.map { "(if \($0))" })
            }
            return list(kind == .list ? "listcomp" : kind == .dict ? "dictcomp" : kind == .set ? "setcomp" : "genexp", [element.description] + clauseText)
        case .unary(let op, let operand, _): return list(op.rawValue, [operand.description])
        case .binary(let op, let l, let r, _): return list(op.rawValue, [l.description, r.description])
        case .boolean(let op, let l, let r, _): return list(op.rawValue, [l.description, r.description])
        case .compare(let first, let ops, let operands, _):
            if ops.count == 1, let op = ops.first, let right = operands.first {
                return list(op.rawValue, [first.description, right.description])
            }
            var items = [first.description]
            for (op, operand) in zip(ops, operands) { items += [op.rawValue, operand.description] }
            return list("cmp", items)
        case .conditional(let then, let condition, let orElse, _):
            return list("ifexp", [condition.description, then.description, orElse.description])
        case .lambda(let parameters, let body, _):
            return list("lambda", [describe(parameters), body.description])
        case .attribute(let object, let name, _): return list(".", [object.description, name])
        case .call(let callee, let arguments, _):
            return list("call", [callee.description] + arguments.map { a in
                switch a {
                case .positional(let e): return e.description
                case .keyword(let k, let e): return "(= \(k) \(e))"
                case .unpack(let e): return "(* \(e))"
                case .unpackKeywords(let e): return "(** \(e))"
                }
            })
        case .subscript(let object, let index, _): return list("[]", [object.description, index.description])
        case .slice(let lower, let upper, let step, _): return list(":", [opt(lower), opt(upper), opt(step)])
        }
    }
}

extension Stmt: CustomStringConvertible {
    /// S-expression form: `(= a b 1)`, `(+= x 1)`, `(for i (call range 3) (body …))`.
    public var description: String {
        func list(_ head: String, _ items: [String]) -> String {
            "(" + ([head] + items).joined(separator: " ") + ")"
        }
        func block(_ head: String, _ body: [Stmt]) -> String { list(head, body.map { $0.description }) }
        func imports(_ names: [ImportName]) -> String {
            names.map { n in n.alias.map { "\(n.name) as \($0)" } ?? n.name }.joined(separator: ", ")
        }
        switch self {
        case .expression(let e, _): return e.description
        case .assign(let targets, let value, _): return list("=", targets.map { $0.description } + [value.description])
        case .augmentedAssign(let target, let op, let value, _):
            return list(op.rawValue + "=", [target.description, value.description])
        case .import(let names, _): return "(import \(imports(names)))"
        case .fromImport(let module, let names, _): return "(from \(module) import \(imports(names)))"
        case .if(let condition, let body, let orElse, _):
            return list("if", [condition.description, block("body", body)] + (orElse.isEmpty ? [] : [block("else", orElse)]))
        case .while(let condition, let body, let orElse, _):
            return list("while", [condition.description, block("body", body)] + (orElse.isEmpty ? [] : [block("else", orElse)]))
        case .for(let target, let iterable, let body, let orElse, _):
            return list("for", [target.description, iterable.description, block("body", body)]
                + (orElse.isEmpty ? [] : [block("else", orElse)]))
        case .break: return "(break)"
        case .continue: return "(continue)"
        case .pass: return "(pass)"
        case .del(let targets, _): return list("del", targets.map { $0.description })
        case .return(let value, _): return list("return", value.map { [$0.description] } ?? [])
        case .functionDef(let name, let parameters, let body, let info, _):
            return list(info.isGenerator ? "def-generator" : "def", [name, describe(parameters), block("body", body)])
        case .assert(let condition, let message, _):
            return list("assert", [condition.description] + (message.map { [$0.description] } ?? []))
        case .with(let context, let target, let body, _):
            return list("with", [context.description] + (target.map { [$0.description] } ?? []) + [block("body", body)])
        case .classDef(let name, let bases, let body, _):
            return list("class", [name, "(\(bases.count) bases)", block("body", body)])
        case .decorated(let decorators, let definition, _):
            return list("decorated", decorators.map { $0.description } + [definition.description])
        case .try(let body, let handlers, let orElse, let finally, _):
            let hs = handlers.map { h in list("except", (h.type.map { [$0.description] } ?? []) + (h.name.map { [$0] } ?? []) + [block("body", h.body)]) }
            return list("try", [block("body", body)] + hs + (orElse.isEmpty ? [] : [block("else", orElse)])
                + (finally.isEmpty ? [] : [block("finally", finally)]))
        case .raise(let exc, let cause, _):
            return list("raise", (exc.map { [$0.description] } ?? []) + (cause.map { ["from", $0.description] } ?? []))
        case .global(let names, _): return list("global", names)
        case .nonlocal(let names, _): return list("nonlocal", names)
        case .annotated(let target, let annotation, let value, _):
            return list("annotated", [target.description, annotation.description] + (value.map { [$0.description] } ?? []))
        }
    }
}

private func describe(_ part: FStringPart) -> String {
    switch part {
    case .literal(let s): return quoted(s)
    case .field(let f):
        var items = [f.expression.description]
        if let c = f.conversion { items.append("!\(c)") }
        if !f.formatSpec.isEmpty { items.append("(spec " + f.formatSpec.map(describe).joined(separator: " ") + ")") }
        return "(fmt " + items.joined(separator: " ") + ")"
    }
}

private func describe(_ parameters: [Parameter]) -> String {
    "(" + parameters.map { p -> String in
        let prefix = p.kind == .varPositional ? "*" : p.kind == .varKeyword ? "**" : p.kind == .keywordOnly ? "kw:" : ""
        return prefix + p.name + (p.defaultValue.map { "=\($0)" } ?? "")
    }.joined(separator: " ") + ")"
}

/// Python-repr-like single-quoted string.
private func quoted(_ s: String) -> String {
    var out = "'"
    for c in s.unicodeScalars {
        switch c {
        case "\\": out += "\\\\"
        case "'": out += "\\'"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if c.value < 0x20 || c.value == 0x7F {
                let hex = String(c.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }
    return out + "'"
}
