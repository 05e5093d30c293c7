import CFastMath
import Foundation
import Kernels

extension Tensor {
    /// Elementwise map over a float tensor in Double arithmetic, rounded to the dtype (no autograd).
    func mapValues(_ f: (Double) -> Double) throws -> Tensor {
        let x = try dense()
        let out = try Tensor.zeros(shape, dtype: dtype)
        let n = numel
        if dtype == .float64 {
            let s = ptr(x, Double.self), d = out.storage.pointer(Double.self)
            for i in 0..<n { d[i] = f(s[i]) }
        } else {
            let s = ptr(x, Float.self), d = out.storage.pointer(Float.self)
            for i in 0..<n { d[i] = Float(f(Double(s[i]))) }
        }
        return out
    }

    /// Elementwise map of two same-shape float tensors (no autograd).
    func zipValues(_ other: Tensor, _ f: (Double, Double) -> Double) throws -> Tensor {
        let x = try dense(), y = try other.dense(dtype)
        let out = try Tensor.zeros(shape, dtype: dtype)
        if dtype == .float64 {
            let a = ptr(x, Double.self), b = ptr(y, Double.self), d = out.storage.pointer(Double.self)
            for i in 0..<numel { d[i] = f(a[i], b[i]) }
        } else {
            let a = ptr(x, Float.self), b = ptr(y, Float.self), d = out.storage.pointer(Float.self)
            for i in 0..<numel { d[i] = Float(f(Double(a[i]), Double(b[i]))) }
        }
        return out
    }
}

extension Functional {
    static func requireFloat(_ x: Tensor, _ kernel: String) throws {
        if !x.dtype.isFloatingPoint {
            throw TorchError("NotImplementedError", "\"\(kernel)\" not implemented for '\(x.dtype.cppName)'")
        }
    }

    /// Writes `result` into `input` for `inplace=True` and returns `input`.
    static func finishInPlace(_ input: Tensor, _ result: Tensor, inplace: Bool) throws -> Tensor {
        guard inplace else { return result }
        try input.checkInPlace()
        try GradMode.withoutGrad { try input.copyValues(from: result) }
        if let fn = result.gradFn, input.requiresGrad || result.requiresGrad { input.gradFn = fn }
        return input
    }

    /// Generic unary activation: forward map, derivative map `(x, y) -> dy/dx`, node name.
    static func activation(_ x: Tensor, name: String, kernel: String, _ f: (Double) -> Double,
                           _ df: @escaping (Double, Double) -> Double) throws -> Tensor {
        try requireFloat(x, kernel)
        let y = try x.mapValues(f)
        let xs = try x.dense()
        y.recording(name, [x]) { g in
            let d = try xs.zipValues(y, df)
            return [try GradMode.withoutGrad { try Tensor.binary(g, d, .mul) }]
        }
        return y
    }

    /// An elementwise op whose forward and backward are computed in the tensor's own dtype, as
    /// ATen's scalar lambdas are (`activation` computes in Double, which rounds twice for float32).
    /// `df(grad, x)` is the input gradient.
    static func typedActivation(_ x: Tensor, name: String, kernel: String,
                                _ f32: @escaping (Float) -> Float, _ f64: @escaping (Double) -> Double,
                                _ df32: @escaping (Float, Float) -> Float, _ df64: @escaping (Double, Double) -> Double) throws -> Tensor {
        try requireFloat(x, kernel)
        let y = try kernelMap(x, { s, d, n in for i in 0..<n { d[i] = f32(s[i]) } }, { s, d, n in for i in 0..<n { d[i] = f64(s[i]) } })
        let xs = try x.dense()
        y.recording(name, [x]) { g in
            [try kernelGrad(g, xs, { g, s, d, n in for i in 0..<n { d[i] = df32(g[i], s[i]) } },
                            { g, s, d, n in for i in 0..<n { d[i] = df64(g[i], s[i]) } })]
        }
        return y
    }

