#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stack size for running Python code: a tree-walking interpreter spends tens of kilobytes of
/// native stack per Python call (more in debug builds), and Python allows 1000 nested calls.
/// Only the pages actually touched are committed.
let interpreterStackSize = 1 << 30

/// Runs `body` on a thread with a large stack and waits for it, so deep recursion in the user's
/// program ends in `RecursionError`, never in a stack overflow — whatever thread called us (the
/// main thread, a test runner's small-stack worker, the REPL).
///
/// One long-lived worker thread serves the calls: making a thread with a 1 GiB stack per call and
/// unmapping its touched pages afterwards cost more than running a short REPL line (and, under
/// AddressSanitizer, most of a fuzz input's time). When the worker is busy — another thread's
/// session is running, or `body` itself runs a session — a fresh thread is made as before.
/// Stack pages a deep recursion touched stay committed for the life of the process (tens of MB at
/// Python's recursion limit), a fair price for a shell session.
func onBigStack<R>(_ body: () -> R) -> R {
    withoutActuallyEscaping(body) { escapable in
        let task = StackTask(escapable)
        if !BigStackWorker.shared.run(task) {
            runOnFreshThread(task)
        }
        return task.result!
    }
}

/// The work handed to a big-stack thread (a class, so a C thread entry can reach it).
class AnyStackTask {
    func perform() {}
}

final class StackTask<R>: AnyStackTask {
    let run: () -> R
    var result: R?
    init(_ run: @escaping () -> R) { self.run = run }
    override func perform() { result = run() }
}

private func bigStackAttributes() -> pthread_attr_t {
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, interpreterStackSize)
    return attr
}

/// Runs `task` on a new big-stack thread and joins it; on the caller's stack if no thread can be
/// made (resource limits).
private func runOnFreshThread(_ task: AnyStackTask) {
    var attr = bigStackAttributes()
    defer { pthread_attr_destroy(&attr) }
    var thread = pthread_t()
    let context = Unmanaged.passRetained(task).toOpaque()
    let rc = pthread_create(&thread, &attr, { raw in
        Unmanaged<AnyStackTask>.fromOpaque(raw!).takeRetainedValue().perform()
        return nil
    }, context)
    if rc != 0 {
        Unmanaged<AnyStackTask>.fromOpaque(context).release()
        task.perform()
        return
    }
    pthread_join(thread, nil)
}

/// The long-lived big-stack thread: a one-slot hand-over guarded by a mutex and two conditions.
private final class BigStackWorker: @unchecked Sendable {
    static let shared = BigStackWorker()

    private var mutex = pthread_mutex_t()
    private var posted = pthread_cond_t()
    private var finished = pthread_cond_t()
    /// Set while a caller owns the worker (from hand-over until it has its result).
    private var busy = false
    private var pending: AnyStackTask?
    private var started = false
    /// The thread could not be made; every call falls back to a fresh thread (which then fails
    /// too and runs on the caller's stack).
    private var unavailable = false

    private init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&posted, nil)
        pthread_cond_init(&finished, nil)
    }

    /// Runs `task` on the worker and waits; false (nothing run) if the worker is busy.
    func run(_ task: AnyStackTask) -> Bool {
        pthread_mutex_lock(&mutex)
        if busy || unavailable || (!started && !start()) {
            pthread_mutex_unlock(&mutex)
            return false
        }
        busy = true
        pending = task
        pthread_cond_signal(&posted)
        while pending != nil { pthread_cond_wait(&finished, &mutex) }
        busy = false
        pthread_mutex_unlock(&mutex)
        return true
    }

    /// Called with the mutex held.
    private func start() -> Bool {
        var attr = bigStackAttributes()
        defer { pthread_attr_destroy(&attr) }
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attr, { raw in
            Unmanaged<BigStackWorker>.fromOpaque(raw!).takeUnretainedValue().serve()
            return nil
        }, Unmanaged.passUnretained(self).toOpaque())
        guard rc == 0 else { unavailable = true; return false }
        pthread_detach(thread)
        started = true
        return true
    }

    private func serve() -> Never {
        pthread_mutex_lock(&mutex)
        while true {
            while pending == nil { pthread_cond_wait(&posted, &mutex) }
            let task = pending!
            // The task runs without the lock, so a session started inside it finds the worker
            // busy and takes a fresh thread instead of deadlocking.
            pthread_mutex_unlock(&mutex)
            task.perform()
            pthread_mutex_lock(&mutex)
            pending = nil
            pthread_cond_broadcast(&finished)
        }
    }
}
