// Elementwise activations and their backward formulas. Input and output may be the same buffer.

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

/// y = 1 / (1 + exp(-x)).
@inlinable
public func sigmoidForward<T: KernelFloat>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, count: Int) {
    parallelFor(count: count, minChunk: elementwiseMinChunk / 4) { r in T.sigmoidRange(x, y, r) }
}

/// gradInput = gradOutput * (1 - y) * y, with y the sigmoid output.
@inlinable
public func sigmoidBackward<T: KernelFloat>(gradOutput: UnsafePointer<T>, output: UnsafePointer<T>,
                                            gradInput: UnsafeMutablePointer<T>, count: Int) {
    parallelFor(count: count, minChunk: elementwiseMinChunk) { r in
        for i in r { let y = output[i]; gradInput[i] = gradOutput[i] * ((1 - y) * y) }
    }
}

/// y = tanh(x).
@inlinable
public func tanhForward<T: KernelFloat>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, count: Int) {
    parallelFor(count: count, minChunk: elementwiseMinChunk / 4) { r in T.tanhRange(x, y, r) }
}

/// gradInput = gradOutput * (1 - y²), with y the tanh output.
@inlinable
public func tanhBackward<T: KernelFloat>(gradOutput: UnsafePointer<T>, output: UnsafePointer<T>,
                                         gradInput: UnsafeMutablePointer<T>, count: Int) {
    parallelFor(count: count, minChunk: elementwiseMinChunk) { r in
        for i in r { let y = output[i]; gradInput[i] = gradOutput[i] * (1 - y * y) }
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
