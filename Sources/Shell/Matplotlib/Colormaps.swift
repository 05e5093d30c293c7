import Figures
import Foundation

/// A colormap object (`plt.cm.gray`, `matplotlib.colormaps['viridis']`, `plt.get_cmap('jet')`):
/// its `name`, `N` and reversal, for `cmap=` arguments.
final class ColormapObject: PyObject, PyCallable {
    let map: Colormap
    init(_ map: Colormap) { self.map = map }
    override var typeName: String { Colormap.listed.contains(baseName) ? "ListedColormap" : "LinearSegmentedColormap" }
    var baseName: String { map.name.hasSuffix("_r") ? String(map.name.dropLast(2)) : map.name }
    override func repr() -> String { "<matplotlib.colors.\(typeName) object at \(addressString(self))>" }
    override var memberNames: [String] { ["name", "N", "reversed"] }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .str(map.name)
        case "N": return .int(256)
        case "reversed":
            return .builtin(Builtin("reversed") { [unowned self] _ in
                let n = self.map.name.hasSuffix("_r") ? self.baseName : self.map.name + "_r"
                return Colormap(named: n).map { .object(ColormapObject($0)) } ?? .none
            })
        default: return nil
        }
    }

    /// `cmap(x)`: matplotlib answers from its float table, which nnsh does not keep (it draws from
    /// the 8-bit table), so the call is refused rather than answered a few ulps off.
    func call(_ args: Arguments) throws -> Value {
        throw PythonError("NotImplementedError", "nnsh's colormaps are for cmap= arguments; calling one (cmap(x)) is not supported yet")
    }
}

/// A `cmap=` argument's colormap name: a string or a colormap object.
func colormapName(_ v: Value) -> String {
    if case .object(let c as ColormapObject) = v { return c.map.name }
    return v.str
}

extension Interpreter {
    /// `matplotlib.cm` / `plt.cm`: every colormap by name, and its reversal as `NAME_r`.
    func makeColormapModule() -> Namespace {
        let ns = Namespace("matplotlib.cm")
        for name in Colormap.names {
            for n in [name, name + "_r"] { if let m = Colormap(named: n) { ns.members[n] = .object(ColormapObject(m)) } }
        }
        return ns
    }
}
