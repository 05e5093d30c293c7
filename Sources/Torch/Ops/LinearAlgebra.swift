import Kernels

/// Matrix products through OpenBLAS: `mm`, `mv`, `dot`, `bmm` and `matmul`'s broadcasting rules.
extension Tensor {
    /// `a @ b` with `torch.matmul`'s dimension rules.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.dim == 0 || b.dim == 0 {
            throw TorchError.runtime("both arguments to matmul need to be at least 1D, but they are \(a.dim)D and \(b.dim)D")
        }
        if a.dtype != b.dtype {
            throw TorchError.runtime("expected m1 and m2 to have the same dtype, but got: \(a.dtype.cppName) != \(b.dtype.cppName)")
        }
        switch (a.dim, b.dim) {
        case (1, 1): return try dot(a, b)
        case (2, 1): return try mv(a, b)
        case (1, 2): return try mm(a.unsqueeze(0), b).squeeze(0)
        case (2, 2): return try mm(a, b)
        default:
            if b.dim == 1 {
                let r = try matmul(a, b.unsqueeze(1))
                return try r.squeeze(-1)
            }
            if a.dim == 1 {
                return try matmul(a.unsqueeze(0), b).squeeze(-2)
            }
            // Batched: broadcast the batch dims, then bmm.
            let ba = Array(a.shape.dropLast(2)), bb = Array(b.shape.dropLast(2))
            let batch = try Shape.broadcast(ba, bb)
            let n = a.shape[a.dim - 2], k = a.shape[a.dim - 1], k2 = b.shape[b.dim - 2], m = b.shape[b.dim - 1]
            if k != k2 {
                throw TorchError.runtime("Expected size for first two dimensions of batch2 tensor to be: [\(batch.reduce(1, &*)), \(k)] but got: [\(batch.reduce(1, &*)), \(k2)].")
            }
            let flatBatch = try Shape.checkedProduct(batch)   // an empty operand may have batch sizes past Int
            let a3 = try a.expand(batch + [n, k]).reshape([flatBatch, n, k])
            let b3 = try b.expand(batch + [k, m]).reshape([flatBatch, k, m])
            return try bmm(a3, b3).view(batch + [n, m])
        }
    }

    public static func dot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.dim == 1, b.dim == 1 else {
            throw TorchError.runtime("1D tensors expected, but got \(a.dim)D and \(b.dim)D tensors")
        }
        guard a.numel == b.numel else {
            throw TorchError.runtime("inconsistent tensor size, expected tensor [\(a.numel)] and src [\(b.numel)] to have the same number of elements, but got \(a.numel) and \(b.numel) elements respectively")
        }
        let out = try GradMode.withoutGrad { try (a * b).sum() }
        out.gradFn = nil
        return out.recording("DotBackward0", [a, b]) { g in [try g * b, try g * a] }
    }

    public static func mv(_ a: Tensor, _ v: Tensor) throws -> Tensor {
        guard a.dim == 2 && v.dim == 1 else {
            throw TorchError.runtime("vector + matrix @ vector expected, got 1, \(a.dim), \(v.dim)")
        }
        guard a.shape[1] == v.shape[0] else {
            throw TorchError.runtime("size mismatch, got input (\(a.shape[0])), mat (\(a.shape[0])x\(a.shape[1])), vec (\(v.shape[0]))")
        }
        let out = try GradMode.withoutGrad { try gemm(a, v.unsqueeze(1)).squeeze(1) }
        out.base = nil
        return out.recording("MvBackward0", [a, v]) { g in
            [try gemm(g.unsqueeze(1), v.unsqueeze(0)), try gemm(a.t(), g.unsqueeze(1)).squeeze(1)]
        }
    }

    public static func mm(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.dim == 2 else { throw TorchError.runtime("mm: self must be a matrix, got \(a.dim)-D tensor") }
        guard b.dim == 2 else { throw TorchError.runtime("mm: mat2 must be a matrix, got \(b.dim)-D tensor") }
        guard a.shape[1] == b.shape[0] else {
            throw TorchError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(a.shape[0])x\(a.shape[1]) and \(b.shape[0])x\(b.shape[1]))")
        }
        let out = try gemm(a, b)
        return out.recording("MmBackward0", [a, b]) { g in
            [a.requiresGrad ? try gemm(g, b.t()) : nil, b.requiresGrad ? try gemm(a.t(), g) : nil]
        }
    }

    public static func bmm(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.dim == 3 else { throw TorchError.runtime("batch1 must be a 3D tensor") }
        guard b.dim == 3 else { throw TorchError.runtime("batch2 must be a 3D tensor") }
        guard a.shape[0] == b.shape[0], a.shape[2] == b.shape[1] else {
            throw TorchError.runtime("Expected size for first two dimensions of batch2 tensor to be: [\(a.shape[0]), \(a.shape[2])] but got: [\(b.shape[0]), \(b.shape[1])].")
        }
        let batch = a.shape[0], n = a.shape[1], k = a.shape[2], m = b.shape[2]
        let dtype = DType.promote(a.dtype, b.dtype)
        let out = try zeros([batch, n, m], dtype: dtype)
        if out.numel > 0 && k > 0 {
            let x = try GradMode.withoutGrad { try a.to(dtype).contiguous() }
            let y = try GradMode.withoutGrad { try b.to(dtype).contiguous() }
            // One GEMM per batch item straight into the result (no per-item tensors to join).
            func run<T: KernelFloat & Element>(_: T.Type) throws {
                let px = x.storage.pointer(T.self) + x.offset, py = y.storage.pointer(T.self) + y.offset
                let po = out.storage.pointer(T.self)
                for i in 0..<batch {
                    if i & 255 == 0 { try TorchInterrupt.check() }
                    T.gemm(transA: false, transB: false, m: n, n: m, k: k, alpha: 1, a: px + i * n * k, lda: k,
                           b: py + i * k * m, ldb: m, beta: 0, c: po + i * n * m, ldc: m)
                }
            }
            switch dtype {
            case .float32: try run(Float.self)
            case .float64: try run(Double.self)
            default:
                for i in 0..<batch {
                    if i & 255 == 0 { try TorchInterrupt.check() }
                    try out.select(0, i).copyValues(from: GradMode.withoutGrad { try gemm(x.select(0, i), y.select(0, i)) })
                }
            }
        }
        return out.recording("BmmBackward0", [a, b]) { g in
            [try bmm(g, b.transpose(1, 2)), try bmm(a.transpose(1, 2), g)]
        }
    }

    /// Plain 2-d product through BLAS (Kernels' gemm; no autograd); integer types use a simple triple loop.
    static func gemm(_ a: Tensor, _ b: Tensor, beta: Tensor? = nil) throws -> Tensor {
        let n = a.shape[0], k = a.shape[1], m = b.shape[1]
        let dtype = DType.promote(a.dtype, b.dtype)
        let floating = dtype == .float32 || dtype == .float64
        // BLAS writes every element when k > 0 (beta = 0), so the result needs no zero fill.
        let out = floating && k > 0 ? try uninitialized([n, m], dtype: dtype) : try zeros([n, m], dtype: dtype)
        if n == 0 || m == 0 { return out }
        if floating {
            // A row-major or transposed (column-major) operand goes to BLAS as it is, with no copy.
            let (x, tx, lx) = try blasOperand(a.to(dtype)), (y, ty, ly) = try blasOperand(b.to(dtype))
            // Through Kernels, which owns the BLAS (and picks OpenBLAS's kernel family once). A product
            // of seconds (2^36 multiply-adds and more) goes in panels of rows of about 2^34 each, with
            // Ctrl-C between them. OpenBLAS blocks by the operands' sizes, so a panel's last bits can
            // differ from one whole call's; every smaller product is one call, as before.
            let work = Double(n) * Double(m) * Double(k)
            let panel = work < 0x1p36 ? n : Swift.max(64, Int(0x1p34 / (Double(m) * Double(k))) / 64 * 64)
            var row = 0
            while row < n {
                let rows = Swift.min(panel, n - row)
                let aRow = tx ? row : row * lx
                if dtype == .float32 {
                    Float.gemm(transA: tx, transB: ty, m: rows, n: m, k: k, alpha: 1,
                               a: x.storage.pointer(Float.self) + x.offset + aRow, lda: lx,
                               b: y.storage.pointer(Float.self) + y.offset, ldb: ly, beta: 0,
                               c: out.storage.pointer(Float.self) + row * m, ldc: m)
                } else {
                    Double.gemm(transA: tx, transB: ty, m: rows, n: m, k: k, alpha: 1,
                                a: x.storage.pointer(Double.self) + x.offset + aRow, lda: lx,
                                b: y.storage.pointer(Double.self) + y.offset, ldb: ly, beta: 0,
                                c: out.storage.pointer(Double.self) + row * m, ldc: m)
                }
                row += rows
                if row < n { try TorchInterrupt.check() }
            }
            return out
        }
        let x = try a.to(dtype).contiguous(), y = try b.to(dtype).contiguous()
        switch dtype {
        case .float32, .float64: break
        default:
            let xa = try x.ints(), ya = try y.ints()
            for i in 0..<n {
                try TorchInterrupt.check()
                for j in 0..<m {
                var acc: Int64 = 0
                for p in 0..<k { acc = acc &+ xa[i * k + p] &* ya[p * m + j] }
                out.setFlatInt(i * m + j, acc)
            } }
        }
        return out
    }
}

