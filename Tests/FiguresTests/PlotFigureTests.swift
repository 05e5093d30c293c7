import Foundation
import Pictures
import Testing
@testable import Figures

/// nnsh's own `plot(..., path=)` chart drawn through the matplotlib renderer.
@Suite struct PlotFigureTests {
    func pixel(_ f: RenderedFigure, _ x: Int, _ y: Int) -> [UInt8] {
        let i = (y * f.width + x) * 4
        return Array(f.rgba[i..<i + 4])
    }

    @Test func seriesAreLinesInTheColourCycle() throws {
        var p = Plot(title: "Loss", xLabel: "step", yLabel: "loss")
        try p.add("train", xs: [0, 10], ys: [0, 10])
        try p.add("test", xs: [0, 10], ys: [5, 5])
        let fig = Figure(plot: p)
        let drawn = try FigureRenderer.render(fig)
        #expect(drawn.width == 640 && drawn.height == 480)
        #expect(pixel(drawn, 2, 2) == [255, 255, 255, 255])
        let ax = fig.axes[0]
        #expect(ax.legend != nil && ax.grid.x && ax.grid.y)
        // The flat series at y = 5 crosses the middle of the axes in tab10 orange, a third of the way in
        // (clear of the legend in the upper left and of the diagonal).
        let box = drawn.axesRects[0]
        let (xv, yv) = (ax.viewLimits(x: true), ax.viewLimits(x: false))
        let y = Int((box.y1 - (5 - yv.0) / (yv.1 - yv.0) * box.height).rounded(.down))
        let x = Int(box.x0 + box.width * 0.7)
        let near = (y - 1...y + 1).map { pixel(drawn, x, $0) }
        #expect(near.contains([0xFF, 0x7F, 0x0E, 255]), "\(near)")
        // The diagonal in tab10 blue through the centre of the data.
        let cx = Int(box.x0 + (5 - xv.0) / (xv.1 - xv.0) * box.width), cy = Int(box.y1 - (5 - yv.0) / (yv.1 - yv.0) * box.height)
        let around = (cx - 2...cx + 2).flatMap { px in (cy - 2...cy + 2).map { pixel(drawn, px, $0) } }
        #expect(around.contains([0x1F, 0x77, 0xB4, 255]))
    }

    @Test func writesAPNGAtomically() throws {
        var p = Plot()
        try p.add("y", ys: [1, 2, 4])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-plotfig-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Figure(plot: p).writePNG(dir + "/chart.png")
        let back = try PILImage.open(dir + "/chart.png")
        #expect(back.width == 640 && back.height == 480 && back.mode == "RGBA")
        #expect(throws: (any Error).self) { try Figure(plot: p).writePNG(dir + "/missing/chart.png") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["chart.png"])
    }

    @Test func longTextsAndNonFinitePointsDrawWithoutTrapping() throws {
        var p = Plot(title: String(repeating: "w", count: 400), xLabel: String(repeating: "x", count: 300), yLabel: "y")
        try p.add(String(repeating: "s", count: 500), xs: [0, 1, 2, 3], ys: [0, .nan, .infinity, 1])
        let drawn = try FigureRenderer.render(Figure(plot: p))
        #expect(drawn.rgba.count == 640 * 480 * 4)
        // The title runs off both edges: dark pixels in its rows at the far left and right.
        func dark(_ xs: Range<Int>) -> Bool { (30..<57).contains { y in xs.contains { pixel(drawn, $0, y)[0] < 128 } } }
        #expect(dark(0..<10) && dark(630..<640))
    }
}
