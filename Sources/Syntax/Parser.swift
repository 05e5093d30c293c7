/// Parses Python source into a list of statements; throws `SyntaxError` with position on bad input.
public func parse(_ source: String, file: String = "<stdin>") throws -> [Stmt] {
    do {
        let parser = Parser(tokens: try tokenize(source))
        return try parser.parseFile()
    } catch var error as SyntaxError {
        error.file = file
        error.sourceLine = sourceLine(source, error.line)
        throw error
    }
}

/// Parses a single expression (or a bare tuple `a, b`), e.g. for `eval`.
public func parseExpression(_ source: String, file: String? = nil) throws -> Expr {
    do {
        var lexer = Lexer(source, insideBrackets: true)
        let parser = Parser(tokens: try lexer.tokenize())
        return try parser.parseStandaloneExpression()
    } catch var error as SyntaxError {
        if let file { error.file = file }
        error.sourceLine = sourceLine(source, error.line)
        throw error
    }
}

/// The text of 1-based line `line` of `source`, if it exists.
func sourceLine(_ source: String, _ line: Int) -> String? {
    guard line >= 1 else { return nil }
    var current = 1
    var text = String.UnicodeScalarView()
    var previousWasCR = false
    for c in source.unicodeScalars {
        if c == "\n" && previousWasCR { previousWasCR = false; continue }
        previousWasCR = c == "\r"
        if c == "\n" || c == "\r" {
            if current == line { return String(text) }
            current += 1
            continue
        }
        if current == line { text.append(c) }
    }
    return current == line ? String(text) : nil
}

/// Recursive-descent parser: one method per precedence level, lowest first.
///
/// Recursion is bounded by `maxDepth` (nested expressions) and the lexer's bracket and
/// indentation limits; left-leaning chains (`a+b+…`, `a.b.c…`) are bounded by `maxHeight`.
final class Parser {
    static let maxDepth = 400
    static let maxHeight = 1000

    private let tokens: [Token]
    private var current = 0
    private var depth: Int
    /// Height of the expression most recently returned by a parse method (approximate, for limits).
    private var lastHeight = 1

    /// What encloses the code being parsed, innermost last, for `yield`: legal in a `def` (which
    /// it makes a generator), an error in a class body, at module level or in a comprehension.
    private enum Enclosing { case function, classBody, lambda }
    private var enclosing: [(kind: Enclosing, yields: Bool)] = []
    /// `yield`s parsed so far, and where the last one was: a comprehension that gained one is an error.
    private var yieldCount = 0
    private var lastYield = SourceLocation(line: 1, column: 1)

    init(tokens: [Token], depth: Int = 0) {
        self.tokens = tokens.isEmpty ? [Token(kind: .endOfFile, text: "", location: SourceLocation(line: 1, column: 1))] : tokens
        self.depth = depth
    }

    // MARK: - Helpers

    private func peek(_ offset: Int = 0) -> Token {
        let k = current + offset
        if k >= 0 && k < tokens.count { return tokens[k] }
        return tokens[tokens.count - 1]
    }

    private func check(_ kind: TokenKind) -> Bool { peek().kind == kind }

    private func check(_ keyword: Keyword) -> Bool { peek().kind == .keyword(keyword) }

    private func check(_ punct: Punctuation) -> Bool { peek().kind == .punct(punct) }

    @discardableResult
    private func advance() -> Token {
        let token = peek()
        if current < tokens.count - 1 { current += 1 }
        return token
    }

    private func match(_ keyword: Keyword) -> Bool {
        if check(keyword) { advance(); return true }
        return false
    }

    private func match(_ punct: Punctuation) -> Bool {
        if check(punct) { advance(); return true }
        return false
    }

    private func match(_ kind: TokenKind) -> Bool {
        if check(kind) { advance(); return true }
        return false
    }

    @discardableResult
    private func consume(_ kind: TokenKind, _ message: String) throws -> Token {
        if check(kind) { return advance() }
        throw error(message, at: peek())
    }

    private func error(_ message: String, at token: Token) -> SyntaxError {
        SyntaxError(message, at: token.location, isUnexpectedEOF: token.kind == .endOfFile)
    }

    private func invalidSyntax() -> SyntaxError {
        let token = peek()
        switch token.kind {
        case .indent: return error("unexpected indent", at: token)
        case .endOfFile: return error("unexpected EOF while parsing", at: token)
        default: return error("invalid syntax", at: token)
        }
    }

    private func enter() throws {
        depth += 1
        if depth > Parser.maxDepth { throw error("too many nested expressions", at: peek()) }
    }

    private func leave() { depth -= 1 }

    private func grow(_ height: Int, at location: SourceLocation) throws -> Int {
        if height > Parser.maxHeight { throw SyntaxError("expression too long or too deeply nested", at: location) }
        return height
    }

    private func consumeName(_ message: String) throws -> (String, SourceLocation) {
        let token = try consume(.name, message)
        return (token.text, token.location)
    }

    // MARK: - Statements

    func parseFile() throws -> [Stmt] {
        var statements: [Stmt] = []
        while !check(.endOfFile) {
            if match(.newline) { continue }
            statements += try statement()
        }
        return statements
    }

