import Torch

/// `collections`, as far as PyTorch scripts use it: `OrderedDict` (what `state_dict()` returns and
/// `nn.Sequential` accepts). Its other members are refused by name until they exist.
extension Interpreter {
    func makeCollectionsModule() -> Namespace {
        let ns = Namespace("collections")
        constructors[ObjectIdentifier(PyType.orderedDict)] = Builtin("OrderedDict") { [unowned self] args in
            let od = PyInstance(type: .orderedDict)
            if let make = self.constructors[ObjectIdentifier(PyType.dict)] { od.payload = try make.call(args) }
            return .object(od)
        }
        ns.members["OrderedDict"] = .object(PyType.orderedDict)
        return ns
    }
}
