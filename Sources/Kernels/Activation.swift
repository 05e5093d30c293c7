// Elementwise activations and their backward formulas. Input and output may be the same buffer.

import CFastMath

@usableFromInline let elementwiseMinChunk = 32768

/// y = x < 0 ? 0 : x  (NaN propagates, like torch.relu).
@inlinable
public func reluForward<T: KernelFloat>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, count: Int) {
    parallelFor(count: count, minChunk: elementwiseMinChunk) { r in
        for i in r { let v = x[i]; y[i] = v < 0 ? 0 : v }
    }
}

/// gradInput = input > 0 ? gradOutput : 0.
@inlinable
public func reluBackward<T: KernelFloat>(gradOutput: UnsafePointer<T>, input: UnsafePointer<T>,
                                         gradInput: UnsafeMutablePointer<T>, count: Int) {
    parallelFor(count: count, minChunk: elementwiseMinChunk) { r in
        for i in r { let g = gradOutput[i], v = input[i]; gradInput[i] = v > 0 ? g : 0 }
    }
}

/// y = x > 0 ? x : x * slope.
@inlinable
public func leakyReluForward<T: KernelFloat>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, count: Int, slope: T) {
    parallelFor(count: count, minChunk: elementwiseMinChunk) { r in
        for i in r { let v = x[i]; y[i] = v > 0 ? v : v * slope }
    }
}

/// gradInput = input > 0 ? gradOutput : gradOutput * slope.
@inlinable
public func leakyReluBackward<T: KernelFloat>(gradOutput: UnsafePointer<T>, input: UnsafePointer<T>,
                                              gradInput: UnsafeMutablePointer<T>, count: Int, slope: T) {
    parallelFor(count: count, minChunk: elementwiseMinChunk) { r in
        for i in r { let g = gradOutput[i]; gradInput[i] = input[i] > 0 ? g : g * slope }
    }
}

/// The activations whose float32 kernels follow ATen's vector and scalar paths bit for bit
/// (CFastMath/vecmath.c); raw values are the C side's `NNSH_OP_*`.
public enum ActivationOp: Int32, Sendable {
    case sigmoid = 0, tanh = 1, silu = 2, softplus = 3, elu = 4
}

/// The vector code path PyTorch's DispatchStub picks on this CPU, which nnsh follows where results
/// depend on it (vector width of reductions, where scalar tails start, fused multiply-adds).
public enum KernelCapability: String, Sendable {
    case `default` = "DEFAULT", avx2 = "AVX2", avx512 = "AVX512"
}

/// Detected once (`ATEN_CPU_CAPABILITY=default|avx2|avx512` lowers it, as it does PyTorch's).
public var kernelCapability: KernelCapability {
    switch nnsh_cpu_capability() {
    case 2: return .avx512
    case 1: return .avx2
    default: return .default
    }
}

/// Tests: run the kernels as at `level` (never above what the CPU has; nil: back to detection).
/// Returns the capability now in use.
@discardableResult
public func overrideKernelCapability(_ level: KernelCapability?) -> KernelCapability {
    let code: Int32 = switch level { case nil: -1; case .default?: 0; case .avx2?: 1; case .avx512?: 2 }
    _ = nnsh_set_cpu_capability(code)
    return kernelCapability
}

/// y = op(x) as ATen's `cpu_kernel_vec` computes it over a contiguous array: 2 × lanes elements per
/// vector step, the remainder through the scalar formula. The split is fixed by the whole count
/// (PyTorch with one thread), not by how nnsh's threads divide the work.
/// `params`: softplus [beta, threshold]; elu [negcoef, poscoef, negiptcoef].
@inlinable
public func activationForward<T: KernelFloat>(_ op: ActivationOp, _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>,
                                              count: Int, params: [T] = []) {
    let scalarFrom = nnsh_elementwise_scalar_from(count)
    let p = params + [0, 0, 0]
    p.withUnsafeBufferPointer { pp in
        let base = pp.baseAddress!
        parallelFor(count: count, minChunk: elementwiseMinChunk / 4) { r in
            T.activationRange(op, x, y, r, scalarFrom: scalarFrom, params: base)
        }
    }
}

/// The gradient of `activationForward`: `saved` is the output for sigmoid and tanh, the input otherwise.
@inlinable
public func activationBackward<T: KernelFloat>(_ op: ActivationOp, gradOutput: UnsafePointer<T>, saved: UnsafePointer<T>,
                                               gradInput: UnsafeMutablePointer<T>, count: Int, params: [T] = []) {
    let scalarFrom = nnsh_elementwise_scalar_from(count)
    let p = params + [0, 0, 0]
    p.withUnsafeBufferPointer { pp in
        let base = pp.baseAddress!
        parallelFor(count: count, minChunk: elementwiseMinChunk / 4) { r in
            T.activationBackwardRange(op, grad: gradOutput, saved: saved, gradInput, r, scalarFrom: scalarFrom, params: base)
        }
    }
}

/// PReLU over `x[outer, channels, inner]` with `weight[channels]`: y = x > 0 ? x : weight[c] * x.
/// A single shared weight: pass `channels: 1, inner: C * spatial`.
@inlinable
public func preluForward<T: KernelFloat>(_ x: UnsafePointer<T>, weight: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>,
                                         outer: Int, channels: Int, inner: Int) {
    let total = outer * channels * inner
    if inner == 0 { return }
    // Split the flat range (not rows): a single shared weight is one row of every element.
    parallelFor(count: total, minChunk: elementwiseMinChunk) { r in
        var i = r.lowerBound
        while i < r.upperBound {
            let row = i / inner
            let end = min(r.upperBound, (row + 1) * inner)
            let w = weight[row % channels]
            for j in i..<end { let v = x[j]; y[j] = v > 0 ? v : w * v }
            i = end
        }
    }
}

/// PReLU backward: gradInput = x > 0 ? g : weight[c] * g (overwritten);
/// gradWeight[c] = Σ over outer, inner of (x > 0 ? 0 : x * g) (overwritten).
@inlinable
public func preluBackward<T: KernelFloat>(gradOutput: UnsafePointer<T>, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                          gradInput: UnsafeMutablePointer<T>, gradWeight: UnsafeMutablePointer<T>,
                                          outer: Int, channels: Int, inner: Int) {
    let rows = outer * channels
    let partial = UnsafeMutablePointer<T>.allocate(capacity: max(rows, 1))
    defer { partial.deallocate() }
    parallelFor(count: rows, minChunk: max(1, elementwiseMinChunk / max(inner, 1))) { r in
        for row in r {
            let w = weight[row % channels]
            let xs = input + row * inner, gs = gradOutput + row * inner, gi = gradInput + row * inner
            var acc: T = 0
            for i in 0..<inner {
                let v = xs[i], g = gs[i]
                let pos = v > 0
                gi[i] = pos ? g : w * g
                acc += pos ? 0 : v * g
            }
            partial[row] = acc
        }
    }
    for c in 0..<channels {
        var s: T = 0
        for n in 0..<outer { s += partial[n * channels + c] }
        gradWeight[c] = s
    }
}
