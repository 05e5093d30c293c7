import Testing
@testable import Syntax

@Suite struct ErrorTests {
    @Test(arguments: [
        ("x = (1, 2", "'(' was never closed", 1, 5),
        ("x = 1)", "unmatched ')'", 1, 6),
        ("f(1]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 4),
        ("s = 'abc", "unterminated string literal (detected at line 1)", 1, 5),
        ("a = 1\ns = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 4)", 2, 5),
        ("x = 1 +", "invalid syntax", 1, 8),
        ("1 = x", "cannot assign to literal", 1, 1),
        ("f(x) = 1", "cannot assign to function call", 1, 1),
        ("a, f() = 1, 2", "cannot assign to function call", 1, 4),
        ("f(x) += 1", "'function call' is an illegal expression for augmented assignment", 1, 1),
        ("if x:\nprint(1)", "expected an indented block after 'if' statement on line 1", 2, 1),
        ("  x = 1", "unexpected indent", 1, 3),
        ("if x:\n    a\n  b", "unindent does not match any outer indentation level", 3, 3),
        ("if x:\n        a\n\tb", "inconsistent use of tabs and spaces in indentation", 3, 2),
        ("x = 1 \\ y", "unexpected character after line continuation character", 1, 7),
        ("x = 0123", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
        ("x = 1_", "invalid decimal literal", 1, 5),
        ("x = 12abc", "invalid decimal literal", 1, 5),
        ("x = 0x", "invalid hexadecimal literal", 1, 5),
        ("x = 3j", "imaginary literals are not supported", 1, 5),
        ("x = €", "invalid character '€' (U+20AC)", 1, 5),
        ("x = b'é'", "bytes can only contain ASCII literal characters", 1, 5),
        ("x = b'a' 'b'", "cannot mix bytes and nonbytes literals", 1, 13),
        ("y = '\\x4'", "(unicode error) truncated \\xXX escape", 1, 6),
        ("f'{}'", "f-string: empty expression not allowed", 1, 3),
        ("f'{x'", "f-string: expecting '}'", 1, 3),
        ("f'a}'", "f-string: single '}' is not allowed", 1, 4),
        ("f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 6),
        ("f'{1 +}'", "invalid syntax", 1, 7),
        ("f(a=1, 2)", "positional argument follows keyword argument", 1, 8),
        ("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
        ("def f(a=1, b): pass", "parameter without a default follows parameter with a default", 1, 12),
        ("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10),
        ("yield 1", "'yield' outside function", 1, 1),
        ("class C:\n  x = yield", "'yield' outside function", 2, 7),
        ("def f():\n  return [(yield x) for x in y]", "'yield' inside list comprehension", 2, 12),
        ("def f():\n  return ((yield x) for x in y)", "'yield' inside generator expression", 2, 12),
        ("def f():\n  g({(yield k): 1 for k in y})", "'yield' inside dict comprehension", 2, 7),
        ("def f():\n  x = yield = 3", "assignment to yield expression not possible", 2, 7),
        ("def f():\n  x = 1 + yield 2", "invalid syntax", 2, 11),
        ("def f():\n  yield from", "invalid syntax", 2, 13),
        ("x = {**d}", "dict unpacking is not supported", 1, 6),
        ("for 1 in x: pass", "cannot assign to literal", 1, 5),
        ("del f()", "cannot delete function call", 1, 5),
        ("x = 1 2", "invalid syntax", 1, 7),
        ("print(1\n", "'(' was never closed", 1, 6),
        ("x[]", "invalid syntax", 1, 3),
    ])
    func errorsCarryMessageAndPosition(source: String, message: String, line: Int, column: Int) {
        let error = syntaxError(source)
        #expect(error?.message == message)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test func errorCarriesFileAndSourceLine() {
        do {
            _ = try parse("a = 1\nb = (2 +\n 3))\n", file: "demo.py")
            Issue.record("expected an error")
        } catch let error as SyntaxError {
            #expect(error.file == "demo.py")
            #expect(error.sourceLine == " 3))")
            #expect(error.location == SourceLocation(line: 3, column: 4))
            #expect(error.description == "demo.py:3:4: SyntaxError: unmatched ')'")
        } catch {
            Issue.record("wrong error type \(error)")
        }
    }
}
