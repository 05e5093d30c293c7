import Syntax

/// A generator function's body as a flat program that can stop at a `yield` and go on later without
/// a thread of its own (docs/interpreter.md, "Generators"). The structured statements that contain a
/// `yield` become jumps and loop instructions; every statement without one is a lowered `StmtCode`
/// run whole. Bodies with a `yield` anywhere else — inside an expression, a `try`, a `with`, or a
/// `yield from` — return nil from `compile` and keep the coroutine thread.
final class GeneratorProgram {
    enum Instruction {
        /// A statement without a yield; its `break`/`continue` go to the innermost loop's targets.
        case run(StmtCode, breakTo: Int, continueTo: Int)
        /// `yield value` (or `target = yield value`): suspend; the value sent back goes to the target.
        case yield(ExprCode?, TargetCode?, SourceLocation)
        case jumpUnless((Interpreter, Scope) throws -> Bool, Int)
        case jump(Int)
        /// A loop iteration boundary (Ctrl-C, the collector, the step budget).
        case safePoint
        /// `for`: the iterator of the iterable goes into loop slot `slot`.
        case iterate(ExprCode, slot: Int, SourceLocation)
        /// The next item into the target, or a jump to `exit` when there is none.
        case next(slot: Int, TargetCode, exit: Int, SourceLocation)
        /// The loop slot's iterator is let go.
        case release(slot: Int)
    }

    let instructions: [Instruction]
    let loopSlots: Int

    private init(_ instructions: [Instruction], loopSlots: Int) {
        self.instructions = instructions
        self.loopSlots = loopSlots
    }

    static func compile(_ body: [Stmt], _ lowering: Lowering) -> GeneratorProgram? {
        var builder = Builder(lowering: lowering)
        guard builder.block(body, breakTo: -1, continueTo: -1) else { return nil }
        return GeneratorProgram(builder.code, loopSlots: builder.maxDepth)
    }

    private struct Builder {
        let lowering: Lowering
        var code: [Instruction] = []
        var depth = 0, maxDepth = 0

        /// Placeholder jumps are patched once their target is known.
        mutating func emit(_ i: Instruction) -> Int {
            code.append(i)
            return code.count - 1
        }

        mutating func block(_ body: [Stmt], breakTo: Int, continueTo: Int) -> Bool {
            var pendingBreaks = [Int](), pendingContinues = [Int]()
            return block(body, &pendingBreaks, &pendingContinues, loop: (breakTo, continueTo))
        }

        /// `loop`: the innermost loop's targets as known so far (-1 while a target is still
        /// unknown; the jumps to it are collected in `breaks`/`continues` and patched by the loop).
        mutating func block(_ body: [Stmt], _ breaks: inout [Int], _ continues: inout [Int], loop: (Int, Int)) -> Bool {
            for s in body {
                guard statement(s, &breaks, &continues, loop: loop) else { return false }
            }
            return true
        }

        mutating func statement(_ s: Stmt, _ breaks: inout [Int], _ continues: inout [Int], loop: (Int, Int)) -> Bool {
            if !Self.containsYield(s) {
                switch s {
                case .break: breaks.append(emit(.jump(-1))); return true
                case .continue: continues.append(emit(.jump(-1))); return true
                default:
                    // Its own break/continue flows are mapped at run time through the patched targets.
                    let at = emit(.run(lowering.statement(s), breakTo: -1, continueTo: -1))
                    breaks.append(-at - 2)      // marks a `.run` to patch (negative: not a jump)
                    continues.append(-at - 2)
                    return true
                }
            }
            switch s {
            case .expression(.yield(let value, let loc), _):
                if let value, Self.expressionContainsYield(value) { return false }
                _ = emit(.yield(value.map(lowering.expression), nil, loc))
                return true
            case .assign(let targets, .yield(let value, let loc), _) where targets.count == 1:
                if let value, Self.expressionContainsYield(value) { return false }
                if Self.expressionContainsYield(targets[0]) { return false }
                _ = emit(.yield(value.map(lowering.expression), lowering.target(targets[0]), loc))
                return true
            case .if(let cond, let then, let orElse, _):
                if Self.expressionContainsYield(cond) { return false }
                let test = emit(.jumpUnless({ _, _ in false }, -1))
                guard block(then, &breaks, &continues, loop: loop) else { return false }
                let skip = emit(.jump(-1))
                let elseStart = code.count
                guard block(orElse, &breaks, &continues, loop: loop) else { return false }
                code[test] = .jumpUnless(lowering.condition(cond), elseStart)
                code[skip] = .jump(code.count)
                return true
            case .while(let cond, let body, let orElse, _):
                if Self.expressionContainsYield(cond) { return false }
                let head = code.count
                let test = emit(.jumpUnless({ _, _ in false }, -1))
                _ = emit(.safePoint)
                var innerBreaks = [Int](), innerContinues = [Int]()
                guard block(body, &innerBreaks, &innerContinues, loop: (-1, head)) else { return false }
                _ = emit(.jump(head))
                let elseStart = code.count
                code[test] = .jumpUnless(lowering.condition(cond), elseStart)
                guard block(orElse, &breaks, &continues, loop: loop) else { return false }
                patch(innerBreaks, innerContinues, breakTo: code.count, continueTo: head)
                return true
            case .for(let target, let iterable, let body, let orElse, let loc):
                if Self.expressionContainsYield(iterable) || Self.expressionContainsYield(target) { return false }
                let slot = depth
                depth += 1
                maxDepth = max(maxDepth, depth)
                defer { depth -= 1 }
                _ = emit(.iterate(lowering.expression(iterable), slot: slot, iterable.location))
                let head = emit(.next(slot: slot, lowering.target(target), exit: -1, loc))
                _ = emit(.safePoint)
                var innerBreaks = [Int](), innerContinues = [Int]()
                guard block(body, &innerBreaks, &innerContinues, loop: (-1, head)) else { return false }
                _ = emit(.jump(head))
                code[head] = .next(slot: slot, lowering.target(target), exit: code.count, loc)
                _ = emit(.release(slot: slot))
                guard block(orElse, &breaks, &continues, loop: loop) else { return false }
                let skip = emit(.jump(-1))
                let breakTarget = code.count
                _ = emit(.release(slot: slot))
                code[skip] = .jump(code.count)
                patch(innerBreaks, innerContinues, breakTo: breakTarget, continueTo: head)
                return true
            default:
                return false
            }
        }

