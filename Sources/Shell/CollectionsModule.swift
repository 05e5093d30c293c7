import Torch

/// `_collections`: the Swift half of `collections`, as in CPython: `OrderedDict` (what
/// `state_dict()` returns and `nn.Sequential` accepts). The rest is Library/CollectionsLibrary.swift.
extension Interpreter {
    func makeCollectionsModule() -> Namespace {
        let ns = Namespace("_collections")
        constructors[ObjectIdentifier(PyType.orderedDict)] = Builtin("OrderedDict") { [unowned self] args in
            let od = PyInstance(type: .orderedDict)
            if let make = self.constructors[ObjectIdentifier(PyType.dict)] { od.payload = try make.call(args) }
            return .object(od)
        }
        ns.members["OrderedDict"] = .object(PyType.orderedDict)
        return ns
    }
}
