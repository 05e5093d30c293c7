import Foundation
import NumPy
import Torch

/// `np.random`: the legacy functions over one hidden `RandomState`, and `RandomState` itself,
/// with numpy's draws, return types (Python numbers without `size`) and messages.
enum NumPyRandomModule {
    /// A `RandomState` object (`np.random.RandomState(0)`), or the module's hidden one.
    final class StateObject: PyObject, TypedObject {
        var state: RandomState
        init(_ state: RandomState) { self.state = state }
        nonisolated(unsafe) static let type = PyType.builtin("RandomState", module: "numpy.random.mtrand", bases: [.object])
        var pyType: PyType { Self.type }
        override var typeName: String { "RandomState" }
        override func repr() -> String { "RandomState(MT19937) at 0x\(String(UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque()), radix: 16, uppercase: true))" }
        nonisolated(unsafe) weak var interp: Interpreter?
        override func attribute(_ name: String) throws -> Value? {
            guard let interp, NumPyRandomModule.functionNames.contains(name) else { return nil }
            return .builtin(Builtin(name, receiver: "RandomState object") { [self] args in
                try NumPyRandomModule.call(name, args, &self.state, interp)
            })
        }
    }

    static let functionNames = ["seed", "rand", "randn", "random", "random_sample", "sample", "ranf", "standard_normal",
                                "normal", "uniform", "randint", "choice", "shuffle", "permutation"]

    /// The hidden state, seeded from the OS on first use unless `seed` came first (numpy's too).
    nonisolated(unsafe) static let hidden = StateObject(RandomState(seed: UInt32.random(in: 0...UInt32.max)))

    static func make(_ interp: Interpreter) -> Namespace {
        var m = [String: Value]()
        hidden.interp = interp
        for name in functionNames {
            m[name] = .builtin(Builtin(name) { args in try call(name, args, &hidden.state, interp) })
        }
        interp.constructors[ObjectIdentifier(StateObject.type)] = Builtin("RandomState") { args in
            let b = try args.bind("RandomState", ["seed"])
            let o = StateObject(try seeded(b["seed"], interp) ?? RandomState(seed: UInt32.random(in: 0...UInt32.max)))
            o.interp = interp
            return .object(o)
        }
        m["RandomState"] = .object(StateObject.type)
        return Namespace("numpy.random", m)
    }

    static func seeded(_ v: Value?, _ interp: Interpreter) throws -> RandomState? {
        guard let v, !v.isNone else { return nil }
        switch v {
        case .int, .bool, .object(is NDArrayObject) where (try? v.asInt()) != nil:
            let i = try v.asInt()
            guard i >= 0 && i <= Int(UInt32.max) else { throw PythonError.value("Seed must be between 0 and 2**32 - 1") }
            return RandomState(seed: UInt32(i))
        case .float:
            throw PythonError.type("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'")
        default:
            let key = try interp.iterate(v).map { try $0.asInt() }
            if key.isEmpty { throw PythonError.value("Seed must be non-empty") }
            guard key.allSatisfy({ $0 >= 0 && $0 <= Int(UInt32.max) }) else { throw PythonError.value("Seed must be between 0 and 2**32 - 1") }
            return RandomState(key: key.map { UInt32($0) })
        }
    }

    /// The `size=` / dims argument as a shape (nil: one Python number).
    static func size(_ v: Value?) throws -> [Int]? {
        guard let v, !v.isNone else { return nil }
        let s = try NumPyOps.shapeArgument(v, "size")
        if s.contains(where: { $0 < 0 }) { throw PythonError.value("negative dimensions are not allowed") }
        return s
    }

    static func doubles(_ shape: [Int]?, _ interp: Interpreter, _ draw: () -> Double) throws -> Value {
        guard let shape else { return .float(draw()) }
        try NumPyModule.checkShape(shape, interp)
        let n = shape.reduce(1, *)
        var v = [Double](repeating: 0, count: n)
        for i in 0..<n { v[i] = draw() }
        return .object(NDArrayObject(try Tensor.from(doubles: v, shape: shape, dtype: .float64)))
    }

