import Foundation

/// Adaptive pooling (`nn.AdaptiveAvgPool1d/2d/3d`, `nn.AdaptiveMaxPool1d/2d/3d`): output cell `o` of
/// an input extent `n` pools `[floor(o*n/out), ceil((o+1)*n/out))`, as ATen's `start_index`/`end_index`.
/// The averages follow ATen's CPU kernel: the window is summed in the dtype, then divided by each
/// extent in turn (`sum / kh / kw`).
extension Functional {
    /// The output size with `None` (nil) entries taking the input's extent; checks PyTorch makes.
    static func adaptiveSizes(_ input: Tensor, _ outputSize: [Int?], dims n: Int, _ name: String) throws -> [Int] {
        guard outputSize.count == n else {
            throw TorchError.runtime("\(name): output_size must be \(n)")
        }
        guard input.dim == n + 1 || input.dim == n + 2 else {
            // The max pools' messages have a colon, the average pools' do not (ATen's wording).
            throw TorchError.runtime("\(name)(): Expected \(n + 1)D or \(n + 2)D tensor, but got\(name.contains("max") ? ":" : "") \(input.shape)")
        }
        let spatial = Array(input.shape.suffix(n))
        for (i, s) in input.shape.enumerated() where i >= input.dim - n || input.dim == n + 2 && i == 1 {
            if s == 0 {
                throw TorchError.runtime("\(name)(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \(input.shape) with dimension \(i) being empty")
            }
        }
        return try zip(outputSize, spatial).map { o, s in
            let v = o ?? s
            if v < 0 { throw TorchError.runtime("Trying to create tensor with negative dimension \(v): \(outputSize.map { $0.map(String.init) ?? "None" })") }
            return v
        }
    }

    static func adaptiveStart(_ o: Int, _ inSize: Int, _ outSize: Int) -> Int { (o * inSize) / outSize }
    static func adaptiveEnd(_ o: Int, _ inSize: Int, _ outSize: Int) -> Int { ((o + 1) * inSize + outSize - 1) / outSize }

    /// `F.adaptive_avg_pool{1,2,3}d`.
    public static func adaptiveAvgPool(_ input: Tensor, outputSize: [Int?], dims n: Int) throws -> Tensor {
        let name = "adaptive_avg_pool\(n)d"
        try requireFloat(input, name)
        // An all-ones output is a mean over the last dims, taken before any check, as ATen's 2-d and 3-d do.
        if n >= 2 && outputSize.count == n && outputSize.allSatisfy({ $0 == 1 }) && input.dim >= n {
            return try input.mean(dims: Array((-n)...(-1)).reversed(), keepdim: true)
        }
        if n == 1 && input.dim != 2 && input.dim != 3 {
            throw TorchError.runtime("Expected 2 to 3 dimensions, but got \(input.dim)-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_avg_pool1d)")
        }
        let out = try adaptiveSizes(input, outputSize, dims: n, name)
        if n == 1 {
            // ATen: unsqueeze(-2), the 2-d pool, squeeze(-2).
            return try adaptiveAvgPool(try input.unsqueeze(-2), outputSize: [1, out[0]], dims: 2).squeeze(-2)
        }
        return try adaptivePool(input, out, n, average: true).0
    }

    /// `F.adaptive_max_pool{1,2,3}d`: values and flat indices within each input plane.
    public static func adaptiveMaxPool(_ input: Tensor, outputSize: [Int?], dims n: Int) throws -> (Tensor, Tensor) {
        let name = "adaptive_max_pool\(n)d"
        try requireFloat(input, name)
        let out = try adaptiveSizes(input, outputSize, dims: n, name)
        if n == 1 {
            let (v, i) = try adaptiveMaxPool(try input.unsqueeze(-2), outputSize: [1, out[0]], dims: 2)
            return (try v.squeeze(-2), try GradMode.withoutGrad { try i.squeeze(-2) })
        }
        let (v, i) = try adaptivePool(input, out, n, average: false)
        return (v, i!)
    }