    func parseStandaloneExpression() throws -> Expr {
        if check(.newline) || check(.endOfFile) { throw error("f-string: empty expression not allowed", at: peek()) }
        let expr = try testList()
        _ = match(.newline)
        if !check(.endOfFile) { throw invalidSyntax() }
        return expr
    }

    private func statement() throws -> [Stmt] {
        switch peek().kind {
        case .keyword(.if): return [try ifStatement()]
        case .keyword(.while): return [try whileStatement()]
        case .keyword(.for): return [try forStatement()]
        case .keyword(.with): return [try withStatement()]
        case .keyword(.def): return [try functionDefinition()]
        case .keyword(.class): return [try classDefinition()]
        case .keyword(.try): return [try tryStatement()]
        case .indent: throw error("unexpected indent", at: peek())
        case .punct(.at): return [try decorated()]
        default: return try simpleStatements()
        }
    }

    private func simpleStatements() throws -> [Stmt] {
        var statements = [try simpleStatement()]
        while match(.semicolon) {
            if check(.newline) || check(.endOfFile) { break }
            statements.append(try simpleStatement())
        }
        if !match(.newline) && !check(.endOfFile) { throw invalidSyntax() }
        return statements
    }

    private var atStatementEnd: Bool { check(.newline) || check(.endOfFile) || check(.semicolon) }

    private func simpleStatement() throws -> Stmt {
        let token = peek()
        let loc = token.location
        switch token.kind {
        case .keyword(.pass): advance(); return .pass(loc)
        case .keyword(.break): advance(); return .break(loc)
        case .keyword(.continue): advance(); return .continue(loc)
        case .keyword(.return):
            advance()
            return .return(atStatementEnd ? nil : try testList(), loc)
        case .keyword(.del):
            advance()
            var targets = [try bitOr()]
            while match(.comma) {
                if atStatementEnd { break }
                targets.append(try bitOr())
            }
            for t in targets { try checkTarget(t, deleting: true) }
            return .del(targets, loc)
        case .keyword(.assert):
            advance()
            let condition = try expression()
            let message = match(.comma) ? try expression() : nil
            return .assert(condition, message: message, loc)
        case .keyword(.import): return try importStatement()
        case .keyword(.from): return try fromImportStatement()
        case .keyword(.raise):
            advance()
            if atStatementEnd { return .raise(nil, cause: nil, loc) }
            let exc = try expression()
            let cause = match(.from) ? try expression() : nil
            return .raise(exc, cause: cause, loc)
        case .keyword(.global), .keyword(.nonlocal):
            advance()
            var names = [try consumeName("invalid syntax").0]
            while match(.comma) { names.append(try consumeName("invalid syntax").0) }
            return token.kind == .keyword(.global) ? .global(names, loc) : .nonlocal(names, loc)
        case .keyword(.except), .keyword(.finally), .keyword(.class):
            throw invalidSyntax()
        case .keyword(.yield):
            return .expression(try yieldExpression(), loc)
        case .keyword(let k) where [.async, .await].contains(k):
            throw error("'\(k.rawValue)' is not supported", at: token)
        default:
            return try expressionStatement()
        }
    }

    private static let augmentedOperators: [Punctuation: BinaryOperator] = [
        .plusEqual: .add, .minusEqual: .subtract, .starEqual: .multiply, .slashEqual: .divide,
        .doubleSlashEqual: .floorDivide, .percentEqual: .modulo, .doubleStarEqual: .power,
        .atEqual: .matrixMultiply, .ampersandEqual: .bitAnd, .pipeEqual: .bitOr, .caretEqual: .bitXor,
        .leftShiftEqual: .leftShift, .rightShiftEqual: .rightShift,
    ]

    private func expressionStatement() throws -> Stmt {
        let loc = peek().location
        let first = try testList()
        if case .punct(let p) = peek().kind, let op = Parser.augmentedOperators[p] {
            switch first {
            case .name, .attribute, .subscript: break
            default:
                throw SyntaxError("'\(describe(first))' is an illegal expression for augmented assignment", at: first.location)
            }
            advance()
            return .augmentedAssign(target: first, op, value: check(.yield) ? try yieldExpression() : try testList(), loc)
        }
        if check(.equal) {
            var parts = [first]
            while match(.equal) { parts.append(check(.yield) ? try yieldExpression() : try testList()) }
            let value = parts.removeLast()
            for t in parts { try checkTarget(t, deleting: false) }
            return .assign(targets: parts, value: value, loc)
        }
        if match(.colon) {
            switch first {
            case .name, .attribute, .subscript: break
            default: throw SyntaxError("illegal target for annotation", at: first.location)
            }
            let annotation = try expression()
            let value = match(.equal) ? try testList() : nil
            return .annotated(target: first, annotation: annotation, value: value, loc)
        }
        return .expression(first, loc)
    }

