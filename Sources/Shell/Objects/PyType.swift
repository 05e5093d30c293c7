import Torch

/// A type object: what `type(x)` returns, for builtin and user classes alike (docs/object-model.md).
/// Builtin types are singletons, so `type(1) is int` and `isinstance` are identity and MRO walks.
public final class PyType: PyObject {
    public let name: String
    public var qualname: String
    public var module: String
    public let bases: [PyType]
    /// `__mro__`: this type first, then C3's linearisation of the bases.
    public private(set) var mro: [PyType] = []
    /// The class namespace in definition order (Python functions, descriptors, attributes, Swift methods).
    public let dict: PyDict = {
        let d = PyDict()
        d.isTypeDict = true
        return d
    }()
    /// True for `BaseException` and every class below it.
    public private(set) var isException = false
    /// The builtin base whose value a subclass instance carries (`list` for `class L(list)`), if any.
    public private(set) var payloadBase: PyType?
    /// Set for user classes: the interpreter that runs their methods (repr/eq inside containers).
    weak var interpreter: Interpreter?
    /// Direct subclasses still alive (`__subclasses__()`). Not weak references: a weak reference
    /// gives the object a side table, and then every retain and release of it (each MRO walk, each
    /// attribute lookup) takes the runtime's slow path. A subclass removes itself when it goes.
    private var subclassRefs: [Unmanaged<PyType>] = []
    var subclasses: [PyType] { subclassRefs.map { $0.takeUnretainedValue() } }
    /// Functions whose `ownerClass` is this class; it clears them when it goes (same reason).
    private var ownedFunctions: [ObjectIdentifier: Unmanaged<UserFunction>] = [:]

    func own(_ f: UserFunction) {
        f.ownerClass = self
        ownedFunctions[ObjectIdentifier(f)] = Unmanaged.passUnretained(f)
    }

    func disown(_ f: UserFunction) { ownedFunctions[ObjectIdentifier(f)] = nil }

    deinit {
        // Inline caches know classes by identity: one going away must not be mistaken for a new
        // class at the same address.
        PyType.namespacesChanged()
        CycleCollector.untrack(self)
        let me = Unmanaged.passUnretained(self).toOpaque()
        for b in bases { b.subclassRefs.removeAll { $0.toOpaque() == me } }
        for f in ownedFunctions.values { f.takeUnretainedValue().ownerClass = nil }
    }
    /// A user-defined class (instances are `PyInstance`s) rather than a builtin one.
    public let isUserClass: Bool
    /// `type(cls)` when it is not `type` itself: the metaclass the class was made by (`EnumType`).
    public var metaclass: PyType?
    /// This class is a metaclass (`type` is in its MRO): its instances are classes.
    var isMetaclass: Bool { isSubtype(of: .type) }

    init(name: String, qualname: String? = nil, module: String = "builtins", bases: [PyType], isUserClass: Bool = false) throws {
        self.name = name
        self.qualname = qualname ?? name
        self.module = module
        self.bases = bases
        self.isUserClass = isUserClass
        super.init()
        mro = [self] + (try PyType.linearize(bases))
        for b in bases { b.subclassRefs.append(Unmanaged.passUnretained(self)) }
        isException = mro.contains { $0 === PyType.baseExceptionIfBuilt }
        payloadBase = mro.dropFirst().first { PyType.payloadTypes.contains(ObjectIdentifier($0)) }
        CycleCollector.track(self)
    }

    // Every class is in a cycle with itself (its `__mro__` starts with it).
    override func traverseReferences(_ visitor: inout CycleVisitor) {
        visitor.visit(dict)
        visitor.visitOwned(&mro) { .object($0) }
        for b in bases { visitor.visit(b) }
        visitor.visit(payloadBase)
        visitor.visit(metaclass)
    }
    override func clearReferences() { mro = [] }

    /// A builtin type (its bases are consistent by construction).
    static func builtin(_ name: String, module: String = "builtins", bases: [PyType]? = nil) -> PyType {
        // Only `object` itself has no base; the bases of builtin types always linearise.
        try! PyType(name: name, module: module, bases: bases ?? (objectIfBuilt.map { [$0] } ?? []))
    }

