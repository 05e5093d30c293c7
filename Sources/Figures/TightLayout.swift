import Foundation

extension AxesPainter {
    /// The box the Axes and its decorations (tick labels, axis labels, titles) cover, as
    /// `Axes.get_tightbbox` measures it.
    func tightBox() -> PixelRect {
        let d = decorations(ax.ticks(x: true, in: fig), ax.ticks(x: false, in: fig))
        return (d.tickLabels + d.axisLabels + d.titles).reduce(box) { $0.union($1.box) }
    }
}

/// `Figure.tight_layout(pad=1.08)`: subplot parameters chosen so every Axes' decorations fit,
/// with `pad` font sizes (10 pt) around the figure and between neighbours
/// (`matplotlib._tight_layout.get_tight_layout_figure`).
enum TightLayout {
    static func apply(_ fig: Figure, canvas: Canvas, pad: Double, hPad: Double?, wPad: Double?) {
        let gridded = fig.axes.filter { $0.spec != nil && $0.rect == nil }
        guard let first = gridded.first?.spec else { return }
        let rows = first.rows, cols = first.cols
        guard gridded.allSatisfy({ $0.spec!.rows == rows && $0.spec!.cols == cols }) else { return }
        let fw = Double(fig.pixelWidth), fh = Double(fig.pixelHeight)
        var hspaces = [[Double]](repeating: [Double](repeating: 0, count: cols + 1), count: rows)
        var vspaces = [[Double]](repeating: [Double](repeating: 0, count: cols), count: rows + 1)
        for ax in gridded {
            let s = ax.spec!
            let p = AxesPainter(fig: fig, ax: ax, canvas: canvas)
            let a = p.box, t = p.tightBox()
            for r in s.rowRange {
                hspaces[r][s.colRange.lowerBound] += (a.x0 - t.x0) / fw
                hspaces[r][s.colRange.upperBound + 1] += (t.x1 - a.x1) / fw
            }
            for c in s.colRange {
                vspaces[s.rowRange.lowerBound][c] += (a.y0 - t.y0) / fh
                vspaces[s.rowRange.upperBound + 1][c] += (t.y1 - a.y1) / fh
            }
        }
        let padInch = pad * 10 / 72
        let hPadInch = (hPad ?? pad) * 10 / 72, wPadInch = (wPad ?? pad) * 10 / 72
        let marginLeft = max(hspaces.map { $0[0] }.max()!, 0) + padInch / fig.widthInches
        let marginRight = max(hspaces.map { $0[cols] }.max()!, 0) + padInch / fig.widthInches
        var marginTop = max(vspaces[0].max()!, 0) + padInch / fig.heightInches
        let marginBottom = max(vspaces[rows].max()!, 0) + padInch / fig.heightInches
        if let s = fig.suptitle {
            let b = TextPlacer(canvas: canvas, fig: fig).box(s.text, x: s.x * fw, y: (1 - s.y) * fh, style: s.style)
            marginTop += b.height / fh + padInch / fig.heightInches
        }
        guard marginLeft + marginRight < 1, marginTop + marginBottom < 1 else { return }
        var p = fig.params
        p.left = marginLeft; p.right = 1 - marginRight; p.bottom = marginBottom; p.top = 1 - marginTop
        if cols > 1 {
            let inner = hspaces.flatMap { $0[1..<cols] }.max() ?? 0
            let hspace = inner + wPadInch / fig.widthInches
            let width = (1 - marginRight - marginLeft - hspace * Double(cols - 1)) / Double(cols)
            if width > 0 { p.wspace = hspace / width }
        }
        if rows > 1 {
            let inner = vspaces[1..<rows].flatMap { $0 }.max() ?? 0
            let vspace = inner + hPadInch / fig.heightInches
            let height = (1 - marginTop - marginBottom - vspace * Double(rows - 1)) / Double(rows)
            if height > 0 { p.hspace = vspace / height }
        }
        fig.params = p
    }
}
