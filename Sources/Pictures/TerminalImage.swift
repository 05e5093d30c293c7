import Foundation
import Torch

// Pictures in a terminal: 24-bit colour half blocks, the kitty graphics protocol and sixels.

/// Area-average downscale of interleaved 8-bit pixels (each output pixel averages the input area it covers, with fractional edges).
public func downscaleArea(_ pixels: [UInt8], width: Int, height: Int, channels: Int, outWidth: Int, outHeight: Int) -> [UInt8] {
    if outWidth == width && outHeight == height { return pixels }
    let sx = Double(width) / Double(outWidth), sy = Double(height) / Double(outHeight)
    var out = [UInt8](repeating: 0, count: outWidth * outHeight * channels)
    var acc = [Double](repeating: 0, count: channels)
    for oy in 0..<outHeight {
        let y0 = Double(oy) * sy, y1 = Double(oy + 1) * sy
        for ox in 0..<outWidth {
            let x0 = Double(ox) * sx, x1 = Double(ox + 1) * sx
            for c in 0..<channels { acc[c] = 0 }
            var total = 0.0
            var y = Int(y0)
            while Double(y) < y1 && y < height {
                let wy = min(Double(y + 1), y1) - max(Double(y), y0)
                var x = Int(x0)
                while Double(x) < x1 && x < width {
                    let wgt = wy * (min(Double(x + 1), x1) - max(Double(x), x0))
                    if wgt > 0 {
                        let base = (y * width + x) * channels
                        for c in 0..<channels { acc[c] += wgt * Double(pixels[base + c]) }
                        total += wgt
                    }
                    x += 1
                }
                y += 1
            }
            for c in 0..<channels {
                out[(oy * outWidth + ox) * channels + c] = total > 0 ? UInt8(min(255, (acc[c] / total).rounded())) : 0
            }
        }
    }
    return out
}

/// The size that fits `width`×`height` into `maxColumns` columns (and at most `maxRows` text rows of two pixels), keeping the aspect ratio.
func fittedSize(width: Int, height: Int, maxColumns: Int, maxPixelRows: Int?) -> (Int, Int) {
    var scale = 1.0
    if width > maxColumns { scale = Double(maxColumns) / Double(width) }
    if let maxPixelRows, Double(height) * scale > Double(maxPixelRows) { scale = Double(maxPixelRows) / Double(height) }
    if scale >= 1 { return (width, height) }
    return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
}

func checkRGB(_ rgb: [UInt8], _ width: Int, _ height: Int) throws {
    guard width > 0, height > 0 else { throw TorchError.value("image size must be positive, got \(width)x\(height)") }
    let (n, overflow) = width.multipliedReportingOverflow(by: height * 3)
    guard !overflow, rgb.count == n else {
        throw TorchError.value("expected \(height)x\(width)x3 = \(overflow ? "too many" : String(n)) RGB bytes, got \(rgb.count)")
    }
}

/// Renders H×W×3 RGB bytes as rows of `▀` half blocks (foreground = upper pixel, background = lower), area-downscaled to at most `maxColumns` columns.
public func renderHalfBlocks(_ rgb: [UInt8], width: Int, height: Int, maxColumns: Int = 80, maxRows: Int? = nil) throws -> String {
    try checkRGB(rgb, width, height)
    guard maxColumns > 0 else { throw TorchError.value("maxColumns must be positive, got \(maxColumns)") }
    let (w, h) = fittedSize(width: width, height: height, maxColumns: maxColumns, maxPixelRows: maxRows.map { $0 * 2 })
    let px = downscaleArea(rgb, width: width, height: height, channels: 3, outWidth: w, outHeight: h)
    var out = ""
    out.reserveCapacity(w * (h + 1) / 2 * 40)
    for y in stride(from: 0, to: h, by: 2) {
        for x in 0..<w {
            let u = (y * w + x) * 3
            out += "\u{1B}[38;2;\(px[u]);\(px[u + 1]);\(px[u + 2])m"
            if y + 1 < h {
                let l = ((y + 1) * w + x) * 3
                out += "\u{1B}[48;2;\(px[l]);\(px[l + 1]);\(px[l + 2])m"
            } else {
                out += "\u{1B}[49m"
            }
            out += "▀"
        }
        out += "\u{1B}[0m\n"
    }
    return out
}