    private func checkTarget(_ e: Expr, deleting: Bool) throws {
        switch e {
        case .name, .attribute, .subscript: return
        case .tuple(let items, _), .list(let items, _):
            var starred = 0
            for item in items {
                if case .starred(let inner, let loc) = item, !deleting {
                    starred += 1
                    if starred > 1 { throw SyntaxError("multiple starred expressions in assignment", at: loc) }
                    try checkTarget(inner, deleting: deleting)
                } else {
                    try checkTarget(item, deleting: deleting)
                }
            }
        case .yield where !deleting, .yieldFrom where !deleting:
            throw SyntaxError("assignment to yield expression not possible", at: e.location)
        default:
            throw SyntaxError("cannot \(deleting ? "delete" : "assign to") \(describe(e))", at: e.location)
        }
    }

    /// `describe`, except that attributes and subscripts (fine as assignment targets) are named.
    private func walrusTarget(_ e: Expr) -> String {
        switch e {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        default: return describe(e)
        }
    }

    private func describe(_ e: Expr) -> String {
        switch e {
        case .call: return "function call"
        case .int, .bigInt, .float, .string, .bytes, .ellipsis: return "literal"
        case .bool(let b, _): return b ? "True" : "False"
        case .none: return "None"
        case .fstring: return "f-string expression"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .lambda: return "lambda"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .comprehension(let kind, _, _, _):
            return kind == .list ? "list comprehension" : kind == .dict ? "dict comprehension" : "generator expression"
        case .tuple: return "tuple"
        case .list: return "list"
        case .slice: return "slice"
        case .starred: return "starred"
        case .yield, .yieldFrom: return "yield expression"
        case .walrus: return "named expression"
        case .name, .attribute, .subscript, .unary, .binary, .boolean: return "expression"
        }
    }

    private func dottedName() throws -> String {
        var (name, _) = try consumeName("expected module name")
        while match(.dot) { name += "." + (try consumeName("expected name after '.'")).0 }
        return name
    }

    private func importStatement() throws -> Stmt {
        let loc = advance().location
        var names: [ImportName] = []
        repeat {
            let nameLoc = peek().location
            let name = try dottedName()
            let alias = match(.as) ? try consumeName("expected name after 'as'").0 : nil
            names.append(ImportName(name: name, alias: alias, location: nameLoc))
        } while match(.comma)
        return .import(names, loc)
    }

    private func fromImportStatement() throws -> Stmt {
        let loc = advance().location
        var module = ""
        while true {
            if match(.dot) { module += "." } else if match(.ellipsis) { module += "..." } else { break }
        }
        if check(.name) { module += try dottedName() }
        if module.isEmpty { throw error("expected module name", at: peek()) }
        try consume(.keyword(.import), "expected 'import'")
        if check(.star) {
            let star = advance()
            return .fromImport(module: module, names: [ImportName(name: "*", alias: nil, location: star.location)], loc)
        }
        let parenthesized = match(.leftParen)
        var names: [ImportName] = []
        repeat {
            if parenthesized && check(.rightParen) && !names.isEmpty { break }
            let (name, nameLoc) = try consumeName("expected name to import")
            let alias = match(.as) ? try consumeName("expected name after 'as'").0 : nil
            names.append(ImportName(name: name, alias: alias, location: nameLoc))
        } while match(.comma)
        if parenthesized { try consume(.punct(.rightParen), "expected ')'") }
        if !parenthesized && !names.isEmpty && peek(-1).kind == .punct(.comma) {
            throw error("trailing comma not allowed without surrounding parentheses", at: peek(-1))
        }
        return .fromImport(module: module, names: names, loc)
    }

    /// A block after `:` — an indented block on the next lines or simple statements on the same line.
    private func suite(after header: Token) throws -> [Stmt] {
        try consume(.punct(.colon), "expected ':'")
        guard match(.newline) else { return try simpleStatements() }
        guard match(.indent) else {
            let what = header.kind == .keyword(.def) ? "function definition" : "'\(header.text)' statement"
            throw error("expected an indented block after \(what) on line \(header.location.line)", at: peek())
        }
        var body: [Stmt] = []
        while !check(.dedent) && !check(.endOfFile) {
            body += try statement()
        }
        _ = match(.dedent)
        return body
    }

    private func ifStatement() throws -> Stmt {
        var branches: [(Expr, [Stmt], SourceLocation)] = []
        var orElse: [Stmt] = []
        repeat {
            let header = advance()
            let condition = try namedExpression()
            branches.append((condition, try suite(after: header), header.location))
        } while check(.elif)
        if check(.else) {
            orElse = try suite(after: advance())
        }
        var result = orElse
        for (condition, body, loc) in branches.reversed() {
            result = [.if(condition: condition, body: body, orElse: result, loc)]
        }
        guard let first = result.first else { throw invalidSyntax() }
        return first
    }

    private func whileStatement() throws -> Stmt {
        let header = advance()
        let condition = try namedExpression()
        let body = try suite(after: header)
        let orElse = check(.else) ? try suite(after: advance()) : []
        return .while(condition: condition, body: body, orElse: orElse, header.location)
    }

