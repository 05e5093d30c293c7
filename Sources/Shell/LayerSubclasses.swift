import NN
import Torch

/// Python classes derived from Swift layers (`class MyConv(nn.Conv2d)`, `class Block(nn.Sequential)`),
/// docs/object-model.md "nn.Module". The instance is a `PythonModule`; the layer class's `__init__`
/// builds the Swift layer and the instance adopts its members, so the layer's forward, its
/// configuration attributes and its `extra_repr` serve the subclass unless the class overrides
/// them, and `super().forward(x)` reaches the layer's own.
extension Interpreter {
    /// The methods a subclass inherits from the layer class `type`, put in the type's dict so that
    /// class attribute lookup and `super()` find them as they find `nn.Linear.forward` in PyTorch.
    func installLayerMethods(_ type: PyType, _ make: @escaping (Arguments) throws -> Module) {
        let name = type.name
        func def(_ method: String, _ body: @escaping (Module, Arguments) throws -> Value) {
            let builtin = Builtin(method, receiver: "'\(name)' objects") { args in
                guard case .module(let m)? = args.positional.first, typeOf(.module(m)).isSubtype(of: type) else {
                    let got = args.positional.first.map { typeOf($0).name } ?? "nothing"
                    throw PythonError.type("descriptor '\(method)' requires a '\(name)' object but received a '\(got)'")
                }
                return try body(m, Arguments(Array(args.positional.dropFirst()), args.keywords))
            }
            builtin.qualname = "\(name).\(method)"
            type.dict.set(.str(method), .builtin(builtin))
        }
        /// The Swift layer behind `m`, once its `__init__` has run.
        func layer(_ m: Module) throws -> Module {
            guard let p = m as? PythonModule else { return m }
            guard let layer = p.layer else {
                throw PythonError.attribute("'\(p.typeName)' object has no attribute 'weight' (\(name).__init__() has not run on it)")
            }
            return layer
        }
        def("__init__") { [unowned self] m, args in
            guard let p = m as? PythonModule else {
                throw PythonError.type("nnsh cannot re-run \(name).__init__() on an existing \(m.typeName); make a new one")
            }
            // PyTorch's layer __init__ ends with `self.reset_parameters()`, which reaches a
            // subclass's override: draw nothing of our own then, and run the override instead.
            let override = p.userMethod("reset_parameters")
            let before = override == nil ? nil : Generator.defaultGenerator.stateBytes()
            let made = try Interpreter.construct(make, args)
            p.adopt(made)
            if let override, let before, made.canResetParameters {
                try Generator.defaultGenerator.setState(before)
                _ = try self.call(self.bind(override, to: .module(p), type: p.type), Arguments())
            }
            return .none
        }
        def("forward") { [unowned self] m, args in try self.forwardLayer(try layer(m), args) }
        def("extra_repr") { m, _ in .str(try layer(m).extraRepr()) }
        if name.hasPrefix("Conv"), !name.hasPrefix("ConvTranspose") {
            def("_conv_forward") { m, args in
                let b = try args.bind("\(name)._conv_forward", ["input", "weight", "bias"], required: 3)
                guard let conv = try layer(m) as? Conv else { throw PythonError.type("\(name)._conv_forward needs a \(name)") }
                let bias = try b["bias"].flatMap { $0.isNone ? nil : try $0.asTensor("bias", "_conv_forward") }
                return .tensor(try conv.forward(try b.tensor("input"), weight: try b.tensor("weight"), bias: bias))
            }
        }
    }

    /// A class statement's bases may include one Swift layer class (two would need two Swift
    /// layers behind one instance; PyTorch allows it, as its layers are Python classes).
    func isLayerClass(_ t: PyType) -> Bool {
        t !== PyType.nnModule && !t.isUserClass && t.isSubtype(of: .nnModule) && constructors[ObjectIdentifier(t)] != nil
    }

    func checkLayerBases(_ bases: [PyType]) throws {
        var layers = [PyType]()
        for b in bases {
            guard let l = b.mro.first(where: isLayerClass) else { continue }
            if let other = layers.first, other !== l {
                throw PythonError.type("nnsh cannot derive one class from two layer classes (\(other.name) and \(l.name)): their Swift layers cannot share one instance")
            }
            layers.append(l)
        }
    }
}
