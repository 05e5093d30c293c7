// The abstract syntax tree produced by `parse`.
//
// Node shapes:
// - `Stmt` and `Expr` are indirect enums. Every case's LAST associated value is the
//   `SourceLocation` (1-based line, column) where the node's source text starts: `a + b`
//   and `m.weight(x)` are located at `a` / `m`; a statement at its first token.
//   `expr.location` / `stmt.location` read it uniformly.
// - Blocks (suites) are `[Stmt]`. `elif` is an `.if` nested as the only statement of `orElse`.
// - Assignment targets are ordinary `Expr`s restricted to `.name`, `.attribute`, `.subscript`,
//   and `.tuple` / `.list` of targets; the parser rejects anything else.
// - A subscript holds ONE index expression: `x[i, j]` has index `.tuple([i, j])`,
//   `x[1:3]` has index `.slice`. `.slice` appears only inside subscripts.
// - Integer literals that do not fit in `Int` are `.bigInt(sourceSpelling)`.
// - F-strings are `.fstring([FStringPart])`: literal text and replacement fields
//   (expression, conversion `r`/`s`/`a`, format spec which is itself parts). `f"{x=}"` is
//   lowered to the literal `x=` followed by the field with conversion `r` (as Python does).
// - Adjacent string literals are already concatenated (`'a' 'b'` is `.string("ab")`).
// - `yield` / `yield from` are expressions (`x = yield y`), legal only in a function body; the
//   parser marks such a `def` as a generator.
// - `description` prints a compact S-expression, e.g. `(+ 1 (* 2 3))`, for tests and debugging.

/// Unary operators: `-x`, `+x`, `~x`, `not x`.
public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", invert = "~", not = "not"
}

/// Binary arithmetic and bitwise operators; the raw value is the Python spelling.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matrixMultiply = "@"
    case leftShift = "<<", rightShift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"
}

/// Short-circuit boolean operators.
public enum BooleanOperator: String, Sendable {
    case and, or
}

/// Comparison operators; the raw value is the Python spelling.
public enum ComparisonOperator: String, Sendable {
    case less = "<", greater = ">", equal = "==", greaterEqual = ">=", lessEqual = "<=", notEqual = "!="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// One call argument: `a`, `name=a`, `*a`, `**a`.
public enum Argument: Equatable, Sendable {
    case positional(Expr)
    case keyword(String, Expr)
    case unpack(Expr)
    case unpackKeywords(Expr)
}

/// How a function parameter binds arguments.
public enum ParameterKind: Equatable, Sendable {
    /// Plain `a` or `a=1`.
    case normal
    /// After a bare `*` or `*args`: keyword-only.
    case keywordOnly
    /// `*args`.
    case varPositional
    /// `**kwargs`.
    case varKeyword
}

/// A `def` or `lambda` parameter, with its annotation (`a: int`), kept for `__annotations__`.
public struct Parameter: Equatable, Sendable {
    public var name: String
    public var kind: ParameterKind
    public var defaultValue: Expr?
    public var annotation: Expr?
    public var location: SourceLocation

    /// Creates a parameter.
    public init(name: String, kind: ParameterKind, defaultValue: Expr?, annotation: Expr? = nil, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.annotation = annotation
        self.location = location
    }
}

/// What the parser knows of a `def` beyond its parameters and body.
public struct FunctionInfo: Equatable, Sendable {
    /// The body (not a nested def, class or lambda) contains `yield`: a call makes a generator.
    public var isGenerator: Bool
    /// The names the body binds (assignment, `for`, `with … as`, `except … as`, `import`, `def`,
    /// `class`, `del`, `:=`), parameters included and `global`/`nonlocal` ones excluded: CPython's
    /// local variables, so reading one before it is bound is `UnboundLocalError`.
    public var localNames: Set<String>
    /// `-> annotation`.
    public var returnAnnotation: Expr?

    public init(isGenerator: Bool, localNames: Set<String>, returnAnnotation: Expr?) {
        self.isGenerator = isGenerator
        self.localNames = localNames
        self.returnAnnotation = returnAnnotation
    }
}

/// One `key: value` entry of a dict display.
public struct DictEntry: Equatable, Sendable {
    public var key: Expr
    public var value: Expr

    /// Creates an entry.
    public init(key: Expr, value: Expr) {
        self.key = key
        self.value = value
    }
}

/// One `for target in iterable if c1 if c2` clause of a comprehension.
public struct ComprehensionClause: Equatable, Sendable {
    public var target: Expr
    public var iterable: Expr
    public var conditions: [Expr]

