import Foundation

/// The losses of `torch.nn.functional`, each with the autograd node PyTorch records
/// (`NllLossBackward0`, `MseLossBackward0`, …). Sums run in Double and round once to the
/// input's dtype.
public enum Reduction: String, Sendable {
    case none, mean, sum

    public static func named(_ s: String) throws -> Reduction {
        guard let r = Reduction(rawValue: s) else { throw TorchError.value("\(s) is not a valid value for reduction") }
        return r
    }
}

extension Functional {
    /// `F.nll_loss`: input `(C)`, `(N, C)` or `(N, C, d1, …)` of log-probabilities, target of class indices.
    public static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
                               reduction: Reduction = .mean) throws -> Tensor {
        try requireFloat(input, "nll_loss")
        guard target.dtype == .int64 || target.dtype == .uint8 else {
            throw TorchError.runtime("expected target dtype to be Long or Byte, but got \(target.dtype.cppName)")
        }
        guard input.dim >= 1 else { throw TorchError.index("Dimension out of range (expected to be in range of [-1, 0], but got 1)") }
        let batched = input.dim >= 2
        let n = batched ? input.shape[0] : 1, c = batched ? input.shape[1] : input.shape[0]
        let spatialShape = batched ? Array(input.shape.dropFirst(2)) : []
        let s = Shape.elementCount(spatialShape[...])
        let expectedTarget = batched ? [n] + spatialShape : []
        if target.shape != expectedTarget {
            if batched && (target.dim == 0 || target.shape[0] != n) {
                throw TorchError.value("Expected input batch_size (\(n)) to match target batch_size (\(target.dim == 0 ? 0 : target.shape[0])).")
            }
            throw TorchError.runtime("expected target of shape \(expectedTarget) but got \(target.shape)")
        }
        if let weight, weight.numel != c {
            throw TorchError.runtime("weight tensor should be defined either for all \(c) classes or no classes but got weight tensor of shape: [\(weight.shape.map(String.init).joined(separator: ", "))]")
        }
        let t = try target.ints()
        for v in t where Int(v) != ignoreIndex && !(v >= 0 && Int(v) < c) { throw TorchError.index("Target \(v) is out of bounds.") }
        let x = try input.dense(), w = try weight.map { try $0.dense(input.dtype) }
        let dtype = input.dtype, shape = input.shape, count = n * s
        let out = try Tensor.zeros(reduction == .none ? expectedTarget : [], dtype: dtype)
        let totalWeight = try Tensor.zeros([], dtype: dtype)
        // ATen's nll_loss_out_frame, in the input's precision: the per-element losses, or their
        // sum in its eight-level cascade (the order its rounding depends on), and the total weight.
        func forward<T: KFloat>(_: T.Type) {
            let xp = ptr(x, T.self), op = ptr(out, T.self), wp = w.map { ptr($0, T.self) }
            func element(_ k: Int) -> (T, T)? {
                let cls = Int(t[k])
                if cls == ignoreIndex { return nil }
                let i = k / s, j = k % s
                let wv = wp?[cls] ?? 1
                return (-(xp[(i * c + cls) * s + j]) * wv, wv)
            }
            if reduction == .none {
                for k in 0..<count { op[k] = element(k)?.0 ?? 0 }
                return
            }
            let levels = 8, power = Swift.max(4, ceilLog2(count) / levels), mask = (1 << power) - 1
            var lossSums = [T](repeating: 0, count: levels), weightSums = [T](repeating: 0, count: levels)
            var ignored = 0
            for k in 0..<count {
                guard let (l, wv) = element(k) else { ignored += 1; continue }
                lossSums[0] += l
                weightSums[0] += wv
                for j in 0..<(levels - 1) {
                    if k & (mask << (j * power)) != 0 { break }
                    weightSums[j + 1] += weightSums[j]
                    lossSums[j + 1] += lossSums[j]
                    weightSums[j] = 0
                    lossSums[j] = 0
                }
            }
            let total = wp == nil ? T(count - ignored) : weightSums.reduce(0, +)
            var loss = lossSums.reduce(0, +)
            if reduction == .mean { loss = loss / total }
            op[0] = loss
            ptr(totalWeight, T.self)[0] = total
        }
        if dtype == .float64 { forward(Double.self) } else { forward(Float.self) }
        return out.recording("NllLossBackward0", [input]) { g in
            let gd = try g.dense(dtype)
            let grad = try Tensor.zeros(shape, dtype: dtype)
            func backward<T: KFloat>(_: T.Type) {
                let gp = ptr(gd, T.self), out = ptr(grad, T.self), wp = w.map { ptr($0, T.self) }
                let total = ptr(totalWeight, T.self)[0]
                for k in 0..<count {
                    let cls = Int(t[k])
                    if cls == ignoreIndex { continue }
                    let i = k / s, j = k % s
                    let scale: T = reduction == .none ? gp[k] : reduction == .mean ? gp[0] / total : gp[0]
                    out[(i * c + cls) * s + j] = wp.map { $0[cls] * -scale } ?? -scale
                }
            }
            if dtype == .float64 { backward(Double.self) } else { backward(Float.self) }
            return [grad]
        }
    }

    /// `F.cross_entropy` with class-index targets: `nll_loss(log_softmax(input, 1))`.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
                                    reduction: Reduction = .mean, labelSmoothing: Double = 0) throws -> Tensor {
        if !(labelSmoothing >= 0 && labelSmoothing <= 1) {
            throw TorchError.runtime("label_smoothing must be between 0.0 and 1.0. Got: \(pyFloat(labelSmoothing))")
        }
        let classDim = input.dim == 1 ? 0 : 1
        let classes = Double(input.dim == 0 ? 1 : input.shape[classDim])
        let logp = try logSoftmax(input, dim: classDim)
        // Class weights as ATen views them to broadcast against the input: [C], or [1, C, 1, …].
        let weightView: Tensor? = try weight.map { w in
            guard input.dim > 1 else { return w }
            var shape = [Int](repeating: 1, count: input.dim)
            shape[classDim] = w.numel
            return try w.reshape(shape)
        }
        // Class probabilities (ATen's cross_entropy_loss_prob_target).
        if target.dtype.isFloatingPoint && target.shape == input.shape {
            if let weight, weight.dim != 1 || Double(weight.numel) != classes {
                throw TorchError.runtime("cross_entropy: weight tensor should be defined either for all \(Int(classes)) classes or no classes but got weight tensor of shape: \(listText(weight.shape))")
            }
            var t = target
            if labelSmoothing > 0 { t = try (try target * (1 - labelSmoothing)) + labelSmoothing / classes }
            var product = try logp * t
            if let weightView { product = try product * weightView }
            switch reduction {
            case .none: return try (try product.sum(dims: [classDim])).neg()
            case .sum: return try (try product.sum()).neg()
            case .mean:
                // `-(input * target).sum() / (numel / n_classes)`: a division by a number (DivBackward1).
                let total = try (try product.sum()).neg()
                let count = Double(input.numel) / classes
                let out = try GradMode.withoutGrad { try total / count }
                return out.recording("DivBackward1", [total]) { g in [try g / count] }
            }
        }
        let nll = try nllLoss(logp, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
        guard labelSmoothing > 0 else { return nll }
        // ATen's cross_entropy_loss_label_smoothing: (1 - ls) * nll + smooth * (ls / C), where smooth
        // is -sum over classes of (weighted) log p, zero at ignored targets, reduced as nll is: a
        // weighted mean divides by the weights of the kept targets.
        let targets = try target.ints().map(Int.init)
        let keep = targets.map { $0 == ignoreIndex ? 0.0 : 1.0 }
        let mask = try Tensor.from(doubles: keep, shape: target.shape, dtype: input.dtype)
        let weighted = try weightView.map { try logp * $0 } ?? logp
        let smooth = try (try (try weighted.sum(dims: [classDim])).neg()) * mask
        let reduced: Tensor
        switch reduction {
        case .none: reduced = smooth
        case .sum: reduced = try smooth.sum()
        case .mean:
            if let weight {
                let w = try weight.doubles()
                let kept = targets.filter { $0 != ignoreIndex }.map { $0 >= 0 && $0 < w.count ? w[$0] : 0 }
                reduced = try (try smooth.sum()) / (try Tensor.from(doubles: kept, shape: [kept.count], dtype: weight.dtype).sum())
            } else {
                reduced = try (try smooth.sum()) / (try Tensor.from(doubles: [keep.reduce(0, +)], shape: [], dtype: .int64))
            }
        }
        return try (try nll * (1 - labelSmoothing)) + (try reduced * (labelSmoothing / classes))
    }

    /// `F.mse_loss`.
    public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        try elementwiseLoss(.mse, input, target, reduction)
    }

    /// `F.smooth_l1_loss` (Huber with `beta`).
    public static func smoothL1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, beta: Double = 1) throws -> Tensor {
        try elementwiseLoss(.smoothL1(beta: beta), input, target, reduction)
    }

    /// `F.huber_loss`.
    public static func huberLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, delta: Double = 1) throws -> Tensor {
        if delta <= 0 { throw TorchError.runtime("huber_loss does not support non-positive values for delta.") }
        return try elementwiseLoss(.huber(delta: delta), input, target, reduction)
    }

    /// `F.kl_div(input, target)` with `input` log-probabilities: `xlogy(t, t) - t * input` (or
    /// `exp(t) * (t - input)` with `log_target`), then the reduction (`batchmean`: sum / batch).
    public static func klDiv(_ input: Tensor, _ target: Tensor, reduction: String = "mean", logTarget: Bool = false) throws -> Tensor {
        guard ["none", "mean", "sum", "batchmean"].contains(reduction) else { throw TorchError.value("\(reduction) is not a valid value for reduction") }
        let pointwise: Tensor
        if logTarget {
            pointwise = try (try target.exp()) * (try target - input)
        } else {
            // xlogy(t, t): 0 where t == 0.
            let t = try target.dense()
            let xlogx = try t.mapValues { $0 == 0 ? 0 : $0 * Foundation.log($0) }
            pointwise = try xlogx - (try target * input)
        }
        switch reduction {
        case "none": return pointwise
        case "sum": return try pointwise.sum()
        case "batchmean": return try pointwise.sum() / Double(input.dim == 0 ? 1 : input.shape[0])
        default: return try pointwise.mean()
        }
    }

    /// `F.l1_loss`: composed of `abs` and the reduction, as ATen's is.
    public static func l1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        let d = try (try input - target).abs()
        switch reduction {
        case .none: return d
        case .sum: return try d.sum()
        case .mean: return try d.mean()
        }
    }

    /// `F.binary_cross_entropy` on probabilities (logs clamped at -100, as PyTorch's).
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, reduction: Reduction = .mean) throws -> Tensor {
        if input.shape != target.shape {
            throw TorchError.value("Using a target size (\(sizeString(target.shape))) that is different to the input size (\(sizeString(input.shape))) is deprecated. Please ensure they have the same size.")
        }
        if try input.doubles().contains(where: { !($0 >= 0 && $0 <= 1) }) { throw TorchError.runtime("all elements of input should be between 0 and 1") }
        return try elementwiseLoss(.bce, input, target, reduction, weight: weight)
    }

    /// `F.binary_cross_entropy_with_logits` (the log-sum-exp form, stable for any logit).
    public static func binaryCrossEntropyWithLogits(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, posWeight: Tensor? = nil,
                                                    reduction: Reduction = .mean) throws -> Tensor {
        if input.shape != target.shape {
            throw TorchError.value("Target size (\(sizeString(target.shape))) must be the same as input size (\(sizeString(input.shape)))")
        }
        if !target.dtype.isFloatingPoint {
            throw TorchError.runtime("result type \(input.dtype.cppName) can't be cast to the desired output type \(target.dtype.cppName)")
        }
        return try elementwiseLoss(.bceWithLogits, input, target, reduction, weight: weight, posWeight: posWeight)
    }

    private static func sizeString(_ s: [Int]) -> String { "torch.Size([\(s.map(String.init).joined(separator: ", "))])" }

    /// A loss computed per (input, target) pair in the input's precision with ATen's formulas,
    /// then reduced by the same sum and mean as `Tensor.sum()`/`mean()` (ATen's `apply_loss_reduction`).
    /// `posWeight` (BCE with logits only) scales the positive term: ATen's `log_weight = (pos_weight - 1) * target + 1`.
    private static func elementwiseLoss(_ kind: ElementLoss, _ input: Tensor, _ target: Tensor, _ reduction: Reduction,
                                        weight: Tensor? = nil, posWeight: Tensor? = nil) throws -> Tensor {
        try requireFloat(input, kind.node)
        let shape = try Shape.broadcast(input.shape, target.shape)
        // ATen's order: `(pos_weight - 1) * target` broadcasts, then in-place products must keep the loss's shape.
        for (other, first) in [(posWeight, true), (weight, false)] {
            guard let other else { continue }
            let joint = first ? try Shape.broadcast(other.shape, shape) : try Shape.broadcast(shape, other.shape)
            if joint != shape {
                throw TorchError.runtime("output with shape \(listText(shape)) doesn't match the broadcast shape \(listText(joint))")
            }
        }
        let dtype = input.dtype
        let x = try input.expand(shape).dense(dtype), y = try target.expand(shape).dense(dtype)
        let w = try weight.map { try $0.expand(shape).dense(dtype) }
        let pw = try posWeight.map { try $0.expand(shape).dense(dtype) }
        let count = x.numel
        let losses = try Tensor.zeros(shape, dtype: dtype)
        func forward<T: KFloat>(_: T.Type) {
            let xp = ptr(x, T.self), yp = ptr(y, T.self), lp = ptr(losses, T.self)
            let wp = w.map { ptr($0, T.self) }, pp = pw.map { ptr($0, T.self) }
            for i in 0..<count {
                let v = pp.map { kind.value(xp[i], yp[i], posWeight: $0[i]) } ?? kind.value(xp[i], yp[i])
                lp[i] = wp.map { v * $0[i] } ?? v
            }
        }
        if dtype == .float64 { forward(Double.self) } else { forward(Float.self) }
        let out: Tensor = try GradMode.withoutGrad {
            switch reduction {
            case .none: return losses
            case .sum: return try losses.sum()
            case .mean: return try losses.mean()
            }
        }
        let inShape = input.shape, tShape = target.shape, targetNeedsGrad = target.requiresGrad
        return out.recording(kind.node, [input, target]) { g in
            let gExpanded = try g.expand(reduction == .none ? shape : []).expand(shape).dense(dtype)
            let gx = try Tensor.zeros(shape, dtype: dtype), gt = try Tensor.zeros(shape, dtype: dtype)
            func backward<T: KFloat>(_: T.Type) {
                let xp = ptr(x, T.self), yp = ptr(y, T.self), gp = ptr(gExpanded, T.self)
                let gxp = ptr(gx, T.self), gtp = ptr(gt, T.self)
                let wp = w.map { ptr($0, T.self) }, pp = pw.map { ptr($0, T.self) }
                let n = T(count)
                for i in 0..<count {
                    var (a, b) = pp.map { ElementLoss.bceWithLogitsGradients(xp[i], yp[i], gp[i], posWeight: $0[i]) }
                        ?? kind.gradients(xp[i], yp[i], gp[i], mean: reduction == .mean, count: count)
                    if let wp { a = a * wp[i]; b = b * wp[i] }
                    if kind.dividesAfter && reduction == .mean { a = a / n; b = b / n }
                    gxp[i] = a
                    gtp[i] = b
                }
            }
            if dtype == .float64 { backward(Double.self) } else { backward(Float.self) }
            return [try gx.sumTo(inShape), targetNeedsGrad ? try gt.sumTo(tShape) : nil]
        }
    }
}

