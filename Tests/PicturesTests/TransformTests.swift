import Foundation
import Testing
import Torch
@testable import Pictures

@Suite struct TransformTests {
    @Test func toTensorIsBitIdenticalToTorchvision() throws {
        let g = golden["crop_to_tensor"] as! [String: Any]
        let t = try toTensor(try PILImage.open(goldenPath("astronaut_crop.png")))
        #expect(t.shape == ints(g["shape"]))
        #expect(t.dtype == .float32)
        let ours = try t.doubles().map { Float($0).bitPattern }
        let theirs = doubles(g["values"]).map { Float($0).bitPattern }
        #expect(ours == theirs)
    }

    @Test func toTensorOfFullAstronautMatchesSamples() throws {
        let t = try toTensor(try PILImage.open(astronautPath))
        #expect(t.shape == [3, 512, 512])
        for s in golden["full_samples"] as! [[String: Any]] {
            let x = (s["x"] as! NSNumber).intValue, y = (s["y"] as! NSNumber).intValue
            let rgb = doubles(s["rgb"])
            for c in 0..<3 {
                #expect(Float(t.flatDouble(t.storageOffset(of: [c, y, x]))) == Float(rgb[c]), "(\(c), \(y), \(x))")
            }
        }
    }

    @Test func toPILImageTruncates() throws {
        let g = golden["to_pil_image"] as! [String: Any]
        let t = try Tensor.from(doubles: doubles(g["input"]), shape: ints(g["shape"]), dtype: .float32)
        let im = try toPILImage(t)
        #expect(im.mode == "L")
        #expect(im.pixels == bytes(g["pixels"]))
        let back = try toPILImage(try toTensor(try PILImage.open(goldenPath("astronaut_crop.png"))))
        #expect(back.pixels == (try PILImage.open(goldenPath("astronaut_crop.png"))).pixels)
        #expect(throws: TorchError.self) { _ = try toPILImage(try Tensor.zeros([5, 2, 2])) }
        #expect(throws: TorchError.self) { _ = try toPILImage(try Tensor.zeros([1, 1, 2, 2])) }
    }

    @Test func normalizeMatchesTorchvision() throws {
        let g = golden["normalize"] as! [String: Any]
        let t = try Tensor.from(doubles: doubles(g["input"]), shape: ints(g["shape"]), dtype: .float32)
        let out = try normalize(t, mean: doubles(g["mean"]), std: doubles(g["std"]))
        #expect(try out.doubles().map { Float($0).bitPattern } == doubles(g["output"]).map { Float($0).bitPattern })
        #expect(throws: TorchError.self) { _ = try normalize(t, mean: [0, 0, 0], std: [1, 0, 1]) }
        #expect(throws: TorchError.self) { _ = try normalize(t, mean: [0, 0], std: [1, 1]) }
        #expect(throws: TorchError.self) { _ = try normalize(try Tensor.zeros([3, 2, 2], dtype: .uint8), mean: [0], std: [1]) }
    }

    @Test func torchvisionResizeUsesSmallerEdge() throws {
        let g = golden["tv_resize"] as! [String: Any]
        let out = try resize(try PILImage.open(goldenPath("astronaut_rect.png")), size: [8])
        #expect([out.width, out.height] == ints(g["size"]))
        #expect(out.pixels == bytes(g["pixels"]))
    }

    @Test func grayscaleChannels() throws {
        let crop = try PILImage.open(goldenPath("astronaut_crop.png"))
        let l = try grayscale(crop)
        #expect(l.mode == "L" && l.pixels == bytes(golden["crop_L"]))
        let rgb = try grayscale(crop, numOutputChannels: 3)
        #expect(rgb.mode == "RGB")
        #expect(stride(from: 0, to: rgb.pixels.count, by: 3).map { rgb.pixels[$0] } == l.pixels)
        #expect(throws: TorchError.self) { _ = try grayscale(crop, numOutputChannels: 2) }
    }

    @Test(arguments: (golden["make_grid"] as! [[String: Any]]).indices)
    func makeGridAndSaveImageMatchTorchvision(index: Int) throws {
        let c = (golden["make_grid"] as! [[String: Any]])[index]
        let name = c["name"] as! String
        let kw = c["kwargs"] as! [String: Any]
        let t = try Tensor.from(doubles: doubles(c["input"]), shape: ints(c["shape"]), dtype: .float32)
        let range = (kw["value_range"] as? [NSNumber]).map { ($0[0].doubleValue, $0[1].doubleValue) }
        let nrow = (kw["nrow"] as? NSNumber)?.intValue ?? 8, padding = (kw["padding"] as? NSNumber)?.intValue ?? 2
        let norm = kw["normalize"] as? Bool ?? false, each = kw["scale_each"] as? Bool ?? false
        let pad = (kw["pad_value"] as? NSNumber)?.doubleValue ?? 0
        let grid = try makeGrid(t, nrow: nrow, padding: padding, normalize: norm, valueRange: range, scaleEach: each, padValue: pad)
        #expect(grid.shape == ints(c["grid_shape"]), "\(name)")
        #expect(try grid.doubles().map { Float($0).bitPattern } == doubles(c["grid"]).map { Float($0).bitPattern }, "\(name)")
        let dir = try tempDir()
        try saveImage(t, dir + "/g.png", nrow: nrow, padding: padding, normalize: norm, valueRange: range, scaleEach: each, padValue: pad)
        let saved = try PILImage.open(dir + "/g.png")
        #expect(saved.mode == c["saved_mode"] as! String)
        #expect([saved.width, saved.height] == ints(c["saved_size"]))
        #expect(saved.pixels == bytes(c["saved"]), "\(name)")
    }

    @Test func makeGridRefusesBadShapes() throws {
        #expect(throws: TorchError.self) { _ = try makeGrid(try Tensor.zeros([4])) }
        #expect(throws: TorchError.self) { _ = try makeGrid(try Tensor.zeros([1, 1, 1, 2, 2])) }
        #expect(throws: TorchError.self) { _ = try makeGrid(try Tensor.zeros([2, 3, 2, 2]), nrow: 0) }
        let dir = try tempDir()
        #expect(throws: TorchError.self) { try saveImage(try Tensor.zeros([3, 2, 2]), dir + "/x.gif") }
        #expect(listing(dir) == [])
    }
}
