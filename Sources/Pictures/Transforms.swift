import Foundation
import Torch

// torchvision.transforms.functional and torchvision.utils, for PIL images and CHW tensors.

/// `TF.to_tensor(img)`: uint8 HWC → float32 CHW in [0, 1], computed as `x.float().div(255)` (bit-identical).
public func toTensor(_ image: PILImage) throws -> Tensor {
    let c = image.channels, h = image.height, w = image.width
    let t = try Tensor.zeros([c, h, w], dtype: .float32)
    let p = t.storage.pointer(Float.self)
    image.pixels.withUnsafeBufferPointer { src in
        for y in 0..<h {
            for x in 0..<w {
                let s = (y * w + x) * c
                for ch in 0..<c { p[(ch * h + y) * w + x] = Float(src[s + ch]) / 255 }
            }
        }
    }
    return t
}

/// `TF.pil_to_tensor(img)`: uint8 HWC → uint8 CHW, values unchanged.
public func pilToTensor(_ image: PILImage) throws -> Tensor {
    let c = image.channels, h = image.height, w = image.width
    let t = try Tensor.zeros([c, h, w], dtype: .uint8)
    let p = t.storage.pointer(UInt8.self)
    for y in 0..<h {
        for x in 0..<w {
            for ch in 0..<c { p[(ch * h + y) * w + x] = image.pixels[(y * w + x) * c + ch] }
        }
    }
    return t
}

/// `TF.to_pil_image(t)`: CHW or HW tensor → image; floats become `uint8(x * 255)` with truncation (and wrap-around outside [0, 1], as numpy's cast does on x86).
public func toPILImage(_ tensor: Tensor, mode: String? = nil) throws -> PILImage {
    let shape = tensor.shape
    guard shape.count == 2 || shape.count == 3 else {
        throw TorchError.value("pic should be 2/3 dimensional. Got \(shape.count) dimensions.")
    }
    let c = shape.count == 2 ? 1 : shape[0]
    let h = shape[shape.count - 2], w = shape[shape.count - 1]
    guard c <= 4 else { throw TorchError.value("pic should not have > 4 channels. Got \(c) channels.") }
    guard c >= 1, h > 0, w > 0 else { throw TorchError.value("pic has an empty dimension: \(Shape.describe(shape))") }
    let defaultMode = ["L", "LA", "RGB", "RGBA"][c - 1]
    if let mode, mode != defaultMode {
        throw TorchError.value("Incorrect mode (\(mode)) supplied for \(c)-channel input. Should be \(defaultMode)")
    }
    let bytes: [UInt8]
    switch tensor.dtype {
    case .uint8:
        bytes = try tensor.ints().map { UInt8(truncatingIfNeeded: $0) }
    case .float32:
        bytes = try tensor.doubles().map { castToUInt8(Float($0) * 255) }
    case .float64:
        bytes = try tensor.doubles().map { castToUInt8($0 * 255) }
    default:
        throw TorchError.type("Input type \(tensor.dtype.rawValue) is not supported")
    }
    var pixels = [UInt8](repeating: 0, count: h * w * c)
    for ch in 0..<c {
        for i in 0..<(h * w) { pixels[i * c + ch] = bytes[ch * h * w + i] }
    }
    return try PILImage(width: w, height: h, mode: defaultMode, pixels: pixels)
}

/// A C-style float → uint8 cast as x86 performs it (truncate toward zero to int32, keep the low byte); NaN and ±inf give 0.
@inline(__always)
func castToUInt8<F: BinaryFloatingPoint>(_ v: F) -> UInt8 {
    guard v.isFinite, v > -2147483648, v < 2147483648 else { return 0 }
    return UInt8(truncatingIfNeeded: Int32(v.rounded(.towardZero)))
}

