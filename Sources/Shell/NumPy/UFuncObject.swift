import Foundation
import NumPy
import Torch

/// A numpy ufunc (`np.add`): callable as the function, with the `reduce` / `accumulate` / `outer`
/// methods numpy gives every binary ufunc (reduce's axis defaults to 0, as numpy's does).
final class UFuncObject: PyObject, PyCallable, TypedObject {
    nonisolated(unsafe) static let type = PyType.builtin("ufunc", module: "numpy", bases: [.object])
    let name: String
    let function: Builtin
    /// The array method `reduce` / `accumulate` are (`sum`, `cumsum`), when the ufunc has one here.
    let reduction: String?, accumulation: String?
    unowned let interp: Interpreter

    init(name: String, function: Builtin, reduction: String?, accumulation: String?, interp: Interpreter) {
        self.name = name
        self.function = function
        self.reduction = reduction
        self.accumulation = accumulation
        self.interp = interp
    }

    var pyType: PyType { Self.type }
    override var typeName: String { "numpy.ufunc" }
    override func repr() -> String { "<ufunc '\(name)'>" }
    func call(_ args: Arguments) throws -> Value { try function.call(args) }

    override func attribute(_ attr: String) throws -> Value? {
        switch attr {
        case "__name__": return .str(name)
        case "nin": return .int(2)
        case "nout": return .int(1)
        case "reduce", "accumulate":
            let method = attr == "reduce" ? reduction : accumulation
            return .builtin(Builtin(attr, receiver: "numpy.ufunc object") { [self] args in
                guard let method else {
                    throw PythonError("NotImplementedError", "nnsh's numpy does not implement \(self.name).\(attr) yet")
                }
                let b = try args.bind(attr, ["array", "axis", "dtype", "out", "keepdims"], required: 1, keywordOnly: ["initial", "where"])
                if b["initial"] != nil || b["where"] != nil || b["out"] != nil {
                    throw PythonError("NotImplementedError", "nnsh's \(self.name).\(attr) takes no initial=, where= or out=")
                }
                let a: NDArrayObject
                if case .object(let x as NDArrayObject) = b.values["array"]! { a = x } else {
                    a = NDArrayObject(try NumPyConvert.array(from: b.values["array"]!, dtype: nil, interp))
                }
                var keywords: [(String, Value)] = [("axis", b.has("axis") ? b.values["axis"]! : .int(0))]
                if attr == "reduce", let k = b["keepdims"] { keywords.append(("keepdims", k)) }
                if let d = b["dtype"], method != "max" && method != "min" { keywords.append(("dtype", d)) }
                return try NumPyMethods.call(method, a, Arguments([], keywords))
            })
        case "outer":
            return .builtin(Builtin("outer", receiver: "numpy.ufunc object") { [self] args in
                guard args.positional.count == 2 else { throw PythonError.type("outer() takes exactly 2 arguments") }
                func arr(_ v: Value) throws -> Tensor {
                    if case .object(let x as NDArrayObject) = v { return x.array }
                    return try NumPyConvert.array(from: v, dtype: nil, interp)
                }
                let x = try arr(args.positional[0]), y = try arr(args.positional[1])
                let xs = try x.reshape(x.shape + Array(repeating: 1, count: y.dim))
                return try function.call(Arguments([.object(NDArrayObject(xs)), .object(NDArrayObject(y))]))
            })
        default: return nil
        }
    }
}
