/// Floating-point `sum`/`mean` that reproduces PyTorch's CPU results bit for bit.
///
/// PyTorch (ATen's CPU sum kernel, AVX2 build) adds float32 in float32 and float64 in float64, in a
/// fixed order: the reduction is laid out the way TensorIterator lays it out (reduced dims first,
/// dims sorted by stride, adjacent dims merged), each 2-d slice goes to one of four loops (contiguous
/// inner rows, contiguous outer columns, strided inner, strided outer), and every row is summed by a
/// cascade of four accumulator levels with four interleaved partial sums. Vector loops work on
/// 8 float lanes / 4 double lanes (AVX2 `Vectorized`), and a row's lanes are folded at the end
/// tail-first, then lane 0 up to the last lane.
///
/// Threads: PyTorch splits a reduction to one output over threads (which changes the result) only
/// when it runs with more than one thread; the parity suite and the golden files run PyTorch with
/// `OMP_NUM_THREADS=1`, so this emulates the single-thread order everywhere.
enum CascadeSum {
    /// `sum` (or `mean`, which PyTorch computes as that sum divided by the element count) of `x`
    /// over `dims` (sorted, wrapped, non-empty for a full reduction: all dims). Returns a contiguous
    /// tensor of the keepdim shape, reshaped to `outShape`.
    static func reduce(_ x: Tensor, dims: [Int], outShape: [Int], mean: Bool) throws -> Tensor {
        switch x.dtype {
        case .float32: return try run(x, Float.self, dims: dims, outShape: outShape, mean: mean)
        case .float64: return try run(x, Double.self, dims: dims, outShape: outShape, mean: mean)
        default: fatalError("CascadeSum handles float32 and float64 only")
        }
    }

    private static func run<S: CascadeScalar>(_ x: Tensor, _: S.Type, dims: [Int], outShape: [Int], mean: Bool) throws -> Tensor {
        let nd = x.dim
        let keepShape = (0..<nd).map { dims.contains($0) ? 1 : x.shape[$0] }
        let out = try Tensor.zeros(outShape, dtype: S.dtype)
        let o = out.storage.pointer(S.self)
        // The divisor of a mean: 0 for an empty reduction; with no output elements it is never used (and the
        // reduced sizes of an empty input may multiply past Int); otherwise the input is non-empty and it fits.
        let reducedSizes = dims.map { x.shape[$0] }
        let count = reducedSizes.contains(0) ? 0 : out.numel == 0 ? 1 : Shape.elementCount(reducedSizes)
        if x.numel > 0 {
            let keepStrides = Shape.contiguousStrides(keepShape)
            var sizes: [Int] = [], inS: [Int] = [], outS: [Int] = []
            for d in 0..<nd {
                sizes.append(x.shape[d])
                inS.append(x.strides[d])
                outS.append(dims.contains(d) && x.shape[d] != 1 ? 0 : keepStrides[d])
            }
            let layout = Layout(sizes: sizes, inStrides: inS, outStrides: outS)
            sumLayout(layout, input: x.storage.pointer(S.self) + x.offset, output: o)
        }
        if mean {
            // `at::sum_out(...).div_(dim_prod)`: a true division by the count as the dtype.
            let n = S(count)
            for k in 0..<out.numel { o[k] = o[k] / n }
        }
        return out
    }

    // MARK: TensorIterator's layout of a reduction

    struct Layout {
        var sizes: [Int], inStrides: [Int], outStrides: [Int]

