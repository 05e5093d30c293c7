import Figures
import Foundation
import Pictures
import Torch

/// `Axes`' methods, each declared once; pyplot's functions of the same job call these on `gca()`.
enum AxesMethods {
    static let table: [String: MatplotlibMethod<AxesObject>] = [
        "plot": { try $0.plot($1) },
        "imshow": { try $0.imshow($1) },
        "axhline": { try $0.axLine($1, horizontal: true) },
        "axvline": { try $0.axLine($1, horizontal: false) },
        "scatter": { try $0.scatter($1) },
        "bar": { try $0.bar($1) },
        "hist": { try $0.hist($1) },
        "legend": { try $0.legend($1) },
        "grid": { try $0.grid($1) },
        "text": { try $0.text($1) },
        "set_title": { try $0.setTitle($1) },
        "set_xlabel": { try $0.setLabel($1, x: true) },
        "set_ylabel": { try $0.setLabel($1, x: false) },
        "get_title": { ax, args in
            let b = try args.bind("get_title", ["loc"])
            return .str(ax.axes.title[try b.string("loc", "center")] ?? "")
        },
        "get_xlabel": { ax, _ in .str(ax.axes.xLabel) },
        "get_ylabel": { ax, _ in .str(ax.axes.yLabel) },
        "set_xlim": { try $0.setLimits($1, x: true, function: "set_xlim") },
        "set_ylim": { try $0.setLimits($1, x: false, function: "set_ylim") },
        "get_xlim": { ax, _ in ax.limitsValue(x: true) },
        "get_ylim": { ax, _ in ax.limitsValue(x: false) },
        "set_xticks": { try $0.setTicks($1, x: true, function: "set_xticks") },
        "set_yticks": { try $0.setTicks($1, x: false, function: "set_yticks") },
        "get_xticks": { ax, _ in try ax.ticksValue(x: true) },
        "get_yticks": { ax, _ in try ax.ticksValue(x: false) },
        "axis": { try $0.axis($1) },
        "set_axis_off": { ax, _ in ax.axes.axisOn = false; return .none },
        "set_axis_on": { ax, _ in ax.axes.axisOn = true; return .none },
        "set_aspect": { ax, args in
            let b = try args.bind("set_aspect", ["aspect", "adjustable", "anchor", "share"], required: 1)
            switch b.values["aspect"]! {
            case .str("equal"): ax.axes.aspectEqual = true
            case .str("auto"): ax.axes.aspectEqual = false
            case let v: throw PythonError("NotImplementedError", "nnsh's matplotlib supports aspect 'equal' and 'auto', not \(v.repr)")
            }
            if let a = b["adjustable"], a.str != "box" { throw PythonError("NotImplementedError", "nnsh's matplotlib adjusts the box for an equal aspect (adjustable='box'), not \(a.repr)") }
            return .none
        },
        "invert_yaxis": { ax, _ in ax.invert(x: false); return .none },
        "invert_xaxis": { ax, _ in ax.invert(x: true); return .none },
        "cla": { ax, _ in ax.axes.clear(); return .none },
        "clear": { ax, _ in ax.axes.clear(); return .none },
        "get_figure": { ax, _ in ax.axes.figure.map { .object(ax.state.wrap($0)) } ?? .none },
    ]
}

extension AxesObject {
    var interp: Interpreter { state.interp }

    // MARK: plot

    /// `plot([x], y, [fmt], [x2], y2, [fmt2], ..., **kwargs)`: one Line2D per (x, y) group and per column of a 2-D y.
    func plot(_ args: Arguments) throws -> Value {
        let props = try PlotArgs.properties(args.keywords.filter { $0.0 != "scalex" && $0.0 != "scaley" && $0.0 != "data" }, artist: "Line2D",
                                            accepted: PlotArgs.lineProperties, aliases: PlotArgs.lineAliases)
        if args.keywords.contains(where: { $0.0 == "data" }) { throw PythonError("NotImplementedError", "nnsh's matplotlib does not take data= in plot()") }
        var rest = args.positional
        var made = [Value]()
        guard !rest.isEmpty else { return .list(PyList([])) }
        while !rest.isEmpty {
            // matplotlib's grouping: two arguments, then a format string if one follows.
            var group = Array(rest.prefix(2))
            rest.removeFirst(group.count)
            if case .str? = rest.first { group.append(rest.removeFirst()) }
            var fmt: String?
            if group.count > 1, case .str(let f)? = group.last { fmt = f; group.removeLast() }
            if group.count == 1, case .str = group[0] { throw PythonError.value("plot() got a format string without data") }
            let y = try PlotData.from(group.count == 2 ? group[1] : group[0], interp, "y")
            var xs: [Double]
            let rows = y.shape.count == 2 ? y.shape[0] : y.count
            if group.count == 2 {
                let x = try PlotData.from(group[0], interp, "x")
                xs = x.values
                if xs.count != rows || x.shape.count > 1 {
                    throw PythonError.value("x and y must have same first dimension, but have shapes (\(x.shape.map(String.init).joined(separator: ", "))\(x.shape.count == 1 ? "," : "")) and (\(y.shape.map(String.init).joined(separator: ", "))\(y.shape.count == 1 ? "," : ""))")
                }
            } else {
                xs = (0..<rows).map(Double.init)
            }
            if y.shape.count > 2 {
                let xShape = group.count == 2 ? (try PlotData.from(group[0], interp, "x").shape) : [y.shape.first ?? 0]
                func text(_ s: [Int]) -> String { "(" + s.map(String.init).joined(separator: ", ") + (s.count == 1 ? ",)" : ")") }
                throw PythonError.value("x and y can be no greater than 2D, but have shapes \(text(xShape)) and \(text(y.shape))")
            }
            let format = try fmt.map(PlotArgs.format)
            for column in y.columns {
                var line = Line(xs: xs, ys: column, color: format?.color ?? (props["color"] == nil ? axes.nextColor() : .black))
                line.width = state.rc.lineWidth
                if let s = format?.style { line.style = s }
                if let m = format?.marker { line.marker = m }
                try PlotArgs.apply(props, to: &line, interp)
                axes.add(.line(line))
                made.append(.object(ArtistObject(.line, axes: axes, index: axes.artists.count - 1)))
            }
        }
        return .list(PyList(made))
    }