    /// Runs a forward kernel over a contiguous float copy; `kernel` gets (x, y, count).
    static func kernelMap(_ x: Tensor,
                          _ f32: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void,
                          _ f64: (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void) throws -> Tensor {
        let xs = try x.dense()
        let y = try Tensor.uninitialized(x.shape, dtype: xs.dtype)  // the kernel writes every element
        if xs.dtype == .float64 { f64(ptr(xs, Double.self), y.storage.pointer(Double.self), xs.numel) }
        else { f32(ptr(xs, Float.self), y.storage.pointer(Float.self), xs.numel) }
        return y
    }

    /// Runs a backward kernel (gradOutput, saved, gradInput, count) with `g` made dense in the saved tensor's dtype.
    static func kernelGrad(_ g: Tensor, _ saved: Tensor,
                           _ f32: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void,
                           _ f64: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void) throws -> Tensor {
        let gs = try g.dense(saved.dtype), ss = try saved.dense()
        let out = try Tensor.uninitialized(saved.shape, dtype: saved.dtype)  // the kernel writes every element
        if saved.dtype == .float64 { f64(ptr(gs, Double.self), ptr(ss, Double.self), out.storage.pointer(Double.self), out.numel) }
        else { f32(ptr(gs, Float.self), ptr(ss, Float.self), out.storage.pointer(Float.self), out.numel) }
        return out
    }

    public static func relu(_ x: Tensor, inplace: Bool = false) throws -> Tensor {
        if !x.dtype.isFloatingPoint {
            return try finishInPlace(x, try GradMode.withoutGrad { try x.unary(.relu) }, inplace: inplace)
        }
        let y = try kernelMap(x, { reluForward($0, $1, count: $2) }, { reluForward($0, $1, count: $2) })
        y.recording("ReluBackward0", [x]) { g in
            // ReLU's derivative only needs the sign of the output (PyTorch saves the result).
            [try kernelGrad(g, y, { reluBackward(gradOutput: $0, input: $1, gradInput: $2, count: $3) },
                            { reluBackward(gradOutput: $0, input: $1, gradInput: $2, count: $3) })]
        }
        return try finishInPlace(x, y, inplace: inplace)
    }

    public static func leakyRelu(_ x: Tensor, negativeSlope: Double = 0.01, inplace: Bool = false) throws -> Tensor {
        try requireFloat(x, "leaky_relu_cpu")
        let s32 = Float(negativeSlope)
        let y = try kernelMap(x, { leakyReluForward($0, $1, count: $2, slope: s32) },
                              { leakyReluForward($0, $1, count: $2, slope: negativeSlope) })
        let xs = try x.dense()
        y.recording("LeakyReluBackward0", [x]) { g in
            [try kernelGrad(g, xs, { leakyReluBackward(gradOutput: $0, input: $1, gradInput: $2, count: $3, slope: s32) },
                            { leakyReluBackward(gradOutput: $0, input: $1, gradInput: $2, count: $3, slope: negativeSlope) })]
        }
        return try finishInPlace(x, y, inplace: inplace)
    }

    /// ATen's kernels (`Kernels.activationForward`): float32 bit for bit at PyTorch's CPU capability.
    /// `saved` for the backward is the output for sigmoid and tanh, else a copy of the input
    /// (in place, the input's values are about to be replaced by the result).
    static func vectorActivation(_ x: Tensor, _ op: ActivationOp, name: String, kernel: String,
                                 params: [Double] = [], params32: [Float]? = nil, inplace: Bool = false) throws -> Tensor {
        try requireFloat(x, kernel)
        let p32 = params32 ?? params.map { Float($0) }
        let y = try kernelMap(x, { activationForward(op, $0, $1, count: $2, params: p32) },
                              { activationForward(op, $0, $1, count: $2, params: params) })
        let saved: Tensor
        switch op {
        case .sigmoid, .tanh: saved = y
        default: saved = inplace ? try x.clone() : try x.dense()
        }
        y.recording(name, [x]) { g in
            [try kernelGrad(g, saved, { activationBackward(op, gradOutput: $0, saved: $1, gradInput: $2, count: $3, params: p32) },
                            { activationBackward(op, gradOutput: $0, saved: $1, gradInput: $2, count: $3, params: params) })]
        }
        return try finishInPlace(x, y, inplace: inplace)
    }

    /// Integer input runs as float32, like PyTorch's kernel (so `sigmoid(-100.)` is exactly 0 in float32).
    public static func sigmoid(_ x: Tensor) throws -> Tensor {
        try vectorActivation(x.dtype.isFloatingPoint ? x : try x.to(.float32), .sigmoid, name: "SigmoidBackward0", kernel: "sigmoid_cpu")
    }

    /// ATen's `glu`: the first half times the sigmoid of the second (its kernel's `a · (1 / (1 +
    /// exp(−b)))` is the sigmoid kernel's formula), and `glu_backward`: `s · grad` for the first half,
    /// `(1 − s) · s · a · grad` for the second, in that order.
    public static func glu(_ x: Tensor, dim: Int) throws -> Tensor {
        guard x.dim > 0 else { throw TorchError.runtime("glu does not support scalars because halving size must be even") }
        let d = try Shape.wrapDim(dim, x.dim)
        let n = x.shape[d]
        guard n % 2 == 0 else { throw TorchError.runtime("Halving dimension must be even, but dimension \(d) is size \(n)") }
        // TensorIterator runs the kernel over rows: the dims after `dim` coalesce with it, the ones
        // before do not (the halves are strided views), and each row has its own vector/scalar split.
        let rows = x.shape[..<d].reduce(1, *)
        func rowSigmoid(_ b: Tensor) throws -> Tensor {
            guard rows > 1, b.numel > 0 else { return try sigmoid(b) }
            let flat = try b.contiguous().reshape([rows, b.numel / rows])
            return try Tensor.cat((0..<rows).map { try sigmoid(try flat.select(0, $0)) }, dim: 0).reshape(b.shape)
        }
        let (a, b, y) = try GradMode.withoutGrad { () throws -> (Tensor, Tensor, Tensor) in
            let a = try x.narrow(d, 0, n / 2), b = try x.narrow(d, n / 2, n / 2)
            return (a, b, try a * (try rowSigmoid(b)))
        }
        guard Tensor.recordsGrad([x]) else { return y }
        return y.recording("GluBackward0", [x]) { g in
            let s = try GradMode.withoutGrad { try rowSigmoid(b) }
            let second = try (Tensor.wrapped(1) - s) * s * a * g
            return [try Tensor.cat([try s * g, second], dim: d)]
        }
    }

    public static func tanh(_ x: Tensor) throws -> Tensor {
        try vectorActivation(x.dtype.isFloatingPoint ? x : try x.to(.float32), .tanh, name: "TanhBackward0", kernel: "tanh_cpu")
    }

    /// ATen's `elu` kernel: negcoef = alpha · scale (multiplied in the tensor's dtype), poscoef = scale,
    /// negiptcoef = input_scale.
    static func eluFamily(_ x: Tensor, name: String, alpha: Double, scale: Double, inputScale: Double, inplace: Bool) throws -> Tensor {
        try vectorActivation(x, .elu, name: name, kernel: "elu", params: [alpha * scale, scale, inputScale],
                             params32: [Float(alpha) * Float(scale), Float(scale), Float(inputScale)], inplace: inplace)
    }

    public static func elu(_ x: Tensor, alpha: Double = 1.0, inplace: Bool = false) throws -> Tensor {
        try eluFamily(x, name: "EluBackward0", alpha: alpha, scale: 1, inputScale: 1, inplace: inplace)
    }

    /// `approximate` is "none" or "tanh".
    public static func gelu(_ x: Tensor, approximate: String = "none") throws -> Tensor {
        if approximate != "none" && approximate != "tanh" {
            throw TorchError.runtime("approximate argument must be either none or tanh.")
        }
        if approximate == "tanh" {
            let k = (2 / Double.pi).squareRoot()
            return try activation(x, name: "GeluBackward0", kernel: "GeluKernelImpl", { v in
                0.5 * v * (1 + Foundation.tanh(k * (v + 0.044715 * v * v * v)))
            }, { v, _ in
                let inner = k * (v + 0.044715 * v * v * v)
                let t = Foundation.tanh(inner)
                return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * k * (1 + 3 * 0.044715 * v * v)
            })
        }
        return try activation(x, name: "GeluBackward0", kernel: "GeluKernelImpl", { v in
            v * 0.5 * (1 + Foundation.erf(v * 0.7071067811865476))
        }, { v, _ in
            0.5 * (1 + Foundation.erf(v * 0.7071067811865476)) + v * Foundation.exp(-0.5 * v * v) / (2 * Double.pi).squareRoot()
        })
    }

    public static func silu(_ x: Tensor, inplace: Bool = false) throws -> Tensor {
        try vectorActivation(x, .silu, name: "SiluBackward0", kernel: "silu", inplace: inplace)
    }

    public static func softplus(_ x: Tensor, beta: Double = 1.0, threshold: Double = 20.0) throws -> Tensor {
        try vectorActivation(x, .softplus, name: "SoftplusBackward0", kernel: "softplus", params: [beta, threshold])
    }

    public static func hardtanh(_ x: Tensor, minVal: Double = -1.0, maxVal: Double = 1.0, inplace: Bool = false) throws -> Tensor {
        if minVal > maxVal { throw TorchError.value("min_val cannot be greater than max_val") }
        let y = try activation(x, name: "HardtanhBackward0", kernel: "hardtanh", { v in
            v.isNaN ? v : Swift.min(Swift.max(v, minVal), maxVal)
        }, { v, _ in (v <= minVal || v >= maxVal) ? 0 : 1 })
        return try finishInPlace(x, y, inplace: inplace)
    }

    public static func prelu(_ x: Tensor, _ weight: Tensor) throws -> Tensor {
        if weight.dim > 1 {
            throw TorchError.runtime("prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = \(weight.dim)")
        }
        let channels = x.dim >= 2 ? x.shape[1] : 1
        let wn = weight.numel
        if wn != 1 {
            if x.dim == 0 { throw TorchError.runtime("Not allow zero-dim input tensor.") }
            if wn != channels {
                throw TorchError.runtime("Mismatch of parameter numbers and input channel size. Found parameter numbers = \(wn) and channel size = \(channels).")
            }
        }
        if x.dtype != weight.dtype { throw TorchError.runtime("expected scalar type \(x.dtype.cppName) but found \(weight.dtype.cppName)") }
        try requireFloat(x, "prelu_cpu")
        let outer = x.dim >= 2 ? x.shape[0] : 1
        let ch = wn == 1 ? 1 : channels
        // Sizes of an empty input may multiply past Int (a (0, 1, 2**62, 2) view): nothing to compute then.
        let inner = x.numel == 0 ? 0 : wn == 1 ? x.numel : (x.dim > 2 ? Shape.elementCount(x.shape[2...]) : 1)
        let out1 = wn == 1 ? 1 : outer
        let xs = try x.dense(), ws = try weight.dense()
        let y = try Tensor.uninitialized(x.shape, dtype: x.dtype)  // preluForward writes every element
        if y.numel > 0 {
            if x.dtype == .float64 { preluForward(ptr(xs, Double.self), weight: ptr(ws, Double.self), ptr(y, Double.self), outer: out1, channels: ch, inner: inner) }
            else { preluForward(ptr(xs, Float.self), weight: ptr(ws, Float.self), ptr(y, Float.self), outer: out1, channels: ch, inner: inner) }
        }
        let wShape = weight.shape
        y.recording("PreluKernelBackward0", [x, weight]) { g in
            let go = try g.dense(x.dtype)
            let gi = try Tensor.zeros(x.shape, dtype: x.dtype)
            let gw = try Tensor.zeros(wShape, dtype: x.dtype)
            if gi.numel > 0 {
                if x.dtype == .float64 { preluBackward(gradOutput: ptr(go, Double.self), input: ptr(xs, Double.self), weight: ptr(ws, Double.self), gradInput: ptr(gi, Double.self), gradWeight: ptr(gw, Double.self), outer: out1, channels: ch, inner: inner) }
                else { preluBackward(gradOutput: ptr(go, Float.self), input: ptr(xs, Float.self), weight: ptr(ws, Float.self), gradInput: ptr(gi, Float.self), gradWeight: ptr(gw, Float.self), outer: out1, channels: ch, inner: inner) }
            }
            return [gi, gw]
        }
        return y
    }

    public static func rrelu(_ x: Tensor, lower: Double = 1.0 / 8, upper: Double = 1.0 / 3, training: Bool = false,
                             inplace: Bool = false, generator: Generator? = nil) throws -> Tensor {
        try requireFloat(x, "rrelu_with_noise_out_cpu")
        if lower > upper { throw TorchError.runtime("Lower bound should be less than or equal to the upper bound") }
        let y: Tensor
        if training {
            let (out, noise) = try rreluNoise(x, lower: lower, upper: upper, generator: generator)
            y = out
            y.recording("RreluWithNoiseBackward0", [x]) { g in
                [try GradMode.withoutGrad { try Tensor.binary(g, noise, .mul) }]
            }
        } else {
            let slope = (lower + upper) / 2
            // x > 0 ? x : x * slope in the dtype (a float product rounds as the exact double product does).
            let s32 = Float(slope)
            let y0 = try kernelMap(x, { leakyReluForward($0, $1, count: $2, slope: s32) },
                                   { leakyReluForward($0, $1, count: $2, slope: slope) })
            let xs = try x.dense()
            y0.recording("RreluWithNoiseBackward0", [x]) { g in
                [try kernelGrad(g, xs, { leakyReluBackward(gradOutput: $0, input: $1, gradInput: $2, count: $3, slope: s32) },
                                { leakyReluBackward(gradOutput: $0, input: $1, gradInput: $2, count: $3, slope: slope) })]
            }
            y = y0
        }
        return try finishInPlace(x, y, inplace: inplace)
    }

    public static func softmax(_ x: Tensor, dim: Int) throws -> Tensor { try softmaxImpl(x, dim: dim, log: false) }
    public static func logSoftmax(_ x: Tensor, dim: Int) throws -> Tensor { try softmaxImpl(x, dim: dim, log: true) }

    static func softmaxImpl(_ x0: Tensor, dim: Int, log: Bool) throws -> Tensor {
        let d = try Shape.wrapDim(dim, Swift.max(x0.dim, 1))
        try requireFloat(x0, log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl")
        let x = try x0.dense()
        let shape = x0.shape.isEmpty ? [1] : x0.shape
        let y = try Tensor.zeros(x0.shape, dtype: x0.dtype)
        // An empty tensor has nothing to normalise, though its other sizes may multiply to 2^62 rows
        // (`softmax(ones(2**62, 0), 1)` looped over them).
        let empty = y.numel == 0
        let size = shape[d], inner = empty ? 0 : Shape.elementCount(shape[(d + 1)...])
        let outer = empty ? 0 : Shape.elementCount(shape[..<d])
        // ATen's lastdim kernels serve dim == ndim - 1 of a tensor with dims; the others (and 0-d) the
        // strided ones.
        let lastDim = x0.dim > 0 && d == x0.dim - 1
        if x.dtype == .float32 {
            if !empty {
                let xp = ptr(x, Float.self), yp = y.storage.pointer(Float.self)
                if lastDim { nnsh_softmax_lastdim_f32(xp, yp, outer, size, log ? 1 : 0) }
                else { nnsh_softmax_f32(xp, yp, outer, size, inner, log ? 1 : 0) }
            }
        } else {
            let s = ptr(x, Double.self), o = y.storage.pointer(Double.self)
            for a in 0..<outer { for b in 0..<inner {
                let base = a * size * inner + b
                var m = -Double.infinity
                for i in 0..<size { m = Swift.max(m, s[base + i * inner]) }
                var sum: Double = 0
                for i in 0..<size { sum += Foundation.exp(s[base + i * inner] - m) }
                for i in 0..<size {
                    let v = s[base + i * inner] - m
                    o[base + i * inner] = log ? v - Foundation.log(sum) : Foundation.exp(v) / sum
                }
            } }
        }
        y.recording(log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", [x0]) { g in
            try GradMode.withoutGrad {
                if x0.dtype == .float32 {
                    let gd = try g.dense(.float32)
                    let out = try Tensor.zeros(x0.shape, dtype: .float32)
                    if !empty {
                        let gp = ptr(gd, Float.self), yp = ptr(y, Float.self), op = out.storage.pointer(Float.self)
                        if lastDim { nnsh_softmax_backward_lastdim_f32(gp, yp, op, outer, size, log ? 1 : 0) }
                        else { nnsh_softmax_backward_f32(gp, yp, op, outer, size, inner, log ? 1 : 0) }
                    }
                    return [out]
                }
                if log {
                    let sg = try g.sum(dims: [d], keepdim: true)
                    return [try g - (try y.exp()) * sg]
                }
                let sgy = try (g * y).sum(dims: [d], keepdim: true)
                return [try y * (g - sgy)]
            }
        }
        return y
    }

    public static func dropout(_ x: Tensor, p: Double = 0.5, training: Bool = true, inplace: Bool = false,
                               generator: Generator? = nil) throws -> Tensor {
        if p < 0 || p > 1 {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(pyFloat(p))")
        }
        if p == 0 || !training || x.numel == 0 { return x }
        try requireFloat(x, "bernoulli_scalar_cpu_")
        let noise = try Tensor.zeros(x.shape, dtype: x.dtype)
        if p < 1 {
            try bernoulli_(noise, p: 1 - p, generator: generator)
            let scale = 1 / (1 - p)
            if x.dtype == .float64 {
                let q = noise.storage.pointer(Double.self)
                for i in 0..<noise.numel where q[i] != 0 { q[i] = scale }
            } else {
                let q = noise.storage.pointer(Float.self), f = Float(scale)
                for i in 0..<noise.numel where q[i] != 0 { q[i] = f }
            }
        }
        let y = try Tensor.binary(x, noise, .mul)
        return try finishInPlace(x, y, inplace: inplace)
    }
}

/// Python's `repr(float)` for messages.
func pyFloat(_ v: Double) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v < 0 ? "-inf" : "inf" }
    if v == v.rounded() && Swift.abs(v) < 1e16 { return String(format: "%.1f", v) }
    return "\(v)"
}

