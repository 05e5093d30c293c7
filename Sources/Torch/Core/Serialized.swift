/// What `torch.save`/`torch.load` need of a tensor: its storage as little-endian bytes, and a
/// tensor rebuilt over such bytes with a given view (PyTorch's `_rebuild_tensor_v2`).
extension Tensor {
    /// The whole storage's bytes (a view saves its base storage, as PyTorch does).
    public var storageBytes: [UInt8] {
        Array(UnsafeRawBufferPointer(start: storage.bytes, count: storage.count * dtype.itemSize))
    }

    /// A storage of `dtype` holding `bytes` (whose count must be a whole number of elements).
    public static func storage(fromBytes bytes: [UInt8], dtype: DType) throws -> Storage {
        guard bytes.count % dtype.itemSize == 0 else {
            throw TorchError.runtime("storage of \(bytes.count) bytes is not a whole number of \(dtype.description) elements")
        }
        let count = bytes.count / dtype.itemSize
        try MemoryLimit.check(count: count, dtype: dtype)
        let s = try Storage(dtype: dtype, count: count, zeroed: false)
        bytes.withUnsafeBytes { raw in
            // An empty storage (a tensor with no elements) has no bytes to copy, nor a base address.
            if let base = raw.baseAddress, !bytes.isEmpty { s.bytes.copyMemory(from: base, byteCount: bytes.count) }
        }
        return s
    }

    /// A view of `storage`, checked to lie inside it (a file may say anything).
    public static func view(of storage: Storage, shape: [Int], strides: [Int], offset: Int) throws -> Tensor {
        guard shape.count == strides.count, offset >= 0, shape.allSatisfy({ $0 >= 0 }), strides.allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime("invalid tensor view: size \(shape), stride \(strides), offset \(offset)")
        }
        if !shape.contains(0) {
            var last = offset
            for (n, st) in zip(shape, strides) {
                let (m, o1) = (n - 1).multipliedReportingOverflow(by: st)
                let (sum, o2) = last.addingReportingOverflow(m)
                guard !o1, !o2 else { throw TorchError.runtime("invalid tensor view: size \(shape), stride \(strides)") }
                last = sum
            }
            guard last < storage.count else {
                throw TorchError.runtime("setStorage: sizes \(shape), strides \(strides), storage offset \(offset), and itemsize \(storage.dtype.itemSize) requiring a storage size of \((last + 1) * storage.dtype.itemSize) are out of bounds for storage of size \(storage.count * storage.dtype.itemSize)")
            }
        }
        return Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
    }
}
