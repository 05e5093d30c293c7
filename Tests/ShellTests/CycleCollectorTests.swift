import Testing
@testable import Shell

/// The cycle collector (Objects/CycleCollector.swift): garbage cycles are freed, nothing reachable
/// is touched, and storage that several values share is counted once. Swift weak references see
/// whether an object was really freed.
@Suite("Cycle collector", .serialized)
struct CycleCollectorTests {
    @Test("a list that holds itself is freed by a collection, and not before")
    func selfList() {
        weak var probe: PyList?
        do {
            let l = PyList([.int(1)])
            l.items.append(.list(l))
            probe = l
        }
        #expect(probe != nil)  // reference counting alone cannot free it
        #expect(CycleCollector.collect() >= 1)
        #expect(probe == nil)
    }

    @Test("a cycle held from a Swift variable survives with its contents")
    func heldCycle() {
        let a = PyList([.str("a")]), b = PyList([.str("b")])
        a.items.append(.list(b))
        b.items.append(.list(a))
        CycleCollector.collect()
        #expect(a.items.count == 2 && b.items.count == 2)
    }

    @Test("a tuple's items shared by several containers are counted once")
    func sharedTupleBuffer() {
        // l1 → l2 → (l1,) twice, one buffer. Counting the buffer's reference to l1 twice would leave
        // l1 no outside reference and clear it although this test holds it.
        let l1 = PyList([])
        let tuple: [Value] = [.list(l1)]
        let l2 = PyList([.tuple(tuple), .tuple(tuple)])
        l1.items = [.list(l2)]
        weak var probe = l2
        CycleCollector.collect()
        #expect(l1.items.count == 1)
        #expect(probe?.items.count == 2)
    }

    @Test("a list's item array shared with another list is one node")
    func sharedItems() {
        let inner = PyList([])
        let items: [Value] = [.list(inner)]
        let first = PyList(items), second = PyList(items)  // copy-on-write: one buffer for both
        inner.items = [.list(first), .list(second)]
        weak var probeFirst = first, probeSecond = second
        CycleCollector.collect()
        #expect(inner.items.count == 2)
        #expect(probeFirst?.items.count == 1 && probeSecond?.items.count == 1)
    }

    @Test("a deep chain of tuples in a cycle is freed without deep recursion")
    func deepTuples() {
        weak var probe: PyList?
        do {
            let l = PyList([])
            var v: Value = .list(l)
            for _ in 0..<200_000 { v = .tuple([v]) }
            l.items = [v]
            probe = l
        }
        #expect(CycleCollector.collect() > 200_000)
        #expect(probe == nil)
    }

    @Test("a session's module scope, its functions and classes are freed when the session goes")
    func moduleScope() throws {
        weak var probe: Scope?
        do {
            let session = Session(file: "<test>", write: { _ in }, writeError: { _ in })
            #expect(session.run("""
                def f(n):
                    return f(n - 1) if n else 0
                class C:
                    @property
                    def p(self):
                        return self
                c = C()
                c.me = c
                """) == .ok)
            probe = session.interpreter.globalScope
        }
        CycleCollector.collect()
        #expect(probe == nil)
    }

    @Test("garbage made in a loop is collected automatically, without a call to gc.collect()")
    func automatic() {
        let session = Session(file: "<test>", write: { _ in }, writeError: { _ in })
        CycleCollector.collect()
        let before = CycleCollector.trackedCount
        #expect(session.run("""
            for i in range(50_000):
                a = [i]
                a.append(a)
            """) == .ok)
        // At most about one growth step of uncollected garbage is left, never the 50 000 lists.
        #expect(CycleCollector.trackedCount - before < 2 * max(before, CycleCollector.threshold) + 100)
        CycleCollector.collect()
        #expect(CycleCollector.trackedCount - before < 100)
    }

    @Test("gc.disable() stops automatic collection; gc.collect() still works")
    func disabled() {
        let session = Session(file: "<test>", write: { _ in }, writeError: { _ in })
        CycleCollector.collect()
        let before = CycleCollector.trackedCount
        #expect(session.run("import gc\ngc.disable()\nfor i in range(5000):\n    a = [i]\n    a.append(a)\n") == .ok)
        #expect(CycleCollector.trackedCount - before >= 5000)
        var out = ""
        let s2 = Session(file: "<test>", write: { out += $0 }, writeError: { _ in })
        #expect(s2.run("import gc\nprint(gc.collect() >= 4999)\ngc.enable()\n") == .ok)
        #expect(out == "True\n")
        #expect(CycleCollector.enabled)
    }
}
