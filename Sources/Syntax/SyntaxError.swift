/// A syntax error: what went wrong and where. The interpreter renders it (caret under `column`).
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Python-style message, e.g. `invalid syntax`, `'(' was never closed`.
    public var message: String
    /// Where the error was detected (1-based line and column).
    public var location: SourceLocation
    /// File name given to `parse` (`<stdin>` by default).
    public var file: String
    /// The text of the offending source line, without its newline, when known.
    public var sourceLine: String?
    /// True when more input could fix the error (open bracket, open block, triple-quoted string).
    public var isUnexpectedEOF: Bool

    /// Creates an error.
    public init(_ message: String, at location: SourceLocation, file: String = "<stdin>",
                sourceLine: String? = nil, isUnexpectedEOF: Bool = false) {
        self.message = message
        self.location = location
        self.file = file
        self.sourceLine = sourceLine
        self.isUnexpectedEOF = isUnexpectedEOF
    }

    /// 1-based line of the error.
    public var line: Int { location.line }
    /// 1-based column of the error.
    public var column: Int { location.column }

    /// `file:line:column: SyntaxError: message`.
    public var description: String { "\(file):\(line):\(column): SyntaxError: \(message)" }
}
