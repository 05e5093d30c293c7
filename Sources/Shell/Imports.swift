import Foundation
import Syntax
import Torch

/// `import torch`, `import torch.nn as nn`, `from torch.nn import Conv2d`: names bound to namespaces.
extension Interpreter {
    /// The modules nnsh knows, by dotted name.
    func module(named name: String) -> Value? {
        guard case .namespace(let torch)? = builtinsStorage["__torch__"] else { return nil }
        switch name {
        case "torch": return .namespace(torch)
        case "math": return .namespace(mathNamespace)
        case "os", "os.path", "sys", "random", "collections", "PIL", "PIL.Image", "torchvision", "torchvision.transforms", "torchvision.utils", "torchvision.models":
            return extraModule(name)
        default: break
        }
        var current: Value = .namespace(torch)
        let parts = name.split(separator: ".").map(String.init)
        guard parts.first == "torch" else { return nil }
        for p in parts.dropFirst() {
            guard case .namespace(let ns) = current, let next = try? ns.member(p), case .namespace = next else { return nil }
            current = next
        }
        return current
    }

    func importModule(_ n: ImportName, _ scope: Scope) throws {
        guard let value = module(named: n.name) else {
            let top = n.name.split(separator: ".").first.map(String.init) ?? n.name
            throw PythonError("ModuleNotFoundError", module(named: top) == nil ? "No module named '\(top)'" : "No module named '\(n.name)'", at: n.location)
        }
        if let alias = n.alias {
            scope[alias] = value
        } else {
            let top = String(n.name.split(separator: ".").first ?? Substring(n.name))
            scope[top] = module(named: top) ?? value
        }
    }

    func importFrom(_ moduleName: String, _ names: [ImportName], _ scope: Scope) throws {
        guard let mod = module(named: moduleName) else {
            let top = moduleName.split(separator: ".").first.map(String.init) ?? moduleName
            throw PythonError("ModuleNotFoundError", module(named: top) == nil ? "No module named '\(top)'" : "No module named '\(moduleName)'")
        }
        guard case .namespace(let ns) = mod else { throw PythonError("ImportError", "cannot import from '\(moduleName)'") }
        for n in names {
            if n.name == "*" {
                // `__all__` when the module has one, else every public name.
                if case .list(let all)? = ns.members["__all__"] {
                    for case .str(let k) in all.items { if let v = try ns.member(k) { scope[k] = v } }
                } else {
                    for (k, v) in ns.members where !k.hasPrefix("_") { scope[k] = v }
                }
                continue
            }
            if let v = try ns.member(n.name) {
                scope[n.alias ?? n.name] = v
            } else if let sub = module(named: moduleName + "." + n.name) {
                scope[n.alias ?? n.name] = sub
            } else {
                throw PythonError("ImportError", "cannot import name '\(n.name)' from '\(moduleName)'", at: n.location)
            }
        }
    }

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
