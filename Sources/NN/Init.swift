import Foundation
import Torch

/// `torch.nn.init`, in PyTorch's double arithmetic and draw order (see shared/specs/RNG.md §9).
public enum Init {
    public static func calculateFanInAndFanOut(_ t: Tensor) throws -> (Int, Int) {
        if t.dim < 2 {
            throw TorchError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        // Python ints in PyTorch; a tensor's sizes can multiply past 64 bits only with a 0-size dim.
        var rf = 1, overflow = false
        for s in t.shape.dropFirst(2) { (rf, overflow) = rf.multipliedReportingOverflow(by: s); if overflow { break } }
        let fanIn = t.shape[1].multipliedReportingOverflow(by: rf), fanOut = t.shape[0].multipliedReportingOverflow(by: rf)
        if overflow || fanIn.overflow || fanOut.overflow {
            throw TorchError("OverflowError", "fan in and fan out do not fit in 64 bits (nnsh integers are 64-bit)")
        }
        return (fanIn.partialValue, fanOut.partialValue)
    }

    /// `calculate_gain(nonlinearity, param)`; `param` nil means None.
    public static func calculateGain(_ nonlinearity: String, param: Double? = nil) throws -> Double {
        switch nonlinearity {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid":
            return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let slope = param ?? 0.01
            return (2.0 / (1 + Foundation.pow(slope, 2.0))).squareRoot()
        case "selu": return 3.0 / 4
        default: throw TorchError.value("Unsupported nonlinearity \(nonlinearity)")
        }
    }

    static func fan(_ t: Tensor, _ mode: String) throws -> Int {
        guard mode == "fan_in" || mode == "fan_out" else {
            throw TorchError.value("Mode \(mode) not supported, please use one of ['fan_in', 'fan_out']")
        }
        let (i, o) = try calculateFanInAndFanOut(t)
        return mode == "fan_in" ? i : o
    }

    public static func uniform_(_ t: Tensor, a: Double = 0, b: Double = 1, generator: Generator? = nil) throws {
        try Torch.uniform_(t, from: a, to: b, generator: generator)
    }

    public static func normal_(_ t: Tensor, mean: Double = 0, std: Double = 1, generator: Generator? = nil) throws {
        try Torch.normal_(t, mean: mean, std: std, generator: generator)
    }

    public static func constant_(_ t: Tensor, _ value: Double) throws { try t.fill(value) }
    public static func zeros_(_ t: Tensor) throws { try t.fill(0) }
    public static func ones_(_ t: Tensor) throws { try t.fill(1) }

    public static func eye_(_ t: Tensor) throws {
        if t.dim != 2 { throw TorchError.value("Only tensors with 2 dimensions are supported") }
        try t.copy_(Tensor.eye(t.shape[0], t.shape[1], dtype: t.dtype))
    }

    /// `nn.init.dirac_`, following PyTorch's Python loop: zero the tensor, then write 1 at
    /// `[g * out_per_group + d, d, size(2) // 2, ...]`, where an empty spatial dim is Python's IndexError
    /// and `groups` ≤ 0 writes nothing (`range(groups)` is empty; 0 is a ZeroDivisionError first).
    public static func dirac_(_ t: Tensor, groups: Int = 1) throws {
        let d = t.dim
        if ![3, 4, 5].contains(d) { throw TorchError.value("Only tensors with 3, 4, or 5 dimensions are supported") }
        let sizes = t.shape
        if groups == 0 { throw TorchError("ZeroDivisionError", "integer modulo by zero") }
        if sizes[0] % groups != 0 { throw TorchError.value("dim 0 must be divisible by groups") }
        let outPerGroup = sizes[0] / groups
        let minDim = min(outPerGroup, sizes[1])
        try t.fill(0)
        guard groups > 0, minDim > 0 else { return }
        let centre = sizes.dropFirst(2).map { $0 / 2 }
        if let e = sizes.indices.dropFirst(2).first(where: { sizes[$0] == 0 }) {
            throw TorchError.index("index 0 is out of bounds for dimension \(e) with size 0")
        }
        // Every size is now positive and every index below its size, so the offsets address the tensor's memory.
        for g in 0..<groups {
            for dd in 0..<minDim {
                let idx = [g * outPerGroup + dd, dd] + centre
                t.setFlat(t.storageOffset(of: idx), 1)
            }
        }
    }

    public static func xavierUniform_(_ t: Tensor, gain: Double = 1, generator: Generator? = nil) throws {
        let (fi, fo) = try calculateFanInAndFanOut(t)
        let std = gain * (2.0 / Double(fi + fo)).squareRoot()
        let a = 3.0.squareRoot() * std
        try uniform_(t, a: -a, b: a, generator: generator)
    }

    public static func xavierNormal_(_ t: Tensor, gain: Double = 1, generator: Generator? = nil) throws {
        let (fi, fo) = try calculateFanInAndFanOut(t)
        let std = gain * (2.0 / Double(fi + fo)).squareRoot()
        try normal_(t, mean: 0, std: std, generator: generator)
    }

    public static func kaimingUniform_(_ t: Tensor, a: Double = 0, mode: String = "fan_in",
                                       nonlinearity: String = "leaky_relu", generator: Generator? = nil) throws {
        if t.shape.contains(0) { return }  // PyTorch warns "Initializing zero-element tensors is a no-op"
        let f = try fan(t, mode)
        let gain = try calculateGain(nonlinearity, param: a)
        let std = gain / Double(f).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform_(t, a: -bound, b: bound, generator: generator)
    }

    public static func kaimingNormal_(_ t: Tensor, a: Double = 0, mode: String = "fan_in",
                                      nonlinearity: String = "leaky_relu", generator: Generator? = nil) throws {
        if t.shape.contains(0) { return }
        let f = try fan(t, mode)
        let gain = try calculateGain(nonlinearity, param: a)
        let std = gain / Double(f).squareRoot()
        try normal_(t, mean: 0, std: std, generator: generator)
    }

    /// Linear/Conv `reset_parameters`: kaiming_uniform_(w, a=sqrt(5)), then bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
    static func resetLinearLike(weight: Tensor, bias: Tensor?) throws {
        try kaimingUniform_(weight, a: 5.0.squareRoot())
        if let bias {
            let (fi, _) = try calculateFanInAndFanOut(weight)
            let bound = fi > 0 ? 1 / Double(fi).squareRoot() : 0
            try uniform_(bias, a: -bound, b: bound)
        }
    }
}