        /// Points a loop's `break`/`continue` jumps, and the flows of its `.run` statements, at it.
        private mutating func patch(_ breaks: [Int], _ continues: [Int], breakTo: Int, continueTo: Int) {
            for b in breaks {
                if b >= 0 { code[b] = .jump(breakTo); continue }
                let at = -b - 2
                if case .run(let c, _, let k) = code[at] { code[at] = .run(c, breakTo: breakTo, continueTo: k) }
            }
            for c in continues {
                if c >= 0 { code[c] = .jump(continueTo); continue }
                let at = -c - 2
                if case .run(let r, let b, _) = code[at] { code[at] = .run(r, breakTo: b, continueTo: continueTo) }
            }
        }

        /// Whether a statement has a `yield` in it (not counting nested functions and classes).
        static func containsYield(_ s: Stmt) -> Bool {
            switch s {
            case .expression(let e, _), .return(let e?, _): return expressionContainsYield(e)
            case .assign(let ts, let v, _): return ts.contains(where: expressionContainsYield) || expressionContainsYield(v)
            case .augmentedAssign(let t, _, let v, _): return expressionContainsYield(t) || expressionContainsYield(v)
            case .annotated(let t, let a, let v, _):
                return expressionContainsYield(t) || expressionContainsYield(a) || v.map(expressionContainsYield) == true
            case .if(let c, let b, let e, _), .while(let c, let b, let e, _):
                return expressionContainsYield(c) || b.contains(where: containsYield) || e.contains(where: containsYield)
            case .for(let t, let it, let b, let e, _):
                return expressionContainsYield(t) || expressionContainsYield(it) || b.contains(where: containsYield) || e.contains(where: containsYield)
            case .with(let c, let t, let b, _):
                return expressionContainsYield(c) || t.map(expressionContainsYield) == true || b.contains(where: containsYield)
            case .try(let b, let hs, let e, let f, _):
                return b.contains(where: containsYield) || e.contains(where: containsYield) || f.contains(where: containsYield)
                    || hs.contains { h in h.body.contains(where: containsYield) || h.type.map(expressionContainsYield) == true }
            case .del(let ts, _): return ts.contains(where: expressionContainsYield)
            case .assert(let c, let m, _): return expressionContainsYield(c) || m.map(expressionContainsYield) == true
            case .raise(let e, let c, _): return e.map(expressionContainsYield) == true || c.map(expressionContainsYield) == true
            case .decorated(let ds, let inner, _): return ds.contains(where: expressionContainsYield) || containsYield(inner)
            case .functionDef(_, let ps, _, let info, _):
                // Only the defaults and annotations run in this frame.
                return ps.contains { p in p.defaultValue.map(expressionContainsYield) == true || p.annotation.map(expressionContainsYield) == true }
                    || info.returnAnnotation.map(expressionContainsYield) == true
            case .classDef(_, let bases, _, _):
                return bases.contains { a in
                    switch a {
                    case .positional(let x), .keyword(_, let x), .unpack(let x), .unpackKeywords(let x): return expressionContainsYield(x)
                    }
                }
            case .return(nil, _), .import, .fromImport, .break, .continue, .pass, .global, .nonlocal: return false
            }
        }

