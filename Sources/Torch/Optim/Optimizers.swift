import Foundation

/// The update rules of `torch.optim` (the single-tensor paths PyTorch takes on the CPU), one
/// parameter at a time, in the parameter's own precision with the same operation order as ATen's
/// kernels: Python scalars are rounded to the dtype first, `add(alpha=)` is one fused multiply-add,
/// `addcmul`/`addcdiv` multiply by the value before the product or quotient.
public enum OptimizerKernels {
    /// `torch.optim.SGD`'s step for one parameter; `buffer` is its momentum buffer.
    public static func sgd(_ p: Tensor, grad: Tensor, buffer: inout Tensor?, lr: Double, momentum: Double, dampening: Double,
                           weightDecay: Double, nesterov: Bool, maximize: Bool) throws {
        let g = try prepared(p, grad)
        try GradMode.withoutGrad {
            func run<T: KFloat>(_: T.Type) throws {
                let n = p.numel
                let pp = ptr(p, T.self), gp = ptr(g, T.self)
                var d = [T](repeating: 0, count: n)
                let wd = T(weightDecay), mom = T(momentum), damp = T(1 - dampening), step = T(-lr)
                for i in 0..<n {
                    var x = maximize ? -gp[i] : gp[i]
                    if weightDecay != 0 { x = x.addingProduct(pp[i], wd) }
                    d[i] = x
                }
                if momentum != 0 {
                    let buf: Tensor
                    if let b = buffer {
                        buf = b
                        let bp = ptr(buf, T.self)
                        for i in 0..<n { bp[i] = (bp[i] * mom).addingProduct(d[i], damp) }
                    } else {
                        buf = try Tensor.zeros(p.shape, dtype: p.dtype)
                        let bp = ptr(buf, T.self)
                        for i in 0..<n { bp[i] = d[i] }
                        buffer = buf
                    }
                    let bp = ptr(buf, T.self)
                    for i in 0..<n { d[i] = nesterov ? d[i].addingProduct(bp[i], mom) : bp[i] }
                }
                for i in 0..<n { pp[i] = pp[i].addingProduct(d[i], step) }
            }
            if p.dtype == .float64 { try run(Double.self) } else { try run(Float.self) }
        }

    }

    /// Adam's per-parameter state: the step count and the two moment estimates.
    public final class AdamState {
        public var step = 0
        public let expAvg: Tensor, expAvgSq: Tensor
        public var maxExpAvgSq: Tensor?
        public init(like p: Tensor) throws {
            expAvg = try Tensor.zeros(p.shape, dtype: p.dtype)
            expAvgSq = try Tensor.zeros(p.shape, dtype: p.dtype)
        }
    }

    /// `torch.optim.Adam` / `AdamW` (`decoupled`) for one parameter.
    public static func adam(_ p: Tensor, grad: Tensor, state: AdamState, lr: Double, beta1: Double, beta2: Double, eps: Double,
                            weightDecay: Double, decoupled: Bool, amsgrad: Bool, maximize: Bool) throws {
        let g = try prepared(p, grad)
        state.step += 1
        let stepCount = Double(state.step)
        if amsgrad && state.maxExpAvgSq == nil { state.maxExpAvgSq = try Tensor.zeros(p.shape, dtype: p.dtype) }
        try GradMode.withoutGrad {
            func run<T: KFloat>(_: T.Type) {
                let n = p.numel
                let pp = ptr(p, T.self), gp = ptr(g, T.self)
                let m = ptr(state.expAvg, T.self), v = ptr(state.expAvgSq, T.self)
                let vmax = state.maxExpAvgSq.map { ptr($0, T.self) }
                let weight = T(1 - beta1), b2 = T(beta2), value2 = T(1 - beta2)
                let biasCorrection1 = 1 - Foundation.pow(beta1, stepCount)
                let biasCorrection2Sqrt = (1 - Foundation.pow(beta2, stepCount)).squareRoot()
                let stepSize = T(-(lr / biasCorrection1)), bc2 = T(biasCorrection2Sqrt), e = T(eps)
                let decay = T(1 - lr * weightDecay), wd = T(weightDecay)
                for i in 0..<n {
                    var x = maximize ? -gp[i] : gp[i]
                    if weightDecay != 0 {
                        if decoupled { pp[i] = pp[i] * decay } else { x = x.addingProduct(pp[i], wd) }
                    }
                    // lerp(m, x, w): ATen's formula for a weight below one half.
                    m[i] = weight < 0.5 ? m[i].addingProduct(weight, x - m[i]) : x - (x - m[i]) * (1 - weight)
                    // mul_(beta2) then addcmul_, whose vector kernel ATen's compiler fuses: fma(value*g, g, v).
                    v[i] = (v[i] * b2).addingProduct(value2 * x, x)
                    var second = v[i]
                    if let vmax { vmax[i] = Swift.max(vmax[i], v[i]); second = vmax[i] }
                    let denom = second.squareRoot() / bc2 + e
                    // addcdiv: self + (value * t1) / t2 (checked element for element against PyTorch
                    // given its denominators; its sqrt is MKL's vsSqrt, not IEEE's, see docs/object-model.md).
                    pp[i] = pp[i] + stepSize * m[i] / denom
                }
            }
            if p.dtype == .float64 { run(Double.self) } else { run(Float.self) }
        }

    }

