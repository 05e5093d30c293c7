/// A Python set, stored as CPython 3.11 stores it (Objects/setobject.c): an open-addressing table of
/// hashes and keys probed nine slots linearly and then by perturbation, deleted keys left as dummies,
/// the table grown ×4 (×2 past 50 000 items) when three fifths are filled. Iteration walks the table,
/// so a set prints its items in the order CPython does (`{10, 3}`, `{16, 1, 2, 3, 4, 5}`), and
/// membership costs O(1).
///
/// A comparison can run a user `__eq__` that changes this set; as CPython does, a lookup starts over
/// when the table changed under it, and every slot is read afresh after a comparison.
public final class PySet: CycleNode {
    private enum State: UInt8 { case unused, active, dummy }
    private static let minSize = 8
    private static let linearProbes = 9

    private var states: [State]
    private var hashes: [Int]
    private var keys: [Value]
    private var mask: Int
    /// Active plus dummy slots (what the resize rule counts), and active ones only.
    private var fill = 0
    private(set) var used = 0
    /// Where `pop()` continues (CPython's `finger`).
    private var finger = 0
    /// Bumped by every change, so a lookup can tell that a comparison changed the table.
    private var generation = 0
    private var cachedItems: [Value]?

    var cycleSlot: Int32 = -1

    public init(_ values: [Value] = []) {
        states = Array(repeating: .unused, count: PySet.minSize)
        hashes = Array(repeating: 0, count: PySet.minSize)
        keys = Array(repeating: .none, count: PySet.minSize)
        mask = PySet.minSize - 1
        CycleCollector.track(self)
        for v in values { insert(v) }
    }

    deinit {
        CycleCollector.untrack(self)
        releaseNested(&keys)
    }
    func traverseReferences(_ visitor: inout CycleVisitor) {
        visitor.visitOwned(&keys)
        if cachedItems != nil { visitor.visitOwned(&cachedItems!) }
    }
    func clearReferences() { removeAll() }

    public var count: Int { used }
    public var isEmpty: Bool { used == 0 }

    /// The items in table order (what iteration, `repr` and `list(s)` see).
    public var items: [Value] {
        if let cachedItems { return cachedItems }
        var out: [Value] = []
        out.reserveCapacity(used)
        for i in 0...mask where states[i] == .active { out.append(keys[i]) }
        cachedItems = out
        return out
    }

    private func changed() { generation &+= 1; cachedItems = nil }

    // MARK: lookup

