import Kernels

extension Functional {
    /// Pool parameter list: `[v]` → n copies; otherwise must have n entries.
    static func poolParam(_ fn: String, _ what: String, _ v: [Int], _ n: Int, allowEmpty: Bool = false) throws -> [Int] {
        if v.count == n { return v }
        if v.count == 1 { return Array(repeating: v[0], count: n) }
        let words = n == 2 ? "two" : "three"
        if allowEmpty {
            throw TorchError.runtime("\(fn): \(what) must either be omitted, a single int, or a tuple of \(words) ints")
        }
        throw TorchError.runtime("\(fn): \(what) must either be a single int, or a tuple of \(words) ints")
    }

    /// The per-dim kernel, stride, padding and dilation of an n-d pool, checked as its forward
    /// checks them (PyTorch's messages); an empty stride means the kernel size. `explain` uses it.
    public static func poolArguments(average: Bool, n: Int, kernel: [Int], stride: [Int], padding: [Int],
                                     dilation: [Int]) throws -> (kernel: [Int], stride: [Int], padding: [Int], dilation: [Int]) {
        if n == 1 {
            if average { try checkAvgPool1dArguments(kernel, stride, padding) } else { try checkMaxPool1dArguments(kernel, stride, padding, dilation) }
            return ([kernel[0]], [stride.first ?? kernel[0]], [padding[0]], [average ? 1 : dilation[0]])
        }
        return try poolParams((average ? "avg_pool" : "max_pool") + "\(n)d", kernel, stride, padding, average ? [1] : dilation, n)
    }

    /// `max_pool1d`'s argument checks: one int each (stride may be empty).
    static func checkMaxPool1dArguments(_ kernelSize: [Int], _ stride: [Int], _ padding: [Int], _ dilation: [Int]) throws {
        for (name, v) in [("kernel_size", kernelSize), ("stride", stride), ("padding", padding), ("dilation", dilation)]
        where v.count != 1 && !(name == "stride" && v.isEmpty) {
            let what = name == "stride" ? "must be None, an int, list of ints, or tuple of ints"
                : name == "padding" ? "must be an int, list of ints, or tuple of ints" : "must be an int, list of ints or tuple of ints"
            throw TorchError.runtime("max_pool1d() \(name) \(what) of size 1 but got size \(v.count)")
        }
    }

    /// `avg_pool1d`'s argument parser: one int each (stride may be empty).
    static func checkAvgPool1dArguments(_ kernelSize: [Int], _ stride: [Int], _ padding: [Int]) throws {
        for (name, v) in [("kernel_size", kernelSize), ("stride", stride), ("padding", padding)]
        where v.count != 1 && !(name == "stride" && v.isEmpty) {
            throw TorchError.runtime("avg_pool1d() argument '\(name)' should contain one int (got \(v.count))")
        }
    }

    /// The 2-d/3-d pools' parameters expanded to n entries each.
    static func poolParams(_ fn: String, _ kernel: [Int], _ stride: [Int], _ padding: [Int], _ dilation: [Int],
                           _ n: Int) throws -> (kernel: [Int], stride: [Int], padding: [Int], dilation: [Int]) {
        let k = try poolParam(fn, "kernel_size", kernel, n)
        let s = stride.isEmpty ? k : try poolParam(fn, "stride", stride, n, allowEmpty: true)
        return (k, s, try poolParam(fn, "padding", padding, n), try poolParam(fn, "dilation", dilation, n))
    }

    /// `pooling_output_shape` with its checks.
    static func poolOutputSize(_ i: Int, _ k: Int, _ p: Int, _ s: Int, _ d: Int, ceil: Bool) throws -> Int {
        if s == 0 { throw TorchError.runtime("stride should not be zero") }
        if p < 0 { throw TorchError.runtime("pad must be non-negative, but got pad: \(p)") }
        let eff = try checkedAdd(try checkedMul(k - 1, d), 1)
        if p > eff / 2 {
            throw TorchError.runtime("pad should be at most half of effective kernel size, but got pad=\(p), kernel_size=\(k) and dilation=\(d)")
        }
        _ = try checkedAdd(i, try checkedMul(2, p))
        return PoolGeometry.outputSize(i, k, s, p, d, ceilMode: ceil)
    }

