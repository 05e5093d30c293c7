/// Dtype dispatch, done once per op. Each `visit` calls back with the Swift element type.
protocol ElementVisitor {
    associatedtype Result
    func visit<T: Element>(_: T.Type) throws -> Result
}

protocol NumericVisitor {
    associatedtype Result
    func visit<T: NumericElement>(_: T.Type) throws -> Result
}

protocol FloatVisitor {
    associatedtype Result
    func visit<T: FloatElement>(_: T.Type) throws -> Result
}

extension DType {
    func dispatch<V: ElementVisitor>(_ v: V) throws -> V.Result {
        switch self {
        case .float32: return try v.visit(Float.self)
        case .float64: return try v.visit(Double.self)
        case .int64: return try v.visit(Int64.self)
        case .int32: return try v.visit(Int32.self)
        case .uint8: return try v.visit(UInt8.self)
        case .bool: return try v.visit(Bool.self)
        }
    }

    /// Bool computes as uint8 would not; callers convert bool to an integer type first where needed.
    func dispatchNumeric<V: NumericVisitor>(_ v: V) throws -> V.Result {
        switch self {
        case .float32: return try v.visit(Float.self)
        case .float64: return try v.visit(Double.self)
        case .int64: return try v.visit(Int64.self)
        case .int32: return try v.visit(Int32.self)
        case .uint8, .bool: return try v.visit(UInt8.self)
        }
    }

    func dispatchFloat<V: FloatVisitor>(_ v: V) throws -> V.Result {
        switch self {
        case .float64: return try v.visit(Double.self)
        default: return try v.visit(Float.self)
        }
    }
}
