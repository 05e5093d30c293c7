#if canImport(Glibc)
import Glibc
#endif

/// The cycle collector (docs/object-model.md, "Memory"): Swift's reference counting frees every
/// object nothing points at, but not a group of objects that point at each other and at nothing
/// else (`a.append(a)`, a module whose functions close over the module, `self.me = self`). This
/// finds such groups the way CPython's `gc` does and breaks them.
///
/// CPython's algorithm, over Swift's reference counts: every *container* (an object that can hold
/// references to other containers) is in one registry. A collection
/// 1. lists each container's references to other containers (`traverseReferences`),
/// 2. subtracts, from each container's real strong reference count, the references found in step 1;
///    what remains counts references from outside the containers — Swift locals of the running
///    evaluator, the interpreter's tables, objects that are not containers. Those containers are
///    reachable, and so is everything they lead to;
/// 3. clears the rest (`clearReferences`), which breaks their cycles, and reference counting frees them.
///
/// Why it is safe: a reference reported in step 1 must be one real strong reference, reported once.
/// Too few (a reference the traversal does not know of) only makes an object look reachable, so
/// traversals skip whatever they are unsure of. Too many would clear a live object, so storage that
/// several values share is a node of its own: a tuple's (or any copy-on-write array's) element
/// buffer is visited once, however many containers hold it, and its own count says whether
/// something outside holds it. An array only its owner holds (count 1) is read as part of the owner.
///
/// One interpreter thread at a time (generators hand over strictly), as for the rest of the shell.
protocol CycleNode: AnyObject {
    /// The object's index in the registry; -1 when untracked.
    var cycleSlot: Int32 { get set }
    /// Reports each strong reference this object holds to a value that can hold references.
    func traverseReferences(_ visitor: inout CycleVisitor)
    /// Drops the references this object holds (it is garbage: nothing outside its cycle can see it).
    func clearReferences()
}

/// glibc's `malloc_trim`, looked up at run time (it is not in the Glibc module map, and other C
/// libraries do not have it).
private let mallocTrim: (@convention(c) (Int) -> Int32)? = {
    #if canImport(Glibc)
    guard let f = dlsym(nil, "malloc_trim") else { return nil }
    return unsafeBitCast(f, to: (@convention(c) (Int) -> Int32).self)
    #else
    return nil
    #endif
}()

@_silgen_name("swift_retainCount")
private func swiftRetainCount(_ object: UnsafeMutableRawPointer) -> Int

enum CycleCollector {
    private struct Entry {
        let pointer: UnsafeMutableRawPointer
        unowned(unsafe) let node: any CycleNode
    }

    nonisolated(unsafe) private static var entries: [Entry] = []
    /// Containers alive after the last collection: the next automatic one runs when the registry
    /// has grown past `survivors + max(threshold, survivors)`, so its cost (linear in what is
    /// alive) stays proportional to the allocations that led to it, as CPython's rule for full
    /// collections does.
    nonisolated(unsafe) private static var survivors = 0
    /// `gc.set_threshold(threshold0)`; CPython's default.
    nonisolated(unsafe) static var threshold = 700
    nonisolated(unsafe) static var enabled = true
    /// Set while a collection runs, and around code that runs Python from a `deinit`.
    nonisolated(unsafe) private static var paused = 0
    nonisolated(unsafe) private(set) static var nextCollection = 700

    static var trackedCount: Int { entries.count }
    /// `gc.get_count()[0]`: containers made since the last collection, less those freed.
    static var pendingCount: Int { max(0, entries.count - survivors) }

    @inline(__always)
    static func track<T: CycleNode>(_ node: T) {
        guard node.cycleSlot < 0 else { return }
        node.cycleSlot = Int32(truncatingIfNeeded: entries.count)
        entries.append(Entry(pointer: Unmanaged.passUnretained(node).toOpaque(), node: node))
    }

    /// Called first thing in a tracked object's `deinit`.
    @inline(__always)
    static func untrack<T: CycleNode>(_ node: T) {
        let i = Int(node.cycleSlot)
        guard i >= 0, i < entries.count else { return }
        node.cycleSlot = -1
        let last = entries.removeLast()
        if i < entries.count {
            entries[i] = last
            last.node.cycleSlot = Int32(truncatingIfNeeded: i)
        }
    }

