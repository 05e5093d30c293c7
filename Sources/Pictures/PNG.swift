import CPNG
import Torch
#if canImport(Glibc)
import Glibc
#endif

/// PNG coding through libpng: decoding in a C helper whose setjmp catches libpng's longjmp before
/// any Swift frame, encoding through libpng's simplified API (no longjmp escapes it).
enum PNGCodec {
    /// Decodes PNG bytes: 8/16-bit, palette (+tRNS → RGBA), gray (1–16 bit), alpha, interlaced.
    static func decode(_ bytes: [UInt8]) throws -> PILImage {
        var pixels: UnsafeMutablePointer<UInt8>? = nil
        var w: UInt32 = 0, h: UInt32 = 0
        var ch: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let rc = bytes.withUnsafeBufferPointer { buf in
            nnsh_png_decode(buf.baseAddress, buf.count, PILImage.maxImagePixels, &pixels, &w, &h, &ch, &err)
        }
        if rc != 0 {
            let message = err.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw TorchError("OSError", "broken PNG file: \(message)")
        }
        defer { free(pixels) }
        let mode = ["L", "LA", "RGB", "RGBA"][Int(ch) - 1]
        let count = Int(w) * Int(h) * Int(ch)
        let data = [UInt8](UnsafeBufferPointer(start: pixels, count: count))
        return try PILImage(width: Int(w), height: Int(h), mode: mode, pixels: data)
    }

    /// Encodes an image as PNG bytes.
    static func encode(_ image: PILImage) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var err = [CChar](repeating: 0, count: 256)
        let rc = image.pixels.withUnsafeBufferPointer { buf in
            nnsh_png_encode(buf.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.channels), &out, &size, &err)
        }
        if rc != 0 {
            let message = err.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw TorchError("OSError", "cannot write PNG: \(message)")
        }
        defer { free(out) }
        return [UInt8](UnsafeBufferPointer(start: out, count: size))
    }
}
