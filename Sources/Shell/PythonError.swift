import Syntax
import Torch

/// A Python exception raised while running: its class (`NameError`), message, and where it happened.
public struct PythonError: Error, CustomStringConvertible {
    public var kind: String
    public var message: String
    /// The node being evaluated when the error surfaced (filled in on the way up).
    public var location: SourceLocation?
    /// For `SystemExit`: the exit status.
    public var exitCode: Int32?
    /// The exception object, once Python code raised or caught it (see `materialize`).
    public var instance: PyInstance?
    /// For a `KeyError` raised by nnsh: the key (its `args[0]`; the message is its repr).
    var keyArgument: Value?
    /// The Python functions the error left, innermost first (traceback frames).
    public var frames: [TracebackFrame] = []
    /// For a `SyntaxError` in an imported file: where it is (rendered after the importers' frames).
    public var syntax: SyntaxError?
    /// The fuzzer's step budget: not an exception Python code can catch.
    public var uncatchable = false

    public init(_ kind: String, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public static func type(_ m: String) -> PythonError { PythonError("TypeError", m) }
    public static func value(_ m: String) -> PythonError { PythonError("ValueError", m) }
    public static func name(_ n: String) -> PythonError { PythonError("NameError", "name '\(n)' is not defined") }
    public static func attribute(_ m: String) -> PythonError { PythonError("AttributeError", m) }
    public static func index(_ m: String) -> PythonError { PythonError("IndexError", m) }
    public static func runtime(_ m: String) -> PythonError { PythonError("RuntimeError", m) }
    public static func zeroDivision(_ m: String) -> PythonError { PythonError("ZeroDivisionError", m) }
    public static func overflow(_ m: String) -> PythonError { PythonError("OverflowError", m) }
    public static func key(_ m: String) -> PythonError { PythonError("KeyError", m) }
    /// `UnboundLocalError` / `NameError` for a name read before assignment.
    public static func unbound(_ n: String) -> PythonError {
        PythonError("UnboundLocalError", "cannot access local variable '\(n)' where it is not associated with a value")
    }

    /// `RuntimeError: message` (Python's last traceback line).
    public var description: String { message.isEmpty ? kind : "\(kind): \(message)" }

    /// Any error as a Python exception.
    static func from(_ error: Error) -> PythonError {
        switch error {
        case let e as PythonError: return e
        case let e as TorchError: return PythonError(e.kind, e.message)
        default: return PythonError("RuntimeError", "\(error)")
        }
    }
}

/// One traceback entry: a Python function an error passed through, and the line it was running.
public struct TracebackFrame {
    public var file: String
    public var function: String
    public var location: SourceLocation?
}

/// How a running statement left its block (`exec`'s result; not thrown).
enum ControlFlow {
    case normal
    case breakLoop
    case continueLoop
    case returnValue(Value)
}