    private func forStatement() throws -> Stmt {
        let header = advance()
        let target = try targetList()
        try consume(.keyword(.in), "expected 'in'")
        let iterable = try testList()
        let body = try suite(after: header)
        let orElse = check(.else) ? try suite(after: advance()) : []
        return .for(target: target, iterable: iterable, body: body, orElse: orElse, header.location)
    }

    /// `with a as x, b: body`, as nested single-item `.with`s.
    private func withStatement() throws -> Stmt {
        let header = advance()
        var items = [(Expr, Expr?, SourceLocation)]()
        func item() throws {
            let loc = peek().location
            let context = try expression()
            var target: Expr?
            if match(.as) {
                let t = try bitOr()
                try checkTarget(t, deleting: false)
                target = t
            }
            items.append((context, target, loc))
        }
        // `with (A() as a, B() as b):` — tried first, as CPython's grammar does; when the
        // parentheses turn out to be part of the first item's expression, parse again without.
        var parenthesized = false
        if check(.leftParen) {
            let (start, height, yields) = (current, lastHeight, yieldCount)
            advance()
            do {
                repeat {
                    if check(.rightParen) { break }
                    try item()
                } while match(.comma)
                parenthesized = !items.isEmpty && match(.rightParen) && check(.colon)
            } catch {
                parenthesized = false
            }
            if !parenthesized {
                (current, lastHeight, yieldCount) = (start, height, yields)
                items = []
            }
        }
        if !parenthesized {
            repeat { try item() } while match(.comma)
        }
        var body = try suite(after: header)
        for (i, (context, target, loc)) in items.enumerated().reversed() {
            let stmt = Stmt.with(context: context, target: target, body: body, i == 0 ? header.location : loc)
            body = [stmt]
        }
        return body[0]
    }

    /// `a`, `a, b`, `(a, b)` — parsed at `|` level so `in` is not taken as a comparison.
    private func targetList() throws -> Expr {
        let loc = peek().location
        let first = try bitOr()
        var items = [first]
        var sawComma = false
        while match(.comma) {
            sawComma = true
            if check(.in) || check(.equal) { break }
            items.append(try bitOr())
        }
        let target: Expr = sawComma ? .tuple(items, loc) : first
        try checkTarget(target, deleting: false)
        return target
    }

    /// `@decorator` lines, then the `def` or `class` they apply to.
    private func decorated() throws -> Stmt {
        let loc = peek().location
        var decorators = [Expr]()
        while match(.at) {
            decorators.append(try expression())
            try consume(.newline, "invalid syntax")
        }
        switch peek().kind {
        case .keyword(.def): return .decorated(decorators, try functionDefinition(), loc)
        case .keyword(.class): return .decorated(decorators, try classDefinition(), loc)
        default: throw invalidSyntax()
        }
    }

    private func classDefinition() throws -> Stmt {
        let header = advance()
        let (name, _) = try consumeName("invalid syntax")
        var bases = [Argument]()
        if match(.leftParen) {
            bases = try argumentList()
        }
        enclosing.append((.classBody, false))
        defer { enclosing.removeLast() }
        let body = try suite(after: header)
        return .classDef(name: name, bases: bases, body: body, header.location)
    }

    /// `try:` with `except` clauses, `else` and `finally`, in CPython's grammar.
    private func tryStatement() throws -> Stmt {
        let header = advance()
        let body = try suite(after: header)
        var handlers = [ExceptHandler]()
        while check(.except) {
            let clause = advance()
            var type: Expr?, name: String?
            if !check(.colon) {
                type = try expression()
                if check(.comma) {
                    throw error("multiple exception types must be parenthesized", at: peek())
                }
                if match(.as) { name = try consumeName("invalid syntax").0 }
            }
            if type == nil, let last = handlers.last, last.type == nil {
                throw SyntaxError("default 'except:' must be last", at: last.location)
            }
            handlers.append(ExceptHandler(type: type, name: name, body: try suite(after: clause), location: clause.location))
        }
        if let bare = handlers.dropLast().first(where: { $0.type == nil }) {
            throw SyntaxError("default 'except:' must be last", at: bare.location)
        }
        var orElse = [Stmt]()
        if !handlers.isEmpty && check(.else) { orElse = try suite(after: advance()) }
        var finally = [Stmt]()
        if check(.finally) { finally = try suite(after: advance()) }
        if handlers.isEmpty && finally.isEmpty { throw error("expected 'except' or 'finally' block", at: peek()) }
        return .try(body: body, handlers: handlers, orElse: orElse, finally: finally, header.location)
    }

    private func functionDefinition() throws -> Stmt {
        let header = advance()
        let (name, _) = try consumeName("expected function name")
        try consume(.punct(.leftParen), "expected '('")
        let parameters = try parameterList(closing: .rightParen, annotations: true)
        try consume(.punct(.rightParen), "expected ')'")
        let returns: Expr? = match(.arrow) ? try expression() : nil
        enclosing.append((.function, false))
        let body: [Stmt]
        do { body = try suite(after: header) } catch { enclosing.removeLast(); throw error }
        let isGenerator = enclosing.removeLast().yields
        let info = FunctionInfo(isGenerator: isGenerator, localNames: Scoping.localNames(parameters, body),
                                returnAnnotation: returns)
        return .functionDef(name: name, parameters: parameters, body: body, info: info, header.location)
    }

