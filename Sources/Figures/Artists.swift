import Foundation

// What an Axes holds: the artists matplotlib's plotting calls make, as plain values.

public enum LineStyle: String, Sendable {
    case solid = "-", dashed = "--", dotted = ":", dashDot = "-.", none = ""

    /// matplotlib's dash patterns in units of the line width (`lines.dashed_pattern`, …).
    var pattern: [Double] {
        switch self {
        case .solid, .none: return []
        case .dashed: return [3.7, 1.6]
        case .dotted: return [1, 1.65]
        case .dashDot: return [6.4, 1.6, 1, 1.6]
        }
    }
}

public enum Marker: String, Sendable, CaseIterable {
    case none = "", point = ".", pixel = ",", circle = "o", square = "s", triangleUp = "^", triangleDown = "v",
         triangleLeft = "<", triangleRight = ">", x = "x", plus = "+", star = "*", diamond = "D", thinDiamond = "d"

    var filled: Bool { self != .x && self != .plus && self != .none }
}

public struct Line: Sendable {
    public var xs: [Double], ys: [Double]
    public var color: RGBA
    public var width = 1.5
    public var style = LineStyle.solid
    public var marker = Marker.none
    public var markerSize = 6.0
    public var label: String?
    /// `axhline`/`axvline`: that coordinate is a fraction of the Axes, not data (and does not autoscale).
    public var xInAxes = false, yInAxes = false
    public init(xs: [Double], ys: [Double], color: RGBA) { self.xs = xs; self.ys = ys; self.color = color }
}

/// An image already in colours (RGBA bytes, row 0 at the top of the picture), with its extent in data.
public struct ImageArtist: Sendable {
    public var width: Int, height: Int
    public var rgba: [UInt8]
    public var extent: (left: Double, right: Double, bottom: Double, top: Double)
    public var interpolation = "auto"
    public var alpha: Double?
    /// For colorbars: the colormap and the normalisation limits of scalar data.
    public var colormap: Colormap?
    public var limits: (Double, Double)?
    public init(width: Int, height: Int, rgba: [UInt8], extent: (Double, Double, Double, Double)) {
        self.width = width; self.height = height; self.rgba = rgba
        self.extent = (extent.0, extent.1, extent.2, extent.3)
    }
}

/// A rectangle in data coordinates (the bars of `bar` and `hist`).
public struct BarPatch: Sendable {
    public var x: Double, y: Double, width: Double, height: Double
    public var color: RGBA
    public var edgeColor: RGBA?
    public var edgeWidth = 1.0
    public init(x: Double, y: Double, width: Double, height: Double, color: RGBA) {
        self.x = x; self.y = y; self.width = width; self.height = height; self.color = color
    }
}

public struct Scatter: Sendable {
    public var xs: [Double], ys: [Double]
    /// Marker areas in points².
    public var sizes: [Double]
    public var colors: [RGBA]
    public var marker = Marker.circle
    public var edgeWidth = 1.0
    public init(xs: [Double], ys: [Double], sizes: [Double], colors: [RGBA]) {
        self.xs = xs; self.ys = ys; self.sizes = sizes; self.colors = colors
    }
}

public enum HAlign: String, Sendable { case left, center, right }
public enum VAlign: String, Sendable { case top, center, bottom, baseline, centerBaseline = "center_baseline" }

public struct TextStyle: Sendable {
    public var size = 10.0
    public var color = RGBA.black
    public var bold = false
    public var ha = HAlign.left
    public var va = VAlign.baseline
    public var rotation = 0.0
    /// matplotlib's `rotation_mode='anchor'` (axis labels): aligned before turning.
    public var anchorRotation = false
    public init(size: Double = 10, ha: HAlign = .left, va: VAlign = .baseline) { self.size = size; self.ha = ha; self.va = va }
}

/// `ax.text(x, y, s)` (data coordinates) or `fig.text` (figure fraction).
public struct PlacedText: Sendable {
    public var x: Double, y: Double, text: String
    public var style: TextStyle
    public init(x: Double, y: Double, text: String, style: TextStyle) { self.x = x; self.y = y; self.text = text; self.style = style }
}

/// One thing drawn in an Axes, with the z-order matplotlib gives its kind.
public enum Artist: Sendable {
    case line(Line), image(ImageArtist), bar(BarPatch, label: String?), scatter(Scatter, label: String?), text(PlacedText)

    var zorder: Double {
        switch self {
        case .image: return 0
        case .bar, .scatter: return 1
        case .line: return 2
        case .text: return 3
        }
    }
}

public struct GridStyle: Sendable {
    public var x = false, y = false
    public var color = RGBA(hex: "#b0b0b0")!
    public var width = 0.8
    public var style = LineStyle.solid
    public var alpha = 1.0
    public init() {}
}

public struct LegendSpec: Sendable {
    public var loc = "best"
    public var fontSize = 10.0
    public var frameOn = true
    /// Labels given to `legend([...])`, applied to the artists in order.
    public var labels: [String]?
    public var title: String?
    public var ncols = 1
    public init() {}
}

/// Ticks the user fixed with `xticks(locs, labels)`.
public struct FixedTicks: Sendable {
    public var locs: [Double]
    public var labels: [String]?
    public init(locs: [Double], labels: [String]?) { self.locs = locs; self.labels = labels }
}
