import Foundation

/// A matplotlib colormap: its 256-entry table, looked up as `Colormap.__call__` does
/// (index floor(x * N), under and over clamp to the ends, NaN transparent).
public struct Colormap: Sendable {
    public let name: String
    let table: [UInt8]  // 256 × RGB

    public static let names: [String] = ColormapData.tables.keys.sorted()
    /// The colormaps matplotlib defines as lists of colours (the rest are segmented).
    public static let listed: Set<String> = ["viridis", "plasma", "inferno", "magma", "cividis", "turbo", "twilight"]

    /// `viridis`, `gray`, …, and each name with `_r` (reversed), as `matplotlib.colormaps[name]`.
    public init?(named name: String) {
        let reversed = name.hasSuffix("_r")
        let base = reversed ? String(name.dropLast(2)) : name
        guard let hex = ColormapData.tables[base] else { return nil }
        let utf8 = Array(hex.utf8)
        func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : c - 87 }
        var bytes = [UInt8](repeating: 0, count: utf8.count / 2)
        for i in 0..<bytes.count { bytes[i] = nibble(utf8[2 * i]) << 4 | nibble(utf8[2 * i + 1]) }
        if reversed {
            var r = [UInt8](); r.reserveCapacity(bytes.count)
            for i in stride(from: 255, through: 0, by: -1) { r += bytes[(3 * i)..<(3 * i + 3)] }
            bytes = r
        }
        self.name = name
        self.table = bytes
    }

    /// The colour of a normalised value (0 → first entry, 1 → last).
    public func color(_ x: Double) -> (UInt8, UInt8, UInt8, UInt8) {
        if x.isNaN { return (0, 0, 0, 0) }
        var i = x * 256
        if i >= 256 { i = 255 }
        if i < 0 { i = 0 }
        let k = 3 * Int(i)
        return (table[k], table[k + 1], table[k + 2], 255)
    }

    /// The colour at a fraction as floats (for colorbars and scatter colours).
    public func rgba(_ x: Double) -> RGBA {
        let c = color(x)
        return RGBA(Double(c.0) / 255, Double(c.1) / 255, Double(c.2) / 255, Double(c.3) / 255)
    }
}
