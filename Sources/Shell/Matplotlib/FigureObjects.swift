import Figures
import Foundation
import Torch

/// matplotlib's classes as Python sees them (`type(ax)` is `matplotlib.axes._axes.Axes`).
enum MatplotlibTypes {
    nonisolated(unsafe) static let figure = PyType.builtin("Figure", module: "matplotlib.figure", bases: [.object])
    nonisolated(unsafe) static let axes = PyType.builtin("Axes", module: "matplotlib.axes._axes", bases: [.object])
    nonisolated(unsafe) static let line2D = PyType.builtin("Line2D", module: "matplotlib.lines", bases: [.object])
    nonisolated(unsafe) static let text = PyType.builtin("Text", module: "matplotlib.text", bases: [.object])
    nonisolated(unsafe) static let image = PyType.builtin("AxesImage", module: "matplotlib.image", bases: [.object])
    nonisolated(unsafe) static let legend = PyType.builtin("Legend", module: "matplotlib.legend", bases: [.object])
    nonisolated(unsafe) static let container = PyType.builtin("BarContainer", module: "matplotlib.container", bases: [.object])
    nonisolated(unsafe) static let collection = PyType.builtin("PathCollection", module: "matplotlib.collections", bases: [.object])
    nonisolated(unsafe) static let colorbar = PyType.builtin("Colorbar", module: "matplotlib.colorbar", bases: [.object])
}

/// A method of a Swift-written matplotlib object: declared once, with its name, in a table.
typealias MatplotlibMethod<T> = (T, Arguments) throws -> Value

final class FigureObject: PyObject, TypedObject {
    let figure: Figure
    unowned let state: PyplotState
    init(_ figure: Figure, state: PyplotState) { self.figure = figure; self.state = state }
    var pyType: PyType { MatplotlibTypes.figure }
    override var typeName: String { "Figure" }
    override func repr() -> String {
        let n = figure.axes.count
        return "<Figure size \(figure.pixelWidth)x\(figure.pixelHeight) with \(n) Axes>"
    }
    override func str() -> String { "Figure(\(figure.pixelWidth)x\(figure.pixelHeight))" }
    override var memberNames: [String] { ["axes", "dpi", "number"] + FigureMethods.table.keys.sorted() }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "axes": return .list(PyList(figure.axes.map { .object(state.wrap($0)) }))
        case "dpi": return .float(figure.dpi)
        case "number": return .int(figure.number)
        default: break
        }
        guard let m = FigureMethods.table[name] else { return nil }
        return .builtin(Builtin(name, receiver: "Figure object") { [unowned self] args in try m(self, args) })
    }

    override func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        if name == "dpi" {
            let dpi = try value.asDouble("dpi", "set_dpi")
            guard dpi > 0, dpi.isFinite, figure.widthInches * dpi <= 32_767, figure.heightInches * dpi <= 32_767 else {
                throw PythonError.value("dpi \(value.repr) makes the figure larger than nnsh draws (32767 pixels a side) or is not positive")
            }
            figure.dpi = dpi
            return true
        }
        return false
    }
}

final class AxesObject: PyObject, TypedObject {
    let axes: Axes
    unowned let state: PyplotState
    init(_ axes: Axes, state: PyplotState) { self.axes = axes; self.state = state }
    var pyType: PyType { MatplotlibTypes.axes }
    override var typeName: String { "Axes" }
    override func repr() -> String {
        var fields = [String]()
        let titles = ["left", "center", "right"].compactMap { k in axes.title[k].flatMap { $0.isEmpty ? nil : "'\(k)': \(Value.str($0).repr)" } }
        if !titles.isEmpty { fields.append("title={\(titles.joined(separator: ", "))}") }
        if !axes.xLabel.isEmpty { fields.append("xlabel=\(Value.str(axes.xLabel).repr)") }
        if !axes.yLabel.isEmpty { fields.append("ylabel=\(Value.str(axes.yLabel).repr)") }
        return "<Axes: \(fields.joined(separator: ", "))>"
    }
    override var memberNames: [String] { ["figure"] + AxesMethods.table.keys.sorted() }

    override func attribute(_ name: String) throws -> Value? {
        if name == "figure" { return axes.figure.map { .object(state.wrap($0)) } ?? .none }
        guard let m = AxesMethods.table[name] else { return nil }
        return .builtin(Builtin(name, receiver: "Axes object") { [unowned self] args in try m(self, args) })
    }
}

/// The small objects plotting calls return; they print as matplotlib's do.
final class ArtistObject: PyObject, TypedObject {
    enum Kind { case line, text(x: String, y: String, text: String), image(shape: [Int]), legend, bars(Int), collection, colorbar }
    let kind: Kind
    weak var axes: Axes?
    let index: Int?
    init(_ kind: Kind, axes: Axes? = nil, index: Int? = nil) { self.kind = kind; self.axes = axes; self.index = index }

