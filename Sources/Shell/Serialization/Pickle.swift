import NN
import Torch

/// A module as pickle stores it: its class's module and qualified name, and its `__dict__`.
struct ModulePickle {
    let module: String
    let name: String
    let state: [(String, Value)]
}

/// Python's pickle, protocol 2, for what a PyTorch checkpoint holds: None, bools, ints, floats,
/// strings, tuples, lists, dicts, sets, `OrderedDict`, `torch.Size`, dtypes, tensors (as
/// `torch._utils._rebuild_tensor_v2` over a persistent storage id, PyTorch's own layout) and
/// whole modules (their class and `__dict__`, as `torch.save(model)` writes them).
struct PickleWriter {
    private(set) var bytes: [UInt8] = [0x80, 2]
    /// Storages in first-use order, with their record key ("0", "1", …).
    private(set) var storages: [(key: String, tensor: Tensor)] = []
    private var storageKeys: [ObjectIdentifier: String] = [:]
    private var depth = 0
    /// Modules and tensors already written, by memo index (BINPUT/BINGET, as pickle's memo): a
    /// module shared by two parents, or a tied weight, loads as one object.
    private var memo: [ObjectIdentifier: Int] = [:]
    private var memoCount = 0
    /// How a module pickles (its class and `__dict__`), from the interpreter; nil refuses modules.
    var describeModule: ((Module) throws -> ModulePickle)?

    mutating func write(_ v: Value) throws {
        depth += 1
        defer { depth -= 1 }
        if depth > 500 { throw PythonError("RecursionError", "maximum recursion depth exceeded while pickling an object") }
        switch v {
        case .none: bytes.append(UInt8(ascii: "N"))
        case .bool(let b): bytes.append(b ? 0x88 : 0x89)
        case .int(let i): writeInt(i)
        case .float(let d):
            bytes.append(UInt8(ascii: "G"))
            let bits = d.bitPattern
            for k in (0..<8).reversed() { bytes.append(UInt8((bits >> (8 * UInt64(k))) & 0xff)) }
        case .str(let s): writeString(s)
        case .tuple(let items): try writeTuple(items)
        case .list(let l):
            bytes.append(UInt8(ascii: "]"))
            if !l.items.isEmpty {
                bytes.append(UInt8(ascii: "("))
                for x in l.items { try write(x) }
                bytes.append(UInt8(ascii: "e"))
            }
        case .dict(let d):
            bytes.append(UInt8(ascii: "}"))
            try writeItems(d)
        case .object(let i as PyInstance) where i.type.isSubtype(of: .orderedDict):
            guard case .dict(let d)? = i.payload else { throw unpicklable(v) }
            writeGlobal("collections", "OrderedDict")
            bytes.append(UInt8(ascii: ")"))
            bytes.append(UInt8(ascii: "R"))
            try writeItems(d)
        case .size(let s):
            writeGlobal("torch", "Size")
            try writeTuple([.tuple(s.map { .int($0) })])
            bytes.append(UInt8(ascii: "R"))
        case .dtype(let d):
            writeGlobal("torch", String(d.description.dropFirst("torch.".count)))
        case .tensor(let t):
            if recall(ObjectIdentifier(t)) { return }
            try writeTensor(t)
            remember(ObjectIdentifier(t))
        case .set(let s):
            writeGlobal("__builtin__", "set")
            try write(.list(PyList(s.items)))
            bytes += [0x85, UInt8(ascii: "R")]
        case .module(let m):
            // copyreg.__newobj__ then BUILD with the __dict__, as object.__reduce_ex__(2) makes it.
            if recall(ObjectIdentifier(m)) { return }
            guard let describeModule else { throw unpicklable(v) }
            let d = try describeModule(m)
            writeGlobal(d.module, d.name)
            bytes += [UInt8(ascii: ")"), 0x81]
            remember(ObjectIdentifier(m))
            bytes.append(UInt8(ascii: "}"))
            if !d.state.isEmpty {
                bytes.append(UInt8(ascii: "("))
                for (k, x) in d.state { writeString(k); try write(x) }
                bytes.append(UInt8(ascii: "u"))
            }
            bytes.append(UInt8(ascii: "b"))
        default: throw unpicklable(v)
        }
    }

