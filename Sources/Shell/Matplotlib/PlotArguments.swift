import Figures
import Foundation
import Pictures
import Torch

// Reading pyplot's arguments as matplotlib does: numbers from lists, arrays and tensors, colours,
// format strings like 'r--o', font sizes, and the keyword properties of lines, patches and texts.

/// Numbers and their shape, from anything `np.asarray` takes (lists, ndarrays, tensors, scalars).
struct PlotData {
    var values: [Double]
    var shape: [Int]

    static func from(_ v: Value, _ interp: Interpreter, _ what: String) throws -> PlotData {
        switch v {
        case .str:
            throw PythonError("NotImplementedError", "nnsh's matplotlib plots numbers; categorical (string) \(what) values are not supported")
        case .int, .float, .bool:
            return PlotData(values: [try v.asDouble(what, "plot")], shape: [])
        default: break
        }
        let t = try NumPyConvert.array(from: v, dtype: nil, interp, copy: false)
        let integers: [DType] = [.int64, .int32, .uint8]
        if t.dtype == .bool || t.dtype.isFloatingPoint || integers.contains(t.dtype) {
            return PlotData(values: try t.contiguous().doubles(), shape: t.shape)
        }
        throw PythonError.type("nnsh's matplotlib cannot plot \(t.dtype) data")
    }

    var count: Int { values.count }

    /// Columns of a 2-D array (matplotlib draws one line per column), or the vector itself.
    var columns: [[Double]] {
        guard shape.count == 2 else { return [values] }
        let rows = shape[0], cols = shape[1]
        return (0..<cols).map { c in (0..<rows).map { values[$0 * cols + c] } }
    }
}

enum PlotArgs {
    /// matplotlib's `to_rgba` on a Python value: a name, hex, 'C0', a grey level string, an RGB(A) tuple.
    static func color(_ v: Value, _ interp: Interpreter) throws -> RGBA {
        if case .str(let s) = v {
            guard let c = RGBA(name: s) else {
                throw PythonError.value("\(Value.str(s).repr) is not a valid value for color: supported inputs are (r, g, b) and (r, g, b, a) 0-1 float tuples; '#rrggbb', '#rrggbbaa', '#rgb', '#rgba' strings; named color strings; string reprs of 0-1 floats for grayscale values; 'C0', 'C1', ... strings for colors of the color cycle; and pairs combining one of the above with an alpha value")
            }
            return c
        }
        if case .tuple = v, let parts = try? interp.iterate(v).map({ try $0.asDouble("color", "to_rgba") }), let c = RGBA(components: parts) {
            return c
        }
        if case .list = v, let parts = try? interp.iterate(v).map({ try $0.asDouble("color", "to_rgba") }), let c = RGBA(components: parts) {
            return c
        }
        throw PythonError.value("Invalid RGBA argument: \(v.repr)")
    }

