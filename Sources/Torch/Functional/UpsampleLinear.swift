import Foundation
import Kernels

// ATen's linear, bilinear and trilinear upsampling (UpSampleKernel.cpp, UpSampleMoreKernel.cpp) with
// its rounding. The formulas are the C++ ones; which of their multiply-adds are fused is what GCC
// made of them in PyTorch's AVX2 and AVX-512 builds (it contracts `a * b + c` there, and not in the
// DEFAULT build), found by comparing every candidate order against PyTorch on each capability
// (`ATEN_CPU_CAPABILITY=default|avx2|avx512`), float32 and float64, forward and backward:
//
// - 2-d outputs with H + W ≤ 128 take `upsample_linear_channels_last`: four corner weights
//   (h·w products) summed per channel. Channels in whole 32-byte groups (8 floats, 4 doubles) are
//   summed in the vector order, the rest in the scalar order, and the source index is fused.
// - everything else takes `upsample_non_separable`: one lerp per dimension, outermost first, each
//   `t0·λ0 + t1·λ1` fused on its first product; the source index is fused for float64 only.
// - the backward (`cpu_upsample_linear_backward`) adds each output's gradient times its corner
//   weight into the input gradient, channel by channel in output order, corners 00, 01, 10, 11.

/// Per output position of one dimension: the two source rows and their weights.
struct LinearTaps<T: BinaryFloatingPoint> {
    var index0: [Int] = [], index1: [Int] = []
    var lambda0: [T] = [], lambda1: [T] = []
}