    /// `axhline(y=0, xmin=0, xmax=1, **kwargs)` / `axvline(x=0, ymin=0, ymax=1, **kwargs)`: a line
    /// across the Axes at a data position, its extent in fractions of the Axes.
    func axLine(_ args: Arguments, horizontal: Bool) throws -> Value {
        let name = horizontal ? "axhline" : "axvline"
        let own = horizontal ? ["y", "xmin", "xmax"] : ["x", "ymin", "ymax"]
        let b = try Arguments(args.positional, args.keywords.filter { own.contains($0.0) }).bind(name, own)
        let props = try PlotArgs.properties(args.keywords.filter { !own.contains($0.0) }, artist: "Line2D",
                                            accepted: PlotArgs.lineProperties, aliases: PlotArgs.lineAliases)
        let at = try b.double(own[0], 0), lo = try b.double(own[1], 0), hi = try b.double(own[2], 1)
        guard at.isFinite, lo.isFinite, hi.isFinite else { throw PythonError.value("\(name)() takes finite positions") }
        var line = horizontal ? Line(xs: [lo, hi], ys: [at, at], color: .black) : Line(xs: [at, at], ys: [lo, hi], color: .black)
        if horizontal { line.xInAxes = true } else { line.yInAxes = true }
        line.color = props["color"] == nil ? axes.nextColor() : .black
        try PlotArgs.apply(props, to: &line, interp)
        axes.add(.line(line))
        return .object(ArtistObject(.line, axes: axes, index: axes.artists.count - 1))
    }

    // MARK: imshow

    func imshow(_ args: Arguments) throws -> Value {
        let b = try args.bind("imshow", ["X", "cmap", "norm"], required: 1,
                              keywordOnly: ["aspect", "interpolation", "alpha", "vmin", "vmax", "origin", "extent", "interpolation_stage", "filternorm", "filterrad", "resample", "url", "colorizer", "data"])
        for k in ["norm", "filternorm", "filterrad", "resample", "url", "colorizer", "data"] where b[k] != nil {
            throw PythonError("NotImplementedError", "nnsh's matplotlib does not support imshow(\(k)=...) yet")
        }
        var (artist, shape) = try imageArtist(b.values["X"]!, cmap: b["cmap"], vmin: b["vmin"], vmax: b["vmax"])
        if let i = b["interpolation"] {
            let known = ["auto", "antialiased", "nearest", "none", "bilinear", "bicubic", "hanning", "hamming", "lanczos", "spline16", "gaussian", "sinc"]
            guard known.contains(i.str) else { throw PythonError.value("'\(i.str)' is not a valid value for interpolation; supported values are \(known.map { "'\($0)'" }.joined(separator: ", "))") }
            artist.interpolation = i.str
        }
        if let a = b["alpha"] { artist.alpha = try a.asDouble("alpha", "imshow") }
        let origin = try b.string("origin", "upper")
        guard origin == "upper" || origin == "lower" else { throw PythonError.value("'\(origin)' is not a valid value for origin; supported values are 'upper', 'lower'") }
        let w = Double(artist.width), h = Double(artist.height)
        if origin == "lower" {
            artist.rgba = flipRows(artist.rgba, width: artist.width, height: artist.height)
            artist.extent = (-0.5, w - 0.5, -0.5, h - 0.5)
        } else {
            artist.extent = (-0.5, w - 0.5, h - 0.5, -0.5)
        }
        if let e = b["extent"] {
            let v = try interp.iterate(e).map { try $0.asDouble("extent", "imshow") }
            guard v.count == 4 else { throw PythonError.value("extent must be a 4-tuple (left, right, bottom, top)") }
            guard v.allSatisfy({ $0.isFinite }) else { throw PythonError.value("extent must be finite, not \(e.repr)") }
            // (left, right, bottom, top) either way: the rows were already flipped for origin='lower'.
            artist.extent = (v[0], v[1], v[2], v[3])
        }
        axes.add(.image(artist))
        let aspect = b["aspect"]?.str ?? "equal"
        guard aspect == "equal" || aspect == "auto" else { throw PythonError("NotImplementedError", "nnsh's matplotlib supports aspect 'equal' and 'auto', not '\(aspect)'") }
        axes.aspectEqual = aspect == "equal"
        return .object(ArtistObject(.image(shape: shape), axes: axes, index: axes.artists.count - 1))
    }

