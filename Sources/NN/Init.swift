import Foundation
import Torch

/// `torch.nn.init`, in PyTorch's double arithmetic and draw order (see shared/specs/RNG.md §9).
public enum Init {
    public static func calculateFanInAndFanOut(_ t: Tensor) throws -> (Int, Int) {
        if t.dim < 2 {
            throw TorchError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        // Python ints in PyTorch; a tensor's sizes can multiply past 64 bits only with a 0-size dim.
        var rf = 1, overflow = false
        for s in t.shape.dropFirst(2) { (rf, overflow) = rf.multipliedReportingOverflow(by: s); if overflow { break } }
        let fanIn = t.shape[1].multipliedReportingOverflow(by: rf), fanOut = t.shape[0].multipliedReportingOverflow(by: rf)
        if overflow || fanIn.overflow || fanOut.overflow {
            throw TorchError("OverflowError", "fan in and fan out do not fit in 64 bits (nnsh integers are 64-bit)")
        }
        return (fanIn.partialValue, fanOut.partialValue)
    }

    /// `calculate_gain(nonlinearity, param)`; `param` nil means None.
    public static func calculateGain(_ nonlinearity: String, param: Double? = nil) throws -> Double {
        switch nonlinearity {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid":
            return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let slope = param ?? 0.01
            return (2.0 / (1 + Foundation.pow(slope, 2.0))).squareRoot()
        case "selu": return 3.0 / 4
        default: throw TorchError.value("Unsupported nonlinearity \(nonlinearity)")
        }
    }

    static func fan(_ t: Tensor, _ mode: String) throws -> Int {
        guard mode == "fan_in" || mode == "fan_out" else {
            throw TorchError.value("Mode \(mode) not supported, please use one of ['fan_in', 'fan_out']")
        }
        let (i, o) = try calculateFanInAndFanOut(t)
        return mode == "fan_in" ? i : o
    }

    public static func uniform_(_ t: Tensor, a: Double = 0, b: Double = 1, generator: Generator? = nil) throws {
        try Torch.uniform_(t, from: a, to: b, generator: generator)
    }

    public static func normal_(_ t: Tensor, mean: Double = 0, std: Double = 1, generator: Generator? = nil) throws {
        try Torch.normal_(t, mean: mean, std: std, generator: generator)
    }

    public static func constant_(_ t: Tensor, _ value: Double) throws { try t.fill(value) }
    public static func zeros_(_ t: Tensor) throws { try t.fill(0) }
    public static func ones_(_ t: Tensor) throws { try t.fill(1) }

    public static func eye_(_ t: Tensor) throws {
        if t.dim != 2 { throw TorchError.value("Only tensors with 2 dimensions are supported") }
        try t.copy_(Tensor.eye(t.shape[0], t.shape[1], dtype: t.dtype))
    }

    /// `nn.init.dirac_`, following PyTorch's Python loop: zero the tensor, then write 1 at
    /// `[g * out_per_group + d, d, size(2) // 2, ...]`, where an empty spatial dim is Python's IndexError
    /// and `groups` ≤ 0 writes nothing (`range(groups)` is empty; 0 is a ZeroDivisionError first).
    public static func dirac_(_ t: Tensor, groups: Int = 1) throws {
        let d = t.dim
        if ![3, 4, 5].contains(d) { throw TorchError.value("Only tensors with 3, 4, or 5 dimensions are supported") }
        let sizes = t.shape
        if groups == 0 { throw TorchError("ZeroDivisionError", "integer modulo by zero") }
        if sizes[0] % groups != 0 { throw TorchError.value("dim 0 must be divisible by groups") }
        let outPerGroup = sizes[0] / groups
        let minDim = min(outPerGroup, sizes[1])
        try t.fill(0)
        guard groups > 0, minDim > 0 else { return }
        let centre = sizes.dropFirst(2).map { $0 / 2 }
        if let e = sizes.indices.dropFirst(2).first(where: { sizes[$0] == 0 }) {
            throw TorchError.index("index 0 is out of bounds for dimension \(e) with size 0")
        }
        // Every size is now positive and every index below its size, so the offsets address the tensor's memory.
        for g in 0..<groups {
            for dd in 0..<minDim {
                let idx = [g * outPerGroup + dd, dd] + centre
                t.setFlat(t.storageOffset(of: idx), 1)
            }
        }
    }

    public static func xavierUniform_(_ t: Tensor, gain: Double = 1, generator: Generator? = nil) throws {
        let (fi, fo) = try calculateFanInAndFanOut(t)
        let std = gain * (2.0 / Double(fi + fo)).squareRoot()
        let a = 3.0.squareRoot() * std
        try uniform_(t, a: -a, b: a, generator: generator)
    }

    public static func xavierNormal_(_ t: Tensor, gain: Double = 1, generator: Generator? = nil) throws {
        let (fi, fo) = try calculateFanInAndFanOut(t)
        let std = gain * (2.0 / Double(fi + fo)).squareRoot()
        try normal_(t, mean: 0, std: std, generator: generator)
    }

    public static func kaimingUniform_(_ t: Tensor, a: Double = 0, mode: String = "fan_in",
                                       nonlinearity: String = "leaky_relu", generator: Generator? = nil) throws {
        if t.shape.contains(0) { return }  // PyTorch warns "Initializing zero-element tensors is a no-op"
        let f = try fan(t, mode)
        let gain = try calculateGain(nonlinearity, param: a)
        let std = gain / Double(f).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform_(t, a: -bound, b: bound, generator: generator)
    }

    public static func kaimingNormal_(_ t: Tensor, a: Double = 0, mode: String = "fan_in",
                                      nonlinearity: String = "leaky_relu", generator: Generator? = nil) throws {
        if t.shape.contains(0) { return }
        let f = try fan(t, mode)
        let gain = try calculateGain(nonlinearity, param: a)
        let std = gain / Double(f).squareRoot()
        try normal_(t, mean: 0, std: std, generator: generator)
    }

    /// `trunc_normal_` as torch/nn/init.py 2.15 samples it (not by the inverse CDF): when the interval holds
    /// more than 0.3 of the mass, normal draws with every out-of-range element redrawn from a fresh
    /// full-size `normal_` until none is left; otherwise uniform proposals on [a, b) accepted where
    /// log U < log pdf - log peak, each round drawing a full tensor of proposals and then of U. The
    /// comparisons and the log-density are the tensor ops PyTorch runs, in the tensor's dtype.
    public static func truncNormal_(_ t: Tensor, mean: Double = 0, std: Double = 1, a: Double = -2, b: Double = 2,
                                    generator: Generator? = nil) throws {
        guard std != 0 else { throw TorchError("ZeroDivisionError", "float division by zero") }
        func normCdf(_ x: Double) -> Double { (1.0 + Foundation.erf(x / 2.0.squareRoot())) / 2.0 }
        let p = normCdf((b - mean) / std) - normCdf((a - mean) / std)
        func anyTrue(_ m: Tensor) throws -> Bool { try m.doubles().contains { $0 != 0 } }
        if p > 0.3 {
            // `tensor.new_tensor(a).item()`: the bounds as the tensor's dtype holds them.
            let lo = t.dtype == .float32 ? Double(Float(a)) : a, hi = t.dtype == .float32 ? Double(Float(b)) : b
            try Torch.normal_(t, mean: mean, std: std, generator: generator)
            var result = t
            while true {
                let mask = try Tensor.binary(Tensor.binary(result, .wrapped(lo), .lt), Tensor.binary(result, .wrapped(hi), .gt), .logicalOr)
                if try !anyTrue(mask) { break }
                let fresh = try Tensor.emptyLike(result)
                try Torch.normal_(fresh, mean: mean, std: std, generator: generator)
                result = try mask.where(fresh, result)
            }
            if result !== t { try t.copy_(result) }
            return
        }
        let mode = Swift.max(a, Swift.min(mean, b))
        let logPeak = -0.5 * Foundation.pow((mode - mean) / std, 2)
        let candidates = try Tensor.emptyLike(t), acceptBuffer = try Tensor.emptyLike(t)
        func logDensity() throws {
            var c = try Tensor.binary(candidates, .wrapped(mean), .sub)
            c = try Tensor.binary(c, .wrapped(std), .div)
            c = try Tensor.binary(c, c, .mul)
            c = try Tensor.binary(c, .wrapped(-0.5), .mul)
            try candidates.copy_(Tensor.binary(c, .wrapped(logPeak), .sub))
        }
        func rejected() throws -> Tensor {
            try Torch.uniform_(acceptBuffer, from: 0, to: 1, generator: generator)
            return try Tensor.binary(acceptBuffer.unary(.log), candidates, .gt)
        }
        try Torch.uniform_(t, from: a, to: b, generator: generator)
        try candidates.copy_(t)
        try logDensity()
        var pending = try rejected()
        guard try anyTrue(pending) else { return }
        var result = t
        while true {
            try Torch.uniform_(candidates, from: a, to: b, generator: generator)
            result = try pending.where(candidates, result)
            try logDensity()
            pending = try pending.where(try rejected(), pending)
            if try !anyTrue(pending) { break }
        }
        try t.copy_(result)
    }

    /// `orthogonal_(tensor, gain)`: a rows × (numel / rows) normal draw, QR-factorised (transposed first when
    /// wider than tall), Q's columns signed by R's diagonal, copied in and scaled. PyTorch factorises with
    /// LAPACK (MKL's `geqrf`/`orgqr` in its wheels), whose last bits are not reproducible elsewhere; this
    /// Householder QR runs in double, so Q is the exact one rounded once — within a few float32 ULPs of
    /// PyTorch's (docs/numerics.md).
    public static func orthogonal_(_ t: Tensor, gain: Double = 1, generator: Generator? = nil) throws {
        if t.dim < 2 { throw TorchError.value("Only tensors with 2 or more dimensions are supported") }
        if t.numel == 0 { return }
        let rows = t.shape[0], cols = t.numel / rows
        let flat = try Tensor.zeros([rows, cols], dtype: t.dtype)
        try Torch.normal_(flat, mean: 0, std: 1, generator: generator)
        let values = try flat.doubles()
        // Factorise A (m × n, m ≥ n): A is the draw, or its transpose when rows < cols.
        let wide = rows < cols
        let m = wide ? cols : rows, n = wide ? rows : cols
        var a = [Double](repeating: 0, count: m * n)  // column-major
        for i in 0..<rows { for j in 0..<cols { let v = values[i * cols + j]; if wide { a[i * m + j] = v } else { a[j * m + i] = v } } }
        var reflectors = [[Double]](), diagonal = [Double]()
        for k in 0..<n {
            try TorchInterrupt.check()   // O(m n²): a huge matrix must stay interruptible
            var norm = 0.0
            for i in k..<m { norm += a[k * m + i] * a[k * m + i] }
            norm = norm.squareRoot()
            let x0 = a[k * m + k]
            let beta = x0 >= 0 ? -norm : norm
            var v = [Double](repeating: 0, count: m - k)
            for i in k..<m { v[i - k] = a[k * m + i] }
            v[0] -= beta
            var vnorm = 0.0
            for e in v { vnorm += e * e }
            if vnorm == 0 { reflectors.append([]); diagonal.append(x0); continue }
            for j in k..<n {
                var dot = 0.0
                for i in k..<m { dot += v[i - k] * a[j * m + i] }
                let f = 2 * dot / vnorm
                for i in k..<m { a[j * m + i] -= f * v[i - k] }
            }
            reflectors.append(v.map { $0 / vnorm.squareRoot() })
            diagonal.append(a[k * m + k])
        }
        // Q = H0 H1 … H(n-1) applied to the first n columns of the identity.
        var q = [Double](repeating: 0, count: m * n)
        for j in 0..<n { q[j * m + j] = 1 }
        for k in stride(from: n - 1, through: 0, by: -1) where !reflectors[k].isEmpty {
            let v = reflectors[k]
            for j in 0..<n {
                var dot = 0.0
                for i in k..<m { dot += v[i - k] * q[j * m + i] }
                for i in k..<m { q[j * m + i] -= 2 * dot * v[i - k] }
            }
        }
        var out = [Double](repeating: 0, count: rows * cols)
        for j in 0..<n {
            let sign: Double = diagonal[j] > 0 ? 1 : (diagonal[j] < 0 ? -1 : 0)
            for i in 0..<m {
                let v = q[j * m + i] * sign
                if wide { out[j * cols + i] = v } else { out[i * cols + j] = v }
            }
        }
        try t.view([rows, cols]).copy_(try Tensor.from(doubles: out, shape: [rows, cols], dtype: t.dtype))
        try t.copy_(try Tensor.binary(t, .wrapped(gain), .mul))
    }

    /// `sparse_(tensor, sparsity, std)`: N(0, std²), then in each column the first ceil(sparsity · rows)
    /// rows of a fresh `randperm(rows)` (from the default generator, as PyTorch's loop draws it) are zeroed.
    public static func sparse_(_ t: Tensor, sparsity: Double, std: Double = 0.01, generator: Generator? = nil) throws {
        if t.dim != 2 { throw TorchError.value("Only tensors with 2 dimensions are supported") }
        let rows = t.shape[0], cols = t.shape[1]
        let zeros = (sparsity * Double(rows)).rounded(.up)
        guard zeros.isFinite else {
            throw TorchError(zeros.isNaN ? "ValueError" : "OverflowError",
                             zeros.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
        }
        try Torch.normal_(t, mean: 0, std: std, generator: generator)
        // `row_indices[:num_zeros]`: a negative count slices from the end, as Python's slice does.
        let count = zeros >= 0 ? Swift.min(Int(Swift.min(zeros, Double(rows))), rows) : Swift.max(0, rows - Int(Swift.min(-zeros, Double(rows))))
        for col in 0..<cols {
            let perm = try Tensor.randperm(rows).doubles()
            for r in perm.prefix(count) { t.setFlat(t.storageOffset(of: [Int(r), col]), 0) }
        }
    }

    /// Linear/Conv `reset_parameters`: kaiming_uniform_(w, a=sqrt(5)), then bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
    static func resetLinearLike(weight: Tensor, bias: Tensor?) throws {
        try kaimingUniform_(weight, a: 5.0.squareRoot())
        if let bias {
            let (fi, _) = try calculateFanInAndFanOut(weight)
            let bound = fi > 0 ? 1 / Double(fi).squareRoot() : 0
            try uniform_(bias, a: -bound, b: bound)
        }
    }
}