    private mutating func remember(_ id: ObjectIdentifier) {
        memo[id] = memoCount
        if memoCount < 256 { bytes += [UInt8(ascii: "q"), UInt8(memoCount)] } else {
            bytes.append(UInt8(ascii: "r"))
            for k in 0..<4 { bytes.append(UInt8((UInt32(memoCount) >> (8 * UInt32(k))) & 0xff)) }
        }
        memoCount += 1
    }

    private mutating func recall(_ id: ObjectIdentifier) -> Bool {
        guard let k = memo[id] else { return false }
        if k < 256 { bytes += [UInt8(ascii: "h"), UInt8(k)] } else {
            bytes.append(UInt8(ascii: "j"))
            for i in 0..<4 { bytes.append(UInt8((UInt32(k) >> (8 * UInt32(i))) & 0xff)) }
        }
        return true
    }

    private func unpicklable(_ v: Value) -> PythonError {
        PythonError.type("cannot pickle '\(v.typeName)' object")
    }

    private mutating func writeInt(_ i: Int) {
        if i >= 0 && i < 256 { bytes += [UInt8(ascii: "K"), UInt8(i)]; return }
        if i >= 0 && i < 65536 { bytes += [UInt8(ascii: "M"), UInt8(i & 0xff), UInt8(i >> 8)]; return }
        if i >= Int(Int32.min) && i <= Int(Int32.max) {
            let u = UInt32(bitPattern: Int32(i))
            bytes.append(UInt8(ascii: "J"))
            for k in 0..<4 { bytes.append(UInt8((u >> (8 * UInt32(k))) & 0xff)) }
            return
        }
        // LONG1: the shortest little-endian two's complement.
        var out = [UInt8](), v = i
        repeat {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        } while !(v == 0 && out.last! & 0x80 == 0) && !(v == -1 && out.last! & 0x80 != 0)
        bytes += [0x8a, UInt8(out.count)] + out
    }

    private mutating func writeString(_ s: String) {
        let u = Array(s.utf8)
        bytes.append(UInt8(ascii: "X"))
        for k in 0..<4 { bytes.append(UInt8((UInt32(u.count) >> (8 * UInt32(k))) & 0xff)) }
        bytes += u
    }

    private mutating func writeTuple(_ items: [Value]) throws {
        switch items.count {
        case 0: bytes.append(UInt8(ascii: ")"))
        case 1...3:
            for x in items { try write(x) }
            bytes.append([0x85, 0x86, 0x87][items.count - 1])
        default:
            bytes.append(UInt8(ascii: "("))
            for x in items { try write(x) }
            bytes.append(UInt8(ascii: "t"))
        }
    }

    private mutating func writeItems(_ d: PyDict) throws {
        guard !d.keys.isEmpty else { return }
        bytes.append(UInt8(ascii: "("))
        for (k, v) in zip(d.keys, d.values) { try write(k); try write(v) }
        bytes.append(UInt8(ascii: "u"))
    }

    private mutating func writeGlobal(_ module: String, _ name: String) {
        bytes.append(UInt8(ascii: "c"))
        bytes += Array("\(module)\n\(name)\n".utf8)
    }

    private mutating func writeTensor(_ t: Tensor) throws {
        if t.isParameter {
            writeGlobal("torch._utils", "_rebuild_parameter")
            bytes.append(UInt8(ascii: "("))
            try writePlainTensor(t, requiresGrad: false)
            bytes.append(t.requiresGrad ? 0x88 : 0x89)
            writeGlobal("collections", "OrderedDict")
            bytes += [UInt8(ascii: ")"), UInt8(ascii: "R"), UInt8(ascii: "t"), UInt8(ascii: "R")]
            return
        }
        try writePlainTensor(t, requiresGrad: t.requiresGrad)
    }

