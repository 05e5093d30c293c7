import Figures
import Foundation
import Pictures

/// pyplot's state machine for one interpreter: the open figures in creation order, the current
/// one, and where `show()` sends figures (the terminal, a notebook, or PNG files beside the script).
final class PyplotState {
    unowned let interp: Interpreter
    private(set) var figures: [Figure] = []
    var current: Figure?
    /// `matplotlib.use(...)` / `MPLBACKEND`: a non-interactive backend makes `show()` do nothing.
    var backend: String
    /// Figures `show()` saved next to the script, numbered across the session.
    var savedCount = 0
    /// `matplotlib.rcParams` (one object per interpreter, shared by `plt.rcParams`).
    lazy var rc = RcParamsObject(interp)

    init(_ interp: Interpreter) {
        self.interp = interp
        backend = ProcessInfo.processInfo.environment["MPLBACKEND"] ?? ""
    }

    static let nonInteractive: Set<String> = ["agg", "cairo", "pdf", "pgf", "ps", "svg", "template"]
    var showIsNoOp: Bool { Self.nonInteractive.contains(backend.lowercased()) }

    func wrap(_ f: Figure) -> FigureObject {
        if let w = f.wrapper as? FigureObject { return w }
        let w = FigureObject(f, state: self)
        f.wrapper = w
        return w
    }

    func wrap(_ a: Axes) -> AxesObject {
        if let w = a.wrapper as? AxesObject { return w }
        let w = AxesObject(a, state: self)
        a.wrapper = w
        return w
    }

    /// `figure(num)`: the figure with that number, or a new one numbered one past the largest.
    func figure(number: Int? = nil) -> Figure {
        if let number, let f = figures.first(where: { $0.number == number }) { current = f; return f }
        let n = number ?? ((figures.map(\.number).max() ?? 0) + 1)
        let (width, height) = rc.figureSize
        let f = Figure(number: n, width: width, height: height, dpi: rc.dpi)
        f.unicodeMinus = rc.unicodeMinus
        figures.append(f)
        current = f
        return f
    }

    func gcf() -> Figure { current ?? figure() }

    /// `gca()`: the current figure's current Axes, made as `subplot(111)` if it has none.
    func gca() -> Axes {
        let f = gcf()
        if let a = f.currentAxes { return a }
        return addSubplot(f, SubplotSpec(rows: 1, cols: 1, index: 1))
    }

    /// `subplot(...)`: the Axes already at that grid place is reused, as matplotlib does.
    func addSubplot(_ f: Figure, _ spec: SubplotSpec) -> Axes {
        if let a = f.axes.first(where: { $0.spec == spec && $0.rect == nil && $0.colorbarOf == nil }) { f.currentAxes = a; return a }
        let a = newAxes(spec)
        f.addAxes(a)
        f.currentAxes = a
        return a
    }

    /// A new Axes with the rcParams defaults that apply to it.
    func newAxes(_ spec: SubplotSpec?) -> Axes {
        let a = Axes(spec: spec)
        a.grid.x = rc.grid; a.grid.y = rc.grid
        return a
    }

    func close(_ f: Figure) {
        figures.removeAll { $0 === f }
        if current === f { current = figures.last }
    }

    func closeAll() { figures = []; current = nil }

    // MARK: show

    /// `plt.show()`: every open figure goes to its place, then the figures are closed (as a
    /// window closing does); with a non-interactive backend nothing happens.
    func show() throws {
        guard !showIsNoOp else { return }
        try flush()
    }

    /// Displays and closes every open figure (also what a notebook does at the end of a cell).
    func flush() throws {
        let open = figures
        closeAll()
        for f in open { try display(f) }
    }

    func display(_ f: Figure) throws {
        rc.warnAboutFonts()
        let image = try FigureRenderer.render(f).image()
        let pictures = interp.pictures
        if let path = try pictures.nextAutoSavePath() {
            try image.save(path)
            pictures.saved(path)
        } else if pictures.isTerminal {
            let rgb = try image.convert("RGB")
            interp.write(try renderHalfBlocks(rgb.pixels, width: rgb.width, height: rgb.height, maxColumns: 100) + "\n")
        } else {
            guard interp.allowsFileChanges else { return }
            savedCount += 1
            let path = numberedPath(savedCount)
            try image.save(path)
            interp.writeError("nnsh: figure \(f.number) saved to \(path)\n")
            pictures.saved(path)
        }
    }

