// Target "image": raw bytes as an image file's contents — the PNG and JPEG decoders (libpng and
// libjpeg through the C shims, the size checks before any pixel buffer, 16-bit and palette and
// interlaced PNGs, progressive and grayscale JPEGs), then what a tutorial does next with a picture:
// convert, resize, encode again. Every input must end in an image or a TorchError, never a trap or
// a sanitizer report. Seeds: the PNG/JPEG goldens of Tests/PicturesTests.
import Foundation
import Pictures
import Torch

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let image = try? PILImage.decode(bytes) else { return 0 }
    _ = try? image.convert("RGB")
    _ = try? image.convert("L")
    if image.width * image.height <= 1 << 16 {
        _ = try? image.resize((width: Swift.max(1, image.width / 2 + 1), height: Swift.max(1, image.height / 3 + 1)))
        _ = try? image.encoded(format: "PNG", quality: 75)
        if image.mode == "L" || image.mode == "RGB" { _ = try? image.encoded(format: "JPEG", quality: 50) }
    }
    return 0
}
