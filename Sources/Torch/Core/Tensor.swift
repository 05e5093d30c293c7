/// A strided view of a `Storage`, with PyTorch's reference semantics: views (`view`, `x[0]`, `t()`,
/// `.data`) share storage, so an in-place change through one shows in all.
public final class Tensor {
    public internal(set) var storage: Storage
    public internal(set) var shape: [Int]
    public internal(set) var strides: [Int]
    public internal(set) var offset: Int

    /// Autograd state (see Autograd/): leaves that want gradients, their accumulated `.grad`,
    /// and for results of differentiable ops the node that computes input gradients.
    /// Set on leaves by `requires_grad=True`; results of recorded ops require grad through `gradFn`.
    var leafRequiresGrad = false
    public var requiresGrad: Bool { leafRequiresGrad || gradFn != nil }
    public var grad: Tensor?
    /// `retain_grad()` was called on this non-leaf: backward stores its gradient in `grad`.
    public var retainsGrad = false
    /// `register_hook` functions, run in order on this tensor's gradient during backward (one may
    /// return a replacement); each has the id its handle removes it by.
    public var gradHooks: [(id: Int, hook: (Tensor) throws -> Tensor?)] = []
    public internal(set) var gradFn: GradNode?
    /// Module parameters print as `Parameter containing:`.
    public var isParameter = false
    /// The tensor this one is a view of, for `._base`-style bookkeeping (in-place on views).
    public internal(set) var base: Tensor?
    /// Set on an output of a pass-through custom function (`BackwardHookFunction`): PyTorch treats it
    /// as a view made inside a custom Function and refuses in-place changes to it.
    var customFunctionOutput: (function: String, index: Int)?
    /// A Python number taking part in an op; it ranks lowest in type promotion (`ResultType.cpp`).
    public internal(set) var isWrappedNumber = false

    public var dtype: DType { storage.dtype }
    public var dim: Int { shape.count }
    public var numel: Int { Shape.elementCount(shape) }
    public var isLeaf: Bool { gradFn == nil }

    init(storage: Storage, shape: [Int], strides: [Int], offset: Int) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// `t.grad = prev` in a loop makes a chain through `.grad`: free it iteratively (`Trashcan`).
    /// (Chains through `grad_fn` are freed by `GradNode`.)
    deinit {
        guard grad != nil else { return }
        var parts: [Any] = [grad as Any]  // no local binding: it would release the chain after `dispose`
        grad = nil
        Trashcan.dispose(&parts)
    }

