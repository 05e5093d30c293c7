/// A Python dict: entries in insertion order in dense arrays, found through a table from each key's
/// Python hash (`pythonHash`) to its slot, so lookup and insertion cost O(1) as in CPython.
///
/// The table maps hash → slots rather than holding keys itself: comparing two keys can run a user
/// `__eq__`, which may mutate this very dict, so comparisons happen after the table has been read and
/// every slot is bounds-checked again afterwards. Removal is O(1): the last entry goes, any other
/// leaves a dead slot that the next read of `keys`/`values` compacts away.
public final class PyDict: CycleNode {
    /// Entries by slot, in insertion order; a removed entry leaves a dead slot until the next
    /// compaction, so `del d[k]` costs O(1) and reading `keys`/`values` compacts first.
    private var slotKeys: [Value] = []
    private var slotValues: [Value] = []
    private var hashes: [Int] = []
    private var alive: [Bool] = []
    private var dead = 0
    private var table: [TableHash: Slots] = [:]
    /// Set on a class's namespace: a change there invalidates every type's attribute cache.
    var isTypeDict = false

    /// A Python hash as the table's key. `Int`'s own `Hashable` runs SipHash on every probe (a fifth
    /// of an attribute lookup's time); the Python hash is already spread, so one multiply-xorshift
    /// round with the table's seed is enough.
    private struct TableHash: Hashable {
        let value: Int
        init(_ value: Int) { self.value = value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
        func _rawHashValue(seed: Int) -> Int {
            var h = UInt64(bitPattern: Int64(value ^ seed)) &* 0x9e37_79b9_7f4a_7c15
            h ^= h >> 29
            return Int(bitPattern: UInt(h))
        }
    }

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

        func removing(_ slot: Int) -> Slots? {
            let list = all.filter { $0 != slot }
            switch list.count {
            case 0: return nil
            case 1: return .one(list[0])
            default: return .many(list)
            }
        }
    }

    var cycleSlot: Int32 = -1
    /// The `__dict__` of an instance or function (how `gc.collect()` counts it).
    var isAttributeDict = false

    public init() { CycleCollector.track(self) }
    deinit {
        CycleCollector.untrack(self)
        releaseNested(&slotKeys)
        releaseNested(&slotValues)
    }
    // Dead slots still hold their values until compaction: they are references too.
    func traverseReferences(_ visitor: inout CycleVisitor) {
        visitor.visitOwned(&slotKeys)
        visitor.visitOwned(&slotValues)
    }
    func clearReferences() {
        var contents = takeContents()
        releaseNested(&contents)
    }

    /// The keys in insertion order.
    public var keys: [Value] { compact(); return slotKeys }
    /// The values in insertion order.
    public var values: [Value] { compact(); return slotValues }
    public var count: Int { slotKeys.count - dead }
    public var isEmpty: Bool { count == 0 }

    /// Drops dead slots and renumbers the table (O(n), once per run of removals).
    private func compact() {
        guard dead > 0 else { return }
        if isTypeDict { PyType.namespacesChanged() }
        var k: [Value] = [], v: [Value] = [], h: [Int] = []
        k.reserveCapacity(count); v.reserveCapacity(count); h.reserveCapacity(count)
        for i in slotKeys.indices where alive[i] { k.append(slotKeys[i]); v.append(slotValues[i]); h.append(hashes[i]) }
        slotKeys = k; slotValues = v; hashes = h
        alive = Array(repeating: true, count: k.count)
        dead = 0
        table = [:]
        for (i, hash) in h.enumerated() { table[TableHash(hash)] = table[TableHash(hash)].map { $0.adding(i) } ?? .one(i) }
    }

    /// The slot holding `key`, comparing by Python equality among the keys of the same hash.
    func slot(of key: Value, hash: Int) -> Int? {
        guard let slots = table[TableHash(hash)] else { return nil }
        switch slots {
        case .one(let i):
            return i < slotKeys.count && alive[i] && valuesEqual(slotKeys[i], key) ? i : nil
        case .many(let list):
            for i in list where i < slotKeys.count && alive[i] && valuesEqual(slotKeys[i], key) { return i }
            return nil
        }
    }

