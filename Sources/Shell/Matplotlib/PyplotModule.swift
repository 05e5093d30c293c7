import Figures
import Foundation
import Torch

/// `Figure`'s methods, each declared once (pyplot's `savefig`, `suptitle`, … call them on `gcf()`).
enum FigureMethods {
    static let table: [String: MatplotlibMethod<FigureObject>] = [
        "add_subplot": { fig, args in .object(fig.state.wrap(try fig.state.addSubplot(fig.figure, try subplotSpec(args, "add_subplot")))) },
        "subplots": { fig, args in try fig.state.subplots(in: fig.figure, args, returnsFigure: false) },
        "add_axes": { fig, args in
            let b = try args.bind("add_axes", ["rect"], required: 1)
            let v = try fig.state.interp.iterate(b.values["rect"]!).map { try $0.asDouble("rect", "add_axes") }
            guard v.count == 4, v.allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else { throw PythonError.value("rect must be a sequence of 4 finite floats (left, bottom, width, height)") }
            let a = Axes(spec: nil)
            a.rect = (v[0], v[1], v[2], v[3])
            fig.figure.addAxes(a)
            fig.figure.currentAxes = a
            return .object(fig.state.wrap(a))
        },
        "gca": { fig, _ in
            if let a = fig.figure.currentAxes { return .object(fig.state.wrap(a)) }
            return .object(fig.state.wrap(fig.state.addSubplot(fig.figure, SubplotSpec(rows: 1, cols: 1, index: 1))))
        },
        "suptitle": { try $0.state.suptitle($0.figure, $1) },
        "text": { fig, args in
            let b = try args.bind("text", ["x", "y", "s"], required: 3, keywordOnly: Array(PlotArgs.textProperties) + Array(PlotArgs.textAliases.keys))
            let style = try PlotArgs.textStyle(try PlotArgs.properties(args.keywords, artist: "Text", accepted: PlotArgs.textProperties, aliases: PlotArgs.textAliases),
                                               base: TextStyle(size: 10), fig.state.interp)
            let x = try b.values["x"]!.asDouble("x", "text"), y = try b.values["y"]!.asDouble("y", "text")
            fig.figure.texts.append(PlacedText(x: x, y: y, text: b.values["s"]!.str, style: style))
            return .object(ArtistObject(.text(x: b.values["x"]!.repr, y: b.values["y"]!.repr, text: b.values["s"]!.str)))
        },
        "savefig": { fig, args in try fig.state.savefig(fig.figure, args); return .none },
        "tight_layout": { try $0.state.tightLayout($0.figure, $1) },
        "subplots_adjust": { try $0.state.subplotsAdjust($0.figure, $1) },
        "set_size_inches": { fig, args in
            let b = try args.bind("set_size_inches", ["w", "h", "forward"], required: 1)
            var w = b.values["w"]!, h = b["h"]
            if h == nil { let parts = try fig.state.interp.iterate(w); guard parts.count == 2 else { throw PythonError.value("set_size_inches() takes (w, h)") }; w = parts[0]; h = parts[1] }
            try fig.state.setSize(fig.figure, try w.asDouble("w", "set_size_inches"), try h!.asDouble("h", "set_size_inches"))
            return .none
        },
        "get_size_inches": { fig, _ in
            .object(NDArrayObject(try Tensor.from(doubles: [fig.figure.widthInches, fig.figure.heightInches], shape: [2], dtype: .float64)))
        },
        "clf": { fig, _ in fig.figure.clear(); return .none },
        "clear": { fig, _ in fig.figure.clear(); return .none },
        "colorbar": { try $0.state.colorbar($0.figure, $1) },
        "show": { fig, _ in try fig.state.show(); return .none },
    ]

