import Testing
@testable import Syntax

@Suite struct LexerTests {
    @Test func simpleAssignment() throws {
        #expect(try tokenString("x = 1") == "NAME(x) = INT(1) NEWLINE EOF")
    }

    @Test func indentAndDedent() throws {
        let source = "for i in x:\n    if i:\n        print(i)\n\n    # comment\nprint(1)\n"
        #expect(try tokenString(source) == """
            for NAME(i) in NAME(x) : NEWLINE INDENT if NAME(i) : NEWLINE INDENT NAME(print) ( NAME(i) ) NEWLINE \
            DEDENT DEDENT NAME(print) ( INT(1) ) NEWLINE EOF
            """)
    }

    @Test func dedentsAtEndOfInput() throws {
        #expect(try tokenString("if a:\n  if b:\n    c") ==
            "if NAME(a) : NEWLINE INDENT if NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT EOF")
    }

    @Test func tabsIndentToMultiplesOfEight() throws {
        #expect(try tokenString("if a:\n\tb\n\tc\n") == "if NAME(a) : NEWLINE INDENT NAME(b) NEWLINE NAME(c) NEWLINE DEDENT EOF")
    }

    @Test func implicitJoiningAndBackslash() throws {
        #expect(try tokenString("f(1,\n  2)\nx = 1 + \\\n  2") ==
            "NAME(f) ( INT(1) , INT(2) ) NEWLINE NAME(x) = INT(1) + INT(2) NEWLINE EOF")
    }

    @Test func crlfNewlines() throws {
        #expect(try tokenString("a\r\nb\rc") == "NAME(a) NEWLINE NAME(b) NEWLINE NAME(c) NEWLINE EOF")
    }

    @Test func operatorsLongestMatch() throws {
        #expect(try tokenString("a **= b // c ... -> != <<= @ :=") ==
            "NAME(a) **= NAME(b) // NAME(c) ... -> != <<= @ := NEWLINE EOF")
    }

    @Test func keywordsAndNames() throws {
        let tokens = try tokenize("not_a if None élan")
        #expect(tokens.map { $0.kind } == [.name, .keyword(.if), .keyword(.None), .name, .newline, .endOfFile])
    }

    @Test(arguments: [
        ("42", TokenLiteral.int(42)), ("1_000", .int(1000)), ("0x1F", .int(31)), ("0o17", .int(15)),
        ("0b101", .int(5)), ("0", .int(0)), ("00", .int(0)), ("0x_ff", .int(255)),
        ("1.", .float(1.0)), (".5", .float(0.5)), ("1e-3", .float(0.001)), ("2.5E+4", .float(25000)),
        ("1_0.5_0", .float(10.5)), ("9223372036854775807", .int(Int.max)),
        ("9223372036854775808", .bigInt("9223372036854775808")),
        ("0xFFFF_FFFF_FFFF_FFFF_FF", .bigInt("0xFFFFFFFFFFFFFFFFFF")),
    ])
    func numbers(source: String, expected: TokenLiteral) throws {
        let tokens = try tokenize(source)
        #expect(tokens.first?.literal == expected)
        #expect(tokens.count == 3)
    }

    @Test(arguments: [
        (#"'a\nb'"#, "a\nb"), (#""tab\there""#, "tab\there"), (#"'\\'"#, "\\"), (#"'it\'s'"#, "it's"),
        (#""\"q\"""#, "\"q\""), (#"'\x41\u00e9\U0001F600'"#, "Aé😀"), (#"'\101'"#, "A"),
        (#"r'\n\d'"#, "\\n\\d"), (#"'\d'"#, "\\d"), ("'''a\n'b'\n'''", "a\n'b'\n"),
        (#""""x""""#, "x"), (#"'\N{DEGREE SIGN}'"#, "°"), (#"'\N{greek small letter alpha}'"#, "α"),
        ("'line\\\ncontinued'", "linecontinued"), (#"u'plain'"#, "plain"),
    ])
    func strings(source: String, expected: String) throws {
        let tokens = try tokenize(source)
        #expect(tokens.first?.kind == .string)
        #expect(tokens.first?.literal == .string(expected))
    }

    @Test func fstringTokenKeepsRawBody() throws {
        let tokens = try tokenize("x = f'{a:.4f}'")
        #expect(tokens.map { $0.kind } == [.name, .punct(.equal), .fstring, .newline, .endOfFile])
        #expect(tokens[2].literal == .fstring(body: "{a:.4f}", isRaw: false, bodyStart: SourceLocation(line: 1, column: 7)))
    }

    @Test func locationsAreOneBasedScalarColumns() throws {
        let tokens = try tokenize("é = 1\n  # c\nfoo(bar)")
        #expect(tokens[0].location == SourceLocation(line: 1, column: 1))
        #expect(tokens[1].location == SourceLocation(line: 1, column: 3))
        #expect(tokens[4].location == SourceLocation(line: 3, column: 1))
        #expect(tokens[6].location == SourceLocation(line: 3, column: 5))
    }

    @Test func tokenLocationsAfterTripleQuotedString() throws {
        let tokens = try tokenize("s = '''a\nbc''' + x")
        #expect(tokens.last(where: { $0.kind == .name })?.location == SourceLocation(line: 2, column: 9))
    }

    @Test func commentsAndBlankLinesProduceNothing() throws {
        #expect(try tokenString("\n\n# only a comment\n   \n") == "EOF")
    }
}