    /// Creates a clause.
    public init(target: Expr, iterable: Expr, conditions: [Expr]) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
    }
}

/// Which comprehension: `[x for …]`, `(x for …)` or `{k: v for …}` (whose element is the tuple `(k, v)`).
public enum ComprehensionKind: String, Sendable {
    case list, generator, dict, set
}

/// A replacement field `{expr!conversion:spec}` of an f-string.
public struct FormattedValue: Equatable, Sendable {
    public var expression: Expr
    /// `r`, `s` or `a`, or nil.
    public var conversion: Character?
    /// The format spec; empty when absent. May contain nested fields (`{x:{width}}`).
    public var formatSpec: [FStringPart]

    /// Creates a field.
    public init(expression: Expr, conversion: Character?, formatSpec: [FStringPart]) {
        self.expression = expression
        self.conversion = conversion
        self.formatSpec = formatSpec
    }
}

/// A piece of an f-string: literal text or a replacement field.
public enum FStringPart: Equatable, Sendable {
    case literal(String)
    case field(FormattedValue)
}

/// An import clause: `a.b.c as d` (module path for `import`) or `Conv2d as C` (for `from`).
public struct ImportName: Equatable, Sendable {
    /// Dotted name, e.g. `torch.nn.functional`, or a single name for `from … import`; `*` for star import.
    public var name: String
    /// The `as` alias, if any.
    public var alias: String?
    public var location: SourceLocation

    /// Creates an import clause.
    public init(name: String, alias: String?, location: SourceLocation) {
        self.name = name
        self.alias = alias
        self.location = location
    }
}

/// One `except T as name: body` clause of a `try` (`type` nil for a bare `except:`).
public struct ExceptHandler: Equatable, Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var location: SourceLocation

    /// Creates a handler.
    public init(type: Expr?, name: String?, body: [Stmt], location: SourceLocation) {
        self.type = type
        self.name = name
        self.body = body
        self.location = location
    }
}

/// An expression. The last associated value is always the node's location.
public indirect enum Expr: Equatable, Sendable {
    case name(String, SourceLocation)
    case int(Int, SourceLocation)
    /// An integer literal too big for `Int`: source spelling without underscores.
    case bigInt(String, SourceLocation)
    case float(Double, SourceLocation)
    case string(String, SourceLocation)
    /// A bytes literal (adjacent ones concatenated).
    case bytes([UInt8], SourceLocation)
    case fstring([FStringPart], SourceLocation)
    case bool(Bool, SourceLocation)
    case none(SourceLocation)
    case ellipsis(SourceLocation)
    case tuple([Expr], SourceLocation)
    case list([Expr], SourceLocation)
    case dict([DictEntry], SourceLocation)
    /// `{a, b}` (a set display; `{}` is an empty dict).
    case set([Expr], SourceLocation)
    case comprehension(ComprehensionKind, element: Expr, clauses: [ComprehensionClause], SourceLocation)
    case unary(UnaryOperator, Expr, SourceLocation)
    case binary(BinaryOperator, Expr, Expr, SourceLocation)
    /// `a and b`, `a or b` (short-circuit).
    case boolean(BooleanOperator, Expr, Expr, SourceLocation)
    /// Chained comparison `a < b <= c`: first operand, then (operator, operand) pairs.
    case compare(Expr, [ComparisonOperator], [Expr], SourceLocation)
    /// `then if condition else orElse`.
    case conditional(then: Expr, condition: Expr, orElse: Expr, SourceLocation)
    case lambda([Parameter], body: Expr, SourceLocation)
    case attribute(Expr, String, SourceLocation)
    case call(Expr, [Argument], SourceLocation)
    case `subscript`(Expr, index: Expr, SourceLocation)
    /// `lower:upper:step` inside a subscript.
    case slice(lower: Expr?, upper: Expr?, step: Expr?, SourceLocation)
    /// `*x`: only inside a tuple/list display or an assignment target list (`first, *rest = xs`).
    case starred(Expr, SourceLocation)
    /// `yield value` (value nil for a bare `yield`); only inside a function body.
    case yield(Expr?, SourceLocation)
    /// `yield from iterable`.
    case yieldFrom(Expr, SourceLocation)
    /// `name := value` (an assignment expression).
    case walrus(String, Expr, SourceLocation)

    /// Where the expression's source text starts.
    public var location: SourceLocation {
        switch self {
        case .name(_, let l), .int(_, let l), .bigInt(_, let l), .float(_, let l), .string(_, let l), .bytes(_, let l),
             .fstring(_, let l), .bool(_, let l), .none(let l), .ellipsis(let l), .tuple(_, let l),
             .list(_, let l), .dict(_, let l), .set(_, let l), .comprehension(_, _, _, let l), .unary(_, _, let l),
             .binary(_, _, _, let l), .boolean(_, _, _, let l), .compare(_, _, _, let l),
             .conditional(_, _, _, let l), .lambda(_, _, let l), .attribute(_, _, let l),
             .call(_, _, let l), .subscript(_, _, let l), .slice(_, _, _, let l), .starred(_, let l),
             .yield(_, let l), .yieldFrom(_, let l), .walrus(_, _, let l):
            return l
        }
    }
}

