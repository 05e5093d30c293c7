import Testing
@testable import Syntax

@Suite struct CompletenessTests {
    @Test(arguments: [
        ("x = 1", InputCompleteness.complete),
        ("", .complete),
        ("# just a comment", .complete),
        ("print(1,", .incomplete),
        ("x = [1,\n 2,", .incomplete),
        ("x = [1,\n 2]", .complete),
        ("x = {'a':", .incomplete),
        ("x = 1 + \\", .incomplete),
        ("s = '''hello", .incomplete),
        ("s = '''hello\nworld'''", .complete),
        ("if x:", .incomplete),
        ("if x:\n    y = 1", .incomplete),
        ("if x:\n    y = 1\n", .incomplete),
        ("if x:\n    y = 1\n\n", .complete),
        ("if x:\n    y = 1\nelse:", .incomplete),
        ("for i in range(3): print(i)", .incomplete),
        ("for i in range(3): print(i)\n\n", .complete),
        ("def f(x):\n    return x\n", .incomplete),
        ("def f(x):\n    return x\n\n", .complete),
        ("x = )", .invalid),
        ("s = 'abc", .invalid),
        ("x = 1 +", .invalid),
        ("if x:\n\n", .invalid),
        ("if x:\n    1 +", .invalid),
        ("x = (1,\n\n", .incomplete),
    ])
    func completeness(source: String, expected: InputCompleteness) {
        #expect(inputCompleteness(source) == expected)
    }
}