    struct PoolSetup {
        var x: Tensor           // batched input (N, C, spatial...)
        var batched: Bool
        var geo: PoolGeometry
        var outShape: [Int]
    }

    /// Shared validation of max/avg pooling over `n` = 2 or 3 spatial dims.
    static func poolSetup(_ input: Tensor, kernel: [Int], stride: [Int], padding: [Int], dilation: [Int],
                          ceil: Bool, n: Int, fn: String, isAvg: Bool) throws -> PoolSetup {
        let (k, s, p, d) = try poolParams(fn, kernel, stride, padding, dilation, n)
        if isAvg && n == 2 && input.dim < 3 {
            throw TorchError.index("Dimension out of range (expected to be in range of [\(-max(input.dim, 1)), \(max(input.dim, 1) - 1)], but got -3)")
        }
        if input.dim != n + 1 && input.dim != n + 2 {
            throw TorchError.runtime("non-empty \(n + 1)D or \(n + 2)D (batch mode) tensor expected for input")
        }
        let spatial = Array(input.shape.suffix(n))
        var out = [Int]()
        for i in 0..<n { out.append(try poolOutputSize(spatial[i], k[i], p[i], s[i], d[i], ceil: ceil)) }
        let labels = n == 2 ? ["H", "W"] : ["T", "H", "W"]
        if k.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("kernel size should be greater than zero, but got " + zip(labels, k).map { "k\($0): \($1)" }.joined(separator: " "))
        }
        if s.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("stride should be greater than zero, but got " + zip(labels, s).map { "d\($0): \($1)" }.joined(separator: " "))
        }
        if d.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("dilation should be greater than zero, but got " + zip(labels, d).map { "dilation\($0): \($1)" }.joined(separator: " "))
        }
        if isAvg && n == 3 && zip(spatial, k).contains(where: { $0 < $1 }) {
            throw TorchError.runtime("input image (T: \(spatial[0]) H: \(spatial[1]) W: \(spatial[2])) smaller than kernel size (kT: \(k[0]) kH: \(k[1]) kW: \(k[2]))")
        }
        let planesIn = input.shape[input.dim - n - 1]
        if out.contains(where: { $0 < 1 }) {
            throw TorchError.runtime("Given input size: (\(([planesIn] + spatial).map(String.init).joined(separator: "x"))). Calculated output size: (\(([planesIn] + out).map(String.init).joined(separator: "x"))). Output size is too small")
        }
        let batched = input.dim == n + 2
        let x = batched ? input : try input.unsqueeze(0)
        let planes = x.shape[0] * x.shape[1]
        let geo = PoolGeometry(planes: planes, input: triple(spatial, fill: 1), kernel: triple(k, fill: 1),
                               stride: triple(s, fill: 1), padding: triple(p, fill: 0), dilation: triple(d, fill: 1),
                               ceilMode: ceil, output: triple(out, fill: 1))
        return PoolSetup(x: x, batched: batched, geo: geo, outShape: Array(input.shape.prefix(input.dim - n)) + out)
    }

    // MARK: max pooling

    public static func maxPool1d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 dilation: [Int] = [1], ceilMode: Bool = false) throws -> (Tensor, Tensor) {
        if input.dim != 2 && input.dim != 3 {
            throw TorchError.runtime("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:\(listText(input.shape))")
        }
        try checkMaxPool1dArguments(kernelSize, stride, padding, dilation)  // stride may be empty: it defaults to the kernel size
        let k = kernelSize[0], s = stride.first ?? k, p = padding[0], d = dilation[0]
        if !input.requiresGrad || !GradMode.isEnabled {
            if k <= 0 { throw TorchError.runtime("max_pool1d() kernel_size must be greater than zero, but got \(k)") }
            if s <= 0 { throw TorchError.runtime("max_pool1d() stride must be greater than zero, but got \(s)") }
            if p < 0 { throw TorchError.runtime("max_pool1d() padding must be non-negative, but got \(p)") }
            if p > k / 2 { throw TorchError.runtime("max_pool1d() padding should be at most half of kernel size, but got padding=\(p) and kernel_size=\(k)") }
            if d <= 0 { throw TorchError.runtime("max_pool1d() dilation must be greater than zero, but got \(d)") }
            let o = PoolGeometry.outputSize(input.shape[input.dim - 1], k, s, p, d, ceilMode: ceilMode)
            if o <= 0 { throw TorchError.runtime("max_pool1d() Invalid computed output size: \(o)") }
        }
        let (y, i) = try maxPool(input.unsqueeze(-2), kernel: [1, k], stride: [1, s], padding: [0, p], dilation: [1, d],
                                 ceil: ceilMode, n: 2, fn: "max_pool2d")
        return (try y.squeeze(-2), try GradMode.withoutGrad { try i.squeeze(-2) }.detachedResult())
    }

    public static func maxPool2d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 dilation: [Int] = [1], ceilMode: Bool = false) throws -> (Tensor, Tensor) {
        try maxPool(input, kernel: kernelSize, stride: stride, padding: padding, dilation: dilation, ceil: ceilMode, n: 2, fn: "max_pool2d")
    }

    public static func maxPool3d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 dilation: [Int] = [1], ceilMode: Bool = false) throws -> (Tensor, Tensor) {
        try maxPool(input, kernel: kernelSize, stride: stride, padding: padding, dilation: dilation, ceil: ceilMode, n: 3, fn: "max_pool3d")
    }

    /// Max pooling; returns (values, indices). Indices are flat positions within each input plane.
    static func maxPool(_ input: Tensor, kernel: [Int], stride: [Int], padding: [Int], dilation: [Int],
                        ceil: Bool, n: Int, fn: String) throws -> (Tensor, Tensor) {
        let setup = try poolSetup(input, kernel: kernel, stride: stride, padding: padding, dilation: dilation,
                                  ceil: ceil, n: n, fn: fn, isAvg: false)
        if input.dtype == .bool { throw TorchError.runtime("\"max_pool2d\" not implemented for 'Bool'") }
        let dtype = input.dtype
        let compute: DType = dtype.isFloatingPoint ? dtype : .float64
        let geo = setup.geo
        let x = try setup.x.dense(compute)
        // maxPoolForward writes every value and index.
        var out = try Tensor.uninitialized(setup.outShape, dtype: compute)
        let idx = try Tensor.uninitialized(setup.outShape, dtype: .int64)
        if out.numel > 0 {
            if compute == .float64 { maxPoolForward(geo, input: ptr(x, Double.self), output: ptr(out, Double.self), indices: ptr(idx, Int64.self)) }
            else { maxPoolForward(geo, input: ptr(x, Float.self), output: ptr(out, Float.self), indices: ptr(idx, Int64.self)) }
        }
        if compute != dtype { out = try out.to(dtype) }
        let inShape = input.shape
        out.recording(n == 3 ? "MaxPool3DWithIndicesBackward0" : "MaxPool2DWithIndicesBackward0", [input]) { g in
            let go = try g.dense(compute)
            let gi = try Tensor.uninitialized(inShape, dtype: compute)  // maxPoolBackward clears each plane first
            if compute == .float64 { maxPoolBackward(geo, gradOutput: ptr(go, Double.self), indices: ptr(idx, Int64.self), gradInput: ptr(gi, Double.self)) }
            else { maxPoolBackward(geo, gradOutput: ptr(go, Float.self), indices: ptr(idx, Int64.self), gradInput: ptr(gi, Float.self)) }
            return [gi]
        }
        return (out, idx)
    }

    // MARK: average pooling

    public static func avgPool1d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 ceilMode: Bool = false, countIncludePad: Bool = true) throws -> Tensor {
        try checkAvgPool1dArguments(kernelSize, stride, padding)  // PyTorch's argument parser checks these first
        if input.dim != 2 && input.dim != 3 {
            throw TorchError.runtime("Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:\(listText(input.shape))")
        }
        let k = kernelSize[0], s = stride.first ?? k, p = padding[0]
        let y = try avgPool(input.unsqueeze(-2), kernel: [1, k], stride: [1, s], padding: [0, p], ceil: ceilMode,
                            countIncludePad: countIncludePad, divisorOverride: nil, n: 2, fn: "avg_pool2d")
        return try y.squeeze(-2)
    }

    public static func avgPool2d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil) throws -> Tensor {
        try avgPool(input, kernel: kernelSize, stride: stride, padding: padding, ceil: ceilMode,
                    countIncludePad: countIncludePad, divisorOverride: divisorOverride, n: 2, fn: "avg_pool2d")
    }

    public static func avgPool3d(_ input: Tensor, kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0],
                                 ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil) throws -> Tensor {
        try avgPool(input, kernel: kernelSize, stride: stride, padding: padding, ceil: ceilMode,
                    countIncludePad: countIncludePad, divisorOverride: divisorOverride, n: 3, fn: "avg_pool3d")
    }

    static func avgPool(_ input: Tensor, kernel: [Int], stride: [Int], padding: [Int], ceil: Bool,
                        countIncludePad: Bool, divisorOverride: Int?, n: Int, fn: String) throws -> Tensor {
        let setup = try poolSetup(input, kernel: kernel, stride: stride, padding: padding, dilation: [1],
                                  ceil: ceil, n: n, fn: fn, isAvg: true)
        if let dv = divisorOverride, dv == 0 { throw TorchError.runtime("divisor must be not zero") }
        if input.dtype == .bool { throw TorchError.runtime("\"\(fn)_out_frame\" not implemented for 'Bool'") }
        let dtype = input.dtype
        let compute: DType = dtype.isFloatingPoint ? dtype : .float64
        let geo = setup.geo
        let x = try setup.x.dense(compute)
        var out = try Tensor.uninitialized(setup.outShape, dtype: compute)  // avgPoolForward writes every element
        if out.numel > 0 {
            if compute == .float64 { avgPoolForward(geo, countIncludePad: countIncludePad, divisorOverride: divisorOverride, input: ptr(x, Double.self), output: ptr(out, Double.self)) }
            else { avgPoolForward(geo, countIncludePad: countIncludePad, divisorOverride: divisorOverride, input: ptr(x, Float.self), output: ptr(out, Float.self)) }
        }
        if compute != dtype { out = try out.to(dtype) }
        let inShape = input.shape
        out.recording(n == 3 ? "AvgPool3DBackward0" : "AvgPool2DBackward0", [input]) { g in
            let go = try g.dense(compute)
            let gi = try Tensor.zeros(inShape, dtype: compute)
            if compute == .float64 { avgPoolBackward(geo, countIncludePad: countIncludePad, divisorOverride: divisorOverride, gradOutput: ptr(go, Double.self), gradInput: ptr(gi, Double.self)) }
            else { avgPoolBackward(geo, countIncludePad: countIncludePad, divisorOverride: divisorOverride, gradOutput: ptr(go, Float.self), gradInput: ptr(gi, Float.self)) }
            return [gi]
        }
        return out
    }

    // MARK: max unpooling

    /// `_unpool_output_size`. `outputSizeText` is how the caller's output_size prints in Python (default: a tuple).
    public static func unpoolOutputSize(inputShape: [Int], kernel: [Int], stride: [Int], padding: [Int],
                                        outputSize: [Int]?, outputSizeText: String? = nil) throws -> [Int] {
        let n = kernel.count
        guard inputShape.count >= n, stride.count >= n, padding.count >= n else {
            throw TorchError.runtime("max_unpool\(n)d: expected an input with at least \(n) dimensions and \(n) kernel, stride and padding values, but got input of size \(Shape.describe(inputShape))")
        }
        var def = [Int]()
        for d in 0..<n {
            // (in - 1) * stride + kernel - 2 * padding, in steps that overflow only when the result does.
            var v = try checkedMul(inputShape[inputShape.count - n + d] - 1, stride[d])
            v = try checkedSub(try checkedSub(try checkedAdd(v, kernel[d]), padding[d]), padding[d])
            def.append(v)
        }
        guard var os = outputSize else { try checkNonNegative(def); return def }
        let text = outputSizeText ?? (os.count == 1 ? "(\(os[0]),)" : "(" + os.map(String.init).joined(separator: ", ") + ")")
        if os.count == n + 2 { os = Array(os.suffix(n)) }
        if os.count != n {
            throw TorchError.value("output_size should be a sequence containing \(n) or \(n + 2) elements, but it has a length of '\(os.count)'")
        }
        for d in 0..<n {
            let lo = try checkedSub(def[d], stride[d]), hi = try checkedAdd(def[d], stride[d])
            if !(lo < os[d] && os[d] < hi) {
                throw TorchError.value("invalid output_size \"\(text)\" (dim \(d) must be between \(lo) and \(hi))")
            }
        }
        try checkNonNegative(os)
        return os
    }

    private static func checkNonNegative(_ size: [Int]) throws {
        if let d = size.firstIndex(where: { $0 < 0 }) {
            throw TorchError.value("max_unpooling: output_size must contain non-negative spatial dimensions, but got output_size[\(d)]=\(size[d])")
        }
    }

    public static func maxUnpool1d(_ input: Tensor, _ indices: Tensor, kernelSize: [Int], stride: [Int] = [],
                                   padding: [Int] = [0], outputSize: [Int]? = nil, outputSizeText: String? = nil) throws -> Tensor {
        // PyTorch fails in Python here (`kernel_size[0]` of `()` reaches a 2-d size check; other
        // lengths index past a tuple); an empty stride means the default.
        if kernelSize.isEmpty {
            throw TorchError.runtime("There should be exactly two elements (height, width) in output_size, but got 1 elements.")
        }
        guard kernelSize.count == 1, stride.count <= 1, padding.count == 1 else { throw TorchError.index("tuple index out of range") }
        let k = [kernelSize[0]], s = [stride.first ?? kernelSize[0]], p = [padding[0]]
        let os = try unpoolOutputSize(inputShape: input.shape, kernel: k, stride: s, padding: p, outputSize: outputSize, outputSizeText: outputSizeText)
        let y = try maxUnpool(input.unsqueeze(-1), GradMode.withoutGrad { try indices.unsqueeze(-1) }, outputSize: os + [1], n: 2)
        return try y.squeeze(-1)
    }

    public static func maxUnpool2d(_ input: Tensor, _ indices: Tensor, kernelSize: [Int], stride: [Int] = [],
                                   padding: [Int] = [0], outputSize: [Int]? = nil, outputSizeText: String? = nil) throws -> Tensor {
        let k = try expandParam("kernel_size", kernelSize, 2)
        let s = stride.isEmpty ? k : try expandParam("stride", stride, 2)
        let p = try expandParam("padding", padding, 2)
        let os = try unpoolOutputSize(inputShape: input.shape, kernel: k, stride: s, padding: p, outputSize: outputSize, outputSizeText: outputSizeText)
        return try maxUnpool(input, indices, outputSize: os, n: 2)
    }

    public static func maxUnpool3d(_ input: Tensor, _ indices: Tensor, kernelSize: [Int], stride: [Int] = [],
                                   padding: [Int] = [0], outputSize: [Int]? = nil, outputSizeText: String? = nil) throws -> Tensor {
        let k = try expandParam("kernel_size", kernelSize, 3)
        let s = stride.isEmpty ? k : try expandParam("stride", stride, 3)
        let p = try expandParam("padding", padding, 3)
        let os = try unpoolOutputSize(inputShape: input.shape, kernel: k, stride: s, padding: p, outputSize: outputSize, outputSizeText: outputSizeText)
        return try maxUnpool(input, indices, outputSize: os, n: 3)
    }

    static func maxUnpool(_ input: Tensor, _ indices: Tensor, outputSize os: [Int], n: Int) throws -> Tensor {
        if indices.dtype != .int64 {
            throw TorchError.runtime("elements in indices should be type int64 but got: \(indices.dtype.cppName)")
        }
        if n == 2 && os.count != 2 {
            throw TorchError.runtime("There should be exactly two elements (height, width) in output_size, but got \(os.count) elements.")
        }
        if n == 3 && os.count != 3 {
            throw TorchError.runtime("There should be exactly three elements (depth, height, width) in output_size, but got \(os.count) elements.")
        }
        if input.dim != n + 1 && input.dim != n + 2 {
            throw TorchError.runtime(n == 2
                ? "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with \(input.dim) dimensions."
                : "Input to max_unpooling3d should be a 4d or 5d Tensor, but got a tensor with \(input.dim) dimensions.")
        }
        if input.shape != indices.shape {
            throw TorchError.runtime("Expected shape of indices to be same as that of the input tensor (\(listText(input.shape))) but got indices tensor with shape: \(listText(indices.shape))")
        }
        let dtype = input.dtype
        let compute: DType = dtype.isFloatingPoint ? dtype : .float64
        let inPlane = input.numel == 0 ? 0 : Shape.elementCount(input.shape.suffix(n))
        let planes = inPlane == 0 ? 0 : input.numel / inPlane
        let outPlane = try Shape.checkedNumel(os)
        let idx = try indices.dense()
        let ip = ptr(idx, Int64.self)
        for i in 0..<(planes * inPlane) where ip[i] < 0 || ip[i] >= Int64(outPlane) {
            throw TorchError.runtime("Found an invalid max index: \(ip[i]) (output volumes are of size \(os.map(String.init).joined(separator: "x")))")
        }
        let x = try input.dense(compute)
        let outShape = Array(input.shape.prefix(input.dim - n)) + os
        // maxUnpoolForward clears each output plane before scattering.
        var out = planes > 0 ? try Tensor.uninitialized(outShape, dtype: compute) : try Tensor.zeros(outShape, dtype: compute)
        if out.numel > 0 && planes > 0 {
            if compute == .float64 { maxUnpoolForward(planes: planes, inputPlane: inPlane, outputPlane: outPlane, input: ptr(x, Double.self), indices: ip, output: ptr(out, Double.self)) }
            else { maxUnpoolForward(planes: planes, inputPlane: inPlane, outputPlane: outPlane, input: ptr(x, Float.self), indices: ip, output: ptr(out, Float.self)) }
        }
        if compute != dtype { out = try out.to(dtype) }
        let inShape = input.shape
        out.recording(n == 3 ? "MaxUnpool3DBackward0" : "MaxUnpool2DBackward0", [input]) { g in
            let go = try g.dense(compute)
            let gi = try Tensor.zeros(inShape, dtype: compute)
            if planes > 0 {
                if compute == .float64 { maxUnpoolBackward(planes: planes, inputPlane: inPlane, outputPlane: outPlane, gradOutput: ptr(go, Double.self), indices: ptr(idx, Int64.self), gradInput: ptr(gi, Double.self)) }
                else { maxUnpoolBackward(planes: planes, inputPlane: inPlane, outputPlane: outPlane, gradOutput: ptr(go, Float.self), indices: ptr(idx, Int64.self), gradInput: ptr(gi, Float.self)) }
            }
            return [gi]
        }
        return out
    }
}
