import Testing
@testable import Syntax

@Suite struct HostileInputTests {
    @Test func tenThousandNestedBracketsThrow() {
        for bracket in ["(", "[", "{"] {
            let error = syntaxError("x = " + String(repeating: bracket, count: 10_000))
            #expect(error?.message == "too many nested parentheses")
            #expect(error?.column == 205)
        }
        let balanced = String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000)
        #expect(syntaxError(balanced)?.message == "too many nested parentheses")
    }

    @Test func longUnaryAndPowerChainsThrowInsteadOfOverflowing() {
        #expect(syntaxError(String(repeating: "-", count: 10_000) + "1")?.message == "too many nested expressions")
        #expect(syntaxError(String(repeating: "not ", count: 10_000) + "x")?.message == "too many nested expressions")
        #expect(syntaxError(Array(repeating: "2", count: 10_000).joined(separator: "**")) != nil)
        #expect(syntaxError(String(repeating: "lambda: ", count: 10_000) + "0") != nil)
    }

    @Test func longLeftChainsAreBounded() {
        let sum = Array(repeating: "1", count: 100_000).joined(separator: "+")
        #expect(syntaxError(sum)?.message == "expression too long or too deeply nested")
        let attributes = "a" + String(repeating: ".b", count: 100_000)
        #expect(syntaxError(attributes)?.message == "expression too long or too deeply nested")
    }

    @Test func nulBytesThrow() {
        #expect(syntaxError("x = 1\0")?.message == "source code cannot contain null bytes")
        #expect(syntaxError("s = 'a\0b'")?.message == "source code cannot contain null bytes")
        #expect(syntaxError("# \0")?.message == "source code cannot contain null bytes")
    }

    @Test func invalidUTF8Throws() {
        let bytes: [UInt8] = [0x78, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x31]
        let error = syntaxError(String(decoding: bytes, as: UTF8.self))
        #expect(error?.message == "invalid character '\u{FFFD}' (U+FFFD)")
        #expect(error?.column == 5)
    }

    @Test func veryLongLinesParse() throws {
        let long = "x = [" + Array(repeating: "1", count: 50_000).joined(separator: ", ") + "]"
        let statements = try parse(long)
        guard case .assign(_, .list(let items, _), _)? = statements.first else {
            Issue.record("expected a list assignment")
            return
        }
        #expect(items.count == 50_000)
        #expect(try parse("s = '" + String(repeating: "a", count: 200_000) + "'").count == 1)
    }

    @Test func tooManyIndentLevelsThrow() {
        var source = ""
        for level in 0..<150 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 150) + "pass\n"
        #expect(syntaxError(source)?.message == "too many levels of indentation")
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("()[]{}:;,.'\"\\#\n\t =+-*/%@<>!~&|^0123456789abcxyzfr_ if else for in lambda not".utf8)
        var thrown = 0
        for round in 0..<3_000 {
            let length = Int(generator.next() % 64)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                let r = generator.next()
                bytes.append(round % 2 == 0 ? UInt8(truncatingIfNeeded: r) : alphabet[Int(r % UInt64(alphabet.count))])
            }
            let source = String(decoding: bytes, as: UTF8.self)
            if syntaxError(source) != nil { thrown += 1 }
            _ = inputCompleteness(source)
        }
        #expect(thrown > 1_000)
    }
}

/// Small deterministic PRNG so the fuzz test is reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
