import Foundation
import Testing
@testable import NN
import Torch

/// Deeply nested modules: measured without recursion, freed without recursion.
@Suite(.serialized) struct NestingTests {
    final class Box: @unchecked Sendable {
        var module: Module?
        init(_ m: Module) { module = m }
    }

    @Test func nestingDepthCountsLevelsAndStopsAtTheLimit() {
        var m: Module = ReLU()
        #expect(m.nestingDepth(upTo: 0) == 0)
        for _ in 0..<20_000 { m = Sequential([m]) }
        #expect(m.nestingDepth(upTo: 1_000_000) == 20_000)
        #expect(m.nestingDepth(upTo: 19_999) == nil)
        // Shared children are counted once per level, not once per path (2^30 paths here).
        var shared: Module = ReLU()
        for _ in 0..<30 { shared = Sequential([shared, shared]) }
        #expect(shared.nestingDepth(upTo: 100) == 30)
    }

    @Test func aModuleInsideItselfExceedsAnyLimit() {
        let m = Sequential([ReLU()])
        m.registerModule("self", m)
        #expect(m.nestingDepth(upTo: 500) == nil)
        m.registerModule("self", ReLU())  // break the cycle so the module can be freed
        #expect(m.nestingDepth(upTo: 500) == 1)
    }

    @Test func longModuleChainIsFreedIteratively() {
        weak var innerWeak: Module?
        let box: Box
        do {
            let inner = ReLU()
            innerWeak = inner
            var m: Module = inner
            for _ in 0..<20_000 { m = Sequential([m]) }
            box = Box(m)
        }
        #expect(innerWeak != nil)  // still held by the chain
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { box.module = nil; done.signal() }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        #expect(innerWeak == nil)
    }

}
