/// A position in source text: 1-based line and 1-based column counted in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a location at `line`, `column` (both 1-based).
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// Python keywords. Only some start supported statements; the rest are rejected by the parser.
public enum Keyword: String, CaseIterable, Sendable {
    case `False`, `None`, `True`, and, `as`, assert, async, await, `break`, `class`, `continue`
    case def, del, elif, `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`
    case lambda, nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield
}

/// Operators and delimiters; the raw value is the source spelling.
public enum Punctuation: String, CaseIterable, Sendable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", ellipsis = "...", arrow = "->"
    case plus = "+", minus = "-", star = "*", doubleStar = "**", slash = "/", doubleSlash = "//"
    case percent = "%", at = "@", ampersand = "&", pipe = "|", caret = "^", tilde = "~"
    case leftShift = "<<", rightShift = ">>"
    case less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">=", equalEqual = "==", notEqual = "!="
    case equal = "=", walrus = ":="
    case plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/=", doubleSlashEqual = "//="
    case percentEqual = "%=", doubleStarEqual = "**=", atEqual = "@=", ampersandEqual = "&="
    case pipeEqual = "|=", caretEqual = "^=", leftShiftEqual = "<<=", rightShiftEqual = ">>="
}

/// The kind of a token. Literal values travel in `Token.literal`.
public enum TokenKind: Hashable, Sendable, CustomStringConvertible {
    case name
    case int
    case float
    case string
    case fstring
    case keyword(Keyword)
    case punct(Punctuation)
    case newline
    case indent
    case dedent
    case endOfFile

    /// Short human-readable spelling used in tests and error messages.
    public var description: String {
        switch self {
        case .name: return "NAME"
        case .int: return "INT"
        case .float: return "FLOAT"
        case .string: return "STRING"
        case .fstring: return "FSTRING"
        case .keyword(let k): return k.rawValue
        case .punct(let p): return p.rawValue
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .endOfFile: return "EOF"
        }
    }
}

/// The decoded value of a literal token.
public enum TokenLiteral: Equatable, Sendable {
    /// An integer that fits in `Int`.
    case int(Int)
    /// An integer too large for `Int`: its source spelling without underscores (e.g. `0xFFFFFFFFFFFFFFFFFF`).
    case bigInt(String)
    /// A float literal.
    case float(Double)
    /// A string literal with escapes already decoded.
    case string(String)
    /// A bytes literal (`b'...'`, `rb'...'`) with escapes already decoded.
    case bytes([UInt8])
    /// An f-string's undecoded body (between the quotes), whether it is raw, and where the body starts.
    case fstring(body: String, isRaw: Bool, bodyStart: SourceLocation)
}

/// One token: its kind, source spelling, position, and literal value if any.
public struct Token: Equatable, Sendable, CustomStringConvertible {
    /// What sort of token this is.
    public var kind: TokenKind
    /// The exact source text (empty for INDENT, DEDENT, EOF and NEWLINE at end of input).
    public var text: String
    /// Where the token starts.
    public var location: SourceLocation
    /// Decoded value for number and string tokens.
    public var literal: TokenLiteral?

    /// Creates a token.
    public init(kind: TokenKind, text: String, location: SourceLocation, literal: TokenLiteral? = nil) {
        self.kind = kind
        self.text = text
        self.location = location
        self.literal = literal
    }

    /// `NAME(x)`, `INT(3)`, `+`, `NEWLINE`, …
    public var description: String {
        switch kind {
        case .name, .int, .float, .string, .fstring: return "\(kind)(\(text))"
        default: return kind.description
        }
    }
}
