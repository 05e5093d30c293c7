import Torch

/// A Python-visible attribute value of a layer (`m.kernel_size`, `m.weight`, `m.inplace`, …).
public enum Attribute {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)
    case tuple([Attribute])
    case list([Attribute])
    case none
    case tensor(Tensor)

    /// Python `repr` of the value (tensors print as `<tensor>`; the shell prints those itself).
    public var pythonRepr: String {
        switch self {
        case .int(let v): return String(v)
        case .float(let v): return pythonFloatRepr(v)
        case .bool(let v): return v ? "True" : "False"
        case .string(let s): return "'\(s)'"
        case .none: return "None"
        case .tensor: return "<tensor>"
        case .tuple(let items):
            if items.count == 1 { return "(\(items[0].pythonRepr),)" }
            return "(" + items.map(\.pythonRepr).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        }
    }

    static func ints(_ v: [Int]) -> Attribute { .tuple(v.map { .int($0) }) }
}

/// An int or a tuple of ints as the user passed it (PyTorch keeps `MaxPool2d(2).kernel_size == 2`).
public enum IntOrTuple: Equatable, Sendable {
    case int(Int)
    case tuple([Int])

    public func expanded(_ n: Int) -> [Int] {
        switch self {
        case .int(let v): return Array(repeating: v, count: n)
        case .tuple(let t): return t.count == 1 && n > 1 ? Array(repeating: t[0], count: n) : t
        }
    }
    public var repr: String {
        switch self {
        case .int(let v): return String(v)
        case .tuple(let t): return t.count == 1 ? "(\(t[0]),)" : "(" + t.map(String.init).joined(separator: ", ") + ")"
        }
    }
    public var attribute: Attribute {
        switch self {
        case .int(let v): return .int(v)
        case .tuple(let t): return .ints(t)
        }
    }
}

/// `torch.nn.Module`: registered parameters and children in order, train/eval, repr.
open class Module {
    public let typeName: String
    public var training = true
    public private(set) var parameterNames: [String] = []
    private var parameterTable: [String: Tensor?] = [:]
    public private(set) var childNames: [String] = []
    private var childTable: [String: Module] = [:]

    public init(typeName: String) { self.typeName = typeName }

    /// Registers (or replaces) a parameter; non-nil tensors become parameters requiring grad.
    public func registerParameter(_ name: String, _ t: Tensor?) {
        if let t {
            t.isParameter = true
            try? t.setRequiresGrad(true)
        }
        if parameterTable[name] == nil { parameterNames.append(name) }
        parameterTable[name] = .some(t)
    }

    public func registerModule(_ name: String, _ m: Module) {
        if childTable[name] == nil { childNames.append(name) }
        childTable[name] = m
    }

    /// The parameter named `name` (nil when absent or registered as None).
    public func parameter(_ name: String) -> Tensor? { parameterTable[name] ?? nil }
    public func hasParameter(_ name: String) -> Bool { parameterTable[name] != nil }
    public func child(_ name: String) -> Module? { childTable[name] }

    /// `m.weight = t`: PyTorch requires a Parameter (or None) for a registered parameter name.
    public func setParameter(_ name: String, _ t: Tensor?) throws {
        if let t, !t.isParameter {
            throw TorchError.type("cannot assign 'torch.FloatTensor' as parameter '\(name)' (torch.nn.Parameter or None expected)")
        }
        registerParameter(name, t)
    }

    @discardableResult
    public func train(_ mode: Bool = true) -> Self {
        training = mode
        for c in children() { c.train(mode) }
        return self
    }

    @discardableResult
    public func eval() -> Self { train(false) }

    public func namedParameters(prefix: String = "") -> [(String, Tensor)] {
        var out = [(String, Tensor)]()
        var seen = Set<ObjectIdentifier>()
        func walk(_ m: Module, _ p: String) {
            for n in m.parameterNames {
                if let t = m.parameter(n), !seen.contains(ObjectIdentifier(t)) {
                    seen.insert(ObjectIdentifier(t))
                    out.append((p + n, t))
                }
            }
            for (cn, c) in m.namedChildren() { walk(c, p + cn + ".") }
        }
        walk(self, prefix.isEmpty ? "" : prefix + ".")
        return out
    }

