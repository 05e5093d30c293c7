/// Shape arithmetic that never overflows silently and speaks PyTorch's error messages.
public enum Shape {
    /// Row-major strides of a contiguous tensor.
    /// Wrapping where the sizes overflow (only reachable with a 0-size dim, where strides never step).
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        stridesReportingOverflow(shape).strides
    }

    /// `contiguousStrides`, refusing overflow as PyTorch's `empty` does: a tensor with a 0-size
    /// dim has no elements but its strides still multiply the other sizes (`nn.Conv3d(5, 0, 2**62)`).
    public static func checkedContiguousStrides(_ shape: [Int]) throws -> [Int] {
        let r = stridesReportingOverflow(shape)
        if r.overflow { throw TorchError.runtime("Stride calculation overflowed") }
        return r.strides
    }

    private static func stridesReportingOverflow(_ shape: [Int]) -> (strides: [Int], overflow: Bool) {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1, overflow = false
        for d in stride(from: shape.count - 1, through: 1, by: -1) {
            let (p, o) = acc.multipliedReportingOverflow(by: max(shape[d], 1))
            acc = p
            overflow = overflow || o
            strides[d - 1] = acc
        }
        return (strides, overflow)
    }

    /// The element count of a tensor about to be allocated: as `checkedNumel`, with the message of
    /// PyTorch's storage-size check (`torch.zeros(2**62, 4, 0)`: the product overflows before the 0).
    public static func checkedStorageNumel(_ shape: [Int]) throws -> Int {
        try checkNonNegative(shape)
        return try checkedProduct(shape, overflow: "Storage size calculation overflowed with sizes=\(describe(shape))")
    }

    /// The product of `sizes` as PyTorch's `safe_compute_numel` takes it: multiplied in order in unsigned
    /// 64-bit arithmetic, where an overflow is an error even when a later size is 0 (`(2**62, 4, 0)`), and
    /// the product must then fit in Int64 — so `(2**62, 2, 0)` is a legal empty shape, as in PyTorch.
    /// The message is `numel: integer multiplication overflow` unless `overflow` says otherwise.
    public static func checkedProduct<C: Collection<Int>>(
        _ sizes: C, overflow: @autoclosure () -> String = "numel: integer multiplication overflow"
    ) throws -> Int {
        var n: UInt64 = 1
        for s in sizes {
            let (p, overflowed) = n.multipliedReportingOverflow(by: UInt64(truncatingIfNeeded: s))
            if overflowed { throw TorchError.runtime(overflow()) }
            n = p
        }
        guard let count = Int(exactly: n) else { throw TorchError.runtime(overflow()) }
        return count
    }

    /// The element count, refusing negative dimensions and overflow (`expand`'s messages).
    public static func checkedNumel(_ shape: [Int]) throws -> Int {
        try checkNonNegative(shape)
        return try checkedProduct(shape)
    }

    /// The number of elements of `sizes` without overflow checks: 0 as soon as a size is 0, since an
    /// empty tensor may have sizes whose product overflows (`torch.ones(2**63-1, 0, 2**62).permute(2, 0, 1)`);
    /// otherwise the sizes describe memory that exists, so their product fits.
    public static func elementCount<C: Collection<Int>>(_ sizes: C) -> Int {
        sizes.contains(0) ? 0 : sizes.reduce(1, *)
    }

    private static func checkNonNegative(_ shape: [Int]) throws {
        if let s = shape.first(where: { $0 < 0 }) {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(s): \(describe(shape))")
        }
    }

    /// `[2, 3]` as PyTorch writes shapes inside messages.
    public static func describe(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// Wraps a possibly negative dimension index, as `maybe_wrap_dim` does.
    /// For operations that need a real dimension (`size(d)`, `unbind`): a 0-d tensor has none,
    /// where `wrapDim` lets dims 0 and -1 stand for its one element.
    public static func wrapRealDim(_ dim: Int, _ rank: Int) throws -> Int {
        if rank == 0 { throw TorchError.index("Dimension specified as \(dim) but tensor has no dimensions") }
        return try wrapDim(dim, rank)
    }

    public static func wrapDim(_ dim: Int, _ rank: Int) throws -> Int {
        let r = max(rank, 1)
        if dim < -r || dim >= r {
            throw TorchError.index("Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + r : dim
    }

    /// The broadcast shape of two shapes, with PyTorch's error.
    public static func broadcast(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 0, count: n)
        // From the last dim back, as `infer_size`: a mismatch is reported at the innermost dim.
        for i in stride(from: n - 1, through: 0, by: -1) {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 { out[i] = da }
            else if da == 1 { out[i] = db }
            else {
                throw TorchError.runtime(
                    "The size of tensor a (\(da)) must match the size of tensor b (\(db)) at non-singleton dimension \(i)")
            }
        }
        return out
    }
}
