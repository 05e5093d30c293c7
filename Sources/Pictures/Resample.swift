import Foundation

/// PIL's separable resampling (`libImaging/Resample.c`): double-precision filter weights normalised to
/// 22-bit fixed point, horizontal pass then vertical pass, each rounded and clipped to 8 bits.
enum Resampler {
    static let precisionBits = 22

    static func support(_ f: Resample) -> Double {
        switch f {
        case .nearest, .box: return 0.5
        case .bilinear, .hamming: return 1
        case .bicubic: return 2
        case .lanczos: return 3
        }
    }

    static func sinc(_ x: Double) -> Double {
        if x == 0 { return 1 }
        let y = x * Double.pi
        return sin(y) / y
    }

    static func kernel(_ f: Resample, _ x0: Double) -> Double {
        switch f {
        case .nearest, .box: return (x0 > -0.5 && x0 <= 0.5) ? 1 : 0
        case .bilinear:
            let x = abs(x0)
            return x < 1 ? 1 - x : 0
        case .hamming:
            let x = abs(x0)
            if x == 0 { return 1 }
            if x >= 1 { return 0 }
            let y = x * Double.pi
            return sin(y) / y * (0.54 + 0.46 * cos(y))
        case .bicubic:
            let a = -0.5, x = abs(x0)
            if x < 1 { return ((a + 2) * x - (a + 3)) * x * x + 1 }
            if x < 2 { return (((x - 5) * x + 8) * x - 4) * a }
            return 0
        case .lanczos:
            return (-3 <= x0 && x0 < 3) ? sinc(x0) * sinc(x0 / 3) : 0
        }
    }

    /// `precompute_coeffs` + `normalize_coeffs_8bpc`: per output index, (first input index, count) and fixed-point weights.
    static func coefficients(inSize: Int, outSize: Int, filter: Resample) -> (ksize: Int, bounds: [Int], weights: [Int32]) {
        let scale = Double(inSize) / Double(outSize)
        let filterscale = max(scale, 1)
        let support = Resampler.support(filter) * filterscale
        let ksize = Int(support.rounded(.up)) * 2 + 1
        var bounds = [Int](repeating: 0, count: outSize * 2)
        var weights = [Int32](repeating: 0, count: outSize * ksize)
        var k = [Double](repeating: 0, count: ksize)
        for xx in 0..<outSize {
            let center = (Double(xx) + 0.5) * scale
            let ss = 1 / filterscale
            var xmin = Int(center - support + 0.5)   // C's (int) truncation
            if xmin < 0 { xmin = 0 }
            var xmax = Int(center + support + 0.5)
            if xmax > inSize { xmax = inSize }
            xmax -= xmin
            var ww = 0.0
            for x in 0..<ksize { k[x] = 0 }
            for x in 0..<max(xmax, 0) {
                let w = kernel(filter, (Double(x + xmin) - center + 0.5) * ss)
                k[x] = w
                ww += w
            }
            for x in 0..<max(xmax, 0) where ww != 0 { k[x] /= ww }
            let one = Double(1 << precisionBits)
            for x in 0..<ksize {
                let v = k[x] < 0 ? -0.5 + k[x] * one : 0.5 + k[x] * one
                weights[xx * ksize + x] = Int32(v.rounded(.towardZero))
            }
            bounds[xx * 2] = xmin
            bounds[xx * 2 + 1] = xmax
        }
        return (ksize, bounds, weights)
    }

    @inline(__always)
    static func clip8(_ v: Int) -> UInt8 {
        let s = v >> precisionBits
        return s < 0 ? 0 : s > 255 ? 255 : UInt8(s)
    }