    /// The slot holding `key`, or nil.
    private func find(_ key: Value, hash: Int) -> Int? {
        restart: while true {
            let gen = generation
            var i = UInt(bitPattern: hash) & UInt(mask)
            var perturb = UInt(bitPattern: hash)
            while true {
                var j = Int(i)
                var probes = j + PySet.linearProbes <= mask ? PySet.linearProbes : 0
                repeat {
                    switch states[j] {
                    case .unused: return nil
                    case .active where hashes[j] == hash:
                        if valuesEqual(keys[j], key) {
                            if generation == gen { return j }
                            continue restart
                        }
                        if generation != gen { continue restart }
                    default: break
                    }
                    j += 1
                    probes -= 1
                } while probes >= 0
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ perturb) & UInt(mask)
            }
        }
    }

    public func contains(_ v: Value) -> Bool { find(v, hash: pythonHash(v)) != nil }
    func contains(_ v: Value, hash: Int) -> Bool { find(v, hash: hash) != nil }

    // MARK: insertion

    public func insert(_ v: Value) { insert(v, hash: pythonHash(v)) }

    /// CPython's `set_add_entry`: an equal key already present wins; otherwise the key goes into the
    /// last dummy slot passed on the probe path, or else the first unused one (which may grow the table).
    func insert(_ key: Value, hash: Int) {
        restart: while true {
            let gen = generation
            var i = UInt(bitPattern: hash) & UInt(mask)
            var perturb = UInt(bitPattern: hash)
            var freeSlot: Int?
            while true {
                var j = Int(i)
                var probes = j + PySet.linearProbes <= mask ? PySet.linearProbes : 0
                repeat {
                    switch states[j] {
                    case .unused:
                        if let f = freeSlot {
                            put(key, hash, at: f)
                            used += 1
                            return
                        }
                        put(key, hash, at: j)
                        fill += 1; used += 1
                        if fill * 5 >= mask * 3 { resize(minUsed: used > 50_000 ? used * 2 : used * 4) }
                        return
                    case .active where hashes[j] == hash:
                        if valuesEqual(keys[j], key) { return }
                        if generation != gen { continue restart }
                    case .dummy:
                        freeSlot = j
                    default: break
                    }
                    j += 1
                    probes -= 1
                } while probes >= 0
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ perturb) & UInt(mask)
            }
        }
    }

    private func put(_ key: Value, _ hash: Int, at j: Int) {
        states[j] = .active; hashes[j] = hash; keys[j] = key
        changed()
    }

    /// CPython's `set_insert_clean`: into a table known to hold neither the key nor dummies.
    private static func insertClean(_ key: Value, _ hash: Int, states: inout [State], hashes: inout [Int],
                                    keys: inout [Value], mask: Int) {
        var i = UInt(bitPattern: hash) & UInt(mask)
        var perturb = UInt(bitPattern: hash)
        while true {
            var j = Int(i)
            if states[j] == .unused { states[j] = .active; hashes[j] = hash; keys[j] = key; return }
            if j + linearProbes <= mask {
                for _ in 0..<linearProbes {
                    j += 1
                    if states[j] == .unused { states[j] = .active; hashes[j] = hash; keys[j] = key; return }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & UInt(mask)
        }
    }

    /// CPython's `set_table_resize`: the smallest power of two above `minUsed`, active keys
    /// re-inserted in the old table's order, dummies dropped.
    private func resize(minUsed: Int) {
        var size = PySet.minSize
        while size <= minUsed { size <<= 1 }
        var newStates = Array(repeating: State.unused, count: size)
        var newHashes = Array(repeating: 0, count: size)
        var newKeys = Array(repeating: Value.none, count: size)
        for j in 0...mask where states[j] == .active {
            PySet.insertClean(keys[j], hashes[j], states: &newStates, hashes: &newHashes, keys: &newKeys, mask: size - 1)
        }
        var old = keys
        states = newStates; hashes = newHashes; keys = newKeys
        mask = size - 1
        fill = used
        changed()
        releaseNested(&old)
    }

    /// CPython's `set_merge`: `other`'s items added in its table order, after one resize up front;
    /// into an empty set of the same table size the table is copied as it is.
    func merge(_ other: PySet) {
        guard other !== self, other.used > 0 else { return }
        if (fill + other.used) * 5 >= mask * 3 { resize(minUsed: (used + other.used) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.used {
            states = other.states; hashes = other.hashes; keys = other.keys
            fill = other.fill; used = other.used
            changed()
            return
        }
        if fill == 0 {
            for j in 0...other.mask where other.states[j] == .active {
                PySet.insertClean(other.keys[j], other.hashes[j], states: &states, hashes: &hashes, keys: &keys, mask: mask)
            }
            fill = other.used; used = other.used
            changed()
            return
        }
        let (os, oh, ok) = (other.states, other.hashes, other.keys)
        for j in os.indices where os[j] == .active { insert(ok[j], hash: oh[j]) }
    }

    /// `set.update(d)` for a dict: CPython sizes the table for the dict first.
    func merge(_ d: PyDict) {
        if (fill + d.count) * 5 >= mask * 3 { resize(minUsed: (used + d.count) * 2) }
        for k in d.keys { insert(k) }
    }

    // MARK: removal

    /// `discard`: true when the key was there.
    @discardableResult
    public func remove(_ v: Value) -> Bool { remove(v, hash: pythonHash(v)) }

    @discardableResult
    func remove(_ v: Value, hash: Int) -> Bool {
        guard let j = find(v, hash: hash) else { return false }
        states[j] = .dummy; hashes[j] = -1; keys[j] = .none
        used -= 1
        changed()
        return true
    }

    /// CPython's `set.pop()`: the first active slot at or after the finger.
    func pop() -> Value? {
        guard used > 0 else { return nil }
        var j = finger & mask
        while states[j] != .active { j = j == mask ? 0 : j + 1 }
        let v = keys[j]
        states[j] = .dummy; hashes[j] = -1; keys[j] = .none
        used -= 1
        finger = j + 1
        changed()
        return v
    }

    public func removeAll() {
        var old = keys
        states = Array(repeating: .unused, count: PySet.minSize)
        hashes = Array(repeating: 0, count: PySet.minSize)
        keys = Array(repeating: .none, count: PySet.minSize)
        mask = PySet.minSize - 1
        fill = 0; used = 0
        changed()
        releaseNested(&old)
    }

    /// Active entries as (key, hash) in table order, for the set algebra below.
    var entries: [(Value, Int)] {
        var out: [(Value, Int)] = []
        for j in 0...mask where states[j] == .active { out.append((keys[j], hashes[j])) }
        return out
    }

    // MARK: set algebra, in CPython's order of insertion

    /// A set display of three or more constants: CPython compiles it to a frozenset constant merged
    /// into a new set, which can order the items differently from adding them one by one.
    static func constantDisplay(_ values: [Value]) -> PySet {
        let r = PySet()
        r.merge(PySet(values))
        return r
    }

    /// `set(s)`, `s.copy()`.
    func copy() -> PySet {
        let c = PySet()
        c.merge(self)
        return c
    }

    /// `s | t`: a copy of `s`, then `t` merged in.
    func union(_ other: PySet) -> PySet {
        let r = copy()
        r.merge(other)
        return r
    }

    /// `s & t`: the smaller set walked, each item found in the larger added.
    func intersection(_ other: PySet) -> PySet {
        if other === self { return copy() }
        var (big, small) = (self, other)
        if other.used > used { (big, small) = (other, self) }
        let r = PySet()
        for (k, h) in small.entries where big.contains(k, hash: h) { r.insert(k, hash: h) }
        return r
    }

    /// `s - t`: `s` copied and `t`'s items discarded when `s` is over four times larger; otherwise
    /// `s` walked and what `t` lacks added.
    func difference(_ other: PySet) -> PySet {
        if other === self { return PySet() }
        if used >> 2 > other.used {
            let r = copy()
            for (k, h) in other.entries { r.remove(k, hash: h) }
            return r
        }
        let r = PySet()
        for (k, h) in entries where !other.contains(k, hash: h) { r.insert(k, hash: h) }
        return r
    }

    /// `s ^ t`: a copy of `t`, with each of `s`'s items removed if there and added if not.
    func symmetricDifference(_ other: PySet) -> PySet {
        let r = other.copy()
        r.symmetricDifferenceUpdate(self)
        return r
    }

    func symmetricDifferenceUpdate(_ other: PySet) {
        if other === self { removeAll(); return }
        for (k, h) in other.entries where !remove(k, hash: h) { insert(k, hash: h) }
    }
}