    /// `subplot(2, 2, 3)`, `subplot(223)`, `subplot()` (111), and `(2, 2, (1, 2))` spans.
    static func subplotSpec(_ args: Arguments, _ function: String) throws -> SubplotSpec {
        let pos = args.positional
        let extra = args.keywords.filter { !["projection", "polar", "sharex", "sharey", "label"].contains($0.0) }
        if let (k, _) = extra.first { throw PythonError("AttributeError", "Axes.set() got an unexpected keyword argument '\(k)'") }
        if let (k, _) = args.keywords.first { throw PythonError("NotImplementedError", "nnsh's matplotlib does not support \(function)(\(k)=...) yet") }
        var rows = 1, cols = 1, index = 1
        switch pos.count {
        case 0: break
        case 1:
            guard case .int(let n) = pos[0] else { throw PythonError.type("subplot() takes 1 or 3 positional arguments but 1 was given") }
            guard (100...999).contains(n) else { throw PythonError.value("Single argument to subplot must be a three-digit integer, not \(n)") }
            rows = n / 100; cols = n / 10 % 10; index = n % 10
        case 3:
            rows = try pos[0].asInt(); cols = try pos[1].asInt()
            guard rows > 0 else { throw PythonError.value("Number of rows must be a positive integer, not \(rows)") }
            guard cols > 0 else { throw PythonError.value("Number of columns must be a positive integer, not \(cols)") }
            guard rows <= 1000, cols <= 1000 else { throw PythonError.value("nnsh's matplotlib draws grids of up to 1000 rows and columns") }
            if case .tuple(let span) = pos[2] {
                guard span.count == 2 else { throw PythonError.value("Subplot specifier tuple must contain integers, not \(pos[2].repr)") }
                let a = try span[0].asInt(), b = try span[1].asInt()
                guard a >= 1, b <= rows * cols, a <= b else { throw PythonError.value("num must be an integer with 1 <= num <= \(rows * cols), not \(pos[2].repr)") }
                let first = SubplotSpec(rows: rows, cols: cols, index: a), last = SubplotSpec(rows: rows, cols: cols, index: b)
                return SubplotSpec(rows: rows, cols: cols, rowRange: first.rowRange.lowerBound...last.rowRange.upperBound,
                                   colRange: min(first.colRange.lowerBound, last.colRange.lowerBound)...max(first.colRange.upperBound, last.colRange.upperBound))
            }
            index = try pos[2].asInt()
        default:
            throw PythonError.type("subplot() takes 1 or 3 positional arguments but \(pos.count) were given")
        }
        guard rows > 0, cols > 0 else { throw PythonError.value("Number of rows must be a positive integer, not \(rows)") }
        guard index >= 1 && index <= rows * cols else {
            throw PythonError.value("num must be an integer with 1 <= num <= \(rows * cols), not \(index)")
        }
        return SubplotSpec(rows: rows, cols: cols, index: index)
    }
}

extension PyplotState {
    func suptitle(_ f: Figure, _ args: Arguments) throws -> Value {
        let own = ["t", "x", "y"]
        let b = try Arguments(args.positional, args.keywords.filter { own.contains($0.0) }).bind("suptitle", ["t"], required: 1, keywordOnly: ["x", "y"])
        var base = TextStyle(size: 12, ha: .center, va: .top)
        base.color = .black
        let style = try PlotArgs.textStyle(try PlotArgs.properties(args.keywords.filter { !own.contains($0.0) }, artist: "Text", accepted: PlotArgs.textProperties, aliases: PlotArgs.textAliases),
                                           base: base, interp)
        let x = try b.double("x", 0.5), y = try b.double("y", 0.98)
        f.suptitle = PlacedText(x: x, y: y, text: b.values["t"]!.str, style: style)
        return .object(ArtistObject(.text(x: b["x"]?.repr ?? "0.5", y: b["y"]?.repr ?? "0.98", text: b.values["t"]!.str)))
    }

    func tightLayout(_ f: Figure, _ args: Arguments) throws -> Value {
        let b = try args.bind("tight_layout", ["pad", "h_pad", "w_pad", "rect"])
        if b["rect"] != nil { throw PythonError("NotImplementedError", "nnsh's matplotlib does not support tight_layout(rect=...) yet") }
        try FigureRenderer.tightLayout(f, pad: try b.double("pad", 1.08), hPad: try b["h_pad"].map { try $0.asDouble("h_pad", "tight_layout") },
                                       wPad: try b["w_pad"].map { try $0.asDouble("w_pad", "tight_layout") })
        return .none
    }

