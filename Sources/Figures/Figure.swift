import Foundation

/// A Double as an Int for sizes and indices computed from user input: NaN is 0, the rest saturates
/// at ±2^40, so no conversion traps whatever the figure's numbers are.
@inline(__always) func saturatingInt(_ d: Double) -> Int {
    d.isNaN ? 0 : Int(Swift.max(-1_099_511_627_776, Swift.min(1_099_511_627_776, d)))
}

/// matplotlib's `figure.subplot.*` parameters (fractions of the figure).
public struct SubplotParams: Sendable {
    public var left = 0.125, right = 0.9, bottom = 0.11, top = 0.88, wspace = 0.2, hspace = 0.2
    public init() {}
}

/// A rectangle in figure pixels, y measured downwards from the top edge (as the picture is stored).
public struct PixelRect: Equatable, Sendable {
    public var x0: Double, y0: Double, x1: Double, y1: Double
    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public init(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) { self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1 }
    func contains(_ x: Double, _ y: Double) -> Bool { x > x0 && x < x1 && y > y0 && y < y1 }
    func union(_ o: PixelRect) -> PixelRect { PixelRect(Swift.min(x0, o.x0), Swift.min(y0, o.y0), Swift.max(x1, o.x1), Swift.max(y1, o.y1)) }
}

/// A cell range of a grid (`subplot(2, 3, 4)`, `GridSpec` slices).
public struct SubplotSpec: Equatable, Sendable {
    public var rows: Int, cols: Int
    public var rowRange: ClosedRange<Int>, colRange: ClosedRange<Int>
    public init(rows: Int, cols: Int, index: Int) {
        self.rows = rows; self.cols = cols
        rowRange = (index - 1) / cols...(index - 1) / cols
        colRange = (index - 1) % cols...(index - 1) % cols
    }
    public init(rows: Int, cols: Int, rowRange: ClosedRange<Int>, colRange: ClosedRange<Int>) {
        self.rows = rows; self.cols = cols; self.rowRange = rowRange; self.colRange = colRange
    }

    /// `GridSpec.get_grid_positions` for this cell range, as (left, bottom, right, top) figure fractions.
    func position(_ p: SubplotParams) -> (Double, Double, Double, Double) {
        let cellH = (p.top - p.bottom) / (Double(rows) + p.hspace * Double(rows - 1))
        let cellW = (p.right - p.left) / (Double(cols) + p.wspace * Double(cols - 1))
        func top(_ r: Int) -> Double { p.top - Double(r) * cellH * (1 + p.hspace) }
        func left(_ c: Int) -> Double { p.left + Double(c) * cellW * (1 + p.wspace) }
        return (left(colRange.lowerBound), top(rowRange.upperBound) - cellH, left(colRange.upperBound) + cellW, top(rowRange.lowerBound))
    }
}

/// A figure: its size, its axes and its texts (`matplotlib.figure.Figure`).
public final class Figure {
    public let number: Int
    public var widthInches: Double, heightInches: Double
    public var dpi: Double
    public var faceColor = RGBA.white
    public var params = SubplotParams()
    public private(set) var axes: [Axes] = []
    public var suptitle: PlacedText?
    public var texts: [PlacedText] = []
    /// `axes.unicode_minus`: tick labels use U+2212 for minus signs.
    public var unicodeMinus = true
    /// The Axes pyplot draws into (`gca()`).
    public var currentAxes: Axes?
    /// The Python object standing for this figure, while one lives (the binding's, not the model's).
    public weak var wrapper: AnyObject?

    public init(number: Int, width: Double = 6.4, height: Double = 4.8, dpi: Double = 100) {
        self.number = number; widthInches = width; heightInches = height; self.dpi = dpi
    }

    /// Agg's canvas size: the figure's size in pixels, truncated.
    public var pixelWidth: Int { saturatingInt((widthInches * dpi).rounded(.towardZero)) }
    public var pixelHeight: Int { saturatingInt((heightInches * dpi).rounded(.towardZero)) }

    public func addAxes(_ a: Axes) { axes.append(a); a.figure = self }
    public func remove(_ a: Axes) {
        axes.removeAll { $0 === a }
        if currentAxes === a { currentAxes = axes.last }
    }
    public func clear() { axes = []; suptitle = nil; texts = []; currentAxes = nil }

    /// Points to pixels at this figure's dpi.
    public func px(_ points: Double) -> Double { points * dpi / 72 }
}