    /// Resamples interleaved 8-bit pixels as PIL's `ImagingResample` does.
    static func resample(_ src: [UInt8], width: Int, height: Int, channels c: Int,
                         outWidth: Int, outHeight: Int, filter: Resample) -> [UInt8] {
        if filter == .nearest { return nearest(src, width: width, height: height, channels: c, outWidth: outWidth, outHeight: outHeight) }
        // Pillow 13 does the vertical (shrinking) pass first when the width grows and the height
        // shrinks (checked against it); that order is the horizontal-first algorithm on the transpose.
        if outWidth > width && outHeight < height {
            let t = transpose(src, width: width, height: height, channels: c)
            let r = resample(t, width: height, height: width, channels: c, outWidth: outHeight, outHeight: outWidth, filter: filter)
            return transpose(r, width: outHeight, height: outWidth, channels: c)
        }
        let needH = outWidth != width, needV = outHeight != height
        let hc = coefficients(inSize: width, outSize: outWidth, filter: filter)
        var vc = coefficients(inSize: height, outSize: outHeight, filter: filter)
        let yFirst = vc.bounds[0]
        let yLast = vc.bounds[outHeight * 2 - 2] + vc.bounds[outHeight * 2 - 1]
        var image = src, imageWidth = width
        let half = 1 << (precisionBits - 1)
        if needH {
            for i in 0..<outHeight { vc.bounds[i * 2] -= yFirst }
            let rows = yLast - yFirst
            var tmp = [UInt8](repeating: 0, count: rows * outWidth * c)
            src.withUnsafeBufferPointer { s in
                tmp.withUnsafeMutableBufferPointer { t in
                    hc.weights.withUnsafeBufferPointer { kk in
                        for yy in 0..<rows {
                            let rowIn = (yy + yFirst) * width * c, rowOut = yy * outWidth * c
                            for xx in 0..<outWidth {
                                let xmin = hc.bounds[xx * 2], xmax = hc.bounds[xx * 2 + 1], kb = xx * hc.ksize
                                for ch in 0..<c {
                                    var ss = half
                                    for x in 0..<xmax { ss += Int(s[rowIn + (x + xmin) * c + ch]) * Int(kk[kb + x]) }
                                    t[rowOut + xx * c + ch] = clip8(ss)
                                }
                            }
                        }
                    }
                }
            }
            image = tmp
            imageWidth = outWidth
        }
        guard needV else { return image }
        var out = [UInt8](repeating: 0, count: outHeight * imageWidth * c)
        image.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                vc.weights.withUnsafeBufferPointer { kk in
                    let stride = imageWidth * c
                    for yy in 0..<outHeight {
                        let ymin = vc.bounds[yy * 2], ymax = vc.bounds[yy * 2 + 1], kb = yy * vc.ksize
                        for xi in 0..<stride {
                            var ss = half
                            for y in 0..<ymax { ss += Int(s[(y + ymin) * stride + xi]) * Int(kk[kb + y]) }
                            o[yy * stride + xi] = clip8(ss)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Swaps rows and columns of interleaved pixels.
    static func transpose(_ src: [UInt8], width: Int, height: Int, channels c: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: src.count)
        for y in 0..<height {
            for x in 0..<width {
                for ch in 0..<c { out[(x * height + y) * c + ch] = src[(y * width + x) * c + ch] }
            }
        }
        return out
    }

    /// PIL's NEAREST resize (an affine transform sampling pixel centres).
    static func nearest(_ src: [UInt8], width: Int, height: Int, channels c: Int, outWidth: Int, outHeight: Int) -> [UInt8] {
        let sx = Double(width) / Double(outWidth), sy = Double(height) / Double(outHeight)
        var out = [UInt8](repeating: 0, count: outWidth * outHeight * c)
        for y in 0..<outHeight {
            let yi = min(Int((Double(y) + 0.5) * sy), height - 1)
            for x in 0..<outWidth {
                let xi = min(Int((Double(x) + 0.5) * sx), width - 1)
                for ch in 0..<c { out[(y * outWidth + x) * c + ch] = src[(yi * width + xi) * c + ch] }
            }
        }
        return out
    }

    /// PIL's RGBA → RGBa (and LA → La): colour channels times alpha / 255, rounded as `MULDIV255`.
    static func premultiply(_ src: [UInt8], channels c: Int) -> [UInt8] {
        var out = src
        for p in stride(from: 0, to: src.count, by: c) {
            let a = UInt32(src[p + c - 1])
            for ch in 0..<(c - 1) {
                let t = UInt32(src[p + ch]) * a + 128
                out[p + ch] = UInt8(((t >> 8) + t) >> 8)
            }
        }
        return out
    }

    /// PIL's RGBa → RGBA: colour channels times 255 / alpha, clipped; alpha 0 or 255 copies.
    static func unpremultiply(_ src: [UInt8], channels c: Int) -> [UInt8] {
        var out = src
        for p in stride(from: 0, to: src.count, by: c) {
            let a = Int(src[p + c - 1])
            if a == 0 || a == 255 { continue }
            for ch in 0..<(c - 1) { out[p + ch] = UInt8(min(255, (255 * Int(src[p + ch])) / a)) }
        }
        return out
    }
}
