import Foundation

// matplotlib's tick placement and labels for linear axes, as `matplotlib.ticker` computes them:
// `AutoLocator` (a `MaxNLocator` with steps 1, 2, 2.5, 5, 10) and `ScalarFormatter` with its offset
// and scientific exponent. Float operations follow the Python source step by step (floor division,
// `divmod`, numpy's `round`) so the same ticks and the same label text come out.

/// Python's float `divmod` (floor division and a remainder with the divisor's sign).
func pyDivmod(_ vx: Double, _ wx: Double) -> (Double, Double) {
    var mod = fmod(vx, wx)
    var div = (vx - mod) / wx
    if mod != 0 {
        if (wx < 0) != (mod < 0) { mod += wx; div -= 1 }
    } else {
        mod = copysign(0, wx)
    }
    var floordiv: Double
    if div != 0 {
        floordiv = floor(div)
        if div - floordiv > 0.5 { floordiv += 1 }
    } else {
        floordiv = copysign(0, vx / wx)
    }
    return (floordiv, mod)
}

/// `matplotlib.transforms._nonsingular`: widen an empty or degenerate range.
public func nonsingular(_ a: Double, _ b: Double, expander: Double = 0.001, tiny: Double = 1e-15) -> (Double, Double) {
    guard a.isFinite, b.isFinite else { return (-expander, expander) }
    var vmin = Swift.min(a, b), vmax = Swift.max(a, b)
    let maxabs = Swift.max(abs(vmin), abs(vmax))
    if maxabs < (1e6 / tiny) * Double.leastNormalMagnitude {
        vmin = -expander; vmax = expander
    } else if vmax - vmin <= maxabs * tiny {
        if vmax == 0 && vmin == 0 { vmin = -expander; vmax = expander }
        else { vmin -= expander * abs(vmin); vmax += expander * abs(vmax) }
    }
    return (vmin, vmax)
}

/// `MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10], min_n_ticks=2)` — what `AutoLocator` is.
public struct MaxNLocator: Sendable {
    public var nbins: Int
    static let extendedSteps: [Double] = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20]
    let minTicks = 2

    public init(nbins: Int) { self.nbins = nbins }

    /// `nbins='auto'`: the axis length in points over three (x) or two (y) tick-label font sizes, clipped to 1…9.
    public static func autoBins(axisLengthPoints: Double, labelSizePoints: Double, vertical: Bool) -> Int {
        let size = labelSizePoints * (vertical ? 2 : 3)
        let space = size > 0 ? saturatingInt((axisLengthPoints / size).rounded(.down)) : 9
        return Swift.min(9, Swift.max(1, space))
    }

    public func tickValues(_ lo: Double, _ hi: Double) -> [Double] {
        let (vmin, vmax) = nonsingular(lo, hi, expander: 1e-13, tiny: 1e-14)
        return rawTicks(vmin, vmax)
    }

    func rawTicks(_ vmin: Double, _ vmax: Double) -> [Double] {
        // scale_range
        let dv = abs(vmax - vmin), meanv = (vmax + vmin) / 2
        let offset = abs(meanv) / dv < 100 ? 0 : copysign(pow(10, pyDivmod(log10(abs(meanv)), 1).0), meanv)
        let scale = pow(10, pyDivmod(log10(dv / Double(nbins)), 1).0)
        let _vmin = vmin - offset, _vmax = vmax - offset
        let steps = Self.extendedSteps.map { $0 * scale }
        let rawStep = (_vmax - _vmin) / Double(nbins)
        let istep = steps.firstIndex(where: { $0 >= rawStep }) ?? steps.count - 1
        var ticks = [Double]()
        for step in steps[...istep].reversed() {
            let bestVmin = pyDivmod(_vmin, step).0 * step
            let edge = EdgeInteger(step: step, offset: offset)
            let low = edge.le(_vmin - bestVmin), high = edge.ge(_vmax - bestVmin)
            ticks = []
            var k = low
            while k < high + 1 && ticks.count < 1000 { ticks.append(k * step + bestVmin); k += 1 }
            let shown = ticks.filter { $0 <= _vmax && $0 >= _vmin }.count
            if shown >= minTicks { break }
        }
        return ticks.map { $0 + offset }
    }
}

/// `matplotlib.ticker._Edge_integer`: integer multiples of a step, with slop for large offsets.
struct EdgeInteger {
    let step: Double, offset: Double
    init(step: Double, offset: Double) { self.step = step; self.offset = abs(offset) }
    func closeTo(_ ms: Double, _ edge: Double) -> Bool {
        var tol = 1e-10
        if offset > 0 {
            let digits = log10(offset / step)
            tol = Swift.min(0.4999, Swift.max(1e-10, pow(10, digits - 12)))
        }
        return abs(ms - edge) < tol
    }
    func le(_ x: Double) -> Double {
        let (d, m) = pyDivmod(x, step)
        return closeTo(m / step, 1) ? d + 1 : d
    }
    func ge(_ x: Double) -> Double {
        let (d, m) = pyDivmod(x, step)
        return closeTo(m / step, 0) ? d : d + 1
    }
}

/// numpy's `round(x, decimals)` for decimals ≥ 0: scale, round half to even, unscale.
func numpyRound(_ x: Double, _ decimals: Int) -> Double {
    let f = pow(10, Double(decimals))
    return (x * f).rounded(.toNearestOrEven) / f
}

