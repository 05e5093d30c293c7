import Foundation
import Torch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An 8-bit image in one of PIL's modes `"L"`, `"LA"`, `"RGB"`, `"RGBA"`, pixels row-major with channels interleaved.
public final class PILImage {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// PIL's mode name: `"L"`, `"LA"`, `"RGB"` or `"RGBA"`.
    public let mode: String
    /// The pixel bytes, `height * width * channels` of them, row-major, channels interleaved.
    public let pixels: [UInt8]

    /// PIL's limit above which `open` refuses an image as a likely decompression bomb.
    public static let maxImagePixels = 178_956_970

    /// The modes nnsh images can have.
    public static let modes = ["L", "LA", "RGB", "RGBA"]

    /// An image from raw pixels, checking the mode and the byte count.
    public init(width: Int, height: Int, mode: String, pixels: [UInt8]) throws {
        guard let ch = PILImage.channelCount(mode) else {
            throw TorchError.value("unsupported image mode '\(mode)' (nnsh supports \(PILImage.modes.joined(separator: ", ")))")
        }
        guard width > 0, height > 0 else {
            throw TorchError.value("image size must be positive, got (\(width), \(height))")
        }
        let (n, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, n <= PILImage.maxImagePixels else {
            throw TorchError("DecompressionBombError", "Image size (\(overflow ? "too many" : String(n)) pixels) exceeds limit of \(PILImage.maxImagePixels) pixels")
        }
        guard pixels.count == n * ch else {
            throw TorchError.value("mode \(mode) image of size (\(width), \(height)) needs \(n * ch) bytes, got \(pixels.count)")
        }
        self.width = width
        self.height = height
        self.mode = mode
        self.pixels = pixels
    }

    /// Bytes per pixel of a mode, or nil for modes nnsh does not support.
    public static func channelCount(_ mode: String) -> Int? {
        switch mode {
        case "L": return 1
        case "LA": return 2
        case "RGB": return 3
        case "RGBA": return 4
        default: return nil
        }
    }

    /// Bytes per pixel of this image.
    public var channels: Int { PILImage.channelCount(mode)! }

    /// PIL's `im.size`: `(width, height)`.
    public var size: (width: Int, height: Int) { (width, height) }

    /// PIL's `im.getpixel((x, y))`: the channel values of one pixel.
    public func getpixel(_ x: Int, _ y: Int) throws -> [UInt8] {
        guard x >= 0, x < width, y >= 0, y < height else {
            throw TorchError.index("image index out of range: (\(x), \(y)) for size (\(width), \(height))")
        }
        let c = channels, base = (y * width + x) * c
        return Array(pixels[base..<base + c])
    }

    // MARK: reading

    /// Reads a PNG or JPEG file (detected by its magic bytes, not its name), as `PIL.Image.open(path)`.
    public static func open(_ path: String) throws -> PILImage { try openWithFormat(path).image }

    /// The image and its format (`"PNG"` or `"JPEG"`), from one read of the file.
    public static func openWithFormat(_ path: String) throws -> (image: PILImage, format: String) {
        let bytes = try readImageFile(path)
        do {
            return (try decode(bytes), bytes.starts(with: [0xFF, 0xD8]) ? "JPEG" : "PNG")
        } catch let e as TorchError where e.kind == "UnidentifiedImageError" {
            throw TorchError("UnidentifiedImageError", "cannot identify image file '\(path)'")
        } catch let e as TorchError {
            throw TorchError(e.kind, "\(e.message) (reading '\(path)')")
        }
    }

    /// Decodes PNG or JPEG bytes.
    public static func decode(_ bytes: [UInt8]) throws -> PILImage {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return try PNGCodec.decode(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return try JPEGCodec.decode(bytes) }
        throw TorchError("UnidentifiedImageError", "cannot identify image data (not PNG or JPEG)")
    }

    /// An image file's bytes: the first few are read and checked for a PNG or JPEG signature before
    /// the rest, as PIL reads the header first (a 3 GB file of something else fails at once, `/dev/zero`
    /// too); a FIFO is opened without blocking and waited on with Ctrl-C honoured; the whole read is
    /// held to the memory cap.
    static func readImageFile(_ path: String) throws -> [UInt8] {
        try readFile(path) { header in
            header.starts(with: [0x89, 0x50, 0x4E, 0x47]) || header.starts(with: [0xFF, 0xD8, 0xFF])
        }
    }

    /// The whole file as bytes, with Python-style errors. `accept` sees the first 8 bytes (fewer for
    /// a shorter file) and may stop the read there with `UnidentifiedImageError`.
    public static func readFile(_ path: String, accept: (([UInt8]) -> Bool)? = nil) throws -> [UInt8] {
        if path.utf8.contains(0) { throw TorchError.value("embedded null byte") }
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw osError(errno, path) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw osError(errno, path) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw TorchError("IsADirectoryError", "[Errno 21] Is a directory: '\(path)'") }
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        if regular && Int(st.st_size) > MemoryLimit.bytes {
            throw TorchError("MemoryError", "'\(path)' is \(st.st_size) bytes, more than the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
        }
        var out = [UInt8]()
        if regular { out.reserveCapacity(Int(st.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var checked = accept == nil
        while true {
            try TorchInterrupt.check()
            // The first read is only the header, so a file of the wrong kind costs 8 bytes.
            let want = checked ? chunk.count : 8 - out.count
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A FIFO or a terminal with nothing yet: wait in short steps so Ctrl-C is seen.
                    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&p, 1, 100)
                    continue
                }
                throw osError(errno, path)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if !checked && out.count >= 8 {
                if let accept, !accept(out) { throw TorchError("UnidentifiedImageError", "cannot identify image file '\(path)'") }
                checked = true
            }
            if out.count > MemoryLimit.bytes {
                throw TorchError("MemoryError", "'\(path)' holds more than the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
            }
        }
        if !checked, let accept, !accept(out) { throw TorchError("UnidentifiedImageError", "cannot identify image file '\(path)'") }
        return out
    }

    // MARK: writing

    /// Saves as PNG or JPEG chosen by the extension (`.png`, `.jpg`, `.jpeg`), atomically: a temporary
    /// file in the same folder is renamed over `path` only once it is complete.
    public func save(_ path: String, quality: Int = 75) throws {
        let data = try encoded(format: try PILImage.format(forPath: path), quality: quality)
        try writeFileAtomically(path, data)
    }

    /// The encoded bytes in `"PNG"` or `"JPEG"` format.
    public func encoded(format: String, quality: Int = 75) throws -> [UInt8] {
        switch format.uppercased() {
        case "PNG": return try PNGCodec.encode(self)
        case "JPEG", "JPG":
            guard (0...100).contains(quality) else { throw TorchError.value("JPEG quality must be in 0...100, got \(quality)") }
            return try JPEGCodec.encode(self, quality: quality)
        default: throw TorchError.value("unknown file format '\(format)' (nnsh writes PNG and JPEG)")
        }
    }

    /// The format PIL would pick for a file name, or an error for unknown extensions.
    static func format(forPath path: String) throws -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "png": return "PNG"
        case "jpg", "jpeg", "jpe", "jfif": return "JPEG"
        case "": throw TorchError.value("unknown file extension: '\(path)' has none (use .png or .jpg)")
        default: throw TorchError.value("unknown file extension: .\(ext) (nnsh writes .png and .jpg)")
        }
    }

    // MARK: conversions

    /// PIL's `im.convert(mode)` between L, LA, RGB and RGBA; L uses PIL's ITU-R 601-2 luma in 16-bit fixed point.
    public func convert(_ newMode: String) throws -> PILImage {
        guard let outCh = PILImage.channelCount(newMode) else {
            throw TorchError.value("conversion from \(mode) to \(newMode) not supported")
        }
        if newMode == mode { return try PILImage(width: width, height: height, mode: mode, pixels: pixels) }
        let n = width * height, inCh = channels
        var out = [UInt8](repeating: 0, count: n * outCh)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<n {
                    let s = i * inCh, d = i * outCh
                    let isColor = inCh >= 3
                    let alpha: UInt8 = (inCh == 2 || inCh == 4) ? src[s + inCh - 1] : 255
                    switch outCh {
                    case 1, 2:
                        dst[d] = isColor ? PILImage.luma(src[s], src[s + 1], src[s + 2]) : src[s]
                        if outCh == 2 { dst[d + 1] = alpha }
                    default:
                        if isColor { dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2] }
                        else { dst[d] = src[s]; dst[d + 1] = src[s]; dst[d + 2] = src[s] }
                        if outCh == 4 { dst[d + 3] = alpha }
                    }
                }
            }
        }
        return try PILImage(width: width, height: height, mode: newMode, pixels: out)
    }

    /// PIL's RGB → L: `(R*19595 + G*38470 + B*7471 + 0x8000) >> 16` (299/587/114 per mille, rounded).
    @inline(__always)
    public static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let sum: UInt32 = UInt32(r) &* 19595 &+ UInt32(g) &* 38470 &+ UInt32(b) &* 7471 &+ 0x8000
        return UInt8(truncatingIfNeeded: sum >> 16)
    }

    /// PIL's `im.crop((left, upper, right, lower))` for a box inside the image.
    public func crop(_ left: Int, _ upper: Int, _ right: Int, _ lower: Int) throws -> PILImage {
        guard left >= 0, upper >= 0, right <= width, lower <= height, right > left, lower > upper else {
            throw TorchError.value("crop box (\(left), \(upper), \(right), \(lower)) is not inside the \(width)x\(height) image")
        }
        let c = channels, w = right - left
        var out = [UInt8]()
        out.reserveCapacity(w * (lower - upper) * c)
        for y in upper..<lower {
            let base = (y * width + left) * c
            out.append(contentsOf: pixels[base..<base + w * c])
        }
        return try PILImage(width: w, height: lower - upper, mode: mode, pixels: out)
    }

    /// PIL's `im.resize((w, h), resample)`; the default is BICUBIC as in Pillow ≥ 7 (RGBA/LA resample premultiplied).
    public func resize(_ size: (width: Int, height: Int), resample: Resample = .bicubic) throws -> PILImage {
        guard size.width > 0, size.height > 0 else {
            throw TorchError.value("height and width must be > 0, got (\(size.width), \(size.height))")
        }
        let (n, overflow) = size.width.multipliedReportingOverflow(by: size.height)
        guard !overflow, n <= PILImage.maxImagePixels else {
            throw TorchError.value("resize to (\(size.width), \(size.height)) is too large")
        }
        if size.width == width && size.height == height { return try convert(mode) }
        let c = channels
        let hasAlpha = c == 2 || c == 4
        var src = pixels
        if hasAlpha && resample != .nearest { src = Resampler.premultiply(src, channels: c) }
        var out = Resampler.resample(src, width: width, height: height, channels: c,
                                     outWidth: size.width, outHeight: size.height, filter: resample)
        if hasAlpha && resample != .nearest { out = Resampler.unpremultiply(out, channels: c) }
        return try PILImage(width: size.width, height: size.height, mode: mode, pixels: out)
    }
}