/// The activations beside the seed's: SELU, CELU, Mish, Threshold, the hard and shrink functions,
/// LogSigmoid; the composites (Softmin, Softsign, Tanhshrink) are built from ops, as PyTorch's are,
/// so they record the same nodes. And feature (channel) dropout.
extension Functional {
    static let seluAlpha = 1.6732632423543772848170429916717, seluScale = 1.0507009873554804934193349852946

    public static func selu(_ x: Tensor, inplace: Bool = false) throws -> Tensor {
        try eluFamily(x, name: "EluBackward0", alpha: seluAlpha, scale: seluScale, inputScale: 1, inplace: inplace)
    }

    public static func celu(_ x: Tensor, alpha: Double = 1, inplace: Bool = false) throws -> Tensor {
        if alpha == 0 { throw TorchError.runtime("ZeroDivisionError") }
        return try eluFamily(x, name: "CeluBackward0", alpha: alpha, scale: 1, inputScale: 1 / alpha, inplace: inplace)
    }

    public static func mish(_ x: Tensor, inplace: Bool = false) throws -> Tensor {
        let y = try activation(x, name: "MishBackward0", kernel: "mish_cpu", { v in v * Foundation.tanh(Foundation.log1p(Foundation.exp(v))) }, { v, _ in
            let t = Foundation.tanh(Foundation.log1p(Foundation.exp(v))), s = 1 / (1 + Foundation.exp(-v))
            return t + v * s * (1 - t * t)
        })
        return try finishInPlace(x, y, inplace: inplace)
    }