    /// `yield`, `yield value`, `yield a, *b`, `yield from iterable` (the `yield` token is next).
    private func yieldExpression() throws -> Expr {
        let token = advance()
        switch enclosing.last?.kind {
        case .function?: enclosing[enclosing.count - 1].yields = true
        case .lambda?: throw error("'yield' inside a lambda is not supported by nnsh", at: token)
        default: throw error("'yield' outside function", at: token)
        }
        yieldCount += 1
        lastYield = token.location
        if match(.from) {
            let iterable = try expression()
            lastHeight += 1
            return .yieldFrom(iterable, token.location)
        }
        if atStatementEnd || check(.rightParen) || check(.rightBracket) || check(.rightBrace) || check(.equal) {
            lastHeight = 1
            return .yield(nil, token.location)
        }
        let value = try testList()
        lastHeight += 1
        return .yield(value, token.location)
    }

    private func parameterList(closing: Punctuation, annotations: Bool) throws -> [Parameter] {
        var parameters: [Parameter] = []
        var seen = Set<String>()
        var afterStar = false, sawDefault = false, sawVarKeyword = false
        while !check(closing) {
            if sawVarKeyword { throw error("arguments cannot follow var-keyword argument", at: peek()) }
            let loc = peek().location
            var kind = ParameterKind.normal
            if match(.doubleStar) {
                kind = .varKeyword
                sawVarKeyword = true
            } else if match(.star) {
                if afterStar { throw error("* argument may appear only once", at: peek(-1)) }
                afterStar = true
                if !check(.name) {
                    if !check(.comma) { throw error("named arguments must follow bare *", at: peek()) }
                    advance()
                    continue
                }
                kind = .varPositional
            } else if match(.slash) {
                if !match(.comma) && !check(closing) { throw invalidSyntax() }
                continue
            } else if afterStar {
                kind = .keywordOnly
            }
            let (name, _) = try consumeName("invalid syntax")
            if seen.contains(name) { throw SyntaxError("duplicate argument '\(name)' in function definition", at: loc) }
            seen.insert(name)
            let annotation: Expr? = annotations && match(.colon) ? try expression() : nil
            var defaultValue: Expr?
            if (kind == .normal || kind == .keywordOnly) && match(.equal) {
                defaultValue = try expression()
                if kind == .normal { sawDefault = true }
            } else if kind == .normal && sawDefault {
                throw SyntaxError("parameter without a default follows parameter with a default", at: loc)
            }
            parameters.append(Parameter(name: name, kind: kind, defaultValue: defaultValue, annotation: annotation, location: loc))
            if !match(.comma) { break }
        }
        return parameters
    }

    // MARK: - Expressions, lowest precedence first

    /// `a, b, c` (a tuple when there is a comma) or a single expression.
    private func testList() throws -> Expr {
        let loc = peek().location
        let first = try expression()
        guard check(.comma) else { return first }
        var items = [first]
        var height = lastHeight
        while match(.comma) {
            if atStatementEnd || check(.equal) || check(.rightParen) || check(.colon) || isAugmentedOperator { break }
            if case .punct(let p) = peek().kind, [.rightBracket, .rightBrace, .equal].contains(p) { break }
            items.append(try expression())
            height = max(height, lastHeight)
        }
        lastHeight = height + 1
        return .tuple(items, loc)
    }

    private var isAugmentedOperator: Bool {
        if case .punct(let p) = peek().kind { return Parser.augmentedOperators[p] != nil }
        return false
    }

    /// `lambda`, or `a if c else b`, or an `or` test.
    /// An expression where `name := value` may stand unparenthesized (conditions, call arguments,
    /// display items, subscripts, parenthesized expressions).
    private func namedExpression() throws -> Expr {
        guard check(.name), peek(1).kind == .punct(.walrus) else {
            let value = try expression()
            if check(.walrus) {
                throw error(value.isName ? "invalid syntax" : "cannot use assignment expressions with \(walrusTarget(value))", at: peek())
            }
            return value
        }
        let token = advance()
        advance()
        let value = try expression()
        lastHeight += 1
        return .walrus(token.text, value, token.location)
    }

    private func expression() throws -> Expr {
        try enter()
        defer { leave() }
        if check(.lambda) { return try lambda() }
        let loc = peek().location
        let value = try orTest()
        guard match(.if) else { return value }
        let height = lastHeight
        let condition = try orTest()
        try consume(.keyword(.else), "expected 'else' after 'if' expression")
        let orElse = try expression()
        lastHeight = max(height, lastHeight) + 1
        return .conditional(then: value, condition: condition, orElse: orElse, loc)
    }

    private func lambda() throws -> Expr {
        let loc = advance().location
        let parameters = try parameterList(closing: .colon, annotations: false)
        try consume(.punct(.colon), "expected ':'")
        enclosing.append((.lambda, false))
        defer { enclosing.removeLast() }
        let body = try expression()
        lastHeight += 1
        return .lambda(parameters, body: body, loc)
    }