    func subplotsAdjust(_ f: Figure, _ args: Arguments) throws -> Value {
        let b = try args.bind("subplots_adjust", ["left", "bottom", "right", "top", "wspace", "hspace"])
        var p = f.params
        p.left = try b.double("left", p.left); p.bottom = try b.double("bottom", p.bottom)
        p.right = try b.double("right", p.right); p.top = try b.double("top", p.top)
        p.wspace = try b.double("wspace", p.wspace); p.hspace = try b.double("hspace", p.hspace)
        guard [p.left, p.bottom, p.right, p.top, p.wspace, p.hspace].allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else {
            throw PythonError.value("subplots_adjust() takes finite fractions of the figure")
        }
        guard p.left < p.right else { throw PythonError.value("left cannot be >= right") }
        guard p.bottom < p.top else { throw PythonError.value("bottom cannot be >= top") }
        f.params = p
        return .none
    }

    func setSize(_ f: Figure, _ w: Double, _ h: Double) throws {
        guard w > 0, h > 0, w.isFinite, h.isFinite else { throw PythonError.value("figure size must be positive finite not (\(Value.float(w).repr), \(Value.float(h).repr))") }
        guard w * f.dpi <= 32_767, h * f.dpi <= 32_767 else { throw PythonError.value("a figure of \(Value.float(w).repr)x\(Value.float(h).repr) inches at \(Int(f.dpi)) dpi is larger than nnsh draws (32767 pixels a side)") }
        f.widthInches = w; f.heightInches = h
    }

    /// `figure(num=None, figsize=None, dpi=None, facecolor=None, clear=False)`.
    func figureCall(_ args: Arguments) throws -> Value {
        let b = try args.bind("figure", ["num", "figsize", "dpi", "facecolor", "edgecolor", "frameon", "FigureClass", "clear"])
        for k in ["edgecolor", "frameon", "FigureClass"] where b[k] != nil { throw PythonError("NotImplementedError", "nnsh's matplotlib does not support figure(\(k)=...) yet") }
        var number: Int?
        if let n = b["num"] {
            guard case .int(let i) = n else { throw PythonError("NotImplementedError", "nnsh's matplotlib numbers figures with integers, not \(n.repr)") }
            number = i
        }
        let existing = number.flatMap { n in figures.first { $0.number == n } }
        let f = figure(number: number)
        if existing == nil {
            if let size = b["figsize"] {
                let v = try interp.iterate(size).map { try $0.asDouble("figsize", "figure") }
                guard v.count == 2 else { throw PythonError.value("figsize must be a (width, height) pair") }
                if let d = b["dpi"] {
                    let dpi = try d.asDouble("dpi", "figure")
                    guard dpi > 0, dpi.isFinite else { close(f); throw PythonError.value("dpi must be positive, not \(d.repr)") }
                    f.dpi = dpi
                }
                do { try setSize(f, v[0], v[1]) } catch { close(f); throw error }
            } else if let d = b["dpi"] {
                f.dpi = try d.asDouble("dpi", "figure")
                if f.dpi <= 0 || !f.dpi.isFinite || f.widthInches * f.dpi > 32_767 || f.heightInches * f.dpi > 32_767 { close(f); throw PythonError.value("dpi must be positive and keep the figure under 32767 pixels a side") }
            }
            if let c = b["facecolor"] { f.faceColor = try PlotArgs.color(c, interp) }
        }
        if let c = b["clear"], try interp.truthy(c) { f.clear() }
        return .object(wrap(f))
    }

