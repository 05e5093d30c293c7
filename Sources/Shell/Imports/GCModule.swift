/// `gc`: the cycle collector's controls (Objects/CycleCollector.swift). One generation, so
/// `collect(generation)` accepts CPython's 0–2 and always makes a full collection; the thresholds
/// are kept and reported as CPython's are, and `threshold0` is the growth that starts an
/// automatic collection.
extension Interpreter {
    func makeGCModule() -> Namespace {
        let ns = Namespace("gc")
        var laterThresholds = (10, 10)
        func index(_ v: Value) throws -> Int {
            switch v {
            case .int(let n): return n
            case .bool(let b): return b ? 1 : 0
            default: throw PythonError.type("'\(v.typeName)' object cannot be interpreted as an integer")
            }
        }
        func noArguments(_ name: String, _ body: @escaping () -> Value) {
            ns.members[name] = .builtin(Builtin(name) { args in
                let n = args.positional.count + args.keywords.count
                guard n == 0 else { throw PythonError.type("gc.\(name)() takes no arguments (\(n) given)") }
                return body()
            })
        }
        ns.members["collect"] = .builtin(Builtin("collect") { args in
            let b = try args.bind("collect", ["generation"])
            if let g = b["generation"] {
                guard (0...2).contains(try index(g)) else { throw PythonError("ValueError", "invalid generation") }
            }
            return .int(CycleCollector.collect())
        })
        noArguments("enable") { CycleCollector.enabled = true; return .none }
        noArguments("disable") { CycleCollector.enabled = false; return .none }
        noArguments("isenabled") { .bool(CycleCollector.enabled) }
        noArguments("get_count") { .tuple([.int(CycleCollector.pendingCount), .int(0), .int(0)]) }
        noArguments("get_threshold") {
            .tuple([.int(CycleCollector.threshold), .int(laterThresholds.0), .int(laterThresholds.1)])
        }
        ns.members["set_threshold"] = .builtin(Builtin("set_threshold") { args in
            guard args.keywords.isEmpty else { throw PythonError.type("set_threshold() takes no keyword arguments") }
            let p = args.positional
            guard !p.isEmpty else { throw PythonError.type("set_threshold() takes at least 1 argument (0 given)") }
            guard p.count <= 3 else { throw PythonError.type("set_threshold() takes at most 3 arguments (\(p.count) given)") }
            let values = try p.map(index)
            CycleCollector.threshold = values[0]
            if values.count > 1 { laterThresholds.0 = values[1] }
            if values.count > 2 { laterThresholds.1 = values[2] }
            return .none
        })
        ns.members["garbage"] = .list(PyList([]))
        ns.members["callbacks"] = .list(PyList([]))
        return ns
    }
}
