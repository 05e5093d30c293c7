import Foundation
import Testing
import Torch
@testable import Pictures

@Suite struct ImageIOTests {
    @Test func astronautOpensAsPILDoes() throws {
        let a = golden["astronaut"] as! [String: Any]
        let im = try PILImage.open(astronautPath)
        #expect([im.width, im.height] == ints(a["size"]))
        #expect(im.mode == a["mode"] as! String)
    }

    @Test func pngRoundTripIsExactForEveryMode() throws {
        let dir = try tempDir()
        for (mode, ch) in [("L", 1), ("LA", 2), ("RGB", 3), ("RGBA", 4)] {
            var rng = SystemRandomNumberGenerator()
            let px = (0..<(13 * 7 * ch)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let im = try PILImage(width: 13, height: 7, mode: mode, pixels: px)
            let path = dir + "/rt_\(mode).png"
            try im.save(path)
            let back = try PILImage.open(path)
            #expect(back.mode == mode)
            #expect(back.width == 13 && back.height == 7)
            #expect(back.pixels == px)
        }
        #expect(listing(dir) == ["rt_L.png", "rt_LA.png", "rt_RGB.png", "rt_RGBA.png"])
    }

    @Test func jpegRoundTripHasHighPSNR() throws {
        let dir = try tempDir()
        let im = try PILImage.open(astronautPath).crop(100, 100, 228, 196)
        let path = dir + "/rt.jpg"
        try im.save(path, quality: 95)
        let back = try PILImage.open(path)
        #expect(back.mode == "RGB" && back.width == 128 && back.height == 96)
        var se = 0.0
        for (a, b) in zip(im.pixels, back.pixels) { let d = Double(a) - Double(b); se += d * d }
        let psnr = 10 * log10(255 * 255 / (se / Double(im.pixels.count)))
        #expect(psnr > 35, "PSNR \(psnr)")
        let gray = try im.convert("L")
        try gray.save(dir + "/g.jpeg")
        #expect(try PILImage.open(dir + "/g.jpeg").mode == "L")
    }

    @Test func jpegDecodesLikePIL() throws {
        let rgb = try PILImage.open(goldenPath("astronaut_crop.jpg"))
        #expect(rgb.mode == "RGB")
        let expected = bytes(golden["jpeg_decoded"])
        let maxDiff = zip(rgb.pixels, expected).map { abs(Int($0) - Int($1)) }.max() ?? 99
        #expect(rgb.pixels.count == expected.count)
        #expect(maxDiff <= 1, "max difference from PIL \(maxDiff)")
        let gray = try PILImage.open(goldenPath("gray_crop.jpg"))
        #expect(gray.mode == "L")
        let eg = bytes(golden["jpeg_gray_decoded"])
        #expect((zip(gray.pixels, eg).map { abs(Int($0) - Int($1)) }.max() ?? 99) <= 1)
    }

    @Test(arguments: ["png_palette", "png_palette_trns", "png_gray1", "png_gray8", "png_la", "png_rgba", "png_rgb16", "png_interlaced"])
    func pngFlavoursConvertLikePIL(name: String) throws {
        let g = (golden["png_flavours"] as! [String: Any])[name] as! [String: Any]
        let im = try PILImage.open(goldenPath(name + ".png"))
        #expect(im.width == 8 && im.height == 6)
        #expect(try im.convert("RGB").pixels == bytes(g["rgb"]))
        #expect(try im.convert("RGBA").pixels == bytes(g["rgba"]))
        if let l = g["L"] as? [NSNumber] { #expect(try im.convert("L").pixels == l.map { UInt8($0.intValue) }) }
    }

    @Test func sixteenBitGrayKeepsHighByte() throws {
        let im = try PILImage.open(goldenPath("png_gray16.png"))
        #expect(im.mode == "L")
        #expect(im.pixels == bytes(golden["gray16_high_byte"]))
    }

    @Test func lumaMatchesPIL() throws {
        let crop = try PILImage.open(goldenPath("astronaut_crop.png"))
        #expect(try crop.convert("L").pixels == bytes(golden["crop_L"]))
        let full = try PILImage.open(astronautPath).convert("L")
        for s in golden["full_L_samples"] as! [[String: Any]] {
            let x = (s["x"] as! NSNumber).intValue, y = (s["y"] as! NSNumber).intValue
            #expect(try full.getpixel(x, y) == [UInt8((s["L"] as! NSNumber).intValue)])
        }
    }

    @Test func resizeMatchesPIL() throws {
        let crop = try PILImage.open(goldenPath("astronaut_crop.png"))
        for r in golden["resize"] as! [[String: Any]] {
            let size = ints(r["size"])
            let filter = r["filter"] as! String
            let out = filter == "bicubic" ? try crop.resize((size[0], size[1])) : try crop.resize((size[0], size[1]), resample: .bilinear)
            #expect(out.width == size[0] && out.height == size[1])
            #expect(out.pixels == bytes(r["pixels"]), "\(filter) \(size)")
        }
        let rg = golden["rgba_resize"] as! [String: Any]
        let rgba = try PILImage.open(goldenPath("rgba16.png"))
        let out = try rgba.resize((9, 5))
        let diff = zip(out.pixels, bytes(rg["pixels"])).map { abs(Int($0) - Int($1)) }.max() ?? 99
        #expect(diff <= 1, "RGBA resize differs from PIL by \(diff)")
    }

    @Test func corruptAndTruncatedFilesThrow() throws {
        let dir = try tempDir()
        let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: goldenPath("astronaut_crop.png"))))
        let jpg = try [UInt8](Data(contentsOf: URL(fileURLWithPath: goldenPath("astronaut_crop.jpg"))))
        var cases: [(String, [UInt8])] = [
            ("empty.png", []), ("text.png", Array("hello, not an image".utf8)),
            ("sig_only.png", Array(png.prefix(8))), ("half.png", Array(png.prefix(png.count / 2))),
            ("no_iend.png", Array(png.dropLast(12))),
            ("soi_only.jpg", Array(jpg.prefix(3))), ("half.jpg", Array(jpg.prefix(jpg.count / 2))),
            ("header.jpg", Array(jpg.prefix(200))),
        ]
        var flipped = png
        for i in stride(from: 60, to: flipped.count - 20, by: 97) { flipped[i] ^= 0x5A }
        cases.append(("flipped.png", flipped))
        var badJpg = jpg
        badJpg.replaceSubrange(20..<60, with: [UInt8](repeating: 0xFF, count: 40))
        cases.append(("garbled.jpg", badJpg))
        for (name, data) in cases {
            let path = dir + "/" + name
            _ = FileManager.default.createFile(atPath: path, contents: Data(data))
            #expect(throws: TorchError.self, "\(name) should be refused") { _ = try PILImage.open(path) }
        }
        #expect(throws: TorchError.self) { _ = try PILImage.open(dir + "/missing.png") }
        #expect(throws: TorchError.self) { _ = try PILImage.open(dir) }
    }

    @Test func errorsNameThePath() throws {
        do {
            _ = try PILImage.open("/nonexistent/x.png")
            Issue.record("no error")
        } catch let e as TorchError {
            #expect(e.kind == "FileNotFoundError")
            #expect(e.message.contains("/nonexistent/x.png"))
        }
    }

    @Test func atomicWriteLeavesNothingOnFailure() throws {
        let dir = try tempDir()
        let im = try PILImage(width: 2, height: 2, mode: "L", pixels: [0, 64, 128, 255])
        // Missing folder.
        #expect(throws: TorchError.self) { try im.save(dir + "/nope/out.png") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/nope"))
        // A "folder" that is a regular file (unwritable as a folder even for root).
        _ = FileManager.default.createFile(atPath: dir + "/file", contents: Data([1]))
        #expect(throws: TorchError.self) { try im.save(dir + "/file/out.png") }
        // A read-only folder (only meaningful when not running as root).
        let ro = dir + "/ro"
        try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: false)
        chmod(ro, 0o555)
        if geteuid() != 0 {
            #expect(throws: TorchError.self) { try im.save(ro + "/out.png") }
        }
        #expect(throws: TorchError.self) { try im.save("/proc/nnsh-cannot-write.png") }
        chmod(ro, 0o755)
        // Unsupported extension and a mode JPEG cannot hold: refused before any file is made.
        #expect(throws: TorchError.self) { try im.save(dir + "/out.bmp") }
        #expect(throws: TorchError.self) { try im.save(dir + "/noext") }
        let rgba = try im.convert("RGBA")
        #expect(throws: TorchError.self) { try rgba.save(dir + "/out.jpg") }
        // The target is a folder.
        #expect(throws: TorchError.self) { try im.save(dir + "/ro") }
        #expect(listing(dir) == ["file", "ro"])
        #expect(listing(ro) == [])
        // Overwriting replaces the whole file and leaves no temporary behind.
        try im.save(dir + "/ok.png")
        let im2 = try PILImage(width: 1, height: 1, mode: "L", pixels: [7])
        try im2.save(dir + "/ok.png")
        #expect(try PILImage.open(dir + "/ok.png").pixels == [7])
        #expect(listing(dir) == ["file", "ok.png", "ro"])
    }

    /// Saving behaves as Python's `open(path, 'wb')` on what is already there (issue 25).
    @Test func savingKeepsLinksModesAndDevices() throws {
        let dir = try tempDir()
        let im = try PILImage(width: 2, height: 2, mode: "L", pixels: [0, 64, 128, 255])
        // A symbolic link: the target is written, the link stays a link.
        _ = FileManager.default.createFile(atPath: dir + "/real.png", contents: Data([1, 2, 3]))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.png", withDestinationPath: "real.png")
        try im.save(dir + "/link.png")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.png") == "real.png")
        #expect(try PILImage.open(dir + "/real.png").pixels == im.pixels)
        // A dangling link: its target is created.
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.png", withDestinationPath: "made.png")
        try im.save(dir + "/dangling.png")
        #expect(try PILImage.open(dir + "/made.png").pixels == im.pixels)
        // A private file stays private.
        _ = FileManager.default.createFile(atPath: dir + "/private.png", contents: Data([1]))
        chmod(dir + "/private.png", 0o600)
        try im.save(dir + "/private.png")
        var st = stat()
        stat(dir + "/private.png", &st)
        #expect(st.st_mode & 0o777 == 0o600)
        // A FIFO is not replaced by a regular file; with no reader it is an error, not a hang.
        #expect(mkfifo(dir + "/pipe.png", 0o644) == 0)
        #expect(throws: TorchError.self) { try im.save(dir + "/pipe.png") }
        lstat(dir + "/pipe.png", &st)
        #expect(st.st_mode & S_IFMT == S_IFIFO)
        // A character device is written in place: /dev/null stays /dev/null.
        try writeFileAtomically("/dev/null", [1, 2, 3])
        stat("/dev/null", &st)
        #expect(st.st_mode & S_IFMT == S_IFCHR)
        // A 250-byte name (the temporary name would pass NAME_MAX with its suffix).
        let long = dir + "/" + String(repeating: "x", count: 246) + ".png"
        try im.save(long)
        #expect(try PILImage.open(long).pixels == im.pixels)
        // A NUL byte is Python's ValueError, and nothing named by the part before it is touched.
        #expect(throws: TorchError.self) { try im.save(dir + "/real.png\u{0}.jpg") }
        #expect(try PILImage.open(dir + "/real.png").pixels == im.pixels)
        #expect(!listing(dir).contains { $0.contains(".tmp-") })
    }

    /// A JPEG whose header claims 65 500 × 65 500 (and, marked progressive, would have libjpeg allocate
    /// the whole coefficient buffer in jpeg_start_decompress) is refused from its header.
    @Test func jpegSizeIsCheckedFromTheHeader() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/gray_crop.jpg")))
        let sof = try #require((0..<(bytes.count - 9)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes[sof + 1] = 0xC2  // progressive
        bytes[sof + 5] = 0xFF; bytes[sof + 6] = 0xDC; bytes[sof + 7] = 0xFF; bytes[sof + 8] = 0xDC
        do { _ = try PILImage.decode(bytes); Issue.record("decoded") } catch let e as TorchError {
            #expect(e.message.contains("too large"), "\(e)")
        }
    }

    /// Opening reads the header first and never waits on a FIFO or reads an endless device.
    @Test func openReadsTheHeaderFirst() throws {
        let dir = try tempDir()
        #expect(mkfifo(dir + "/pipe.png", 0o644) == 0)
        for path in ["/dev/zero", dir + "/pipe.png"] {
            do { _ = try PILImage.open(path); Issue.record("\(path) opened") } catch let e as TorchError {
                #expect(e.kind == "UnidentifiedImageError", "\(path): \(e)")
            }
        }
    }

    @Test func badInputsThrow() throws {
        #expect(throws: TorchError.self) { _ = try PILImage(width: 2, height: 2, mode: "CMYK", pixels: [UInt8](repeating: 0, count: 16)) }
        #expect(throws: TorchError.self) { _ = try PILImage(width: 2, height: 2, mode: "L", pixels: [1, 2, 3]) }
        #expect(throws: TorchError.self) { _ = try PILImage(width: 0, height: 2, mode: "L", pixels: []) }
        let im = try PILImage(width: 2, height: 2, mode: "L", pixels: [0, 64, 128, 255])
        #expect(throws: TorchError.self) { _ = try im.convert("P") }
        #expect(throws: TorchError.self) { _ = try im.resize((0, 3)) }
        #expect(throws: TorchError.self) { _ = try im.getpixel(2, 0) }
        #expect(throws: TorchError.self) { _ = try im.crop(0, 0, 3, 1) }
    }
}