    public static func threshold(_ x: Tensor, threshold: Double, value: Double, inplace: Bool = false) throws -> Tensor {
        let y = try activation(x, name: "ThresholdBackward0", kernel: "threshold_cpu", { $0 > threshold || $0.isNaN ? $0 : value },
                               { v, _ in v > threshold ? 1 : 0 })
        return try finishInPlace(x, y, inplace: inplace)
    }

    /// hardsigmoid_kernel: `min(max(x + 3, 0), 6) / 6` in the tensor's dtype; the backward multiplies
    /// by `one_sixth`, which ATen spells `1.0f / 6.0f` (a float constant, also for doubles).
    public static func hardsigmoid(_ x: Tensor, inplace: Bool = false) throws -> Tensor {
        func f<T: BinaryFloatingPoint>(_ v: T) -> T { Swift.min(Swift.max(v + 3, 0), 6) / 6 }
        func df<T: BinaryFloatingPoint>(_ g: T, _ v: T) -> T { v > -3 && v < 3 ? g * T(Float(1) / Float(6)) : 0 }
        let y = try typedActivation(x, name: "HardsigmoidBackward0", kernel: "hardsigmoid_cpu", f, f, df, df)
        return try finishInPlace(x, y, inplace: inplace)
    }

    /// hardswish_kernel: `x · min(max(x + 3, 0), 6) / 6`; its backward `grad · (x / 3 + 0.5)` between
    /// -3 (0 there) and 3 (grad from there on).
    public static func hardswish(_ x: Tensor, inplace: Bool = false) throws -> Tensor {
        func f<T: BinaryFloatingPoint>(_ v: T) -> T { v * Swift.min(Swift.max(v + 3, 0), 6) / 6 }
        func df<T: BinaryFloatingPoint>(_ g: T, _ v: T) -> T { v <= -3 ? 0 : v < 3 ? g * (v / 3 + 0.5) : g }
        let y = try typedActivation(x, name: "HardswishBackward0", kernel: "hardswish_cpu", f, f, df, df)
        return try finishInPlace(x, y, inplace: inplace)
    }

