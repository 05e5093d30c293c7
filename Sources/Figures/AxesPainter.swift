import CCairo
import Foundation

/// Draws one Axes: background, artists in z-order, grid, ticks, labels, spines, title and legend,
/// with matplotlib's default sizes (points converted at the figure's dpi).
struct AxesPainter {
    let fig: Figure, ax: Axes, canvas: Canvas
    let box: PixelRect
    let xv: (Double, Double), yv: (Double, Double)

    init(fig: Figure, ax: Axes, canvas: Canvas) {
        self.fig = fig; self.ax = ax; self.canvas = canvas
        box = ax.pixelRect(fig)
        xv = ax.viewLimits(x: true); yv = ax.viewLimits(x: false)
    }

    func px(_ x: Double) -> Double { box.x0 + (x - xv.0) / (xv.1 - xv.0) * box.width }
    func py(_ y: Double) -> Double { box.y1 - (y - yv.0) / (yv.1 - yv.0) * box.height }
    func pt(_ p: Double) -> Double { fig.px(p) }
    var text: TextPlacer { TextPlacer(canvas: canvas, fig: fig) }

    func draw() {
        if ax.axisOn { canvas.fillRect(box.x0, box.y0, box.width, box.height, ax.faceColor) }
        let ordered = ax.artists.enumerated().sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }.map(\.element)
        for a in ordered where a.zorder < 1.5 { drawArtist(a) }
        let xt = ax.ticks(x: true, in: fig), yt = ax.ticks(x: false, in: fig)
        let labels = decorations(xt, yt)
        if ax.axisOn {
            drawGrid(xt.locs, yt.locs)
            drawTickMarks(xt.locs, yt.locs)
            drawLabels(labels.tickLabels + labels.offsets)
        }
        for a in ordered where a.zorder >= 1.5 && a.zorder < 2.5 { drawArtist(a) }
        if ax.axisOn {
            drawSpines()
            drawLabels(labels.axisLabels)
        }
        for a in ordered where a.zorder >= 2.5 { drawArtist(a) }
        drawLabels(labels.titles)
        if let colorbar = ax.colorbarOf { drawColorbar(colorbar) }
        if let legend = ax.legend { LegendPainter(painter: self, spec: legend).draw() }
    }

    // MARK: Artists

    func drawArtist(_ a: Artist) {
        canvas.clip(box)
        defer { canvas.clip(nil) }
        switch a {
        case .line(let l): drawLine(l)
        case .image(let im): drawImage(im)
        case .bar(let b, _): drawBar(b)
        case .scatter(let s, _): drawScatter(s)
        case .text(let t):
            canvas.clip(nil)
            text.draw(t.text, x: px(t.x), y: py(t.y), style: t.style)
        }
    }

    /// A line's points in pixels (axes-fraction coordinates for `axhline`/`axvline`).
    func pixels(_ l: Line) -> [(Double, Double)] {
        zip(l.xs, l.ys).map { (l.xInAxes ? box.x0 + $0 * box.width : px($0), l.yInAxes ? box.y1 - $1 * box.height : py($1)) }
    }

    func drawLine(_ l: Line) {
        let pts = pixels(l)
        let width = pt(l.width)
        if l.style != .none && pts.count > 1 {
            let dash = l.style.pattern.map { $0 * width }
            canvas.polyline(pts, color: l.color, width: width, dash: dash,
                            cap: l.style == .solid ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
        }
        if l.marker != .none {
            for (x, y) in pts where x.isFinite && y.isFinite {
                drawMarker(l.marker, x: x, y: y, size: pt(l.markerSize), face: l.color, edge: l.color, edgeWidth: pt(1))
            }
        }
    }

    /// One marker centred at (x, y), `size` pixels across as matplotlib measures markers.
    func drawMarker(_ m: Marker, x: Double, y: Double, size: Double, face: RGBA, edge: RGBA, edgeWidth: Double) {
        let cr = canvas.cr, r = size / 2
        cairo_new_path(cr)
        switch m {
        case .none: return
        case .circle: cairo_arc(cr, x, y, r, 0, 2 * .pi)
        case .point: cairo_arc(cr, x, y, r / 2, 0, 2 * .pi)
        case .pixel: cairo_rectangle(cr, x - 0.5, y - 0.5, 1, 1)
        case .square: cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r)
        case .diamond, .thinDiamond:
            let rx = m == .thinDiamond ? r * 0.6 : r * 0.8
            cairo_move_to(cr, x, y - r); cairo_line_to(cr, x + rx, y); cairo_line_to(cr, x, y + r); cairo_line_to(cr, x - rx, y); cairo_close_path(cr)
        case .triangleUp, .triangleDown, .triangleLeft, .triangleRight:
            let turns: [Marker: Double] = [.triangleUp: 0, .triangleLeft: 0.5, .triangleDown: 1, .triangleRight: 1.5]
            let a0 = turns[m]! * .pi
            for k in 0..<3 {
                let a = a0 + Double(k) * 2 * .pi / 3
                let (vx, vy) = (x - r * sin(a), y - r * cos(a))
                if k == 0 { cairo_move_to(cr, vx, vy) } else { cairo_line_to(cr, vx, vy) }
            }
            cairo_close_path(cr)
        case .star:
            for k in 0..<10 {
                let a = Double(k) * .pi / 5, rr = k % 2 == 0 ? r : r * 0.381966
                let (vx, vy) = (x + rr * sin(a), y - rr * cos(a))
                if k == 0 { cairo_move_to(cr, vx, vy) } else { cairo_line_to(cr, vx, vy) }
            }
            cairo_close_path(cr)
        case .x:
            cairo_move_to(cr, x - r, y - r); cairo_line_to(cr, x + r, y + r); cairo_move_to(cr, x - r, y + r); cairo_line_to(cr, x + r, y - r)
        case .plus:
            cairo_move_to(cr, x - r, y); cairo_line_to(cr, x + r, y); cairo_move_to(cr, x, y - r); cairo_line_to(cr, x, y + r)
        }
        if m.filled {
            canvas.setColor(face)
            cairo_fill_preserve(cr)
        }
        canvas.setColor(edge)
        cairo_set_line_width(cr, m.filled ? edgeWidth : pt(1.5))
        cairo_stroke(cr)
    }

    func drawBar(_ b: BarPatch) {
        // Agg snaps rectangle fills to whole pixels.
        var x0 = px(b.x).rounded(), x1 = px(b.x + b.width).rounded()
        var y0 = py(b.y + b.height).rounded(), y1 = py(b.y).rounded()
        if x0 > x1 { swap(&x0, &x1) }
        if y0 > y1 { swap(&y0, &y1) }
        guard x0.isFinite, x1.isFinite, y0.isFinite, y1.isFinite else { return }
        let (cx0, cx1) = (max(x0, box.x0 - 10), min(x1, box.x1 + 10)), (cy0, cy1) = (max(y0, box.y0 - 10), min(y1, box.y1 + 10))
        guard cx1 > cx0, cy1 > cy0 else { return }
        canvas.fillRect(cx0, cy0, cx1 - cx0, cy1 - cy0, b.color)
        if let e = b.edgeColor {
            canvas.setColor(e)
            cairo_set_line_width(canvas.cr, pt(b.edgeWidth))
            cairo_rectangle(canvas.cr, cx0, cy0, cx1 - cx0, cy1 - cy0)
            cairo_stroke(canvas.cr)
        }
    }

    func drawScatter(_ s: Scatter) {
        for i in 0..<min(s.xs.count, s.ys.count) {
            let x = px(s.xs[i]), y = py(s.ys[i])
            guard x.isFinite, y.isFinite else { continue }
            let size = pt(sqrt(s.sizes[i % max(1, s.sizes.count)]))
            let c = s.colors[i % max(1, s.colors.count)]
            drawMarker(s.marker, x: x, y: y, size: size, face: c, edge: c, edgeWidth: pt(s.edgeWidth))
        }
    }

    func drawImage(_ im: ImageArtist) {
        let l = px(im.extent.left), r = px(im.extent.right), t = py(im.extent.top), b = py(im.extent.bottom)
        guard let out = ImageResampler.resample(im, left: l, right: r, top: t, bottom: b, clip: box) else { return }
        canvas.blit(out.rgba, width: out.width, height: out.height, x: out.x, y: out.y, alpha: im.alpha ?? 1)
    }

    // MARK: Axis decorations

    func drawGrid(_ xs: [Double], _ ys: [Double]) {
        let g = ax.grid
        let color = RGBA(g.color.r, g.color.g, g.color.b, g.alpha)
        let w = pt(g.width)
        canvas.clip(box)
        if g.x { for x in xs { canvas.snappedSegment(px(x), box.y1, px(x), box.y0, color: color, width: w) } }
        if g.y { for y in ys { canvas.snappedSegment(box.x0, py(y), box.x1, py(y), color: color, width: w) } }
        canvas.clip(nil)
    }

    static let tickLabelStyle = TextStyle(size: 10)

    /// A text the Axes draws around itself, where matplotlib puts it, with the box it covers.
    struct PlacedLabel {
        let text: String, x: Double, y: Double, style: TextStyle, box: PixelRect
    }

    /// Every decoration text of the Axes, placed: tick labels (3.5 pt beyond 3.5 pt ticks), the
    /// offset texts, the axis labels (4 pt beyond the tick labels), the titles (6 pt above). The
    /// drawing and `tightBox` (tight_layout, bbox_inches='tight') both read this one layout.
    struct Decorations {
        var tickLabels: [PlacedLabel] = [], offsets: [PlacedLabel] = [], axisLabels: [PlacedLabel] = [], titles: [PlacedLabel] = []
    }

    func decorations(_ xt: (locs: [Double], labels: [String], offset: String),
                     _ yt: (locs: [Double], labels: [String], offset: String)) -> Decorations {
        var d = Decorations()
        func place(_ t: String, _ x: Double, _ y: Double, _ style: TextStyle) -> PlacedLabel {
            PlacedLabel(text: t, x: x, y: y, style: style, box: text.box(t, x: x, y: y, style: style))
        }
        if ax.axisOn {
            let gap = pt(3.5 + 3.5)
            var xBox: PixelRect?, yBox: PixelRect?
            var style = Self.tickLabelStyle
            style.ha = .center; style.va = .top
            for (loc, label) in zip(xt.locs, xt.labels) where !label.isEmpty {
                let l = place(label, px(loc), box.y1 + gap, style)
                d.tickLabels.append(l)
                xBox = xBox.map { $0.union(l.box) } ?? l.box
            }
            style.ha = ax.yAxisRight ? .left : .right; style.va = .centerBaseline
            let edge = ax.yAxisRight ? box.x1 + gap : box.x0 - gap
            for (loc, label) in zip(yt.locs, yt.labels) where !label.isEmpty {
                let l = place(label, edge, py(loc), style)
                d.tickLabels.append(l)
                yBox = yBox.map { $0.union(l.box) } ?? l.box
            }
            // Offset texts: the y axis's above its top-left corner, the x axis's below its right end.
            if !yt.offset.isEmpty {
                var s = Self.tickLabelStyle; s.ha = .left; s.va = .baseline
                d.offsets.append(place(yt.offset, box.x0, min(box.y0, yBox?.y0 ?? box.y0) - pt(3), s))
            }
            if !xt.offset.isEmpty {
                var s = Self.tickLabelStyle; s.ha = .right; s.va = .top
                d.offsets.append(place(xt.offset, box.x1, max(box.y1, xBox?.y1 ?? box.y1) + pt(3), s))
            }
            if !ax.xLabel.isEmpty {
                var s = ax.xLabelStyle
                s.ha = .center; s.va = .top
                d.axisLabels.append(place(ax.xLabel, (box.x0 + box.x1) / 2, max(box.y1, xBox?.y1 ?? box.y1) + pt(4), s))
            }
            if !ax.yLabel.isEmpty {
                var s = ax.yLabelStyle
                s.ha = .center; s.va = .bottom
                s.rotation = 90; s.anchorRotation = true
                d.axisLabels.append(place(ax.yLabel, min(box.x0, yBox?.x0 ?? box.x0) - pt(4), (box.y0 + box.y1) / 2, s))
            }
        }
        for (key, ha) in [("left", HAlign.left), ("center", .center), ("right", .right)] {
            guard let t = ax.title[key], !t.isEmpty else { continue }
            let x = ha == .left ? box.x0 : ha == .right ? box.x1 : (box.x0 + box.x1) / 2
            d.titles.append(place(t, x, box.y0 - pt(6), titleStyle(key, ha)))
        }
        return d
    }

    func drawLabels(_ labels: [PlacedLabel]) {
        for l in labels { text.draw(l.text, x: l.x, y: l.y, style: l.style) }
    }

    /// The tick marks, outwards from the spines.
    func drawTickMarks(_ xt: [Double], _ yt: [Double]) {
        let length = pt(3.5), width = pt(0.8)
        for loc in xt {
            let x = px(loc)
            canvas.snappedSegment(x, box.y1, x, box.y1 + length, color: .black, width: width)
        }
        let edge = ax.yAxisRight ? box.x1 : box.x0, out = ax.yAxisRight ? 1.0 : -1.0
        for loc in yt {
            let y = py(loc)
            canvas.snappedSegment(edge, y, edge + out * length, y, color: .black, width: width)
        }
    }

    func drawSpines() {
        let w = pt(0.8)
        canvas.snappedSegment(box.x0, box.y0, box.x0, box.y1, color: .black, width: w)
        canvas.snappedSegment(box.x1, box.y0, box.x1, box.y1, color: .black, width: w)
        canvas.snappedSegment(box.x0, box.y0, box.x1, box.y0, color: .black, width: w)
        canvas.snappedSegment(box.x0, box.y1, box.x1, box.y1, color: .black, width: w)
    }

    func titleStyle(_ key: String, _ ha: HAlign) -> TextStyle {
        var s = ax.titleStyles[key] ?? TextStyle(size: 12)
        s.ha = ha; s.va = .baseline
        return s
    }

    /// A colorbar Axes: the colormap as a vertical strip between its limits.
    func drawColorbar(_ im: ImageArtist) {
        guard let cmap = im.colormap else { return }
        let h = max(1, saturatingInt(box.height.rounded())), w = max(1, saturatingInt(box.width.rounded()))
        guard w * h <= 1 << 26 else { return }
        var rgba = [UInt8](repeating: 0, count: w * h * 4)
        for row in 0..<h {
            let c = cmap.color(1 - (Double(row) + 0.5) / Double(h))
            for col in 0..<w {
                let k = 4 * (row * w + col)
                rgba[k] = c.0; rgba[k + 1] = c.1; rgba[k + 2] = c.2; rgba[k + 3] = 255
            }
        }
        canvas.blit(rgba, width: w, height: h, x: saturatingInt(box.x0.rounded()), y: saturatingInt(box.y0.rounded()))
    }
}
