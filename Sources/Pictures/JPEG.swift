import CJPEG
import Torch
#if canImport(Glibc)
import Glibc
#endif

/// JPEG coding through libjpeg(-turbo): the C helpers in CJPEG's shim install an `error_exit` that
/// longjmps to a setjmp in the same C function, so no jump ever crosses a Swift frame.
enum JPEGCodec {
    /// Decodes baseline or progressive JPEG to L (gray) or RGB; truncated data is an error, as in PIL.
    static func decode(_ bytes: [UInt8]) throws -> PILImage {
        var pixels: UnsafeMutablePointer<UInt8>? = nil
        var w: UInt32 = 0, h: UInt32 = 0
        var ch: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let rc = bytes.withUnsafeBufferPointer { buf in
            nnsh_jpeg_decode(buf.baseAddress, buf.count, PILImage.maxImagePixels, &pixels, &w, &h, &ch, &err)
        }
        if rc != 0 {
            let message = err.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw TorchError("OSError", "broken JPEG file: \(message)")
        }
        defer { free(pixels) }
        let count = Int(w) * Int(h) * Int(ch)
        let data = [UInt8](UnsafeBufferPointer(start: pixels, count: count))
        return try PILImage(width: Int(w), height: Int(h), mode: ch == 1 ? "L" : "RGB", pixels: data)
    }

    /// Encodes at `quality` (PIL's default 75, 4:2:0); LA/RGBA are refused as PIL does ("cannot write mode RGBA as JPEG").
    static func encode(_ image: PILImage, quality: Int) throws -> [UInt8] {
        guard image.mode == "L" || image.mode == "RGB" else {
            throw TorchError("OSError", "cannot write mode \(image.mode) as JPEG")
        }
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var err = [CChar](repeating: 0, count: 256)
        let rc = image.pixels.withUnsafeBufferPointer { buf in
            nnsh_jpeg_encode(buf.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.channels),
                             Int32(quality), &out, &size, &err)
        }
        if rc != 0 {
            let message = err.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw TorchError("OSError", "cannot write JPEG: \(message)")
        }
        defer { free(out) }
        return [UInt8](UnsafeBufferPointer(start: out, count: size))
    }
}