/// ⌈log2(n)⌉ (0 for n ≤ 1), as `c10::utils::CeilLog2`.
func ceilLog2(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }

/// The element-wise losses: ATen's forward formula and its gradients (input, target).
enum ElementLoss {
    case mse, smoothL1(beta: Double), bce, bceWithLogits, huber(delta: Double)

    var node: String {
        switch self {
        case .mse: return "MseLossBackward0"
        case .smoothL1: return "SmoothL1LossBackward0"
        case .bce: return "BinaryCrossEntropyBackward0"
        case .bceWithLogits: return "BinaryCrossEntropyWithLogitsBackward0"
        case .huber: return "HuberLossBackward0"
        }
    }

    /// The cross-entropy gradients divide by the count last; the others scale by a norm first.
    var dividesAfter: Bool {
        switch self {
        case .bce, .bceWithLogits: return true
        case .mse, .smoothL1, .huber: return false
        }
    }

    func value<T: KFloat>(_ x: T, _ y: T) -> T {
        switch self {
        case .mse:
            let d = x - y
            return d * d
        case .smoothL1(let beta):
            let z = Swift.abs(x - y), b = T(beta)
            return z < b ? T(0.5) * z * z / b : z - T(0.5) * b
        case .huber(let delta):
            let z = Swift.abs(x - y), d = T(delta)
            return z < d ? T(0.5) * z * z : d * (z - T(0.5) * d)
        case .bce:
            return (y - 1) * Swift.max(T.log1p(-x), -100) - y * Swift.max(T.log(x), -100)
        case .bceWithLogits:
            // (1 - y) * x - log_sigmoid(x), log_sigmoid(x) = min(x, 0) - log1p(exp(-|x|)).
            let logSigmoid = Swift.min(x, 0) - T.log1p(T.exp(-Swift.abs(x)))
            return (1 - y) * x - logSigmoid
        }
    }

