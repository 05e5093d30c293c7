import Syntax

/// A Swift-written object that takes part in Python's operators, subscripts, `len`, iteration,
/// truth and number conversion through its own methods (numpy's arrays and scalars). The
/// evaluator asks it at each of those points, as it asks a user class for its dunder methods.
/// A method returns nil where the object has no answer for that operand (Python's
/// `NotImplemented`: the other operand, then the evaluator's default, decides).
protocol OperandObject: PyObject {
    /// `self op other` (`reflected`: `other op self`).
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value?
    /// `self op other` for `== != < <= > >=` (`reflected`: `other op self`, already mirrored).
    func compare(_ op: ComparisonOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value?
    func unary(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value?
    func truth() throws -> Bool
    func length() throws -> Int
    func items(_ interp: Interpreter) throws -> [Value]
    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value
    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws
    /// `float(x)` / `int(x)` / `operator.index(x)` (nil: not a number).
    func toDouble() throws -> Double?
    func toInt(index: Bool) throws -> Int?
    /// `format(x, spec)`.
    func format(_ spec: String, _ interp: Interpreter) throws -> String
    /// `self op= other` changing self (nil: not in place; the evaluator rebinds `self op other`).
    func inPlace(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value?
}

extension Value {
    var operand: OperandObject? {
        if case .object(let o as OperandObject) = self { return o }
        return nil
    }
}

/// Defaults: an object answers only the points it overrides.
extension OperandObject {
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? { nil }
    func compare(_ op: ComparisonOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? { nil }
    func unary(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? { nil }
    func truth() throws -> Bool { true }
    func length() throws -> Int { throw PythonError.type("object of type '\(typeName)' has no len()") }
    func items(_ interp: Interpreter) throws -> [Value] { throw PythonError.type("'\(typeName)' object is not iterable") }
    func getItem(_ key: Value, _ interp: Interpreter) throws -> Value { throw PythonError.type("'\(typeName)' object is not subscriptable") }
    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws {
        throw PythonError.type("'\(typeName)' object does not support item assignment")
    }
    func toDouble() throws -> Double? { nil }
    func toInt(index: Bool) throws -> Int? { nil }
    func format(_ spec: String, _ interp: Interpreter) throws -> String { try interp.padString(str(), spec: spec) }
    func inPlace(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? { nil }
}