extension Functional {
    /// `upsample_linear1d` / `upsample_bilinear2d` / `upsample_trilinear3d` of a (N, C, d1…dk)
    /// tensor to `outputSize`; `scales[d]` is the caller's scale factor (nil: from the sizes).
    public static func upsampleLinear(_ input: Tensor, outputSize: [Int], scales: [Double?], alignCorners: Bool) throws -> Tensor {
        let k = outputSize.count
        let names = [1: "Linear1D", 2: "Bilinear2D", 3: "Trilinear3D"]
        guard let nodeName = names[k], input.dim == k + 2, scales.count == k else {
            throw TorchError.runtime("Expected \(k + 2)D input and \(k) output sizes, got \(input.dim)D input")
        }
        let inSizes = Array(input.shape.suffix(k))
        try checkUpsampleSizes(inSizes, outputSize)
        let channels = input.shape[1], planes = input.shape[0] * channels
        // _use_channels_last_kernel_2d for a contiguous input, and the one-thread image case.
        let channelsLast = k == 2 && (outputSize[0] + outputSize[1] <= 128 || (kernelThreadCount == 1 && channels == 3))
        try checkUpsampleDtype(input.dtype, kernel: channelsLast ? "upsample_bilinear2d_channels_last" : "compute_indices_weights_linear",
                               byteSupported: k == 2)
        let outShape = Array(input.shape.prefix(2)) + outputSize
        // Allocated first: its size check refuses an output too large for memory (or for Int).
        let out = try Tensor.zeros(outShape, dtype: input.dtype)
        // The per-dimension index tables: as large as the output's sides, refused like a tensor.
        try MemoryLimit.check(count: 3 * outputSize.reduce(0, +), dtype: .int64)
        let x = try GradMode.withoutGrad { try input.contiguous() }
        let fused = kernelsFuseMultiplyAdd
        func forward<T: Element & BinaryFloatingPoint>(_: T.Type) {
            let fuseIndex = fused && (channelsLast || T.self == Double.self)
            let taps: [LinearTaps<T>] = (0..<k).map {
                linearTaps(inSizes[$0], outputSize[$0], scales[$0], alignCorners, fusedIndex: fuseIndex)
            }
            let src = x.storage.pointer(T.self) + x.offset, dst = out.storage.pointer(T.self)
            let inPlane = inSizes.reduce(1, *), outPlane = outputSize.reduce(1, *)
            if channelsLast {
                // The vector loop's order for the channels in whole 32-byte groups, the scalar
                // loop's for the rest.
                let group = 32 / MemoryLayout<T>.size, vectorChannels = channels - channels % group
                let (h, w) = (taps[0], taps[1]), inW = inSizes[1]
                for p in 0..<planes {
                    let s = src + p * inPlane, o = dst + p * outPlane
                    let vector = p % channels < vectorChannels
                    for oh in 0..<outputSize[0] {
                        let r0 = s + h.index0[oh] * inW, r1 = s + h.index1[oh] * inW
                        let h0 = h.lambda0[oh], h1 = h.lambda1[oh]
                        for ow in 0..<outputSize[1] {
                            let w0 = w.lambda0[ow], w1 = w.lambda1[ow]
                            let (w00, w01, w10, w11) = (h0 * w0, h0 * w1, h1 * w0, h1 * w1)
                            let a = r0[w.index0[ow]], b = r0[w.index1[ow]], c = r1[w.index0[ow]], d = r1[w.index1[ow]]
                            let v: T
                            switch (fused, vector) {
                            case (true, true): v = (c * w10).addingProduct(d, w11).addingProduct(b, w01).addingProduct(a, w00)
                            case (true, false): v = (b * w01).addingProduct(a, w00).addingProduct(c, w10).addingProduct(d, w11)
                            case (false, true): v = a * w00 + (b * w01 + (c * w10 + d * w11))
                            case (false, false): v = ((a * w00 + b * w01) + c * w10) + d * w11
                            }
                            o[oh * outputSize[1] + ow] = v
                        }
                    }
                }
                return
            }
            // One lerp per dimension, outermost first (InterpolateNonSeparable<n, …, 2>).
            func lerp(_ t0: T, _ l0: T, _ t1: T, _ l1: T) -> T { fused ? (t1 * l1).addingProduct(t0, l0) : t0 * l0 + t1 * l1 }
            var inStride = [Int](repeating: 1, count: k)
            for d in stride(from: k - 2, through: 0, by: -1) { inStride[d] = inStride[d + 1] * inSizes[d + 1] }
            for p in 0..<planes {
                let s = src + p * inPlane, o = dst + p * outPlane
                var i = 0
                switch k {
                case 1:
                    let t = taps[0]
                    for ow in 0..<outputSize[0] {
                        o[ow] = lerp(s[t.index0[ow]], t.lambda0[ow], s[t.index1[ow]], t.lambda1[ow])
                    }
                case 2:
                    let (h, w) = (taps[0], taps[1]), inW = inSizes[1]
                    for oh in 0..<outputSize[0] {
                        let r0 = s + h.index0[oh] * inW, r1 = s + h.index1[oh] * inW
                        for ow in 0..<outputSize[1] {
                            let (j0, j1, w0, w1) = (w.index0[ow], w.index1[ow], w.lambda0[ow], w.lambda1[ow])
                            o[i] = lerp(lerp(r0[j0], w0, r0[j1], w1), h.lambda0[oh], lerp(r1[j0], w0, r1[j1], w1), h.lambda1[oh])
                            i += 1
                        }
                    }
                default:
                    let (t, h, w) = (taps[0], taps[1], taps[2])
                    for od in 0..<outputSize[0] {
                        let p0 = s + t.index0[od] * inStride[0], p1 = s + t.index1[od] * inStride[0]
                        for oh in 0..<outputSize[1] {
                            let (rh0, rh1) = (h.index0[oh] * inStride[1], h.index1[oh] * inStride[1])
                            for ow in 0..<outputSize[2] {
                                let (j0, j1, w0, w1) = (w.index0[ow], w.index1[ow], w.lambda0[ow], w.lambda1[ow])
                                func plane(_ q: UnsafeMutablePointer<T>) -> T {
                                    lerp(lerp(q[rh0 + j0], w0, q[rh0 + j1], w1), h.lambda0[oh], lerp(q[rh1 + j0], w0, q[rh1 + j1], w1), h.lambda1[oh])
                                }
                                o[i] = lerp(plane(p0), t.lambda0[od], plane(p1), t.lambda1[od])
                                i += 1
                            }
                        }
                    }
                }
            }
        }
        if input.dtype == .float64 { forward(Double.self) } else { forward(Float.self) }
        let inShape = input.shape
        return out.recording("Upsample\(nodeName)Backward0", [input]) { g in
            let gc = try g.contiguous()
            let gin = try Tensor.zeros(inShape, dtype: g.dtype)
            func backward<T: Element & BinaryFloatingPoint>(_: T.Type) {
                let taps: [LinearTaps<T>] = (0..<k).map {
                    linearTaps(inSizes[$0], outputSize[$0], scales[$0], alignCorners, fusedIndex: fused)
                }
                let src = gc.storage.pointer(T.self) + gc.offset, dst = gin.storage.pointer(T.self)
                let inPlane = inSizes.reduce(1, *), outPlane = outputSize.reduce(1, *)
                var inStride = [Int](repeating: 1, count: k)
                for d in stride(from: k - 2, through: 0, by: -1) { inStride[d] = inStride[d + 1] * inSizes[d + 1] }
                var position = [Int](repeating: 0, count: k)
                for p in 0..<planes {
                    let gs = src + p * outPlane, gi = dst + p * inPlane
                    for i in 0..<outPlane {
                        var r = i
                        for d in stride(from: k - 1, through: 0, by: -1) { position[d] = r % outputSize[d]; r /= outputSize[d] }
                        let gv = gs[i]
                        for corner in 0..<(1 << k) {
                            var offset = 0, weight: T = 1
                            for d in 0..<k {
                                let far = (corner >> (k - 1 - d)) & 1 == 1, o = position[d]
                                offset += (far ? taps[d].index1[o] : taps[d].index0[o]) * inStride[d]
                                let l = far ? taps[d].lambda1[o] : taps[d].lambda0[o]
                                weight = d == 0 ? l : weight * l
                            }
                            gi[offset] = fused ? gi[offset].addingProduct(weight, gv) : gi[offset] + weight * gv
                        }
                    }
                }
            }
            if g.dtype == .float64 { backward(Double.self) } else { backward(Float.self) }
            return [gin]
        }
    }