    public static func logSigmoid(_ x: Tensor) throws -> Tensor {
        try activation(x, name: "LogSigmoidBackward0", kernel: "log_sigmoid_cpu",
                       { Swift.min($0, 0) - Foundation.log1p(Foundation.exp(-Swift.abs($0))) },
                       { v, _ in 1 / (1 + Foundation.exp(v)) })
    }

    public static func softshrink(_ x: Tensor, lambd: Double = 0.5) throws -> Tensor {
        if lambd < 0 { throw TorchError.runtime("lambda must be greater or equal to 0, but found to be \(pyFloat(lambd)).") }
        return try activation(x, name: "SoftshrinkBackward0", kernel: "softshrink_cpu",
                              { $0 > lambd ? $0 - lambd : $0 < -lambd ? $0 + lambd : $0 * 0 },  // a * 0: -0 for small negatives, as ATen
                              { v, _ in Swift.abs(v) > lambd ? 1 : 0 })
    }

    public static func hardshrink(_ x: Tensor, lambd: Double = 0.5) throws -> Tensor {
        try activation(x, name: "HardshrinkBackward0", kernel: "hardshrink_cpu", { $0 >= -lambd && $0 <= lambd ? 0 : $0 },
                       { v, _ in v >= -lambd && v <= lambd ? 0 : 1 })
    }

