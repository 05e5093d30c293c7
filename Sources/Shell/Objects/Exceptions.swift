import Foundation
import Torch

/// CPython 3.11's builtin exception hierarchy (`Objects/exceptions.c`), as real classes users
/// subclass and catch. Each entry is (name, base).
private let hierarchy: [(String, String)] = [
    ("SystemExit", "BaseException"), ("KeyboardInterrupt", "BaseException"), ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"), ("FloatingPointError", "ArithmeticError"), ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"), ("BlockingIOError", "OSError"), ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"), ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"), ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"), ("FileExistsError", "OSError"), ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"), ("IsADirectoryError", "OSError"), ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"), ("ProcessLookupError", "OSError"), ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
    ("StopIteration", "Exception"), ("StopAsyncIteration", "Exception"),
    ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"),
    ("SystemError", "Exception"), ("TypeError", "Exception"),
    ("ValueError", "Exception"), ("UnicodeError", "ValueError"), ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"), ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"), ("DeprecationWarning", "Warning"), ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"), ("SyntaxWarning", "Warning"), ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"), ("ImportWarning", "Warning"), ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"), ("ResourceWarning", "Warning"), ("EncodingWarning", "Warning"),
]

extension PyType {
    /// The builtin exception classes by name, `BaseException` included.
    nonisolated(unsafe) static let exceptions: [String: PyType] = {
        var table = ["BaseException": PyType.baseException]
        for (name, base) in hierarchy {
            // Every base precedes its subclasses in `hierarchy`.
            table[name] = builtin(name, bases: [table[base] ?? .baseException])
        }
        // `io.UnsupportedOperation` is both an OSError and a ValueError; its kind carries the module,
        // as tracebacks print it.
        if let os = table["OSError"], let value = table["ValueError"] {
            table["io.UnsupportedOperation"] = builtin("UnsupportedOperation", module: "io", bases: [os, value])
        }
        // `re.error`, which the pattern compiler raises (with msg, pattern, pos, lineno, colno).
        if let exception = table["Exception"] { table["re.error"] = builtin("error", module: "re", bases: [exception]) }
        // numpy's own: AxisError is a ValueError and an IndexError; a cast refused by an in-place ufunc
        // is a UFuncTypeError (a TypeError) whose qualname tracebacks show.
        if let value = table["ValueError"], let index = table["IndexError"], let type = table["TypeError"] {
            table["numpy.exceptions.AxisError"] = builtin("AxisError", module: "numpy.exceptions", bases: [value, index])
            let ufunc = builtin("UFuncTypeError", module: "numpy._core._exceptions", bases: [type])
            let casting = builtin("UFuncTypeError", module: "numpy._core._exceptions", bases: [ufunc])
            casting.qualname = "_UFuncOutputCastingError"
            table["numpy._core._exceptions._UFuncOutputCastingError"] = casting
        }
        return table
    }()

    /// A builtin exception class; an error kind nnsh raises that CPython lacks becomes an `Exception`.
    static func exception(_ name: String) -> PyType {
        if let t = exceptions[name] { return t }
        return extraExceptions(name)
    }

    nonisolated(unsafe) private static var extras = [String: PyType]()
    private static func extraExceptions(_ name: String) -> PyType {
        if let t = extras[name] { return t }
        let t = builtin(name, bases: [exceptions["Exception"] ?? .baseException])
        extras[name] = t
        return t
    }
}

extension PythonError {
    /// The exception's class.
    var exceptionType: PyType { instance?.type ?? PyType.exception(kind) }

    /// The exception as the object `except … as e` binds (made once, then carried along).
    mutating func materialize() -> PyInstance {
        if let instance { return instance }
        let i = PyInstance(type: PyType.exception(kind))
        if let keyArgument { i.args = [keyArgument] } else if !message.isEmpty { i.args = [.str(message)] }
        if i.type.isSubtype(of: PyType.exception("OSError")) { PythonError.fillOSErrorFields(i, message) }
        instance = i
        return i
    }