    /// `NAME_figN.png` beside the script (in the current folder for `-c` and the prompt).
    func numberedPath(_ n: Int) -> String {
        let file = interp.file
        if file.hasPrefix("<") || file.isEmpty { return "nnsh_fig\(n).png" }
        // Beside the script, spelled as the script was (a relative path stays relative).
        let slash = file.lastIndex(of: "/")
        let dir = slash.map { String(file[...$0]) } ?? ""
        var base = slash.map { String(file[file.index(after: $0)...]) } ?? file
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        return dir + "\(base)_fig\(n).png"
    }

    // MARK: savefig

    static let knownFormats = ["avif", "eps", "gif", "jpeg", "jpg", "pdf", "pgf", "png", "ps", "raw", "rgba", "svg", "svgz", "tif", "tiff", "webp"]

    func savefig(_ f: Figure, _ args: Arguments) throws {
        let b = try args.bind("savefig", ["fname"], required: 1,
                              keywordOnly: ["dpi", "format", "bbox_inches", "pad_inches", "facecolor", "transparent", "edgecolor", "metadata", "orientation", "backend"])
        for k in ["metadata", "orientation", "backend", "edgecolor"] where b[k] != nil {
            throw PythonError("NotImplementedError", "nnsh's matplotlib does not support savefig(\(k)=...) yet")
        }
        var path = try interp.pathArgument(b.values["fname"], "savefig")
        var format = b["format"]?.str.lowercased() ?? URL(fileURLWithPath: path).pathExtension.lowercased()
        // No extension and no format: rcParams['savefig.format'] (png), appended to the name.
        if format.isEmpty { format = "png"; path += ".png" }
        guard Self.knownFormats.contains(format) else {
            throw PythonError.value("Format '\(format)' is not supported (supported formats: \(Self.knownFormats.joined(separator: ", ")))")
        }
        guard ["png", "jpg", "jpeg"].contains(format) else {
            throw PythonError("NotImplementedError", "nnsh's matplotlib writes PNG and JPEG files, not \(format.uppercased())")
        }
        try interp.checkFileChangesAllowed("savefig")
        let savedDpi = f.dpi, savedFace = f.faceColor
        let axesFaces = f.axes.map(\.faceColor)
        defer { f.dpi = savedDpi; f.faceColor = savedFace; for (a, c) in zip(f.axes, axesFaces) { a.faceColor = c } }
        if let d = b["dpi"], d.str != "figure" {
            let dpi = try d.asDouble("dpi", "savefig")
            guard dpi > 0, dpi.isFinite, f.widthInches * dpi <= 32_767, f.heightInches * dpi <= 32_767 else {
                throw PythonError.value("savefig(dpi=\(d.repr)) makes a picture larger than nnsh draws (32767 pixels a side), or is not positive")
            }
            f.dpi = dpi
        }
        if let t = b["transparent"], try interp.truthy(t) {
            f.faceColor = .clear
            for a in f.axes { a.faceColor = .clear }
        }
        if let c = b["facecolor"] { f.faceColor = try PlotArgs.color(c, interp) }
        if b["dpi"] == nil, case .float(let d)? = rc.values["savefig.dpi"] { f.dpi = d }
        rc.warnAboutFonts()
        let rendered = try FigureRenderer.render(f)
        var image = try rendered.image()
        if let bb = b["bbox_inches"] {
            guard bb.str == "tight" else { throw PythonError("NotImplementedError", "nnsh's matplotlib supports bbox_inches='tight' or None, not \(bb.repr)") }
            let pad = try b["pad_inches"].map { try $0.asDouble("pad_inches", "savefig") } ?? 0.1
            if let box = try FigureRenderer.tightBoundingBox(f) {
                let p = pad * f.dpi
                let x0 = max(0, Int((box.x0 - p).rounded(.down))), y0 = max(0, Int((box.y0 - p).rounded(.down)))
                let x1 = min(image.width, Int((box.x1 + p).rounded(.up))), y1 = min(image.height, Int((box.y1 + p).rounded(.up)))
                if x1 > x0 && y1 > y0 { image = try image.crop(x0, y0, x1, y1) }
            }
        }
        if format != "png" {
            // JPEG has no alpha: composite over the figure's face colour as matplotlib does.
            image = try image.convert("RGB")
        }
        try image.save(path)
    }
}
