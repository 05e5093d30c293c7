import Foundation
import Kernels

/// `torch.linalg.vector_norm` (and so `Tensor.norm`, `torch.norm`) as ATen's CPU `norm_stub`: p = 2
/// over a contiguous last dimension in the vector kernel's order (one float accumulator per lane, the
/// lanes summed in turn, then the scalar tail), every other case as `binary_kernel_reduce`'s
/// sequential fold (split in thread chunks for a whole-tensor reduction of 32 768 elements or more),
/// accumulating in the dtype, `pow` for the general p.
extension Tensor {
    /// `nodeName`: the graph node ATen's caller records (`at::norm` from C++ makes `NormBackward1`).
    public func vectorNorm(_ p: Double = 2, dims: [Int] = [], keepdim: Bool = false,
                           nodeName: String = "LinalgVectorNormBackward0") throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError("NotImplementedError", "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        if numel == 0 && (p < 0 || p == .infinity) {
            throw TorchError.runtime("linalg.vector_norm cannot compute the \(p == .infinity ? "inf" : cppDouble(p)) norm on an empty tensor because the operation does not have an identity")
        }
        let ds = dims.isEmpty ? Array(0..<dim) : try dims.map { try Shape.wrapDim($0, Swift.max(dim, 1)) }
        if Set(ds).count != ds.count { throw TorchError.runtime("dim \(ds.first ?? 0) appears multiple times in the list of dims") }
        let reduced = ds.filter { $0 < dim }.sorted()
        let kept = (0..<dim).filter { !reduced.contains($0) }
        let outShape = keepdim ? (0..<dim).map { reduced.contains($0) ? 1 : shape[$0] } : kept.map { shape[$0] }
        // An empty input's sizes may multiply past Int (`randn(2**62, 4, 0)`): its norm is zeros (p ≥ 0 here).
        if numel == 0 {
            let zeros = try Tensor.zeros(outShape, dtype: dtype)
            return zeros.recording(nodeName, [self]) { [shape, dtype] _ in [try Tensor.zeros(shape, dtype: dtype)] }
        }
        let rowLength = reduced.reduce(1) { $0 * shape[$1] }
        let rows = kept.reduce(1) { $0 * shape[$1] }
        // The vectorised p = 2 path: the reduced dims are the trailing ones of a contiguous tensor.
        try MemoryLimit.check(count: numel, dtype: .float64)   // the values are read out as doubles
        // A whole dense tensor is read in memory order, as TensorIterator coalesces it (`x.t().norm()`).
        let wholeDense = reduced.count == dim && !isContiguous && isNonOverlappingAndDense
        var values: [Double]
        if wholeDense {
            values = []
            values.reserveCapacity(numel)
            forEachOffsetInMemoryOrder { values.append(flatDouble($0)) }
        } else {
            values = try GradMode.withoutGrad { try permute(kept + reduced).contiguous() }.doubles()
        }
        let lastDim = p == 2 && (wholeDense || (isContiguous && reduced == Array((dim - reduced.count)..<dim)))
        let single = dtype == .float32
        // `norm_stub` has no AVX-512 registration, so an AVX-512 CPU runs the AVX2 kernel: 8 float
        // (4 double) lanes on every CPU (the default build's Vectorized is 32 bytes too); no FMA
        // (measured against PyTorch 2.15 on a Zen 4).
        let lanes = single ? 8 : 4
        var out = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            if r & 0xFFF == 0xFFF { try TorchInterrupt.check() }
            let row = values[(r * rowLength)..<((r + 1) * rowLength)]
            out[r] = lastDim ? Tensor.twoNormLanes(row, lanes: lanes, single: single)
                : Tensor.normFold(row, p, single: single, threads: rows == 1 ? kernelThreadCount : 1)
        }
        let result = try Tensor.from(doubles: out, shape: outShape, dtype: dtype)
        let input = self
        return result.recording(nodeName, [self]) { g in
            var grad = g, norm = result
            if !keepdim && input.dim != 0 {
                for d in reduced { grad = try grad.unsqueeze(d); norm = try norm.unsqueeze(d) }
            }
            return [try Tensor.normBackward(grad, input, p, norm, reduced)]
        }
    }

    /// `norm_two_reduce_step` over `lanes` accumulators, the lanes added in turn, the tail squared and added.
    static func twoNormLanes(_ row: ArraySlice<Double>, lanes: Int, single: Bool) -> Double {
        let n = row.count, base = row.startIndex
        let body = n - n % lanes
        if single {
            var acc = [Float](repeating: 0, count: lanes)
            var i = 0
            while i < body {
                for j in 0..<lanes { let v = Float(row[base + i + j]); acc[j] = acc[j] + v * v }
                i += lanes
            }
            var total = acc[0]
            for j in 1..<lanes { total = total + acc[j] }
            for k in body..<n { let v = Float(row[base + k]); total = total + v * v }
            return Double(total.squareRoot())
        }
        var acc = [Double](repeating: 0, count: lanes)
        var i = 0
        while i < body {
            for j in 0..<lanes { let v = row[base + i + j]; acc[j] = acc[j] + v * v }
            i += lanes
        }
        var total = acc[0]
        for j in 1..<lanes { total = total + acc[j] }
        for k in body..<n { let v = row[base + k]; total = total + v * v }
        return total.squareRoot()
    }

    /// `binary_kernel_reduce` with NormZero/One/Two/AbsMax/AbsMin/NormOps, in float for float32 tensors.
    static func normFold(_ row: ArraySlice<Double>, _ p: Double, single: Bool, threads: Int) -> Double {
        func round(_ x: Double) -> Double { single ? Double(Float(x)) : x }
        let initial = p == -.infinity ? Double.infinity : 0
        func reduce(_ acc: Double, _ x: Double) -> Double {
            let a = Swift.abs(x)
            switch p {
            case 0: return round(acc + (x == 0 ? 0 : 1))
            case 1: return round(acc + a)
            case 2: return round(acc + round(x * x))
            case .infinity: return acc.isNaN || a.isNaN ? .nan : Swift.max(acc, a)
            case -.infinity: return acc.isNaN || a.isNaN ? .nan : Swift.min(acc, a)
            default: return round(acc + (single ? Double(Foundation.powf(Float(a), Float(p))) : Foundation.pow(a, p)))
            }
        }
        func combine(_ a: Double, _ b: Double) -> Double {
            switch p {
            case .infinity: return a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
            case -.infinity: return a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
            default: return round(a + b)
            }
        }
        func project(_ acc: Double) -> Double {
            switch p {
            case 0, 1, .infinity, -.infinity: return acc
            case 2: return single ? Double(Float(acc).squareRoot()) : acc.squareRoot()
            default: return single ? Double(Foundation.powf(Float(acc), 1 / Float(p))) : Foundation.pow(acc, 1 / p)
            }
        }
        let n = row.count, base = row.startIndex
        let grain = 32_768
        guard n >= grain && threads > 1 else {
            var acc = initial
            for v in row { acc = reduce(acc, v) }
            return project(acc)
        }
        // at::parallel_for(0, n, GRAIN_SIZE): min(threads, ceil(n / grain)) chunks of ceil(n / chunks);
        // one accumulator per thread, combined in thread order.
        let chunks = Swift.min(threads, (n + grain - 1) / grain)
        let size = (n + chunks - 1) / chunks
        var total = initial
        for t in 0..<threads {
            var acc = initial
            if t < chunks {
                let start = t * size
                if start < n { for k in start..<Swift.min(n, start + size) { acc = reduce(acc, row[base + k]) } }
            }
            total = combine(total, acc)
        }
        return project(total)
    }

    /// `norm_backward` (FunctionsManual.cpp), the gradient and norm already unsqueezed to the input's rank.
    static func normBackward(_ grad: Tensor, _ x: Tensor, _ p: Double, _ norm: Tensor, _ dims: [Int]) throws -> Tensor? {
        let zeroNorm = try Tensor.binary(norm, .wrapped(0), .eq)
        let zero = Tensor.scalar(0, dtype: x.dtype)
        switch p {
        case 0: return nil
        case 1: return try x.unary(.sign) * grad
        case 2: return try grad * zeroNorm.where(zero, x / norm)
        case .infinity, -.infinity:
            let a = try x.abs()
            let mask = try Tensor.binary(Tensor.binary(a, norm, .eq), Tensor.compareValues(a, a, .ne), .logicalOr)
            let count = try mask.to(x.dtype).sum(dims: dims, keepdim: true)
            return try x.unary(.sign) * ((grad / count) * mask.to(x.dtype))
        default:
            if p < 1 {
                let scaled = try x.unary(.sign) * Tensor.binary(x, .wrapped(0), .eq).where(zero, Tensor.binary(x.abs(), .wrapped(p - 1), .pow))
                return try scaled * grad * Tensor.binary(norm, .wrapped(1 - p), .pow)
            }
            let scaled = p < 2 ? try x.unary(.sign) * Tensor.binary(x.abs(), .wrapped(p - 1), .pow)
                : try x * Tensor.binary(x.abs(), .wrapped(p - 2), .pow)
            let scale = try zeroNorm.where(zero, grad / Tensor.binary(norm, .wrapped(p - 1), .pow))
            return try scaled * scale
        }
    }
}