    /// A raised exception object as a `PythonError` (its kind is how tracebacks name the class).
    init(raising instance: PyInstance, message: String) {
        let t = instance.type
        let name = t.module == "builtins" || t.module == "__main__" ? t.qualname : "\(t.module).\(t.qualname)"
        self.init(name, message)
        self.instance = instance
    }

    /// An OSError nnsh raised reads `[Errno 2] No such file or directory: 'path'`: its object gets
    /// CPython's `args` `(errno, strerror)` and the `errno`, `strerror` and `filename` attributes.
    static func fillOSErrorFields(_ i: PyInstance, _ message: String) {
        guard message.hasPrefix("[Errno "), let close = message.firstIndex(of: "]"),
              let code = Int(message[message.index(message.startIndex, offsetBy: 7)..<close]) else { return }
        var rest = message[message.index(after: close)...].drop { $0 == " " }
        var filename = Value.none, filename2 = Value.none
        if let colon = rest.range(of: ": '") ?? rest.range(of: ": \"") {
            var names = rest[colon.upperBound...].dropLast()
            // Two paths (`os.rename`): `'a' -> 'b'`.
            if let arrow = names.range(of: "' -> '") ?? names.range(of: "\" -> \"") {
                filename2 = .str(String(names[arrow.upperBound...]))
                names = names[..<arrow.lowerBound]
            }
            filename = .str(String(names))
            rest = rest[..<colon.lowerBound]
        }
        i.args = [.int(code), .str(String(rest))]
        i.attributes.set(.str("errno"), .int(code))
        i.attributes.set(.str("strerror"), .str(String(rest)))
        i.attributes.set(.str("filename"), filename)
        i.attributes.set(.str("filename2"), filename2)
    }

    /// The OSError subclass CPython's `OSError(errno, …)` makes for an errno, if any.
    static func osErrorSubclass(_ code: Int) -> PyType? {
        let name: String
        switch Int32(truncatingIfNeeded: code) {
        case EAGAIN, EALREADY, EINPROGRESS: name = "BlockingIOError"
        case ECHILD: name = "ChildProcessError"
        case EPIPE, ESHUTDOWN: name = "BrokenPipeError"
        case ECONNABORTED: name = "ConnectionAbortedError"
        case ECONNREFUSED: name = "ConnectionRefusedError"
        case ECONNRESET: name = "ConnectionResetError"
        case EEXIST: name = "FileExistsError"
        case ENOENT: name = "FileNotFoundError"
        case EISDIR: name = "IsADirectoryError"
        case ENOTDIR: name = "NotADirectoryError"
        case EINTR: name = "InterruptedError"
        case EACCES, EPERM: name = "PermissionError"
        case ESRCH: name = "ProcessLookupError"
        case ETIMEDOUT: name = "TimeoutError"
        default: return nil
        }
        guard Int(Int32(truncatingIfNeeded: code)) == code else { return nil }
        return PyType.exceptions[name]
    }

    /// `OSError.__init__`'s fields from its arguments: with 2–5 of them, `errno`, `strerror`,
    /// `filename` (args then keep only the first two) and `filename2`; otherwise all None.
    static func initOSError(_ i: PyInstance, _ args: [Value]) {
        let fields = (2...5).contains(args.count)
        i.attributes.set(.str("errno"), fields ? args[0] : .none)
        i.attributes.set(.str("strerror"), fields ? args[1] : .none)
        i.attributes.set(.str("filename"), fields && args.count >= 3 ? args[2] : .none)
        i.attributes.set(.str("filename2"), fields && args.count >= 5 ? args[4] : .none)
        if fields && args.count >= 3 { i.args = Array(args.prefix(2)) }
    }

    /// `KeyError(key)`: the message is the key's repr; `args` holds the key itself.
    static func keyError(_ key: Value) -> PythonError {
        var e = PythonError("KeyError", key.repr)
        e.keyArgument = key
        return e
    }
}
