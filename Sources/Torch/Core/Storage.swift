/// A flat, typed block of memory shared by a tensor and all of its views.
public final class Storage {
    public let dtype: DType
    public let count: Int
    public let bytes: UnsafeMutableRawPointer
    /// The block `bytes` lies in: 64 bytes more than needed, aligned by hand (see `init`).
    private let block: UnsafeMutableRawPointer

    /// Zero-filled storage for `count` elements. The caller has already checked the size
    /// against `MemoryLimit` (see `Tensor.allocate`), so the allocation itself cannot be absurd.
    /// `zeroed: false` leaves the bytes unset: only for results every element of which is written next.
    init(dtype: DType, count: Int, zeroed: Bool = true) {
        self.dtype = dtype
        self.count = count
        let size = max(count * dtype.itemSize, 1)
        // 64-byte (cache line) alignment by hand from a plain malloc'd block: glibc's aligned
        // allocation asks for more than the block it frees, so a freed large tensor's memory was
        // never reused for the next same-sized one and every call page-faulted fresh memory
        // (a third of a depthwise convolution's time). Plain blocks of one size are reused.
        block = UnsafeMutableRawPointer.allocate(byteCount: size + 64, alignment: 16)
        let address = UInt(bitPattern: block)
        bytes = block + Int((64 - address % 64) % 64)
        if zeroed { bytes.initializeMemory(as: UInt8.self, repeating: 0, count: size) }
    }

    deinit { block.deallocate() }

    /// The elements as a typed pointer; `T` must be the Swift type of `dtype`.
    @inline(__always)
    public func pointer<T: Element>(_: T.Type) -> UnsafeMutablePointer<T> {
        bytes.assumingMemoryBound(to: T.self)
    }
}
