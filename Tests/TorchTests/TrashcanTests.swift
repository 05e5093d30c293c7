import Foundation
import Testing
@testable import Torch

/// Runs `body` on a thread with a 256 KB stack and waits for it. A chain freed recursively needs
/// a few frames per link, so a 20 000-link chain overflows such a stack (the test process
/// crashes) unless it is freed iteratively.
func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread { body(); done.signal() }
    thread.stackSize = 256 << 10
    thread.start()
    done.wait()
}

/// Boxes a chain so the small-stack thread can drop the last reference.
final class ChainBox: @unchecked Sendable {
    var head: Tensor?
    init(_ head: Tensor) { self.head = head }
}

@Suite(.serialized) struct TrashcanTests {
    @Test func longAutogradGraphIsFreedIteratively() throws {
        let x = try Tensor.from([1.0])
        try x.setRequiresGrad(true)
        var y = try x * x
        weak var firstNode = y.gradFn
        for _ in 0..<20_000 { y = try y + x }
        #expect(y.gradFn?.name == "AddBackward0")
        let box = ChainBox(y)
        y = x
        #expect(firstNode != nil)  // still held by the chain
        onSmallStack { box.head = nil }
        #expect(firstNode == nil)
    }

    @Test func gradChainIsFreedIteratively() throws {
        weak var firstWeak: Tensor?
        let box: ChainBox
        do {
            let first = try Tensor.zeros([1])
            firstWeak = first
            var prev = first
            for _ in 0..<20_000 {
                let t = try Tensor.zeros([1])
                t.grad = prev
                prev = t
            }
            box = ChainBox(prev)
        }
        #expect(firstWeak != nil)  // still held by the chain
        onSmallStack { box.head = nil }
        #expect(firstWeak == nil)
    }
}