    /// C3 linearisation (CPython's `mro_implementation`): merge the bases' MROs and the list of bases.
    static func linearize(_ bases: [PyType]) throws -> [PyType] {
        // Single inheritance: the base's MRO as it is (a 2000-deep chain stays linear, not quadratic per class).
        if bases.count == 1 { return bases[0].mro }
        var sequences = bases.map(\.mro) + [bases]
        var result = [PyType]()
        while true {
            sequences.removeAll { $0.isEmpty }
            if sequences.isEmpty { return result }
            guard let head = sequences.lazy.map({ $0[0] }).first(where: { candidate in
                !sequences.contains { seq in seq.dropFirst().contains { $0 === candidate } }
            }) else {
                var seen = [String]()
                for s in sequences where !seen.contains(s[0].name) { seen.append(s[0].name) }
                throw PythonError.type("Cannot create a consistent method resolution\norder (MRO) for bases \(seen.joined(separator: ", "))")
            }
            result.append(head)
            for i in sequences.indices where sequences[i].first === head { sequences[i].removeFirst() }
        }
    }

    /// `issubclass(self, other)`.
    public func isSubtype(of other: PyType) -> Bool { mro.contains { $0 === other } }

    /// The first definition of `name` along the MRO.
    func lookup(_ name: String) -> Value? { lookup(Name(name)) }

    /// CPython's type attribute cache, simplified: where along the MRO each name was found (or that
    /// it was not), valid while no class namespace anywhere has changed. It keeps positions, not
    /// values, so it holds no references the cycle collector would have to know of.
    private var lookupCache: [Name: (depth: Int32, slot: Int32)] = [:]
    private var lookupEpoch = -1
    nonisolated(unsafe) private static var epoch = 0
    /// A class namespace changed (a method added, `C.count += 1`): every cache is stale. Rare after
    /// class creation, so one global counter is enough.
    static func namespacesChanged() { epoch &+= 1 }

    static var currentEpoch: Int { epoch }

    func lookup(_ name: Name) -> Value? {
        let (depth, slot) = lookupPosition(name)
        guard depth >= 0, Int(depth) < mro.count else { return nil }
        return mro[Int(depth)].dict.value(atSlot: Int(slot))
    }

    /// Where along the MRO `name` is defined: (index in the MRO, slot in that class's dict), or
    /// depth -1 when nowhere.
    func lookupPosition(_ name: Name) -> (depth: Int32, slot: Int32) {
        if lookupEpoch != PyType.epoch {
            lookupCache.removeAll(keepingCapacity: true)
            lookupEpoch = PyType.epoch
        }
        if let hit = lookupCache[name] { return hit }
        var found: (depth: Int32, slot: Int32) = (-1, 0)
        let key = Value.str(name.string)
        for (depth, t) in mro.enumerated() {
            if let slot = t.dict.slot(of: key, hash: name.hash), let s32 = Int32(exactly: slot) {
                found = (Int32(depth), s32)
                break
            }
        }
        if lookupCache.count < 4096 { lookupCache[name] = found }
        return found
    }

    /// `<class 'int'>`, `<class '__main__.Net'>`.
    var qualified: String { module == "builtins" ? qualname : "\(module).\(qualname)" }
    override public var typeName: String { "type" }
    override public func repr() -> String {
        // A metaclass's own __repr__ (`<enum 'Color'>`), in containers too.
        if metaclass != nil, let interp = metaclass?.interpreter ?? interpreter,
           let r = try? interp.metaclassSpecial(.object(self), "__repr__"), case .str(let s) = r {
            return s
        }
        return "<class '\(qualified)'>"
    }

    // MARK: the builtin types

    nonisolated(unsafe) private static var objectIfBuilt: PyType?
    nonisolated(unsafe) private static var baseExceptionIfBuilt: PyType?
    nonisolated(unsafe) private static var payloadTypes = Set<ObjectIdentifier>()