        static func expressionContainsYield(_ e: Expr) -> Bool {
            func any(_ xs: [Expr]) -> Bool { xs.contains(where: expressionContainsYield) }
            func parts(_ ps: [FStringPart]) -> Bool {
                ps.contains { p in
                    if case .field(let f) = p { return expressionContainsYield(f.expression) || parts(f.formatSpec) }
                    return false
                }
            }
            switch e {
            case .yield, .yieldFrom: return true
            case .tuple(let xs, _), .list(let xs, _), .set(let xs, _): return any(xs)
            case .dict(let entries, _): return entries.contains { expressionContainsYield($0.key) || expressionContainsYield($0.value) }
            // A comprehension's first iterable runs in this frame; `yield` elsewhere in one is a SyntaxError.
            case .comprehension(_, _, let clauses, _): return clauses.first.map { expressionContainsYield($0.iterable) } ?? false
            case .unary(_, let x, _), .starred(let x, _), .attribute(let x, _, _), .walrus(_, let x, _): return expressionContainsYield(x)
            case .binary(_, let a, let b, _), .boolean(_, let a, let b, _), .subscript(let a, let b, _):
                return expressionContainsYield(a) || expressionContainsYield(b)
            case .compare(let first, _, let rest, _): return expressionContainsYield(first) || any(rest)
            case .conditional(let t, let c, let o, _): return any([t, c, o])
            case .call(let f, let args, _):
                return expressionContainsYield(f) || args.contains { a in
                    switch a {
                    case .positional(let x), .keyword(_, let x), .unpack(let x), .unpackKeywords(let x): return expressionContainsYield(x)
                    }
                }
            case .slice(let a, let b, let c, _): return [a, b, c].contains { $0.map(expressionContainsYield) == true }
            case .fstring(let ps, _): return parts(ps)
            case .lambda(let ps, _, _): return ps.contains { $0.defaultValue.map(expressionContainsYield) == true }
            case .name, .int, .bigInt, .float, .string, .bytes, .bool, .none, .ellipsis: return false
            }
        }
    }
}

/// A running `GeneratorProgram`: where it stopped and its loops' iterators.
struct GeneratorMachine {
    enum Step {
        case yielded(Value)
        case returned(Value)
    }

    let program: GeneratorProgram
    private var pc = 0
    private var iterators: [Value?]
    /// Set while suspended at a `yield`: where the sent value goes, and where a thrown error is raised.
    private var resumeTarget: TargetCode?
    private var resumeLocation: SourceLocation?

    init(_ program: GeneratorProgram) {
        self.program = program
        iterators = Array(repeating: nil, count: program.loopSlots)
    }

    /// Runs from where it stopped to the next `yield` or the end. `input` is what `next`/`send`/
    /// `throw` bring: the value of the `yield` it stopped at, or an error raised there.
    mutating func run(_ interp: Interpreter, _ scope: Scope, _ input: Coroutine.Resume) throws -> Step {
        if let location = resumeLocation {
            resumeLocation = nil
            let target = resumeTarget
            resumeTarget = nil
            switch input {
            case .error(let error):
                throw placed(location, error)
            case .value(let v):
                if let target { try located(location) { try target(interp, scope, v) } }
            }
        }
        let code = program.instructions
        while pc < code.count {
            switch code[pc] {
            case .run(let stmt, let breakTo, let continueTo):
                switch try stmt(interp, scope) {
                case .normal: pc += 1
                case .breakLoop: pc = breakTo >= 0 ? breakTo : code.count
                case .continueLoop: pc = continueTo >= 0 ? continueTo : code.count
                case .returnValue(let v):
                    pc = code.count
                    iterators = []
                    return .returned(v)
                }
            case .yield(let value, let target, let loc):
                let v = try value?(interp, scope) ?? .none
                pc += 1
                resumeTarget = target
                resumeLocation = loc
                return .yielded(v)
            case .jumpUnless(let test, let to):
                pc = try test(interp, scope) ? pc + 1 : to
            case .jump(let to):
                pc = to
            case .safePoint:
                try interp.checkInterrupt()
                pc += 1
            case .iterate(let source, let slot, let loc):
                let items = try source(interp, scope)
                iterators[slot] = try located(loc) { try interp.makeIterator(items) }
                pc += 1
            case .next(let slot, let target, let exit, let loc):
                guard let iterator = iterators[slot], let item = try located(loc, { try interp.nextItem(iterator) }) else {
                    pc = exit
                    continue
                }
                try located(loc) { try target(interp, scope, item) }
                pc += 1
            case .release(let slot):
                iterators[slot] = nil
                pc += 1
            }
        }
        iterators = []
        return .returned(.none)
    }

    private func placed(_ location: SourceLocation, _ error: Error) -> Error {
        guard var e = error as? PythonError, e.location == nil else { return error }
        e.location = location
        return e
    }
}