/// A statement. The last associated value is always the statement's location (its first token).
public indirect enum Stmt: Equatable, Sendable {
    case expression(Expr, SourceLocation)
    /// `t1 = t2 = value`: targets left to right.
    case assign(targets: [Expr], value: Expr, SourceLocation)
    /// `target op= value`.
    case augmentedAssign(target: Expr, BinaryOperator, value: Expr, SourceLocation)
    /// `import a.b as c, d`.
    case `import`([ImportName], SourceLocation)
    /// `from module import a, b as c` (module is dotted, may start with dots for relative imports).
    case fromImport(module: String, names: [ImportName], SourceLocation)
    /// `if condition: body else: orElse` (`elif` is a nested `.if` in `orElse`).
    case `if`(condition: Expr, body: [Stmt], orElse: [Stmt], SourceLocation)
    case `while`(condition: Expr, body: [Stmt], orElse: [Stmt], SourceLocation)
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt], SourceLocation)
    case `break`(SourceLocation)
    case `continue`(SourceLocation)
    case pass(SourceLocation)
    case del([Expr], SourceLocation)
    case `return`(Expr?, SourceLocation)
    /// `def name(parameters) -> returns: body`; `info` says whether it is a generator and which
    /// names are its locals.
    case functionDef(name: String, parameters: [Parameter], body: [Stmt], info: FunctionInfo, SourceLocation)
    case assert(Expr, message: Expr?, SourceLocation)
    /// `with context as target: body`; `with a, b:` nests one `.with` per item.
    case with(context: Expr, target: Expr?, body: [Stmt], SourceLocation)
    /// `class Name(bases, keyword=…): body`.
    case classDef(name: String, bases: [Argument], body: [Stmt], SourceLocation)
    /// `@d1 @d2 def/class …`: the decorators top to bottom and the definition they wrap.
    case decorated([Expr], Stmt, SourceLocation)
    /// `try: body except …: … else: orElse finally: finally`.
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt], SourceLocation)
    /// `raise`, `raise exc`, `raise exc from cause`.
    case raise(Expr?, cause: Expr?, SourceLocation)
    case global([String], SourceLocation)
    case nonlocal([String], SourceLocation)
    /// `target: annotation = value` (value optional).
    case annotated(target: Expr, annotation: Expr, value: Expr?, SourceLocation)

    /// Where the statement starts.
    public var location: SourceLocation {
        switch self {
        case .expression(_, let l), .assign(_, _, let l), .augmentedAssign(_, _, _, let l), .import(_, let l),
             .fromImport(_, _, let l), .if(_, _, _, let l), .while(_, _, _, let l), .for(_, _, _, _, let l),
             .break(let l), .continue(let l), .pass(let l), .del(_, let l), .return(_, let l),
             .functionDef(_, _, _, _, let l), .assert(_, _, let l), .with(_, _, _, let l),
             .classDef(_, _, _, let l), .decorated(_, _, let l), .try(_, _, _, _, let l), .raise(_, _, let l),
             .global(_, let l), .nonlocal(_, let l), .annotated(_, _, _, let l):
            return l
        }
    }
}

extension Expr {
    /// What CPython 3.11's AST optimiser turns into one constant: literals, `-1`, `2 * 3`, tuples of
    /// constants. Set displays of three or more of these compile differently (see `PySet.constantDisplay`).
    public var isConstant: Bool {
        switch self {
        case .int, .bigInt, .float, .string, .bytes, .bool, .none, .ellipsis: return true
        case .unary(_, let operand, _): return operand.isConstant
        case .binary(_, let lhs, let rhs, _): return lhs.isConstant && rhs.isConstant
        case .tuple(let items, _): return items.allSatisfy(\.isConstant)
        default: return false
        }
    }
}

extension Expr {
    var isName: Bool { if case .name = self { return true }; return false }
}
