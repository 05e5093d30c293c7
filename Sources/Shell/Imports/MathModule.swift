import Foundation

/// `math`: CPython's functions over doubles (glibc's libm, as CPython uses it).
extension Interpreter {
    var mathNamespace: Namespace {
        let ns = Namespace("math")
        func f(_ name: String, _ fn: @escaping (Double) -> Double) {
            ns.members[name] = .builtin(Builtin(name) { args in
                let x = try args.bind(name, ["x"], required: 1).double("x", 0)
                let r = fn(x)
                if r.isNaN && !x.isNaN { throw PythonError.value("math domain error") }
                return .float(r)
            })
        }
        f("sqrt", Foundation.sqrt); f("exp", Foundation.exp); f("log10", Foundation.log10); f("log2", Foundation.log2)
        f("sin", Foundation.sin); f("cos", Foundation.cos); f("tan", Foundation.tan); f("tanh", Foundation.tanh)
        f("atan", Foundation.atan); f("asin", Foundation.asin); f("acos", Foundation.acos); f("fabs", Swift.abs)
        f("erf", Foundation.erf); f("log1p", Foundation.log1p); f("expm1", Foundation.expm1)
        ns.members["log"] = .builtin(Builtin("log") { args in
            let b = try args.bind("log", ["x", "base"], required: 1)
            let x = try b.double("x", 0)
            if x <= 0 { throw PythonError.value("math domain error") }
            if let base = b["base"] { return .float(Foundation.log(x) / Foundation.log(try base.asDouble())) }
            return .float(Foundation.log(x))
        })
        for name in ["floor", "ceil", "trunc"] {
            ns.members[name] = .builtin(Builtin(name) { args in
                let x = try args.bind(name, ["x"], required: 1).double("x", 0)
                guard x.isFinite, Swift.abs(x) < 9.2e18 else { throw PythonError.overflow("cannot convert float infinity to integer") }
                let r = name == "floor" ? x.rounded(.down) : (name == "ceil" ? x.rounded(.up) : x.rounded(.towardZero))
                return .int(Int(r))
            })
        }
        ns.members["pow"] = .builtin(Builtin("pow") { args in
            let b = try args.bind("pow", ["x", "y"], required: 2)
            return .float(Foundation.pow(try b.double("x", 0), try b.double("y", 0)))
        })
        ns.members["isnan"] = .builtin(Builtin("isnan") { args in .bool(try args.bind("isnan", ["x"], required: 1).double("x", 0).isNaN) })
        ns.members["isfinite"] = .builtin(Builtin("isfinite") { args in .bool(try args.bind("isfinite", ["x"], required: 1).double("x", 0).isFinite) })
        ns.members["isinf"] = .builtin(Builtin("isinf") { args in .bool(try args.bind("isinf", ["x"], required: 1).double("x", 0).isInfinite) })
        ns.members["prod"] = .builtin(Builtin("prod") { [unowned self] args in
            var acc: Value = .int(1)
            for v in try self.iterate(args.positional.first ?? .tuple([])) { acc = try self.binaryOperation(.multiply, acc, v) }
            return acc
        })
        ns.members["pi"] = .float(Double.pi)
        ns.members["e"] = .float(M_E)
        ns.members["inf"] = .float(.infinity)
        ns.members["nan"] = .float(.nan)
        ns.members["tau"] = .float(2 * Double.pi)
        return ns
    }
}