    static func call(_ name: String, _ args: Arguments, _ st: inout RandomState, _ interp: Interpreter) throws -> Value {
        switch name {
        case "seed":
            let b = try args.bind("seed", ["seed"])
            st = try seeded(b["seed"], interp) ?? RandomState(seed: UInt32.random(in: 0...UInt32.max))
            return .none
        case "rand":
            if !args.keywords.isEmpty { throw PythonError.type("rand() got an unexpected keyword argument '\(args.keywords[0].0)'") }
            let dims = try args.positional.map { try $0.asInt() }
            return try doubles(dims.isEmpty ? nil : dims, interp) { st.nextDouble() }
        case "randn":
            if !args.keywords.isEmpty { throw PythonError.type("randn() got an unexpected keyword argument '\(args.keywords[0].0)'") }
            let dims = try args.positional.map { try $0.asInt() }
            return try doubles(dims.isEmpty ? nil : dims, interp) { st.gaussian() }
        case "random", "random_sample", "sample", "ranf":
            let b = try args.bind(name, ["size"])
            return try doubles(try size(b["size"]), interp) { st.nextDouble() }
        case "standard_normal":
            let b = try args.bind(name, ["size"])
            return try doubles(try size(b["size"]), interp) { st.gaussian() }
        case "normal":
            let b = try args.bind("normal", ["loc", "scale", "size"])
            let loc = try b.double("loc", 0), scale = try b.double("scale", 1)
            if scale < 0 { throw PythonError.value("scale < 0") }
            return try doubles(try size(b["size"]), interp) { loc + scale * st.gaussian() }
        case "uniform":
            let b = try args.bind("uniform", ["low", "high", "size"])
            let low = try b.double("low", 0), high = try b.double("high", 1)
            let range = high - low
            if !range.isFinite { throw PythonError.overflow("Range exceeds valid bounds") }
            return try doubles(try size(b["size"]), interp) { low + range * st.nextDouble() }
        case "randint":
            let b = try args.bind("randint", ["low", "high", "size", "dtype"])
            var low = try b.values["low"]!.asInt()
            var high: Int
            if let h = b["high"] { high = try h.asInt() } else {
                high = low; low = 0
                if high <= 0 { throw PythonError.value("high <= 0") }
            }
            if low >= high { throw PythonError.value("low >= high") }
            let dt = try NumPyConvert.dtype(b["dtype"])
            // int32 and int64 draw one full 32-bit word per try (64 bits past 2**32); the narrow
            // dtypes pack several draws into a word, which nnsh does not do.
            if let dt, dt != .int64 && dt != .int32 {
                throw PythonError("NotImplementedError", "nnsh's np.random.randint draws int64 and int32 only, not \(dt.numpyName)")
            }
            if dt == .int32 && (low < Int(Int32.min) || high - 1 > Int(Int32.max)) {
                throw PythonError.value(low < Int(Int32.min) ? "low is out of bounds for int32" : "high is out of bounds for int32")
            }
            let rng = UInt64(bitPattern: Int64(high) &- 1 &- Int64(low))
            guard let shape = try size(b["size"]) else {
                let v = st.bounded(offset: Int64(low), range: rng)
                return dt == nil ? .int(Int(v)) : .object(NDArrayObject(try Tensor.scalar(int: v, dtype: .int64).to(dt ?? .int64), scalar: true))
            }
            try NumPyModule.checkShape(shape, interp)
            let n = shape.reduce(1, *)
            var v = [Int64](repeating: 0, count: n)
            for i in 0..<n { v[i] = st.bounded(offset: Int64(low), range: rng) }
            return .object(NDArrayObject(try Tensor.from(ints: v, shape: shape, dtype: .int64).to(dt ?? .int64)))
        case "shuffle":
            let b = try args.bind("shuffle", ["x"], required: 1)
            let x = b.values["x"]!
            switch x {
            case .list(let l):
                for (i, j) in st.shuffleSwaps(l.items.count) { l.items.swapAt(i, j) }
            case .object(let a as NDArrayObject) where !a.isScalar && a.array.dim > 0:
                let t = a.array
                for (i, j) in st.shuffleSwaps(t.shape[0]) where i != j {
                    let ri = try t.select(0, i).clone()
                    try t.select(0, i).copyValuesInPlace(from: try t.select(0, j))
                    try t.select(0, j).copyValuesInPlace(from: ri)
                }
            case .int: throw PythonError.type("object of type 'int' has no len()")
            default: throw PythonError.type("object of type '\(x.typeName)' has no len()")
            }
            return .none
        case "permutation":
            let b = try args.bind("permutation", ["x"], required: 1)
            let x = b.values["x"]!
            if case .int(let n) = x {
                if n < 0 { throw PythonError.value("negative dimensions are not allowed") }
                try NumPyModule.checkShape([n], interp)
                var v = (0..<Int64(n)).map { $0 }
                for (i, j) in st.shuffleSwaps(n) { v.swapAt(i, j) }
                return .object(NDArrayObject(try Tensor.from(ints: v, shape: [n], dtype: .int64)))
            }
            let arr = try NumPyConvert.array(from: x, dtype: nil, interp)
            if arr.dim < 1 { throw PythonError.index("x must be an integer or at least 1-dimensional") }
            var idx = (0..<Int64(arr.shape[0])).map { $0 }
            for (i, j) in st.shuffleSwaps(arr.shape[0]) { idx.swapAt(i, j) }
            return .object(NDArrayObject(try arr.index([.tensor(try Tensor.from(ints: idx, shape: [idx.count], dtype: .int64))])))
        case "choice":
            let b = try args.bind("choice", ["a", "size", "replace", "p"], required: 1)
            let a = b.values["a"]!
            var population: Tensor?
            let popSize: Int
            if case .int(let n) = a { popSize = n } else {
                let t = try NumPyConvert.array(from: a, dtype: nil, interp)
                if t.dim == 0 { popSize = try NDArrayObject(t).toInt(index: true) ?? 0 }
                else {
                    guard t.dim == 1 else { throw PythonError.value("a must be 1-dimensional") }
                    population = t; popSize = t.shape[0]
                }
            }
            let shape = try size(b["size"])
            let n = shape?.reduce(1, *) ?? 1
            if population == nil && popSize <= 0 && n != 0 { throw PythonError.value("a must be greater than 0 unless no samples are taken") }
            if population != nil && popSize == 0 && n != 0 { throw PythonError.value("'a' cannot be empty unless no samples are taken") }
            var probabilities: [Double]?
            if let pv = b["p"] {
                let p = try NumPyConvert.array(from: pv, dtype: .float64, interp)
                if p.dim != 1 { throw PythonError.value("'p' must be 1-dimensional") }
                if p.numel != popSize { throw PythonError.value("'a' and 'p' must have same size") }
                let v = try p.contiguous().doubles()
                // numpy's kahan_sum for the check.
                var sum = 0.0, c = 0.0
                for x in v { let y = x - c; let t = sum + y; c = (t - sum) - y; sum = t }
                if sum.isNaN { throw PythonError.value("probabilities contain NaN") }
                if v.contains(where: { $0 < 0 }) { throw PythonError.value("probabilities are not non-negative") }
                if Swift.abs(sum - 1) > 1.4901161193847656e-08 { throw PythonError.value("probabilities do not sum to 1") }
                probabilities = v
            }
            var idx = [Int64]()
            if let p = probabilities, try b.bool("replace", true) {
                // cdf = p.cumsum(); cdf /= cdf[-1]; searchsorted(cdf, u, side='right') for each uniform u.
                var cdf = [Double](), run = 0.0
                for x in p { run += x; cdf.append(run) }
                let last = cdf.last ?? 1
                cdf = cdf.map { $0 / last }
                for _ in 0..<n {
                    let u = st.nextDouble()
                    var lo = 0, hi = cdf.count
                    while lo < hi { let mid = (lo + hi) / 2; if cdf[mid] <= u { lo = mid + 1 } else { hi = mid } }
                    idx.append(Int64(lo))
                }
            } else if var p = probabilities {
                // Without replacement: draw, keep the first of each new index, zero their p, repeat.
                if n > popSize { throw PythonError.value("Cannot take a larger sample than population when 'replace=False'") }
                if p.filter({ $0 > 0 }).count < n { throw PythonError.value("Fewer non-zero entries in p than size") }
                var found = [Int64]()
                while found.count < n {
                    let x = (0..<(n - found.count)).map { _ in st.nextDouble() }
                    for f in found { p[Int(f)] = 0 }
                    var cdf = [Double](), run = 0.0
                    for v in p { run += v; cdf.append(run) }
                    let last = cdf.last ?? 1
                    cdf = cdf.map { $0 / last }
                    var seen = Set<Int64>()
                    for u in x {
                        var lo = 0, hi = cdf.count
                        while lo < hi { let mid = (lo + hi) / 2; if cdf[mid] <= u { lo = mid + 1 } else { hi = mid } }
                        if seen.insert(Int64(lo)).inserted { found.append(Int64(lo)) }
                    }
                }
                idx = found
            } else if try b.bool("replace", true) {
                let rng = UInt64(popSize - 1)
                for _ in 0..<n { idx.append(st.bounded(offset: 0, range: rng)) }
            } else {
                if n > popSize { throw PythonError.value("Cannot take a larger sample than population when 'replace=False'") }
                var perm = (0..<Int64(popSize)).map { $0 }
                for (i, j) in st.shuffleSwaps(popSize) { perm.swapAt(i, j) }
                idx = Array(perm.prefix(n))
            }
            let idxT = try Tensor.from(ints: idx, shape: shape ?? [1], dtype: .int64)
            guard let population else {
                if shape == nil { return .int(Int(idx[0])) }
                return .object(NDArrayObject(idxT))
            }
            let picked = try population.index([.tensor(try idxT.reshape([idx.count]))])
            if shape == nil { return .object(NDArrayObject(try picked.select(0, 0).contiguous().clone(), scalar: true)) }
            return .object(NDArrayObject(try picked.reshape(shape!)))
        default:
            throw PythonError("AttributeError", "module 'numpy.random' has no attribute '\(name)'")
        }
    }
}