/// One Axes: its place in the figure, its artists, limits, labels and decorations.
public final class Axes {
    public weak var figure: Figure?
    public var spec: SubplotSpec?
    /// `add_axes([l, b, w, h])` (figure fractions, y up), or a colorbar's place.
    public var rect: (Double, Double, Double, Double)?
    public private(set) var artists: [Artist] = []
    public var title = ["left": "", "center": "", "right": ""]
    /// Size, colour and weight of each title (`set_title(..., fontsize=)`); alignment comes from its place.
    public var titleStyles = ["left": TextStyle(size: 12), "center": TextStyle(size: 12), "right": TextStyle(size: 12)]
    public var xLabel = "", yLabel = ""
    public var xLabelStyle = TextStyle(size: 10), yLabelStyle = TextStyle(size: 10)
    public var xLimits: (Double, Double)?, yLimits: (Double, Double)?
    public var xAutoscale = true, yAutoscale = true
    public var xInverted = false, yInverted = false
    public var aspectEqual = false
    public var axisOn = true
    public var grid = GridStyle()
    public var legend: LegendSpec?
    public var xTicks: FixedTicks?, yTicks: FixedTicks?
    public var faceColor = RGBA.white
    /// Ticks and labels of the y axis on the right (colorbars).
    public var yAxisRight = false
    var cycleIndex = 0, patchCycleIndex = 0
    /// The Python object standing for this Axes, while one lives.
    public weak var wrapper: AnyObject?
    /// The colorbar drawn here, if this Axes is one.
    public var colorbarOf: ImageArtist?

    public init(spec: SubplotSpec?) { self.spec = spec }

    /// The next colour of the lines' property cycle.
    public func nextColor() -> RGBA {
        defer { cycleIndex += 1 }
        return RGBA.cycle[cycleIndex % RGBA.cycle.count]
    }

    /// The next colour for bars, histograms and scatter points (matplotlib keeps a second cycle for them).
    public func nextPatchColor() -> RGBA {
        defer { patchCycleIndex += 1 }
        return RGBA.cycle[patchCycleIndex % RGBA.cycle.count]
    }

    public func add(_ a: Artist) {
        artists.append(a)
        if case .image(let im) = a {
            // imshow fixes the view to the image's extent and makes the aspect equal.
            xLimits = (im.extent.left, im.extent.right)
            yLimits = (im.extent.bottom, im.extent.top)
        }
    }

    public func replace(at i: Int, with a: Artist) {
        guard i >= 0 && i < artists.count else { return }
        artists[i] = a
    }

    public func clear() {
        artists = []; title = ["left": "", "center": "", "right": ""]; xLabel = ""; yLabel = ""
        xLimits = nil; yLimits = nil; xAutoscale = true; yAutoscale = true; aspectEqual = false; axisOn = true
        grid = GridStyle(); legend = nil; xTicks = nil; yTicks = nil; cycleIndex = 0; patchCycleIndex = 0
        titleStyles = ["left": TextStyle(size: 12), "center": TextStyle(size: 12), "right": TextStyle(size: 12)]
        xLabelStyle = TextStyle(size: 10); yLabelStyle = TextStyle(size: 10); xInverted = false; yInverted = false; colorbarOf = nil
    }

    public var hasImages: Bool { artists.contains { if case .image = $0 { return true }; return false } }

    // MARK: Limits

