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

/// What a host language attaches to a module: the way it calls one, so that a container's
/// `forward` reaches a child's hooks and, for a class the user wrote, its own `forward`. The
/// shell's per-module state (the instance `__dict__`, hooks) lives in the object it attaches.
public protocol ModuleHost: AnyObject {
    func call(_ module: Module, _ input: Tensor) throws -> Tensor
}

/// `torch.nn.Module`: registered parameters, buffers and children in order, train/eval, repr.
open class Module {
    public let typeName: String
    /// What `Module.__init__` makes: the registered members and the training flag. A Python class
    /// derived from a Swift layer (`class MyConv(nn.Conv2d)`) shares the layer's, so the layer's
    /// forward and the Python attribute protocol see one set of tables (`shareMembers`).
    private var members = ModuleMembers()
    public var training: Bool {
        get { members.training }
        set { members.training = newValue }
    }
    /// Set by the shell when the module needs more than `forward` (hooks, a Python class).
    public var host: ModuleHost?
    /// Float options the caller gave as an int or a bool (`nn.ELU(alpha=2)`): PyTorch keeps the
    /// Python value, so the attribute is `2` and the repr says `alpha=2`; the layer computes with
    /// the Double.
    public var givenOptions: [String: Attribute] = [:]
    /// An option's text in `extra_repr`: as given, or the Double as Python prints it.
    public func optionRepr(_ name: String, _ value: Double) -> String { givenOptions[name]?.pythonRepr ?? pythonFloatRepr(value) }
    public var parameterNames: [String] { members.parameterNames }
    /// Buffers registered with `persistent=False` (left out of `state_dict`).
    public var transientBuffers: Set<String> { members.transientBuffers }
    public var bufferNames: [String] { members.bufferNames }
    public var childNames: [String] { members.childNames }

    public init(typeName: String) { self.typeName = typeName }

    /// `module(input)` as a container calls its children: through the host when there is one.
    public final func callAsFunction(_ input: Tensor) throws -> Tensor {
        if let host { return try host.call(self, input) }
        return try forward(input)
    }

    /// Registers (or replaces) a parameter. A plain tensor becomes a parameter requiring grad (a
    /// layer's own weights); a Parameter keeps its `requires_grad` (`nn.Parameter(w, requires_grad=False)`).
    public func registerParameter(_ name: String, _ t: Tensor?) {
        if let t, !t.isParameter {
            t.isParameter = true
            try? t.setRequiresGrad(true)
        }
        if members.parameterTable[name] == nil { members.parameterNames.append(name) }
        members.parameterTable[name] = .some(t)
    }

    /// `register_buffer(name, tensor, persistent)`.
    public func registerBuffer(_ name: String, _ t: Tensor?, persistent: Bool = true) {
        if members.bufferTable[name] == nil { members.bufferNames.append(name) }
        members.bufferTable[name] = .some(t)
        if persistent { members.transientBuffers.remove(name) } else { members.transientBuffers.insert(name) }
    }

    /// Registers (or replaces) a child; nil keeps the name with no module, as `self.x = None` does.
    public func registerModule(_ name: String, _ m: Module?) {
        if members.childTable[name] == nil { members.childNames.append(name) }
        members.childTable[name] = .some(m)
    }

    /// How to make another module of this configuration, as its constructor was called (set by the
    /// host language that made it; `copy.deepcopy` rebuilds a layer this way, then fills in copies
    /// of the members).
    public var rebuild: (() throws -> Module)?

    /// Drops every parameter, buffer and child (kept shared with a Python subclass instance).
    public func removeAllMembers() { members.removeAll() }

    /// `Linear.__init__(self, …)` run on an instance of a Python subclass: from now on this module
    /// holds `layer`'s members (what re-running `Module.__init__` does in PyTorch: fresh tables).
    public func shareMembers(of layer: Module) { members = layer.members }

    /// Removes a parameter, buffer or child of that name (`del m.x`, or an assignment of another
    /// kind of value); false when there was none.
    @discardableResult
    public func removeMember(_ name: String) -> Bool {
        if members.parameterTable.removeValue(forKey: name) != nil { members.parameterNames.removeAll { $0 == name }; return true }
        if members.bufferTable.removeValue(forKey: name) != nil {
            members.bufferNames.removeAll { $0 == name }
            members.transientBuffers.remove(name)
            return true
        }
        if members.childTable.removeValue(forKey: name) != nil { members.childNames.removeAll { $0 == name }; return true }
        return false
    }

