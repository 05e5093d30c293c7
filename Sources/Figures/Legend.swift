import CCairo
import Foundation

/// One legend row: how its handle is drawn and its text.
enum LegendHandle {
    case line(Line), patch(RGBA), marker(Scatter)
}

/// `Axes.legend()`: entries from the labelled artists, matplotlib's paddings (in font sizes),
/// the rounded translucent frame, and `loc='best'` choosing the place that covers least data.
public struct LegendPainter {
    let painter: AxesPainter, spec: LegendSpec

    /// Labelled artists in matplotlib's order: children as added, then containers (bars).
    static func entries(_ ax: Axes, labels: [String]?) -> [(LegendHandle, String)] {
        entriesOf(ax, labels: labels)
    }

    /// How many rows `legend()` would draw for these labels (none: matplotlib warns).
    public static func entryCount(_ ax: Axes, labels: [String]?) -> Int { entriesOf(ax, labels: labels).count }

    static func entriesOf(_ ax: Axes, labels: [String]?) -> [(LegendHandle, String)] {
        var children = [(LegendHandle, String?)](), containers = [(LegendHandle, String?)]()
        for a in ax.artists {
            switch a {
            case .line(let l): children.append((.line(l), l.label))
            case .scatter(let s, let label): children.append((.marker(s), label))
            case .bar(let b, let label) where label != nil: containers.append((.patch(b.color), label))
            default: break
            }
        }
        let all = children + containers
        if let labels {
            return zip(all, labels).map { ($0.0.0, $0.1) }
        }
        return all.compactMap { h, l in l.flatMap { $0.hasPrefix("_") ? nil : ($0.isEmpty ? nil : (h, $0)) } }
    }