    func flipRows(_ rgba: [UInt8], width: Int, height: Int) -> [UInt8] {
        var out = [UInt8](); out.reserveCapacity(rgba.count)
        for r in stride(from: height - 1, through: 0, by: -1) { out += rgba[(r * width * 4)..<((r + 1) * width * 4)] }
        return out
    }

    /// An image's colours from what `imshow` takes: PIL images, H×W scalars through a colormap,
    /// H×W×3 / H×W×4 RGB(A) as floats in [0, 1] or integers in [0, 255].
    func imageArtist(_ x: Value, cmap: Value?, vmin: Value?, vmax: Value?) throws -> (artist: ImageArtist, shape: [Int]) {
        if case .object(let img as ImageObject) = x {
            let rgba = try img.image.convert("RGBA").pixels
            var a = ImageArtist(width: img.image.width, height: img.image.height, rgba: rgba, extent: (0, 0, 0, 0))
            a.interpolation = "auto"
            return (a, [img.image.height, img.image.width] + (img.image.channels > 1 ? [img.image.channels] : []))
        }
        let t = try NumPyConvert.array(from: x, dtype: nil, interp, copy: false)
        let shape = t.shape
        let shapeText = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? "," : "") + ")"
        guard shape.count == 2 || (shape.count == 3 && (shape[2] == 3 || shape[2] == 4)) else {
            throw PythonError.type("Invalid shape \(shapeText) for image data")
        }
        let height = shape[0], width = shape[1]
        guard width > 0, height > 0 else { throw PythonError.type("Invalid shape \(shapeText) for image data") }
        let (n, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, n <= PILImage.maxImagePixels else { throw PythonError("MemoryError", "an image of \(width)x\(height) pixels is too large to draw") }
        let values = try t.contiguous().doubles()
        var rgba = [UInt8](repeating: 255, count: n * 4)
        if shape.count == 2 {
            let name = cmap.map(colormapName) ?? state.rc.colormap
            guard let map = Colormap(named: name) else {
                throw PythonError.value("'\(name)' is not a valid value for cmap; supported values are \(Colormap.names.map { "'\($0)'" }.joined(separator: ", "))")
            }
            let finite = values.filter { $0.isFinite }
            var lo = try vmin.map { try $0.asDouble("vmin", "imshow") } ?? (finite.min() ?? 0)
            var hi = try vmax.map { try $0.asDouble("vmax", "imshow") } ?? (finite.max() ?? 0)
            if lo == hi { lo -= 0; hi += 0 }
            for i in 0..<n {
                let v = values[i]
                // Normalize: (v - vmin) / (vmax - vmin); an empty range maps everything to 0.
                let f = hi == lo ? 0 : (v - lo) / (hi - lo)
                let c = v.isNaN ? (UInt8(0), UInt8(0), UInt8(0), UInt8(0)) : map.color(f)
                rgba[4 * i] = c.0; rgba[4 * i + 1] = c.1; rgba[4 * i + 2] = c.2; rgba[4 * i + 3] = c.3
            }
            var a = ImageArtist(width: width, height: height, rgba: rgba, extent: (0, 0, 0, 0))
            a.colormap = map; a.limits = (lo, hi)
            return (a, shape)
        }
        let ch = shape[2]
        let isFloat = t.dtype.isFloatingPoint
        let top = isFloat ? 1.0 : 255.0
        let finite = values.filter { $0.isFinite }
        if let lo = finite.min(), let hi = finite.max(), lo < 0 || hi > top {
            interp.writeError("Clipping input data to the valid range for imshow with RGB data ([0..1] for floats or [0..255] for integers). Got range [\(Value.float(lo).repr)..\(Value.float(hi).repr)].\n")
        }
        for i in 0..<n {
            for c in 0..<ch {
                let v = values[i * ch + c]
                let unit = v.isNaN ? 0 : max(0, min(1, v / top))
                rgba[4 * i + c] = isFloat ? (unit * 255).rounded(.down).clamped255 : (v.isNaN ? 0 : Swift.max(0, Swift.min(255, v)).clamped255)
            }
        }
        return (ImageArtist(width: width, height: height, rgba: rgba, extent: (0, 0, 0, 0)), shape)
    }

