import Foundation
import Testing
import Torch
@testable import Pictures

/// Dot coordinates (x, y) of every braille character in the chart body, relative to the first chart column.
func brailleDots(_ text: String) -> [(Int, Int)] {
    var dots: [(Int, Int)] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    var row = 0
    for line in lines {
        guard let bar = line.firstIndex(where: { $0 == "│" || $0 == "┤" }) else { continue }
        for (c, ch) in line[(bar + 1)...].enumerated() {
            let v = ch.unicodeScalars.first!.value
            guard v > 0x2800 && v <= 0x28FF else { continue }
            let bits = v - 0x2800
            let map: [(UInt32, Int, Int)] = [(0x01, 0, 0), (0x02, 0, 1), (0x04, 0, 2), (0x40, 0, 3), (0x08, 1, 0), (0x10, 1, 1), (0x20, 1, 2), (0x80, 1, 3)]
            for (bit, dx, dy) in map where bits & bit != 0 { dots.append((c * 2 + dx, row * 4 + dy)) }
        }
        row += 1
    }
    return dots
}

@Suite struct PlotTests {
    @Test func niceTicksUseOneTwoFiveSteps() {
        #expect(niceTicks(0, 1, maxTicks: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(niceTicks(-3.7, 12.2, maxTicks: 4) == [-5, 0, 5, 10, 15])
        #expect(niceTicks(0.001, 0.0042, maxTicks: 3) == [0, 0.002, 0.004, 0.006])
        for (lo, hi, n) in [(0.001, 0.0042, 6), (-7.3, 1234.5, 5), (3.0, 3.0, 4), (1e-9, 5e-9, 8), (-1e6, -2e5, 3)] {
            let t = niceTicks(lo, hi, maxTicks: n)
            #expect(t.first! <= lo && t.last! >= hi, "\(t) does not cover \(lo)...\(hi)")
            #expect(t.count >= 2 && t.count <= 2 * n + 2)
            let step = t[1] - t[0]
            let mantissa = step / pow(10, log10(step).rounded(.down))
            #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-6 }, "step \(step)")
        }
        #expect(niceStep(0.3) == 0.5 && niceStep(7) == 10 && niceStep(1.5) == 2)
    }

    @Test func brailleDiagonalLine() throws {
        var p = Plot()
        try p.add("y=x", xs: [0, 1], ys: [0, 1])
        let text = try p.renderBraille(columns: 4, rows: 2)
        let dots = brailleDots(text)
        #expect(dots.count == 8)
        for (x, y) in dots { #expect(x + y == 7, "dot (\(x), \(y)) off the line") }
        #expect(Set(dots.map { $0.0 }) == Set(0..<8))
        #expect(text.contains("⣿ y=x"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func brailleHorizontalLineAxesAndColour() throws {
        var p = Plot(title: "loss", xLabel: "epoch", yLabel: "value")
        try p.add("flat", xs: [0, 10], ys: [2, 2])
        try p.add("up", ys: [0, 1, 2, 3, 4])
        let text = try p.renderBraille(columns: 30, rows: 8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].trimmingCharacters(in: .whitespaces) == "loss")
        #expect(lines[1] == "value")
        #expect(lines.contains { $0.hasPrefix("4 ┤") })
        #expect(lines.contains { $0.hasPrefix("0 ┤") })
        #expect(lines.contains { $0.contains("└") && $0.contains("┬") })
        #expect(lines.contains { $0.contains("epoch") })
        #expect(lines.last!.contains("⣿ flat") && lines.last!.contains("⣿ up"))
        let tickLine = lines[lines.firstIndex { $0.contains("└") }! + 1]
        #expect(tickLine.contains("0") && tickLine.contains("10"))
        let colored = try p.renderBraille(columns: 30, rows: 8, color: true)
        #expect(colored.contains("\u{1B}[34m") && colored.contains("\u{1B}[33m"))
    }

    @Test func plotErrors() throws {
        var p = Plot()
        #expect(throws: TorchError.self) { try p.add("bad", xs: [1, 2], ys: [1]) }
        #expect(throws: TorchError.self) { _ = try p.renderBraille() }
        try p.add("ok", ys: [1, 2])
        #expect(throws: TorchError.self) { _ = try p.renderBraille(columns: 1, rows: 5) }
    }
}

@Suite struct PlotPrintTests {
    @Test func brailleChartHasOneLinePerRowPlusFrame() throws {
        var p = Plot(title: "sigmoid", xLabel: "x")
        try p.add("sigmoid", xs: stride(from: -6.0, through: 6.0, by: 0.25).map { $0 }, ys: stride(from: -6.0, through: 6.0, by: 0.25).map { 1 / (1 + exp(-$0)) })
        let text = try p.renderBraille(columns: 40, rows: 10)

        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + 10 + 2 + 1 + 1)   // title, rows, axis, tick labels, x label, legend
        let dots = brailleDots(text)
        // Monotone curve: the lowest dot row at the left edge is below the highest at the right edge.
        let left = dots.filter { $0.0 == 0 }.map { $0.1 }, right = dots.filter { $0.0 == 79 }.map { $0.1 }
        #expect(!left.isEmpty && !right.isEmpty && left.min()! > right.max()!)
    }
}
