import Foundation

/// Factories: `zeros`, `ones`, `full`, `arange`, `linspace`, `eye`, `*_like`, and tensors from values.
extension Tensor {
    public static func full(_ shape: [Int], _ value: Double, dtype: DType = .float32) throws -> Tensor {
        let t = try zeros(shape, dtype: dtype)
        if value != 0 { try t.fill(value) }
        return t
    }

    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try full(shape, 1, dtype: dtype)
    }

    public static func onesLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor {
        try ones(t.shape, dtype: dtype ?? t.dtype)
    }

    public static func zerosLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor {
        try zeros(t.shape, dtype: dtype ?? t.dtype)
    }

    /// A tensor from flat values in row-major order (`torch.tensor` of nested lists).
    public static func from(doubles values: [Double], shape: [Int], dtype: DType) throws -> Tensor {
        let t = try zeros(shape, dtype: dtype)
        for (i, v) in values.prefix(t.numel).enumerated() { t.setFlat(i, v) }
        return t
    }

    public static func from(ints values: [Int64], shape: [Int], dtype: DType) throws -> Tensor {
        let t = try zeros(shape, dtype: dtype)
        for (i, v) in values.prefix(t.numel).enumerated() { t.setFlatInt(i, v) }
        return t
    }

    /// `x.fill_(value)` on every element (views included).
    public func fill(_ value: Double) throws {
        struct V: ElementVisitor {
            let t: Tensor, v: Double
            func visit<T: Element>(_: T.Type) throws { let x = T(double: v); t.mapInPlace(T.self) { _ in x } }
        }
        try dtype.dispatch(V(t: distinctElements, v: value))
    }

    /// `torch.arange(start, end, step)`: values `start + i*step` computed in double (the CPU
    /// kernel's accumulate type), `ceil((end - start) / step)` of them.
    public static func arange(_ start: Double, _ end: Double, _ step: Double, dtype: DType) throws -> Tensor {
        if step == 0 { throw TorchError.runtime("step must be nonzero") }
        if !start.isFinite || !end.isFinite {
            throw TorchError.runtime("unsupported range: \(start) -> \(end)")
        }
        if (step > 0 && end < start) || (step < 0 && end > start) {
            throw TorchError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        let sizeD = ((end - start) / step).rounded(.up)
        guard sizeD >= 0 && sizeD < Double(Int.max / 16) else {
            throw TorchError.runtime("invalid size, possible overflow?")
        }
        let n = Int(sizeD)
        let t = try zeros([n], dtype: dtype)
        for i in 0..<n { t.setFlat(i, start + Double(i) * step) }
        if dtype.isIntegral {
            // start and step may sit at Int64's edges (Double(2**63-1) rounds up): convert without
            // trapping and wrap the product, which is exact whenever the value itself fits.
            let s0 = Int64(double: start), st = Int64(double: step)
            for i in 0..<n { t.setFlatInt(i, s0 &+ Int64(i) &* st) }
        }
        return t
    }

    /// `torch.linspace(start, end, steps)`: the CPU kernel fills from both ends in the dtype's precision.
    public static func linspace(_ start: Double, _ end: Double, _ steps: Int, dtype: DType = .float32) throws -> Tensor {
        if steps < 0 { throw TorchError.runtime("number of steps must be non-negative") }
        let t = try zeros([steps], dtype: dtype)
        if steps == 0 { return t }
        if steps == 1 { t.setFlat(0, start); return t }
        if dtype == .float32 {
            let s = Float(start), e = Float(end)
            let step = (e - s) / Float(steps - 1)
            let half = steps / 2
            let p = t.storage.pointer(Float.self)
            // Fused multiply-adds, as ATen's vectorized kernel computes them.
            for i in 0..<steps { p[i] = i < half ? s.addingProduct(step, Float(i)) : e.addingProduct(-step, Float(steps - i - 1)) }
        } else {
            let step = (end - start) / Double(steps - 1)
            let half = steps / 2
            for i in 0..<steps { t.setFlat(i, i < half ? start.addingProduct(step, Double(i)) : end.addingProduct(-step, Double(steps - i - 1))) }
        }
        return t
    }

    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) throws -> Tensor {
        let cols = m ?? n
        if n < 0 { throw TorchError.runtime("n must be greater or equal to 0, got \(n)") }
        if cols < 0 { throw TorchError.runtime("m must be greater or equal to 0, got \(cols)") }
        let t = try zeros([n, cols], dtype: dtype)
        for i in 0..<Swift.min(n, cols) { t.setFlat(i * cols + i, 1) }
        return t
    }

    /// `x.detach()`: same storage, no history.
    public func detach() -> Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        t.base = base
        return t
    }

    /// `x.item()`.
    public func item() throws -> Double {
        guard numel == 1 else {
            throw TorchError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return flatDouble(storageOffset(of: [Int](repeating: 0, count: dim)))
    }

    /// Copies `src` into this tensor in place (`copy_`), broadcasting and converting.
    public func copy_(_ src: Tensor) throws {
        try checkInPlace()
        try assertNoInternalOverlap()
        try copyValues(from: src)
    }

    /// This tensor with every expanded (stride-0) dim cut to size 1: each memory location once. Filling
    /// it fills the whole tensor (`fill_` and `zero_` accept expanded tensors), and
    /// `ones(1).expand(2**40).fill_(2)` writes one element instead of looping 2^40 times.
    var distinctElements: Tensor {
        numel == 0 || !strides.contains(0) ? self
            : Tensor(storage: storage, shape: zip(shape, strides).map { $1 == 0 ? 1 : $0 }, strides: strides, offset: offset)
    }

    /// PyTorch's `assert_no_internal_overlap`: an in-place op that reads what it writes (`add_`,
    /// `copy_`, `clamp_`, the random fills) refuses a tensor whose expanded dims make several elements
    /// one memory location.
    public func assertNoInternalOverlap() throws {
        if zip(shape, strides).contains(where: { $0 > 1 && $1 == 0 }) {
            throw TorchError.runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
    }

    /// PyTorch refuses in-place changes to leaves that require grad while recording.
    public func checkInPlace() throws {
        if GradMode.isEnabled && leafRequiresGrad && gradFn == nil {
            throw TorchError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if GradMode.isEnabled, requiresGrad, let (function, index) = customFunctionOutput {
            throw TorchError.runtime("Output \(index) of \(function) is a view and is being modified inplace. This view was created inside a custom Function (or because an input was returned as-is) and the autograd logic to handle view+inplace would override the custom backward associated with the custom Function, leading to incorrect gradients. This behavior is forbidden. You can fix this by cloning the output of the custom Function.")
        }
        if GradMode.isEnabled, let b = base, b.leafRequiresGrad {
            throw TorchError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }
}