/// `TF.normalize(t, mean, std)`: `(t - mean[c]) / std[c]` per channel of a float (…, C, H, W) tensor, in the tensor's precision.
public func normalize(_ tensor: Tensor, mean: [Double], std: [Double]) throws -> Tensor {
    guard tensor.dtype.isFloatingPoint else {
        throw TorchError.type("Input tensor should be a float tensor. Got \(tensor.dtype).")
    }
    guard tensor.dim >= 3 else {
        throw TorchError.value("Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = torch.Size(\(Shape.describe(tensor.shape)))")
    }
    let c = tensor.shape[tensor.dim - 3], plane = tensor.shape[tensor.dim - 2] * tensor.shape[tensor.dim - 1]
    for (name, values) in [("mean", mean), ("std", std)] where values.count != 1 && values.count != c {
        throw TorchError.runtime("The size of tensor a (\(c)) must match the size of tensor b (\(values.count)) at non-singleton dimension 0 (\(name))")
    }
    let isFloat = tensor.dtype == .float32
    if std.contains(where: { isFloat ? Float($0) == 0 : $0 == 0 }) {
        throw TorchError.value("std evaluated to zero after conversion to \(tensor.dtype), leading to division by zero.")
    }
    let values = try tensor.doubles()
    var out = [Double](repeating: 0, count: values.count)
    for i in 0..<values.count {
        let ch = (i / plane) % c
        let m = mean[mean.count == 1 ? 0 : ch], s = std[std.count == 1 ? 0 : ch]
        out[i] = isFloat ? Double((Float(values[i]) - Float(m)) / Float(s)) : (values[i] - m) / s
    }
    return try Tensor.from(doubles: out, shape: tensor.shape, dtype: tensor.dtype)
}

/// `TF.to_grayscale(img, num_output_channels)`: PIL's `convert("L")`, replicated to RGB when 3 channels are asked for.
public func grayscale(_ image: PILImage, numOutputChannels: Int = 1) throws -> PILImage {
    switch numOutputChannels {
    case 1: return try image.convert("L")
    case 3: return try image.convert("L").convert("RGB")
    default: throw TorchError.value("num_output_channels should be either 1 or 3")
    }
}

/// `TF.resize(img, size)`: one value sets the smaller edge (keeping the aspect ratio, `int()` truncation), two are `[h, w]`; PIL BILINEAR by default.
public func resize(_ image: PILImage, size: [Int], interpolation: Resample = .bilinear, maxSize: Int? = nil) throws -> PILImage {
    let (h, w) = (image.height, image.width)
    var newH: Int, newW: Int
    switch size.count {
    case 1:
        let short = min(w, h), long = max(w, h)
        var newShort = size[0], newLong = Int(Double(size[0]) * Double(long) / Double(short))
        if let maxSize {
            if maxSize <= size[0] {
                throw TorchError.value("max_size = \(maxSize) must be strictly greater than the requested size for the smaller edge size = \(size)")
            }
            if newLong > maxSize { newShort = Int(Double(maxSize) * Double(newShort) / Double(newLong)); newLong = maxSize }
        }
        (newW, newH) = w <= h ? (newShort, newLong) : (newLong, newShort)
    case 2:
        if maxSize != nil {
            throw TorchError.value("max_size should only be passed if size specifies the length of the smaller edge, i.e. size should be an int or a sequence of length 1 in torchscript mode.")
        }
        (newH, newW) = (size[0], size[1])
    default:
        throw TorchError.value("Size must be an int or a 1 or 2 element tuple/list, not a \(size.count) element tuple/list")
    }
    if newH == h && newW == w { return image }
    return try image.resize((newW, newH), resample: interpolation)
}