    /// Replaces the children, in this order (a container's `del seq[i]`, `insert`, `seq[i] = m`).
    public func replaceChildren(_ items: [(String, Module)]) {
        members.childNames = items.map(\.0)
        members.childTable = Dictionary(items.map { ($0.0, Optional($0.1)) }, uniquingKeysWith: { _, b in b })
    }

    /// The parameter named `name` (nil when absent or registered as None).
    public func parameter(_ name: String) -> Tensor? { members.parameterTable[name] ?? nil }
    public func hasParameter(_ name: String) -> Bool { members.parameterTable[name] != nil }
    public func buffer(_ name: String) -> Tensor? { members.bufferTable[name] ?? nil }
    public func hasBuffer(_ name: String) -> Bool { members.bufferTable[name] != nil }
    public func child(_ name: String) -> Module? { members.childTable[name] ?? nil }
    public func hasChild(_ name: String) -> Bool { members.childTable[name] != nil }

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

    /// `named_parameters(prefix, recurse, remove_duplicate=True)`.
    public func namedParameters(prefix: String = "", recurse: Bool = true) -> [(String, Tensor)] {
        namedMembers(prefix: prefix, recurse: recurse) { m in m.parameterNames.compactMap { n in m.parameter(n).map { (n, $0) } } }
    }

    /// `named_buffers(prefix, recurse)`.
    public func namedBuffers(prefix: String = "", recurse: Bool = true) -> [(String, Tensor)] {
        namedMembers(prefix: prefix, recurse: recurse) { m in m.bufferNames.compactMap { n in m.buffer(n).map { (n, $0) } } }
    }

    /// `Module._named_members`: each module of `named_modules` in turn, its own tensors, each
    /// tensor once.
    private func namedMembers(prefix: String, recurse: Bool, _ members: (Module) -> [(String, Tensor)]) -> [(String, Tensor)] {
        var out = [(String, Tensor)]()
        var seen = Set<ObjectIdentifier>()
        let modules = recurse ? namedModules(prefix: prefix) : [(prefix, self)]
        for (p, m) in modules {
            for (n, t) in members(m) where seen.insert(ObjectIdentifier(t)).inserted {
                out.append((p.isEmpty ? n : p + "." + n, t))
            }
        }
        return out
    }

    /// `named_modules(memo, prefix, remove_duplicate=True)`: this module, then its descendants
    /// depth first, each once.
    public func namedModules(prefix: String = "") -> [(String, Module)] {
        var out = [(String, Module)]()
        var seen = Set<ObjectIdentifier>()
        // Explicit stack: the shell limits nesting to Python's recursion depth, but the walk itself
        // need not recurse.
        var stack = [(prefix, self)]
        while let (p, m) = stack.popLast() {
            guard seen.insert(ObjectIdentifier(m)).inserted else { continue }
            out.append((p, m))
            for (n, c) in m.namedChildren().reversed() { stack.append((p.isEmpty ? n : p + "." + n, c)) }
        }
        return out
    }

    /// `state_dict()`: each module's parameters then its persistent buffers, then its children's,
    /// detached (they share storage with the module's tensors, as PyTorch's do).
    public func stateDict(prefix: String = "", keepVars: Bool = false) -> [(String, Tensor)] {
        var out = [(String, Tensor)]()
        var stack = [(prefix, self)]
        while let (p, m) = stack.popLast() {
            for n in m.parameterNames { if let t = m.parameter(n) { out.append((p + n, keepVars ? t : t.detach())) } }
            for n in m.bufferNames where !m.transientBuffers.contains(n) {
                if let t = m.buffer(n) { out.append((p + n, keepVars ? t : t.detach())) }
            }
            for (n, c) in m.namedChildren().reversed() { stack.append((p + n + ".", c)) }
        }
        return out
    }

    public func parameters() -> [Tensor] { namedParameters().map(\.1) }
    /// The children registered with a module (a name set to None is skipped, as PyTorch's walks do).
    public func namedChildren() -> [(String, Module)] { members.childNames.compactMap { n in child(n).map { (n, $0) } } }
    public func children() -> [Module] { members.childNames.compactMap(child) }

    /// `named_children()`: each child once (a module registered under two names appears under the first).
    public func distinctNamedChildren() -> [(String, Module)] {
        var seen = Set<ObjectIdentifier>()
        return namedChildren().filter { seen.insert(ObjectIdentifier($0.1)).inserted }
    }

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