    /// The data limits and sticky edges of one direction (`dataLim`, `sticky_edges`).
    func dataRange(x: Bool) -> (lo: Double, hi: Double, sticky: [Double])? {
        var lo = Double.infinity, hi = -Double.infinity, sticky = [Double]()
        func take(_ v: Double) { if v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) } }
        for a in artists {
            switch a {
            case .line(let l) where !(x ? l.xInAxes : l.yInAxes): (x ? l.xs : l.ys).forEach(take)
            case .line: break
            case .scatter(let s, _): (x ? s.xs : s.ys).forEach(take)
            case .bar(let b, _):
                if x { take(b.x); take(b.x + b.width) } else { take(b.y); take(b.y + b.height); sticky.append(b.y) }
            case .image(let im):
                let e = x ? [im.extent.left, im.extent.right] : [im.extent.bottom, im.extent.top]
                e.forEach(take); sticky += e
            case .text: break
            }
        }
        return lo <= hi ? (lo, hi, sticky) : nil
    }

    /// `autoscale_view` with the 5 % margins and sticky edges, then `nonsingular`.
    func autoscaled(x: Bool) -> (Double, Double) {
        guard let (lo, hi, sticky) = dataRange(x: x) else { return (0, 1) }
        let delta = (hi - lo) * 0.05
        let s = sticky.sorted()
        let tol = 1e-5 * Swift.max(abs(lo), abs(hi), hi - lo)
        let lowBound = s.last(where: { $0 <= lo + tol }) ?? -Double.infinity
        let highBound = s.first(where: { $0 >= hi - tol }) ?? Double.infinity
        let a = Swift.max(lo - (delta.isFinite ? delta : 0), lowBound)
        let b = Swift.min(hi + (delta.isFinite ? delta : 0), highBound)
        return nonsingular(a, b, expander: 0.05)
    }

    /// The view limits, as `get_xlim()` / `get_ylim()` return them (inverted axes reversed).
    public func viewLimits(x: Bool) -> (Double, Double) {
        if let l = x ? xLimits : yLimits { return l }
        var v = autoscaled(x: x)
        if x ? xInverted : yInverted { v = (v.1, v.0) }
        return v
    }

    // MARK: Position

    /// The position before aspect adjustment (figure fractions, y up: left, bottom, right, top).
    func originalPosition(_ fig: Figure) -> (Double, Double, Double, Double) {
        if let r = rect { return (r.0, r.1, r.0 + r.2, r.1 + r.3) }
        return (spec ?? SubplotSpec(rows: 1, cols: 1, index: 1)).position(fig.params)
    }

    /// The drawn rectangle in pixels: the position, shrunk and centred for an equal aspect (`apply_aspect`).
    public func pixelRect(_ fig: Figure) -> PixelRect {
        var (l, b, r, t) = originalPosition(fig)
        if aspectEqual {
            let xv = viewLimits(x: true), yv = viewLimits(x: false)
            let ratio = abs(yv.1 - yv.0) / abs(xv.1 - xv.0)
            let figAspect = fig.heightInches / fig.widthInches
            let w = r - l, h = t - b
            var W = w, H = w * ratio / figAspect
            if H > h { W = h * figAspect / ratio; H = h }
            if ratio.isFinite && ratio > 0 {
                l += (w - W) / 2; b += (h - H) / 2; r = l + W; t = b + H
            }
        }
        let fw = Double(fig.pixelWidth), fh = Double(fig.pixelHeight)
        return PixelRect(l * fw, (1 - t) * fh, r * fw, (1 - b) * fh)
    }

    // MARK: Ticks

    /// Major ticks that are drawn: locations inside the view and their labels, plus the offset text.
    public func ticks(x: Bool, in fig: Figure) -> (locs: [Double], labels: [String], offset: String) {
        let view = viewLimits(x: x)
        let lo = Swift.min(view.0, view.1), hi = Swift.max(view.0, view.1)
        let tol = (hi - lo) * 1e-10
        let all = allTicks(x: x, in: fig)
        let kept = zip(all.locs, all.labels).filter { $0.0 >= lo - tol && $0.0 <= hi + tol }
        return (kept.map { $0.0 }, kept.map { $0.1 }, all.offset)
    }

    /// Every major tick the locator gives (`get_xticks()`, also beyond the view) with its label.
    public func allTicks(x: Bool, in fig: Figure) -> (locs: [Double], labels: [String], offset: String) {
        let view = viewLimits(x: x)
        var fmt = ScalarFormatter()
        fmt.unicodeMinus = fig.unicodeMinus
        if let fixed = x ? xTicks : yTicks {
            fmt.setLocs(fixed.locs, view: view)
            let labels = fixed.locs.indices.map { i in fixed.labels.map { i < $0.count ? $0[i] : "" } ?? fmt.label(fixed.locs[i]) }
            return (fixed.locs, labels, fixed.labels == nil ? fmt.offsetText : "")
        }
        let box = pixelRect(fig)
        let lengthPoints = (x ? box.width : box.height) / fig.dpi * 72
        let locator = MaxNLocator(nbins: MaxNLocator.autoBins(axisLengthPoints: lengthPoints, labelSizePoints: 10, vertical: !x))
        let all = locator.tickValues(view.0, view.1)
        fmt.setLocs(all, view: view)
        return (all, all.map { fmt.label($0) }, fmt.offsetText)
    }
}
