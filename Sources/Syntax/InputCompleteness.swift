/// What the REPL should do with the text typed so far.
public enum InputCompleteness: Equatable, Sendable {
    /// Run it (it parses, or it is blank).
    case complete
    /// Show the continuation prompt and read another line.
    case incomplete
    /// Run it anyway so the syntax error is reported.
    case invalid
}

/// Decides whether `source` (lines joined by `\n`) is ready to run, needs more lines, or is an error.
///
/// Incomplete while brackets are open, after a trailing backslash, inside a triple-quoted string,
/// and after a compound statement (`if`, `for`, `while`, `def`, …) until an empty line is entered.
public func inputCompleteness(_ source: String) -> InputCompleteness {
    let tokens: [Token]
    do {
        tokens = try tokenize(source)
    } catch let error as SyntaxError {
        return error.isUnexpectedEOF ? .incomplete : .invalid
    } catch {
        return .invalid
    }
    if tokens.allSatisfy({ $0.kind == .endOfFile }) { return .complete }

    let compoundKeywords: Set<Keyword> = [.if, .while, .for, .def, .class, .try, .with, .async, .elif, .else, .except, .finally]
    var startsCompound = false
    var atLineStart = true
    var level = 0
    for token in tokens {
        switch token.kind {
        case .indent: level += 1; continue
        case .dedent: level -= 1; continue
        case .newline: atLineStart = true; continue
        default: break
        }
        if atLineStart && level == 0 {
            if case .keyword(let k) = token.kind, compoundKeywords.contains(k) { startsCompound = true }
            if token.kind == .punct(.at) { startsCompound = true }
        }
        atLineStart = false
    }

    var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    let endsWithBlankLine = lines.count >= 2
        && (lines.last?.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } ?? false)

    do {
        _ = try parse(source)
        return startsCompound && !endsWithBlankLine ? .incomplete : .complete
    } catch let error as SyntaxError {
        return error.isUnexpectedEOF && !endsWithBlankLine ? .incomplete : .invalid
    } catch {
        return .invalid
    }
}