    public static func softmin(_ x: Tensor, dim: Int) throws -> Tensor { try softmax(try x.neg(), dim: dim) }
    public static func softsign(_ x: Tensor) throws -> Tensor { try x / (try (try x.abs()) + 1) }
    public static func tanhshrink(_ x: Tensor) throws -> Tensor { try x - (try x.tanh()) }

    /// `F.dropout2d`/`dropout3d` (ATen's `feature_dropout`): one draw per (sample, channel),
    /// broadcast over the spatial dims.
    public static func featureDropout(_ x: Tensor, p: Double, training: Bool, inplace: Bool, spatial: Int) throws -> Tensor {
        if p < 0 || p > 1 {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(pyFloat(p))")
        }
        if !training || p == 0 || x.numel == 0 { return x }
        // F.dropout1d/2d/3d: 1d takes 2D or 3D input; 2d reads a 3D input as (N, C, L); an unbatched
        // input of 1d (C, L) and 3d (C, D, H, W) gets a batch dim of one.
        if spatial == 1 && x.dim != 2 && x.dim != 3 {
            throw TorchError.runtime("dropout1d: Expected 2D or 3D input, but received a \(x.dim)D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).")
        }
        let batched = spatial == 2 || x.dim != spatial + 1
        let input = batched ? x : try x.unsqueeze(0)
        guard input.dim >= 2 else { throw TorchError.runtime("Feature dropout requires at least 2 dimensions in the input") }
        try requireFloat(input, "bernoulli_scalar_cpu_")
        let noiseShape = [input.shape[0], input.shape[1]] + Array(repeating: 1, count: input.dim - 2)
        let noise = try Tensor.zeros(noiseShape, dtype: input.dtype)
        if p < 1 {
            try bernoulli_(noise, p: 1 - p)
            try GradMode.withoutGrad { try noise.copyValues(from: try noise / (1 - p)) }
        }
        var y = try Tensor.binary(input, noise, .mul)
        if !batched { y = try y.squeeze(0) }
        return try finishInPlace(x, y, inplace: inplace)
    }