    // MARK: scatter, bar, hist

    func scatter(_ args: Arguments) throws -> Value {
        let b = try args.bind("scatter", ["x", "y", "s", "c", "marker", "cmap", "norm", "vmin", "vmax", "alpha", "linewidths"], required: 2,
                              keywordOnly: ["edgecolors", "label", "color", "plotnonfinite", "edgecolor", "linewidth"])
        for k in ["norm", "edgecolors", "edgecolor", "plotnonfinite"] where b[k] != nil {
            throw PythonError("NotImplementedError", "nnsh's matplotlib does not support scatter(\(k)=...) yet")
        }
        let x = try PlotData.from(b.values["x"]!, interp, "x"), y = try PlotData.from(b.values["y"]!, interp, "y")
        guard x.count == y.count else { throw PythonError.value("x and y must be the same size") }
        var sizes = [36.0]
        if let s = b["s"] { sizes = try PlotData.from(s, interp, "s").values }
        var colors: [RGBA]
        if let c = b["c"] ?? b["color"] {
            if case .str = c { colors = [try PlotArgs.color(c, interp)] }
            else if let one = try? PlotArgs.color(c, interp), !(c.isList && (try? PlotData.from(c, interp, "c").count) == x.count) {
                colors = [one]
            } else {
                let values = try PlotData.from(c, interp, "c").values
                guard values.count == x.count else {
                    throw PythonError.value("'c' argument has \(values.count) elements, which is inconsistent with 'x' and 'y' with size \(x.count).")
                }
                let name = b["cmap"].map(colormapName) ?? "viridis"
                guard let map = Colormap(named: name) else { throw PythonError.value("'\(name)' is not a valid value for cmap") }
                let lo = try b["vmin"].map { try $0.asDouble("vmin", "scatter") } ?? (values.min() ?? 0)
                let hi = try b["vmax"].map { try $0.asDouble("vmax", "scatter") } ?? (values.max() ?? 0)
                colors = values.map { map.rgba(hi == lo ? 0 : ($0 - lo) / (hi - lo)) }
            }
        } else {
            colors = [axes.nextPatchColor()]
        }
        if let a = b["alpha"] { let alpha = try a.asDouble("alpha", "scatter"); colors = colors.map { $0.with(alpha: alpha) } }
        var s = Scatter(xs: x.values, ys: y.values, sizes: sizes, colors: colors)
        if let m = b["marker"] { s.marker = try PlotArgs.marker(m) }
        if let w = b["linewidths"] ?? b["linewidth"] { s.edgeWidth = try w.asDouble("linewidths", "scatter") }
        axes.add(.scatter(s, label: b["label"]?.str))
        return .object(ArtistObject(.collection, axes: axes))
    }

