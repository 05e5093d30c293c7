import Foundation

/// Resamples an image onto the pixel grid of its place in the figure, as matplotlib's Agg
/// resampler does for `interpolation='auto'`: nearest when magnified more than 3× (or exactly
/// 1× or 2×), otherwise a Hanning filter widened by the reduction when shrinking.
enum ImageResampler {
    struct Output { var x: Int, y: Int, width: Int, height: Int, rgba: [UInt8] }

    /// Taps (source index, weight) for each output pixel along one direction.
    static func taps(outStart: Int, outCount: Int, from a: Double, to b: Double, source n: Int, nearest: Bool) -> [[(Int, Double)]] {
        let scale = (b - a) / Double(n)  // output pixels per source pixel (signed)
        let support = max(1, 1 / abs(scale))
        var out = [[(Int, Double)]]()
        out.reserveCapacity(outCount)
        for o in 0..<outCount {
            let centre = Double(outStart + o) + 0.5
            let u = (centre - a) / scale - 0.5  // source coordinate of the output centre
            if nearest {
                out.append([(min(n - 1, max(0, saturatingInt((u + 0.5).rounded(.down)))), 1)])
                continue
            }
            var row = [(Int, Double)]()
            var total = 0.0
            // Taps outside the source repeat its edge pixels; the range is cut to the source so a
            // tiny display extent (a huge support) costs at most one pass over it.
            let lo = max(-1, saturatingInt((u - support).rounded(.down))), hi = min(n, saturatingInt((u + support).rounded(.up)))
            guard lo <= hi else { out.append([(min(n - 1, max(0, lo)), 1)]); continue }
            for i in lo...hi {
                let d = abs(Double(i) - u) / support
                guard d < 1 else { continue }
                let w = 0.5 + 0.5 * cos(.pi * d)
                row.append((min(n - 1, max(0, i)), w)); total += w
            }
            if total == 0 { row = [(min(n - 1, max(0, saturatingInt(u.rounded()))), 1)]; total = 1 }
            out.append(row.map { ($0.0, $0.1 / total) })
        }
        return out
    }

    static func resample(_ im: ImageArtist, left: Double, right: Double, top: Double, bottom: Double, clip: PixelRect) -> Output? {
        guard im.width > 0, im.height > 0, left.isFinite, right.isFinite, top.isFinite, bottom.isFinite else { return nil }
        guard right != left, bottom != top, clip.x0.isFinite, clip.x1.isFinite, clip.y0.isFinite, clip.y1.isFinite else { return nil }
        let x0 = max(saturatingInt(min(left, right).rounded()), saturatingInt(clip.x0.rounded())), x1 = min(saturatingInt(max(left, right).rounded()), saturatingInt(clip.x1.rounded()))
        let y0 = max(saturatingInt(min(top, bottom).rounded()), saturatingInt(clip.y0.rounded())), y1 = min(saturatingInt(max(top, bottom).rounded()), saturatingInt(clip.y1.rounded()))
        guard x1 > x0, y1 > y0, (x1 - x0) * (y1 - y0) <= 1 << 26 else { return nil }
        let dispX = abs(right - left), dispY = abs(bottom - top)
        let w = Double(im.width), h = Double(im.height)
        var nearest = (dispX > 3 * w || dispX == w || dispX == 2 * w) && (dispY > 3 * h || dispY == h || dispY == 2 * h)
        if im.interpolation == "nearest" || im.interpolation == "none" { nearest = true }
        let cols = taps(outStart: x0, outCount: x1 - x0, from: left, to: right, source: im.width, nearest: nearest)
        let rows = taps(outStart: y0, outCount: y1 - y0, from: top, to: bottom, source: im.height, nearest: nearest)
        // Horizontal pass over the source rows the output needs, in premultiplied floats.
        let ow = x1 - x0, oh = y1 - y0
        let needed = Set(rows.flatMap { $0.map(\.0) })
        var horizontal = [Int: [Double]]()
        for r in needed {
            var line = [Double](repeating: 0, count: ow * 4)
            for (c, taps) in cols.enumerated() {
                var acc = (0.0, 0.0, 0.0, 0.0)
                for (i, wgt) in taps {
                    let k = 4 * (r * im.width + i)
                    let a = Double(im.rgba[k + 3]) / 255
                    acc.0 += wgt * Double(im.rgba[k]) * a; acc.1 += wgt * Double(im.rgba[k + 1]) * a
                    acc.2 += wgt * Double(im.rgba[k + 2]) * a; acc.3 += wgt * a
                }
                line[4 * c] = acc.0; line[4 * c + 1] = acc.1; line[4 * c + 2] = acc.2; line[4 * c + 3] = acc.3
            }
            horizontal[r] = line
        }
        var out = [UInt8](repeating: 0, count: ow * oh * 4)
        for (ro, taps) in rows.enumerated() {
            for c in 0..<ow {
                var acc = (0.0, 0.0, 0.0, 0.0)
                for (r, wgt) in taps {
                    let line = horizontal[r]!
                    acc.0 += wgt * line[4 * c]; acc.1 += wgt * line[4 * c + 1]; acc.2 += wgt * line[4 * c + 2]; acc.3 += wgt * line[4 * c + 3]
                }
                let k = 4 * (ro * ow + c)
                let a = max(0, min(1, acc.3))
                func byte(_ v: Double) -> UInt8 { a <= 0 ? 0 : UInt8(max(0, min(255, (v / a).rounded()))) }
                out[k] = byte(acc.0); out[k + 1] = byte(acc.1); out[k + 2] = byte(acc.2); out[k + 3] = UInt8((a * 255).rounded())
            }
        }
        return Output(x: x0, y: y0, width: ow, height: oh, rgba: out)
    }
}
