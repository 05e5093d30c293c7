import BigInt
import Foundation
import Torch

/// Python's builtin functions, bound by name.
extension Interpreter {
    func makeBuiltins() -> [String: Value] {
        var t = [String: Value]()
        func def(_ name: String, _ f: @escaping (Arguments) throws -> Value) { t[name] = .builtin(Builtin(name, f)) }

        def("print") { [unowned self] args in
            let b = try Arguments([], args.keywords).bind("print", ["sep", "end", "file", "flush"])
            let sep = try b["sep"].map { v -> String in
                guard case .str(let s) = v else { throw PythonError.type("sep must be None or a string, not \(v.typeName)") }
                return s
            } ?? " "
            let end = try b["end"].map { v -> String in
                guard case .str(let s) = v else { throw PythonError.type("end must be None or a string, not \(v.typeName)") }
                return s
            } ?? "\n"
            let text = try args.positional.map(self.strOf).joined(separator: sep) + end
            // `file=`: anything with a `write` method (a file, sys.stderr, a StringIO).
            if let file = b["file"], !file.isNone {
                _ = try self.call(try self.getAttribute(file, "write"), Arguments([.str(text)]))
                if let flush = b["flush"], try self.truthy(flush) { _ = try self.call(try self.getAttribute(file, "flush"), Arguments()) }
                return .none
            }
            self.write(text)
            if let flush = b["flush"], try self.truthy(flush) { self.flushOutput() }
            return .none
        }
        def("open") { [unowned self] args in try self.openFile(args) }
        def("len") { [unowned self] args in
            if args.keywords.isEmpty, args.positional.count == 1 { return .int(try self.length(args.positional[0])) }
            let b = try args.bind("len", ["obj"], required: 1)
            return .int(try self.length(b.values["obj"] ?? .none))
        }
        def("range") { args in
            guard args.keywords.isEmpty else { throw PythonError.type("range() takes no keyword arguments") }
            let n = try args.positional.map { try $0.asInt() }
            switch n.count {
            case 1: return .range(0, n[0], 1)
            case 2: return .range(n[0], n[1], 1)
            case 3:
                if n[2] == 0 { throw PythonError.value("range() arg 3 must not be zero") }
                return .range(n[0], n[1], n[2])
            default: throw PythonError.type("range expected at most 3 arguments, got \(n.count)")
            }
        }
        def("str") { [unowned self] args in
            let b = try args.bind("str", ["object", "encoding", "errors"])
            if b.values["encoding"] != nil || b.values["errors"] != nil {
                // str(bytes, encoding, errors): bytes.decode.
                guard let o = b.values["object"] else { return .str("") }
                guard case .object(let bytes as PyBytes) = o else {
                    throw PythonError.type("decoding to str: need a bytes-like object, \(o.typeName) found")
                }
                var name = "utf-8", errors = "strict"
                if let e = b.values["encoding"] {
                    guard case .str(let s) = e else { throw PythonError.type("str() argument 'encoding' must be str, not \(e.typeName)") }
                    name = s
                }
                if let e = b.values["errors"] {
                    guard case .str(let s) = e else { throw PythonError.type("str() argument 'errors' must be str, not \(e.typeName)") }
                    errors = s
                }
                return .str(try Codec.named(name).decode(bytes.bytes, errors: errors))
            }
            return .str(try b.values["object"].map { try self.strOf($0) } ?? "")
        }
        def("repr") { [unowned self] args in
            let v = try args.bind("repr", ["obj"], required: 1).values["obj"]!
            return .str(try self.reprString(v))
        }
        def("int") { [unowned self] args in
            let b = try args.bind("int", ["x", "base"])
            guard let v = b.values["x"] else { return .int(0) }
            return try self.toIntValue(v, base: b["base"].map { try $0.asInt() })
        }
        def("float") { [unowned self] args in
            let b = try args.bind("float", ["x"])
            guard let v = b.values["x"] else { return .float(0) }
            return .float(try self.toFloat(v))
        }
        def("bool") { [unowned self] args in
            let b = try args.bind("bool", ["x"])
            return .bool(try b.values["x"].map { try self.truthy($0) } ?? false)
        }
        def("abs") { [unowned self] args in
            let v = try args.bind("abs", ["x"], required: 1).values["x"]!
            switch v {
            case .int(let i):
                if i == Int.min { return Value.integer(-BigInt(i)) }
                return .int(Swift.abs(i))
            case .object(let big as BigIntObject): return Value.integer(BigInt(big.value.magnitude))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(Swift.abs(d))
            case .tensor(let x): return .tensor(try x.abs())
            case .object(let a as NDArrayObject):
                return a.array.dtype == .bool || a.array.dtype == .uint8 ? NDArrayObject.result(try a.array.clone()) : NDArrayObject.result(try a.array.abs())
            case .object(let i as PyInstance):
                if let r = try self.callSpecial(i, "__abs__") { return r }
                if let p = i.payload, !i.type.isException { return try self.call(self.builtinsStorage["abs"] ?? .none, Arguments([p])) }
                throw PythonError.type("bad operand type for abs(): '\(i.type.name)'")
            default: throw PythonError.type("bad operand type for abs(): '\(v.typeName)'")
            }
            _ = self
        }
        def("min") { [unowned self] args in try self.extreme(args, isMax: false) }
        def("max") { [unowned self] args in try self.extreme(args, isMax: true) }
        def("sum") { [unowned self] args in
            let b = try args.bind("sum", ["iterable", "start"], required: 1)
            var acc = b.values["start"] ?? .int(0)
            if case .str = acc { throw PythonError.type("sum() can't sum strings [use ''.join(seq) instead]") }
            for v in try self.iterate(b.values["iterable"]!) { acc = try self.binaryOperation(.add, acc, v) }
            return acc
        }
        def("round") { [unowned self] args in
            let b = try args.bind("round", ["number", "ndigits"], required: 1)
            let v = b.values["number"]!
            if case .tensor(let x) = v { return .tensor(try x.unary(.round)) }
            switch v {
            case .int, .object(is BigIntObject): return try self.roundInteger(v, b["ndigits"])
            default: break
            }
            // numpy's __round__: with ndigits, np.round (x * 10**n, rint, / 10**n) in the array's
            // dtype; without, a Python int for a scalar.
            if case .object(let a as NDArrayObject) = v, let nd = b["ndigits"] {
                return NDArrayObject.result(try NumPyOps.round(a.array, decimals: try nd.asInt()))
            }
            if case .object(let a as NDArrayObject) = v, !a.isScalar {
                throw PythonError.type("type numpy.ndarray doesn't define __round__ method")
            }
            let d = try self.asDouble(v)
            guard let nd = b["ndigits"] else {
                guard d.isFinite else { throw PythonError(d.isNaN ? "ValueError" : "OverflowError", d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
                return try BigIntObject.truncating(d.rounded(.toNearestOrEven))
            }
            let n = try nd.asInt()
            let text = try pythonFormat(d, spec: ".\(Swift.max(0, Swift.min(n, 300)))f")
            return .float(n >= 0 ? Double(text) ?? d : (d / Foundation.pow(10, Double(-n))).rounded(.toNearestOrEven) * Foundation.pow(10, Double(-n)))
        }
        def("list") { [unowned self] args in
            let b = try args.bind("list", ["iterable"])
            return .list(PyList(try b.values["iterable"].map { try self.iterate($0) } ?? []))
        }
        def("tuple") { [unowned self] args in
            let b = try args.bind("tuple", ["iterable"])
            return .tuple(try b.values["iterable"].map { try self.iterate($0) } ?? [])
        }
        def("dict") { [unowned self] args in
            let d = PyDict()
            if let first = args.positional.first {
                if case .dict(let src) = first { for (k, v) in zip(src.keys, src.values) { d.set(k, v) } }
                else if case .object(let i as PyInstance) = first, case .dict(let src)? = i.payload, i.type.lookup("keys").map(self.isBuiltinSlot) ?? true {
                    // A dict subclass (defaultdict, Counter, OrderedDict): its items, as CPython's fast path.
                    for (k, v) in zip(src.keys, src.values) { d.set(k, v) }
                } else if case .object(let i as PyInstance) = first, i.type.lookup("keys") != nil {
                    // A mapping: `keys()` and `m[k]`, as CPython's dict(mapping).
                    for k in try self.iterate(try self.callMethod(first, "keys", Arguments())) { d.set(k, try self.getItem(first, k)) }
                } else {
                    for pair in try self.iterate(first) {
                        let kv = try self.iterate(pair)
                        guard kv.count == 2 else { throw PythonError.value("dictionary update sequence element has length \(kv.count); 2 is required") }
                        d.set(kv[0], kv[1])
                    }
                }
            }
            for (k, v) in args.keywords { d.set(.str(k), v) }
            return .dict(d)
        }
        def("set") { [unowned self] args in
            let b = try args.bind("set", ["iterable"])
            return .set(try b.values["iterable"].map { try self.makeSet($0) } ?? PySet())
        }
        def("frozenset") { [unowned self] args in
            .set(try args.positional.first.map { try self.makeSet($0) } ?? PySet())
        }
        // enumerate, zip, map, filter and reversed return lazy iterators, as CPython's do: they may
        // be given endless generators, and a `break` leaves the rest unread.
        def("enumerate") { [unowned self] args in
            let b = try args.bind("enumerate", ["iterable", "start"], required: 1)
            var n = try b.int("start", 0)
            let it = try self.makeIterator(b.values["iterable"]!)
            return .object(ClosureIterator("enumerate") {
                guard let v = try self.nextItem(it) else { return nil }
                defer { n = n &+ 1 }
                return .tuple([.int(n), v])
            })
        }
        def("zip") { [unowned self] args in
            for (k, _) in args.keywords where k != "strict" { throw PythonError.type("zip() got an unexpected keyword argument '\(k)'") }
            let strict = try args.keywords.last { $0.0 == "strict" }.map { try self.truthy($0.1) } ?? false
            let iterators = try args.positional.map { try self.makeIterator($0) }
            func firsts(_ k: Int) -> String { k == 1 ? "argument 1" : "arguments 1-\(k)" }
            return .object(ClosureIterator("zip") {
                guard !iterators.isEmpty else { return nil }
                var items = [Value]()
                items.reserveCapacity(iterators.count)
                for (k, it) in iterators.enumerated() {
                    if let v = try self.nextItem(it) { items.append(v); continue }
                    guard strict else { return nil }
                    if k > 0 { throw PythonError.value("zip() argument \(k + 1) is shorter than \(firsts(k))") }
                    for (j, rest) in iterators.enumerated().dropFirst() where try self.nextItem(rest) != nil {
                        throw PythonError.value("zip() argument \(j + 1) is longer than \(firsts(j))")
                    }
                    return nil
                }
                return .tuple(items)
            })
        }
        def("reversed") { [unowned self] args in
            let seq = try args.bind("reversed", ["sequence"], required: 1).values["sequence"]!
            if case .object(let l as LazyIterator) = seq { throw PythonError.type("'\(l.typeName)' object is not reversible") }
            let name: String
            switch seq {
            case .list: name = "list_reverseiterator"
            case .range: name = "range_iterator"
            case .dict: name = "dict_reversekeyiterator"
            default: name = "reversed"
            }
            var items = try self.iterate(seq)
            return .object(ClosureIterator(name) { items.popLast() })
        }
        def("sorted") { [unowned self] args in
            let b = try args.bind("sorted", ["iterable", "key", "reverse"], required: 1)
            var items = try self.iterate(b.values["iterable"]!)
            // reverse=True keeps equal items in their order, as CPython's (reverse, stable sort, reverse).
            let reverse = try b.bool("reverse", false)
            if reverse { items.reverse() }
            let key = b["key"]
            let keys = try key.map { k in try items.map { try self.call(k, Arguments([$0])) } } ?? items
            try self.throwIfInterrupted()
            var order = Array(items.indices)
            // The first failing comparison ends the sort (as CPython's), and Ctrl-C is seen in a long one.
            var comparisons = 0
            try order.sort { i, j in
                comparisons &+= 1
                if comparisons & 0xFFFF == 0 { try self.throwIfInterrupted() }
                return try self.order(keys[i], keys[j], .less) < 0
            }
            try self.throwIfInterrupted()
            items = order.map { items[$0] }
            if reverse { items.reverse() }
            return .list(PyList(items))
        }
        // any/all stop at the first deciding item (the iterable may be an endless generator).
        def("any") { [unowned self] args in
            let it = try self.makeIterator(try args.bind("any", ["iterable"], required: 1).values["iterable"]!)
            while let v = try self.nextItem(it) { if try self.truthy(v) { return .bool(true) } }
            return .bool(false)
        }
        def("all") { [unowned self] args in
            let it = try self.makeIterator(try args.bind("all", ["iterable"], required: 1).values["iterable"]!)
            while let v = try self.nextItem(it) { if try !self.truthy(v) { return .bool(false) } }
            return .bool(true)
        }
        // `__import__(name, globals, locals, fromlist, level)`: absolute imports; the top-level
        // package, or the module itself when `fromlist` names something.
        def("__import__") { [unowned self] args in
            let b = try args.bind("__import__", ["name", "globals", "locals", "fromlist", "level"], required: 1)
            guard case .str(let name)? = b.values["name"] else {
                throw PythonError.type("__import__() argument 1 must be str, not \(b.values["name"]?.typeName ?? "None")")
            }
            if let level = b.values["level"], try self.asInt(level) != 0 {
                throw PythonError("ImportError", "nnsh's __import__ supports only absolute imports (level=0)")
            }
            let module = try self.importModule(absolute: name)
            let fromlist = try b.values["fromlist"].map { $0.isNone ? [] : try self.iterate($0) } ?? []
            if !fromlist.isEmpty || !name.contains(".") { return module }
            return try self.importModule(absolute: String(name.prefix { $0 != "." }))
        }
        def("isinstance") { [unowned self] args in
            let b = try args.bind("isinstance", ["obj", "class_or_tuple"], required: 2)
            return .bool(try self.isInstance(b.values["obj"]!, b.values["class_or_tuple"]!))
        }
        def("type") { [unowned self] args in
            if args.positional.count == 3 && args.keywords.isEmpty {
                guard case .str(let name) = args.positional[0] else {
                    throw PythonError.type("type.__new__() argument 1 must be str, not \(args.positional[0].typeName)")
                }
                return try self.makeType(name, args.positional[1], args.positional[2])
            }
            guard args.positional.count == 1 && args.keywords.isEmpty else { throw PythonError.type("type() takes 1 or 3 arguments") }
            return .object(typeOf(args.positional[0]))
        }
        def("issubclass") { [unowned self] args in
            let b = try args.bind("issubclass", ["cls", "class_or_tuple"], required: 2)
            guard case .object(let t as PyType) = b.values["cls"]! else { throw PythonError.type("issubclass() arg 1 must be a class") }
            return .bool(try self.isSubclass(t, b.values["class_or_tuple"]!))
        }
        def("hash") { [unowned self] args in
            .int(try self.hashValue(try args.bind("hash", ["obj"], required: 1).values["obj"]!))
        }
        def("iter") { [unowned self] args in
            try self.makeIterator(try args.bind("iter", ["object"], required: 1).values["object"]!)
        }
        def("next") { [unowned self] args in
            let b = try args.bind("next", ["iterator", "default"], required: 1)
            let iterator = b.values["iterator"]!
            if let v = try self.nextItem(iterator) { return v }
            if let d = b.values["default"] { return d }
            if case .object(let l as LazyIterator) = iterator { throw l.exhausted() }
            throw PythonError("StopIteration", "")
        }
        def("super") { [unowned self] args in try self.makeSuper(args) }
        def("staticmethod") { args in .object(StaticMethod(try args.bind("staticmethod", ["function"], required: 1).values["function"]!)) }
        def("classmethod") { args in .object(ClassMethod(try args.bind("classmethod", ["function"], required: 1).values["function"]!)) }
        def("property") { args in
            let b = try args.bind("property", ["fget", "fset", "fdel", "doc"])
            return .object(PropertyObject(getter: b.values["fget"], setter: b.values["fset"], deleter: b.values["fdel"], doc: b.values["doc"] ?? .none))
        }
        def("vars") { [unowned self] args in
            guard let v = args.positional.first else { return .dict(self.globalsDict()) }
            switch v {
            case .object(let i as PyInstance): return .dict(i.attributes)
            case .module(let m): return .dict(self.moduleState(m).attributes)
            case .object(let t as PyType): return .dict(t.dict)
            case .function(let f): return .dict(f.attributes)
            default: throw PythonError.type("vars() argument must have __dict__ attribute")
            }
        }
        def("delattr") { [unowned self] args in
            let b = try args.bind("delattr", ["obj", "name"], required: 2)
            guard case .str(let n) = b.values["name"]! else { throw PythonError.type("attribute name must be string, not '\(b.values["name"]!.typeName)'") }
            try self.deleteAttribute(b.values["obj"]!, n)
            return .none
        }
        def("hasattr") { [unowned self] args in
            let b = try args.bind("hasattr", ["obj", "name"], required: 2)
            guard case .str(let n) = b.values["name"]! else { throw PythonError.type("attribute name must be string") }
            return .bool((try? self.getAttribute(b.values["obj"]!, n)) != nil)
        }
        def("getattr") { [unowned self] args in
            let b = try args.bind("getattr", ["obj", "name", "default"], required: 2)
            guard case .str(let n) = b.values["name"]! else { throw PythonError.type("attribute name must be string, not '\(b.values["name"]!.typeName)'") }
            do { return try self.getAttribute(b.values["obj"]!, n) }
            catch let e as PythonError where e.kind == "AttributeError" {
                if let d = b.values["default"] { return d }
                throw e
            }
        }
        def("setattr") { [unowned self] args in
            let b = try args.bind("setattr", ["obj", "name", "value"], required: 3)
            guard case .str(let n) = b.values["name"]! else { throw PythonError.type("attribute name must be string") }
            try self.setAttribute(b.values["obj"]!, n, b.values["value"]!)
            return .none
        }
        def("dir") { [unowned self] args in
            if let v = args.positional.first { return .list(PyList(self.memberNames(v).sorted().map { .str($0) })) }
            return .list(PyList(self.globals.keys.sorted().map { .str($0) }))
        }
        def("callable") { args in
            switch args.positional.first ?? .none {
            case .builtin, .function, .module: return .bool(true)
            case .object(let i as PyInstance): return .bool(i.type.lookup("__call__") != nil)
            case .object(let o): return .bool(o is PyType || o is BoundMethod || o is StaticMethod || o is PyCallable)
            default: return .bool(false)
            }
        }
        def("divmod") { [unowned self] args in
            let b = try args.bind("divmod", ["a", "b"], required: 2)
            return .tuple([try self.binaryOperation(.floorDivide, b.values["a"]!, b.values["b"]!),
                           try self.binaryOperation(.modulo, b.values["a"]!, b.values["b"]!)])
        }
        def("format") { [unowned self] args in
            let b = try args.bind("format", ["value", "format_spec"], required: 1)
            guard case .str(let spec) = b.values["format_spec"] ?? .str("") else {
                throw PythonError.type("format() argument 2 must be str, not \(b.values["format_spec"]!.typeName)")
            }
            return .str(try self.format(b.values["value"]!, spec: spec))
        }
        for (name, prefix, radix) in [("hex", "0x", 16), ("oct", "0o", 8), ("bin", "0b", 2)] {
            def(name) { [unowned self] args in
                let v = try args.bind(name, ["number"], required: 1).values["number"]!
                if case .object(let big as BigIntObject) = v {
                    return .str((big.value.sign == .minus ? "-" : "") + prefix + String(big.value.magnitude, radix: radix))
                }
                let i = try self.asInt(v)
                return .str((i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix))
            }
        }
        def("pow") { [unowned self] args in
            let b = try args.bind("pow", ["base", "exp", "mod"], required: 2)
            if let m = b["mod"] {
                guard let x = BigIntObject.integer(b.values["base"]!), let y = BigIntObject.integer(b.values["exp"]!),
                      let n = BigIntObject.integer(m) else {
                    throw PythonError.type("pow() 3rd argument not allowed unless all arguments are integers")
                }
                return try BigIntObject.modularPower(x, y, n)
            }
            return try self.binaryOperation(.power, b.values["base"]!, b.values["exp"]!)
        }
        def("chr") { args in
            let i = try args.bind("chr", ["i"], required: 1).int("i")
            guard let s = Unicode.Scalar(UInt32(clamping: Swift.max(i, 0))), i >= 0, i <= 0x10FFFF else { throw PythonError.value("chr() arg not in range(0x110000)") }
            return .str(String(Character(s)))
        }
        def("ord") { args in
            guard case .str(let s) = try args.bind("ord", ["c"], required: 1).values["c"]!, s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else {
                throw PythonError.type("ord() expected a character")
            }
            return .int(Int(u.value))
        }
        def("id") { [unowned self] args in .int(try self.identity(try args.bind("id", ["obj"], required: 1).values["obj"]!)) }
        def("exit") { args in
            // CPython: None is status 0, an int is the status, anything else is printed and is status 1.
            var e = PythonError("SystemExit", "")
            let code = args.positional.first ?? .none
            switch code {
            case .none: e.exitCode = 0
            case .int(let n): e.exitCode = Int32(truncatingIfNeeded: n)
            case .bool(let b): e.exitCode = b ? 1 : 0
            default: e.exitCode = 1
            }
            let instance = e.materialize()
            if !args.positional.isEmpty { instance.args = [code] }
            throw e
        }
        t["quit"] = t["exit"]
        def("input") { [unowned self] args in
            let b = try args.bind("input", ["prompt"])
            guard let read = self.readInput else { throw PythonError("EOFError", "EOF when reading a line") }
            return .str(try read(b["prompt"].map { $0.str } ?? ""))
        }
        def("map") { [unowned self] args in
            guard args.keywords.isEmpty else { throw PythonError.type("map() takes no keyword arguments") }
            guard args.positional.count >= 2 else { throw PythonError.type("map() must have at least two arguments.") }
            let f = args.positional[0]
            let iterators = try args.positional.dropFirst().map { try self.makeIterator($0) }
            return .object(ClosureIterator("map") {
                var items = [Value]()
                for it in iterators {
                    guard let v = try self.nextItem(it) else { return nil }
                    items.append(v)
                }
                return try self.call(f, Arguments(items))
            })
        }
        def("filter") { [unowned self] args in
            let b = try args.bind("filter", ["function", "iterable"], required: 2)
            let f = b.values["function"]!
            let it = try self.makeIterator(b.values["iterable"]!)
            return .object(ClosureIterator("filter") {
                while let v = try self.nextItem(it) {
                    if try self.truthy(f.isNone ? v : try self.call(f, Arguments([v]))) { return v }
                }
                return nil
            })
        }
        for (name, value) in makeBytesBuiltins() { t[name] = value }
        // Builtin types are type objects; calling one runs its Swift constructor (per interpreter).
        for type in [PyType.int, .float, .str, .bytes, .bytearray, .bool, .list, .tuple, .dict, .set, .range, .type] {
            if case .builtin(let b)? = t[type.name] { constructors[ObjectIdentifier(type)] = b }
            t[type.name] = .object(type)
        }
        t["object"] = .object(PyType.object)
        t["slice"] = .object(PyType.slice)
        constructors[ObjectIdentifier(PyType.slice)] = Builtin("slice") { args in
            guard args.keywords.isEmpty, (1...3).contains(args.positional.count) else {
                throw PythonError.type("slice expected at least 1 argument, got \(args.positional.count)")
            }
            let p = args.positional
            return p.count == 1 ? .slice(.none, p[0], .none) : .slice(p[0], p[1], p.count == 3 ? p[2] : .none)
        }
        constructors[ObjectIdentifier(PyType.object)] = Builtin("object") { args in
            guard args.positional.isEmpty && args.keywords.isEmpty else { throw PythonError.type("object() takes no arguments") }
            return .object(PyInstance(type: .object))
        }
        for (name, type) in PyType.exceptions { t[name] = .object(type) }
        t["NotImplemented"] = .object(NotImplementedObject.shared)
        t["Ellipsis"] = .ellipsis
        t["True"] = .bool(true)
        t["False"] = .bool(false)
        t["None"] = .none
        // Bare torch names (`randn`, `Conv2d`) never shadow Python's own builtins (`abs`, `max`, `round`, …).
        for (name, value) in makeTorchBuiltins() where t[name] == nil {
            t[name] = value
            Interpreter.bareTorchNames.insert(name)
        }
        for (name, value) in makeHelpBuiltins() { t[name] = value }  // Help.swift (REPL)
        for (name, value) in makePictureBuiltins() { t[name] = value }  // PictureBindings.swift
        for (name, value) in makeCodeBuiltins() { t[name] = value }  // CodeObjects.swift
        return t
    }

    func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.codePointCount
        case .tuple(let t): return t.count
        case .list(let l): return l.items.count
        case .dict(let d): return d.count
        case .set(let s): return s.count
        case .object(let v as DictView): return v.dict.count
        case .size(let s): return s.count
        case .range(let a, let b, let c):
            let n = rangeCount(a, b, c)  // saturates: a longer range has no Int length
            if n == Int.max && !(a == 0 && c == 1) { throw PythonError.overflow("Python int too large to convert to C ssize_t") }
            return n
        case .tensor(let t):
            guard t.dim > 0 else { throw PythonError.type("len() of a 0-d tensor") }
            return t.shape[0]
        case .module(let m): return try moduleLength(m)
        case .object(let i as PyInstance): return try instanceLength(i)
        case .object(let o as OperandObject): return try o.length()
        case .object(let t as PyType) where t.metaclass != nil:
            guard let r = try metaclassSpecial(v, "__len__") else { throw PythonError.type("object of type '\(v.typeName)' has no len()") }
            guard case .int(let n) = r else { throw PythonError.type("'\(r.typeName)' object cannot be interpreted as an integer") }
            return n
        default: throw PythonError.type("object of type '\(v.typeName)' has no len()")
        }
    }