        /// Dims in TensorIterator order (fastest first), after `reorder_dimensions` and `coalesce_dimensions`.
        init(sizes logical: [Int], inStrides li: [Int], outStrides lo: [Int]) {
            let nd = logical.count
            if nd == 0 { sizes = [1]; inStrides = [0]; outStrides = [0]; return }
            // Start from reversed dims, then an insertion sort that tolerates ambiguous comparisons.
            var perm = Array((0..<nd).reversed())
            func shouldSwap(_ d0: Int, _ d1: Int) -> Int {
                // Output first: reduced dims (stride 0) go to the front.
                let o0 = lo[d0], o1 = lo[d1]
                if (o0 == 0) != (o1 == 0) { return o1 == 0 ? 1 : -1 }
                if !(o0 == 0 || o1 == 0) {
                    if o0 < o1 { return -1 }
                    if o0 > o1 { return 1 }
                    if logical[d0] > logical[d1] { return 1 }
                }
                let i0 = li[d0], i1 = li[d1]
                if i0 == 0 || i1 == 0 { return 0 }
                if i0 < i1 { return -1 }
                if i0 > i1 { return 1 }
                if logical[d0] > logical[d1] { return 1 }
                return 0
            }
            if nd > 1 {
                for i in 1..<nd {
                    var d1 = i
                    var d0 = i - 1
                    while d0 >= 0 {
                        let c = shouldSwap(perm[d0], perm[d1])
                        if c > 0 { perm.swapAt(d0, d1); d1 = d0 } else if c < 0 { break }
                        d0 -= 1
                    }
                }
            }
            var sh = perm.map { logical[$0] }
            var si = perm.map { li[$0] }
            var so = perm.map { lo[$0] }
            // Coalesce adjacent dims that are one run of memory for both operands.
            var prev = 0
            for d in 1..<max(nd, 1) {
                let can = sh[prev] == 1 || sh[d] == 1
                    || (sh[prev] * si[prev] == si[d] && sh[prev] * so[prev] == so[d])
                if can {
                    if sh[prev] == 1 { si[prev] = si[d]; so[prev] = so[d] }
                    sh[prev] *= sh[d]
                } else {
                    prev += 1
                    if prev != d { si[prev] = si[d]; so[prev] = so[d]; sh[prev] = sh[d] }
                }
            }
            sizes = Array(sh[0...prev]); inStrides = Array(si[0...prev]); outStrides = Array(so[0...prev])
        }
    }

    /// `serial_for_each`: 2-d slices of dims 0 and 1, dims 2... iterated outside.
    static func sumLayout<S: CascadeScalar>(_ l: Layout, input: UnsafePointer<S>, output: UnsafeMutablePointer<S>) {
        let nd = l.sizes.count
        let size0 = l.sizes[0], size1 = nd > 1 ? l.sizes[1] : 1
        let is0 = l.inStrides[0], is1 = nd > 1 ? l.inStrides[1] : 0
        let os0 = l.outStrides[0], os1 = nd > 1 ? l.outStrides[1] : 0
        var counter = [Int](repeating: 0, count: max(nd - 2, 0))
        while true {
            var inOff = 0, outOff = 0
            for (k, c) in counter.enumerated() { inOff += c * l.inStrides[k + 2]; outOff += c * l.outStrides[k + 2] }
            loop2d(input + inOff, output + outOff, size0: size0, size1: size1,
                   inStrides: (is0, is1), outStrides: (os0, os1))
            var k = 0
            while k < counter.count {
                counter[k] += 1
                if counter[k] < l.sizes[k + 2] { break }
                counter[k] = 0
                k += 1
            }
            if k == counter.count { break }
        }
    }