    private mutating func writePlainTensor(_ t: Tensor, requiresGrad: Bool) throws {
        let id = ObjectIdentifier(t.storage)
        let key: String
        if let k = storageKeys[id] { key = k } else {
            key = String(storages.count)
            storageKeys[id] = key
            storages.append((key, t))
        }
        writeGlobal("torch._utils", "_rebuild_tensor_v2")
        bytes.append(UInt8(ascii: "("))
        // The persistent id: ('storage', torch.FloatStorage, key, 'cpu', numel of the storage).
        bytes.append(UInt8(ascii: "("))
        writeString("storage")
        writeGlobal("torch", PickleWriter.storageName(t.dtype))
        writeString(key)
        writeString("cpu")
        writeInt(t.storage.count)
        bytes.append(UInt8(ascii: "t"))
        bytes.append(UInt8(ascii: "Q"))
        writeInt(t.offset)
        try writeTuple(t.shape.map { .int($0) })
        try writeTuple(t.strides.map { .int($0) })
        bytes.append(requiresGrad ? 0x88 : 0x89)
        writeGlobal("collections", "OrderedDict")
        bytes += [UInt8(ascii: ")"), UInt8(ascii: "R"), UInt8(ascii: "t"), UInt8(ascii: "R")]
    }

    mutating func finish() { bytes.append(UInt8(ascii: ".")) }

    static func storageName(_ d: DType) -> String {
        switch d {
        case .float32: return "FloatStorage"
        case .float64: return "DoubleStorage"
        case .int64: return "LongStorage"
        case .int32: return "IntStorage"
        case .uint8: return "ByteStorage"
        case .bool: return "BoolStorage"
        }
    }

    static func dtype(forStorage name: String) -> DType? {
        [DType.float32, .float64, .int64, .int32, .uint8, .bool].first { storageName($0) == name }
    }
}

/// A restricted unpickler, as `torch.load(weights_only=True)`'s: only the globals a checkpoint of
/// tensors and containers needs can be named; anything else is refused with PyTorch's error kind.
struct PickleReader {
    private let bytes: [UInt8]
    private var p = 0
    private var stack: [Item] = []
    private var marks: [Int] = []
    private var memo: [Int: Item] = [:]
    /// Loads a storage's bytes by record key.
    let storage: (String, DType) throws -> Storage
    /// `torch.load(weights_only=False)`: any global, resolved, instantiated and built by the
    /// interpreter (nil: the weights-only unpickler).
    var objects: PickleObjects?

    /// A stack item: a finished value, or a global that REDUCE may call.
    enum Item {
        case value(Value)
        case global(String, String)
    }

    init(_ bytes: [UInt8], storage: @escaping (String, DType) throws -> Storage) {
        self.bytes = bytes
        self.storage = storage
    }

    static func failure(_ what: String) -> PythonError {
        PythonError("UnpicklingError", "Weights only load failed. nnsh loads checkpoints of tensors and containers of them; \(what)")
    }

    private mutating func byte() throws -> UInt8 {
        guard p < bytes.count else { throw PickleReader.failure("the pickle data ends early") }
        p += 1
        return bytes[p - 1]
    }