    private func orTest() throws -> Expr { try booleanChain(.or, .or, next: andTest) }

    private func andTest() throws -> Expr { try booleanChain(.and, .and, next: notTest) }

    private func booleanChain(_ keyword: Keyword, _ op: BooleanOperator, next: () throws -> Expr) throws -> Expr {
        let loc = peek().location
        var left = try next()
        var height = lastHeight
        while match(keyword) {
            let right = try next()
            height = try grow(max(height, lastHeight) + 1, at: loc)
            left = .boolean(op, left, right, loc)
        }
        lastHeight = height
        return left
    }

    private func notTest() throws -> Expr {
        guard check(.not) else { return try comparison() }
        let loc = advance().location
        try enter()
        defer { leave() }
        let operand = try notTest()
        lastHeight += 1
        return .unary(.not, operand, loc)
    }

    private func comparisonOperator() -> ComparisonOperator? {
        switch peek().kind {
        case .punct(.less): advance(); return .less
        case .punct(.greater): advance(); return .greater
        case .punct(.equalEqual): advance(); return .equal
        case .punct(.greaterEqual): advance(); return .greaterEqual
        case .punct(.lessEqual): advance(); return .lessEqual
        case .punct(.notEqual): advance(); return .notEqual
        case .keyword(.in): advance(); return .in
        case .keyword(.not) where peek(1).kind == .keyword(.in): advance(); advance(); return .notIn
        case .keyword(.is):
            advance()
            return match(.not) ? .isNot : .is
        default: return nil
        }
    }

    private func comparison() throws -> Expr {
        let loc = peek().location
        let first = try bitOr()
        var height = lastHeight
        var ops: [ComparisonOperator] = []
        var operands: [Expr] = []
        while let op = comparisonOperator() {
            ops.append(op)
            operands.append(try bitOr())
            height = max(height, lastHeight)
        }
        if ops.isEmpty { return first }
        lastHeight = height + 1
        return .compare(first, ops, operands, loc)
    }

    private func binaryChain(_ table: [Punctuation: BinaryOperator], next: () throws -> Expr) throws -> Expr {
        let loc = peek().location
        var left = try next()
        var height = lastHeight
        while case .punct(let p) = peek().kind, let op = table[p] {
            advance()
            let right = try next()
            height = try grow(max(height, lastHeight) + 1, at: loc)
            left = .binary(op, left, right, loc)
        }
        lastHeight = height
        return left
    }

    private func bitOr() throws -> Expr { try binaryChain([.pipe: .bitOr], next: bitXor) }

    private func bitXor() throws -> Expr { try binaryChain([.caret: .bitXor], next: bitAnd) }

    private func bitAnd() throws -> Expr { try binaryChain([.ampersand: .bitAnd], next: shift) }

    private func shift() throws -> Expr {
        try binaryChain([.leftShift: .leftShift, .rightShift: .rightShift], next: arithmetic)
    }

    private func arithmetic() throws -> Expr { try binaryChain([.plus: .add, .minus: .subtract], next: term) }

    private func term() throws -> Expr {
        try binaryChain([.star: .multiply, .slash: .divide, .doubleSlash: .floorDivide, .percent: .modulo,
                         .at: .matrixMultiply], next: factor)
    }

    /// Unary `-x`, `+x`, `~x`; binds looser than `**` on its right (`-2**2` is `-(2**2)`).
    private func factor() throws -> Expr {
        let op: UnaryOperator
        switch peek().kind {
        case .punct(.minus): op = .negate
        case .punct(.plus): op = .plus
        case .punct(.tilde): op = .invert
        default: return try power()
        }
        let loc = advance().location
        try enter()
        defer { leave() }
        let operand = try factor()
        lastHeight += 1
        return .unary(op, operand, loc)
    }

    /// `primary ** factor` (right-associative through `factor`).
    private func power() throws -> Expr {
        let loc = peek().location
        let base = try primary()
        guard match(.doubleStar) else { return base }
        let height = lastHeight
        try enter()
        defer { leave() }
        let exponent = try factor()
        lastHeight = try grow(max(height, lastHeight) + 1, at: loc)
        return .binary(.power, base, exponent, loc)
    }

    /// An atom followed by `.name`, `(args)` and `[index]` trailers.
    private func primary() throws -> Expr {
        let loc = peek().location
        var expr = try atom()
        var height = lastHeight
        while true {
            if match(.dot) {
                let (name, _) = try consumeName("invalid syntax")
                expr = .attribute(expr, name, loc)
            } else if match(.leftParen) {
                let arguments = try argumentList()
                height = max(height, lastHeight)
                expr = .call(expr, arguments, loc)
            } else if match(.leftBracket) {
                let index = try subscriptIndex()
                height = max(height, lastHeight)
                try consume(.punct(.rightBracket), "invalid syntax")
                expr = .subscript(expr, index: index, loc)
            } else {
                break
            }
            height = try grow(height + 1, at: loc)
        }
        lastHeight = height
        return expr
    }