    /// Runs `body` with automatic collection off (Python code run from a `deinit`).
    static func paused<R>(_ body: () throws -> R) rethrows -> R {
        paused += 1
        defer { paused -= 1 }
        return try body()
    }

    /// The evaluator's safe points (loop iterations, calls) ask this; a collection there sees every
    /// value the running code holds as a Swift reference.
    @inline(__always)
    static var isDue: Bool { entries.count >= nextCollection }

    static func collectIfDue() {
        // `gc.set_threshold(0)` turns automatic collection off, as in CPython.
        guard enabled, threshold > 0, paused == 0 else {
            nextCollection = entries.count + max(threshold, 1)
            return
        }
        _ = collectOnce()
    }

    /// A full collection (`gc.collect()`): the number of unreachable objects found. Freeing garbage
    /// can free an object the collector does not track (a builtin's closure, a whole interpreter)
    /// that was the only outside holder of another cycle, which is garbage only now; so passes
    /// repeat until one finds nothing, and the program sees every cycle gone, as in CPython.
    @discardableResult
    static func collect() -> Int {
        var total = 0
        for _ in 0..<16 {
            let found = collectOnce()
            total += found
            if found == 0 { break }
        }
        return total
    }

    private static func collectOnce() -> Int {
        guard paused == 0 else { return 0 }
        // No collection inside this one: clearing and freeing can run Python (a generator's `finally`).
        paused += 1
        defer { paused -= 1 }
        var garbage = [any CycleNode]()
        var found = 0
        do {
            var visitor = CycleVisitor(trackedCount: entries.count)
            // 1. References between containers. Retains the traversal makes are all released by
            // the end of this step, so the counts read in step 2 are the program's own.
            for i in 0..<entries.count {
                visitor.from = Int32(i)
                entries[i].node.traverseReferences(&visitor)
                visitor.drainPending()
            }
            // 2. What is held from outside.
            var counts = [Int](repeating: 0, count: entries.count + visitor.bufferPointers.count)
            for i in 0..<entries.count { counts[i] = swiftRetainCount(entries[i].pointer) }
            for (j, p) in visitor.bufferPointers.enumerated() { counts[entries.count + j] = swiftRetainCount(p) }
            let reachable = CycleGraph.reachable(counts: counts, from: visitor.edgeFrom, to: visitor.edgeTo)
            // 3. Clear the rest. Strong references first: nothing the clearing releases may free a
            // container still on the list, and the frees happen after the registry walk is over.
            for i in 0..<entries.count where !reachable[i] { garbage.append(entries[i].node) }
            // Counted as CPython counts: an instance's or function's attribute dict is part of the
            // object there (made only when asked for), and a tuple is an object of its own.
            found = garbage.lazy.filter { ($0 as? PyDict)?.isAttributeDict != true }.count
                + (entries.count..<counts.count).lazy.filter { !reachable[$0] }.count
        }
        for object in garbage { object.clearReferences() }
        garbage = []
        // glibc keeps freed memory in its heap for reuse; after a large collection, hand it back to
        // the system, as CPython's allocator returns empty arenas, so a long session's resident size
        // follows what it holds.
        if found >= 10_000 { mallocTrim?(0) }
        survivors = entries.count
        nextCollection = survivors + max(threshold, survivors, 1)
        return found
    }
}

