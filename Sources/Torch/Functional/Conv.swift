import Kernels

/// How a convolution pads: explicit per-dim amounts, or PyTorch's `'same'` / `'valid'`.
public enum ConvPadding: Equatable, Sendable {
    case explicit([Int])
    case same
    case valid

    /// From the Python string form; raises like `F.conv2d(..., padding='foo')`.
    public static func named(_ s: String) throws -> ConvPadding {
        switch s {
        case "same": return .same
        case "valid": return .valid
        default: throw TorchError.runtime("Invalid padding string: '\(s)'")
        }
    }
}

public enum Functional {}

extension Functional {
    public static func conv1d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                              padding: ConvPadding = .explicit([0]), dilation: [Int] = [1], groups: Int = 1) throws -> Tensor {
        try convolution(input, weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups, spatial: 1)
    }
    public static func conv2d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                              padding: ConvPadding = .explicit([0]), dilation: [Int] = [1], groups: Int = 1) throws -> Tensor {
        try convolution(input, weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups, spatial: 2)
    }
    public static func conv3d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                              padding: ConvPadding = .explicit([0]), dilation: [Int] = [1], groups: Int = 1) throws -> Tensor {
        try convolution(input, weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups, spatial: 3)
    }
    public static func convTranspose1d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                                       padding: [Int] = [0], outputPadding: [Int] = [0], groups: Int = 1,
                                       dilation: [Int] = [1]) throws -> Tensor {
        try convTranspose(input, weight, bias: bias, stride: stride, padding: padding, outputPadding: outputPadding,
                          groups: groups, dilation: dilation, spatial: 1)
    }
    public static func convTranspose2d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                                       padding: [Int] = [0], outputPadding: [Int] = [0], groups: Int = 1,
                                       dilation: [Int] = [1]) throws -> Tensor {
        try convTranspose(input, weight, bias: bias, stride: stride, padding: padding, outputPadding: outputPadding,
                          groups: groups, dilation: dilation, spatial: 2)
    }
    public static func convTranspose3d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                                       padding: [Int] = [0], outputPadding: [Int] = [0], groups: Int = 1,
                                       dilation: [Int] = [1]) throws -> Tensor {
        try convTranspose(input, weight, bias: bias, stride: stride, padding: padding, outputPadding: outputPadding,
                          groups: groups, dilation: dilation, spatial: 3)
    }

    /// `batchify`: adds the batch dim for unbatched input, or raises PyTorch's rank message.
    static func batchify(_ input: Tensor, spatial n: Int, _ name: String) throws -> (Tensor, Bool) {
        if input.dim == n + 2 { return (input, true) }
        if input.dim == n + 1 { return (try input.unsqueeze(0), false) }
        throw TorchError.runtime("Expected \(n + 1)D (unbatched) or \(n + 2)D (batched) input to \(name), but got input of size: \(listText(input.shape))")
    }

    /// `check_shape_forward`'s checks of the weight's first dim against `groups`, in its order.
    static func checkWeightGroups(_ ws: [Int], _ groups: Int) throws {
        if ws[0] < groups {
            throw TorchError.runtime("Given groups=\(groups), expected weight to be at least \(groups) at dimension 0, but got weight of size \(listText(ws)) instead")
        }
        if ws[0] % groups != 0 {   // PyTorch's message does show the size in double brackets
            throw TorchError.runtime("Given groups=\(groups), expected weight to be divisible by \(groups) at dimension 0, but got weight of size [\(listText(ws))] instead")
        }
    }

    /// PyTorch's `Empty` backend, for an input with no batch items or no channels: no kernel runs. It
    /// computes `input * weight.view(-1)[0]` (the flattened input times the flattened weight when there
    /// are no channels), adds `bias[0]` in place and views the product as the output size, which has no
    /// channels when the input has none and is not checked otherwise (a transposed size below zero fails
    /// as that view does). So the dtype, the errors and the shape follow those ops; the gradients are zero.
    static func emptyConvolution(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?, outputSize: [Int],
                                 batched: Bool) throws -> Tensor {
        var size = outputSize
        if input.shape[1] == 0 { size[1] = 0 }
        let product: Tensor = try GradMode.withoutGrad {
            let w = try weight.reshape([-1])
            var p: Tensor
            if input.shape[1] == 0 {
                p = try Tensor.binary(input.reshape([-1]), w, .mul)
            } else {
                if w.numel == 0 { throw TorchError.index("select(): index 0 out of range for tensor of size [0] at dimension 0") }
                p = try Tensor.binary(input, w.select(0, 0), .mul)
            }
            if let bias { try p.applyInPlace(.add, bias.select(0, 0)) }
            return try p.view(asConv2d(size))
        }
        let result = try Tensor.zeros(size, dtype: product.dtype)
        let inputs: [Tensor] = [input, weight] + (bias.map { [$0] } ?? [])
        let gradShapes = inputs.map { ($0.shape, $0.dtype) }
        result.recording("ConvolutionBackward0", inputs) { _ in try gradShapes.map { try Tensor.zeros($0.0, dtype: $0.1) } }
        return batched ? result : try result.squeeze(0)
    }

    /// The checks PyTorch makes after the shape checks, in its order: `_select_conv_backend` sends an
    /// input with no batch items or no channels to an empty result and refuses any other empty input
    /// (a 1-d input shown as the 2-d one its backends take); the CPU backends then refuse a kernel with
    /// a zero in its spatial size, each in its own words. Without the first, a kernel with no taps over
    /// an empty input of 2**40 channels walked every channel per output row (a hang the fuzzer found).
    /// Returns whether the input goes to the empty result (`emptyConvolution`).
    static func selectsEmptyBackend(_ ins: [Int], _ ws: [Int], dilation: [Int], transposed: Bool) throws -> Bool {
        if ins[0] == 0 || ins[1] == 0 { return true }
        if ins.contains(0) {
            throw TorchError.runtime("Only zero batch or zero channel inputs are supported, but got input shape: \(listText(asConv2d(ins)))")
        }
        let kernel = Array(ws[2...])
        if !kernel.contains(0) { return false }
        let planar = kernel.count == 1 ? [1] + kernel : kernel   // conv1d runs as conv2d of height 1
        let message: String
        if transposed && kernel.count == 3 {
            message = "non-empty 5D (n_output_plane x n_input_plane x kernel_depth x kernel_height x kernel_width) tensor expected for weight, but got: \(listText(ws))"
        } else if !transposed && dilation.contains(where: { $0 != 1 }) {
            message = "kernel size should be greater than zero, but got \(listText(planar))"   // slow_conv_dilated
        } else if kernel.count == 3 {
            message = "kernel size should be greater than zero, but got: \(kernel.map(String.init).joined(separator: " x ")) (TxHxW)"
        } else {
            message = "kernel size should be greater than zero, but got kernel_height: \(planar[0]) kernel_width: \(planar[1])"
        }
        throw TorchError.runtime(message)
    }

    /// A conv1d shape `[N, C, L]` as the conv2d shape `[N, C, 1, L]` PyTorch's backends take and name.
    static func asConv2d(_ shape: [Int]) -> [Int] { shape.count == 3 ? [shape[0], shape[1], 1, shape[2]] : shape }

    /// The dtype a convolution computes in: input/weight must agree (`expected scalar type …`).
    static func convDType(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws -> DType {
        if input.dtype != weight.dtype {
            throw TorchError.runtime("expected scalar type \(input.dtype.cppName) but found \(weight.dtype.cppName)")
        }
        if let bias, bias.dtype != input.dtype {
            throw TorchError.runtime("expected scalar type \(input.dtype.cppName) but found \(bias.dtype.cppName)")
        }
        if input.dtype == .bool { throw TorchError.runtime("\"slow_conv2d_cpu\" not implemented for 'Bool'") }
        return input.dtype
    }

    public static func convolution(_ input0: Tensor, _ weight: Tensor, bias: Tensor?, stride: [Int], padding: ConvPadding,
                                   dilation: [Int], groups: Int, spatial n: Int) throws -> Tensor {
        let (input1, batched) = try batchify(input0, spatial: n, "conv\(n)d")
        // PyTorch's `_convolution` checks the bias type before any shape.
        if let bias, bias.dtype != input1.dtype {
            throw TorchError.runtime("Input type (\(input1.dtype.cppTypeName)) and bias type (\(bias.dtype.cppTypeName)) should be the same")
        }
        var input = input1
        if weight.dim < 3 { throw TorchError.runtime("weight should have at least three dimensions") }
        let k = weight.dim - 2
        // `_convolution`'s order: stride, padding, dilation, then the output padding `conv{n}d` passes
        // (n zeros), so a weight of the wrong rank fails on the first list of the wrong length.
        let st = try expandParam("stride", stride, k)
        var pd: [Int]
        if case .explicit(let p) = padding { pd = try expandParam("padding", p, k) } else { pd = [] }
        let dl = try expandParam("dilation", dilation, k)
        if case .explicit = padding { _ = try expandParam("output_padding", Array(repeating: 0, count: n), k) }
        switch padding {
        case .explicit: break
        case .valid: pd = Array(repeating: 0, count: k)
        case .same:
            if st.contains(where: { $0 != 1 }) {
                throw TorchError.runtime("padding='same' is not supported for strided convolutions")
            }
            if dl.contains(where: { $0 <= 0 }) {
                throw TorchError.runtime("dilation should be greater than zero, but got \(listText(dl))")
            }
            pd = Array(repeating: 0, count: k)
            var extra = Array(repeating: 0, count: 2 * k)
            var symmetric = true
            for i in 0..<k {
                // `_convolution_mode`'s int64 arithmetic, wrapping as it does: `dilation=2**62` with k = 3 wraps
                // to a negative total, which the padding check below refuses with PyTorch's message.
                let total = dl[i] &* (weight.shape[i + 2] &- 1)
                let left = total / 2, right = total &- left
                pd[i] = left
                if left != right {
                    symmetric = false
                    extra[2 * (k - 1 - i) + 1] = right &- left
                }
            }
            if !symmetric && input.dim == k + 2 { input = try pad(input, extra, mode: "constant", value: 0) }
        }
        if st.contains(where: { $0 <= 0 }) { throw TorchError.runtime("non-positive stride is not supported") }
        if pd.contains(where: { $0 < 0 }) { throw TorchError.runtime("negative padding is not supported") }
        if dl.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("dilation should be greater than zero, but got \(listText(dl))")
        }
        if groups <= 0 { throw TorchError.runtime("non-positive groups is not supported") }
        if input.dim != weight.dim {
            throw TorchError.runtime("Expected \(weight.dim)-dimensional input for \(weight.dim)-dimensional weight \(listText(weight.shape)), but got \(input.dim)-dimensional input of size \(listText(input.shape)) instead")
        }
        let ws = weight.shape, ins = input.shape
        try checkWeightGroups(ws, groups)
        if ins[1] != ws[1] * groups {
            throw TorchError.runtime("Given groups=\(groups), weight of size \(listText(ws)), expected input\(listText(ins)) to have \(ws[1] * groups) channels, but got \(ins[1]) channels instead")
        }
        if let bias, bias.dim != 1 || bias.shape[0] != ws[0] {
            throw TorchError.runtime("Given weight of size \(listText(ws)), expected bias to be 1-dimensional with \(ws[0]) elements, but got bias of size \(listText(bias.shape)) instead")
        }
        var padded = [Int](), kern = [Int](), out = [Int]()
        for i in 0..<k {
            padded.append(try checkedAdd(ins[i + 2], try checkedMul(2, pd[i])))
            kern.append(try checkedAdd(try checkedMul(dl[i], ws[i + 2] - 1), 1))
        }
        if zip(padded, kern).contains(where: { $0 < $1 }) {
            throw TorchError.runtime("Calculated padded input size per channel: \(xText(padded)). Kernel size: \(xText(kern)). Kernel size can't be greater than actual input size")
        }
        let empty = try selectsEmptyBackend(ins, ws, dilation: dl, transposed: false)
        for i in 0..<k { out.append((padded[i] - kern[i]) / st[i] + 1) }
        if empty {
            return try emptyConvolution(input, weight, bias, outputSize: [ins[0], ws[0]] + out, batched: batched)
        }
        let dtype = try convDType(input, weight, bias)
        let compute: DType = dtype.isFloatingPoint ? dtype : .float64
        let geo = ConvGeometry(batch: ins[0], inChannels: ins[1], outChannels: ws[0], groups: groups,
                               input: triple(Array(ins[2...]), fill: 1), kernel: triple(Array(ws[2...]), fill: 1),
                               stride: triple(st, fill: 1), padding: triple(pd, fill: 0), dilation: triple(dl, fill: 1),
                               output: triple(out, fill: 1))
        // Column chunks and weight-gradient partials the GEMM kernels take (per thread, cached).
        try MemoryLimit.check(count: convScratchElements(geo), dtype: compute)
        let x = try input.dense(compute), w = try weight.dense(compute), b = try bias?.dense(compute)
        // convForward writes every output element (bias or zero fill, GEMM with beta 0, direct rows).
        var result = try Tensor.uninitialized([ins[0], ws[0]] + out, dtype: compute)
        if result.numel > 0 {
            if compute == .float64 {
                convForward(geo, input: ptr(x, Double.self), weight: ptr(w, Double.self), bias: b.map { UnsafePointer(ptr($0, Double.self)) }, output: ptr(result, Double.self))
            } else {
                convForward(geo, input: ptr(x, Float.self), weight: ptr(w, Float.self), bias: b.map { UnsafePointer(ptr($0, Float.self)) }, output: ptr(result, Float.self))
            }
            try TorchInterrupt.check()  // Ctrl-C stopped the kernel early: its output is incomplete
        }
        if compute != dtype { result = try GradMode.withoutGrad { try result.to(dtype) } }
        let hasBias = bias != nil
        let inputs: [Tensor] = [input, weight] + (bias.map { [$0] } ?? [])
        result.recording("ConvolutionBackward0", inputs) { g in
            let go = try g.dense(compute)
            // The backward kernels overwrite every element of the gradients they fill.
            var gi: Tensor? = nil, gw: Tensor? = nil, gb: Tensor? = nil
            if let c = uniformValue(go) {
                // Every gradOutput element is `c` (e.g. the expanded gradient of `out.sum()`): every batch
                // item has the same input gradient, the weight gradient is `c` times window sums of the
                // input, the bias gradient `c * batch * plane`.
                var g1 = geo
                g1.batch = 1
                let per = Shape.elementCount(ins[1...])
                if input.requiresGrad {
                    let one = try Tensor.uninitialized([1, ws[0]] + out, dtype: compute)
                    gi = try Tensor.uninitialized(ins, dtype: compute)
                    if compute == .float64 {
                        ptr(one, Double.self).update(repeating: c, count: one.numel)
                        convBackwardInput(g1, gradOutput: ptr(one, Double.self), weight: ptr(w, Double.self), gradInput: ptr(gi!, Double.self))
                        let p = ptr(gi!, Double.self)
                        for n in 1..<max(ins[0], 1) { (p + n * per).update(from: p, count: per) }
                    } else {
                        ptr(one, Float.self).update(repeating: Float(c), count: one.numel)
                        convBackwardInput(g1, gradOutput: ptr(one, Float.self), weight: ptr(w, Float.self), gradInput: ptr(gi!, Float.self))
                        let p = ptr(gi!, Float.self)
                        for n in 1..<max(ins[0], 1) { (p + n * per).update(from: p, count: per) }
                    }
                }
                if weight.requiresGrad {
                    gw = try Tensor.uninitialized(ws, dtype: compute)
                    if compute == .float64 { convBackwardWeightConstant(geo, input: ptr(x, Double.self), value: c, gradWeight: ptr(gw!, Double.self)) }
                    else { convBackwardWeightConstant(geo, input: ptr(x, Float.self), value: Float(c), gradWeight: ptr(gw!, Float.self)) }
                }
                if hasBias, bias!.requiresGrad {
                    let count = Double(ins[0]) * Double(Shape.elementCount(out))
                    gb = try Tensor.uninitialized([ws[0]], dtype: compute)
                    if compute == .float64 { ptr(gb!, Double.self).update(repeating: c * count, count: ws[0]) }
                    else { ptr(gb!, Float.self).update(repeating: Float(c) * Float(count), count: ws[0]) }
                }
                return [gi, gw] + (hasBias ? [gb] : [])
            }
            if input.requiresGrad {
                gi = try Tensor.uninitialized(ins, dtype: compute)
                if compute == .float64 { convBackwardInput(geo, gradOutput: ptr(go, Double.self), weight: ptr(w, Double.self), gradInput: ptr(gi!, Double.self)) }
                else { convBackwardInput(geo, gradOutput: ptr(go, Float.self), weight: ptr(w, Float.self), gradInput: ptr(gi!, Float.self)) }
            }
            if weight.requiresGrad {
                gw = try Tensor.uninitialized(ws, dtype: compute)
                if compute == .float64 { convBackwardWeight(geo, input: ptr(x, Double.self), gradOutput: ptr(go, Double.self), gradWeight: ptr(gw!, Double.self)) }
                else { convBackwardWeight(geo, input: ptr(x, Float.self), gradOutput: ptr(go, Float.self), gradWeight: ptr(gw!, Float.self)) }
            }
            if hasBias, bias!.requiresGrad {
                gb = try Tensor.uninitialized([ws[0]], dtype: compute)
                if compute == .float64 { convBackwardBias(geo, gradOutput: ptr(go, Double.self), gradBias: ptr(gb!, Double.self)) }
                else { convBackwardBias(geo, gradOutput: ptr(go, Float.self), gradBias: ptr(gb!, Float.self)) }
            }
            return [gi, gw] + (hasBias ? [gb] : [])
        }
        return batched ? result : try result.squeeze(0)
    }

    public static func convTranspose(_ input0: Tensor, _ weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int],
                                     outputPadding: [Int], groups: Int, dilation: [Int], spatial n: Int) throws -> Tensor {
        let (input, batched) = try batchify(input0, spatial: n, "conv_transpose\(n)d")
        if weight.dim < 3 { throw TorchError.runtime("weight should have at least three dimensions") }
        let k = weight.dim - 2
        let st = try expandParam("stride", stride, k)
        let pd = try expandParam("padding", padding, k)
        let dl = try expandParam("dilation", dilation, k)
        let op = try expandParam("output_padding", outputPadding, k)
        if st.contains(where: { $0 <= 0 }) { throw TorchError.runtime("non-positive stride is not supported") }
        if pd.contains(where: { $0 < 0 }) { throw TorchError.runtime("negative padding is not supported") }
        if op.contains(where: { $0 < 0 }) { throw TorchError.runtime("negative output_padding is not supported") }
        if dl.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("dilation should be greater than zero, but got \(listText(dl))")
        }
        if groups <= 0 { throw TorchError.runtime("non-positive groups is not supported") }
        if input.dim != weight.dim {
            throw TorchError.runtime("Expected \(weight.dim)-dimensional input for \(weight.dim)-dimensional weight \(listText(weight.shape)), but got \(input.dim)-dimensional input of size \(listText(input.shape)) instead")
        }
        let ws = weight.shape, ins = input.shape
        try checkWeightGroups(ws, groups)
        if ins[1] != ws[0] {
            throw TorchError.runtime("Given transposed=1, weight of size \(listText(ws)), expected input\(listText(ins)) to have \(ws[0]) channels, but got \(ins[1]) channels instead")
        }
        let outC = try checkedMul(ws[1], groups)
        if let bias, bias.dim != 1 || bias.shape[0] != outC {
            throw TorchError.runtime("Given transposed=1, weight of size \(listText(ws)), expected bias to be 1-dimensional with \(outC) elements, but got bias of size \(listText(bias.shape)) instead")
        }
        if zip(op, zip(st, dl)).contains(where: { $0 >= $1.0 && $0 >= $1.1 }) {
            let names = k == 3 ? ["depth", "height", "width"] : ["height", "width"]
            let o2 = k == 1 ? [0] + op : op, s2 = k == 1 ? [1] + st : st, d2 = k == 1 ? [1] + dl : dl
            func part(_ label: String, _ v: [Int]) -> String { zip(names, v).map { "\(label)_\($0): \($1)" }.joined(separator: " ") }
            throw TorchError.runtime("output padding must be smaller than either stride or dilation, but got \(part("output_padding", o2)) \(part("stride", s2)) \(part("dilation", d2))")
        }
        let empty = try selectsEmptyBackend(ins, ws, dilation: dl, transposed: true)
        var out = [Int]()
        for i in 0..<k {
            var o = try checkedMul(ins[i + 2] - 1, st[i])
            o = try checkedAdd(o, -(try checkedMul(2, pd[i])))
            o = try checkedAdd(o, try checkedMul(dl[i], ws[i + 2] - 1))
            o = try checkedAdd(o, op[i] + 1)
            out.append(o)
        }
        if empty {
            return try emptyConvolution(input, weight, bias, outputSize: [ins[0], outC] + out, batched: batched)
        }
        if out.contains(where: { $0 < 1 }) {
            throw TorchError.runtime("Given input size per channel: \(xText(Array(ins[2...]))). Calculated output size per channel: \(xText(out)). Output size is too small")
        }
        let dtype = try convDType(input, weight, bias)
        let compute: DType = dtype.isFloatingPoint ? dtype : .float64
        let geo = ConvGeometry(batch: ins[0], inChannels: ins[1], outChannels: outC, groups: groups,
                               input: triple(Array(ins[2...]), fill: 1), kernel: triple(Array(ws[2...]), fill: 1),
                               stride: triple(st, fill: 1), padding: triple(pd, fill: 0), dilation: triple(dl, fill: 1),
                               output: triple(out, fill: 1))
        // Column chunks and weight-gradient partials the GEMM kernels take (per thread, cached).
        try MemoryLimit.check(count: convScratchElements(geo.swapped), dtype: compute)
        let x = try input.dense(compute), w = try weight.dense(compute), b = try bias?.dense(compute)
        // convTransposeForward clears then accumulates every output element (when the input is non-empty).
        var result = input.numel > 0 ? try Tensor.uninitialized([ins[0], outC] + out, dtype: compute)
                                     : try Tensor.zeros([ins[0], outC] + out, dtype: compute)
        if result.numel > 0 && input.numel > 0 {
            if compute == .float64 {
                convTransposeForward(geo, input: ptr(x, Double.self), weight: ptr(w, Double.self), bias: b.map { UnsafePointer(ptr($0, Double.self)) }, output: ptr(result, Double.self))
            } else {
                convTransposeForward(geo, input: ptr(x, Float.self), weight: ptr(w, Float.self), bias: b.map { UnsafePointer(ptr($0, Float.self)) }, output: ptr(result, Float.self))
            }
            try TorchInterrupt.check()
        }
        if compute != dtype { result = try GradMode.withoutGrad { try result.to(dtype) } }
        let hasBias = bias != nil
        let inputs: [Tensor] = [input, weight] + (bias.map { [$0] } ?? [])
        result.recording("ConvolutionBackward0", inputs) { g in
            let go = try g.dense(compute)
            // The backward kernels overwrite every element of the gradients they fill.
            var gi: Tensor? = nil, gw: Tensor? = nil, gb: Tensor? = nil
            if input.requiresGrad {
                gi = try Tensor.uninitialized(ins, dtype: compute)
                if compute == .float64 { convTransposeBackwardInput(geo, gradOutput: ptr(go, Double.self), weight: ptr(w, Double.self), gradInput: ptr(gi!, Double.self)) }
                else { convTransposeBackwardInput(geo, gradOutput: ptr(go, Float.self), weight: ptr(w, Float.self), gradInput: ptr(gi!, Float.self)) }
            }
            if weight.requiresGrad {
                gw = try Tensor.uninitialized(ws, dtype: compute)
                if compute == .float64 { convTransposeBackwardWeight(geo, input: ptr(x, Double.self), gradOutput: ptr(go, Double.self), gradWeight: ptr(gw!, Double.self)) }
                else { convTransposeBackwardWeight(geo, input: ptr(x, Float.self), gradOutput: ptr(go, Float.self), gradWeight: ptr(gw!, Float.self)) }
            }
            if hasBias, bias!.requiresGrad {
                gb = try Tensor.uninitialized([outC], dtype: compute)
                if compute == .float64 { convTransposeBackwardBias(geo, gradOutput: ptr(go, Double.self), gradBias: ptr(gb!, Double.self)) }
                else { convTransposeBackwardBias(geo, gradOutput: ptr(go, Float.self), gradBias: ptr(gb!, Float.self)) }
            }
            return [gi, gw] + (hasBias ? [gb] : [])
        }
        return batched ? result : try result.squeeze(0)
    }
}

/// The common value of a non-empty contiguous float32/float64 tensor whose elements are all the same
/// bits (as Double), else nil; stops at the first differing element.
func uniformValue(_ t: Tensor) -> Double? {
    let n = t.numel
    if n == 0 { return nil }
    switch t.dtype {
    case .float32:
        let p = ptr(t, Float.self), b = p[0].bitPattern
        for i in 1..<n where p[i].bitPattern != b { return nil }
        return Double(p[0])
    case .float64:
        let p = ptr(t, Double.self), b = p[0].bitPattern
        for i in 1..<n where p[i].bitPattern != b { return nil }
        return p[0]
    default:
        return nil
    }
}