    private static func adaptivePool(_ input: Tensor, _ out: [Int], _ n: Int, average: Bool) throws -> (Tensor, Tensor?) {
        let x = try input.dense()
        let spatial = Array(input.shape.suffix(n))
        let planes = Shape.elementCount(input.shape.dropLast(n)[...])
        let inPlane = Shape.elementCount(spatial[...]), outPlane = Shape.elementCount(out[...])
        let outShape = Array(input.shape.dropLast(n)) + out
        let y = try Tensor.zeros(outShape, dtype: input.dtype)
        let indices = average ? nil : try Tensor.zeros(outShape, dtype: .int64)
        // Pad to three spatial dims (depth, height, width) so one loop serves 2-d and 3-d.
        let sp3 = Array(repeating: 1, count: 3 - n) + spatial, out3 = Array(repeating: 1, count: 3 - n) + out
        func windows(_ o: [Int]) -> [(Int, Int)] { (0..<3).map { (adaptiveStart(o[$0], sp3[$0], out3[$0]), adaptiveEnd(o[$0], sp3[$0], out3[$0])) } }
        func run<T: KFloat>(_: T.Type) {
            let xp = ptr(x, T.self), yp = ptr(y, T.self)
            let ip = indices.map { $0.storage.pointer(Int64.self) }
            for p in 0..<planes {
                let src = xp + p * inPlane
                var k = 0
                for od in 0..<out3[0] { for oh in 0..<out3[1] { for ow in 0..<out3[2] {
                    let w = windows([od, oh, ow])
                    if average {
                        var sum: T = 0
                        for d in w[0].0..<w[0].1 { for h in w[1].0..<w[1].1 { for c in w[2].0..<w[2].1 {
                            sum += src[(d * sp3[1] + h) * sp3[2] + c]
                        } } }
                        var v = sum
                        for e in (3 - n)..<3 { v = v / T(w[e].1 - w[e].0) }
                        yp[p * outPlane + k] = v
                    } else {
                        var best = -T.infinity, at = (w[0].0 * sp3[1] + w[1].0) * sp3[2] + w[2].0
                        for d in w[0].0..<w[0].1 { for h in w[1].0..<w[1].1 { for c in w[2].0..<w[2].1 {
                            let i = (d * sp3[1] + h) * sp3[2] + c, v = src[i]
                            if v > best || v.isNaN { best = v; at = i }
                        } } }
                        yp[p * outPlane + k] = best
                        ip?[p * outPlane + k] = Int64(at)
                    }
                    k += 1
                } } }
            }
        }
        if input.dtype == .float64 { run(Double.self) } else { run(Float.self) }
        let node = average ? "AdaptiveAvgPool\(n)DBackward0" : "AdaptiveMaxPool\(n)DBackward0"
        let inShape = input.shape, dtype = input.dtype
        y.recording(node, [input]) { g in
            let gd = try g.dense(dtype)
            let gx = try Tensor.zeros(inShape, dtype: dtype)
            func back<T: KFloat>(_: T.Type) {
                let gp = ptr(gd, T.self), op = gx.storage.pointer(T.self)
                let ip = indices.map { $0.storage.pointer(Int64.self) }
                for p in 0..<planes {
                    var k = 0
                    for od in 0..<out3[0] { for oh in 0..<out3[1] { for ow in 0..<out3[2] {
                        let go = gp[p * outPlane + k]
                        if let ip {
                            op[p * inPlane + Int(ip[p * outPlane + k])] += go
                        } else {
                            let w = windows([od, oh, ow])
                            var delta = go
                            for e in (3 - n)..<3 { delta = delta / T(w[e].1 - w[e].0) }
                            for d in w[0].0..<w[0].1 { for h in w[1].0..<w[1].1 { for c in w[2].0..<w[2].1 {
                                op[p * inPlane + (d * sp3[1] + h) * sp3[2] + c] += delta
                            } } }
                        }
                        k += 1
                    } } }
                }
            }
            if dtype == .float64 { back(Double.self) } else { back(Float.self) }
            return [gx]
        }
        return (y, indices)
    }
}
