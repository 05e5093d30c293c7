#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A body of code that can stop in the middle and be resumed later: what a Python generator needs
/// from a tree-walking interpreter, whose evaluation state lives on the native stack.
///
/// The body runs on a thread of its own, and control passes strictly back and forth: `resume` (the
/// consumer) hands a value in and sleeps until the body calls `suspend` or ends; `suspend` (the
/// body) hands a value out and sleeps until the next `resume`. Exactly one of the two threads runs
/// at any time, so the interpreter's state needs no locks: the mutex hand-over orders every memory
/// access of one side before the other's. The thread is made on the first `resume` and ends with
/// the body (a generator run to its end, or closed).
final class Coroutine {
    /// What the consumer sends in: a value (`next`, `send`) or an exception to raise (`throw`, `close`).
    enum Resume {
        case value(Value)
        case error(Error)
    }
    /// How the body stopped: at a `yield`, by returning, or by raising.
    enum Outcome {
        case yielded(Value)
        case returned(Value)
        case failed(Error)
    }

    /// Native stack of a coroutine thread: the generator's own frames only, up to the recursion
    /// limit; touched pages only are committed.
    static let stackSize = 256 << 20

    private var mutex = pthread_mutex_t()
    private var wake = pthread_cond_t()
    private var inbox: Resume?
    private var outbox: Outcome?
    private var body: ((Resume) -> Outcome)?
    private(set) var started = false

    init(_ body: @escaping (Resume) -> Outcome) {
        self.body = body
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&wake, nil)
    }

    deinit {
        pthread_cond_destroy(&wake)
        pthread_mutex_destroy(&mutex)
    }

    /// Runs the body until it suspends or ends (from the consumer's thread).
    func resume(_ r: Resume) throws -> Outcome {
        pthread_mutex_lock(&mutex)
        inbox = r
        if !started {
            guard startThread() else {
                inbox = nil
                pthread_mutex_unlock(&mutex)
                throw PythonError("MemoryError", "cannot start a generator: no thread could be made for it")
            }
            started = true
        } else {
            pthread_cond_broadcast(&wake)
        }
        while outbox == nil { pthread_cond_wait(&wake, &mutex) }
        let outcome = outbox!
        outbox = nil
        pthread_mutex_unlock(&mutex)
        return outcome
    }

    /// Hands `value` to the consumer and waits for the next resume (from the body's thread).
    func suspend(_ value: Value) -> Resume {
        pthread_mutex_lock(&mutex)
        outbox = .yielded(value)
        pthread_cond_broadcast(&wake)
        while inbox == nil { pthread_cond_wait(&wake, &mutex) }
        let r = inbox!
        inbox = nil
        pthread_mutex_unlock(&mutex)
        return r
    }

    /// Called with the mutex held.
    private func startThread() -> Bool {
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, Coroutine.stackSize)
        pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let rc = pthread_create(&thread, &attr, { raw in
            Unmanaged<Coroutine>.fromOpaque(raw!).takeRetainedValue().threadMain()
            return nil
        }, context)
        if rc != 0 { Unmanaged<Coroutine>.fromOpaque(context).release() }
        return rc == 0
    }

    private func threadMain() {
        pthread_mutex_lock(&mutex)
        while inbox == nil { pthread_cond_wait(&wake, &mutex) }
        var first = inbox
        inbox = nil
        var run = body
        body = nil
        pthread_mutex_unlock(&mutex)
        var outcome = first.flatMap { run?($0) } ?? .returned(.none)
        // Everything this thread holds (what the body captured, the values in and out) is let go
        // before the hand-over: afterwards the consumer runs, and a last release here would run a
        // deinit on this thread while the consumer's runs.
        first = nil
        run = nil
        pthread_mutex_lock(&mutex)
        outbox = outcome
        outcome = .returned(.none)
        pthread_cond_broadcast(&wake)
        pthread_mutex_unlock(&mutex)
    }
}
