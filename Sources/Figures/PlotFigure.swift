import Foundation
import Pictures

extension Figure {
    /// nnsh's `plot(...)` chart as a matplotlib figure: one Axes with the series as lines in the
    /// tab10 cycle, the title and labels, a grid, and a legend when there is more than one series.
    public convenience init(plot: Plot) {
        self.init(number: 1)
        let ax = Axes(spec: SubplotSpec(rows: 1, cols: 1, index: 1))
        addAxes(ax)
        for s in plot.series {
            var line = Line(xs: s.xs.map { $0.isFinite ? $0 : .nan }, ys: s.ys.map { $0.isFinite ? $0 : .nan }, color: ax.nextColor())
            line.label = s.name
            ax.add(.line(line))
        }
        ax.title["center"] = plot.title
        ax.xLabel = plot.xLabel
        ax.yLabel = plot.yLabel
        ax.grid.x = true; ax.grid.y = true
        if plot.series.count > 1 { ax.legend = LegendSpec() }
    }

    /// Draws the figure and writes it as a PNG file, atomically.
    public func writePNG(_ path: String) throws {
        try FigureRenderer.render(self).image().save(path)
    }
}