    func strOf(_ v: Value) throws -> String {
        if case .object(let i as PyInstance) = v { return try strOfInstance(i) }
        if case .object(let t as PyType) = v, t.metaclass != nil {
            if let r = try metaclassSpecial(v, "__str__") {
                guard case .str(let s) = r else { throw PythonError.type("__str__ returned non-string (type \(r.typeName))") }
                return s
            }
            return try reprString(v)
        }
        if case .module(let p as PythonModule) = v, let f = p.userMethod("__str__") {
            let r = try call(bind(f, to: v, type: p.type), Arguments())
            guard case .str(let s) = r else { throw PythonError.type("__str__ returned non-string (type \(r.typeName))") }
            return s
        }
        try checkPrintable(v)
        let text = v.str
        try throwIfInterrupted()  // a long tensor repr ends early on Ctrl-C: its text is incomplete
        return text
    }

    func toInt(_ v: Value, base: Int?) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            guard d.isFinite else { throw PythonError(d.isNaN ? "ValueError" : "OverflowError", d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
            guard Swift.abs(d) < 9.2e18 else { throw PythonError.overflow("integer overflow: nnsh integers are 64-bit") }
            return Int(d.rounded(.towardZero))
        case .str(let s):
            if case .int(let i) = try parseIntText(s, base: base) { return i }
            throw PythonError.overflow("Python int too large to convert to C ssize_t")
        case .tensor(let t):
            guard t.numel == 1 else { throw PythonError.value("only one element tensors can be converted to Python scalars") }
            if t.dtype.isFloatingPoint { return try toInt(.float(try t.item()), base: nil) }
            return Int(t.flatInt(t.storageOffset(of: [Int](repeating: 0, count: t.dim))))
        case .object(let o as OperandObject):
            if let i = try o.toInt(index: false) { return i }
            throw PythonError.type("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
        default:
            throw PythonError.type("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
        }
    }

    func toFloat(_ v: Value) throws -> Double {
        switch v {
        case .str(let s):
            let text = s.trimmingCharacters(in: .whitespaces).lowercased()
            switch text {
            case "inf", "+inf", "infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default:
                guard let d = Double(text) else { throw PythonError.value("could not convert string to float: \(pythonStringRepr(s))") }
                return d
            }
        case .tensor(let t):
            guard t.numel == 1 else { throw PythonError.value("only one element tensors can be converted to Python scalars") }
            return try t.item()
        case .object(let o as OperandObject):
            if let d = try o.toDouble() { return d }
            throw PythonError.type("float() argument must be a string or a real number, not '\(v.typeName)'")
        default:
            do { return try asDouble(v) }
            catch { throw PythonError.type("float() argument must be a string or a real number, not '\(v.typeName)'") }
        }
    }

    func extreme(_ args: Arguments, isMax: Bool) throws -> Value {
        let name = isMax ? "max" : "min"
        if args.positional.count == 1, case .tensor(let t) = args.positional[0] {
            return .tensor(try t.extreme(isMax))
        }
        let items = args.positional.count == 1 ? try iterate(args.positional[0]) : args.positional
        let key = args.keywords.first { $0.0 == "key" }?.1
        guard var best = items.first else {
            if let d = args.keywords.first(where: { $0.0 == "default" }) { return d.1 }
            throw PythonError.value("\(name)() arg is an empty sequence")   // CPython 3.11's wording (the reference venv's)
        }
        var bestKey = try key.map { try call($0, Arguments([best])) } ?? best
        for v in items.dropFirst() {
            let k = try key.map { try call($0, Arguments([v])) } ?? v
            let c = try order(k, bestKey, isMax ? .greater : .less)
            if isMax ? c > 0 : c < 0 { best = v; bestKey = k }
        }
        return best
    }

    func isInstance(_ v: Value, _ cls: Value) throws -> Bool {
        if case .tuple(let options) = cls { return try options.contains { try isInstance(v, $0) } }
        // A metaclass's `__instancecheck__` (ABCMeta: registered virtual subclasses), unless the
        // type matches exactly (CPython's shortcut).
        if case .object(let t as PyType) = cls, t.metaclass != nil, typeOf(v) !== t,
           let r = try metaclassSpecial(cls, "__instancecheck__", [v]) {
            return try truthy(r)
        }
        if case .object(let t as PyType) = cls { return typeOf(v).isSubtype(of: t) }
        guard case .builtin(let b) = cls else {
            if case .namespace(let n) = cls { return n.name == v.typeName }
            throw PythonError.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
        switch (b.name, v) {
        case ("int", .int), ("int", .bool), ("float", .float), ("str", .str), ("bool", .bool), ("list", .list),
             ("tuple", .tuple), ("tuple", .size), ("dict", .dict), ("Tensor", .tensor), ("Size", .size):
            return true
        default:
            // Other builtin constructors name their builtin type (`property`, `staticmethod`, `set`).
            return typeOf(v).mro.contains { !$0.isUserClass && $0.module == "builtins" && $0.name == b.name }
        }
    }
}

extension Interpreter {
    /// The torch functions and layer classes nnsh also binds as bare names (`randn(2)`, `Conv2d(...)`).
    nonisolated(unsafe) static var bareTorchNames = Set<String>()

    /// The module namespace as a dict (a copy: nnsh's module scope is slots, not a dict).
    /// What a `SystemExit` leaving the program means, as CPython's `handle_system_exit`: its code
    /// None is status 0, an int is the status, anything else is printed to stderr with status 1.
    func exitStatus(_ e: PythonError) -> (Int32, String?) {
        guard let instance = e.instance, let code = instance.args.first else { return (e.exitCode ?? 0, nil) }
        switch code {
        case .none: return (0, nil)
        case .int(let n): return (Int32(truncatingIfNeeded: n), nil)
        case .bool(let b): return (b ? 1 : 0, nil)
        default: return (1, (try? strOf(code)) ?? code.repr)
        }
    }

    func globalsDict() -> PyDict {
        let d = PyDict()
        for (n, v) in zip(globalScope.names, globalScope.values) { if let v { d.set(.str(n.string), v) } }
        return d
    }
}

extension Interpreter {
    /// `id(v)`: the object's address; for the values nnsh keeps unboxed (numbers, strings,
    /// tuples) a number derived from the value, so equal immutables share one, as CPython's
    /// interned ones often do. A tuple's comes from its items' ids (it may hold a list, which has no hash).
    func identity(_ v: Value) throws -> Int {
        switch v {
        case .tensor(let o): return objectID(o)
        case .object(let o): return objectID(o)
        case .list(let o): return objectID(o)
        case .dict(let o): return objectID(o)
        case .set(let o): return objectID(o)
        case .function(let o): return objectID(o)
        case .builtin(let o): return objectID(o)
        case .module(let o): return objectID(o)
        case .namespace(let o): return objectID(o)
        case .tuple(let items): return try items.reduce(0x345678) { h, item in (h ^ (try identity(item))) &* 1_000_003 }
        default: return try hashValue(v)
        }
    }
}
