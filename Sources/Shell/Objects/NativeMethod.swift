import Foundation

/// The one declaration of a Swift-written method: its name, its Python signature as `help()` prints
/// it, a line of documentation, and its body. The signature drives argument binding (with the
/// `TypeError` wording CPython's argument parsers use), `help()`, `dir()` and completion, and the
/// registry test walks every table, so a method cannot be listed without existing or exist without
/// being documented (docs/object-model.md, "One declaration per binding").
struct NativeMethod {
    enum Binding { case instance, classMethod, staticMethod }
    /// Which of CPython's argument parsers the real method uses, for its error wording. Most methods
    /// with parameters are Argument Clinic ones; `count`, `find` and friends still use
    /// `PyArg_ParseTuple` (`count() takes at least 1 argument (0 given)`).
    enum Parser { case clinic, parseTuple }

    let name: String
    let signature: Signature
    let doc: String
    let binding: Binding
    let parser: Parser
    let body: (NativeCall) throws -> Value

    init(_ name: String, _ signature: String, _ doc: String, binding: Binding = .instance, parser: Parser = .clinic,
         _ body: @escaping (NativeCall) throws -> Value) {
        self.name = name
        self.signature = Signature(signature)
        self.doc = doc
        self.binding = binding
        self.parser = parser
        self.body = body
    }

    /// Binds `args` and runs the body. `owner` is the type's name for the messages that qualify the
    /// method (`bytes.upper() takes no arguments (1 given)`).
    func call(_ interp: Interpreter, receiver: Value, owner: String, _ args: Arguments) throws -> Value {
        let values = try signature.bind(args, function: name, owner: owner, parser: parser)
        return try body(NativeCall(interp: interp, receiver: receiver, values: values))
    }

    /// The value `obj.name` gives: a builtin method bound to `obj`.
    func bound(to receiver: Value, owner: String, _ interp: Interpreter) -> Value {
        let b = Builtin(name, receiver: "\(owner) object") { [unowned interp] args in
            try self.call(interp, receiver: receiver, owner: owner, args)
        }
        b.native = self
        return .builtin(b)
    }
}

/// What a method body receives: the receiver and the arguments in parameter order, defaults filled in.
struct NativeCall {
    unowned let interp: Interpreter
    let receiver: Value
    let values: [Value]

    subscript(_ i: Int) -> Value { i < values.count ? values[i] : .none }
}

/// A type's Swift-written methods, in declaration order.
final class NativeMethodTable {
    /// The type's name as the messages and `help()` spell it.
    let owner: String
    private(set) var names: [String] = []
    private var methods: [String: NativeMethod] = [:]

    init(_ owner: String, _ methods: [NativeMethod]) {
        self.owner = owner
        for m in methods { add(m) }
    }

    func add(_ m: NativeMethod) {
        if methods[m.name] == nil { names.append(m.name) }
        methods[m.name] = m
    }

    subscript(_ name: String) -> NativeMethod? { methods[name] }
    var all: [NativeMethod] { names.compactMap { methods[$0] } }
}

/// A parameter list written as CPython's `help()` shows it: `(sep=None, maxsplit=-1)`,
/// `(width, fillchar=b' ', /)`, `(length=1, byteorder='big', *, signed=False)`. Defaults are
/// Python literals (`None`, `True`, numbers, quoted strings, `b'…'`).
struct Signature {
    /// `varPositional` is `*args` (only as the whole list: `group(*args)`); the call's positional
    /// arguments arrive as one tuple.
    enum Kind { case positionalOnly, positionalOrKeyword, keywordOnly, varPositional }
    struct Parameter {
        let name: String
        let kind: Kind
        let defaultValue: Value?
    }

    let text: String
    let parameters: [Parameter]
    /// False when the declaration could not be read (the registry test fails on it).
    let isWellFormed: Bool

