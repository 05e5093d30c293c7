import Torch

/// `nn.Sequential`: children named `0`, `1`, … (or by the OrderedDict it was given), run in order.
public final class Sequential: Module {
    public init(_ modules: [Module]) {
        super.init(typeName: "Sequential")
        for (i, m) in modules.enumerated() { registerModule(String(i), m) }
    }
    public init(named modules: [(String, Module)]) {
        super.init(typeName: "Sequential")
        for (n, m) in modules { registerModule(n, m) }
    }
    public var count: Int { children().count }
    /// `seq[i]` with Python's negative indexing and message.
    public func module(at index: Int) throws -> Module {
        let items = children(), n = items.count
        guard -n <= index && index < n else { throw TorchError.index("index \(index) is out of range") }
        return items[(index + n) % n]
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        var x = input
        for m in children() { x = try m(x) }
        return x
    }
}

/// `nn.ModuleList`: a list of children named by position, with no `forward` of its own.
public final class ModuleList: Module {
    public init(_ modules: [Module]) {
        super.init(typeName: "ModuleList")
        for (i, m) in modules.enumerated() { registerModule(String(i), m) }
    }

    /// PyTorch's `ModuleList.__repr__`: runs of identical children print once, as `(0-2): 3 x …`.
    public override func appendRepr(to out: inout String, indent: String, depth: Int) {
        appendRepr(to: &out, indent: indent, depth: depth, named: typeName)
    }

    /// The same under another class name (a Python subclass of ModuleList inherits this repr).
    public func appendRepr(to out: inout String, indent: String, depth: Int, named name: String) {
        let items = children()
        out += name + "("
        if items.isEmpty { out += ")"; return }
        let inner = indent + "  "
        var blocks = [(start: Int, end: Int, text: String)]()
        for (i, m) in items.enumerated() {
            var text = ""
            Module.appendChild(m, to: &text, indent: "", depth: depth + 1)
            if let last = blocks.last, last.text == text { blocks[blocks.count - 1].end = i } else { blocks.append((i, i, text)) }
        }
        for b in blocks {
            let head = b.start == b.end ? "(\(b.start)): " : "(\(b.start)-\(b.end)): \(b.end - b.start + 1) x "
            out += "\n" + inner + head + b.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + inner)
        }
        out += "\n" + indent + ")"
    }
}

/// `nn.ModuleDict`: children by string key, in insertion order, with no `forward` of its own.
public final class ModuleDict: Module {
    public init(_ modules: [(String, Module)]) {
        super.init(typeName: "ModuleDict")
        for (n, m) in modules { registerModule(n, m) }
    }
}

/// `nn.ParameterList` / `nn.ParameterDict`: parameters registered by position or key. A plain
/// tensor becomes a Parameter sharing its storage. Their `extra_repr` lists each parameter's dtype
/// and size, as PyTorch's (the list names the dtype, the dict the legacy tensor type).
public final class ParameterContainer: Module {
    public let keyed: Bool
    public init(keyed: Bool) {
        self.keyed = keyed
        super.init(typeName: keyed ? "ParameterDict" : "ParameterList")
    }

    /// The Parameter stored for `t`: `t` itself when it is one, else a Parameter over its data.
    public static func parameter(_ t: Tensor) throws -> Tensor {
        if t.isParameter { return t }
        let p = t.detach()
        p.isParameter = true
        if p.dtype.isFloatingPoint { try p.setRequiresGrad(true) }
        return p
    }

    public func set(_ name: String, _ t: Tensor) throws { registerParameter(name, try ParameterContainer.parameter(t)) }

    public override func extraRepr() -> String {
        parameterNames.compactMap { n -> String? in
            guard let p = parameter(n) else { return nil }
            let type = keyed ? p.dtype.legacyTensorType : p.dtype.description
            return "  (\(n)): Parameter containing: [\(type) of size \(p.shape.map(String.init).joined(separator: "x"))]"
        }.joined(separator: "\n")
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        throw TorchError("NotImplementedError", "Module [\(typeName)] is missing the required \"forward\" function")
    }
}
