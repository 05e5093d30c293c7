import Foundation

/// A Swift type that backs one `DType`. Hot loops are generic over it and specialised per type,
/// so dispatch on dtype happens once per op, never per element.
public protocol Element: Comparable {
    static var dtype: DType { get }
    static var zero: Self { get }
    static var one: Self { get }
    init(double: Double)
    init(int64: Int64)
    var double: Double { get }
    var int64: Int64 { get }
}

/// Element types with real arithmetic (everything but bool). Integer arithmetic wraps as C++ does
/// in PyTorch's kernels, so no user input can make it trap.
public protocol NumericElement: Element, Numeric {
    static func plus(_ a: Self, _ b: Self) -> Self
    static func minus(_ a: Self, _ b: Self) -> Self
    static func times(_ a: Self, _ b: Self) -> Self
    static func negated(_ a: Self) -> Self
    static var isSignedElement: Bool { get }
}

extension NumericElement where Self: FixedWidthInteger {
    @inline(__always) public static func plus(_ a: Self, _ b: Self) -> Self { a &+ b }
    @inline(__always) public static func minus(_ a: Self, _ b: Self) -> Self { a &- b }
    @inline(__always) public static func times(_ a: Self, _ b: Self) -> Self { a &* b }
    @inline(__always) public static func negated(_ a: Self) -> Self { 0 &- a }
    public static var isSignedElement: Bool { Self.isSigned }
}

extension NumericElement where Self: BinaryFloatingPoint {
    @inline(__always) public static func plus(_ a: Self, _ b: Self) -> Self { a + b }
    @inline(__always) public static func minus(_ a: Self, _ b: Self) -> Self { a - b }
    @inline(__always) public static func times(_ a: Self, _ b: Self) -> Self { a * b }
    @inline(__always) public static func negated(_ a: Self) -> Self { -a }
    public static var isSignedElement: Bool { true }
}

/// Float32 and float64: the types the maths functions exist for.
public protocol FloatElement: NumericElement, BinaryFloatingPoint {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func sqrt(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func expm1(_ x: Self) -> Self
    static func erf(_ x: Self) -> Self
}

extension Float: FloatElement {
    public static var dtype: DType { .float32 }
    public static var one: Float { 1 }
    public init(double: Double) { self = Float(double) }
    public init(int64: Int64) { self = Float(int64) }
    public var double: Double { Double(self) }
    public var int64: Int64 { Int64(exactly: self.rounded(.towardZero)) ?? (self.isNaN ? 0 : (self < 0 ? .min : .max)) }
    public static func exp(_ x: Float) -> Float { Foundation.exp(x) }
    public static func log(_ x: Float) -> Float { Foundation.log(x) }
    public static func sqrt(_ x: Float) -> Float { x.squareRoot() }
    public static func sin(_ x: Float) -> Float { Foundation.sin(x) }
    public static func cos(_ x: Float) -> Float { Foundation.cos(x) }
    public static func tanh(_ x: Float) -> Float { Foundation.tanh(x) }
    public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
    public static func log1p(_ x: Float) -> Float { Foundation.log1p(x) }
    public static func expm1(_ x: Float) -> Float { Foundation.expm1(x) }
    public static func erf(_ x: Float) -> Float { Foundation.erf(x) }
}

extension Double: FloatElement {
    public static var dtype: DType { .float64 }
    public static var one: Double { 1 }
    public init(double: Double) { self = double }
    public init(int64: Int64) { self = Double(int64) }
    public var double: Double { self }
    public var int64: Int64 { Int64(exactly: self.rounded(.towardZero)) ?? (self.isNaN ? 0 : (self < 0 ? .min : .max)) }
    public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    public static func log(_ x: Double) -> Double { Foundation.log(x) }
    public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    public static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
    public static func expm1(_ x: Double) -> Double { Foundation.expm1(x) }
    public static func erf(_ x: Double) -> Double { Foundation.erf(x) }
}

extension Int64: NumericElement {
    public static var dtype: DType { .int64 }
    public static var one: Int64 { 1 }
    /// Float → int conversion truncates toward zero like C++ casts; out-of-range values
    /// (and nan) become Int64.min as x86's cvttsd2si does, never a trap.
    public init(double: Double) { self = Int64(exactly: double.rounded(.towardZero)) ?? .min }
    public init(int64: Int64) { self = int64 }
    public var double: Double { Double(self) }
    public var int64: Int64 { self }
}

extension Int32: NumericElement {
    public static var dtype: DType { .int32 }
    public static var one: Int32 { 1 }
    public init(double: Double) { self = Int32(truncatingIfNeeded: Int64(double: double)) }
    public init(int64: Int64) { self = Int32(truncatingIfNeeded: int64) }
    public var double: Double { Double(self) }
    public var int64: Int64 { Int64(self) }
}

extension UInt8: NumericElement {
    public static var dtype: DType { .uint8 }
    public static var one: UInt8 { 1 }
    public init(double: Double) { self = UInt8(truncatingIfNeeded: Int64(double: double)) }
    public init(int64: Int64) { self = UInt8(truncatingIfNeeded: int64) }
    public var double: Double { Double(self) }
    public var int64: Int64 { Int64(self) }
}

extension Bool: Element {
    public static var dtype: DType { .bool }
    public static var zero: Bool { false }
    public static var one: Bool { true }
    public init(double: Double) { self = double != 0 }
    public init(int64: Int64) { self = int64 != 0 }
    public var double: Double { self ? 1 : 0 }
    public var int64: Int64 { self ? 1 : 0 }
    public static func < (a: Bool, b: Bool) -> Bool { !a && b }
}