    /// A new zero-filled contiguous tensor, after checking sizes and the memory limit.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        let count = try Shape.checkedStorageNumel(shape)
        try MemoryLimit.check(count: count, dtype: dtype)
        return Tensor(storage: try Storage(dtype: dtype, count: count), shape: shape,
                      strides: try Shape.checkedContiguousStrides(shape), offset: 0)
    }

    /// A contiguous tensor for internal results whose size was derived from already-validated
    /// tensors (it still checks, since a broadcast or a layer can multiply sizes).
    /// Its elements are **not** initialised: use it only for a result whose every element is written next.
    static func uninitialized(_ shape: [Int], dtype: DType) throws -> Tensor {
        let count = try Shape.checkedStorageNumel(shape)
        try MemoryLimit.check(count: count, dtype: dtype)
        return Tensor(storage: try Storage(dtype: dtype, count: count, zeroed: false), shape: shape,
                      strides: try Shape.checkedContiguousStrides(shape), offset: 0)
    }

    /// A 0-d or 1-d tensor from Swift values.
    public static func from<T: Element>(_ values: [T], shape: [Int]? = nil) throws -> Tensor {
        let t = try zeros(shape ?? [values.count], dtype: T.dtype)
        let p = t.storage.pointer(T.self)
        for (i, v) in values.prefix(t.numel).enumerated() { p[i] = v }
        return t
    }

    /// A 0-d tensor holding one number.
    public static func scalar(_ value: Double, dtype: DType = .float32) -> Tensor {
        let t = Tensor(storage: Storage(scalarOf: dtype), shape: [], strides: [], offset: 0)
        t.setFlat(0, value)
        return t
    }

    public static func scalar(int value: Int64, dtype: DType = .int64) -> Tensor {
        let t = Tensor(storage: Storage(scalarOf: dtype), shape: [], strides: [], offset: 0)
        t.setFlatInt(0, value)
        return t
    }

    /// A view sharing this tensor's storage. Like PyTorch (`TensorImpl::refresh_numel`), a view whose sizes
    /// multiply past 64 bits is refused even when one of them is 0 (`ones(2**62, 0, 4).permute(0, 2, 1)`).
    func makeView(shape: [Int], strides: [Int], offset: Int) throws -> Tensor {
        _ = try Shape.checkedProduct(shape)
        let v = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        v.base = base ?? self
        return v
    }

    public var isContiguous: Bool {
        var expected = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] != 1 {
            if strides[d] != expected { return false }
            let (next, overflow) = expected.multipliedReportingOverflow(by: shape[d])
            if overflow { return false }
            expected = next
        }
        return true
    }

    // MARK: element access by storage offset (printing, item, tolist, indexing — not hot loops)

    /// The element at a storage offset, as a Double.
    public func flatDouble(_ storageOffset: Int) -> Double {
        switch dtype {
        case .float32: return Double(storage.pointer(Float.self)[storageOffset])
        case .float64: return storage.pointer(Double.self)[storageOffset]
        case .int64: return Double(storage.pointer(Int64.self)[storageOffset])
        case .int32: return Double(storage.pointer(Int32.self)[storageOffset])
        case .uint8: return Double(storage.pointer(UInt8.self)[storageOffset])
        case .bool: return storage.pointer(Bool.self)[storageOffset] ? 1 : 0
        }
    }

    /// The element at a storage offset, as an Int64 (floats truncate).
    public func flatInt(_ storageOffset: Int) -> Int64 {
        switch dtype {
        case .float32: return storage.pointer(Float.self)[storageOffset].int64
        case .float64: return storage.pointer(Double.self)[storageOffset].int64
        case .int64: return storage.pointer(Int64.self)[storageOffset]
        case .int32: return Int64(storage.pointer(Int32.self)[storageOffset])
        case .uint8: return Int64(storage.pointer(UInt8.self)[storageOffset])
        case .bool: return storage.pointer(Bool.self)[storageOffset] ? 1 : 0
        }
    }

    public func setFlat(_ storageOffset: Int, _ v: Double) {
        switch dtype {
        case .float32: storage.pointer(Float.self)[storageOffset] = Float(v)
        case .float64: storage.pointer(Double.self)[storageOffset] = v
        case .int64: storage.pointer(Int64.self)[storageOffset] = Int64(double: v)
        case .int32: storage.pointer(Int32.self)[storageOffset] = Int32(double: v)
        case .uint8: storage.pointer(UInt8.self)[storageOffset] = UInt8(double: v)
        case .bool: storage.pointer(Bool.self)[storageOffset] = v != 0
        }
    }

    public func setFlatInt(_ storageOffset: Int, _ v: Int64) {
        switch dtype {
        case .float32: storage.pointer(Float.self)[storageOffset] = Float(v)
        case .float64: storage.pointer(Double.self)[storageOffset] = Double(v)
        case .int64: storage.pointer(Int64.self)[storageOffset] = v
        case .int32: storage.pointer(Int32.self)[storageOffset] = Int32(truncatingIfNeeded: v)
        case .uint8: storage.pointer(UInt8.self)[storageOffset] = UInt8(truncatingIfNeeded: v)
        case .bool: storage.pointer(Bool.self)[storageOffset] = v != 0
        }
    }

    /// Storage offset of a multi-index (assumed in range).
    public func storageOffset(of index: [Int]) -> Int {
        var o = offset
        for (i, s) in zip(index, strides) { o &+= i &* s }
        return o
    }

    /// Calls `body` with the storage offset of every element, in row-major logical order.
    public func forEachOffset(_ body: (Int) -> Void) {
        let n = numel
        if n == 0 { return }
        if isContiguous {
            for i in 0..<n { body(offset + i) }
            return
        }
        forEachStridedOffset(shape, strides, start: offset, body)
    }

    /// All elements in logical order as Doubles (tests, tolist, small tensors). The array is checked
    /// against the memory cap: an expanded view can stand for far more elements than its storage holds.
    public func doubles() throws -> [Double] {
        try MemoryLimit.check(count: numel, dtype: .float64)
        var out = [Double]()
        out.reserveCapacity(numel)
        forEachOffset { out.append(flatDouble($0)) }
        return out
    }

    /// All elements in logical order as Int64s.
    public func ints() throws -> [Int64] {
        try MemoryLimit.check(count: numel, dtype: .int64)
        var out = [Int64]()
        out.reserveCapacity(numel)
        forEachOffset { out.append(flatInt($0)) }
        return out
    }
}

/// Calls `body` with `start` plus the offset of every position of `shape` under `strides`, in
/// row-major order (once, at `start`, for no dims), stepping in wrapping arithmetic, as
/// `_TensorView.elementOffsets` does (a legal size-1 view can have a stride near 2^63).
func forEachStridedOffset(_ shape: [Int], _ strides: [Int], start: Int, _ body: (Int) throws -> Void) rethrows {
    if shape.contains(0) { return }
    var index = [Int](repeating: 0, count: shape.count)
    var o = start
    while true {
        try body(o)
        var d = shape.count - 1
        while d >= 0 {
            index[d] += 1
            o &+= strides[d]
            if index[d] < shape[d] { break }
            o &-= strides[d] &* shape[d]
            index[d] = 0
            d -= 1
        }
        if d < 0 { return }
    }
}
