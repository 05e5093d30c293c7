import Figures
import Foundation

/// `matplotlib.rcParams` for the settings nnsh draws with: each value as matplotlib stores it,
/// the assignments nnsh honours, and the font settings matplotlib itself falls back from with a
/// warning when the font is not installed (nnsh draws DejaVu Sans, matplotlib's default).
final class RcParamsObject: PyObject, OperandObject {
    /// Defaults as matplotlib 3.11 has them.
    static let defaults: [(String, Value)] = [
        ("axes.grid", .bool(false)), ("axes.unicode_minus", .bool(true)), ("figure.dpi", .float(100)),
        ("figure.figsize", .list(PyList([.float(6.4), .float(4.8)]))), ("font.family", .list(PyList([.str("sans-serif")]))),
        ("font.sans-serif", .list(PyList(["DejaVu Sans", "Bitstream Vera Sans", "Computer Modern Sans Serif", "Lucida Grande", "Verdana",
                                          "Geneva", "Lucid", "Arial", "Helvetica", "Avant Garde", "sans-serif"].map { .str($0) }))),
        ("image.cmap", .str("viridis")), ("lines.linewidth", .float(1.5)), ("savefig.dpi", .str("figure")),
    ]
    var values: [String: Value]
    var order: [String]
    unowned let interp: Interpreter

    init(_ interp: Interpreter) {
        self.interp = interp
        values = Dictionary(uniqueKeysWithValues: Self.defaults)
        order = Self.defaults.map(\.0)
    }

    override var typeName: String { "RcParams" }
    override func repr() -> String {
        "RcParams({" + order.map { "'\($0)': \(values[$0]!.repr)" }.joined(separator: ",\n          ") + "})"
    }

    func length() throws -> Int { values.count }
    func items(_ interp: Interpreter) throws -> [Value] { order.map { .str($0) } }

    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value {
        let k = key.str
        if let v = values[k] { return v }
        if Self.knownKeys.contains(k) { throw PythonError("NotImplementedError", "nnsh's matplotlib does not have rcParams['\(k)'] yet") }
        throw PythonError.keyError(.str(k))
    }

    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws {
        let k = key.str
        switch k {
        case "figure.figsize":
            let v = try interp.iterate(value).map { try $0.asDouble("figure.figsize", "rcParams") }
            guard v.count == 2, v.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw PythonError.value("Key figure.figsize: Expected 2 values, but there are \(v.count) values in \(value.repr)") }
            values[k] = .list(PyList(v.map { .float($0) }))
        case "figure.dpi", "lines.linewidth":
            let d = try value.asDouble(k, "rcParams")
            guard d > 0, d.isFinite, k != "figure.dpi" || d <= 10_000 else { throw PythonError.value("Key \(k): \(value.repr) is not a positive number nnsh can draw with") }
            values[k] = .float(d)
        case "savefig.dpi":
            if value.str == "figure" { values[k] = .str("figure"); return }
            let d = try value.asDouble(k, "rcParams")
            guard d > 0, d <= 10_000 else { throw PythonError.value("Key savefig.dpi: \(value.repr) is not a positive number nnsh can draw with") }
            values[k] = .float(d)
        case "axes.grid", "axes.unicode_minus":
            values[k] = .bool(try interp.truthy(value))
        case "image.cmap":
            let name = colormapName(value)
            guard Colormap(named: name) != nil else { throw PythonError.value("Key image.cmap: '\(name)' is not a valid value for cmap") }
            values[k] = .str(name)
        case "font.family", "font.sans-serif":
            // matplotlib keeps the setting and, drawing, warns that a family it cannot find falls back.
            if case .str(let s) = value { values[k] = .list(PyList([.str(s)])) } else { values[k] = .list(PyList(try interp.iterate(value))) }
        default:
            if Self.knownKeys.contains(k) {
                throw PythonError("NotImplementedError", "nnsh's matplotlib does not honour rcParams['\(k)'] yet")
            }
            throw PythonError.keyError(.str("\(Value.str(k).repr) is not a valid value for rcParam."))
        }
        if !order.contains(k) { order.append(k) }
    }

    /// Real matplotlib settings nnsh does not draw with yet: refused by name rather than ignored.
    static let knownKeys: Set<String> = ["font.size", "font.weight", "axes.titlesize", "axes.labelsize", "xtick.labelsize", "ytick.labelsize",
                                         "legend.fontsize", "lines.markersize", "axes.linewidth", "axes.facecolor", "figure.facecolor",
                                         "axes.prop_cycle", "image.interpolation", "savefig.bbox", "axes.spines.top", "axes.spines.right",
                                         "text.usetex", "axes.titleweight", "grid.color", "grid.linestyle", "grid.alpha", "lines.linestyle"]

    var figureSize: (Double, Double) {
        let v = (try? interp.iterate(values["figure.figsize"]!).map { try $0.asDouble("figsize", "rcParams") }) ?? [6.4, 4.8]
        return v.count == 2 ? (v[0], v[1]) : (6.4, 4.8)
    }
    var dpi: Double { (try? values["figure.dpi"]!.asDouble("dpi", "rcParams")) ?? 100 }
    var lineWidth: Double { (try? values["lines.linewidth"]!.asDouble("lw", "rcParams")) ?? 1.5 }
    var grid: Bool { if case .bool(let b)? = values["axes.grid"] { return b }; return false }
    var unicodeMinus: Bool { if case .bool(let b)? = values["axes.unicode_minus"] { return b }; return true }
    var colormap: String { values["image.cmap"]?.str ?? "viridis" }

    /// matplotlib's `findfont` warning for a family nnsh cannot draw. matplotlib logs it at every
    /// text it lays out; nnsh says it once per figure drawn.
    func warnAboutFonts() {
        func names(_ key: String) -> [String] { values[key].flatMap { try? interp.iterate($0).map(\.str) } ?? [] }
        let family = names("font.family").first ?? "sans-serif"
        let generic = ["sans-serif", "sans", "serif", "monospace", "cursive", "fantasy"]
        if generic.contains(family) {
            let list = family == "sans-serif" || family == "sans" ? names("font.sans-serif") : []
            guard !list.isEmpty, !list.contains("DejaVu Sans") else { return }
            interp.writeError("findfont: Generic family '\(family)' not found because none of the following families were found: \(list.joined(separator: ", "))\n")
        } else if family != "DejaVu Sans" {
            interp.writeError("findfont: Font family '\(family)' not found.\n")
        }
    }
}

/// `matplotlib.colormaps`: the registry by name.
final class ColormapRegistry: PyObject, OperandObject {
    override var typeName: String { "ColormapRegistry" }
    override func repr() -> String { "ColormapRegistry; available colormaps:\n" + Colormap.names.map { "'\($0)'" }.joined(separator: ", ") }
    func length() throws -> Int { Colormap.names.count * 2 }
    func items(_ interp: Interpreter) throws -> [Value] { Colormap.names.flatMap { [.str($0), .str($0 + "_r")] } }
    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value {
        guard let m = Colormap(named: key.str) else { throw PythonError("KeyError", "\(Value.str(key.str).repr) is not a known colormap name") }
        return .object(ColormapObject(m))
    }
}
