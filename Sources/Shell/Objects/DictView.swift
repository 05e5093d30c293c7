/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict, as in CPython. They see later changes
/// to the dict, print as `dict_keys([...])`, and the keys and items views are set-like (`==` with a
/// set, `&`, `|`, `-`, `^` giving sets).
final class DictView: PyObject, TypedObject {
    enum Kind: String { case keys, values, items }
    let kind: Kind
    let dict: PyDict

    init(_ kind: Kind, of dict: PyDict) {
        self.kind = kind
        self.dict = dict
    }

    override var typeName: String { "dict_" + kind.rawValue }
    var pyType: PyType { PyType.named(typeName) }

    /// What iterating the view yields now.
    var items: [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return zip(dict.keys, dict.values).map { .tuple([$0, $1]) }
        }
    }

    var isSetLike: Bool { kind != .values }

    override func repr() -> String { typeName + "(" + Value.list(PyList(items)).repr + ")" }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "__iter__": return .list(PyList(items))
        case "mapping": return .dict(dict)
        default: return nil
        }
    }

    /// `x in view`: a key lookup for keys, a pair lookup for items, a scan for values.
    func contains(_ v: Value, hash: () throws -> Int) rethrows -> Bool {
        switch kind {
        case .keys: return dict.get(v, hash: try hash()) != nil
        case .values: return dict.values.contains { valuesEqual($0, v) }
        case .items:
            guard case .tuple(let kv) = v, kv.count == 2, let found = dict.get(kv[0]) else { return false }
            return valuesEqual(found, kv[1])
        }
    }
}
