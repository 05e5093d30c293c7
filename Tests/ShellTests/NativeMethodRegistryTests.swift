import Foundation
import Testing
@testable import Shell

/// The method registry (`Objects/NativeMethod.swift`): every declared method is reachable, listed,
/// completable, documented and callable, so a table cannot drift from what the objects answer.
struct NativeMethodRegistryTests {
    func session(_ setup: String) -> Session {
        let s = Session(write: { _ in }, writeError: { _ in })
        #expect(s.run(setup) == .ok)
        return s
    }

    /// Each table with a variable holding an instance of its type.
    static let samples: [(NativeMethodTable, String)] = [
        (StrMethods.table, "s"), (IntMethods.table, "n"), (IntMethods.table, "big"),
        (BytesMethods.bytes, "b"), (BytesMethods.bytearray, "ba"), (BinaryFile.methods, "bf"),
        (RegexMethods.pattern, "rp"), (RegexMethods.match, "rm"),
    ]

    @Test func everyDeclarationIsWellFormedAndDocumented() {
        for (table, _) in Self.samples {
            #expect(!table.all.isEmpty)
            for m in table.all {
                #expect(m.signature.isWellFormed, "\(table.owner).\(m.name)\(m.signature.text) does not parse")
                #expect(!m.doc.isEmpty, "\(table.owner).\(m.name) has no documentation")
            }
        }
    }

    @Test func everyMethodIsReachableListedAndCompletable() throws {
        let s = session("s = 'abc'\nn = 5\nbig = 2**100\nb = b'ab'\nba = bytearray(b'ab')\nbf = open('/dev/null', 'rb')\nimport re\nrp = re.compile('(a)(?P<n>b)?')\nrm = rp.match('ab')\n")
        let interp = s.interpreter
        for (table, variable) in Self.samples {
            guard let value = interp.globals[variable] else { Issue.record("\(variable) missing"); continue }
            let listed = Set(interp.memberNames(value))
            for m in table.all {
                let attribute = try interp.getAttribute(value, m.name)
                guard case .builtin(let b) = attribute else {
                    Issue.record("\(variable).\(m.name) is not a builtin method: \(attribute.repr)"); continue
                }
                #expect(b.native?.name == m.name)
                #expect(listed.contains(m.name), "dir(\(variable)) lacks \(m.name)")
                #expect(interp.completionCandidates("\(variable).\(m.name)").contains(m.name))
                let help = interp.helpText(for: attribute)
                #expect(help.hasPrefix(m.name + m.signature.text), "help(\(variable).\(m.name)) is \(help)")
            }
        }
    }

    /// Called with no arguments, every method either answers or raises a Python TypeError from its
    /// own binding; nothing traps.
    @Test func everyMethodIsCallable() throws {
        let s = session("s = 'abc'\nn = 5\nbig = 2**100\nb = b'ab'\nba = bytearray(b'ab')\nbf = open('/dev/null', 'rb')\nimport re\nrp = re.compile('(a)(?P<n>b)?')\nrm = rp.match('ab')\n")
        let interp = s.interpreter
        for (table, variable) in Self.samples {
            guard let value = interp.globals[variable] else { continue }
            for m in table.all {
                let method = try interp.getAttribute(value, m.name)
                do {
                    _ = try interp.call(method, Arguments())
                } catch let e as PythonError {
                    // A binding error names the method; anything else is the method's own Python
                    // exception (`(2**100).to_bytes()` is an OverflowError).
                    #expect(PyType.exceptions[e.kind] != nil, "\(variable).\(m.name)(): \(e.kind) is not a Python exception")
                    if e.kind == "TypeError" { #expect(e.message.contains(m.name), "\(variable).\(m.name)(): \(e.message)") }
                }
            }
        }
    }

    /// The three argument parsers' wordings, from one signature each (CPython 3.11's messages).
    @Test func bindingSpeaksEachParsersLanguage() {
        func message(_ signature: String, _ args: Arguments, parser: NativeMethod.Parser = .clinic) -> String? {
            do {
                _ = try Signature(signature).bind(args, function: "f", owner: "T", parser: parser)
                return nil
            } catch let e as PythonError { return e.message } catch { return "\(error)" }
        }
        #expect(message("()", Arguments([.int(1)])) == "T.f() takes no arguments (1 given)")
        #expect(message("(x, /)", Arguments([])) == "T.f() takes exactly one argument (0 given)")
        #expect(message("(a, b=None, /)", Arguments([])) == "f expected at least 1 argument, got 0")
        #expect(message("(a, b=None, /)", Arguments([.int(1), .int(2), .int(3)]), parser: .parseTuple) == "f() takes at most 2 arguments (3 given)")
        #expect(message("(sep=None, maxsplit=-1)", Arguments([.int(1), .int(2), .int(3)])) == "f() takes at most 2 arguments (3 given)")
        #expect(message("(sep=None)", Arguments([], [("x", .int(1))])) == "'x' is an invalid keyword argument for f()")
        #expect(message("(a, /, b=1)", Arguments([])) == "f() takes at least 1 positional argument (0 given)")
        #expect(message("(a, *, k=1)", Arguments([.int(1), .int(2)])) == "f() takes exactly 1 positional argument (2 given)")
        #expect(message("(a, b)", Arguments([.int(1)], [("a", .int(2))])) == "argument for f() given by name ('a') and position (1)")
        #expect(message("(a, b)", Arguments([.int(1)])) == "f() missing required argument 'b' (pos 2)")
        #expect(!Signature("(a, b=<unreadable>)").isWellFormed)
    }
}