    /// `compute_source_index_and_lambda` over one dimension (UpSample.h), in the element type as
    /// ATen's opmath; `fusedIndex`: `scale · (o + ½) − ½` as one multiply-add, as GCC compiled it.
    static func linearTaps<T: BinaryFloatingPoint>(_ inSize: Int, _ outSize: Int, _ scale: Double?, _ alignCorners: Bool,
                                                   fusedIndex: Bool) -> LinearTaps<T> {
        var taps = LinearTaps<T>()
        taps.index0.reserveCapacity(outSize); taps.index1.reserveCapacity(outSize)
        // area_pixel_compute_scale
        let ratio: T
        if alignCorners {
            ratio = outSize > 1 ? T(inSize - 1) / T(outSize - 1) : 0
        } else if let scale, scale > 0 {
            ratio = T(1.0 / scale)
        } else {
            ratio = T(inSize) / T(outSize)
        }
        for o in 0..<outSize {
            if outSize == inSize {
                taps.index0.append(o); taps.index1.append(o); taps.lambda0.append(1); taps.lambda1.append(0)
                continue
            }
            var real: T
            if alignCorners {
                real = ratio * T(o)
            } else {
                let half = T(o) + 0.5
                real = fusedIndex ? T(-0.5).addingProduct(ratio, half) : ratio * half - 0.5
                if real < 0 { real = 0 }
            }
            // guard_index_and_lambda: ATen floors with floorf, through float even for doubles.
            let floored = Float(real).rounded(.down)
            let i0 = floored.isFinite && floored >= 0 && floored < Float(inSize) ? Swift.min(Int(floored), inSize - 1) : (floored < 0 ? 0 : inSize - 1)
            let lambda1 = Swift.min(Swift.max(real - T(i0), 0), 1)
            taps.index0.append(i0)
            taps.index1.append(i0 + (i0 < inSize - 1 ? 1 : 0))
            taps.lambda0.append(1 - lambda1)
            taps.lambda1.append(lambda1)
        }
        return taps
    }
}
