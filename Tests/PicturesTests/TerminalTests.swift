import Foundation
import Testing
import Torch
@testable import Pictures

@Suite struct TerminalTests {
    @Test func halfBlocksOfTwoByTwo() throws {
        // Row 0: red, green; row 1: blue, white.
        let rgb: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]
        let text = try renderHalfBlocks(rgb, width: 2, height: 2, maxColumns: 80)
        #expect(text == "\u{1B}[38;2;255;0;0m\u{1B}[48;2;0;0;255m▀\u{1B}[38;2;0;255;0m\u{1B}[48;2;255;255;255m▀\u{1B}[0m\n")
    }

    @Test func halfBlocksOddHeightAndDownscale() throws {
        let rgb: [UInt8] = [10, 20, 30]
        #expect(try renderHalfBlocks(rgb, width: 1, height: 1) == "\u{1B}[38;2;10;20;30m\u{1B}[49m▀\u{1B}[0m\n")
        // 4×2 black/white columns averaged into 2×1 → gray 128 from (0 + 255) / 2 = 127.5.
        let stripes: [UInt8] = (0..<8).flatMap { i -> [UInt8] in i % 2 == 0 ? [0, 0, 0] : [255, 255, 255] }
        let text = try renderHalfBlocks(stripes, width: 4, height: 2, maxColumns: 2)
        #expect(text.components(separatedBy: "▀").count - 1 == 2)
        #expect(text.contains("38;2;128;128;128m"))
        #expect(throws: TorchError.self) { _ = try renderHalfBlocks([1, 2], width: 1, height: 1) }
    }

    @Test func kittyAndSixelEncodings() throws {
        let rgb: [UInt8] = [255, 0, 0, 0, 0, 255]
        let kitty = try renderKitty(rgb, width: 2, height: 1)
        #expect(kitty == "\u{1B}_Ga=T,f=24,s=2,v=1,m=0;" + Data(rgb).base64EncodedString() + "\u{1B}\\\n")
        let big = [UInt8](repeating: 7, count: 64 * 64 * 3)
        let chunks = try renderKitty(big, width: 64, height: 64).components(separatedBy: "\u{1B}_G").dropFirst()
        #expect(chunks.count == 4)   // 16384 base64 chars in chunks of 4096
        #expect(chunks.last!.hasPrefix("m=0;"))
        let sixel = try renderSixel(rgb, width: 2, height: 1)
        #expect(sixel.hasPrefix("\u{1B}P0;1;0q\"1;1;2;1"))
        #expect(sixel.contains("#180;2;100;0;0"))   // red = cube index 5*36
        #expect(sixel.contains("#5;2;0;0;100"))     // blue = cube index 5
        #expect(sixel.contains("#5?@$#180@?-"))     // blue in column 2, red in column 1, top row only
        #expect(sixel.hasSuffix("\u{1B}\\\n"))
    }

    @Test func showTextLayoutsAndNotes() throws {
        let gray = try Tensor.from(doubles: [0, 0.5, 1, 0.25], shape: [2, 2], dtype: .float32)
        let g = try showText(gray)
        #expect(g.width == 2 && g.height == 2)
        #expect(g.rgb == [0, 0, 0, 128, 128, 128, 255, 255, 255, 64, 64, 64])
        #expect(g.note.contains("[2, 2] float32") && g.note.contains("shown as is"))

        let wide = try Tensor.from(doubles: [-2, 0, 2, 6], shape: [1, 1, 2, 2], dtype: .float32)
        let w = try showText(wide)
        #expect(w.rgb == [0, 0, 0, 64, 64, 64, 128, 128, 128, 255, 255, 255])
        #expect(w.note.contains("min-max") && w.note.contains("[-2, 6]"))

        let maps = try Tensor.zeros([4, 3, 3])
        let m = try showText(maps)
        #expect(m.width == 2 * 3 + 3 && m.height == 2 * 3 + 3)   // 2×2 grid, padding 1
        #expect(!m.note.contains("\n"))

        let batch = try Tensor.zeros([10, 3, 2, 2])
        let b = try showText(batch)
        #expect(b.width == 8 * 4 + 2 && b.height == 2 * 4 + 2)

        let dir = try tempDir()
        let s = try showText(gray, savePath: dir + "/shown.png")
        #expect(s.note.hasSuffix("saved to \(dir)/shown.png"))
        #expect(try PILImage.open(dir + "/shown.png").pixels == g.rgb)
        #expect(throws: TorchError.self) { _ = try showText(try Tensor.zeros([2, 2, 2, 2, 2])) }
        #expect(throws: TorchError.self) { _ = try showText(try Tensor.zeros([0, 3])) }
    }
}