    var pyType: PyType {
        switch kind {
        case .line: return MatplotlibTypes.line2D
        case .text: return MatplotlibTypes.text
        case .image: return MatplotlibTypes.image
        case .legend: return MatplotlibTypes.legend
        case .bars: return MatplotlibTypes.container
        case .collection: return MatplotlibTypes.collection
        case .colorbar: return MatplotlibTypes.colorbar
        }
    }
    override var typeName: String { pyType.name }
    override func repr() -> String {
        switch kind {
        case .line: return "<matplotlib.lines.Line2D object at \(addressString(self))>"
        case .text(let x, let y, let t): return "Text(\(x), \(y), \(Value.str(t).repr))"
        case .image(let shape): return "AxesImage(shape=(\(shape.map(String.init).joined(separator: ", "))))"
        case .legend: return "<matplotlib.legend.Legend object at \(addressString(self))>"
        case .bars(let n): return "<BarContainer object of \(n) artists>"
        case .collection: return "<matplotlib.collections.PathCollection object at \(addressString(self))>"
        case .colorbar: return "<matplotlib.colorbar.Colorbar object at \(addressString(self))>"
        }
    }
    override func str() -> String {
        switch kind {
        case .line: return "Line2D(\(label ?? ""))"
        case .legend: return "Legend"
        default: return repr()
        }
    }

    var label: String? {
        guard let axes, let index, index < axes.artists.count, case .line(let l) = axes.artists[index] else { return nil }
        return l.label
    }

    override func attribute(_ name: String) throws -> Value? {
        if case .text(let x, let y, let t) = kind {
            switch name {
            case "get_text": return .builtin(Builtin(name) { _ in .str(t) })
            case "get_position": return .builtin(Builtin(name) { _ in .tuple([.str(x), .str(y)].map { v in Double(v.str).map { .float($0) } ?? v }) })
            default: return nil
            }
        }
        guard case .line = kind else { return nil }
        func line() throws -> Line {
            guard let axes, let index, index < axes.artists.count, case .line(let l) = axes.artists[index] else {
                throw PythonError.runtime("this Line2D is no longer in its Axes")
            }
            return l
        }
        func update(_ f: @escaping (inout Line, Value) throws -> Void) -> Value {
            .builtin(Builtin(name, receiver: "Line2D object") { [weak self] args in
                guard let self, let axes = self.axes, let index = self.index, args.positional.count == 1 else {
                    throw PythonError.type("\(name)() takes exactly one argument")
                }
                var l = try line()
                try f(&l, args.positional[0])
                axes.replace(at: index, with: .line(l))
                return .none
            })
        }
        switch name {
        case "get_label": return .builtin(Builtin(name) { _ in .str(try line().label ?? "") })
        case "get_linewidth": return .builtin(Builtin(name) { _ in .float(try line().width) })
        case "get_xdata": return .builtin(Builtin(name) { _ in .list(PyList(try line().xs.map { .float($0) })) })
        case "get_ydata": return .builtin(Builtin(name) { _ in .list(PyList(try line().ys.map { .float($0) })) })
        case "set_label": return update { l, v in l.label = v.isNone ? nil : v.str }
        case "set_linewidth": return update { l, v in l.width = try v.asDouble("linewidth", "set_linewidth") }
        default: return nil
        }
    }
}

/// `plt.subplots(2, 2)`'s answer: a numpy object array of Axes (indexing, iteration, `.flat`, `.ravel()`).
final class AxesArrayObject: PyObject, OperandObject {
    let items: [Value]
    let shape: [Int]
    init(_ items: [Value], shape: [Int]) { self.items = items; self.shape = shape }
    override var typeName: String { "numpy.ndarray" }

    override func repr() -> String { "array(\(body(indent: 6, separator: ", ")), dtype=object)" }
    override func str() -> String { body(indent: 1, separator: " ") }

    func body(indent: Int, separator: String) -> String {
        let reprs = items.map { $0.repr }
        if shape.count == 1 { return "[" + reprs.joined(separator: separator) + "]" }
        let cols = shape[1]
        let rows = (0..<shape[0]).map { r in "[" + reprs[(r * cols)..<(r * cols + cols)].joined(separator: separator) + "]" }
        return "[" + rows.joined(separator: (separator == " " ? "" : ",") + "\n" + String(repeating: " ", count: indent)) + "]"
    }

    func length() throws -> Int { shape[0] }

    func items(_ interp: Interpreter) throws -> [Value] {
        if shape.count == 1 { return items }
        let cols = shape[1]
        return (0..<shape[0]).map { r in .object(AxesArrayObject(Array(items[(r * cols)..<(r * cols + cols)]), shape: [cols])) }
    }

    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value {
        func index(_ v: Value, _ n: Int, axis: Int) throws -> Int {
            let i = try v.asInt()
            guard i >= -n && i < n else { throw PythonError.index("index \(i) is out of bounds for axis \(axis) with size \(n)") }
            return i < 0 ? i + n : i
        }
        if case .tuple(let parts) = key {
            guard parts.count <= shape.count else {
                throw PythonError.index("too many indices for array: array is \(shape.count)-dimensional, but \(parts.count) were indexed")
            }
            if parts.count == 2 {
                return items[try index(parts[0], shape[0], axis: 0) * shape[1] + (try index(parts[1], shape[1], axis: 1))]
            }
            if parts.count == 1 { return try getItem(parts[0], interp) }
        }
        if case .int = key {
            let i = try index(key, shape[0], axis: 0)
            return try items(interp)[i]
        }
        throw PythonError("NotImplementedError", "nnsh's array of Axes takes integer indices (axes[i] or axes[i, j]), not \(key.repr)")
    }

    override var memberNames: [String] { ["flat", "ravel", "flatten", "shape", "size", "ndim"] }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "flat": return .list(PyList(items))
        case "ravel", "flatten": return .builtin(Builtin(name) { [unowned self] _ in .object(AxesArrayObject(self.items, shape: [self.items.count])) })
        case "shape": return .tuple(shape.map { .int($0) })
        case "size": return .int(items.count)
        case "ndim": return .int(shape.count)
        default: return nil
        }
    }
}
