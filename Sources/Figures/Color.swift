import Foundation

/// A colour as matplotlib's `to_rgba` returns it: four channels in [0, 1].
public struct RGBA: Equatable, Sendable {
    public var r, g, b, a: Double
    public init(_ r: Double, _ g: Double, _ b: Double, _ a: Double = 1) { self.r = r; self.g = g; self.b = b; self.a = a }
    public static let white = RGBA(1, 1, 1), black = RGBA(0, 0, 0), clear = RGBA(0, 0, 0, 0)

    public func with(alpha: Double?) -> RGBA { alpha.map { RGBA(r, g, b, $0) } ?? self }

    /// The `tab10` property cycle matplotlib's default style draws lines, bars and points in.
    public static let cycle: [RGBA] = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                       "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"].map { RGBA(hex: $0)! }

    /// `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`.
    public init?(hex: String) {
        guard hex.hasPrefix("#") else { return nil }
        var digits = Array(hex.dropFirst())
        if digits.count == 3 || digits.count == 4 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6 || digits.count == 8 else { return nil }
        var channels = [Double]()
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let v = UInt8(String(digits[i...i + 1]), radix: 16) else { return nil }
            channels.append(Double(v) / 255)
        }
        self.init(channels[0], channels[1], channels[2], channels.count == 4 ? channels[3] : 1)
    }

    /// A colour string as matplotlib reads it: names (CSS4, `tab:`, one-letter), hex, `'C3'` (the
    /// cycle), and a grey level in quotes (`'0.8'`). Nil for anything else.
    public init?(name: String) {
        let s = name.lowercased()
        if let c = RGBA(hex: s) { self = c; return }
        // 'C<n>' is the n-th colour of the cycle, modulo its length (n may have any number of digits).
        if s.count >= 2, s.first == "c", s.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let last = s.last?.wholeNumberValue {
            self = RGBA.cycle[last % 10]; return
        }
        if let hex = ColormapData.namedColors[s], let c = RGBA(hex: hex) { self = c; return }
        if let v = Double(s), s.first != "-", s.first != "+", v >= 0, v <= 1 { self = RGBA(v, v, v); return }
        if s == "none" { self = .clear; return }
        return nil
    }

    /// An RGB or RGBA tuple of floats in [0, 1].
    public init?(components c: [Double]) {
        guard c.count == 3 || c.count == 4, c.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { return nil }
        self.init(c[0], c[1], c[2], c.count == 4 ? c[3] : 1)
    }
}