    func bar(_ args: Arguments) throws -> Value {
        let b = try args.bind("bar", ["x", "height", "width", "bottom"], required: 2,
                              keywordOnly: ["align", "color", "edgecolor", "linewidth", "label", "alpha", "tick_label", "data"])
        if b["data"] != nil { throw PythonError("NotImplementedError", "nnsh's matplotlib does not take data= in bar()") }
        let x = try PlotData.from(b.values["x"]!, interp, "x").values
        var heights = try PlotData.from(b.values["height"]!, interp, "height").values
        var widths = try b["width"].map { try PlotData.from($0, interp, "width").values } ?? [0.8]
        var bottoms = try b["bottom"].map { try PlotData.from($0, interp, "bottom").values } ?? [0]
        let n = max(x.count, heights.count)
        func broadcast(_ a: inout [Double], _ what: String) throws {
            if a.count == 1 { a = Array(repeating: a[0], count: n) }
            guard a.count == n else { throw PythonError.value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (\(x.count),) and arg 1 with shape (\(a.count),).") }
        }
        var xs = x
        try broadcast(&xs, "x"); try broadcast(&heights, "height"); try broadcast(&widths, "width"); try broadcast(&bottoms, "bottom")
        let align = try b.string("align", "center")
        guard align == "center" || align == "edge" else { throw PythonError.value("'\(align)' is not a valid value for align; supported values are 'center', 'edge'") }
        let color = try b["color"].map { try PlotArgs.color($0, interp) } ?? axes.nextPatchColor()
        let edge = try b["edgecolor"].map { try PlotArgs.color($0, interp) }
        let alpha = try b["alpha"].map { try $0.asDouble("alpha", "bar") }
        for i in 0..<n {
            let left = align == "center" ? xs[i] - widths[i] / 2 : xs[i]
            var p = BarPatch(x: left, y: bottoms[i], width: widths[i], height: heights[i], color: color.with(alpha: alpha))
            p.edgeColor = edge
            if let w = b["linewidth"] { p.edgeWidth = try w.asDouble("linewidth", "bar") }
            axes.add(.bar(p, label: i == 0 ? (b["label"]?.str ?? "_nolegend_") : nil))
        }
        if let labels = b["tick_label"] {
            let names = try interp.iterate(labels).map { $0.str }
            axes.xTicks = FixedTicks(locs: xs, labels: names)
        }
        return .object(ArtistObject(.bars(n), axes: axes))
    }

    func hist(_ args: Arguments) throws -> Value {
        let b = try args.bind("hist", ["x", "bins", "range", "density", "weights", "cumulative", "bottom", "histtype", "align",
                                       "orientation", "rwidth", "log", "color", "label", "stacked"], required: 1,
                              keywordOnly: ["alpha", "edgecolor", "ec", "linewidth", "lw", "data", "facecolor", "fc"])
        for k in ["weights", "cumulative", "bottom", "log", "stacked", "data"] where b[k] != nil && !(b[k]!.isFalse) {
            throw PythonError("NotImplementedError", "nnsh's matplotlib does not support hist(\(k)=...) yet")
        }
        if let t = b["histtype"], t.str != "bar" { throw PythonError("NotImplementedError", "nnsh's matplotlib draws histtype='bar' only, not \(t.repr)") }
        if let o = b["orientation"], o.str != "vertical" { throw PythonError("NotImplementedError", "nnsh's matplotlib draws vertical histograms only") }
        let data = try PlotData.from(b.values["x"]!, interp, "x").values.filter { !$0.isNaN }
        var range: (Double, Double)?
        if let r = b["range"] {
            let v = try interp.iterate(r).map { try $0.asDouble("range", "hist") }
            guard v.count == 2 else { throw PythonError.value("too many values to unpack (expected 2)") }
            range = (v[0], v[1])
        }
        var edges: [Double]
        switch b["bins"] {
        case nil: edges = try Histogram.edges(data, bins: 10, range: range)
        case .int(let k)?:
            guard k >= 1 else { throw PythonError.value("`bins` must be positive, when an integer") }
            guard k <= 10_000_000 else { throw PythonError("MemoryError", "too many bins: \(k)") }
            edges = try Histogram.edges(data, bins: k, range: range)
        case .str(let s)?: throw PythonError("NotImplementedError", "nnsh's matplotlib takes a number of bins or bin edges, not bins='\(s)'")
        case let v?:
            edges = try PlotData.from(v, interp, "bins").values
            guard edges.count >= 2, zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw PythonError.value("`bins` must increase monotonically, when an array")
            }
        }
        var counts = Histogram.counts(data, edges: edges)
        if b["density"].map({ !$0.isFalse }) ?? false {
            let total = counts.reduce(0, +)
            counts = counts.enumerated().map { total == 0 ? .nan : $0.element / total / (edges[$0.offset + 1] - edges[$0.offset]) }
        }
        let color = try (b["color"] ?? b["facecolor"] ?? b["fc"]).map { try PlotArgs.color($0, interp) } ?? axes.nextPatchColor()
        let alpha = try b["alpha"].map { try $0.asDouble("alpha", "hist") }
        let edge = try (b["edgecolor"] ?? b["ec"]).map { try PlotArgs.color($0, interp) }
        let rwidth = try b["rwidth"].map { try $0.asDouble("rwidth", "hist") } ?? 1
        for i in 0..<counts.count {
            let w = (edges[i + 1] - edges[i]) * rwidth
            let left = edges[i] + (edges[i + 1] - edges[i] - w) / 2
            var p = BarPatch(x: left, y: 0, width: w, height: counts[i], color: color.with(alpha: alpha))
            p.edgeColor = edge
            if let lw = b["linewidth"] ?? b["lw"] { p.edgeWidth = try lw.asDouble("linewidth", "hist") }
            axes.add(.bar(p, label: i == 0 ? (b["label"]?.str ?? "_nolegend_") : nil))
        }
        let n = NDArrayObject(try Tensor.from(doubles: counts, shape: [counts.count], dtype: .float64))
        let binsArray = NDArrayObject(try Tensor.from(doubles: edges, shape: [edges.count], dtype: .float64))
        return .tuple([.object(n), .object(binsArray), .object(ArtistObject(.bars(counts.count), axes: axes))])
    }

    // MARK: Texts and decorations