    init(_ text: String) {
        self.text = text
        var params: [Parameter] = []
        var ok = text.hasPrefix("(") && text.hasSuffix(")")
        var kind = Kind.positionalOrKeyword
        for raw in Signature.splitTopLevel(String(text.dropFirst().dropLast())) {
            let part = raw.trimmingCharacters(in: .whitespaces)
            if part.isEmpty { continue }
            if part == "/" {
                // Everything so far was positional-only.
                params = params.map { Parameter(name: $0.name, kind: .positionalOnly, defaultValue: $0.defaultValue) }
                continue
            }
            if part == "*" { kind = .keywordOnly; continue }
            if part.hasPrefix("*"), !part.hasPrefix("**") {
                let name = String(part.dropFirst())
                if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) || !params.isEmpty { ok = false }
                params.append(Parameter(name: name, kind: .varPositional, defaultValue: nil))
                kind = .keywordOnly
                continue
            }
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            var value: Value?
            if pieces.count == 2 {
                value = Signature.literal(pieces[1])
                if value == nil { ok = false }
            }
            let name = pieces[0]
            if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { ok = false }
            params.append(Parameter(name: name, kind: kind, defaultValue: value))
        }
        parameters = params
        isWellFormed = ok
    }

    private static func splitTopLevel(_ s: String) -> [String] {
        var parts: [String] = [], current = "", quote: Character?
        for c in s {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
                current.append(c)
            } else if c == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    private static func literal(_ s: String) -> Value? {
        switch s {
        case "None": return Value.none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default: break
        }
        if let i = Int(s) { return .int(i) }
        if let d = Double(s), s.contains(".") { return .float(d) }
        if s.count >= 2, s.first == "'", s.last == "'" { return .str(String(s.dropFirst().dropLast())) }
        if s.count >= 3, s.hasPrefix("b'"), s.last == "'" {
            return .object(PyBytes(Array(s.dropFirst(2).dropLast().utf8), mutable: false))
        }
        return nil
    }

    // MARK: binding

    /// Binds positional and keyword arguments to the parameters, raising CPython's messages for the
    /// parser the method uses (Python/getargs.c: `_PyArg_UnpackKeywords`, `_PyArg_CheckPositional`,
    /// `PyArg_ParseTuple`; Objects/methodobject.c for METH_NOARGS and METH_O).
    func bind(_ args: Arguments, function: String, owner: String, parser: NativeMethod.Parser) throws -> [Value] {
        let given = args.positional.count
        let positional = parameters.filter { $0.kind != .keywordOnly }
        let positionalOnly = parameters.allSatisfy { $0.kind == .positionalOnly }
        let required = positional.prefix { $0.defaultValue == nil }.count

        if parameters.count == 1 && parameters[0].kind == .varPositional {
            if !args.keywords.isEmpty { throw PythonError.type("\(owner).\(function)() takes no keyword arguments") }
            return [.tuple(args.positional)]
        }
        if parameters.isEmpty {
            if !args.keywords.isEmpty { throw PythonError.type("\(owner).\(function)() takes no keyword arguments") }
            if given > 0 { throw PythonError.type("\(owner).\(function)() takes no arguments (\(given) given)") }
            return []
        }
        if positionalOnly {
            if !args.keywords.isEmpty {
                throw PythonError.type("\(parameters.count == 1 && required == 1 ? "\(owner).\(function)" : function)() takes no keyword arguments")
            }
            if parameters.count == 1 && required == 1 {
                // METH_O.
                if given != 1 { throw PythonError.type("\(owner).\(function)() takes exactly one argument (\(given) given)") }
                return args.positional
            }
            let most = parameters.count
            if given < required || given > most {
                let few = given < required
                let bound = few ? required : most
                switch parser {
                case .clinic:
                    let qualifier = required == most ? "" : few ? "at least " : "at most "
                    throw PythonError.type("\(function) expected \(qualifier)\(bound) argument\(bound == 1 ? "" : "s"), got \(given)")
                case .parseTuple:
                    let qualifier = required == most ? "exactly" : few ? "at least" : "at most"
                    throw PythonError.type("\(function)() takes \(qualifier) \(bound) argument\(bound == 1 ? "" : "s") (\(given) given)")
                }
            }
            return parameters.enumerated().map { i, p in i < given ? args.positional[i] : (p.defaultValue ?? .none) }
        }

        // Argument Clinic with keywords.
        let total = given + args.keywords.count
        if total > parameters.count {
            let most = parameters.count
            throw PythonError.type("\(function)() takes at most \(most) \(given == 0 ? "keyword " : "")argument\(most == 1 ? "" : "s") (\(total) given)")
        }
        if given > positional.count {
            let most = positional.count
            if most == 0 { throw PythonError.type("\(function)() takes no positional arguments") }
            throw PythonError.type("\(function)() takes \(required < most ? "at most" : "exactly") \(most) positional argument\(most == 1 ? "" : "s") (\(given) given)")
        }
        let requiredPositionalOnly = parameters.prefix { $0.kind == .positionalOnly && $0.defaultValue == nil }.count
        if given < requiredPositionalOnly {
            let n = requiredPositionalOnly
            let qualifier = n < positional.count ? "at least" : "exactly"
            throw PythonError.type("\(function)() takes \(qualifier) \(n) positional argument\(n == 1 ? "" : "s") (\(given) given)")
        }
        var values = [Value?](repeating: nil, count: parameters.count)
        for i in 0..<given { values[i] = args.positional[i] }
        for (k, v) in args.keywords {
            guard let i = parameters.firstIndex(where: { $0.name == k && $0.kind != .positionalOnly }) else {
                throw PythonError.type("'\(k)' is an invalid keyword argument for \(function)()")
            }
            if values[i] != nil {
                throw PythonError.type("argument for \(function)() given by name ('\(k)') and position (\(i + 1))")
            }
            values[i] = v
        }
        return try parameters.enumerated().map { i, p in
            if let v = values[i] { return v }
            if let d = p.defaultValue { return d }
            throw PythonError.type("\(function)() missing required argument '\(p.name)' (pos \(i + 1))")
        }
    }
}