    /// `subplots(nrows=1, ncols=1, figsize=...)`: `fig, ax` or `fig, axes` (an array of Axes).
    func subplots(in existing: Figure?, _ args: Arguments, returnsFigure: Bool) throws -> Value {
        let b = try args.bind("subplots", ["nrows", "ncols"], keywordOnly: ["sharex", "sharey", "squeeze", "figsize", "dpi", "subplot_kw", "gridspec_kw", "width_ratios", "height_ratios", "num", "facecolor"])
        for k in ["sharex", "sharey", "subplot_kw", "gridspec_kw", "width_ratios", "height_ratios"] where b[k] != nil && !(b[k]!.isFalseValue) {
            throw PythonError("NotImplementedError", "nnsh's matplotlib does not support subplots(\(k)=...) yet")
        }
        let rows = try b.int("nrows", 1), cols = try b.int("ncols", 1)
        guard rows > 0 else { throw PythonError.value("Number of rows must be a positive integer, not \(rows)") }
        guard cols > 0 else { throw PythonError.value("Number of columns must be a positive integer, not \(cols)") }
        guard rows <= 10_000, cols <= 10_000, rows * cols <= 10_000 else { throw PythonError.value("nnsh's matplotlib draws up to 10000 subplots in a figure") }
        let f: Figure
        if let existing { f = existing } else {
            var kw = [(String, Value)]()
            for k in ["figsize", "dpi", "num", "facecolor"] { if let v = b[k] { kw.append((k, v)) } }
            guard case .object(let fo as FigureObject) = try figureCall(Arguments([], kw)) else { return .none }
            f = fo.figure
        }
        var made = [Value]()
        for i in 1...(rows * cols) {
            let a = newAxes(SubplotSpec(rows: rows, cols: cols, index: i))
            f.addAxes(a)
            made.append(.object(wrap(a)))
        }
        f.currentAxes = f.axes.last
        let squeeze = try b.bool("squeeze", true)
        let axesValue: Value
        if squeeze && rows == 1 && cols == 1 { axesValue = made[0] }
        else if squeeze && (rows == 1 || cols == 1) { axesValue = .object(AxesArrayObject(made, shape: [rows * cols])) }
        else { axesValue = .object(AxesArrayObject(made, shape: [rows, cols])) }
        return returnsFigure ? .tuple([.object(wrap(f)), axesValue]) : axesValue
    }

    /// `colorbar(mappable=None, ax=None, fraction=0.15, pad=0.05, shrink=1.0)`: a strip Axes
    /// taken from the right of the image's Axes, with its ticks on the right.
    func colorbar(_ f: Figure, _ args: Arguments) throws -> Value {
        let b = try args.bind("colorbar", ["mappable", "cax", "ax"], keywordOnly: ["fraction", "pad", "shrink", "aspect", "orientation", "label"])
        for k in ["cax", "orientation", "label"] where b[k] != nil { throw PythonError("NotImplementedError", "nnsh's matplotlib does not support colorbar(\(k)=...) yet") }
        var parent: Axes = f.currentAxes ?? gca()
        if case .object(let a as AxesObject)? = b["ax"] { parent = a.axes }
        var image: ImageArtist?
        if case .object(let m as ArtistObject)? = b["mappable"], let ax = m.axes, let i = m.index, i < ax.artists.count, case .image(let im) = ax.artists[i] {
            parent = b["ax"] == nil ? ax : parent; image = im
        } else if b["mappable"] == nil {
            for case .image(let im) in parent.artists.reversed() { image = im; break }
        }
        guard let im = image, im.colormap != nil else {
            throw PythonError.runtime("No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).")
        }
        let fraction = try b.double("fraction", 0.15), pad = try b.double("pad", 0.05), shrink = try b.double("shrink", 1), aspect = try b.double("aspect", 20)
        // make_axes: the parent keeps the left part, the bar gets `fraction` of the width after `pad`.
        let (l, bottom, r, top) = parent.originalPositionFractions(f)
        let w = r - l, h = top - bottom
        parent.rect = (l, bottom, w * (1 - fraction - pad), h)
        let barLeft = l + w * (1 - fraction), barWidth = w * fraction
        var barHeight = h * shrink
        let barBottom = bottom + (h - barHeight) / 2
        // The bar's box aspect (height / width = aspect in pixels), anchored at its left middle.
        let figAspect = f.heightInches / f.widthInches
        var width = barHeight * figAspect / aspect
        if width > barWidth { width = barWidth; barHeight = width * aspect / figAspect }
        let cax = Axes(spec: nil)
        cax.rect = (barLeft, barBottom + (h * shrink - barHeight) / 2, width, barHeight)
        cax.colorbarOf = im
        cax.yLimits = im.limits ?? (0, 1)
        cax.xLimits = (0, 1)
        cax.xTicks = FixedTicks(locs: [], labels: nil)
        cax.yAxisRight = true
        f.addAxes(cax)
        return .object(ArtistObject(.colorbar, axes: cax))
    }
}

