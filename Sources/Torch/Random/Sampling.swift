#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Kernels

// PyTorch's CPU sampling kernels, bit for bit (spec: shared/specs/RNG.md §3–8).
// Every function fills `t` in place; `generator: nil` means `Generator.defaultGenerator`.

// MARK: - helpers

extension DType {
    /// The C++ type name PyTorch's range checks and conv's bias check print (`from is out of bounds
    /// for float`, `Input type (long int) …`).
    var cppTypeName: String {
        switch self {
        case .float32: return "float"
        case .float64: return "double"
        case .int64: return "long int"
        case .int32: return "int"
        case .uint8: return "unsigned char"
        case .bool: return "bool"
        }
    }

    /// The ScalarType name in `"…" not implemented for 'Long'` messages.
    var scalarTypeName: String {
        switch self {
        case .float32: return "Float"
        case .float64: return "Double"
        case .int64: return "Long"
        case .int32: return "Int"
        case .uint8: return "Byte"
        case .bool: return "Bool"
        }
    }
}

/// `AT_DISPATCH` failure: NotImplementedError: "name" not implemented for 'Long'.
func notImplemented(_ kernel: String, _ dtype: DType) -> TorchError {
    TorchError("NotImplementedError", "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
}

/// A double as C++ `operator<<` prints it (6 significant digits, `%g`).
func cppDouble(_ x: Double) -> String { cFormat("%g", x) }

extension Tensor {
    /// Calls `body` with each element's storage offset in **memory order** (the innermost
    /// dimension is the one with the smallest stride), as a serial TensorIterator visits them.
    /// Ctrl-C stops the walk early (every 2^20 elements); the sampling functions then throw.
    func forEachOffsetInMemoryOrder(_ body: (Int) -> Void) {
        let n = numel
        if n == 0 { return }
        if isContiguous {
            var start = 0
            while start < n {
                if KernelInterrupt.requested { return }
                let end = Swift.min(n, start + (1 << 20))
                for i in start..<end { body(offset + i) }
                start = end
            }
            return
        }
        // Dims of size > 1, outermost (largest stride) first; ties keep the later dim inner.
        let dims = (0..<dim).filter { shape[$0] > 1 }
            .sorted { strides[$0] != strides[$1] ? strides[$0] > strides[$1] : $0 < $1 }
        let sizes = dims.map { shape[$0] }, steps = dims.map { strides[$0] }
        var index = [Int](repeating: 0, count: dims.count)
        var o = offset
        for k in 0..<n {
            if k & 0xFFFFF == 0xFFFFF && KernelInterrupt.requested { return }
            body(o)
            var d = dims.count - 1
            while d >= 0 {
                index[d] += 1
                o += steps[d]
                if index[d] < sizes[d] { break }
                o -= steps[d] * sizes[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// `is_non_overlapping_and_dense`: the strides are a permutation of contiguous strides.
    var isNonOverlappingAndDense: Bool {
        if isContiguous { return true }
        let dims = (0..<dim).sorted { strides[$0] != strides[$1] ? strides[$0] < strides[$1] : shape[$0] < shape[$1] }
        var expected = 1
        for d in dims {
            if shape[d] == 1 { continue }
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// `empty_like(self)` with the preserve memory format: same strides when dense, else contiguous.
    public static func emptyLike(_ x: Tensor, dtype: DType? = nil) throws -> Tensor {
        let dt = dtype ?? x.dtype
        if x.isContiguous || !x.isNonOverlappingAndDense {
            return try Tensor.zeros(x.shape, dtype: dt)
        }
        let flat = try Tensor.zeros([x.numel], dtype: dt)
        return Tensor(storage: flat.storage, shape: x.shape, strides: x.strides, offset: 0)
    }
}

@inline(__always)
private func resolve(_ g: Generator?) -> Generator { g ?? Generator.defaultGenerator }

/// C++ `static_cast<int64_t>(double)` on x86: out-of-range or nan gives INT64_MIN.
@inline(__always)
func x86TruncToInt64(_ x: Double) -> Int64 {
    if x.isNaN || x >= 0x1p63 || x < -0x1p63 { return .min }
    return Int64(x.rounded(.towardZero))
}

// MARK: - uniform_

/// `Tensor.uniform_(from, to)`: float32 `fma(U24, to-from, from)`, float64 `fma(U53, to-from, from)`;
/// a result equal to `to` becomes `from`. Memory order.
public func uniform_(_ t: Tensor, from: Double = 0, to: Double = 1, generator: Generator? = nil) throws {
    let (lowest, maximum): (Double, Double)
    switch t.dtype {
    case .float32: (lowest, maximum) = (-Double(Float.greatestFiniteMagnitude), Double(Float.greatestFiniteMagnitude))
    case .float64: (lowest, maximum) = (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude)
    default: throw notImplemented("check_uniform_bounds", t.dtype)
    }
    if !(from >= lowest && from <= maximum) { throw TorchError.runtime("from is out of bounds for \(t.dtype.cppTypeName)") }
    if !(to >= lowest && to <= maximum) { throw TorchError.runtime("to is out of bounds for \(t.dtype.cppTypeName)") }
    if !(from <= to) {
        throw TorchError.runtime("uniform_ expects to return a [from, to) range, but found from=\(cppDouble(from)) > to=\(cppDouble(to))")
    }
    if !(to - from <= maximum) {
        throw TorchError.runtime("uniform_ expects to-from <= std::numeric_limits<\(t.dtype.scalarTypeName)>::max(), but found to=\(cppDouble(to)) and from=\(cppDouble(from)) which result in to-from to exceed the limit")
    }
    try t.assertNoInternalOverlap()
    let g = resolve(generator)
    if t.dtype == .float32 {
        let lo = Float(from), hi = Float(to), span = hi - lo
        let p = t.storage.pointer(Float.self)
        t.forEachOffsetInMemoryOrder { o in
            let v = lo.addingProduct(g.u24(), span)
            p[o] = v == hi ? lo : v
        }
    } else {
        let span = to - from
        let p = t.storage.pointer(Double.self)
        t.forEachOffsetInMemoryOrder { o in
            let v = from.addingProduct(g.u53(), span)
            p[o] = v == to ? from : v
        }
    }
    try TorchInterrupt.check()
}

// MARK: - normal_

/// `Tensor.normal_(mean, std)`: the vectorised `normal_fill` when numel ≥ 16 and contiguous,
/// else the scalar double Box–Muller (with the generator's cache) in memory order.
public func normal_(_ t: Tensor, mean: Double = 0, std: Double = 1, generator: Generator? = nil) throws {
    if !(std >= 0.0) { throw TorchError.runtime("normal expects std >= 0.0, but found std \(cppDouble(std))") }
    guard t.dtype.isFloatingPoint else { throw notImplemented("normal_kernel_cpu", t.dtype) }
    try t.assertNoInternalOverlap()
    let g = resolve(generator)
    let n = t.numel
    if n >= 16 && t.isContiguous {
        if t.dtype == .float32 {
            normalFill(t.storage.pointer(Float.self) + t.offset, n, mean: Float(mean), std: Float(std), g)
        } else {
            normalFill(t.storage.pointer(Double.self) + t.offset, n, mean: mean, std: std, g)
        }
        try TorchInterrupt.check()
        return
    }
    if t.dtype == .float32 {
        let p = t.storage.pointer(Float.self)
        t.forEachOffsetInMemoryOrder { p[$0] = Float(g.normalDouble(mean: mean, std: std)) }
    } else {
        let p = t.storage.pointer(Double.self)
        t.forEachOffsetInMemoryOrder { p[$0] = g.normalDouble(mean: mean, std: std) }
    }
    try TorchInterrupt.check()
}

/// `normal_fill` (float32, AVX2 kernel): uniforms, then fill16 per block; a ragged tail redraws
/// and recomputes the last 16.
func normalFill(_ d: UnsafeMutablePointer<Float>, _ n: Int, mean: Float, std: Float, _ g: Generator) {
    // In chunks of 2^20 (a multiple of 16, so the blocks and the draws are those of one pass), with
    // Ctrl-C between them.
    var start = 0
    while start < n {
        if KernelInterrupt.requested { return }
        let end = Swift.min(n, start + (1 << 20))
        g.fillU24(d + start, end - start)
        normalFill16Blocks(d + start, blocks: end / 16 - start / 16, mean: mean, std: std)
        start = end
    }
    if n % 16 != 0 {
        g.fillU24(d + (n - 16), 16)
        normalFill16Blocks(d + (n - 16), blocks: 1, mean: mean, std: std)
    }
}

/// `normal_fill` (float64, generic kernel with glibc's libm).
func normalFill(_ d: UnsafeMutablePointer<Double>, _ n: Int, mean: Double, std: Double, _ g: Generator) {
    for i in 0..<n {
        if i & 0xFFFFF == 0xFFFFF && KernelInterrupt.requested { return }
        d[i] = g.u53()
    }
    var i = 0
    while i + 16 <= n { normalFill16(d + i, mean: mean, std: std); i += 16 }
    if n % 16 != 0 {
        for k in (n - 16)..<n { d[k] = g.u53() }
        normalFill16(d + (n - 16), mean: mean, std: std)
    }
}

func normalFill16(_ d: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
    for j in 0..<8 {
        let radius = (-2.0 * log(1.0 - d[j])).squareRoot()
        let theta = (2.0 * Double.pi) * d[j + 8]
        d[j] = mean.addingProduct(radius * cos(theta), std)
        d[j + 8] = mean.addingProduct(radius * sin(theta), std)
    }
}

/// `normal_fill_16_AVX2`: Cephes float32 log and sincos (`avx_mathfun.h`) with GCC's FMAs.
func normalFill16(_ d: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
    for j in 0..<8 {
        let radius = (-2 * AVXMath.log(1 - d[j])).squareRoot()
        let (s, c) = AVXMath.sincos(AVXMath.twoPiF * d[j + 8])
        d[j] = mean.addingProduct(radius * c, std)
        d[j + 8] = mean.addingProduct(radius * s, std)
    }
}

/// The float32 Cephes approximations of `aten/src/ATen/native/cpu/avx_mathfun.h`, one lane at a time.
enum AVXMath {
    static let twoPiF = Float(2.0 * Double.pi)
    static let sqrtHF: Float = 0.707106781186547524
    static let p: [Float] = [7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
                             1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
                             3.3333331174e-1]
    static let q1: Float = -2.12194440e-4, q2: Float = 0.693359375
    static let fopi: Float = 1.27323954473516
    static let dp1: Float = -0.78515625, dp2: Float = -2.4187564849853515625e-4, dp3: Float = -3.77489497744594108e-8
    static let s0: Float = -1.9515295891e-4, s1: Float = 8.3321608736e-3, s2: Float = -1.6666654611e-1
    static let c0: Float = 2.443315711809948e-5, c1: Float = -1.388731625493765e-3, c2: Float = 4.166664568298827e-2

    /// `log256_ps` for x in (0, 1].
    static func log(_ x: Float) -> Float {
        let b = x.bitPattern
        var e = Float(Int32(bitPattern: b >> 23) - 127) + 1
        var m = Float(bitPattern: (b & 0x807F_FFFF) | 0x3F00_0000)
        if m < sqrtHF {
            e = e - 1
            m = (m - 1) + m
        } else {
            m = m - 1
        }
        let z = m * m
        var y = p[0]
        for k in 1..<9 { y = p[k].addingProduct(y, m) }
        y = (e * q1).addingProduct(y * m, z)
        y = y - z * 0.5
        return (m + y).addingProduct(e, q2)
    }

    /// `sincos256_ps` for x ≥ 0: (sin, cos).
    static func sincos(_ x0: Float) -> (Float, Float) {
        var j = Int32((x0 * fopi).rounded(.towardZero))
        j = (j &+ 1) & ~1
        let y = Float(j)
        var x = x0.addingProduct(y, dp1)
        x = x.addingProduct(y, dp2)
        x = x.addingProduct(y, dp3)
        let z = x * x
        var cp = c2.addingProduct(c1.addingProduct(c0, z), z)
        cp = (-(z * 0.5)).addingProduct(cp * z, z) + 1
        var sp = s2.addingProduct(s1.addingProduct(s0, z), z)
        sp = x.addingProduct(sp * z, x)
        var (s, c) = (j & 2) != 0 ? (cp, sp) : (sp, cp)
        if (j & 4) != 0 { s = -s }
        if ((j &- 2) & 4) == 0 { c = -c }
        return (s, c)
    }
}

// MARK: - random_

/// `update_from` / `update_to` for floating dtypes (`native/DistributionTemplates.h`).
private func updateBound(_ v: Int64, dtype: DType, step: Int64) -> Int64 {
    let digits = dtype == .float32 ? 24 : 53
    let w = v &+ step
    let moved = dtype == .float32 ? x86TruncToInt64(Double(Float(w))) : x86TruncToInt64(Double(w))
    if step > 0 ? moved < v : moved >= v {
        let a = w.magnitude
        let n = a == 0 ? 0 : 63 - a.leadingZeroBitCount
        let shift = Int64(1) << (n - digits + 1)
        return step > 0 ? moved &+ shift : moved &- shift
    }
    return v
}

@inline(__always)
private func storeInt(_ t: Tensor, _ o: Int, _ v: Int64) {
    switch t.dtype {
    case .float32: t.storage.pointer(Float.self)[o] = Float(v)
    case .float64: t.storage.pointer(Double.self)[o] = Double(v)
    case .int64: t.storage.pointer(Int64.self)[o] = v
    case .int32: t.storage.pointer(Int32.self)[o] = Int32(truncatingIfNeeded: v)
    case .uint8: t.storage.pointer(UInt8.self)[o] = UInt8(truncatingIfNeeded: v)
    case .bool: t.storage.pointer(Bool.self)[o] = v != 0
    }
}

/// `Tensor.random_(from, to)` (and so `randint`): `(draw mod (to-from)) + from`, with a 64-bit
/// draw when the range is ≥ 2^28. Memory order.
public func random_(_ t: Tensor, from: Int64, to: Int64, generator: Generator? = nil) throws {
    var from = from, to = to
    if !(from < to) {
        throw TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=\(from) >= to=\(to)")
    }
    if t.dtype.isFloatingPoint {
        from = updateBound(from, dtype: t.dtype, step: 1)
        to = updateBound(to, dtype: t.dtype, step: -1)
        if !(from < to) {
            throw TorchError.runtime("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=\(from) >= to=\(to)")
        }
    } else {
        let (lo, hi): (Int64, Int64)
        switch t.dtype {
        case .int32: (lo, hi) = (Int64(Int32.min), Int64(Int32.max))
        case .uint8: (lo, hi) = (0, 255)
        case .bool: (lo, hi) = (0, 1)
        default: (lo, hi) = (.min, .max)
        }
        let name = t.dtype.cppTypeName
        if from < lo || from > hi { throw TorchError.runtime("from is out of bounds for \(name)") }
        if to - 1 < lo || to - 1 > hi { throw TorchError.runtime("to - 1 is out of bounds for \(name)") }
    }
    let range = UInt64(bitPattern: to &- from)
    try t.assertNoInternalOverlap()
    let g = resolve(generator)
    let base = UInt64(bitPattern: from)
    t.forEachOffsetInMemoryOrder { o in
        let v: UInt64 = range >= (1 << 28) ? g.random64() : UInt64(g.random())
        storeInt(t, o, Int64(bitPattern: (v % range) &+ base))
    }
    try TorchInterrupt.check()
}

/// `Tensor.random_()` with no bounds: `[0, 2^digits]` for floats, `[0, max]` for integers.
public func random_(_ t: Tensor, generator: Generator? = nil) throws {
    try t.assertNoInternalOverlap()
    let g = resolve(generator)
    t.forEachOffsetInMemoryOrder { o in
        let v: Int64
        switch t.dtype {
        case .int64: v = Int64(g.random64() % (1 << 63))
        case .float32: v = Int64(g.random() % ((1 << 24) + 1))
        case .float64: v = Int64(g.random64() % ((1 << 53) + 1))
        case .int32: v = Int64(g.random() % (1 << 31))
        case .uint8: v = Int64(g.random() % 256)
        case .bool: v = Int64(g.random() & 1)
        }
        storeInt(t, o, v)
    }
    try TorchInterrupt.check()
}

// MARK: - bernoulli_

/// `Tensor.bernoulli_(p)` with a float p: `1 if U53 < p else 0`, memory order.
public func bernoulli_(_ t: Tensor, p: Double, generator: Generator? = nil) throws {
    if !(p >= 0 && p <= 1) {
        throw TorchError.runtime("bernoulli_ expects p to be in [0, 1], but got p=\(cppDouble(p))")
    }
    try t.assertNoInternalOverlap()
    let g = resolve(generator)
    t.forEachOffsetInMemoryOrder { o in storeInt(t, o, g.u53() < p ? 1 : 0) }
    try TorchInterrupt.check()
}

// MARK: - exponential_ and multinomial

/// `Tensor.exponential_(lambd)`: `(-1 / lambd) * log1p(-U53)` in double, rounded to the dtype, memory
/// order (`transformation::exponential`; PyTorch's CPU kernel, not MKL's stream).
public func exponential_(_ t: Tensor, lambda: Double = 1, generator: Generator? = nil) throws {
    if !(lambda > 0 && !lambda.isInfinite) {
        throw TorchError.runtime("exponential_ expects lambda > 0.0, but found lambda=\(cppDouble(lambda))")
    }
    guard t.dtype.isFloatingPoint else {
        throw TorchError.runtime("Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(t.dtype.scalarTypeName)")
    }
    try t.assertNoInternalOverlap()
    let g = resolve(generator)
    let scale = -1.0 / lambda
    if t.dtype == .float32 {
        let p = t.storage.pointer(Float.self)
        t.forEachOffsetInMemoryOrder { p[$0] = Float(scale * log1p(-g.u53())) }
    } else {
        let p = t.storage.pointer(Double.self)
        t.forEachOffsetInMemoryOrder { p[$0] = scale * log1p(-g.u53()) }
    }
    try TorchInterrupt.check()
}

extension Tensor {
    /// `torch.multinomial(p, n, replacement)` as `multinomial_out`: without replacement (or for one
    /// sample) the Gumbel trick — `argmax`/`topk` of p / Exp(1) draws made over p's layout; with
    /// replacement, per row a cumulative sum in p's dtype, normalised, searched for one U53 per sample.
    public static func multinomial(_ p: Tensor, _ n: Int, replacement: Bool, generator: Generator? = nil) throws -> Tensor {
        guard p.dim > 0 && p.dim <= 2 else { throw TorchError.runtime("prob_dist must be 1 or 2 dim") }
        guard p.dtype.isFloatingPoint else {
            throw TorchError.runtime("multinomial only supports floating-point dtypes for input, got: \(p.dtype.scalarTypeName)")
        }
        guard n > 0 else { throw TorchError.runtime("cannot sample n_sample <= 0 samples") }
        let categories = p.shape[p.dim - 1]
        guard replacement || n <= categories else {
            throw TorchError.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        guard categories <= 1 << 24 else { throw TorchError.runtime("number of categories cannot exceed 2^24") }
        let rows = p.dim == 2 ? p.shape[0] : 1
        let outShape = p.dim == 1 ? [n] : [rows, n]
        let count = try Shape.checkedStorageNumel(outShape)
        if count == 0 { return try Tensor.zeros(outShape, dtype: .int64) }
        try MemoryLimit.check(count: count, dtype: .int64)
        try MemoryLimit.check(count: p.numel, dtype: .float64)   // an expanded p is read out whole
        let values = try p.doubles()   // logical order, rows × categories
        var picks = [Int64](repeating: 0, count: count)
        let g = resolve(generator)
        if !replacement || n == 1 {
            if values.isEmpty {
                throw TorchError.runtime("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.")
            }
            if values.contains(where: { !($0 >= 0 && $0 < .infinity) }) {
                throw TorchError.runtime("probability tensor contains either `inf`, `nan` or element < 0")
            }
            let sums = try (p.dim == 1 ? p.sum() : p.sum(dims: [1])).doubles()
            if sums.contains(0) { throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
            let q = try Tensor.emptyLike(p)
            try exponential_(q, lambda: 1, generator: g)
            let keys = try Tensor.binary(p, q, .div).doubles()
            for r in 0..<rows {
                let row = Array(keys[(r * categories)..<((r + 1) * categories)])
                // argmax keeps the first of equal maxima; topk lists the largest first.
                let order = row.indices.sorted { row[$0] > row[$1] || (row[$0] == row[$1] && $0 < $1) }
                for j in 0..<n { picks[r * n + j] = Int64(order[j]) }
            }
            return try Tensor.from(ints: picks, shape: outShape, dtype: .int64)
        }
        let single = p.dtype == .float32
        for r in 0..<rows {
            var cumulative = [Double](repeating: 0, count: categories)
            var sum = 0.0
            for j in 0..<categories {
                let v = values[r * categories + j]
                guard v >= 0 else { throw TorchError.runtime("invalid multinomial distribution (encountering probability entry < 0)") }
                guard v.isFinite else {
                    throw TorchError.runtime("invalid multinomial distribution (encountering probability entry = infinity or NaN)")
                }
                sum = single ? Double(Float(sum) + Float(v)) : sum + v
                cumulative[j] = sum
            }
            guard sum > 0 else { throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
            for j in 0..<categories { cumulative[j] = single ? Double(Float(cumulative[j]) / Float(sum)) : cumulative[j] / sum }
            cumulative[categories - 1] = 1
            for j in 0..<n {
                let u = g.u53()
                var lo = 0, hi = categories
                while hi - lo > 0 {
                    let mid = lo + (hi - lo) / 2
                    if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
                }
                picks[r * n + j] = Int64(lo)
            }
            try TorchInterrupt.check()
        }
        return try Tensor.from(ints: picks, shape: outShape, dtype: .int64)
    }
}

// MARK: - randperm

/// `randperm_cpu`: Fisher–Yates with 32-bit draws for n < (2^32-1)/20, else inside-out with 64-bit draws.
func randpermValues(_ n: Int, _ g: Generator) throws -> [Int64] {
    // Every element is written before it is read (the identity, or the inside-out walk, which writes
    // r[i] after reading r[z] with z ≤ i), so no zero fill first: that fill could not see Ctrl-C.
    var r = [Int64](unsafeUninitializedCapacity: n) { buffer, count in
        if n >= 214_748_364 { buffer.initialize(repeating: 0) }
        count = n
    }
    if n < 214_748_364 {
        for i in 0..<n {
            if i & 0xFFFFF == 0xFFFFF { try TorchInterrupt.check() }
            r[i] = Int64(i)
        }
        if n > 1 {
            for i in 0..<(n - 1) {
                if i & 0xFFFFF == 0xFFFFF { try TorchInterrupt.check() }
                let z = Int(g.random() % UInt32(n - i))
                r.swapAt(i, i + z)
            }
        }
    } else {
        for i in 0..<n {
            if i & 0xFFFFF == 0xFFFFF { try TorchInterrupt.check() }
            let z = Int(g.random64() % UInt64(i + 1))
            r[i] = r[z]
            r[z] = Int64(i)
        }
    }
    return r
}

// MARK: - RReLU

/// `_rrelu_with_noise_train`: for each `x <= 0` (logical row-major order) a slope
/// `U53*(hi-lo)+lo` (mul then add, no FMA) in the tensor's dtype; `x > 0` keeps x with slope 1.
/// Returns (output, noise), both contiguous with the input's shape and dtype.
public func rreluNoise(_ input: Tensor, lower: Double = 1.0 / 8, upper: Double = 1.0 / 3,
                       generator: Generator? = nil) throws -> (output: Tensor, noise: Tensor) {
    guard input.dtype.isFloatingPoint else { throw notImplemented("rrelu_with_noise_out_cpu", input.dtype) }
    let g = resolve(generator)
    let out = try Tensor.zeros(input.shape, dtype: input.dtype)
    let noise = try Tensor.zeros(input.shape, dtype: input.dtype)
    var i = 0
    if input.dtype == .float32 {
        let lo = Double(Float(lower)), hi = Double(Float(upper))
        let po = out.storage.pointer(Float.self), pn = noise.storage.pointer(Float.self)
        let pi = input.storage.pointer(Float.self)
        input.forEachOffset { o in
            let x = pi[o]
            if x <= 0 {
                let r = Float(g.u53() * (hi - lo) + lo)
                po[i] = x * r
                pn[i] = r
            } else {
                po[i] = x
                pn[i] = 1
            }
            i += 1
        }
    } else {
        let po = out.storage.pointer(Double.self), pn = noise.storage.pointer(Double.self)
        let pi = input.storage.pointer(Double.self)
        input.forEachOffset { o in
            let x = pi[o]
            if x <= 0 {
                let r = g.u53() * (upper - lower) + lower
                po[i] = x * r
                pn[i] = r
            } else {
                po[i] = x
                pn[i] = 1
            }
            i += 1
        }
    }
    return (out, noise)
}

// MARK: - factories

extension Tensor {
    /// `torch.rand(*shape, dtype=)`.
    public static func rand(_ shape: [Int], dtype: DType = .float32, generator: Generator? = nil) throws -> Tensor {
        let t = try Tensor.zeros(shape, dtype: dtype)
        try uniform_(t, from: 0, to: 1, generator: generator)
        return t
    }

    /// `torch.randn(*shape, dtype=)`.
    public static func randn(_ shape: [Int], dtype: DType = .float32, generator: Generator? = nil) throws -> Tensor {
        // Every element is written by normal_ (dtype checked first, so a bad dtype throws before any read).
        let t = dtype.isFloatingPoint ? try Tensor.uninitialized(shape, dtype: dtype) : try Tensor.zeros(shape, dtype: dtype)
        try normal_(t, mean: 0, std: 1, generator: generator)
        return t
    }

    /// `torch.randint(low, high, size, dtype=)` (`randint(high, size)` is `low = 0`).
    public static func randint(_ low: Int64, _ high: Int64, _ shape: [Int], dtype: DType = .int64,
                               generator: Generator? = nil) throws -> Tensor {
        let t = try Tensor.zeros(shape, dtype: dtype)
        try random_(t, from: low, to: high, generator: generator)
        return t
    }

    /// `torch.randperm(n, dtype=)`.
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: Generator? = nil) throws -> Tensor {
        if dtype == .bool { throw notImplemented("randperm", dtype) }
        let t = try Tensor.zeros([n], dtype: dtype)
        if dtype == .float32 && n > (1 << 24) + 1 { throw TorchError.runtime("n cannot be greater than 2^24+1 for Float type.") }
        if dtype == .uint8 && n > 256 { throw TorchError.runtime("value cannot be converted to type uint8_t without overflow") }
        if dtype == .int32 && n > Int(Int32.max) + 1 { throw TorchError.runtime("value cannot be converted to type int32_t without overflow") }
        let values = try randpermValues(n, resolve(generator))
        for (i, v) in values.enumerated() {
            if i & 0xFFFFF == 0xFFFFF { try TorchInterrupt.check() }
            storeInt(t, i, v)
        }
        return t
    }

    /// `torch.rand_like(x)`: keeps x's strides when dense (`empty_like`), fills in memory order.
    public static func randLike(_ x: Tensor, dtype: DType? = nil, generator: Generator? = nil) throws -> Tensor {
        let t = try emptyLike(x, dtype: dtype)
        try uniform_(t, from: 0, to: 1, generator: generator)
        return t
    }

    /// `torch.randn_like(x)`: keeps x's strides, so a transposed argument takes the scalar path.
    public static func randnLike(_ x: Tensor, dtype: DType? = nil, generator: Generator? = nil) throws -> Tensor {
        let t = try emptyLike(x, dtype: dtype)
        try normal_(t, mean: 0, std: 1, generator: generator)
        return t
    }

    /// `torch.randint_like(x, low, high)`.
    public static func randintLike(_ x: Tensor, _ low: Int64, _ high: Int64, dtype: DType? = nil,
                                   generator: Generator? = nil) throws -> Tensor {
        let t = try emptyLike(x, dtype: dtype)
        try random_(t, from: low, to: high, generator: generator)
        return t
    }

    /// `torch.normal(mean, std, size)` with float mean and std.
    public static func normal(_ mean: Double, _ std: Double, _ size: [Int], dtype: DType = .float32,
                              generator: Generator? = nil) throws -> Tensor {
        let t = try Tensor.zeros(size, dtype: dtype)
        try normal_(t, mean: mean, std: std, generator: generator)
        return t
    }
}

// MARK: - bernoulli with a tensor of probabilities

extension Tensor {
    /// `torch.bernoulli(p)`: 0/1 of p's dtype and shape, one draw per element in memory order
    /// (`U24 < p` for float32, `U53 < p` for float64; RNG.md §7).
    public static func bernoulli(probabilities p: Tensor, generator: Generator? = nil) throws -> Tensor {
        guard p.dtype.isFloatingPoint else {
            throw TorchError("NotImplementedError", "\"bernoulli_tensor_cpu_p_\" not implemented for '\(p.dtype.cppName)'")
        }
        let probs = try p.dense()
        let values = try probs.doubles()
        if values.contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw TorchError.runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        let g = resolve(generator)
        let out = try Tensor.zeros(p.shape, dtype: p.dtype)
        for (i, v) in values.enumerated() {
            let hit = p.dtype == .float64 ? g.u53() < v : Double(g.u24()) < Double(Float(v))
            if hit { storeInt(out, i, 1) }
        }
        return out
    }
}