    /// The body of `cascade_sum`'s loop for one 2-d slice (strides in elements).
    static func loop2d<S: CascadeScalar>(_ inp: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>, size0 s0: Int, size1 s1: Int,
                                         inStrides: (Int, Int), outStrides: (Int, Int)) {
        var size0 = s0, size1 = s1
        var ins = inStrides, outs = outStrides
        if outs.0 != 0 && outs.1 == 0 {
            ins = (ins.1, ins.0); outs = (outs.1, outs.0); swap(&size0, &size1)
        }
        if outs.0 != 0 && outs.1 != 0 {
            // Not a true reduction: out += in elementwise.
            for j in 0..<size1 {
                for i in 0..<size0 {
                    let p = out + i * outs.0 + j * outs.1
                    p.pointee = p.pointee + inp[i * ins.0 + j * ins.1]
                }
            }
            return
        }
        let outStride = outs.1
        let lanes = S.Vec.scalarCount
        if ins.0 == 1 && size0 >= lanes {
            innerVectorized(inp, out, rowStride: ins.1, outStride: outStride, size0: size0, size1: size1)
        } else if ins.1 == 1 && size1 >= lanes {
            outerVectorized(inp, out, redStride: ins.0, outStride: outStride, size0: size0, size1: size1)
        } else if ins.0 < ins.1 {
            for j in 0..<size1 {
                let row = inp + j * ins.1, st = ins.0
                let v = rowSum(size0) { row[$0 * st] }
                out[j * outStride] += v
            }
        } else {
            scalarOuter(inp, out, ins: ins, outStride: outStride, size0: size0, size1: size1)
        }
    }

    // MARK: the four loops

    /// Rows contiguous along the reduction: vectors of consecutive elements, lanes folded at the end.
    static func innerVectorized<S: CascadeScalar>(_ inp: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>,
                                                  rowStride: Int, outStride: Int, size0: Int, size1: Int) {
        let lanes = S.Vec.scalarCount
        let vecSize = size0 / lanes
        for j in 0..<size1 {
            let row = inp + j * rowStride
            let raw = UnsafeRawPointer(row)
            let vacc: S.Vec = rowSum(vecSize) { raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<S.Vec>.stride, as: S.Vec.self) }
            var acc = S.zero
            var k = vecSize * lanes
            while k < size0 { acc = acc + row[k]; k += 1 }
            for lane in 0..<lanes { acc = acc + vacc[lane] }
            out[j * outStride] += acc
        }
    }

    /// Columns contiguous, reduction strided: 4 vectors of columns at a time, then 1 vector, then scalars.
    static func outerVectorized<S: CascadeScalar>(_ inp: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>,
                                                  redStride: Int, outStride: Int, size0: Int, size1: Int) {
        let lanes = S.Vec.scalarCount
        let raw = UnsafeRawPointer(inp)
        let esz = MemoryLayout<S>.stride
        @inline(__always) func vec(_ i: Int, _ col: Int) -> S.Vec {
            raw.loadUnaligned(fromByteOffset: (i * redStride + col) * esz, as: S.Vec.self)
        }
        var j = 0
        while j + 4 * lanes <= size1 {
            let c = j
            let q: Quad<S.Vec> = multiRowSum(size0) { i in
                Quad(vec(i, c), vec(i, c + lanes), vec(i, c + 2 * lanes), vec(i, c + 3 * lanes))
            }
            let vs = [q.a, q.b, q.c, q.d]
            for (r, v) in vs.enumerated() {
                for lane in 0..<lanes { out[(j + r * lanes + lane) * outStride] += v[lane] }
            }
            j += 4 * lanes
        }
        while j + lanes <= size1 {
            let c = j
            let v: S.Vec = rowSum(size0) { vec($0, c) }
            for lane in 0..<lanes { out[(j + lane) * outStride] += v[lane] }
            j += lanes
        }
        while j < size1 {
            let col = inp + j
            let v = rowSum(size0) { col[$0 * redStride] }
            out[j * outStride] += v
            j += 1
        }
    }

    /// Strided both ways, reduction stride the larger: 4 columns at a time, then one by one.
    static func scalarOuter<S: CascadeScalar>(_ inp: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>,
                                              ins: (Int, Int), outStride: Int, size0: Int, size1: Int) {
        let (s0, s1) = ins
        var j = 0
        while j + 3 < size1 {
            let base = inp + j * s1
            let q: Quad<S> = multiRowSum(size0) { i in
                let p = base + i * s0
                return Quad(p[0], p[s1], p[2 * s1], p[3 * s1])
            }
            out[j * outStride] += q.a
            out[(j + 1) * outStride] += q.b
            out[(j + 2) * outStride] += q.c
            out[(j + 3) * outStride] += q.d
            j += 4
        }
        while j < size1 {
            let base = inp + j * s1
            out[j * outStride] += rowSum(size0) { base[$0 * s0] }
            j += 1
        }
    }

    // MARK: the cascade

    /// `row_sum`: the row read as `(-1, 4)`, the four columns summed by the cascade, the leftover
    /// elements added to the first partial sum, then the partials folded in order.
    @inline(__always)
    static func rowSum<T: SumAccumulator>(_ size: Int, _ load: (Int) -> T) -> T {
        let sizeIlp = size / 4
        var p: Quad<T> = multiRowSum(sizeIlp) { i in
            let b = 4 * i
            return Quad(load(b), load(b + 1), load(b + 2), load(b + 3))
        }
        var i = sizeIlp * 4
        while i < size { p.a = p.a + load(i); i += 1 }
        return ((p.a + p.b) + p.c) + p.d
    }

    /// `multi_row_sum` with 4 rows: four accumulator levels; level 0 takes `2^levelPower` steps,
    /// then carries into level 1, which carries on when its own count wraps, and so on.
    @inline(__always)
    static func multiRowSum<T: SumAccumulator>(_ size: Int, _ load: (Int) -> Quad<T>) -> Quad<T> {
        let levelPower = max(4, ceilLog2(size) / 4)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        let mask1 = levelMask << levelPower, mask2 = levelMask << (2 * levelPower)
        var a0 = Quad<T>.zero, a1 = Quad<T>.zero, a2 = Quad<T>.zero, a3 = Quad<T>.zero
        var i = 0
        while i + levelStep <= size {
            let end = i + levelStep
            while i < end { a0 = a0 + load(i); i += 1 }
            a1 = a1 + a0; a0 = .zero
            if i & mask1 != 0 { continue }
            a2 = a2 + a1; a1 = .zero
            if i & mask2 != 0 { continue }
            a3 = a3 + a2; a2 = .zero
        }
        while i < size { a0 = a0 + load(i); i += 1 }
        a0 = a0 + a1
        a0 = a0 + a2
        a0 = a0 + a3
        return a0
    }

    @inline(__always)
    static func ceilLog2(_ x: Int) -> Int {
        if x <= 2 { return 1 }
        return Int.bitWidth - (x - 1).leadingZeroBitCount
    }
}