    private func argumentList() throws -> [Argument] {
        var arguments: [Argument] = []
        var height = 1
        var sawKeyword = false, sawKeywordUnpack = false
        while !check(.rightParen) {
            let token = peek()
            if match(.star) {
                if sawKeywordUnpack {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at: token)
                }
                arguments.append(.unpack(try expression()))
            } else if match(.doubleStar) {
                sawKeywordUnpack = true
                arguments.append(.unpackKeywords(try expression()))
            } else if check(.name) && peek(1).kind == .punct(.equal) {
                let name = advance().text
                advance()
                sawKeyword = true
                if arguments.contains(where: { if case .keyword(name, _) = $0 { return true } else { return false } }) {
                    throw error("keyword argument repeated: \(name)", at: token)
                }
                arguments.append(.keyword(name, try expression()))
            } else {
                let yields = yieldCount
                let value = try namedExpression()
                if check(.equal) {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: token)
                }
                if check(.for) {
                    let comprehension = try comprehensionTail(.generator, element: value, yieldsBefore: yields, loc: token.location)
                    if !arguments.isEmpty || !check(.rightParen) {
                        throw SyntaxError("Generator expression must be parenthesized", at: token.location)
                    }
                    arguments.append(.positional(comprehension))
                } else {
                    if sawKeywordUnpack {
                        throw error("positional argument follows keyword argument unpacking", at: token)
                    }
                    if sawKeyword { throw error("positional argument follows keyword argument", at: token) }
                    arguments.append(.positional(value))
                }
            }
            height = max(height, lastHeight)
            if !match(.comma) { break }
        }
        try consume(.punct(.rightParen), "invalid syntax. Perhaps you forgot a comma?")
        lastHeight = height
        return arguments
    }

    /// The inside of `[...]`: one item, or a tuple of items (`x[i, j]`, `x[..., None, 1:]`).
    private func subscriptIndex() throws -> Expr {
        let loc = peek().location
        if check(.rightBracket) { throw invalidSyntax() }
        let first = try subscriptItem()
        var height = lastHeight
        guard check(.comma) else { return first }
        var items = [first]
        while match(.comma) {
            if check(.rightBracket) { break }
            items.append(try subscriptItem())
            height = max(height, lastHeight)
        }
        lastHeight = height + 1
        return .tuple(items, loc)
    }

    private func subscriptItem() throws -> Expr {
        let loc = peek().location
        var lower: Expr?, upper: Expr?, step: Expr?
        if !check(.colon) { lower = try expression() }
        guard match(.colon) else {
            if let lower = lower { return lower }
            throw invalidSyntax()
        }
        var height = lastHeight
        let boundary: () -> Bool = { [unowned self] in
            self.check(.colon) || self.check(.comma) || self.check(.rightBracket)
        }
        if !boundary() {
            upper = try expression()
            height = max(height, lastHeight)
        }
        if match(.colon) && !(check(.comma) || check(.rightBracket)) {
            step = try expression()
            height = max(height, lastHeight)
        }
        lastHeight = height + 1
        return .slice(lower: lower, upper: upper, step: step, loc)
    }

    /// `yieldsBefore`: `yieldCount` before the element was parsed.
    private func comprehensionTail(_ kind: ComprehensionKind, element: Expr, yieldsBefore: Int, loc: SourceLocation) throws -> Expr {
        var height = lastHeight
        var clauses: [ComprehensionClause] = []
        while match(.for) {
            let target = try targetList()
            try consume(.keyword(.in), "expected 'in'")
            let iterable = try orTest()
            height = max(height, lastHeight)
            var conditions: [Expr] = []
            while match(.if) {
                conditions.append(try orTest())
                height = max(height, lastHeight)
            }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        if yieldCount > yieldsBefore {
            let what = kind == .generator ? "generator expression" : "\(kind.rawValue) comprehension"
            throw SyntaxError("'yield' inside \(what)", at: lastYield)
        }
        lastHeight = height + 1
        return .comprehension(kind, element: element, clauses: clauses, loc)
    }

    // MARK: - Atoms

    private func atom() throws -> Expr {
        let token = peek()
        let loc = token.location
        let yields = yieldCount
        lastHeight = 1
        switch token.kind {
        case .name:
            advance()
            return .name(token.text, loc)
        case .int:
            advance()
            if case .bigInt(let digits)? = token.literal { return .bigInt(digits, loc) }
            if case .int(let v)? = token.literal { return .int(v, loc) }
            throw error("invalid decimal literal", at: token)
        case .float:
            advance()
            if case .float(let v)? = token.literal { return .float(v, loc) }
            throw error("invalid decimal literal", at: token)
        case .string, .fstring:
            return try strings()
        case .keyword(.True): advance(); return .bool(true, loc)
        case .keyword(.False): advance(); return .bool(false, loc)
        case .keyword(.None): advance(); return .none(loc)
        case .punct(.ellipsis): advance(); return .ellipsis(loc)
        case .punct(.leftParen):
            advance()
            if match(.rightParen) { return .tuple([], loc) }
            if check(.yield) {
                let y = try yieldExpression()
                try consume(.punct(.rightParen), "invalid syntax")
                return y
            }
            let first = try namedExpression()
            if check(.for) {
                let result = try comprehensionTail(.generator, element: first, yieldsBefore: yields, loc: loc)
                try consume(.punct(.rightParen), "invalid syntax")
                return result
            }
            if match(.rightParen) { return first }
            var items = [first]
            var height = lastHeight
            while match(.comma) {
                if check(.rightParen) { break }
                items.append(try namedExpression())
                height = max(height, lastHeight)
            }
            try consume(.punct(.rightParen), "invalid syntax. Perhaps you forgot a comma?")
            lastHeight = height + 1
            return .tuple(items, loc)
        case .punct(.leftBracket):
            advance()
            if match(.rightBracket) { return .list([], loc) }
            let first = try namedExpression()
            if check(.for) {
                let result = try comprehensionTail(.list, element: first, yieldsBefore: yields, loc: loc)
                try consume(.punct(.rightBracket), "invalid syntax")
                return result
            }
            var items = [first]
            var height = lastHeight
            while match(.comma) {
                if check(.rightBracket) { break }
                items.append(try namedExpression())
                height = max(height, lastHeight)
            }
            try consume(.punct(.rightBracket), "invalid syntax. Perhaps you forgot a comma?")
            lastHeight = height + 1
            return .list(items, loc)
        case .punct(.leftBrace):
            advance()
            var entries: [DictEntry] = []
            var height = 1
            while !check(.rightBrace) {
                if check(.doubleStar) { throw error("dict unpacking is not supported", at: peek()) }
                let key = try expression()
                height = max(height, lastHeight)
                if !check(.colon) {
                    guard entries.isEmpty, check(.for) || check(.comma) || check(.rightBrace) else {
                        throw SyntaxError("':' expected after dictionary key", at: peek().location)
                    }
                    if check(.for) {
                        let result = try comprehensionTail(.set, element: key, yieldsBefore: yields, loc: loc)
                        try consume(.punct(.rightBrace), "invalid syntax")
                        return result
                    }
                    var items = [key]
                    while match(.comma) {
                        if check(.rightBrace) { break }
                        items.append(try expression())
                        height = max(height, lastHeight)
                    }
                    try consume(.punct(.rightBrace), "invalid syntax. Perhaps you forgot a comma?")
                    lastHeight = height + 1
                    return .set(items, loc)
                }
                advance()
                let value = try expression()
                height = max(height, lastHeight)
                if check(.for) {
                    guard entries.isEmpty else { throw invalidSyntax() }
                    let result = try comprehensionTail(.dict, element: .tuple([key, value], key.location), yieldsBefore: yields, loc: loc)
                    try consume(.punct(.rightBrace), "invalid syntax")
                    return result
                }
                entries.append(DictEntry(key: key, value: value))
                if !match(.comma) { break }
            }
            try consume(.punct(.rightBrace), "invalid syntax. Perhaps you forgot a comma?")
            lastHeight = height + 1
            return .dict(entries, loc)
        case .punct(.star):
            // Checked later: targets by checkTarget, displays by the interpreter.
            advance()
            return .starred(try bitOr(), loc)
        case .keyword(.yield):
            // `yield` is legal only where the statement and assignment rules or `( … )` put it.
            throw invalidSyntax()
        case .keyword(.await):
            throw error("'\(token.text)' is not supported", at: token)
        default:
            throw invalidSyntax()
        }
    }

    /// CPython reports the mix one past the end of the literal that mixes.
    private func mixedLiterals(_ token: Token) -> SyntaxError {
        let end = SourceLocation(line: token.location.line, column: token.location.column + token.text.unicodeScalars.count)
        return SyntaxError("cannot mix bytes and nonbytes literals", at: end)
    }

    /// Adjacent string and f-string literals, concatenated.
    private func strings() throws -> Expr {
        let loc = peek().location
        var parts: [FStringPart] = []
        var isFString = false
        func appendLiteral(_ s: String) {
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + s)
            } else if !s.isEmpty {
                parts.append(.literal(s))
            }
        }
        var bytes: [UInt8]?
        var sawText = false
        while true {
            let token = peek()
            if case .bytes(let value)? = token.literal {
                if sawText { throw mixedLiterals(token) }
                bytes = (bytes ?? []) + value
            } else if bytes != nil, token.kind == .string || token.kind == .fstring {
                throw mixedLiterals(token)
            } else if case .string(let value)? = token.literal, token.kind == .string {
                sawText = true
                appendLiteral(value)
            } else if case .fstring(let body, let isRaw, let start)? = token.literal, token.kind == .fstring {
                isFString = true
                sawText = true
                let fparts = try parseFString(body: body, isRaw: isRaw, start: start, depth: depth)
                for part in fparts {
                    if case .literal(let s) = part { appendLiteral(s) } else { parts.append(part) }
                }
            } else {
                break
            }
            advance()
        }
        lastHeight = 2
        if let bytes { return .bytes(bytes, loc) }
        if !isFString {
            if case .literal(let s)? = parts.first { return .string(s, loc) }
            return .string("", loc)
        }
        return .fstring(parts, loc)
    }
}
