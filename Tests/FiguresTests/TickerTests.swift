import Foundation
import Testing
@testable import Figures

/// Tick locations, labels and offset texts against matplotlib's own (golden made by
/// scripts/golden/make_ticker_golden.py with real matplotlib).
@Suite struct TickerTests {
    struct Case: Decodable {
        let view: [Double], nbins: Int, locs: [Double], labels: [String], offset: String
        let view_used: [Double]
    }
    struct Golden: Decodable { let cases: [Case] }

    static let golden: Golden = {
        let url = Bundle.module.url(forResource: "ticker_golden", withExtension: "json", subdirectory: "Golden")!
        return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }()

    @Test func locatorMatchesMatplotlib() {
        var mismatches = [String]()
        for c in Self.golden.cases {
            let locs = MaxNLocator(nbins: c.nbins).tickValues(c.view[0], c.view[1])
            let same = locs.count == c.locs.count && zip(locs, c.locs).allSatisfy { $0 == $1 || abs($0 - $1) <= 1e-12 * max(abs($0), abs($1)) }
            if !same { mismatches.append("\(c.view) nbins=\(c.nbins): \(locs) vs \(c.locs)") }
        }
        #expect(Self.golden.cases.count > 400)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(Self.golden.cases.count): \(mismatches.prefix(5))")
    }

    @Test func formatterMatchesMatplotlib() {
        var mismatches = [String]()
        for c in Self.golden.cases {
            var f = ScalarFormatter()
            f.setLocs(c.locs, view: (c.view_used[0], c.view_used[1]))
            let labels = c.locs.map { f.label($0) }
            if labels != c.labels || f.offsetText != c.offset {
                mismatches.append("\(c.view): \(labels) '\(f.offsetText)' vs \(c.labels) '\(c.offset)'")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(Self.golden.cases.count): \(mismatches.prefix(5))")
    }

    @Test func colormapEnds() throws {
        let viridis = try #require(Colormap(named: "viridis"))
        #expect(viridis.color(0) == (0x44, 0x01, 0x54, 255))
        #expect(viridis.color(1) == viridis.color(2))
        let reversed = try #require(Colormap(named: "viridis_r"))
        #expect(reversed.color(0) == viridis.color(1))
        #expect(Colormap(named: "no-such-map") == nil)
        #expect(viridis.color(.nan).3 == 0)
    }

    @Test func colourNames() {
        #expect(RGBA(name: "C1") == RGBA(hex: "#ff7f0e"))
        #expect(RGBA(name: "tab:blue") == RGBA(hex: "#1f77b4"))
        #expect(RGBA(name: "0.8") == RGBA(0.8, 0.8, 0.8))
        #expect(RGBA(name: "r") == RGBA(1, 0, 0))
        #expect(RGBA(name: "notacolour") == nil)
        #expect(RGBA(name: "-0.5") == nil)
    }
}