    func setTitle(_ args: Arguments) throws -> Value {
        let positional = Arguments(args.positional, args.keywords.filter { ["label", "fontdict", "loc", "pad", "y"].contains($0.0) })
        let b = try positional.bind("set_title", ["label", "fontdict", "loc", "pad"], required: 1, keywordOnly: ["y"])
        for k in ["fontdict", "pad", "y"] where b[k] != nil { throw PythonError("NotImplementedError", "nnsh's matplotlib does not support set_title(\(k)=...) yet") }
        let props = try PlotArgs.properties(args.keywords.filter { !["label", "fontdict", "loc", "pad", "y"].contains($0.0) }, artist: "Text",
                                            accepted: PlotArgs.textProperties, aliases: PlotArgs.textAliases)
        let loc = try b.string("loc", "center")
        guard ["left", "center", "right"].contains(loc) else { throw PythonError.value("'\(loc)' is not a valid value for loc; supported values are 'left', 'center', 'right'") }
        let label = b.values["label"]!.str
        axes.title[loc] = label
        axes.titleStyles[loc] = try PlotArgs.textStyle(props, base: TextStyle(size: 12), interp)
        return .object(ArtistObject(.text(x: loc == "left" ? "0.0" : loc == "right" ? "1.0" : "0.5", y: "1.0", text: label)))
    }

    func setLabel(_ args: Arguments, x: Bool) throws -> Value {
        let name = x ? "set_xlabel" : "set_ylabel"
        let own = ["xlabel", "ylabel", "fontdict", "labelpad", "loc"]
        let b = try Arguments(args.positional, args.keywords.filter { own.contains($0.0) }).bind(name, [x ? "xlabel" : "ylabel", "fontdict", "labelpad"], required: 1, keywordOnly: ["loc"])
        for k in ["fontdict", "labelpad", "loc"] where b[k] != nil { throw PythonError("NotImplementedError", "nnsh's matplotlib does not support \(name)(\(k)=...) yet") }
        let props = try PlotArgs.properties(args.keywords.filter { !own.contains($0.0) }, artist: "Text", accepted: PlotArgs.textProperties, aliases: PlotArgs.textAliases)
        let label = b.values[x ? "xlabel" : "ylabel"]!.str
        let style = try PlotArgs.textStyle(props, base: TextStyle(size: 10), interp)
        if x { axes.xLabel = label; axes.xLabelStyle = style } else { axes.yLabel = label; axes.yLabelStyle = style }
        return .object(ArtistObject(.text(x: x ? "0.5" : "0", y: x ? "0" : "0.5", text: label)))
    }

    func text(_ args: Arguments) throws -> Value {
        let own = ["x", "y", "s", "fontdict"]
        let b = try Arguments(args.positional, args.keywords.filter { own.contains($0.0) }).bind("text", own, required: 3)
        if b["fontdict"] != nil { throw PythonError("NotImplementedError", "nnsh's matplotlib does not support text(fontdict=...) yet") }
        let props = try PlotArgs.properties(args.keywords.filter { !own.contains($0.0) }, artist: "Text", accepted: PlotArgs.textProperties, aliases: PlotArgs.textAliases)
        let x = try b.values["x"]!.asDouble("x", "text"), y = try b.values["y"]!.asDouble("y", "text")
        let s = b.values["s"]!.str
        axes.add(.text(PlacedText(x: x, y: y, text: s, style: try PlotArgs.textStyle(props, base: TextStyle(size: 10), interp))))
        return .object(ArtistObject(.text(x: b.values["x"]!.repr, y: b.values["y"]!.repr, text: s)))
    }

    func legend(_ args: Arguments) throws -> Value {
        let b = try args.bind("legend", ["labels"], keywordOnly: ["loc", "fontsize", "frameon", "title", "ncol", "ncols", "handles", "framealpha", "shadow", "bbox_to_anchor", "prop", "markerscale", "fancybox"])
        for k in ["handles", "framealpha", "shadow", "bbox_to_anchor", "prop", "markerscale", "fancybox", "title"] where b[k] != nil {
            throw PythonError("NotImplementedError", "nnsh's matplotlib does not support legend(\(k)=...) yet")
        }
        if let n = b["ncol"] ?? b["ncols"], try n.asInt() != 1 { throw PythonError("NotImplementedError", "nnsh's matplotlib draws one-column legends") }
        var spec = LegendSpec()
        if let labels = b["labels"] { spec.labels = try interp.iterate(labels).map { $0.str } }
        if let loc = b["loc"] {
            if case .int(let code) = loc {
                let codes = ["best"] + LegendPainter.codes
                guard code >= 0 && code < codes.count else { throw PythonError.value("\(code) is not a valid value for loc") }
                spec.loc = codes[code]
            } else {
                let name = loc.str
                guard name == "best" || LegendPainter.codes.contains(name) else {
                    throw PythonError.value("'\(name)' is not a valid value for loc; supported values are 'best', \(LegendPainter.codes.map { "'\($0)'" }.joined(separator: ", "))")
                }
                spec.loc = name
            }
        }
        if let f = b["fontsize"] { spec.fontSize = try PlotArgs.fontSize(f) }
        if let f = b["frameon"] { spec.frameOn = try interp.truthy(f) }
        if LegendPainter.entryCount(axes, labels: spec.labels) == 0 && spec.labels == nil {
            try interp.warnFromLibrary("No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.")
        }
        axes.legend = spec
        return .object(ArtistObject(.legend, axes: axes))
    }

