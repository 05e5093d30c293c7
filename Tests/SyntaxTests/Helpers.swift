import Testing
@testable import Syntax

/// Parses `source` and prints its statements as S-expressions, one per line.
func sexpr(_ source: String) throws -> String {
    try parse(source).map { $0.description }.joined(separator: "\n")
}

/// Token descriptions of `source`, e.g. `NAME(x) = INT(1) NEWLINE EOF`.
func tokenString(_ source: String) throws -> String {
    try tokenize(source).map { $0.description }.joined(separator: " ")
}

/// The SyntaxError thrown by parsing `source`, or nil if it parsed.
func syntaxError(_ source: String) -> SyntaxError? {
    do {
        _ = try parse(source)
        return nil
    } catch let error as SyntaxError {
        return error
    } catch {
        return SyntaxError("non-SyntaxError thrown: \(error)", at: SourceLocation(line: 0, column: 0))
    }
}