    /// The state of RMSprop and Adagrad: a running sum or average of squares, and RMSprop's
    /// optional momentum buffer and gradient average (`centered`).
    public final class SquareState {
        public var step = 0
        public let squares: Tensor
        public var momentumBuffer: Tensor?
        public var gradAverage: Tensor?
        public init(like p: Tensor, initial: Double = 0) throws {
            squares = try Tensor.full(p.shape, initial, dtype: p.dtype)
        }
    }

    /// `torch.optim.RMSprop` for one parameter.
    public static func rmsprop(_ p: Tensor, grad: Tensor, state: SquareState, lr: Double, alpha: Double, eps: Double,
                               weightDecay: Double, momentum: Double, centered: Bool, maximize: Bool) throws {
        let g = try prepared(p, grad)
        state.step += 1
        if momentum > 0 && state.momentumBuffer == nil { state.momentumBuffer = try Tensor.zeros(p.shape, dtype: p.dtype) }
        if centered && state.gradAverage == nil { state.gradAverage = try Tensor.zeros(p.shape, dtype: p.dtype) }
        try GradMode.withoutGrad {
            func run<T: KFloat>(_: T.Type) {
                let pp = ptr(p, T.self), gp = ptr(g, T.self), sq = ptr(state.squares, T.self)
                let buf = state.momentumBuffer.map { ptr($0, T.self) }, avgp = state.gradAverage.map { ptr($0, T.self) }
                let a = T(alpha), value = T(1 - alpha), e = T(eps), wd = T(weightDecay), mom = T(momentum), step = T(-lr)
                for i in 0..<p.numel {
                    var x = maximize ? -gp[i] : gp[i]
                    if weightDecay != 0 { x = x.addingProduct(pp[i], wd) }
                    sq[i] = (sq[i] * a).addingProduct(value * x, x)
                    var avg: T
                    if let avgp {
                        avgp[i] = avgp[i].addingProduct(value, x - avgp[i])
                        avg = (sq[i] + T(-1) * avgp[i] * avgp[i]).squareRoot()
                    } else {
                        avg = sq[i].squareRoot()
                    }
                    avg = avg + e
                    if let buf {
                        buf[i] = buf[i] * mom + x / avg
                        pp[i] = pp[i].addingProduct(buf[i], step)
                    } else {
                        pp[i] = pp[i] + step * x / avg
                    }
                }
            }
            if p.dtype == .float64 { run(Double.self) } else { run(Float.self) }
        }
    }

    /// `torch.optim.Adagrad` for one parameter.
    public static func adagrad(_ p: Tensor, grad: Tensor, state: SquareState, lr: Double, lrDecay: Double, eps: Double,
                               weightDecay: Double, maximize: Bool) throws {
        let g = try prepared(p, grad)
        state.step += 1
        let clr = lr / (1 + Double(state.step - 1) * lrDecay)
        try GradMode.withoutGrad {
            func run<T: KFloat>(_: T.Type) {
                let pp = ptr(p, T.self), gp = ptr(g, T.self), sq = ptr(state.squares, T.self)
                let e = T(eps), wd = T(weightDecay), value = T(-clr)
                for i in 0..<p.numel {
                    var x = maximize ? -gp[i] : gp[i]
                    if weightDecay != 0 { x = x.addingProduct(pp[i], wd) }
                    sq[i] = sq[i].addingProduct(x, x)
                    let std = sq[i].squareRoot() + e
                    pp[i] = pp[i] + value * x / std
                }
            }
            if p.dtype == .float64 { run(Double.self) } else { run(Float.self) }
        }
    }

    /// The gradient as a dense tensor of the parameter's dtype and shape; the parameter must be
    /// contiguous (it is updated through its storage).
    private static func prepared(_ p: Tensor, _ grad: Tensor) throws -> Tensor {
        guard p.dtype.isFloatingPoint else { throw TorchError.runtime("nnsh's optimizers update floating-point parameters, not \(p.dtype.description)") }
        guard p.isContiguous else { throw TorchError.runtime("nnsh's optimizers need contiguous parameters") }
        guard grad.shape == p.shape else {
            throw TorchError.runtime("the gradient's shape \(grad.shape) does not match the parameter's \(p.shape)")
        }
        return try grad.dense(p.dtype)
    }
}
