import Foundation

extension Functional {
    /// ATen's `upsample_nearest{1,2,3}d` / `_upsample_nearest_exact{1,2,3}d` on a contiguous
    /// (N, C, d1…dk) tensor: each output element copies the input element `nearest_idx` picks per
    /// dimension (UpSample.h), so the values are PyTorch's exactly. `scales[d]` is the scale factor
    /// the caller gave (nil: from the sizes), which PyTorch uses as `1/scale` in float.
    public static func upsampleNearest(_ input: Tensor, outputSize: [Int], scales: [Double?], exact: Bool) throws -> Tensor {
        let k = outputSize.count
        guard input.dim == k + 2, scales.count == k else {
            throw TorchError.runtime("Expected \(k + 2)D input and \(k) output sizes, got \(input.dim)D input")
        }
        let inSizes = Array(input.shape.suffix(k))
        try checkUpsampleSizes(inSizes, outputSize)
        let channelsLast = k == 2 && outputSize[0] + outputSize[1] <= 128
        try checkUpsampleDtype(input.dtype, kernel: channelsLast ? "upsample_nearest2d_channels_last" : "compute_indices_weights_nearest",
                               byteSupported: true)
        let planes = input.shape[0] * input.shape[1]
        let outShape = Array(input.shape.prefix(2)) + outputSize
        // Allocated first: its size check refuses an output too large for memory (or for Int).
        let out = try Tensor.zeros(outShape, dtype: input.dtype)
        // The source offset within a plane of every output position of a plane.
        if planes == 0 { return out }
        var plane = 1
        for o in outputSize {
            let (v, overflow) = plane.multipliedReportingOverflow(by: o)
            guard !overflow, v <= 1 << 40 else { throw TorchError.runtime("upsample: output size \(outputSize) is too large") }
            plane = v
        }
        var source = [Int](repeating: 0, count: plane)
        let perDim = (0..<k).map { d in (0..<outputSize[d]).map { nearestIndex($0, inSizes[d], outputSize[d], scales[d], exact) } }
        var inStride = [Int](repeating: 1, count: k)
        for d in stride(from: k - 2, through: 0, by: -1) { inStride[d] = inStride[d + 1] * inSizes[d + 1] }
        var position = [Int](repeating: 0, count: k)
        for i in 0..<source.count {
            var s = 0
            for d in 0..<k { s += perDim[d][position[d]] * inStride[d] }
            source[i] = s
            var d = k - 1
            while d >= 0 { position[d] += 1; if position[d] < outputSize[d] { break }; position[d] = 0; d -= 1 }
        }
        let x = try GradMode.withoutGrad { try input.contiguous() }
        let inPlane = inSizes.reduce(1, *), outPlane = source.count
        func gather<T: Element>(_: T.Type) {
            let src = x.storage.pointer(T.self) + x.offset, dst = out.storage.pointer(T.self)
            for p in 0..<planes {
                let s = src + p * inPlane, o = dst + p * outPlane
                for i in 0..<outPlane { o[i] = s[source[i]] }
            }
        }
        if input.dtype == .float64 { gather(Double.self) } else { gather(Float.self) }
        let name = exact ? "UpsampleNearestExact\(k)DBackward0" : "UpsampleNearest\(k)DBackward0"
        let inShape = input.shape
        return out.recording(name, [input]) { g in
            // cpu_upsample_nearest_backward: each output's gradient added to its source, in output order.
            let gc = try g.contiguous()
            let gin = try Tensor.zeros(inShape, dtype: g.dtype)
            func scatter<T: Element & FloatingPoint>(_: T.Type) {
                let src = gc.storage.pointer(T.self) + gc.offset, dst = gin.storage.pointer(T.self)
                for p in 0..<planes {
                    let s = src + p * outPlane, o = dst + p * inPlane
                    for i in 0..<outPlane { o[source[i]] += s[i] }
                }
            }
            if g.dtype == .float64 { scatter(Double.self) } else { scatter(Float.self) }
            return [gin]
        }
    }

    /// `nearest_idx` / `nearest_neighbor_exact_compute_source_index` (ATen UpSample.h), in float.
    static func nearestIndex(_ o: Int, _ inSize: Int, _ outSize: Int, _ scale: Double?, _ exact: Bool) -> Int {
        if !exact {
            if outSize == inSize { return o }
            if outSize == 2 * inSize { return o >> 1 }
        }
        let s: Float
        if let scale, scale > 0 { s = Float(1.0 / scale) } else { s = Float(inSize) / Float(outSize) }
        let real: Float = exact ? Float((Double(o) + 0.5) * Double(s)) : Float(o) * s
        return Swift.min(Int(real.rounded(.down)), inSize - 1)
    }

    /// The dtype check of the kernel ATen would run: its dispatch's error for the types PyTorch
    /// refuses; nnsh's own refusal for the ones PyTorch supports and nnsh does not (uint8 images).
    static func checkUpsampleDtype(_ dtype: DType, kernel: String, byteSupported: Bool) throws {
        if dtype == .float32 || dtype == .float64 { return }
        if dtype == .uint8 && byteSupported {
            throw TorchError("NotImplementedError", "interpolation of uint8 tensors is not supported by nnsh yet (convert with .float())")
        }
        throw notImplemented(kernel, dtype)
    }

    /// upsample_{1,2,3}d_common_check (UpSample.h), with its wording for each rank.
    static func checkUpsampleSizes(_ inSizes: [Int], _ outputSize: [Int]) throws {
        guard zip(inSizes, outputSize).contains(where: { $0 <= 0 || $1 <= 0 }) else { return }
        let labels = ["D", "H", "W"].suffix(outputSize.count)
        func list(_ v: [Int]) -> String { zip(labels, v).map { "\($0): \($1)" }.joined(separator: ", ") }
        let joint = outputSize.count == 1 ? ") and output (" : ") output ("
        throw TorchError.runtime("Input and output sizes should be greater than 0, but got input (\(list(inSizes))\(joint)\(list(outputSize)))")
    }
}