    /// `F.embedding`: rows of `weight` by index; the gradient adds into those rows (none for
    /// `padding_idx`'s).
    public static func embedding(_ indices: Tensor, _ weight: Tensor, paddingIndex: Int? = nil) throws -> Tensor {
        guard indices.dtype == .int64 || indices.dtype == .int32 else {
            throw TorchError.runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.\(indices.dtype.cppName)Tensor instead (while checking arguments for embedding)")
        }
        guard weight.dim == 2 else { throw TorchError.runtime("'weight' must be 2-D") }
        let rows = weight.shape[0], width = weight.shape[1]
        let idx = try indices.ints()
        for i in idx where i < 0 || Int(i) >= rows { throw TorchError.index("index out of range in self") }
        let w = try weight.dense()
        let y = try Tensor.zeros(indices.shape + [width], dtype: weight.dtype)
        func gather<T: KFloat>(_: T.Type) {
            let wp = ptr(w, T.self), yp = y.storage.pointer(T.self)
            for (k, i) in idx.enumerated() { for c in 0..<width { yp[k * width + c] = wp[Int(i) * width + c] } }
        }
        if weight.dtype == .float64 { gather(Double.self) } else { gather(Float.self) }
        let shape = weight.shape, dtype = weight.dtype
        y.recording("EmbeddingBackward0", [weight]) { g in
            let gd = try g.dense(dtype)
            let gw = try Tensor.zeros(shape, dtype: dtype)
            func scatter<T: KFloat>(_: T.Type) {
                let gp = ptr(gd, T.self), op = gw.storage.pointer(T.self)
                for (k, i) in idx.enumerated() where Int(i) != paddingIndex {
                    for c in 0..<width { op[Int(i) * width + c] += gp[k * width + c] }
                }
            }
            if dtype == .float64 { scatter(Double.self) } else { scatter(Float.self) }
            return [gw]
        }
        return y
    }
}
