import Foundation
import Torch

/// A line chart of named series, drawn as braille text (`renderBraille`); as a picture it becomes a
/// matplotlib-style figure (`Figure(plot:)` in the Figures module).
public struct Plot {
    /// One curve: its legend name and points (non-finite points are skipped and break the line).
    public struct Series {
        /// Legend text.
        public var name: String
        /// X coordinates.
        public var xs: [Double]
        /// Y coordinates, one per x.
        public var ys: [Double]

        /// A series; `xs` and `ys` must have the same length.
        public init(name: String, xs: [Double], ys: [Double]) {
            self.name = name
            self.xs = xs
            self.ys = ys
        }
    }

    /// The curves, drawn in order (later ones on top).
    public var series: [Series]
    /// Centred above the chart.
    public var title: String
    /// Centred below the x tick labels.
    public var xLabel: String
    /// Above the y axis.
    public var yLabel: String

    /// A chart with optional title, axis labels and initial series.
    public init(title: String = "", xLabel: String = "", yLabel: String = "", series: [Series] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// Adds a series; without `xs` the points are at x = 0, 1, 2, ….
    public mutating func add(_ name: String, xs: [Double]? = nil, ys: [Double]) throws {
        let x = xs ?? ys.indices.map(Double.init)
        guard x.count == ys.count else {
            throw TorchError.value("series '\(name)': xs has \(x.count) values but ys has \(ys.count)")
        }
        series.append(Series(name: name, xs: x, ys: ys))
    }

    /// The axis limits rounded out to tick steps, and the ticks, for both axes.
    func axes(xTicks: Int, yTicks: Int) throws -> (x: Axis, y: Axis) {
        var xlo = Double.infinity, xhi = -Double.infinity, ylo = Double.infinity, yhi = -Double.infinity
        for s in series {
            guard s.xs.count == s.ys.count else {
                throw TorchError.value("series '\(s.name)': xs has \(s.xs.count) values but ys has \(s.ys.count)")
            }
            for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite {
                xlo = min(xlo, x); xhi = max(xhi, x); ylo = min(ylo, y); yhi = max(yhi, y)
            }
        }
        guard xlo <= xhi else { throw TorchError.value("nothing to plot: no series has a finite point") }
        return (Axis(lo: xlo, hi: xhi, target: xTicks, roundOut: false), Axis(lo: ylo, hi: yhi, target: yTicks))
    }

    /// The series' points, each series split into runs of consecutive finite points.
    func runs(_ s: Series) -> [[(Double, Double)]] {
        var out: [[(Double, Double)]] = [], cur: [(Double, Double)] = []
        for (x, y) in zip(s.xs, s.ys) {
            if x.isFinite && y.isFinite { cur.append((x, y)) } else if !cur.isEmpty { out.append(cur); cur = [] }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// A text chart: braille dots (2×4 per character), y ticks and labels on the left, x ticks below, a legend; ANSI colours per series when `color` is on.
    public func renderBraille(columns: Int = 60, rows: Int = 15, color: Bool = false) throws -> String {
        guard columns >= 2, rows >= 2, columns <= 1000, rows <= 1000 else {
            throw TorchError.value("columns and rows must be in 2...1000, got \(columns)×\(rows)")
        }
        let (xa, ya) = try axes(xTicks: max(2, columns / 12), yTicks: max(2, rows / 3))
        let w = columns * 2, h = rows * 4
        var bits = [UInt8](repeating: 0, count: columns * rows)
        var owner = [Int](repeating: -1, count: columns * rows)
        func px(_ x: Double) -> Int { pixelOffset(xa.fraction(x), w - 1) }
        func py(_ y: Double) -> Int { pixelOffset(1 - ya.fraction(y), h - 1) }
        for (si, s) in series.enumerated() {
            for run in runs(s) {
                var prev: (Int, Int)? = nil
                for (x, y) in run {
                    let p = (px(x), py(y))
                    for (dx, dy) in linePoints(prev ?? p, p) where dx >= 0 && dx < w && dy >= 0 && dy < h {
                        let cell = (dy / 4) * columns + dx / 2
                        bits[cell] |= brailleBit(dx % 2, dy % 4)
                        owner[cell] = si
                    }
                    prev = p
                }
            }
        }
        let yLabels = ya.ticks.map { (row: py($0) / 4, text: formatShort($0)) }
        let labelWidth = yLabels.map { $0.text.count }.max() ?? 1
        var lines: [String] = []
        let fullWidth = labelWidth + 2 + columns
        if !title.isEmpty { lines.append(centered(title, fullWidth)) }
        if !yLabel.isEmpty { lines.append(yLabel) }
        for r in 0..<rows {
            var line: String
            if let label = yLabels.last(where: { $0.row == r }) {
                line = String(repeating: " ", count: labelWidth - label.text.count) + label.text + " ┤"
            } else {
                line = String(repeating: " ", count: labelWidth) + " │"
            }
            for c in 0..<columns {
                let b = bits[r * columns + c]
                if b == 0 { line += " "; continue }
                let ch = String(UnicodeScalar(0x2800 + UInt32(b))!)
                if color { line += "\u{1B}[\(ansiColors[owner[r * columns + c] % ansiColors.count])m\(ch)\u{1B}[0m" } else { line += ch }
            }
            lines.append(line)
        }
        var axis = Array(String(repeating: " ", count: labelWidth) + " └" + String(repeating: "─", count: columns))
        var tickLine = Array(String(repeating: " ", count: fullWidth + 8))
        var lastEnd = -1
        for t in xa.ticks {
            let col = labelWidth + 2 + px(t) / 2
            axis[col] = "┬"
            let text = Array(formatShort(t))
            let start = max(0, min(col - text.count / 2, tickLine.count - text.count))
            if start > lastEnd {
                for (i, ch) in text.enumerated() { tickLine[start + i] = ch }
                lastEnd = start + text.count
            }
        }
        lines.append(String(axis))
        lines.append(String(tickLine).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        if !xLabel.isEmpty { lines.append(centered(xLabel, fullWidth)) }
        if !series.isEmpty {
            let entries = series.enumerated().map { i, s in
                color ? "\u{1B}[\(ansiColors[i % ansiColors.count])m⣿\u{1B}[0m \(s.name)" : "⣿ \(s.name)"
            }
            lines.append(String(repeating: " ", count: labelWidth + 2) + entries.joined(separator: "   "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// ANSI foreground colours for series 1, 2, 3, …: blue, yellow, green, red, magenta, cyan.
let ansiColors = [34, 33, 32, 31, 35, 36]

/// The braille bit for dot column `dx` (0–1) and row `dy` (0–3) of a U+2800 character.
func brailleBit(_ dx: Int, _ dy: Int) -> UInt8 {
    dy == 3 ? (dx == 0 ? 0x40 : 0x80) : UInt8(1 << (dy + 3 * dx))
}

/// Integer points of the segment from `a` to `b` (Bresenham), both ends included.
func linePoints(_ a: (Int, Int), _ b: (Int, Int)) -> [(Int, Int)] {
    var (x0, y0) = a
    let (x1, y1) = b
    let dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1
    let dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1
    var err = dx + dy
    var out: [(Int, Int)] = []
    while true {
        out.append((x0, y0))
        if x0 == x1 && y0 == y1 { break }
        let e2 = 2 * err
        if e2 >= dy { err += dy; x0 += sx }
        if e2 <= dx { err += dx; y0 += sy }
    }
    return out
}

func centered(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, (width - s.count) / 2)) + s
}

/// One axis: a 1-2-5 tick step, limits (the data range, or rounded out to whole steps), and the ticks in them.
struct Axis {
    let lo: Double, hi: Double, step: Double
    let ticks: [Double]

    init(lo dataLo: Double, hi dataHi: Double, target: Int, roundOut: Bool = true) {
        var a = dataLo, b = dataHi
        if a == b { let d = a == 0 ? 1 : abs(a) * 0.1; a -= d; b += d }
        let s = niceStep((b - a) / Double(max(target, 1)))
        step = s
        if roundOut {
            let first = (a / s).rounded(.down), last = (b / s).rounded(.up)
            lo = first * s
            hi = last * s
            ticks = stride(from: first, through: last, by: 1).map { cleanTick($0 * s, s) }
        } else {
            let first = (a / s - 1e-9).rounded(.up), last = (b / s + 1e-9).rounded(.down)
            lo = a
            hi = b
            ticks = first <= last ? stride(from: first, through: last, by: 1).map { cleanTick($0 * s, s) } : []
        }
    }

    /// Where `v` sits between the limits, 0…1 (halves first: limits near ±1.8e308 differ by more
    /// than the largest double).
    func fraction(_ v: Double) -> Double { (v / 2 - lo / 2) / (hi / 2 - lo / 2) }
}

/// `(f * span).rounded()` as a pixel offset, clamped far outside any canvas (and NaN to one) so a
/// degenerate axis cannot trap the Int conversion.
func pixelOffset(_ f: Double, _ span: Int) -> Int {
    let v = (f * Double(span)).rounded()
    guard v.isFinite else { return -1_000_000 }
    return Int(Swift.max(-1_000_000, Swift.min(1_000_000, v)))
}

/// The 1-2-5 step at or above `raw`.
public func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let mag = pow(10, (log10(raw)).rounded(.down))
    let norm = raw / mag
    let f: Double = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10
    return f * mag
}

/// Nice, round tick values covering `lo...hi` with about `maxTicks` ticks (1-2-5 steps).
public func niceTicks(_ lo: Double, _ hi: Double, maxTicks: Int = 6) -> [Double] {
    guard lo.isFinite, hi.isFinite else { return [] }
    return Axis(lo: min(lo, hi), hi: max(lo, hi), target: maxTicks).ticks
}

/// Removes floating-point noise from a multiple of `step` (0.30000000000000004 → 0.3).
func cleanTick(_ v: Double, _ step: Double) -> Double {
    let digits = max(0, -Int((log10(step)).rounded(.down)) + 1)
    let scale = pow(10, Double(min(digits, 15)))
    let r = (v * scale).rounded() / scale
    return r == 0 ? 0 : r
}