/// Something added lane by lane: a float, a double, or an AVX2-sized vector of them.
protocol SumAccumulator {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
}

extension Float: SumAccumulator {}
extension Double: SumAccumulator {}
extension SIMD8: SumAccumulator where Scalar == Float {}
extension SIMD4: SumAccumulator where Scalar == Double {}

/// The scalar types with a cascade sum and their `Vectorized` width on AVX2.
protocol CascadeScalar: SumAccumulator, Element, BinaryFloatingPoint {
    associatedtype Vec: SIMD & SumAccumulator where Vec.Scalar == Self
}
extension Float: CascadeScalar { typealias Vec = SIMD8<Float> }
extension Double: CascadeScalar { typealias Vec = SIMD4<Double> }

/// Four accumulators advanced together (`nrows` = 4 in `multi_row_sum`).
struct Quad<T: SumAccumulator>: SumAccumulator {
    var a: T, b: T, c: T, d: T
    @inline(__always) init(_ a: T, _ b: T, _ c: T, _ d: T) { self.a = a; self.b = b; self.c = c; self.d = d }
    static var zero: Quad { Quad(.zero, .zero, .zero, .zero) }
    @inline(__always) static func + (l: Quad, r: Quad) -> Quad { Quad(l.a + r.a, l.b + r.b, l.c + r.c, l.d + r.d) }
}
