import Kernels

extension Functional {
    /// `F.pad(input, pad, mode, value)`; `pad` in torch order (last dim first).
    public static func pad(_ input: Tensor, _ pad: [Int], mode: String = "constant", value: Double? = nil) throws -> Tensor {
        let kmode: PadMode
        switch mode {
        case "constant": kmode = .constant
        case "reflect": kmode = .reflect
        case "replicate": kmode = .replicate
        case "circular": kmode = .circular
        default: throw TorchError("NotImplementedError", "Unrecognised padding mode \(mode)")
        }
        if pad.count % 2 != 0 { throw TorchError.runtime("Padding length must be divisible by 2") }
        if pad.count / 2 > input.dim {
            throw TorchError.runtime("Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(input.dim)")
        }
        let n = pad.count / 2
        if kmode != .constant {
            if value != nil && value != 0 {
                throw TorchError.runtime("Padding mode \"\(mode)\" doesn't take in value argument")
            }
            let okDims: [Int: [Int]] = [1: [2, 3], 2: [3, 4], 3: [4, 5]]
            guard let dims = okDims[n], dims.contains(input.dim) else {
                throw TorchError("NotImplementedError", "Padding size \(pad.count) is not supported for \(input.dim)D input tensor.")
            }
        }
        let spatial = Array(input.shape.suffix(n))
        if kmode == .reflect || kmode == .replicate {
            // PyTorch's check_valid_input: only the batch dim may be empty.
            let batchMode = input.dim == n + 2
            if (batchMode ? Array(input.shape.dropFirst()) : input.shape).contains(0) {
                throw TorchError.runtime("Expected \(n + 1)D or \(n + 2)D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: \(listText(input.shape))")
            }
        }
        if kmode == .reflect {
            // The reflection kernels check the last dim first (width: argument #4, then #6, #8).
            for i in stride(from: n - 1, through: 0, by: -1) {
                let before = pad[2 * (n - 1 - i)], after = pad[2 * (n - 1 - i) + 1]
                if before >= spatial[i] || after >= spatial[i] {
                    throw TorchError.runtime("Argument #\(4 + 2 * (n - 1 - i)): Padding size should be less than the corresponding input dimension, but got: padding (\(before), \(after)) at dimension \(input.dim - n + i) of input \(listText(input.shape))")
                }
            }
        }
        var outSpatial = [Int]()
        for i in 0..<n {
            let before = pad[2 * (n - 1 - i)], after = pad[2 * (n - 1 - i) + 1]
            let size = spatial[i]
            switch kmode {
            case .circular:
                if before > size || after > size {
                    throw TorchError.runtime("Padding value causes wrapping around more than once.")
                }
                if before + size < 0 || after + size < 0 {
                    throw TorchError.runtime("Negative padding value is resulting in an empty dimension.")
                }
            case .constant:
                // PyTorch first narrows the input by each negative pad (near side, then far side),
                // so cropping more than is left fails even where padding would refill the width.
                var left = size
                for p in [before, after] where p < 0 {
                    left = try checkedAdd(left, p)
                    if left < 0 { throw TorchError.runtime("narrow(): length must be non-negative.") }
                }
            default: break
            }
            let o = try checkedAdd(try checkedAdd(size, before), after)
            if o < 0 {
                if kmode == .constant { throw TorchError.runtime("narrow(): length must be non-negative.") }
                throw TorchError.runtime("input (D: ...) is too small. Calculated output size is \(o)")
            }
            if kmode == .replicate && o <= 0 {
                throw TorchError.runtime("input (\(listText(input.shape))) is too small. Calculated output \(o)")
            }
            outSpatial.append(o)
        }
        let lead = Array(input.shape.prefix(input.dim - n))
        let outShape = lead + outSpatial
        // Used only when the output is non-empty, and then its sizes (lead ones included) multiply within Int.
        let planes = lead.contains(0) || outSpatial.contains(0) ? 0 : lead.reduce(1, &*)
        // The kernel works on up to 3 trailing dims; more than 3 padded dims (constant only) fold leading pairs.
        if n > 3 {
            // Rare: pad the first (n-3) dims by recursion through slices is not worth it; do it generically.
            return try padGeneric(input, pad, value: value ?? 0)
        }
        let geo = PadGeometry(planes: planes, input: triple(spatial, fill: 1), torchPads: pad + Array(repeating: 0, count: 6 - pad.count))
        let dtype = input.dtype
        let compute: DType = dtype.isFloatingPoint ? dtype : .float64
        let x = try input.dense(compute)
        var out = try Tensor.zeros(outShape, dtype: compute)
        if out.numel > 0 {
            if compute == .float64 { padForward(geo, mode: kmode, value: value ?? 0, input: ptr(x, Double.self), output: ptr(out, Double.self)) }
            else { padForward(geo, mode: kmode, value: Float(value ?? 0), input: ptr(x, Float.self), output: ptr(out, Float.self)) }
        }
        if compute != dtype { out = try out.to(dtype) }
        let name: String
        switch kmode {
        case .constant: name = "ConstantPadNdBackward0"
        case .reflect: name = "ReflectionPad\(n)DBackward0"
        case .replicate: name = "ReplicationPad\(n)DBackward0"
        case .circular: name = "CopySlices"
        }
        let inShape = input.shape
        out.recording(name, [input]) { g in
            let go = try g.dense(compute)
            let gi = try Tensor.zeros(inShape, dtype: compute)
            // An empty output depends on no input: the gradient stays 0 (and the kernel's index tables,
            // sized by the padded extent, are not built: `F.pad(e, (0, 5, -2, 0, 10**9, 0))` is 10⁹ long).
            if gi.numel > 0 && go.numel > 0 {
                if compute == .float64 { padBackward(geo, mode: kmode, gradOutput: ptr(go, Double.self), gradInput: ptr(gi, Double.self)) }
                else { padBackward(geo, mode: kmode, gradOutput: ptr(go, Float.self), gradInput: ptr(gi, Float.self)) }
            }
            return [gi]
        }
        return out
    }

    /// Constant padding over more than 3 dims: element-by-element copy (no autograd-heavy use expected).
    static func padGeneric(_ input: Tensor, _ pad: [Int], value: Double) throws -> Tensor {
        let n = pad.count / 2
        var outShape = input.shape
        for i in 0..<n {
            let d = input.dim - 1 - i
            outShape[d] = try checkedAdd(try checkedAdd(outShape[d], pad[2 * i]), pad[2 * i + 1])
            if outShape[d] < 0 { throw TorchError.runtime("narrow(): length must be non-negative.") }
        }
        let out = try Tensor.full(outShape, value, dtype: input.dtype)
        let src = try input.dense()
        let inShape = input.shape
        func mapIndex(_ idx: [Int]) -> Int? {
            var off = 0
            for d in 0..<idx.count {
                let fromEnd = idx.count - 1 - d
                let shift = fromEnd < n ? pad[2 * fromEnd] : 0
                let j = idx[d] - shift
                if j < 0 || j >= inShape[d] { return nil }
                off = off * inShape[d] + j
            }
            return off
        }
        var idx = [Int](repeating: 0, count: outShape.count)
        for flat in 0..<out.numel {
            var r = flat
            for d in stride(from: outShape.count - 1, through: 0, by: -1) { idx[d] = r % outShape[d]; r /= outShape[d] }
            if let s = mapIndex(idx) { out.setFlat(flat, src.flatDouble(src.offset + s)) }
        }
        let padCopy = pad
        out.recording("ConstantPadNdBackward0", [input]) { g in
            [try padGeneric(g, padCopy.map { -$0 }, value: 0)]
        }
        return out
    }
}