    func draw() {
        let ax = painter.ax, fig = painter.fig, canvas = painter.canvas
        let rows = Self.entries(ax, labels: spec.labels)
        guard !rows.isEmpty else { return }
        let fs = fig.px(spec.fontSize)
        let borderPad = 0.4 * fs, spacing = 0.5 * fs, handleLength = 2.0 * fs, handleHeight = 0.7 * fs
        let textPad = 0.8 * fs, axesPad = 0.5 * fs
        let metrics = rows.map { canvas.measure($0.1, size: fs) }
        let textWidth = metrics.map(\.width).max() ?? 0
        let rowHeights = metrics.map { max($0.ascent, handleHeight) + $0.descent }
        let width = 2 * borderPad + handleLength + textPad + textWidth
        let height = 2 * borderPad + rowHeights.reduce(0, +) + spacing * Double(rows.count - 1)
        let box = painter.box
        let (left, top) = place(width: width, height: height, inside: PixelRect(box.x0 + axesPad, box.y0 + axesPad, box.x1 - axesPad, box.y1 - axesPad))
        if spec.frameOn {
            let cr = canvas.cr, r = 0.2 * fs
            cairo_new_path(cr)
            cairo_arc(cr, left + width - r, top + r, r, -.pi / 2, 0)
            cairo_arc(cr, left + width - r, top + height - r, r, 0, .pi / 2)
            cairo_arc(cr, left + r, top + height - r, r, .pi / 2, .pi)
            cairo_arc(cr, left + r, top + r, r, .pi, 3 * .pi / 2)
            cairo_close_path(cr)
            canvas.setColor(.white, alpha: 0.8)
            cairo_fill_preserve(cr)
            canvas.setColor(RGBA(0.8, 0.8, 0.8), alpha: 0.8)
            cairo_set_line_width(cr, fig.px(1))
            cairo_stroke(cr)
        }
        var y = top + borderPad
        let x = left + borderPad
        for (i, (handle, label)) in rows.enumerated() {
            let ascent = max(metrics[i].ascent, handleHeight)
            let baseline = y + ascent
            let mid = baseline - handleHeight / 2
            switch handle {
            case .line(let l):
                if l.style != .none {
                    canvas.polyline([(x, mid), (x + handleLength, mid)], color: l.color, width: fig.px(l.width),
                                    dash: l.style.pattern.map { $0 * fig.px(l.width) },
                                    cap: l.style == .solid ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
                }
                if l.marker != .none {
                    painter.drawMarker(l.marker, x: x + handleLength / 2, y: mid, size: fig.px(l.markerSize), face: l.color, edge: l.color, edgeWidth: fig.px(1))
                }
            case .patch(let c):
                canvas.fillRect(x, baseline - handleHeight, handleLength, handleHeight, c)
            case .marker(let s):
                let c = s.colors.first ?? RGBA.cycle[0]
                painter.drawMarker(s.marker, x: x + handleLength / 2, y: mid, size: fig.px(sqrt(s.sizes.first ?? 36)), face: c, edge: c, edgeWidth: fig.px(s.edgeWidth))
            }
            canvas.draw(label, x: x + handleLength + textPad, y: baseline, size: fs, color: .black, inkLeft: metrics[i].inkLeft)
            y += rowHeights[i] + spacing
        }
    }

    public static let codes = ["upper right", "upper left", "lower left", "lower right", "right", "center left",
                        "center right", "lower center", "upper center", "center"]

    /// The top-left corner for `spec.loc` inside the padded axes box.
    func place(width: Double, height: Double, inside c: PixelRect) -> (Double, Double) {
        func corner(_ loc: String) -> (Double, Double) {
            let x: Double = loc.hasSuffix("left") ? c.x0 : loc.hasSuffix("right") ? c.x1 - width : (c.x0 + c.x1 - width) / 2
            let y: Double = loc.hasPrefix("upper") ? c.y0 : loc.hasPrefix("lower") ? c.y1 - height : (c.y0 + c.y1 - height) / 2
            return (x, y)
        }
        guard spec.loc == "best" else { return corner(spec.loc) }
        // Axes._find_best_position: vertices inside, bars overlapped and lines crossing, first least.
        let ax = painter.ax
        var paths = [[(Double, Double)]](), points = [(Double, Double)](), boxes = [PixelRect]()
        for a in ax.artists {
            switch a {
            case .line(let l): paths.append(painter.pixels(l))
            case .scatter(let s, _): points += zip(s.xs, s.ys).map { (painter.px($0), painter.py($1)) }
            case .bar(let b, _):
                let xs = [painter.px(b.x), painter.px(b.x + b.width)], ys = [painter.py(b.y), painter.py(b.y + b.height)]
                boxes.append(PixelRect(xs.min()!, ys.min()!, xs.max()!, ys.max()!))
            default: break
            }
        }
        var best: (Int, (Double, Double))?
        for code in Self.codes {
            let (l, t) = corner(code)
            let r = PixelRect(l, t, l + width, t + height)
            var badness = 0
            for p in paths { badness += p.filter { r.contains($0.0, $0.1) }.count }
            badness += points.filter { r.contains($0.0, $0.1) }.count
            badness += boxes.filter { $0.x0 < r.x1 && $0.x1 > r.x0 && $0.y0 < r.y1 && $0.y1 > r.y0 }.count
            for p in paths where Self.crosses(p, r) { badness += 1 }
            if badness == 0 { return (l, t) }
            if best == nil || badness < best!.0 { best = (badness, (l, t)) }
        }
        return best?.1 ?? corner("upper right")
    }

    /// matplotlib's `path_intersects_rectangle` (unfilled): does any segment touch the rectangle?
    static func crosses(_ p: [(Double, Double)], _ r: PixelRect) -> Bool {
        let cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2, w = r.width, h = r.height
        guard p.count > 1 else { return false }
        for i in 1..<p.count {
            let (x1, y1) = p[i - 1], (x2, y2) = p[i]
            guard x1.isFinite, y1.isFinite, x2.isFinite, y2.isFinite else { continue }
            if abs(x1 + x2 - 2 * cx) < abs(x1 - x2) + w && abs(y1 + y2 - 2 * cy) < abs(y1 - y2) + h
                && 2 * abs((x1 - cx) * (y1 - y2) - (y1 - cy) * (x1 - x2)) < w * abs(y1 - y2) + h * abs(x1 - x2) {
                return true
            }
        }
        return false
    }
}
