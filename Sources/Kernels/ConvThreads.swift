// Per-thread work distribution for the GEMM convolutions: each kernel thread takes whole work items
// (batch item × group × spatial chunk) with OpenBLAS single-threaded, and its own column scratch
// buffer, reused across calls (bounded cache) so there is no page-faulting fresh allocation per call.
import CBLAS
import Dispatch
import Synchronization

/// Cached scratch blocks as (address, bytes); at most `scratchCacheBytes` are kept between calls.
private let scratchCache = Mutex<[(UInt, Int)]>([])
private let scratchCacheBytes = 32 << 20

private func takeScratch(_ bytes: Int) -> UnsafeMutableRawPointer {
    let need = max(bytes, 64)
    let hit: UInt? = scratchCache.withLock { c in
        if let i = c.firstIndex(where: { $0.1 >= need }) { return c.remove(at: i).0 }
        return nil
    }
    if let hit { return UnsafeMutableRawPointer(bitPattern: hit)! }
    return UnsafeMutableRawPointer.allocate(byteCount: need, alignment: 64)
}

private func giveScratch(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
    let need = max(bytes, 64)
    let kept: Bool = scratchCache.withLock { c in
        // Drop smaller blocks first so the cache keeps the sizes currently in use.
        c.sort { $0.1 > $1.1 }
        var total = c.reduce(0) { $0 + $1.1 }
        while total + need > scratchCacheBytes, let last = c.last, last.1 < need {
            UnsafeMutableRawPointer(bitPattern: last.0)!.deallocate()
            total -= last.1
            c.removeLast()
        }
        if total + need > scratchCacheBytes { return false }
        c.append((UInt(bitPattern: p), need))
        return true
    }
    if !kept { p.deallocate() }
}

private final class ItemCounter: Sendable {
    let next = Atomic<Int>(0)
}

/// Runs `body(item, thread, scratch)` for every item in `0..<count`. With more than one item and more
/// than one kernel thread, the threads take items dynamically (load-balanced on a busy machine) and
/// OpenBLAS runs single-threaded inside the region (its thread count is restored afterwards); with a
/// single item the body runs on the caller and OpenBLAS threads its GEMMs itself.
/// Each thread gets its own `scratchBytes`-byte scratch block (not zeroed).
@usableFromInline
func forEachConvItem(count: Int, scratchBytes: Int, _ body: (Int, Int, UnsafeMutableRawPointer) -> Void) {
    if count <= 0 { return }
    let threads = min(kernelThreadCount, count)
    if threads <= 1 {
        let s = takeScratch(scratchBytes)
        // Ctrl-C: stop taking items; Torch turns the flag into KeyboardInterrupt after the call.
        for i in 0..<count where !KernelInterrupt.requested { body(i, 0, s) }
        giveScratch(s, scratchBytes)
        return
    }
    let previous = openblas_get_num_threads()
    if previous != 1 { openblas_set_num_threads(1) }
    let counter = ItemCounter()
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        let s = takeScratch(scratchBytes)
        while true {
            let i = counter.next.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= count || KernelInterrupt.requested { break }
            body(i, t, s)
        }
        giveScratch(s, scratchBytes)
    }
    if previous != 1 { openblas_set_num_threads(previous) }
}