extension Axes {
    func originalPositionFractions(_ f: Figure) -> (Double, Double, Double, Double) {
        if let r = rect { return (r.0, r.1, r.0 + r.2, r.1 + r.3) }
        let fw = Double(f.pixelWidth), fh = Double(f.pixelHeight)
        let box = pixelRect(f)
        return (box.x0 / fw, 1 - box.y1 / fh, box.x1 / fw, 1 - box.y0 / fh)
    }
}

extension Interpreter {
    /// Shows (in a notebook: displays) every open figure and closes them: what matplotlib's inline
    /// backend does at the end of each cell, so figures appear without `plt.show()`.
    public func flushFigures() throws { try pyplot.flush() }

    /// Front ends that show figures themselves (the Jupyter kernel) use the inline backend, as
    /// ipykernel does whatever MPLBACKEND says: `show()` displays, `get_backend()` names it.
    public func useInlineFigures() { pyplot.backend = "module://matplotlib_inline.backend_inline" }

    /// `matplotlib`: `use`, `get_backend`, `__version__`, `pyplot`, `colormaps`.
    func makeMatplotlibModule() -> Namespace {
        let ns = Namespace("matplotlib")
        ns.members["__version__"] = .str("3.11.2")
        ns.members["use"] = .builtin(Builtin("use") { [unowned self] args in
            let b = try args.bind("use", ["backend", "force"], required: 1)
            self.pyplot.backend = b.values["backend"]!.str
            return .none
        })
        ns.members["get_backend"] = .builtin(Builtin("get_backend") { [unowned self] _ in
            .str(self.pyplot.backend.isEmpty ? (self.pictures.autoSaveDirectory != nil ? "module://matplotlib_inline.backend_inline" : "nnsh") : self.pyplot.backend)
        })
        ns.lazyMembers["pyplot"] = { [unowned self] in self.builtinModule(named: "matplotlib.pyplot") ?? .none }
        ns.lazyMembers["cm"] = { [unowned self] in self.builtinModule(named: "matplotlib.cm") ?? .none }
        ns.members["rcParams"] = .object(pyplot.rc)
        ns.members["colormaps"] = .object(ColormapRegistry())
        return ns
    }

