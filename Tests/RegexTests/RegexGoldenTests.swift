import Foundation
import Testing
@testable import Regex

/// Every case of `scripts/golden/make_regex_golden.py`, whose expected results real CPython 3.11's
/// `re` produced: compile errors (kind, message, position), group counts and names, the final
/// flags, and the spans of every finditer/match/fullmatch/search(pos)/search(endpos) result.
@Suite struct RegexGoldenTests {
    struct Golden: Decodable {
        let cases: [Case]
        let templates: [TemplateCase]
    }
    struct ErrorInfo: Decodable {
        let type: String
        let msg: String?
        let pos: Int?
        let str: String
    }
    struct Case: Decodable {
        let pattern: [UInt32]
        let bytes: Bool
        let flags: Int
        let error: ErrorInfo?
        let groups: Int?
        let groupindex: [[Entry]]?
        let final_flags: Int?
        let subjects: [Subject]?
    }
    enum Entry: Decodable {
        case name(String), index(Int)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .index(i) } else { self = .name(try c.decode(String.self)) }
        }
    }
    struct Subject: Decodable {
        let subject: [UInt32]
        let finditer: [[[Int]]?]
        let match: [[Int]]?
        let fullmatch: [[Int]]?
        let search_from_1: [[Int]]?
        let endpos_2: [[Int]]?
    }
    struct TemplateCase: Decodable {
        let pattern: [UInt32]
        let subject: [UInt32]
        let template: [UInt32]
        let expanded: [UInt32]?
        let error: ErrorInfo?
    }

    static let golden: Golden? = {
        guard let url = Bundle.module.url(forResource: "regex_cases", withExtension: "json", subdirectory: "Golden"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Golden.self, from: data)
    }()

    static func text(_ p: [UInt32]) -> String { String(String.UnicodeScalarView(p.compactMap(Unicode.Scalar.init))) }

    static func describe(_ e: Error) -> String {
        switch e as? RegexError {
        case .syntax(let m, let pos)?: return "error: \(m) @\(pos.map(String.init) ?? "None")"
        case .overflow(let m)?: return "OverflowError: \(m)"
        case .value(let m)?: return "ValueError: \(m)"
        case .index(let m)?: return "IndexError: \(m)"
        case .unsupported(let m)?: return "unsupported: \(m)"
        case .recursion?: return "RecursionError: maximum recursion depth exceeded"
        case .backtrackLimit(let m)?: return "backtrack limit: \(m)"
        case nil: return "\(e)"
        }
    }

    static func expected(_ e: ErrorInfo) -> String {
        e.type == "error" ? "error: \(e.msg ?? "") @\(e.pos.map(String.init) ?? "None")" : "\(e.type): \(e.str)"
    }

    static func pairs(_ spans: [Int]?) -> [[Int]]? {
        spans.map { s in stride(from: 0, to: s.count, by: 2).map { [s[$0], s[$0 + 1]] } }
    }

    @Test func goldenIsPresent() {
        #expect((RegexGoldenTests.golden?.cases.count ?? 0) > 200)
    }

    @Test(arguments: RegexGoldenTests.golden?.cases ?? [])
    func patternBehavesAsCPython(_ c: Case) throws {
        let name = "\(c.bytes ? "b" : "")\(RegexGoldenTests.text(c.pattern).debugDescription) flags=\(c.flags)"
        let regex: CompiledRegex
        do {
            regex = try CompiledRegex(c.pattern, isText: !c.bytes, flags: RegexFlags(rawValue: c.flags))
        } catch {
            #expect(c.error.map(RegexGoldenTests.expected) == RegexGoldenTests.describe(error), "\(name)")
            return
        }
        if let e = c.error {
            Issue.record("\(name): CPython raised \(RegexGoldenTests.expected(e)); nnsh compiled it as \(regex.translated)")
            return
        }
        #expect(regex.groups == c.groups, "\(name)")
        #expect(regex.flags.rawValue == c.final_flags, "\(name)")
        let names = (c.groupindex ?? []).compactMap { pair -> String? in if case .name(let n) = pair.first { return n }; return nil }
        #expect(regex.groupNames.map(\.0) == names, "\(name)")
        for s in c.subjects ?? [] {
            let subject = s.subject
            var scanner = MatchScanner(start: 0, end: subject.count)
            var all: [[[Int]]?] = []
            while let m = try scanner.next(regex, subject) { all.append(RegexGoldenTests.pairs(m)) }
            let what = "\(name) on \(RegexGoldenTests.text(subject).debugDescription) [\(regex.translated)]"
            #expect(all == s.finditer, "finditer: \(what)")
            #expect(RegexGoldenTests.pairs(try regex.match(subject, start: 0, end: subject.count, anchoring: .match)) == s.match, "match: \(what)")
            #expect(RegexGoldenTests.pairs(try regex.match(subject, start: 0, end: subject.count, anchoring: .fullMatch)) == s.fullmatch, "fullmatch: \(what)")
            #expect(RegexGoldenTests.pairs(try regex.match(subject, start: 1, end: subject.count, anchoring: .search)) == s.search_from_1, "search(pos=1): \(what)")
            #expect(RegexGoldenTests.pairs(try regex.match(subject, start: 0, end: 2, anchoring: .search)) == s.endpos_2, "search(endpos=2): \(what)")
        }
    }

    @Test(arguments: RegexGoldenTests.golden?.templates ?? [])
    func templateExpandsAsCPython(_ t: TemplateCase) throws {
        let regex = try CompiledRegex(t.pattern, isText: true, flags: [])
        let name = RegexGoldenTests.text(t.template).debugDescription
        let template: ReplacementTemplate
        do {
            template = try ReplacementTemplate(t.template, isText: true, groups: regex.groups, groupNames: regex.groupNames)
        } catch {
            #expect(t.error.map(RegexGoldenTests.expected) == RegexGoldenTests.describe(error), "\(name)")
            return
        }
        guard let spans = try regex.match(t.subject, start: 0, end: t.subject.count, anchoring: .search) else {
            Issue.record("\(name): no match"); return
        }
        var out: [UInt32] = []
        for part in template.parts {
            switch part {
            case .literal(let l): out += l
            case .group(let g): if spans[2 * g] >= 0 { out += t.subject[spans[2 * g]..<spans[2 * g + 1]] }
            }
        }
        #expect(t.error == nil, "\(name): CPython raised \(t.error.map(RegexGoldenTests.expected) ?? "")")
        #expect(out == (t.expanded ?? []), "\(name)")
    }
}

extension RegexGoldenTests.Case: CustomTestStringConvertible {
    var testDescription: String { "\(bytes ? "b" : "")\(RegexGoldenTests.text(pattern).debugDescription)/\(flags)" }
}
extension RegexGoldenTests.TemplateCase: CustomTestStringConvertible {
    var testDescription: String { RegexGoldenTests.text(template).debugDescription }
}