    private mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        // `n` comes from the file (up to 2^64 - 1): compared without overflowing.
        guard n >= 0, n <= bytes.count - p else { throw PickleReader.failure("the pickle data ends early") }
        p += n
        return bytes[(p - n)..<p]
    }

    private mutating func uint(_ n: Int) throws -> Int {
        try take(n).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    }

    private mutating func line() throws -> String {
        guard let end = bytes[p...].firstIndex(of: 0x0a) else { throw PickleReader.failure("a GLOBAL has no end of line") }
        let s = String(decoding: bytes[p..<end], as: UTF8.self)
        p = end + 1
        return s
    }

    private mutating func pop() throws -> Item {
        guard let top = stack.popLast() else { throw PickleReader.failure("the pickle stack underflows") }
        if let m = marks.last, stack.count < m { throw PickleReader.failure("the pickle stack underflows past a mark") }
        return top
    }

    private mutating func popMark() throws -> [Item] {
        guard let m = marks.popLast(), m <= stack.count else { throw PickleReader.failure("a MARK is missing") }
        let items = Array(stack[m...])
        stack.removeSubrange(m...)
        return items
    }

    private func value(_ item: Item) throws -> Value {
        switch item {
        case .value(let v): return v
        case .global(let m, let n): throw PickleReader.failure("Unsupported global: GLOBAL \(m).\(n) used as a value")
        }
    }

    mutating func load() throws -> Value {
        while true {
            let op = try byte()
            switch op {
            case 0x80: _ = try byte()                                           // PROTO
            case 0x95: _ = try take(8)                                          // FRAME
            case UInt8(ascii: "."):                                             // STOP
                guard let top = stack.last else { throw PickleReader.failure("the pickle is empty") }
                return try value(top)
            case UInt8(ascii: "("): marks.append(stack.count)                   // MARK
            case UInt8(ascii: "0"): _ = try pop()                               // POP
            case UInt8(ascii: "1"): _ = try popMark()                           // POP_MARK
            case UInt8(ascii: "2"):                                             // DUP
                guard let top = stack.last else { throw PickleReader.failure("the pickle stack underflows") }
                stack.append(top)
            case UInt8(ascii: "N"): stack.append(.value(.none))
            case 0x88: stack.append(.value(.bool(true)))
            case 0x89: stack.append(.value(.bool(false)))
            case UInt8(ascii: "K"): stack.append(.value(.int(Int(try byte()))))
            case UInt8(ascii: "M"): stack.append(.value(.int(try uint(2))))
            case UInt8(ascii: "J"): stack.append(.value(.int(Int(Int32(truncatingIfNeeded: try uint(4))))))
            case 0x8a, 0x8b:                                                    // LONG1, LONG4
                let n = op == 0x8a ? Int(try byte()) : try uint(4)
                guard n <= 8 else { throw PythonError.overflow("nnsh integers are 64-bit; the checkpoint holds a \(n)-byte integer") }
                let raw = try take(n)
                var v = 0
                for (k, b) in raw.enumerated() { v |= Int(b) << (8 * k) }
                if n > 0 && n < 8 && raw.last! & 0x80 != 0 { v -= 1 << (8 * n) }
                stack.append(.value(.int(v)))
            case UInt8(ascii: "G"):
                let raw = try take(8)
                stack.append(.value(.float(Double(bitPattern: raw.reduce(0) { $0 << 8 | UInt64($1) }))))
            case UInt8(ascii: "X"), 0x8c, 0x8d:                                 // BINUNICODE, SHORT_, 8
                let n = op == 0x8c ? Int(try byte()) : try uint(op == 0x8d ? 8 : 4)
                stack.append(.value(.str(String(decoding: try take(n), as: UTF8.self))))
            case UInt8(ascii: "U"), UInt8(ascii: "T"):                         // SHORT_BINSTRING, BINSTRING
                let n = op == UInt8(ascii: "U") ? Int(try byte()) : try uint(4)
                stack.append(.value(.str(String(decoding: try take(n), as: UTF8.self))))
            case UInt8(ascii: ")"): stack.append(.value(.tuple([])))
            case UInt8(ascii: "t"): stack.append(.value(.tuple(try popMark().map(value))))
            case 0x85, 0x86, 0x87:
                let n = Int(op - 0x84)
                var items = [Value]()
                for _ in 0..<n { items.insert(try value(try pop()), at: 0) }
                stack.append(.value(.tuple(items)))
            case UInt8(ascii: "]"): stack.append(.value(.list(PyList([]))))
            case UInt8(ascii: "l"): stack.append(.value(.list(PyList(try popMark().map(value)))))
            case UInt8(ascii: "a"), UInt8(ascii: "e"):                         // APPEND, APPENDS
                let items = op == UInt8(ascii: "a") ? [try value(try pop())] : try popMark().map(value)
                guard case .value(.list(let l))? = stack.last else { throw PickleReader.failure("APPEND to a non-list") }
                l.items += items
            case UInt8(ascii: "}"): stack.append(.value(.dict(PyDict())))
            case UInt8(ascii: "d"):
                let items = try popMark().map(value)
                let d = PyDict()
                try setItems(d, items)
                stack.append(.value(.dict(d)))
            case UInt8(ascii: "s"), UInt8(ascii: "u"):                         // SETITEM, SETITEMS
                var items = [Value]()
                if op == UInt8(ascii: "s") {
                    let v = try value(try pop()), k = try value(try pop())
                    items = [k, v]
                } else {
                    items = try popMark().map(value)
                }
                guard let top = stack.last else { throw PickleReader.failure("SETITEM on an empty stack") }
                switch top {
                case .value(.dict(let d)): try setItems(d, items)
                case .value(.object(let i as PyInstance)):
                    guard case .dict(let d)? = i.payload else { fallthrough }
                    try setItems(d, items)
                default: throw PickleReader.failure("SETITEM on a non-dict")
                }
            case UInt8(ascii: "c"):                                             // GLOBAL
                let module = try line(), name = try line()
                stack.append(try global(module, name))
            case 0x93:                                                          // STACK_GLOBAL
                guard case .str(let name) = try value(try pop()), case .str(let module) = try value(try pop()) else {
                    throw PickleReader.failure("STACK_GLOBAL needs two strings")
                }
                stack.append(try global(module, name))
            case UInt8(ascii: "R"), 0x81:                                       // REDUCE, NEWOBJ
                guard case .tuple(let args) = try value(try pop()) else { throw PickleReader.failure("REDUCE needs an argument tuple") }
                let callee = try pop()
                if case .value(let cls) = callee, let objects {
                    stack.append(.value(op == 0x81 ? try objects.instantiate(cls, args) : try objects.call(cls, args)))
                    continue
                }
                stack.append(try reduce(callee, args))
            case UInt8(ascii: "b"):                                             // BUILD
                let state = try value(try pop())
                if let objects, case .value(let object)? = stack.last, let built = try objects.build(object, state) {
                    // A layer is made when its state arrives: the placeholder NEWOBJ left is replaced.
                    stack[stack.count - 1] = .value(built)
                    for (k, item) in memo { if case .value(.object(let o)) = item, case .object(let placeholder) = object, o === placeholder { memo[k] = .value(built) } }
                    continue
                }
                // OrderedDict's instance state (`_metadata` of a state dict): kept as an attribute.
                if case .value(.object(let i as PyInstance))? = stack.last, case .dict(let d) = state {
                    for (k, v) in zip(d.keys, d.values) { i.attributes.set(k, v) }
                }
            case UInt8(ascii: "Q"):                                             // BINPERSID
                guard case .tuple(let pid) = try value(try pop()), pid.count == 5, case .str("storage") = pid[0],
                      case .str(let key) = pid[2] else {
                    throw PickleReader.failure("an unknown persistent id")
                }
                guard case .object(let t as PickleGlobalType) = pid[1], let dtype = PickleWriter.dtype(forStorage: t.name) else {
                    throw PickleReader.failure("a storage of an unsupported type")
                }
                stack.append(.value(.object(StorageRef(try storage(key, dtype)))))
            case UInt8(ascii: "q"): memo[Int(try byte())] = stack.last          // BINPUT
            case UInt8(ascii: "r"): memo[try uint(4)] = stack.last              // LONG_BINPUT
            case 0x94: memo[memo.count] = stack.last                            // MEMOIZE
            case UInt8(ascii: "h"), UInt8(ascii: "j"):                         // BINGET, LONG_BINGET
                let k = op == UInt8(ascii: "h") ? Int(try byte()) : try uint(4)
                guard let item = memo[k] else { throw PickleReader.failure("a memo entry is missing") }
                stack.append(item)
            case 0x8f: stack.append(.value(.set(PySet())))                      // EMPTY_SET
            case 0x90:                                                          // ADDITEMS
                let items = try popMark().map(value)
                guard case .value(.set(let s))? = stack.last else { throw PickleReader.failure("ADDITEMS to a non-set") }
                for x in items { s.insert(x) }
            default:
                throw PickleReader.failure("pickle opcode 0x\(String(op, radix: 16)) is not supported")
            }
        }
    }

    private func setItems(_ d: PyDict, _ items: [Value]) throws {
        guard items.count % 2 == 0 else { throw PickleReader.failure("SETITEMS with an odd count") }
        for k in stride(from: 0, to: items.count, by: 2) { d.set(items[k], items[k + 1]) }
    }

    /// The globals `weights_only=True` allows for these checkpoints.
    private func global(_ module: String, _ name: String) throws -> Item {
        switch (module, name) {
        case ("collections", "OrderedDict"), ("torch._utils", "_rebuild_tensor_v2"), ("torch._utils", "_rebuild_parameter"),
             ("torch", "Size"), ("builtins", "set"), ("builtins", "frozenset"):
            return .global(module, name)
        case ("torch", let n) where PickleWriter.dtype(forStorage: n) != nil:
            return .value(.object(PickleGlobalType(n)))
        case ("torch", let n) where DType.named(n) != nil:
            return .value(.dtype(DType.named(n) ?? .float32))
        case ("__builtin__", "set"):
            return .global("builtins", "set")
        default:
            if let objects { return .value(try objects.resolve(module, name)) }
            throw PickleReader.failure("Unsupported global: GLOBAL \(module).\(name) was not an allowed global by default. Please use `torch.serialization.add_safe_globals([\(module).\(name)])` or the `torch.serialization.safe_globals([\(module).\(name)])` context manager to allowlist this global if you trust this class/function.\n\nCheck the documentation of torch.load to learn more about types accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html.")
        }
    }

    private func reduce(_ callee: Item, _ args: [Value]) throws -> Item {
        guard case .global(let module, let name) = callee else { throw PickleReader.failure("REDUCE of a non-callable") }
        switch (module, name) {
        case ("collections", "OrderedDict"):
            let od = PyInstance(type: .orderedDict)
            od.payload = .dict(PyDict())
            return .value(.object(od))
        case ("torch._utils", "_rebuild_tensor_v2"):
            guard args.count >= 5, case .object(let ref as StorageRef) = args[0], case .int(let offset) = args[1],
                  case .tuple(let size) = args[2], case .tuple(let stride) = args[3], case .bool(let rg) = args[4] else {
                throw PickleReader.failure("_rebuild_tensor_v2 needs (storage, offset, size, stride, requires_grad, hooks)")
            }
            func ints(_ items: [Value]) throws -> [Int] {
                try items.map { v in
                    guard case .int(let i) = v else { throw PickleReader.failure("a tensor's size or stride holds non-integers") }
                    return i
                }
            }
            let t = try Tensor.view(of: ref.storage, shape: try ints(size), strides: try ints(stride), offset: offset)
            if rg { try t.setRequiresGrad(true) }
            return .value(.tensor(t))
        case ("torch._utils", "_rebuild_parameter"):
            guard args.count >= 2, case .tensor(let t) = args[0], case .bool(let rg) = args[1] else {
                throw PickleReader.failure("_rebuild_parameter needs (tensor, requires_grad, hooks)")
            }
            t.isParameter = true
            try t.setRequiresGrad(rg)
            return .value(.tensor(t))
        case ("builtins", "set"), ("builtins", "frozenset"):
            guard args.count <= 1 else { throw PickleReader.failure("set takes one list") }
            guard let first = args.first else { return .value(.set(PySet())) }
            guard case .list(let l) = first else { throw PickleReader.failure("set takes one list") }
            return .value(.set(PySet(l.items)))
        case ("torch", "Size"):
            guard args.count == 1, case .tuple(let items) = args[0] else { throw PickleReader.failure("torch.Size needs one tuple") }
            return .value(.size(try items.map { v -> Int in
                guard case .int(let i) = v else { throw PickleReader.failure("torch.Size holds non-integers") }
                return i
            }))
        default:
            throw PickleReader.failure("Unsupported global: GLOBAL \(module).\(name)")
        }
    }
}

/// What `torch.load(weights_only=False)` needs of the interpreter: globals by name, `NEWOBJ`,
/// `REDUCE` of a resolved callable, and `BUILD` (which may replace a placeholder object).
protocol PickleObjects {
    func resolve(_ module: String, _ name: String) throws -> Value
    func instantiate(_ cls: Value, _ args: [Value]) throws -> Value
    func call(_ callee: Value, _ args: [Value]) throws -> Value
    /// nil: the state was applied to `object` itself.
    func build(_ object: Value, _ state: Value) throws -> Value?
}

/// A storage read from the archive, until `_rebuild_tensor_v2` puts a tensor over it.
final class StorageRef: PyObject {
    let storage: Storage
    init(_ storage: Storage) { self.storage = storage }
    override var typeName: String { "TypedStorage" }
}

/// A storage class named in a persistent id (`torch.FloatStorage`).
final class PickleGlobalType: PyObject {
    let name: String
    init(_ name: String) { self.name = name }
    override var typeName: String { "type" }
    override func repr() -> String { "<class 'torch.\(name)'>" }
}