    /// BCE with logits and `pos_weight` p: `(1 - y) * x - ((p - 1) * y + 1) * log_sigmoid(x)`, in ATen's order.
    func value<T: KFloat>(_ x: T, _ y: T, posWeight p: T) -> T {
        let logSigmoid = Swift.min(x, 0) - T.log1p(T.exp(-Swift.abs(x)))
        let logWeight = (p - 1) * y + 1
        return (1 - y) * x - logSigmoid * logWeight
    }

    /// ATen's `binary_cross_entropy_with_logits_backward` with `pos_weight` (t = p * y):
    /// input `((t + 1 - y) * sigmoid(x) - t) * g`, target `(log_sigmoid(-x) - log_sigmoid(x) * p) * g`.
    static func bceWithLogitsGradients<T: KFloat>(_ x: T, _ y: T, _ g: T, posWeight p: T) -> (T, T) {
        func logSigmoid(_ v: T) -> T { Swift.min(v, 0) - T.log1p(T.exp(-Swift.abs(v))) }
        let sigmoid = 1 / (1 + T.exp(-x)), t = p * y
        return ((((t + 1) - y) * sigmoid - t) * g, (logSigmoid(-x) - logSigmoid(x) * p) * g)
    }

    func gradients<T: KFloat>(_ x: T, _ y: T, _ g: T, mean: Bool, count: Int) -> (T, T) {
        switch self {
        case .mse:
            let norm = T(mean ? 2.0 / Double(count) : 2.0)
            let gi = norm * (x - y) * g
            return (gi, -gi)
        case .smoothL1(let beta):
            let norm = T(mean ? 1.0 / Double(count) : 1.0), b = T(beta), d = x - y
            let gi = d <= -b ? -norm * g : d >= b ? norm * g : norm * d * g / b
            return (gi, -gi)
        case .huber(let delta):
            let norm = T(mean ? 1.0 / Double(count) : 1.0), dl = T(delta), d = x - y
            let gi = d < -dl ? -norm * g * dl : d > dl ? norm * g * dl : norm * d * g
            return (gi, -gi)
        case .bce:
            let gi = g * (x - y) / Swift.max((1 - x) * x, T(1e-12))
            let gt = g * (Swift.max(T.log1p(-x), -100) - Swift.max(T.log(x), -100))
            return (gi, gt)
        case .bceWithLogits:
            let sigmoid = 1 / (1 + T.exp(-x))
            return ((sigmoid - y) * g, -x * g)
        }
    }
}