    /// `matplotlib.pyplot`: the state-machine interface over `PyplotState`.
    func makePyplotModule() -> Namespace {
        let ns = Namespace("matplotlib.pyplot")
        let state = pyplot
        func def(_ name: String, _ body: @escaping (Arguments) throws -> Value) {
            ns.members[name] = .builtin(Builtin(name, body))
        }
        /// pyplot functions that are an Axes method on `gca()`.
        func forward(_ name: String, to method: String) {
            guard let m = AxesMethods.table[method] else { return }
            let b = Builtin(name) { args in try m(state.wrap(state.gca()), args) }
            b.wantsCallerScope = true
            ns.members[name] = .builtin(b)
        }
        for name in ["plot", "imshow", "scatter", "bar", "hist", "legend", "grid", "text", "axis", "axhline", "axvline"] { forward(name, to: name) }
        forward("title", to: "set_title"); forward("xlabel", to: "set_xlabel"); forward("ylabel", to: "set_ylabel")
        for (name, x) in [("xlim", true), ("ylim", false)] {
            let b = Builtin(name) { args in
                let ax = state.wrap(state.gca())
                if args.positional.isEmpty && args.keywords.isEmpty { return ax.limitsValue(x: x) }
                return try ax.setLimits(args, x: x, function: name)
            }
            b.wantsCallerScope = true
            ns.members[name] = .builtin(b)
        }
        for (name, x) in [("xticks", true), ("yticks", false)] {
            def(name) { args in
                let ax = state.wrap(state.gca())
                if !args.positional.isEmpty || args.keywords.contains(where: { $0.0 == "ticks" || $0.0 == "labels" }) {
                    _ = try ax.setTicks(args, x: x, function: name)
                } else if let (k, _) = args.keywords.first {
                    throw PythonError("NotImplementedError", "nnsh's matplotlib does not style tick labels (\(k)=...) yet")
                }
                guard let fig = ax.axes.figure else { return .none }
                let t = ax.axes.allTicks(x: x, in: fig)
                let labels = t.labels.enumerated().map { Value.object(ArtistObject(.text(x: x ? Value.float(t.locs[$0.offset]).repr : "0", y: x ? "0" : Value.float(t.locs[$0.offset]).repr, text: $0.element))) }
                return .tuple([.object(NDArrayObject(try Tensor.from(doubles: t.locs, shape: [t.locs.count], dtype: .float64))), .list(PyList(labels))])
            }
        }
        def("figure") { args in try state.figureCall(args) }
        def("gcf") { _ in .object(state.wrap(state.gcf())) }
        def("gca") { _ in .object(state.wrap(state.gca())) }
        def("sca") { args in
            guard args.positional.count == 1, case .object(let a as AxesObject) = args.positional[0], let f = a.axes.figure else {
                throw PythonError.type("sca() takes an Axes")
            }
            state.current = f; f.currentAxes = a.axes
            return .none
        }
        def("subplot") { args in
            let f = state.gcf()
            return .object(state.wrap(state.addSubplot(f, try FigureMethods.subplotSpec(args, "subplot"))))
        }
        def("subplots") { args in try state.subplots(in: nil, args, returnsFigure: true) }
        def("suptitle") { args in try state.suptitle(state.gcf(), args) }
        def("figtext") { args in try FigureMethods.table["text"]!(state.wrap(state.gcf()), args) }
        def("savefig") { args in try state.savefig(state.gcf(), args); return .none }
        def("show") { args in
            _ = try args.bind("show", [], keywordOnly: ["block"])
            try state.show()
            return .none
        }
        def("close") { args in
            let b = try args.bind("close", ["fig"])
            switch b["fig"] {
            case nil: if let f = state.current { state.close(f) }
            case .str("all")?: state.closeAll()
            case .int(let n)?: if let f = state.figures.first(where: { $0.number == n }) { state.close(f) }
            case .object(let f as FigureObject)?: state.close(f.figure)
            case let v?: throw PythonError.type("close() argument must be a Figure, an int, a string, or None, not \(v.typeName)")
            }
            return .none
        }
        def("clf") { _ in state.gcf().clear(); return .none }
        def("cla") { _ in state.gca().clear(); return .none }
        def("get_fignums") { _ in .list(PyList(state.figures.map { .int($0.number) }.sorted { ($0.asIntOrZero) < ($1.asIntOrZero) })) }
        def("fignum_exists") { args in
            guard args.positional.count == 1 else { throw PythonError.type("fignum_exists() takes 1 argument") }
            let n = try args.positional[0].asInt()
            return .bool(state.figures.contains { $0.number == n })
        }
        def("tight_layout") { args in try state.tightLayout(state.gcf(), args) }
        def("subplots_adjust") { args in try state.subplotsAdjust(state.gcf(), args) }
        def("colorbar") { args in try state.colorbar(state.gcf(), args) }
        def("ion") { _ in .none }
        def("ioff") { _ in .none }
        def("isinteractive") { _ in .bool(false) }
        def("draw") { _ in .none }
        def("pause") { args in
            // Outside a GUI event loop pause() only waits; the figure is drawn by show().
            guard args.positional.count == 1 else { throw PythonError.type("pause() missing 1 required positional argument: 'interval'") }
            let s = try args.positional[0].asDouble("interval", "pause")
            if s > 0 && s < 3600 { usleep(UInt32(s * 1_000_000)) }
            return .none
        }
        def("get_cmap") { args in
            let b = try args.bind("get_cmap", ["name", "lut"])
            if case .object(let c as ColormapObject)? = b["name"] { return .object(c) }
            let name = b["name"]?.str ?? "viridis"
            guard let map = Colormap(named: name) else {
                throw PythonError.value("'\(name)' is not a valid value for cmap; supported values are \(Colormap.names.map { "'\($0)'" }.joined(separator: ", "))")
            }
            return .object(ColormapObject(map))
        }
        ns.lazyMembers["cm"] = { [unowned self] in self.builtinModule(named: "matplotlib.cm") ?? .none }
        ns.members["rcParams"] = .object(state.rc)
        return ns
    }
}

extension Value {
    fileprivate var isFalseValue: Bool { if case .bool(false) = self { return true }; return false }
    fileprivate var asIntOrZero: Int { if case .int(let i) = self { return i }; return 0 }
}