/// Encodes H×W×3 RGB bytes for the kitty graphics protocol (`a=T,f=24`, base64 in chunks of 4096).
public func renderKitty(_ rgb: [UInt8], width: Int, height: Int) throws -> String {
    try checkRGB(rgb, width, height)
    let payload = Data(rgb).base64EncodedString()
    var out = ""
    var start = payload.startIndex
    var first = true
    while start < payload.endIndex || first {
        let end = payload.index(start, offsetBy: 4096, limitedBy: payload.endIndex) ?? payload.endIndex
        let more = end < payload.endIndex ? 1 : 0
        let control = first ? "a=T,f=24,s=\(width),v=\(height),m=\(more)" : "m=\(more)"
        out += "\u{1B}_G\(control);\(payload[start..<end])\u{1B}\\"
        start = end
        first = false
    }
    return out + "\n"
}

/// Encodes H×W×3 RGB bytes as DEC sixels with a 6×6×6 colour cube palette, run-length encoded.
public func renderSixel(_ rgb: [UInt8], width: Int, height: Int) throws -> String {
    try checkRGB(rgb, width, height)
    func level(_ v: UInt8) -> Int { (Int(v) * 5 + 127) / 255 }
    var index = [Int](repeating: 0, count: width * height)
    var used = Set<Int>()
    for i in 0..<(width * height) {
        let k = level(rgb[i * 3]) * 36 + level(rgb[i * 3 + 1]) * 6 + level(rgb[i * 3 + 2])
        index[i] = k
        used.insert(k)
    }
    var out = "\u{1B}P0;1;0q\"1;1;\(width);\(height)"
    for k in used.sorted() {
        out += "#\(k);2;\(k / 36 * 20);\(k / 6 % 6 * 20);\(k % 6 * 20)"
    }
    for band in stride(from: 0, to: height, by: 6) {
        let rows = min(6, height - band)
        var colours = Set<Int>()
        for y in band..<(band + rows) { for x in 0..<width { colours.insert(index[y * width + x]) } }
        for (n, k) in colours.sorted().enumerated() {
            if n > 0 { out += "$" }
            out += "#\(k)"
            var run = 0
            var last: Character = "?"
            func flush() {
                if run == 0 { return }
                out += run > 3 ? "!\(run)\(last)" : String(repeating: last, count: run)
            }
            for x in 0..<width {
                var bits = 0
                for r in 0..<rows where index[(band + r) * width + x] == k { bits |= 1 << r }
                let ch = Character(Unicode.Scalar(UInt8(63 + bits)))
                if ch == last { run += 1 } else { flush(); last = ch; run = 1 }
            }
            flush()
        }
        out += "-"
    }
    return out + "\u{1B}\\\n"
}

/// How `showText` draws the picture.
public enum TerminalGraphics: String, Sendable, CaseIterable {
    case halfBlocks, kitty, sixel
}

/// What `showText` produced: the terminal text, the one-line note, and the RGB picture it drew.
public struct ShownImage {
    /// Escape sequences that draw the picture.
    public let text: String
    /// `shape, value range, how it was normalised, path if saved`, on one line.
    public let note: String
    /// The full-resolution RGB bytes (H×W×3) before fitting to the terminal.
    public let rgb: [UInt8]
    /// Width of `rgb` in pixels.
    public let width: Int
    /// Height of `rgb` in pixels.
    public let height: Int
}