/// `torchvision.utils.make_grid`: lays a (B, C, H, W) batch (or one C×H×W / H×W image) out in rows of `nrow`, 1-channel images tripled to RGB.
public func makeGrid(_ tensor: Tensor, nrow: Int = 8, padding: Int = 2, normalize: Bool = false,
                     valueRange: (Double, Double)? = nil, scaleEach: Bool = false, padValue: Double = 0) throws -> Tensor {
    var shape = tensor.shape
    guard (2...4).contains(shape.count) else {
        throw TorchError.value("make_grid expects a 2-D, 3-D or 4-D tensor (B x C x H x W), got shape \(Shape.describe(shape))")
    }
    guard nrow > 0 else { throw TorchError.value("nrow must be positive, got \(nrow)") }
    guard padding >= 0 else { throw TorchError.value("padding must be non-negative, got \(padding)") }
    var values = try tensor.doubles()
    if shape.count == 2 { shape = [1] + shape }
    if shape.count == 3 {
        if shape[0] == 1 { values = values + values + values; shape[0] = 3 }
        shape = [1] + shape
    }
    var (b, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
    if c == 1 {
        let plane = h * w
        var tripled = [Double](); tripled.reserveCapacity(values.count * 3)
        for i in 0..<b { let img = values[(i * plane)..<((i + 1) * plane)]; for _ in 0..<3 { tripled.append(contentsOf: img) } }
        values = tripled
        c = 3
    }
    let isFloat32 = tensor.dtype == .float32
    if normalize {
        guard tensor.dtype.isFloatingPoint else {
            throw TorchError.runtime("make_grid(normalize=True) needs a floating-point tensor, got \(tensor.dtype)")
        }
        let per = c * h * w
        func normRange(_ range: Range<Int>) {
            var low: Double, high: Double
            if let valueRange { (low, high) = valueRange } else {
                let slice = values[range]
                low = slice.min() ?? 0; high = slice.max() ?? 0
                if slice.contains(where: { $0.isNaN }) { low = .nan; high = .nan }
            }
            let divisor = Swift.max(high - low, 1e-5)
            for i in range {
                if isFloat32 {
                    let lo = Float(low), hi = Float(high)
                    var v = Float(values[i])
                    if !v.isNaN { v = Swift.min(Swift.max(v, lo), hi) }
                    values[i] = Double((v - lo) / Float(divisor))
                } else {
                    var v = values[i]
                    if !v.isNaN { v = Swift.min(Swift.max(v, low), high) }
                    values[i] = (v - low) / divisor
                }
            }
        }
        if scaleEach { for k in 0..<b { normRange((k * per)..<((k + 1) * per)) } } else { normRange(0..<values.count) }
    }
    if b == 1 { return try Tensor.from(doubles: values, shape: [c, h, w], dtype: tensor.dtype) }
    let xmaps = min(nrow, b)
    let ymaps = (b + xmaps - 1) / xmaps
    let cellH = h + padding, cellW = w + padding
    let gridH = cellH * ymaps + padding, gridW = cellW * xmaps + padding
    var grid = [Double](repeating: padValue, count: c * gridH * gridW)
    if tensor.dtype == .uint8 || tensor.dtype.isIntegral { grid = grid.map { Double(Int64(double: $0)) } }
    var k = 0
    outer: for y in 0..<ymaps {
        for x in 0..<xmaps {
            if k >= b { break outer }
            for ch in 0..<c {
                for r in 0..<h {
                    let src = ((k * c + ch) * h + r) * w
                    let dst = (ch * gridH + y * cellH + padding + r) * gridW + x * cellW + padding
                    for col in 0..<w { grid[dst + col] = values[src + col] }
                }
            }
            k += 1
        }
    }
    return try Tensor.from(doubles: grid, shape: [c, gridH, gridW], dtype: tensor.dtype)
}

/// The uint8 image `save_image` writes for a C×H×W float grid: `grid.mul(255).add_(0.5).clamp_(0, 255)` cast to uint8.
public func gridToImage(_ grid: Tensor) throws -> PILImage {
    guard grid.dim == 3, (1...4).contains(grid.shape[0]) else {
        throw TorchError.value("expected a C x H x W grid with 1 to 4 channels, got shape \(Shape.describe(grid.shape))")
    }
    guard grid.dtype.isFloatingPoint else {
        throw TorchError.runtime("result type Float can't be cast to the desired output type \(grid.dtype == .uint8 ? "Byte" : grid.dtype.rawValue)")
    }
    let isFloat32 = grid.dtype == .float32
    let bytes: [UInt8] = try grid.doubles().map { v in
        if isFloat32 {
            var f = Float(v) * 255 + 0.5
            if !f.isNaN { f = min(max(f, 0), 255) }
            return castToUInt8(f)
        }
        var d = v * 255 + 0.5
        if !d.isNaN { d = min(max(d, 0), 255) }
        return castToUInt8(d)
    }
    let (c, h, w) = (grid.shape[0], grid.shape[1], grid.shape[2])
    var pixels = [UInt8](repeating: 0, count: h * w * c)
    for ch in 0..<c { for i in 0..<(h * w) { pixels[i * c + ch] = bytes[ch * h * w + i] } }
    return try PILImage(width: w, height: h, mode: ["L", "LA", "RGB", "RGBA"][c - 1], pixels: pixels)
}

/// `torchvision.utils.save_image`: `make_grid` then `gridToImage`, written atomically as PNG or JPEG by extension.
public func saveImage(_ tensor: Tensor, _ path: String, nrow: Int = 8, padding: Int = 2, normalize: Bool = false,
                      valueRange: (Double, Double)? = nil, scaleEach: Bool = false, padValue: Double = 0) throws {
    _ = try PILImage.format(forPath: path)
    let grid = try makeGrid(tensor, nrow: nrow, padding: padding, normalize: normalize,
                            valueRange: valueRange, scaleEach: scaleEach, padValue: padValue)
    try gridToImage(grid).save(path)
}
