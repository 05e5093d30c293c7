import CCairo
import Pictures
import Torch
import Foundation

/// A drawn figure: its pixels (straight-alpha RGBA rows) and where its axes went.
public struct RenderedFigure: Sendable {
    public var width: Int, height: Int
    public var rgba: [UInt8]
    public var axesRects: [PixelRect]
}

/// Why a figure cannot be drawn, as the ValueError Python code sees.
func figureSizeError(_ w: Int, _ h: Int) -> TorchError {
    TorchError.value("cannot draw a figure of \(w)x\(h) pixels (each side must be 1 to 32767)")
}

/// Draws a `Figure` with matplotlib's default style (the `classic`-free defaults of matplotlib 3).
public enum FigureRenderer {
    public static func render(_ fig: Figure) throws -> RenderedFigure {
        let w = fig.pixelWidth, h = fig.pixelHeight
        guard let canvas = Canvas(width: w, height: h) else { throw figureSizeError(w, h) }
        canvas.fill(fig.faceColor)
        var rects = [PixelRect]()
        for ax in fig.axes {
            let painter = AxesPainter(fig: fig, ax: ax, canvas: canvas)
            painter.draw()
            rects.append(painter.box)
        }
        if let s = fig.suptitle { drawFigureText(s, fig, canvas) }
        for t in fig.texts { drawFigureText(t, fig, canvas) }
        return RenderedFigure(width: w, height: h, rgba: canvas.rgbaBytes(), axesRects: rects)
    }

    /// `fig.tight_layout(pad=, h_pad=, w_pad=)`: fits the subplot parameters now, as matplotlib does.
    public static func tightLayout(_ fig: Figure, pad: Double = 1.08, hPad: Double? = nil, wPad: Double? = nil) throws {
        guard let canvas = Canvas(width: max(1, min(fig.pixelWidth, 32_767)), height: max(1, min(fig.pixelHeight, 32_767))) else {
            throw figureSizeError(fig.pixelWidth, fig.pixelHeight)
        }
        TightLayout.apply(fig, canvas: canvas, pad: pad, hPad: hPad, wPad: wPad)
    }

    /// The box everything drawn covers (`bbox_inches='tight'`), in pixels of the figure's canvas.
    public static func tightBoundingBox(_ fig: Figure) throws -> PixelRect? {
        guard let canvas = Canvas(width: max(1, min(fig.pixelWidth, 32_767)), height: max(1, min(fig.pixelHeight, 32_767))) else {
            throw figureSizeError(fig.pixelWidth, fig.pixelHeight)
        }
        var all: PixelRect?
        for ax in fig.axes {
            let b = AxesPainter(fig: fig, ax: ax, canvas: canvas).tightBox()
            all = all.map { $0.union(b) } ?? b
        }
        let placer = TextPlacer(canvas: canvas, fig: fig)
        for t in (fig.suptitle.map { [$0] } ?? []) + fig.texts {
            let b = placer.box(t.text, x: t.x * Double(fig.pixelWidth), y: (1 - t.y) * Double(fig.pixelHeight), style: t.style)
            all = all.map { $0.union(b) } ?? b
        }
        return all
    }

    static func drawFigureText(_ t: PlacedText, _ fig: Figure, _ canvas: Canvas) {
        let x = t.x * Double(fig.pixelWidth), y = (1 - t.y) * Double(fig.pixelHeight)
        TextPlacer(canvas: canvas, fig: fig).draw(t.text, x: x, y: y, style: t.style)
    }
}

/// Places a (possibly multi-line) text at an anchor with matplotlib's alignment rules.
struct TextPlacer {
    let canvas: Canvas, fig: Figure

    /// The box the text occupies, in pixels (y down).
    func box(_ s: String, x: Double, y: Double, style: TextStyle) -> PixelRect {
        layout(s, x: x, y: y, style: style).box
    }

    func draw(_ s: String, x: Double, y: Double, style: TextStyle) {
        let l = layout(s, x: x, y: y, style: style)
        let size = fig.px(style.size)
        for line in l.lines where !line.text.isEmpty {
            canvas.draw(line.text, x: line.x, y: line.y, size: size, color: style.color, bold: style.bold,
                        degrees: style.rotation, inkLeft: line.inkLeft)
        }
    }

    /// `Text._get_layout` for rotation 0 and 90: line boxes stacked downwards, then the whole box
    /// moved so the anchor sits where `ha`/`va` put it.
    func layout(_ s: String, x: Double, y: Double, style: TextStyle) -> (box: PixelRect, lines: [(text: String, x: Double, y: Double, inkLeft: Double)]) {
        let size = fig.px(style.size)
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let metrics = lines.map { canvas.measure($0, size: size, bold: style.bold) }
        // Offsets from the box's top-left corner, in the text's own (unrotated) frame, y down.
        var baselines = [Double](), cursor = 0.0
        let spacing = 1.2  // matplotlib's linespacing for multi-line text
        for (i, m) in metrics.enumerated() {
            if i == 0 { cursor = m.ascent } else { cursor += spacing * size }
            baselines.append(cursor)
        }
        let width = metrics.map(\.width).max() ?? 0
        let descent = metrics.last?.descent ?? 0
        let height = (baselines.last ?? 0) + descent
        let lastAscent = metrics.last?.ascent ?? 0
        // Alignment in the text frame.
        let ox: Double = style.ha == .left ? 0 : style.ha == .right ? width : width / 2
        let oy: Double
        switch style.va {
        case .top: oy = 0
        case .bottom: oy = height
        case .center: oy = height / 2
        case .baseline: oy = baselines.last ?? 0
        case .centerBaseline: oy = (baselines.last ?? 0) - lastAscent / 2
        }
        let vertical = abs(style.rotation - 90) < 1e-9
        var placed = [(String, Double, Double, Double)]()
        let box: PixelRect
        if vertical && style.anchorRotation {
            // rotation_mode='anchor': aligned in the text's frame, then turned about the anchor.
            // Text-frame (u right, v down) goes to page (x + v - oy, y - (u - ox)).
            box = PixelRect(x - oy, y - (width - ox), x - oy + height, y + ox)
            for (i, m) in metrics.enumerated() {
                let lineX = (width - m.width) / 2
                placed.append((lines[i], x + baselines[i] - oy, y - (lineX - ox), m.inkLeft))
            }
        } else if vertical {
            // Turned anticlockwise, then the turned box aligned on the page by ha and va.
            let px: Double = style.ha == .left ? 0 : style.ha == .right ? height : height / 2
            let py: Double = style.va == .top ? 0 : style.va == .center || style.va == .centerBaseline ? width / 2 : width
            let left = x - px, top = y - py
            box = PixelRect(left, top, left + height, top + width)
            for (i, m) in metrics.enumerated() {
                let lineX = (width - m.width) / 2
                placed.append((lines[i], left + baselines[i], top + width - lineX, m.inkLeft))
            }
        } else {
            let left = x - ox, top = y - oy
            box = PixelRect(left, top, left + width, top + height)
            for (i, m) in metrics.enumerated() {
                let lineX = style.ha == .left ? 0 : style.ha == .right ? width - m.width : (width - m.width) / 2
                placed.append((lines[i], left + lineX, top + baselines[i], m.inkLeft))
            }
        }
        return (box, placed.map { (text: $0.0, x: $0.1, y: $0.2, inkLeft: $0.3) })
    }
}

extension RenderedFigure {
    /// The picture as an RGBA image (for `savefig`, `show` and notebooks).
    public func image() throws -> PILImage {
        try PILImage(width: width, height: height, mode: "RGBA", pixels: rgba)
    }
}
