#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A flat, typed block of memory shared by a tensor and all of its views.
public final class Storage {
    public let dtype: DType
    public let count: Int
    public let bytes: UnsafeMutableRawPointer
    /// The block `bytes` lies in: 64 bytes more than needed, aligned by hand (see `init`).
    private let block: UnsafeMutableRawPointer

    /// Zero-filled storage for `count` elements. The caller has already checked the size
    /// against `MemoryLimit` (see `Tensor.allocate`), so the allocation itself cannot be absurd; one the
    /// system still refuses (`ulimit -v`, overcommit off) is PyTorch's out-of-memory error, not a trap.
    /// `zeroed: false` leaves the bytes unset: only for results every element of which is written next.
    init(dtype: DType, count: Int, zeroed: Bool = true) throws {
        self.dtype = dtype
        self.count = count
        let size = max(count * dtype.itemSize, 1)
        // 64-byte (cache line) alignment by hand from a plain malloc'd block: glibc's aligned
        // allocation asks for more than the block it frees, so a freed large tensor's memory was
        // never reused for the next same-sized one and every call page-faulted fresh memory
        // (a third of a depthwise convolution's time). Plain blocks of one size are reused.
        // calloc, not malloc + a fill: a large block comes zeroed from mmap, page by page as it is
        // touched (`torch.zeros(40000, 40000)` took 16 s filling 6.4 GB a byte at a time).
        guard let raw = zeroed ? calloc(size + 64, 1) : malloc(size + 64) else {
            throw TorchError.runtime(
                "[enforce fail at alloc_cpu.cpp] DefaultCPUAllocator: not enough memory: you tried to allocate \(size) bytes.")
        }
        block = raw
        let address = UInt(bitPattern: block)
        bytes = block + Int((64 - address % 64) % 64)
    }

    /// Storage for one element (a scalar): too small to fail where anything else could still run.
    init(scalarOf dtype: DType) {
        self.dtype = dtype
        self.count = 1
        // Swift's allocation with 16-byte alignment is malloc on Linux, so `free` in deinit matches.
        block = UnsafeMutableRawPointer.allocate(byteCount: 128, alignment: 16)
        block.initializeMemory(as: UInt8.self, repeating: 0, count: 128)
        bytes = block + Int((64 - UInt(bitPattern: block) % 64) % 64)
    }

    deinit { free(block) }

    /// The elements as a typed pointer; `T` must be the Swift type of `dtype`.
    @inline(__always)
    public func pointer<T: Element>(_: T.Type) -> UnsafeMutablePointer<T> {
        bytes.assumingMemoryBound(to: T.self)
    }
}