    public func parameters() -> [Tensor] { namedParameters().map(\.1) }
    public func namedChildren() -> [(String, Module)] { childNames.map { ($0, childTable[$0]!) } }
    public func children() -> [Module] { childNames.map { childTable[$0]! } }

    /// `m.float()`, `m.double()`, `m.to(dtype)`: converts every floating-point parameter (and its
    /// grad) in place, as `Module._apply` does: the Parameter objects stay the same, so tensors the
    /// user already holds (`w = m.weight`) see the new dtype.
    public func convertFloatingParameters(to d: DType) throws {
        for p in parameters() where p.dtype.isFloatingPoint && p.dtype != d {
            p.replaceData(with: try p.detach().to(d))
            if let g = p.grad, g.dtype.isFloatingPoint { p.grad = try g.to(d) }
        }
    }

    /// `zero_grad()` (set_to_none=True, PyTorch's default).
    public func zeroGrad() { for p in parameters() { p.grad = nil } }

    open func extraRepr() -> String { "" }

    /// `Module.__repr__` with `_addindent`. Past `Module.reprDepthLimit` levels a child prints as
    /// `...` (the shell refuses such a print with PyTorch's RecursionError first; this only keeps
    /// a module inside a printed list finite).
    public var repr: String {
        var out = ""
        appendRepr(to: &out, indent: "", depth: 0)
        return out
    }

    /// Deepest nesting `repr` renders in full: PyTorch's RecursionError comes at about 330.
    public static let reprDepthLimit = 1000

    /// Writes the repr with each line after the first indented by `indent`: linear in the output,
    /// where re-indenting every child's text (as `_addindent` does) is quadratic in the depth.
    private func appendRepr(to out: inout String, indent: String, depth: Int) {
        let extra = extraRepr()
        let extraLines = extra.isEmpty ? [] : extra.split(separator: "\n", omittingEmptySubsequences: false)
        let children = namedChildren()
        out += typeName + "("
        if extraLines.isEmpty && children.isEmpty { out += ")"; return }
        if extraLines.count == 1 && children.isEmpty { out += String(extraLines[0]) + ")"; return }
        let inner = indent + "  "
        for line in extraLines { out += "\n" + inner + String(line) }
        for (key, m) in children {
            out += "\n" + inner + "(" + key + "): "
            if depth >= Module.reprDepthLimit { out += "..." } else { m.appendRepr(to: &out, indent: inner, depth: depth + 1) }
        }
        out += "\n" + indent + ")"
    }

    /// How many levels of children hang below this module (0 for a layer without children), or
    /// nil when that exceeds `limit`. Breadth-first and iterative, so any depth is safe to ask
    /// about; the shell asks before every walk that recurses once per level (repr, forward,
    /// parameters, train), the way Python's recursion limit stops those walks in PyTorch.
    public func nestingDepth(upTo limit: Int) -> Int? {
        if childNames.isEmpty { return 0 }  // most calls: a layer, no walk to make
        var level = [self], depth = 0
        while true {
            var seen = Set<ObjectIdentifier>(), next = [Module]()
            for m in level {
                for c in m.children() where seen.insert(ObjectIdentifier(c)).inserted { next.append(c) }
            }
            if next.isEmpty { return depth }
            depth += 1
            if depth > limit { return nil }
            level = next
        }
    }

    /// Dropping the outer module of `m = nn.Sequential(m)` run 100 000 times frees 100 000 nested
    /// modules: free them iteratively (see `Trashcan`).
    deinit {
        guard !childTable.isEmpty else { return }
        var parts: [Any] = [childTable]
        childTable = [:]
        Trashcan.dispose(&parts)
    }

    open func forward(_ input: Tensor) throws -> Tensor {
        throw TorchError("NotImplementedError", "Module [\(typeName)] is missing the required \"forward\" function")
    }

    /// Python attribute lookup: parameters, children, `training`; subclasses add their config.
    open func attribute(_ name: String) -> Attribute? {
        if name == "training" { return .bool(training) }
        if parameterTable[name] != nil { return parameter(name).map { .tensor($0) } ?? Attribute.none }
        return nil
    }
}

func pyBool(_ b: Bool) -> String { b ? "True" : "False" }