/// Resampling filters with PIL's names and kernels.
public enum Resample: String, Sendable, CaseIterable {
    case nearest, box, bilinear, hamming, bicubic, lanczos
}

/// A Python-style `OSError` subclass for an errno value.
func osError(_ code: Int32, _ path: String) -> TorchError {
    let text = String(cString: strerror(code))
    let kind: String
    switch code {
    case ENOENT: kind = "FileNotFoundError"
    case EACCES, EPERM: kind = "PermissionError"
    case EISDIR: kind = "IsADirectoryError"
    case ENOTDIR: kind = "NotADirectoryError"
    default: kind = "OSError"
    }
    return TorchError(kind, "[Errno \(code)] \(text): '\(path)'")
}

/// Writes `data` to `path` as Python's `open(path, 'wb')` would leave it, but atomically where it can:
/// the bytes go to a temporary file in the same folder, which is renamed over the target only once
/// complete, so a failure never leaves half a file. What `open` would do differently is kept:
/// a symbolic link is followed (its target is replaced, the link stays), an existing file keeps its
/// permission bits (and owner, when we may), a FIFO, device or socket is written in place (never
/// replaced by a regular file — `/dev/null` stays a device), and a folder that refuses the temporary
/// file (or a name too long for its suffix) falls back to writing in place. A NUL in the path is
/// Python's `ValueError: embedded null byte`.
public func writeFileAtomically(_ path: String, _ data: [UInt8]) throws {
    guard !path.isEmpty else { throw TorchError("FileNotFoundError", "[Errno 2] No such file or directory: ''") }
    if path.utf8.contains(0) { throw TorchError.value("embedded null byte") }
    let target = resolvedLinkTarget(path)
    var st = stat()
    let exists = stat(target, &st) == 0
    if exists && (st.st_mode & S_IFMT) == S_IFDIR {
        throw TorchError("IsADirectoryError", "[Errno 21] Is a directory: '\(path)'")
    }
    if exists && (st.st_mode & S_IFMT) != S_IFREG { return try writeInPlace(target, data, shownAs: path) }
    let url = URL(fileURLWithPath: target)
    let dir = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    // NAME_MAX is 255 bytes: a long name gets a short temporary one.
    let tmpName = name.utf8.count + 13 <= 255 ? "." + name + ".tmp-XXXXXX" : ".nnsh-tmp-XXXXXX"
    var template = Array((dir + "/" + tmpName).utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 {
        let code = errno
        if exists && (code == EACCES || code == EROFS || code == EPERM) { return try writeInPlace(target, data, shownAs: path) }
        throw osError(code, path)
    }
    let tmp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var ok = false
    defer { if !ok { unlink(tmp) } }
    var failure = writeAll(fd, data)
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if exists {
        // The file's own mode and owner, as writing into it would have kept them.
        _ = fchown(fd, st.st_uid, st.st_gid)  // first: a change of owner clears set-id bits
        fchmod(fd, st.st_mode & 0o7777)
    } else {
        // mkstemp makes 0600 files; a new file gets the usual 0666 & ~umask.
        let mask = umask(0); umask(mask)
        fchmod(fd, 0o666 & ~mask)
    }
    if close(fd) != 0 && failure == 0 { failure = errno }
    if failure != 0 { throw osError(failure, path) }
    if rename(tmp, target) != 0 { throw osError(errno, path) }
    ok = true
}

/// Where writing through `path` lands: a symbolic link's final target (a dangling one's too, which
/// `open` would create), else the path itself.
func resolvedLinkTarget(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {  // Linux's limit on links followed (ELOOP)
        var st = stat()
        guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
        var buf = [CChar](repeating: 0, count: 4097)
        let n = readlink(current, &buf, 4096)
        guard n > 0 else { return current }
        let link = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        current = link.hasPrefix("/") ? link : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
    }
    return current
}

/// `open(path, 'wb').write(data)`: truncates and writes the existing file (or device) itself.
func writeInPlace(_ target: String, _ data: [UInt8], shownAs path: String) throws {
    // O_NONBLOCK so a FIFO nobody reads is an error (ENXIO), not a hang; then blocking writes.
    let fd = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NONBLOCK)
    if fd < 0 { throw osError(errno, path) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    var failure = writeAll(fd, data)
    if close(fd) != 0 && failure == 0 { failure = errno }
    if failure != 0 { throw osError(failure, path) }
}

/// Writes every byte, retrying after signals; the errno of a failure, else 0.
func writeAll(_ fd: Int32, _ data: [UInt8]) -> Int32 {
    var written = 0
    var failure: Int32 = 0
    data.withUnsafeBytes { buf in
        while written < buf.count {
            let n = write(fd, buf.baseAddress! + written, buf.count - written)
            if n < 0 { if errno == EINTR { continue }; failure = errno; return }
            written += n
        }
    }
    return failure
}

/// The signature the C decoders in the CPNG/CJPEG shims share: bytes in; pixels (malloc'd), size,
/// channel count and an error message out; non-zero on failure.
typealias CImageDecoder = (UnsafePointer<UInt8>?, Int, Int, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?,
                           UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<Int32>?,
                           UnsafeMutablePointer<CChar>?) -> Int32

/// Runs a C decoder and wraps its pixels (1 = L, 2 = LA, 3 = RGB, 4 = RGBA channels) as an image.
func decodeWithC(_ bytes: [UInt8], format: String, _ decode: CImageDecoder) throws -> PILImage {
    var pixels: UnsafeMutablePointer<UInt8>? = nil
    var w: UInt32 = 0, h: UInt32 = 0
    var ch: Int32 = 0
    var err = [CChar](repeating: 0, count: 256)
    let rc = bytes.withUnsafeBufferPointer { buf in
        err.withUnsafeMutableBufferPointer { e in
            // PIL's pixel limit, and the memory cap: decoding costs up to ~16 bytes a pixel (the decoder's
            // buffers, progressive JPEG coefficients, the pixel copy).
            decode(buf.baseAddress, buf.count, Swift.min(PILImage.maxImagePixels, MemoryLimit.bytes / 16), &pixels, &w, &h, &ch, e.baseAddress)
        }
    }
    defer { free(pixels) }
    let modes = ["L", "LA", "RGB", "RGBA"]
    guard rc == 0, let pixels, (1...4).contains(ch) else {
        let message = err.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        throw TorchError("OSError", "broken \(format) file: \(message)")
    }
    let data = [UInt8](UnsafeBufferPointer(start: pixels, count: Int(w) * Int(h) * Int(ch)))
    return try PILImage(width: Int(w), height: Int(h), mode: modes[Int(ch) - 1], pixels: data)
}