/// Shows a tensor as a picture: H×W and 1×H×W gray, 3×H×W colour, C×H×W (other C) as a grid of C gray maps, B×C×H×W as `makeGrid` (B·C gray maps when C ∉ {1, 3}); values outside [0, 1] are min-max normalised.
public func showText(_ tensor: Tensor, maxColumns: Int = 80, maxRows: Int? = nil, graphics: TerminalGraphics = .halfBlocks,
                     savePath: String? = nil) throws -> ShownImage {
    let shape = tensor.shape
    guard tensor.numel > 0 else { throw TorchError.value("cannot show an empty tensor of shape \(Shape.describe(shape))") }
    var values = try tensor.doubles()
    let finite = values.filter { $0.isFinite }
    let nonFinite = values.count - finite.count
    let lo = finite.min() ?? 0, hi = finite.max() ?? 0
    var how: String
    if lo >= 0 && hi <= 1 {
        how = "shown as is"
    } else {
        let span = max(hi - lo, 1e-5)
        values = values.map { ($0 - lo) / span }
        how = "min-max normalised to [0, 1]"
    }
    if nonFinite > 0 {
        values = values.map { $0.isFinite ? $0 : 0 }
        how += ", \(nonFinite) non-finite value\(nonFinite == 1 ? "" : "s") shown as 0"
    }
    let unit = try Tensor.from(doubles: values, shape: shape, dtype: .float64)
    let grid: Tensor
    var layout: String
    switch shape.count {
    case 2:
        grid = try makeGrid(unit)
        layout = "gray"
    case 3 where shape[0] == 1 || shape[0] == 3:
        grid = try makeGrid(unit)
        layout = shape[0] == 1 ? "gray" : "RGB"
    case 3:
        grid = try makeGrid(try Tensor.from(doubles: values, shape: [shape[0], 1, shape[1], shape[2]], dtype: .float64),
                            nrow: Int(Double(shape[0]).squareRoot().rounded(.up)), padding: 1, padValue: 1)
        layout = "\(shape[0]) maps as a grid"
    case 4 where shape[1] == 1 || shape[1] == 3:
        grid = try makeGrid(unit, padValue: 1)
        layout = shape[0] == 1 ? (shape[1] == 1 ? "gray" : "RGB") : "batch of \(shape[0]) as a grid"
    case 4:
        grid = try makeGrid(try Tensor.from(doubles: values, shape: [shape[0] * shape[1], 1, shape[2], shape[3]], dtype: .float64),
                            nrow: shape[1], padding: 1, padValue: 1)
        layout = "\(shape[0])×\(shape[1]) maps as a grid, one row per sample"
    default:
        throw TorchError.value("cannot show a tensor of shape \(Shape.describe(shape)): expected H×W, C×H×W or B×C×H×W")
    }
    let image = try gridToImage(grid)
    let rgbImage = image.mode == "RGB" ? image : try image.convert("RGB")
    let text: String
    switch graphics {
    case .halfBlocks: text = try renderHalfBlocks(rgbImage.pixels, width: rgbImage.width, height: rgbImage.height, maxColumns: maxColumns, maxRows: maxRows)
    case .kitty: text = try renderKitty(rgbImage.pixels, width: rgbImage.width, height: rgbImage.height)
    case .sixel: text = try renderSixel(rgbImage.pixels, width: rgbImage.width, height: rgbImage.height)
    }
    var note = "\(Shape.describe(shape)) \(tensor.dtype.rawValue), \(layout), values in [\(formatShort(lo)), \(formatShort(hi))], \(how)"
    if let savePath {
        try rgbImage.save(savePath)
        note += ", saved to \(savePath)"
    }
    return ShownImage(text: text, note: note, rgb: rgbImage.pixels, width: rgbImage.width, height: rgbImage.height)
}

/// A compact number for notes and tick labels: up to 4 significant digits, exponent form for very large or small values.
func formatShort(_ v: Double) -> String {
    if v == 0 { return "0" }
    if !v.isFinite { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
    let a = abs(v)
    if a >= 1e5 || a < 1e-3 {
        return String(format: "%.3g", v).replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+", with: "e")
    }
    var s = String(format: "%.4g", v)
    if s.contains(".") && !s.contains("e") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
    }
    return s
}