    static let fontSizes: [String: Double] = ["xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1, "large": 1.2,
                                              "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833]

    /// A font size in points: a number or a name relative to 10 pt.
    static func fontSize(_ v: Value) throws -> Double {
        if case .str(let s) = v {
            guard let f = fontSizes[s] else {
                throw PythonError.value("'\(s)' is not a valid font size. Valid font sizes are \(fontSizes.keys.sorted().joined(separator: ", ")).")
            }
            return 10 * f
        }
        return try v.asDouble("fontsize", "set_fontsize")
    }

    /// `_process_plot_format`: a line style, a marker and a colour from a format string.
    static func format(_ fmt: String) throws -> (style: LineStyle?, marker: Marker?, color: RGBA?) {
        // A whole colour spec is a colour ('red', '0.5', 'C3'), except "0" and "1" (markers).
        if fmt != "0" && fmt != "1", let c = RGBA(name: fmt) { return (nil, nil, c) }
        var style: LineStyle?, marker: Marker?, color: RGBA?
        let chars = Array(fmt)
        var i = 0
        func fail(_ why: String) -> PythonError { PythonError.value("'\(fmt)' is not a valid format string (\(why))") }
        while i < chars.count {
            let c = chars[i]
            let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
            if two == "--" || two == "-." {
                if style != nil { throw fail("two linestyle symbols") }
                style = LineStyle(rawValue: two); i += 2
            } else if c == "-" || c == ":" {
                if style != nil { throw fail("two linestyle symbols") }
                style = LineStyle(rawValue: String(c)); i += 1
            } else if let m = Marker(rawValue: String(c)), m != .none {
                if marker != nil { throw fail("two marker symbols") }
                marker = m; i += 1
            } else if "bgrcmykw".contains(c) {
                if color != nil { throw fail("two color symbols") }
                color = RGBA(name: String(c)); i += 1
            } else if c == "C" {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                guard j > i + 1 else { throw fail("'C' must be followed by a number") }
                color = RGBA(name: String(chars[i..<j])); i = j
            } else {
                throw fail("unrecognized character '\(c)'")
            }
        }
        if style == nil && marker != nil { style = LineStyle.none }
        return (style, marker, color)
    }

    static func lineStyle(_ v: Value) throws -> LineStyle {
        let s = v.str
        switch s {
        case "-", "solid": return .solid
        case "--", "dashed": return .dashed
        case ":", "dotted": return .dotted
        case "-.", "dashdot": return .dashDot
        case "", " ", "None", "none": return .none
        default:
            throw PythonError.value("\(Value.str(s).repr) is not a valid value for ls.")
        }
    }

    static func marker(_ v: Value) throws -> Marker {
        if v.isNone { return .none }
        let s = v.str
        if s == "None" || s == "none" || s == "" { return .none }
        guard let m = Marker(rawValue: s) else {
            throw PythonError.value("Unrecognized marker style \(v.repr)")
        }
        return m
    }

    /// Keyword properties, checked against what the artist accepts (`Line2D.set()` wording for the rest).
    static func properties(_ keywords: [(String, Value)], artist: String, accepted: Set<String>, aliases: [String: String] = [:]) throws -> [String: Value] {
        var out = [String: Value]()
        for (k, v) in keywords {
            let name = aliases[k] ?? k
            guard accepted.contains(name) else {
                if knownUnsupported.contains(name) {
                    throw PythonError("NotImplementedError", "nnsh's matplotlib does not support the \(artist) property '\(k)' yet")
                }
                throw PythonError("AttributeError", "\(artist).set() got an unexpected keyword argument '\(k)'")
            }
            out[name] = v
        }
        return out
    }

    /// Real matplotlib properties nnsh does not draw yet: refused clearly, never ignored.
    static let knownUnsupported: Set<String> = ["zorder", "drawstyle", "ds", "dashes", "antialiased", "aa", "markevery", "markerfacecolor", "mfc",
                                                "markeredgecolor", "mec", "markeredgewidth", "mew", "solid_capstyle", "dash_capstyle", "transform",
                                                "clip_on", "picker", "rasterized", "path_effects", "hatch", "fill", "joinstyle", "capstyle",
                                                "fontfamily", "family", "fontstyle", "style", "bbox", "wrap", "fontname", "snap", "gid", "url"]

    static let lineAliases = ["c": "color", "lw": "linewidth", "ls": "linestyle", "ms": "markersize"]
    static let lineProperties: Set<String> = ["color", "linewidth", "linestyle", "marker", "markersize", "label", "alpha"]

    /// Applies Line2D keyword properties to a line.
    static func apply(_ p: [String: Value], to l: inout Line, _ interp: Interpreter) throws {
        if let c = p["color"] { l.color = try color(c, interp) }
        if let w = p["linewidth"] { l.width = try w.asDouble("linewidth", "set_linewidth") }
        if let s = p["linestyle"] { l.style = try lineStyle(s) }
        if let m = p["marker"] {
            l.marker = try marker(m)
        }
        if let s = p["markersize"] { l.markerSize = try s.asDouble("markersize", "set_markersize") }
        if let label = p["label"] { l.label = label.isNone ? nil : label.str }
        if let a = p["alpha"], !a.isNone { l.color.a = try a.asDouble("alpha", "set_alpha") }
    }

    /// The `fontsize`/`color`/`fontweight`/alignment keywords of texts (`title`, `xlabel`, `text`).
    static let textAliases = ["size": "fontsize", "weight": "fontweight", "ha": "horizontalalignment", "va": "verticalalignment", "c": "color"]
    static let textProperties: Set<String> = ["fontsize", "color", "fontweight", "horizontalalignment", "verticalalignment", "rotation", "alpha"]

    static func textStyle(_ p: [String: Value], base: TextStyle, _ interp: Interpreter) throws -> TextStyle {
        var s = base
        if let f = p["fontsize"] { s.size = try fontSize(f) }
        if let c = p["color"] { s.color = try color(c, interp) }
        if let a = p["alpha"], !a.isNone { s.color.a = try a.asDouble("alpha", "set_alpha") }
        if let w = p["fontweight"] {
            if case .str(let name) = w { s.bold = ["bold", "heavy", "extra bold", "black", "semibold", "demibold", "demi"].contains(name) }
            else { s.bold = try w.asDouble("fontweight", "set_fontweight") >= 600 }
        }
        if let h = p["horizontalalignment"] {
            guard let a = HAlign(rawValue: h.str) else { throw PythonError.value("'\(h.str)' is not a valid value for horizontalalignment; supported values are 'left', 'center', 'right'") }
            s.ha = a
        }
        if let v = p["verticalalignment"] {
            guard let a = VAlign(rawValue: v.str) else { throw PythonError.value("'\(v.str)' is not a valid value for verticalalignment; supported values are 'baseline', 'bottom', 'center', 'center_baseline', 'top'") }
            s.va = a
        }
        if let r = p["rotation"] {
            let deg: Double
            if case .str(let name) = r { deg = name == "vertical" ? 90 : name == "horizontal" ? 0 : -1 }
            else { deg = try r.asDouble("rotation", "set_rotation") }
            guard deg == 0 || deg == 90 else {
                throw PythonError("NotImplementedError", "nnsh's matplotlib draws text at 0 or 90 degrees, not \(r.repr)")
            }
            s.rotation = deg
        }
        return s
    }
}
