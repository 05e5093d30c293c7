#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stack size for running Python code: a tree-walking interpreter spends tens of kilobytes of
/// native stack per Python call (more in debug builds), and Python allows 1000 nested calls.
/// Only the pages actually touched are committed.
let interpreterStackSize = 1 << 30

/// Runs `body` on a fresh thread with a large stack and waits for it, so deep recursion in the
/// user's program ends in `RecursionError`, never in a stack overflow — whatever thread called us
/// (the main thread, a test runner's small-stack worker, the REPL).
func onBigStack<R>(_ body: () -> R) -> R {
    withoutActuallyEscaping(body) { escapable in
        let box = StackTask(escapable)
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, interpreterStackSize)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(box as AnyStackTask).toOpaque()
        let rc = pthread_create(&thread, &attr, { raw in
            let b = Unmanaged<AnyStackTask>.fromOpaque(raw!).takeRetainedValue()
            b.perform()
            return nil
        }, context)
        if rc != 0 {
            // No thread could be made (resource limits): run here, with the caller's stack.
            Unmanaged<AnyStackTask>.fromOpaque(context).release()
            return escapable()
        }
        pthread_join(thread, nil)
        return box.result!
    }
}

/// The work handed to the big-stack thread (a class, so a C thread entry can reach it).
class AnyStackTask {
    func perform() {}
}

final class StackTask<R>: AnyStackTask {
    let run: () -> R
    var result: R?
    init(_ run: @escaping () -> R) { self.run = run }
    override func perform() { result = run() }
}