/// Reachability over the reference graph a traversal recorded.
private enum CycleGraph {
    /// Nodes with references from outside (count above the internal references), and all they reach.
    static func reachable(counts: [Int], from: [Int32], to: [Int32]) -> [Bool] {
        let n = counts.count
        var external = counts
        for t in to { external[Int(t)] -= 1 }
        // Adjacency in compressed rows.
        var start = [Int](repeating: 0, count: n + 1)
        for f in from { start[Int(f) + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        var fill = start
        var targets = [Int32](repeating: 0, count: to.count)
        for (f, t) in zip(from, to) {
            targets[fill[Int(f)]] = t
            fill[Int(f)] += 1
        }
        var reachable = [Bool](repeating: false, count: n)
        var stack = [Int]()
        // A negative remainder would mean a reference was reported twice; such a node is kept, never cleared.
        for i in 0..<n where external[i] != 0 { reachable[i] = true; stack.append(i) }
        while let i = stack.popLast() {
            for e in start[i]..<start[i + 1] {
                let t = Int(targets[e])
                if !reachable[t] { reachable[t] = true; stack.append(t) }
            }
        }
        return reachable
    }
}

/// What `traverseReferences` reports to: edges from the object being traversed to containers.
struct CycleVisitor {
    fileprivate var from: Int32 = 0
    fileprivate var edgeFrom: [Int32] = []
    fileprivate var edgeTo: [Int32] = []
    /// Shared element buffers found so far, by address: nodes `trackedCount + i`.
    fileprivate var bufferPointers: [UnsafeMutableRawPointer] = []
    private var bufferIndex: [UnsafeMutableRawPointer: Int32] = [:]
    /// Buffers found but not yet traversed (a worklist, so nesting depth costs no stack).
    private var pending: [(Int32, [Value])] = []
    private let trackedCount: Int

    fileprivate init(trackedCount: Int) { self.trackedCount = trackedCount }

    @inline(__always)
    private mutating func edge(_ slot: Int32) {
        guard slot >= 0, Int(slot) < trackedCount else { return }
        edgeFrom.append(from)
        edgeTo.append(slot)
    }

    /// A reference to a tracked object.
    mutating func visit<T: CycleNode>(_ node: T?) {
        if let node { edge(node.cycleSlot) }
    }

    mutating func visit(_ value: Value?) {
        guard let value else { return }
        switch value {
        case .list(let l): edge(l.cycleSlot)
        case .dict(let d): edge(d.cycleSlot)
        case .set(let s): edge(s.cycleSlot)
        case .function(let f): edge(f.cycleSlot)
        case .object(let o): edge(o.cycleSlot)
        case .tuple(let t): visitShared(t)
        default: break
        }
    }

    /// An array this object stores in its own field: read as part of the object when the object is
    /// its only holder, else as a shared buffer.
    mutating func visitOwned<T>(_ array: inout [T], _ value: (T) -> Value?) {
        guard !array.isEmpty else { return }
        let p = withUnsafeBytes(of: &array) { $0.load(as: UnsafeMutableRawPointer.self) }
        if swiftRetainCount(p) == 1 {
            for element in array { visit(value(element)) }
        } else {
            visitBuffer(p, array.compactMap(value))
        }
    }

    mutating func visitOwned(_ array: inout [Value]) { visitOwned(&array) { $0 } }
    mutating func visitOwned(_ array: inout [Value?]) { visitOwned(&array) { $0 } }

    /// An immutable array value (a tuple's items, a `let` field): always a buffer node.
    mutating func visitShared(_ array: [Value]) { visitShared(array) { $0 } }
    mutating func visitShared(_ array: [Value?]) { visitShared(array) { $0 } }

    private mutating func visitShared<T>(_ array: [T], _ value: (T) -> Value?) {
        guard !array.isEmpty else { return }
        var copy = array
        let p = withUnsafeBytes(of: &copy) { $0.load(as: UnsafeMutableRawPointer.self) }
        visitBuffer(p, copy.compactMap(value))
    }

    private mutating func visitBuffer(_ p: UnsafeMutableRawPointer, _ elements: [Value]) {
        if let known = bufferIndex[p] { bufferEdge(known); return }
        let index = Int32(truncatingIfNeeded: trackedCount + bufferPointers.count)
        bufferPointers.append(p)
        bufferIndex[p] = index
        bufferEdge(index)
        pending.append((index, elements))
    }

    private mutating func bufferEdge(_ node: Int32) {
        edgeFrom.append(from)
        edgeTo.append(node)
    }

    /// Traverses the buffers found while traversing one object, and those they lead to.
    fileprivate mutating func drainPending() {
        let owner = from
        while let (index, elements) = pending.popLast() {
            from = index
            for v in elements { visit(v) }
        }
        from = owner
    }
}
