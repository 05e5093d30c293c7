/// A flat, typed block of memory shared by a tensor and all of its views.
public final class Storage {
    public let dtype: DType
    public let count: Int
    public let bytes: UnsafeMutableRawPointer

    /// Zero-filled storage for `count` elements. The caller has already checked the size
    /// against `MemoryLimit` (see `Tensor.allocate`), so the allocation itself cannot be absurd.
    /// `zeroed: false` leaves the bytes unset: only for results every element of which is written next.
    init(dtype: DType, count: Int, zeroed: Bool = true) {
        self.dtype = dtype
        self.count = count
        let size = max(count * dtype.itemSize, 1)
        bytes = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        if zeroed { bytes.initializeMemory(as: UInt8.self, repeating: 0, count: size) }
    }

    deinit { bytes.deallocate() }

    /// The elements as a typed pointer; `T` must be the Swift type of `dtype`.
    @inline(__always)
    public func pointer<T: Element>(_: T.Type) -> UnsafeMutablePointer<T> {
        bytes.assumingMemoryBound(to: T.self)
    }
}
