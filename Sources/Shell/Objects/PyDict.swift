/// A Python dict: entries in insertion order in dense arrays, found through a table from each key's
/// Python hash (`pythonHash`) to its slot, so lookup and insertion cost O(1) as in CPython.
///
/// The table maps hash → slots rather than holding keys itself: comparing two keys can run a user
/// `__eq__`, which may mutate this very dict, so comparisons happen after the table has been read and
/// every slot is bounds-checked again afterwards. Removing an entry shifts the later ones down (O(n)
/// in the entries after it; removing the last one, as `popitem` does, is O(1)).
public final class PyDict {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var hashes: [Int] = []
    private var table: [Int: Slots] = [:]

    /// The slots of the keys sharing one hash: nearly always one.
    private enum Slots {
        case one(Int)
        case many([Int])

        var all: [Int] {
            switch self {
            case .one(let i): return [i]
            case .many(let list): return list
            }
        }

        func adding(_ slot: Int) -> Slots { .many(all + [slot]) }

        /// Without `slot`, and with the slots after it moved down by `shift` when given.
        func removing(_ slot: Int?, shiftingAbove pivot: Int? = nil) -> Slots? {
            var list = all
            if let slot { list.removeAll { $0 == slot } }
            if let pivot { list = list.map { $0 > pivot ? $0 - 1 : $0 } }
            switch list.count {
            case 0: return nil
            case 1: return .one(list[0])
            default: return .many(list)
            }
        }
    }

    public init() {}
    deinit { releaseNested(&keys); releaseNested(&values) }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The slot holding `key`, comparing by Python equality among the keys of the same hash.
    func slot(of key: Value, hash: Int) -> Int? {
        guard let slots = table[hash] else { return nil }
        switch slots {
        case .one(let i):
            return i < keys.count && valuesEqual(keys[i], key) ? i : nil
        case .many(let list):
            for i in list where i < keys.count && valuesEqual(keys[i], key) { return i }
            return nil
        }
    }

    public func get(_ key: Value) -> Value? { get(key, hash: pythonHash(key)) }

    func get(_ key: Value, hash: Int) -> Value? {
        guard let i = slot(of: key, hash: hash), i < values.count else { return nil }
        return values[i]
    }

    /// `d[key] = value`. An existing equal key keeps its original object (`d[1.0] = x` after `d[1]`
    /// leaves the key `1`), as in CPython.
    public func set(_ key: Value, _ value: Value) { set(key, value, hash: pythonHash(key)) }

    func set(_ key: Value, _ value: Value, hash: Int) {
        if let i = slot(of: key, hash: hash), i < values.count { values[i] = value; return }
        let i = keys.count
        table[hash] = table[hash].map { $0.adding(i) } ?? .one(i)
        keys.append(key); values.append(value); hashes.append(hash)
    }

    @discardableResult
    public func remove(_ key: Value) -> Bool { remove(key, hash: pythonHash(key)) }

    @discardableResult
    func remove(_ key: Value, hash: Int) -> Bool {
        guard let i = slot(of: key, hash: hash) else { return false }
        remove(at: i)
        return true
    }

    /// Removes the entry in slot `i`, moving the later entries' slots down by one.
    func remove(at i: Int) {
        guard i < keys.count else { return }
        let h = hashes[i]
        let later = Set(hashes[(i + 1)...])
        table[h] = table[h]?.removing(i)
        for lh in later { table[lh] = table[lh]?.removing(nil, shiftingAbove: i) }
        keys.remove(at: i); values.remove(at: i); hashes.remove(at: i)
    }

    /// `d.popitem()`: the last entry, removed.
    func popLast() -> (Value, Value)? {
        guard let k = keys.last, let v = values.last else { return nil }
        remove(at: keys.count - 1)
        return (k, v)
    }

    /// Moves the entry of `key` to the end (or the front): `OrderedDict.move_to_end`.
    func move(_ key: Value, toEnd: Bool) -> Bool {
        let h = pythonHash(key)
        guard let i = slot(of: key, hash: h), i < values.count else { return false }
        let k = keys[i], v = values[i]
        remove(at: i)
        if toEnd { set(k, v, hash: h); return true }
        let old = (keys, values, hashes)
        removeAll()
        set(k, v, hash: h)
        for j in old.0.indices { set(old.0[j], old.1[j], hash: old.2[j]) }
        return true
    }

    public func removeAll() {
        keys = []; values = []; hashes = []; table = [:]
    }

    /// A shallow copy: same keys and values, same order.
    public func copy() -> PyDict {
        let c = PyDict()
        c.keys = keys; c.values = values; c.hashes = hashes; c.table = table
        return c
    }

    /// Empties the dict and returns what it held, for `releaseNested` to take apart.
    func takeContents() -> [Value] {
        let all = keys + values
        removeAll()
        return all
    }
}
