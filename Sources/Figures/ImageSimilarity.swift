import Foundation

/// How alike two pictures are, for comparing nnsh's figures with matplotlib's.
public enum ImageSimilarity {
    /// Luma (ITU-R 601) of RGBA rows composited over white.
    public static func grey(_ rgba: [UInt8], channels: Int = 4) -> [Double] {
        var out = [Double](); out.reserveCapacity(rgba.count / channels)
        var k = 0
        while k + channels <= rgba.count {
            let a = channels == 4 ? Double(rgba[k + 3]) / 255 : 1
            func c(_ v: UInt8) -> Double { Double(v) * a + 255 * (1 - a) }
            if channels < 3 { out.append(c(rgba[k])); k += channels; continue }
            let r: Double = c(rgba[k]), g: Double = c(rgba[k + 1]), b: Double = c(rgba[k + 2])
            out.append(0.299 * r + 0.587 * g + 0.114 * b)
            k += channels
        }
        return out
    }

    /// Mean SSIM (Wang et al. 2004) over 7×7 windows of two greyscale pictures of one size,
    /// with the usual constants for 8-bit data (scikit-image's defaults without Gaussian weights).
    public static func ssim(_ a: [Double], _ b: [Double], width: Int, height: Int) -> Double {
        guard a.count == width * height, b.count == a.count, width >= 7, height >= 7 else { return 0 }
        let c1: Double = (0.01 * 255) * (0.01 * 255), c2: Double = (0.03 * 255) * (0.03 * 255)
        // Summed-area tables make every window O(1).
        func table(_ f: (Int) -> Double) -> [Double] {
            var t = [Double](repeating: 0, count: (width + 1) * (height + 1))
            for y in 0..<height {
                var row = 0.0
                for x in 0..<width {
                    row += f(y * width + x)
                    t[(y + 1) * (width + 1) + x + 1] = t[y * (width + 1) + x + 1] + row
                }
            }
            return t
        }
        let sa = table { a[$0] }, sb = table { b[$0] }, saa = table { a[$0] * a[$0] }, sbb = table { b[$0] * b[$0] }, sab = table { a[$0] * b[$0] }
        func window(_ t: [Double], _ x: Int, _ y: Int) -> Double {
            let w = width + 1
            return t[(y + 7) * w + x + 7] - t[y * w + x + 7] - t[(y + 7) * w + x] + t[y * w + x]
        }
        let n = 49.0, cov = n / (n - 1)
        var total = 0.0, count = 0
        for y in 0...(height - 7) {
            for x in 0...(width - 7) {
                let ma = window(sa, x, y) / n, mb = window(sb, x, y) / n
                let va = cov * (window(saa, x, y) / n - ma * ma), vb = cov * (window(sbb, x, y) / n - mb * mb)
                let vab = cov * (window(sab, x, y) / n - ma * mb)
                total += ((2 * ma * mb + c1) * (2 * vab + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
                count += 1
            }
        }
        return total / Double(count)
    }
}