    func grid(_ args: Arguments) throws -> Value {
        let own = ["visible", "which", "axis", "b"]
        let b = try Arguments(args.positional, args.keywords.filter { own.contains($0.0) }).bind("grid", ["visible", "which", "axis"], keywordOnly: ["b"])
        let props = try PlotArgs.properties(args.keywords.filter { !own.contains($0.0) }, artist: "Line2D",
                                            accepted: ["color", "linewidth", "linestyle", "alpha"], aliases: PlotArgs.lineAliases)
        if let w = b["which"], w.str != "major" { throw PythonError("NotImplementedError", "nnsh's matplotlib draws major grid lines only") }
        let axis = try b.string("axis", "both")
        guard ["both", "x", "y"].contains(axis) else { throw PythonError.value("\(Value.str(axis).repr) is not a valid value for axis. Supported values are 'x', 'y', 'both'") }
        var g = axes.grid
        let visible: Bool?
        if let v = b.values["visible"] ?? b.values["b"], !v.isNone { visible = try interp.truthy(v) } else { visible = props.isEmpty ? nil : true }
        if axis != "y" { g.x = visible ?? !g.x }
        if axis != "x" { g.y = visible ?? !g.y }
        if let c = props["color"] { g.color = try PlotArgs.color(c, interp) }
        if let w = props["linewidth"] { g.width = try w.asDouble("linewidth", "grid") }
        if let s = props["linestyle"] { g.style = try PlotArgs.lineStyle(s) }
        if let a = props["alpha"] { g.alpha = try a.asDouble("alpha", "grid") }
        axes.grid = g
        return .none
    }

    // MARK: Limits and ticks

    func limitsValue(x: Bool) -> Value {
        let (a, b) = axes.viewLimits(x: x)
        return .tuple([NDArrayObject.result(try! Tensor.scalar(a, dtype: .float64)), NDArrayObject.result(try! Tensor.scalar(b, dtype: .float64))])
    }

    /// `set_xlim(left, right)`, `set_xlim((left, right))`, `set_xlim(left=..)`, `set_xlim(right=..)`.
    func setLimits(_ args: Arguments, x: Bool, function: String) throws -> Value {
        let names = x ? ["left", "right", "emit", "auto"] : ["bottom", "top", "emit", "auto"]
        let b = try args.bind(function, names, keywordOnly: x ? ["xmin", "xmax"] : ["ymin", "ymax"])
        var lo = b[names[0]] ?? b[x ? "xmin" : "ymin"], hi = b[names[1]] ?? b[x ? "xmax" : "ymax"]
        if let l = lo, hi == nil, case .tuple = l { let parts = try interp.iterate(l); if parts.count == 2 { lo = parts[0]; hi = parts[1] } }
        if let l = lo, hi == nil, case .list = l { let parts = try interp.iterate(l); if parts.count == 2 { lo = parts[0]; hi = parts[1] } }
        let current = axes.viewLimits(x: x)
        let a = try lo.map { try $0.asDouble(names[0], function) } ?? current.0
        let c = try hi.map { try $0.asDouble(names[1], function) } ?? current.1
        guard a.isFinite && c.isFinite else { throw PythonError.value("Axis limits cannot be NaN or Inf") }
        let limits = a == c ? nonsingular(a, c, expander: 0.05) : (a, c)
        if a == c {
            try interp.warnFromLibrary("Attempting to set identical low and high \(x ? "xlims" : "ylims") makes transformation singular; automatically expanding.")
        }
        if x { axes.xLimits = limits; axes.xAutoscale = false } else { axes.yLimits = limits; axes.yAutoscale = false }
        return .tuple([.float(limits.0), .float(limits.1)])
    }

    func invert(x: Bool) {
        let (a, b) = axes.viewLimits(x: x)
        if x { if axes.xLimits != nil { axes.xLimits = (b, a) } else { axes.xInverted.toggle() } }
        else { if axes.yLimits != nil { axes.yLimits = (b, a) } else { axes.yInverted.toggle() } }
    }

