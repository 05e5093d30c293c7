/// Where the evaluator meets the method registry (`Objects/NativeMethod.swift`): which values and
/// types have a table, `obj.name` and `Type.name` through it, and the `bytes`/`bytearray`/`ascii`
/// builtins.
extension Interpreter {
    /// The registry table answering attribute lookups on `v`, if its type has one.
    func nativeTable(of v: Value) -> NativeMethodTable? {
        switch v {
        case .str: return StrMethods.table
        case .int, .bool: return IntMethods.table
        case .object(let b as PyBytes): return b.methods
        case .object(is BigIntObject): return IntMethods.table
        case .object(is BinaryFile): return BinaryFile.methods
        case .object(is PatternObject): return RegexMethods.pattern
        case .object(is MatchObject): return RegexMethods.match
        default: return nil
        }
    }

    func nativeTable(of t: PyType) -> NativeMethodTable? {
        if t === PyType.str { return StrMethods.table }
        if t === PyType.int || t === PyType.bool { return IntMethods.table }
        if t === PyType.bytes { return BytesMethods.bytes }
        if t === PyType.bytearray { return BytesMethods.bytearray }
        if t === PatternObject.type { return RegexMethods.pattern }
        if t === MatchObject.type { return RegexMethods.match }
        return nil
    }

    /// `obj.name` reaches the registry's method (no data attribute of the object shadows it), so a
    /// call may skip the bound method.
    func registryMethodIsDirect(_ obj: Value, _ name: String) -> Bool {
        switch obj {
        case .str, .int, .bool: return true
        case .object(let o): return (try? o.attribute(name)) == nil
        default: return false
        }
    }

    /// `obj.name` for a registry method: bound to `obj` (a class method to its type).
    func nativeAttribute(_ obj: Value, _ name: String) -> Value? {
        guard let table = nativeTable(of: obj), let m = table[name] else { return nil }
        switch m.binding {
        case .instance: return m.bound(to: obj, owner: table.owner, self)
        case .classMethod: return m.bound(to: .object(typeOf(obj)), owner: table.owner, self)
        case .staticMethod: return m.bound(to: .none, owner: table.owner, self)
        }
    }

    /// `bytes.decode`, `bytes.fromhex`, `str.maketrans`: a method reached through its type.
    func nativeTypeAttribute(_ t: PyType, _ name: String) -> Value? {
        guard let table = nativeTable(of: t), let m = table[name] else { return nil }
        switch m.binding {
        case .classMethod: return m.bound(to: .object(t), owner: table.owner, self)
        case .staticMethod: return m.bound(to: .none, owner: table.owner, self)
        case .instance:
            // The unbound method: the receiver comes first and must be an instance.
            let b = Builtin(name, receiver: nil) { [unowned self] args in
                guard var receiver = args.positional.first else {
                    throw PythonError.type("unbound method \(t.name).\(name)() needs an argument")
                }
                if case .object(let i as PyInstance) = receiver, let p = i.payload { receiver = p }
                guard typeOf(receiver).isSubtype(of: t) else {
                    throw PythonError.type("descriptor '\(name)' for '\(t.name)' objects doesn't apply to a '\(receiver.typeName)' object")
                }
                return try m.call(self, receiver: receiver, owner: table.owner, Arguments(Array(args.positional.dropFirst()), args.keywords))
            }
            b.native = m
            return .builtin(b)
        }
    }

    func makeBytesBuiltins() -> [String: Value] {
        [
            "bytes": .builtin(Builtin("bytes") { [unowned self] args in
                .object(PyBytes(try BytesConstruction.construct(args, kind: "bytes", self), mutable: false))
            }),
            "bytearray": .builtin(Builtin("bytearray") { [unowned self] args in
                .object(PyBytes(try BytesConstruction.construct(args, kind: "bytearray", self), mutable: true))
            }),
            "ascii": .builtin(Builtin("ascii") { [unowned self] args in
                guard args.keywords.isEmpty else { throw PythonError.type("ascii() takes no keyword arguments") }
                guard args.positional.count == 1 else {
                    throw PythonError.type("ascii() takes exactly one argument (\(args.positional.count) given)")
                }
                return .str(asciiEscaped(try self.reprString(args.positional[0])))
            }),
        ]
    }
}

/// `ascii(x)`: the repr with every non-ASCII code point escaped.
func asciiEscaped(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u.isASCII { out.unicodeScalars.append(u) } else { out += Codec.escaped(u) }
    }
    return out
}

/// `bytes(...)` and `bytearray(...)`: CPython's `bytes_new` / `bytearray___init__`.
enum BytesConstruction {
    static let signature = Signature("(source=None, encoding=None, errors=None)")

    static func construct(_ args: Arguments, kind: String, _ interp: Interpreter) throws -> [UInt8] {
        let v = try signature.bind(args, function: kind, owner: kind, parser: .clinic)
        let source = v[0], encoding = v[1], errors = v[2]
        if case .str(let s) = source {
            guard case .str(let enc) = encoding else {
                if !encoding.isNone { throw PythonError.type("\(kind)() argument 'encoding' must be str, not \(encoding.typeName)") }
                throw PythonError.type("string argument without an encoding")
            }
            var handler = "strict"
            if case .str(let e) = errors { handler = e } else if !errors.isNone {
                throw PythonError.type("\(kind)() argument 'errors' must be str, not \(errors.typeName)")
            }
            return try Codec.named(enc).encode(s, errors: handler)
        }
        if !encoding.isNone { throw PythonError.type("encoding without a string argument") }
        if !errors.isNone { throw PythonError.type("errors without a string argument") }
        if source.isNone && args.positional.isEmpty && args.keywords.isEmpty { return [] }
        return try bytes(from: source, kind: kind, interp)
    }

    /// The bytes of a non-str source: a count of zero bytes, a bytes-like object, or an iterable of ints.
    static func bytes(from source: Value, kind: String, _ interp: Interpreter) throws -> [UInt8] {
        if let b = PyBytes.buffer(source) { return b }
        switch source {
        case .int, .bool:
            let n = try source.asInt()
            if n < 0 { throw PythonError.value("negative count") }
            try interp.checkCollectionSize(n, elementBytes: 1)
            return [UInt8](repeating: 0, count: n)
        case .object(is BigIntObject):
            throw PythonError.overflow("cannot fit 'int' into an index-sized integer")
        case .str:
            throw PythonError.type("cannot convert 'str' object to \(kind)")
        case .float, .none:
            throw PythonError.type("cannot convert '\(source.typeName)' object to \(kind)")
        default: break
        }
        let items: [Value]
        do {
            items = try interp.iterate(source)
        } catch let e as PythonError where e.kind == "TypeError" && e.message.hasSuffix("is not iterable") {
            throw PythonError.type("cannot convert '\(source.typeName)' object to \(kind)")
        }
        try interp.checkCollectionSize(items.count, elementBytes: 1)
        return try items.map { item in
            do {
                return try PyBytes.byte(item, interp)
            } catch let e as PythonError where e.kind == "ValueError" && kind == "bytes" {
                throw PythonError.value("bytes must be in range(0, 256)")
            }
        }
    }
}