/// A 2-d float tensor as a BLAS operand: (tensor, transposed, leading dimension). Row-major
/// (unit column stride) and column-major (unit row stride, e.g. `w.t()`) layouts pass as they are;
/// anything else is copied to a contiguous tensor.
func blasOperand(_ t: Tensor) throws -> (Tensor, Bool, Int) {
    let r = t.shape[0], c = t.shape[1]
    if t.strides[1] == 1 && (r <= 1 || t.strides[0] >= Swift.max(c, 1)) {
        return (t, false, r <= 1 ? Swift.max(c, 1) : t.strides[0])
    }
    if t.strides[0] == 1 && (c <= 1 || t.strides[1] >= Swift.max(r, 1)) {
        return (t, true, c <= 1 ? Swift.max(r, 1) : t.strides[1])
    }
    let d = try t.contiguous()
    return (d, false, Swift.max(c, 1))
}

extension DType {
    /// The C++ scalar type name PyTorch uses in some messages (`Float`, `Double`, `Long`).
    public var cppName: String {
        switch self {
        case .float32: return "Float"
        case .float64: return "Double"
        case .int64: return "Long"
        case .int32: return "Int"
        case .uint8: return "Byte"
        case .bool: return "Bool"
        }
    }

    /// The legacy tensor type name (`x.type()`, `torch.typename(x)`): `torch.FloatTensor`, `torch.LongTensor`.
    public var legacyTensorType: String { "torch.\(cppName)Tensor" }
}