    func setTicks(_ args: Arguments, x: Bool, function: String) throws -> Value {
        let own = ["ticks", "labels", "minor"]
        let b = try Arguments(args.positional, args.keywords.filter { own.contains($0.0) }).bind(function, own, required: 1)
        if b["minor"].map({ !$0.isFalse }) ?? false { throw PythonError("NotImplementedError", "nnsh's matplotlib has no minor ticks") }
        let extra = args.keywords.filter { !own.contains($0.0) }
        if !extra.isEmpty { throw PythonError("NotImplementedError", "nnsh's matplotlib does not style tick labels (\(extra[0].0)=...) yet") }
        let locs = try PlotData.from(b.values["ticks"]!, interp, "ticks").values
        let labels = try b["labels"].map { try interp.iterate($0).map { $0.str } }
        if let labels, labels.count != locs.count {
            throw PythonError.value("The number of FixedLocator locations (\(locs.count)), usually from a call to set_ticks, does not match the number of labels (\(labels.count)).")
        }
        let fixed = FixedTicks(locs: locs, labels: labels)
        if x { axes.xTicks = fixed } else { axes.yTicks = fixed }
        return .list(PyList([]))
    }

    func ticksValue(x: Bool) throws -> Value {
        guard let fig = axes.figure else { return .none }
        let locs = axes.allTicks(x: x, in: fig).locs
        return .object(NDArrayObject(try Tensor.from(doubles: locs, shape: [locs.count], dtype: .float64)))
    }

    /// `axis('off')`, `axis('on')`, `axis([xmin, xmax, ymin, ymax])`, `axis()`; returns the limits.
    func axis(_ args: Arguments) throws -> Value {
        let b = try args.bind("axis", ["arg"], keywordOnly: ["emit", "xmin", "xmax", "ymin", "ymax"])
        if let arg = b["arg"] {
            switch arg {
            case .str("off"): axes.axisOn = false
            case .str("on"): axes.axisOn = true
            case .str("image"):
                axes.aspectEqual = true
            case .str("auto"): axes.aspectEqual = false
            case .str(let s) where ["equal", "tight", "scaled", "square"].contains(s):
                throw PythonError("NotImplementedError", "nnsh's matplotlib does not support axis('\(s)') yet")
            case .str(let s):
                throw PythonError.value("Unrecognized string '\(s)' to axis; try 'on' or 'off'")
            case .bool(let on): axes.axisOn = on
            default:
                let v = try interp.iterate(arg).map { try $0.asDouble("limits", "axis") }
                guard v.count == 4 else { throw PythonError.type("The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]") }
                guard v.allSatisfy({ $0.isFinite }) else { throw PythonError.value("Axis limits cannot be NaN or Inf") }
                axes.xLimits = (v[0], v[1]); axes.yLimits = (v[2], v[3]); axes.xAutoscale = false; axes.yAutoscale = false
            }
        }
        let (x0, x1) = axes.viewLimits(x: true), (y0, y1) = axes.viewLimits(x: false)
        return .tuple([x0, x1, y0, y1].map { NDArrayObject.result(try! Tensor.scalar($0, dtype: .float64)) })
    }
}

extension Double {
    fileprivate var clamped255: UInt8 { UInt8(Swift.max(0, Swift.min(255, self))) }
}

extension Value {
    fileprivate var isList: Bool { if case .list = self { return true }; if case .tuple = self { return true }; return false }
    fileprivate var isFalse: Bool { if case .bool(false) = self { return true }; return false }
}

/// numpy's `histogram` for evenly spaced bins: edges from `linspace` and its index correction.
enum Histogram {
    static func edges(_ data: [Double], bins: Int, range: (Double, Double)?) throws -> [Double] {
        var lo = range?.0 ?? (data.min() ?? 0), hi = range?.1 ?? (data.max() ?? 1)
        guard lo.isFinite && hi.isFinite else { throw PythonError.value("autodetected range of [\(lo), \(hi)] is not finite") }
        guard lo <= hi else { throw PythonError.value("max must be larger than min in range parameter.") }
        if data.isEmpty && range == nil { lo = 0; hi = 1 }
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let step = (hi - lo) / Double(bins)
        var e = (0...bins).map { Double($0) * step + lo }
        e[bins] = hi
        return e
    }

    static func counts(_ data: [Double], edges: [Double]) -> [Double] {
        let n = edges.count - 1
        var counts = [Double](repeating: 0, count: n)
        let first = edges[0], last = edges[n]
        let uniform = n > 0 && last > first && (last - first).isFinite && zip(edges, edges.dropFirst()).allSatisfy { abs(($1 - $0) - (last - first) / Double(n)) <= 1e-9 * max(1, abs(last - first)) }
        for v in data where v >= first && v <= last {
            var i: Int
            if uniform {
                i = Int((v - first) * (Double(n) / (last - first)))
                if i == n { i -= 1 }
                if v < edges[i] { i -= 1 } else if i + 1 < n + 1 && v >= edges[i + 1] && i != n - 1 { i += 1 }
            } else {
                // searchsorted(edges, v, 'right') - 1, the last bin closed.
                var lo = 0, hi = n + 1
                while lo < hi { let m = (lo + hi) / 2; if edges[m] <= v { lo = m + 1 } else { hi = m } }
                i = min(lo - 1, n - 1)
            }
            if i >= 0 && i < n { counts[i] += 1 }
        }
        return counts
    }
}
