#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frees long chains of objects without deep recursion.
///
/// Swift frees an object's fields right after its `deinit`, so the last reference to the head of
/// a chain frees the whole chain one `deinit` inside another. An autograd graph is such a chain:
/// after `for i in range(100000): y = y + 1` each `GradNode` holds the tensor it came from, which
/// holds the previous node, and dropping `y` (or leaving the shell, on the main thread's 8 MB
/// stack) overflowed the stack. Nested modules are another (`m = nn.Sequential(m)` in a loop).
/// CPython's "trashcan" and PyTorch's `deleteNode` answer it the same way: a `deinit` nested in
/// another parks what it holds, and the outermost `deinit` on the thread frees the parked objects
/// in a loop. (A first version let 64 deinits nest before parking; in release builds the chain
/// was still freed recursively, so the nesting is now never more than one.)
public enum Trashcan {
    /// Takes what a `deinit` moved out of its object (`parts`; the caller must have cleared its own
    /// fields) and frees it. The outermost call on a thread frees in a loop; a `deinit` that runs
    /// inside that loop only parks its parts and returns, so freeing never nests more than one
    /// object deep, however long the chain.
    public static func dispose(_ parts: inout [Any]) {
        let state = ReleaseState.current
        state.parked.append(parts)
        parts = []
        if state.draining { return }
        state.draining = true
        while !state.parked.isEmpty { freeLast(state) }
        state.draining = false
    }

    /// Frees the most recently parked parts: the removed value is released once `removeLast`
    /// has returned, so the deinits it runs may park more (append to `parked`) safely.
    @inline(never)
    private static func freeLast(_ state: ReleaseState) {
        _ = state.parked.removeLast()
    }
}

/// Per-thread draining flag and parked objects (deinits run on whichever thread drops the last
/// reference; a session runs on its own big-stack thread, tests on theirs).
private final class ReleaseState {
    var draining = false
    var parked: [[Any]] = []

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            if let raw = raw as UnsafeMutableRawPointer? { Unmanaged<ReleaseState>.fromOpaque(raw).release() }
        }
        return key
    }()

    static var current: ReleaseState {
        if let raw = pthread_getspecific(key) { return Unmanaged<ReleaseState>.fromOpaque(raw).takeUnretainedValue() }
        let state = ReleaseState()
        pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
        return state
    }
}