    /// Layers that have `reset_parameters()` (and BatchNorm's `reset_running_stats()`) redraw or
    /// refill their tensors in place, as at construction.
    open var canResetParameters: Bool { false }
    open func resetParameters() throws {}

    /// `Module.__repr__` with `_addindent`. Past `Module.reprDepthLimit` levels a child prints as
    /// `...` (the shell refuses such a print with PyTorch's RecursionError first; this only keeps
    /// a module inside a printed list finite).
    public var repr: String {
        if let custom = reprOverride() { return custom }
        var out = ""
        appendRepr(to: &out, indent: "", depth: 0)
        return out
    }

    /// Deepest nesting `repr` renders in full: PyTorch's RecursionError comes at about 330.
    public static let reprDepthLimit = 1000

    /// A repr the host language defines for this module (a Python class's `__repr__`), used in
    /// place of the generated one, in a parent's repr too.
    open func reprOverride() -> String? { nil }

    /// Writes the repr with each line after the first indented by `indent`: linear in the output,
    /// where re-indenting every child's text (as `_addindent` does) is quadratic in the depth.
    open func appendRepr(to out: inout String, indent: String, depth: Int) {
        let extra = extraRepr()
        let extraLines = extra.isEmpty ? [] : extra.split(separator: "\n", omittingEmptySubsequences: false)
        // Every registered name, a child set to None included (it prints as `(fc): None`).
        let children = members.childNames.map { ($0, child($0)) }
        out += typeName + "("
        if extraLines.isEmpty && children.isEmpty { out += ")"; return }
        if extraLines.count == 1 && children.isEmpty { out += String(extraLines[0]) + ")"; return }
        let inner = indent + "  "
        for line in extraLines { out += "\n" + inner + String(line) }
        for (key, m) in children {
            out += "\n" + inner + "(" + key + "): "
            if let m { Module.appendChild(m, to: &out, indent: inner, depth: depth + 1) } else { out += "None" }
        }
        out += "\n" + indent + ")"
    }

    /// A child's repr inside its parent's: its own override re-indented, or the generated one.
    public static func appendChild(_ m: Module, to out: inout String, indent: String, depth: Int) {
        if depth > Module.reprDepthLimit { out += "..."; return }
        if let custom = m.reprOverride() {
            out += custom.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
            return
        }
        m.appendRepr(to: &out, indent: indent, depth: depth)
    }

    /// How many levels of children hang below this module (0 for a layer without children), or
    /// nil when that exceeds `limit`. Breadth-first and iterative, so any depth is safe to ask
    /// about; the shell asks before every walk that recurses once per level (repr, forward,
    /// parameters, train), the way Python's recursion limit stops those walks in PyTorch.
    public func nestingDepth(upTo limit: Int) -> Int? {
        if members.childNames.isEmpty { return 0 }  // most calls: a layer, no walk to make
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
        guard host != nil else { return }
        var parts: [Any] = [host as Any]
        host = nil
        Trashcan.dispose(&parts)
    }

    open func forward(_ input: Tensor) throws -> Tensor {
        throw TorchError("NotImplementedError", "Module [\(typeName)] is missing the required \"forward\" function")
    }

    /// Python attribute lookup: parameters, children, `training`; subclasses add their config.
    open func attribute(_ name: String) -> Attribute? {
        if name == "training" { return .bool(training) }
        if members.parameterTable[name] != nil { return parameter(name).map { .tensor($0) } ?? Attribute.none }
        return nil
    }
}

/// A module's registered parameters, buffers and children, each an ordered name list plus a table,
/// and its training flag.
final class ModuleMembers {
    var training = true
    var parameterNames: [String] = []
    var parameterTable: [String: Tensor?] = [:]
    var bufferNames: [String] = []
    var bufferTable: [String: Tensor?] = [:]
    var transientBuffers = Set<String>()
    var childNames: [String] = []
    var childTable: [String: Module?] = [:]

    func removeAll() {
        parameterNames = []; parameterTable = [:]
        bufferNames = []; bufferTable = [:]; transientBuffers = []
        childNames = []; childTable = [:]
    }

    /// Dropping the outer module of `m = nn.Sequential(m)` run 100 000 times frees 100 000 nested
    /// modules: free them iteratively (see `Trashcan`).
    deinit {
        guard !childTable.isEmpty else { return }
        var parts: [Any] = [childTable]
        childTable = [:]
        Trashcan.dispose(&parts)
    }
}

func pyBool(_ b: Bool) -> String { b ? "True" : "False" }