/// `ScalarFormatter` with matplotlib's defaults: offset when it saves 4 digits, scientific
/// notation outside 1e-5…1e6, unicode minus, and as many decimals as the ticks need.
public struct ScalarFormatter: Sendable {
    public private(set) var offset: Double = 0
    public private(set) var orderOfMagnitude = 0
    var decimals = 1
    var locs: [Double] = []
    let powerLimits = (-5, 6), offsetThreshold = 4
    /// `axes.unicode_minus`.
    public var unicodeMinus = true

    public init() {}

    /// `set_locs`: every major location the locator gave, and the axis's view interval.
    public mutating func setLocs(_ locs: [Double], view: (Double, Double)) {
        self.locs = locs
        guard !locs.isEmpty else { return }
        let (vmin, vmax) = (Swift.min(view.0, view.1), Swift.max(view.0, view.1))
        let visible = locs.filter { vmin <= $0 && $0 <= vmax }
        computeOffset(visible)
        setOrderOfMagnitude(visible, vmin, vmax)
        setFormat(view)
    }

    mutating func computeOffset(_ visible: [Double]) {
        offset = 0
        guard let lmin = visible.min(), let lmax = visible.max(), lmin != lmax, !(lmin <= 0 && 0 <= lmax) else { return }
        let absMin = Swift.min(abs(lmin), abs(lmax)), absMax = Swift.max(abs(lmin), abs(lmax))
        let sign = copysign(1, lmin)
        let oomMax = ceil(log10(absMax))
        func firstOom(_ differs: (Double) -> Bool) -> Double {
            var oom = oomMax
            for _ in 0..<400 { if differs(oom) { return oom }; oom -= 1 }
            return oom
        }
        var oom = 1 + firstOom { pyDivmod(absMin, pow(10, $0)).0 != pyDivmod(absMax, pow(10, $0)).0 }
        if (absMax - absMin) / pow(10, oom) <= 1e-2 {
            oom = 1 + firstOom { pyDivmod(absMax, pow(10, $0)).0 - pyDivmod(absMin, pow(10, $0)).0 > 1 }
        }
        let n = Double(offsetThreshold - 1)
        let q = pyDivmod(absMax, pow(10, oom)).0
        offset = q >= pow(10, n) ? sign * q * pow(10, oom) : 0
    }

    mutating func setOrderOfMagnitude(_ visible: [Double], _ vmin: Double, _ vmax: Double) {
        orderOfMagnitude = 0
        guard !visible.isEmpty else { return }
        let oom: Int
        if offset != 0 {
            oom = saturatingInt(floor(log10(vmax - vmin)))
        } else {
            let val = visible.map(abs).max()!
            oom = val == 0 ? 0 : saturatingInt(floor(log10(val)))
        }
        if oom <= powerLimits.0 || oom >= powerLimits.1 { orderOfMagnitude = oom }
    }

    mutating func setFormat(_ view: (Double, Double)) {
        var all = locs
        if locs.count < 2 { all += [view.0, view.1] }
        var scaled = all.map { ($0 - offset) / pow(10, Double(orderOfMagnitude)) }
        var range = (scaled.max() ?? 0) - (scaled.min() ?? 0)
        if range == 0 { range = scaled.map(abs).max() ?? 0 }
        if range == 0 { range = 1 }
        if locs.count < 2 { scaled.removeLast(2) }
        guard range.isFinite else { decimals = 0; return }
        let rangeOom = saturatingInt(floor(log10(range)))
        var sigfigs = Swift.min(340, Swift.max(0, 3 - rangeOom))
        let thresh = 1e-3 * pow(10, Double(rangeOom))
        while sigfigs >= 0 {
            let err = scaled.map { abs($0 - numpyRound($0, sigfigs)) }.max() ?? 0
            if err < thresh { sigfigs -= 1 } else { break }
        }
        decimals = sigfigs + 1
    }

    /// The label of one tick.
    public func label(_ x: Double) -> String {
        guard !locs.isEmpty else { return "" }
        var xp = (x - offset) / pow(10, Double(orderOfMagnitude))
        if abs(xp) < 1e-8 { xp = 0 }
        let text = String(format: "%1.\(decimals)f", xp)
        return unicodeMinus ? Self.fixMinus(text) : text
    }

    /// The offset text (`1e6`, `+1e3`, `1e-5+1.23`), empty when there is none.
    public var offsetText: String {
        guard !locs.isEmpty, orderOfMagnitude != 0 || offset != 0 else { return "" }
        var offsetStr = "", sci = ""
        if offset != 0 {
            offsetStr = Self.formatData(offset)
            if offset > 0 { offsetStr = "+" + offsetStr }
        }
        if orderOfMagnitude != 0 { sci = "1e\(orderOfMagnitude)" }
        return unicodeMinus ? Self.fixMinus(sci + offsetStr) : sci + offsetStr
    }

    static func formatData(_ value: Double) -> String {
        let e = saturatingInt(floor(log10(abs(value))))
        let s = (value / pow(10, Double(e)) * 1e10).rounded(.toNearestOrEven) / 1e10
        let significand = s.truncatingRemainder(dividingBy: 1) == 0 && abs(s) < 1e15 ? String(saturatingInt(s)) : String(format: "%1.10g", s)
        return e == 0 ? significand : "\(significand)e\(e)"
    }

    /// matplotlib draws U+2212 for minus signs (`axes.unicode_minus`).
    public static func fixMinus(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "\u{2212}") }
}