    public func get(_ key: Value) -> Value? { get(key, hash: pythonHash(key)) }

    /// The value in a slot `slot(of:hash:)` found (attribute caches keep slots; any removal, the
    /// only thing that moves one, invalidates them first).
    func value(atSlot i: Int) -> Value? { i < slotValues.count && alive[i] ? slotValues[i] : nil }

    func get(_ key: Value, hash: Int) -> Value? {
        guard let i = slot(of: key, hash: hash), i < slotValues.count else { return nil }
        return slotValues[i]
    }

    /// `d[key] = value`. An existing equal key keeps its original object (`d[1.0] = x` after `d[1]`
    /// leaves the key `1`), as in CPython.
    public func set(_ key: Value, _ value: Value) { set(key, value, hash: pythonHash(key)) }

    func set(_ key: Value, _ value: Value, hash: Int) {
        if isTypeDict { PyType.namespacesChanged() }
        if let i = slot(of: key, hash: hash), i < slotValues.count { slotValues[i] = value; return }
        let i = slotKeys.count
        table[TableHash(hash)] = table[TableHash(hash)].map { $0.adding(i) } ?? .one(i)
        slotKeys.append(key); slotValues.append(value); hashes.append(hash); alive.append(true)
    }

    @discardableResult
    public func remove(_ key: Value) -> Bool { remove(key, hash: pythonHash(key)) }

    @discardableResult
    func remove(_ key: Value, hash: Int) -> Bool {
        guard let i = slot(of: key, hash: hash) else { return false }
        remove(slot: i)
        return true
    }

    /// Removes the entry in slot `i`: the last one physically, any other by marking it dead.
    private func remove(slot i: Int) {
        guard i < slotKeys.count, alive[i] else { return }
        if isTypeDict { PyType.namespacesChanged() }
        let h = TableHash(hashes[i])
        table[h] = table[h]?.removing(i)
        if i == slotKeys.count - 1 {
            slotKeys.removeLast(); slotValues.removeLast(); hashes.removeLast(); alive.removeLast()
            while let last = alive.last, !last {
                slotKeys.removeLast(); slotValues.removeLast(); hashes.removeLast(); alive.removeLast()
                dead -= 1
            }
        } else {
            alive[i] = false
            slotKeys[i] = .none; slotValues[i] = .none
            dead += 1
        }
    }

    /// `d.popitem()`: the last entry, removed.
    func popLast() -> (Value, Value)? {
        guard let i = alive.lastIndex(of: true) else { return nil }
        let entry = (slotKeys[i], slotValues[i])
        remove(slot: i)
        return entry
    }

    /// Moves the entry of `key` to the end (or the front): `OrderedDict.move_to_end`.
    func move(_ key: Value, toEnd: Bool) -> Bool {
        let h = pythonHash(key)
        guard let i = slot(of: key, hash: h), i < slotValues.count else { return false }
        let k = slotKeys[i], v = slotValues[i]
        remove(slot: i)
        if toEnd { set(k, v, hash: h); return true }
        compact()
        let old = (slotKeys, slotValues, hashes)
        removeAll()
        set(k, v, hash: h)
        for j in old.0.indices { set(old.0[j], old.1[j], hash: old.2[j]) }
        return true
    }

    public func removeAll() {
        if isTypeDict { PyType.namespacesChanged() }
        slotKeys = []; slotValues = []; hashes = []; alive = []; dead = 0; table = [:]
    }

    /// A shallow copy: same keys and values, same order.
    public func copy() -> PyDict {
        compact()
        let c = PyDict()
        c.slotKeys = slotKeys; c.slotValues = slotValues; c.hashes = hashes; c.alive = alive; c.table = table
        return c
    }

    /// Empties the dict and returns what it held, for `releaseNested` to take apart.
    func takeContents() -> [Value] {
        let all = slotKeys + slotValues
        removeAll()
        return all
    }
}