    nonisolated(unsafe) public static let object: PyType = {
        let t = try! PyType(name: "object", bases: [])
        objectIfBuilt = t
        return t
    }()
    nonisolated(unsafe) public static let type = builtin("type", bases: [object])
    nonisolated(unsafe) public static let int = payload(builtin("int", bases: [object]))
    nonisolated(unsafe) public static let bool = builtin("bool", bases: [int])
    nonisolated(unsafe) public static let float = payload(builtin("float", bases: [object]))
    nonisolated(unsafe) public static let str = payload(builtin("str", bases: [object]))
    nonisolated(unsafe) public static let bytes = builtin("bytes", bases: [object])
    nonisolated(unsafe) public static let bytearray = builtin("bytearray", bases: [object])
    nonisolated(unsafe) public static let list = payload(builtin("list", bases: [object]))
    nonisolated(unsafe) public static let tuple = payload(builtin("tuple", bases: [object]))
    nonisolated(unsafe) public static let dict = payload(builtin("dict", bases: [object]))
    nonisolated(unsafe) public static let set = payload(builtin("set", bases: [object]))
    nonisolated(unsafe) public static let noneType = builtin("NoneType", bases: [object])
    nonisolated(unsafe) public static let range = builtin("range", bases: [object])
    nonisolated(unsafe) public static let slice = builtin("slice", bases: [object])
    nonisolated(unsafe) public static let ellipsis = builtin("ellipsis", bases: [object])
    nonisolated(unsafe) public static let function = builtin("function", bases: [object])
    nonisolated(unsafe) public static let builtinFunction = builtin("builtin_function_or_method", bases: [object])
    nonisolated(unsafe) public static let method = builtin("method", bases: [object])
    nonisolated(unsafe) public static let moduleType = builtin("module", bases: [object])
    nonisolated(unsafe) public static let tensor = builtin("Tensor", module: "torch", bases: [object])
    nonisolated(unsafe) public static let parameter = builtin("Parameter", module: "torch.nn.parameter", bases: [tensor])
    nonisolated(unsafe) public static let size = builtin("Size", module: "torch", bases: [tuple])
    nonisolated(unsafe) public static let dtype = builtin("dtype", module: "torch", bases: [object])
    nonisolated(unsafe) public static let nnModule = builtin("Module", module: "torch.nn.modules.module", bases: [object])
    nonisolated(unsafe) public static let orderedDict = builtin("OrderedDict", module: "collections", bases: [dict])
    nonisolated(unsafe) static let textIOWrapper = builtin("TextIOWrapper", module: "_io")
    nonisolated(unsafe) public static let staticMethod = builtin("staticmethod", bases: [object])
    nonisolated(unsafe) public static let classMethod = builtin("classmethod", bases: [object])
    nonisolated(unsafe) public static let property = builtin("property", bases: [object])
    nonisolated(unsafe) public static let superType = builtin("super", bases: [object])
    nonisolated(unsafe) public static let notImplementedType = builtin("NotImplementedType", bases: [object])
    nonisolated(unsafe) public static let baseException: PyType = {
        let t = payload(builtin("BaseException", bases: [object]))
        baseExceptionIfBuilt = t
        t.isException = true
        return t
    }()

    private static func payload(_ t: PyType) -> PyType {
        payloadTypes.insert(ObjectIdentifier(t))
        return t
    }

    /// One type per layer class (`Conv2d` in `torch.nn.modules.conv`), made on first use.
    nonisolated(unsafe) private static var layerTypes = [String: PyType]()
    static func layer(_ name: String, file: String) -> PyType {
        if let t = layerTypes[name] { return t }
        let t = builtin(name, module: "torch.nn.modules.\(file)", bases: [nnModule])
        layerTypes[name] = t
        return t
    }

    /// Other named builtin types (`Generator`, PIL's `Image`, transforms), one per name.
    nonisolated(unsafe) private static var otherTypes = [String: PyType]()
    static func named(_ name: String) -> PyType {
        if let t = otherTypes[name] { return t }
        let t = builtin(name, bases: [object])
        otherTypes[name] = t
        return t
    }
}

/// `NotImplemented`: what a binary special method returns to let the other operand try.
final class NotImplementedObject: PyObject {
    static let shared = NotImplementedObject()
    override var typeName: String { "NotImplementedType" }
    override func repr() -> String { "NotImplemented" }
}

/// A Swift-written object that knows its Python type (optimizers, …), so `type(x)` and
/// `isinstance` see its class and bases.
protocol TypedObject: AnyObject {
    var pyType: PyType { get }
}

/// The type object of any value.
func typeOf(_ v: Value) -> PyType {
    switch v {
    case .none: return .noneType
    case .bool: return .bool
    case .int: return .int
    case .float: return .float
    case .str: return .str
    case .tuple: return .tuple
    case .list: return .list
    case .dict: return .dict
    case .set: return .set
    case .tensor(let t): return t.isParameter ? .parameter : .tensor
    case .size: return .size
    case .dtype: return .dtype
    case .slice: return .slice
    case .ellipsis: return .ellipsis
    case .range: return .range
    case .module(let m):
        if let p = m as? PythonModule { return p.type }
        if m.typeName == "Module" { return .nnModule }
        return .layer(m.typeName, file: moduleFileName(m.typeName))
    case .namespace: return .moduleType
    case .builtin: return .builtinFunction
    case .function: return .function
    case .object(let o):
        if let i = o as? PyInstance { return i.type }
        if let t = o as? PyType { return t.metaclass ?? .type }
        if o is BoundMethod { return .method }
        if o is NotImplementedObject { return .notImplementedType }
        if o is StaticMethod { return .staticMethod }
        if o is ClassMethod { return .classMethod }
        if o is PropertyObject { return .property }
        if o is SuperObject { return .superType }
        if let t = o as? TypedObject { return t.pyType }
        return .named(o.typeName)
    }
}
