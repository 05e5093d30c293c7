import NN
import Torch

/// The shell's part of an `nn.Module` (docs/object-model.md, "nn.Module"): the instance
/// `__dict__` for attributes that are not parameters, buffers or children, and the hooks. It is
/// the module's `host`, so it lives exactly as long as the module, and a container's `forward`
/// calls a child through it (hooks fire, a Python `forward` runs, inside `nn.Sequential` too).
final class ModuleState: ModuleHost {
    let attributes = PyDict()
    var forwardPreHooks: [(id: Int, hook: Value)] = []
    var forwardHooks: [(id: Int, hook: Value)] = []
    /// `register_full_backward_hook` / `register_full_backward_pre_hook` (see `BackwardHookCall`).
    var backwardHooks: [(id: Int, hook: Value)] = []
    var backwardPreHooks: [(id: Int, hook: Value)] = []
    /// PyTorch's `_is_full_backward_hook`: set for good by `register_full_backward_hook`, so that the
    /// deprecated `register_backward_hook` is refused on that module afterwards.
    var usesFullBackwardHooks = false
    weak var interpreter: Interpreter?

    init(_ interpreter: Interpreter?) { self.interpreter = interpreter }

    var hasHooks: Bool { !forwardPreHooks.isEmpty || !forwardHooks.isEmpty || !backwardHooks.isEmpty || !backwardPreHooks.isEmpty }

    func call(_ module: Module, _ input: Tensor) throws -> Tensor {
        guard let interpreter else { return try module.forward(input) }
        let out = try interpreter.callModule(module, Arguments([.tensor(input)]))
        guard case .tensor(let t) = out else {
            throw PythonError.type("the forward of \(module.typeName) returned '\(out.typeName)' where nnsh's \(module.typeName == "Sequential" ? "Sequential" : "container") needs a Tensor")
        }
        return t
    }

    /// Hook ids count up per process, as PyTorch's `RemovableHandle.next_id`.
    nonisolated(unsafe) static var nextHookID = 0
}

/// An instance of a Python class derived from `nn.Module`: a Swift `Module` whose type is the
/// Python class, whose `forward`, `extra_repr` and `__repr__` may be Python functions.
final class PythonModule: Module {
    let type: PyType
    let state: ModuleState
    /// Set by `nn.Module.__init__`: before it, assigning a parameter or a child fails as in PyTorch.
    var initialized = false
    /// For a class derived from a Swift layer (`class MyConv(nn.Conv2d)`): the layer its
    /// `__init__` made, whose members this module shares and whose forward, configuration and
    /// `extra_repr` the class inherits unless it defines its own.
    private(set) var layer: Module?

    /// `Conv2d.__init__(self, …)`: adopts the new layer's tables (PyTorch's re-initialisation).
    func adopt(_ made: Module) {
        layer = made
        shareMembers(of: made)
        initialized = true
    }

    init(type: PyType, interpreter: Interpreter) {
        self.type = type
        self.state = ModuleState(interpreter)
        super.init(typeName: type.name)
        host = state
    }

    /// A container (or `explain`) calling this module: the Python `forward`, through the hooks.
    override func forward(_ input: Tensor) throws -> Tensor {
        if let layer, userMethod("forward") == nil { return try layer.forward(input) }
        guard let interpreter = state.interpreter else { throw PythonError.runtime("the interpreter of '\(type.name)' has ended") }
        let out = try interpreter.callPythonForward(self, Arguments([.tensor(input)]))
        guard case .tensor(let t) = out else {
            throw PythonError.type("\(type.name).forward returned '\(out.typeName)' where a Tensor is needed")
        }
        return t
    }

    /// The Python class's `extra_repr`, when it defines one (an error in it prints nothing, as a
    /// repr cannot fail here; `print(net)` reports it first through `checkPrintable`).
    override func extraRepr() -> String {
        guard let f = userMethod("extra_repr") else { return layer?.extraRepr() ?? "" }
        guard let interpreter = state.interpreter,
              case .str(let s)? = try? interpreter.call(f, Arguments([.module(self)])) else { return "" }
        return s
    }

    override func appendRepr(to out: inout String, indent: String, depth: Int) {
        if let list = layer as? ModuleList { return list.appendRepr(to: &out, indent: indent, depth: depth, named: typeName) }
        super.appendRepr(to: &out, indent: indent, depth: depth)
    }

    override func attribute(_ name: String) -> Attribute? { layer?.attribute(name) ?? super.attribute(name) }
    override var canResetParameters: Bool { layer?.canResetParameters ?? false }
    override func resetParameters() throws { try layer?.resetParameters() }

    override func reprOverride() -> String? {
        guard let interpreter = state.interpreter, let f = userMethod("__repr__"),
              case .str(let s)? = try? interpreter.call(f, Arguments([.module(self)])) else { return nil }
        return s
    }

    /// What attribute lookup finds on the class before the module's own members: a Python class's
    /// attribute, or a method a Swift layer class inherits to its subclasses (`_conv_forward`);
    /// `nn.Module`'s and `object`'s dicts are the module methods' business.
    func classAttribute(_ name: String) -> Value? {
        let key = Value.str(name)
        for t in type.mro where t !== PyType.nnModule && t !== PyType.object { if let v = t.dict.get(key) { return v } }
        return nil
    }

    /// A method a Python class along the MRO defines (not `nn.Module`'s or `object`'s own).
    func userMethod(_ name: String) -> Value? {
        let key = Value.str(name)
        for t in type.mro where t.isUserClass { if let v = t.dict.get(key) { return v } }
        return nil
    }
}

/// What `register_forward_hook`, `Tensor.register_hook` and friends return: `handle.remove()`
/// takes the hook off (twice is harmless, as in PyTorch).
final class RemovableHandle: PyObject {
    let id: Int
    private let removal: () -> Void
    init(id: Int, _ removal: @escaping () -> Void) {
        self.id = id
        self.removal = removal
    }
    override var typeName: String { "RemovableHandle" }
    override func repr() -> String { "<torch.utils.hooks.RemovableHandle object at \(addressString(self))>" }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "id": return .int(id)
        case "remove":
            return .builtin(Builtin("remove", receiver: "RemovableHandle object") { [self] _ in
                self.removal()
                return .none
            })
        default: return nil
        }
    }
}

/// `load_state_dict`'s result: `<All keys matched successfully>` or the two key lists.
final class IncompatibleKeys: PyObject {
    let missing: [String], unexpected: [String]
    init(missing: [String], unexpected: [String]) {
        self.missing = missing
        self.unexpected = unexpected
    }
    override var typeName: String { "_IncompatibleKeys" }
    private func list(_ keys: [String]) -> Value { .list(PyList(keys.map { .str($0) })) }
    override func repr() -> String {
        if missing.isEmpty && unexpected.isEmpty { return "<All keys matched successfully>" }
        return "_IncompatibleKeys(missing_keys=\(list(missing).repr), unexpected_keys=\(list(unexpected).repr))"
    }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "missing_keys": return list(missing)
        case "unexpected_keys": return list(unexpected)
        case "__iter__": return .list(PyList([list(missing), list(unexpected)]))
        default: return nil
        }
    }
    override var memberNames: [String] { ["missing_keys", "unexpected_keys"] }
}
