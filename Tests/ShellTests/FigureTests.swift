import Figures
import Foundation
import Pictures
import Testing
@testable import Shell

/// matplotlib figures drawn by nnsh against the same scripts drawn by real matplotlib
/// (`Figures/NAME.py`; `NAME.png` and `NAME.json` made by scripts/golden/make_figure_golden.py).
/// Checked per figure: the same pixel size; each Axes rectangle within 2 px; the view limits;
/// the tick labels and offset texts exactly; and the pictures alike by mean SSIM (7×7 windows,
/// luma over white) of at least 0.9.
struct FigureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Figures")

    /// The course lesson run unchanged (examples/course), its golden in examples/course/expected.
    static let course = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/course")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted() + ["course/nn_layers_convolution"]
    }()

    /// The script and the folder of its golden files.
    static func place(_ name: String) -> (script: URL, golden: URL) {
        if name.hasPrefix("course/") {
            let n = String(name.dropFirst(7))
            return (course.appendingPathComponent(n + ".py"), course.appendingPathComponent("expected").appendingPathComponent(n))
        }
        return (folder.appendingPathComponent(name + ".py"), folder.appendingPathComponent(name))
    }

    struct Golden: Decodable {
        struct AxesInfo: Decodable {
            let bbox: [Double], xlim: [Double], ylim: [Double]
            let xticklabels: [String], yticklabels: [String]
            let title: String, axis_on: Bool
            let x_offset_text: String, y_offset_text: String
        }
        let width: Int, height: Int
        let axes: [AxesInfo]
    }

    @Test func folderIsPopulated() {
        #expect(Self.cases.count >= 11, "expected the figure cases in \(Self.folder.path)")
        #expect(Self.programs.count >= 4)
    }

    /// Runs a figure script with `show()` a no-op (as MPLBACKEND=agg) and returns its figure.
    static func figure(_ name: String) throws -> (Figure, String) {
        let path = place(name).script.path
        var output = ""
        let session = Session(file: path, write: { output += $0 }, writeError: { output += $0 })
        session.interpreter.pyplot.backend = "agg"
        let outcome = session.run(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(outcome == .ok, "\(name): \(output)")
        let figure = try #require(session.interpreter.pyplot.current, "\(name) drew no figure")
        return (figure, output)
    }

    @Test(.serialized, arguments: cases)
    func figureMatchesMatplotlib(_ name: String) throws {
        let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: Self.place(name).golden.appendingPathExtension("json")))
        let (figure, printed) = try Self.figure(name)
        let out = Self.place(name).golden.appendingPathExtension("out")
        if FileManager.default.fileExists(atPath: out.path) {
            #expect(printed == (try String(contentsOf: out, encoding: .utf8)), "\(name) printed other text than PyTorch")
        }
        let drawn = try FigureRenderer.render(figure)
        #expect(drawn.width == golden.width && drawn.height == golden.height)
        try #require(figure.axes.count == golden.axes.count, "\(name): \(figure.axes.count) axes, matplotlib drew \(golden.axes.count)")
        for (i, (ax, want)) in zip(figure.axes, golden.axes).enumerated() {
            let r = drawn.axesRects[i]
            let got = [r.x0, r.y0, r.x1, r.y1]
            #expect(zip(got, want.bbox).allSatisfy { abs($0 - $1) <= 2 }, "\(name) axes \(i): \(got) vs \(want.bbox)")
            let xl = ax.viewLimits(x: true), yl = ax.viewLimits(x: false)
            for (g, w) in zip([xl.0, xl.1, yl.0, yl.1], want.xlim + want.ylim) {
                #expect(abs(g - w) <= 1e-9 * max(1, abs(w)), "\(name) axes \(i) limits: \([xl.0, xl.1, yl.0, yl.1]) vs \(want.xlim + want.ylim)")
            }
            let xt = ax.ticks(x: true, in: figure), yt = ax.ticks(x: false, in: figure)
            #expect(xt.labels == want.xticklabels, "\(name) axes \(i) x labels")
            #expect(yt.labels == want.yticklabels, "\(name) axes \(i) y labels")
            #expect(xt.offset == want.x_offset_text && yt.offset == want.y_offset_text, "\(name) axes \(i) offset texts")
            #expect(ax.axisOn == want.axis_on)
            #expect((ax.title["center"] ?? "") == want.title)
        }
        let reference = try PILImage.open(Self.place(name).golden.appendingPathExtension("png").path)
        #expect(reference.width == drawn.width && reference.height == drawn.height)
        let ssim = ImageSimilarity.ssim(ImageSimilarity.grey(drawn.rgba), ImageSimilarity.grey(reference.pixels, channels: reference.channels),
                                        width: drawn.width, height: drawn.height)
        #expect(ssim >= 0.9, "\(name): SSIM \(ssim)")
        print("figure \(name): SSIM \(String(format: "%.4f", ssim))")
    }

    @Test func showSavesBesideTheScriptWithoutATerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-show-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("curves.py").path
        var out = "", err = ""
        let session = Session(file: script, write: { out += $0 }, writeError: { err += $0 })
        session.interpreter.pyplot.backend = ""
        session.interpreter.pictures.isTerminal = false
        let source = "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()\nplt.figure()\nplt.plot([3, 1])\nplt.show()\nprint(plt.get_fignums())\n"
        #expect(session.run(source, file: script) == .ok, "\(err)")
        #expect(out == "[]\n")
        let first = dir.appendingPathComponent("curves_fig1.png").path, second = dir.appendingPathComponent("curves_fig2.png").path
        #expect(err == "nnsh: figure 1 saved to \(first)\nnnsh: figure 1 saved to \(second)\n")
        let image = try PILImage.open(first)
        #expect(image.width == 640 && image.height == 480)
        #expect(FileManager.default.fileExists(atPath: second))
    }

    static let programs: [String] = {
        let dir = folder.appendingPathComponent("Programs").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    /// pyplot programs that print (reprs, limits, ticks, rcParams, errors) against what they print
    /// under real matplotlib: stdout, then the exception's last line.
    @Test(.serialized, arguments: programs)
    func programPrintsAsMatplotlib(_ name: String) throws {
        let path = Self.folder.appendingPathComponent("Programs/\(name).py").path
        let expected = try String(contentsOfFile: path.dropLast(3) + ".out", encoding: .utf8)
        var out = "", err = ""
        let session = Session(file: path, write: { out += $0 }, writeError: { err += $0 })
        session.interpreter.pyplot.backend = "agg"
        if session.run(try String(contentsOfFile: path, encoding: .utf8), file: path) != .ok {
            out += (err.split(separator: "\n").last.map(String.init) ?? "") + "\n"
        }
        #expect(out == expected)
    }
}
