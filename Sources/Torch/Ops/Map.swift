import Kernels

/// Below this many elements an op runs on one core: splitting costs more than it saves.
let parallelThreshold = 1 << 16

/// The loops every elementwise op runs on: one generic pass over contiguous or strided,
/// broadcast operands. Typed per element type, so the closures specialise and inline.

/// Visits two strided tensors of one shape together: `body(offsetA, offsetB, count, strideA, strideB)`
/// is called once per innermost row, so the hot loop is a simple stride walk.
@inline(__always)
func forEachRow(shape: [Int], stridesA: [Int], offsetA: Int, stridesB: [Int], offsetB: Int,
                _ body: (Int, Int, Int, Int, Int) -> Void) {
    let rank = shape.count
    if rank == 0 { body(offsetA, offsetB, 1, 0, 0); return }
    if shape.contains(0) { return }
    let inner = shape[rank - 1], sa = stridesA[rank - 1], sb = stridesB[rank - 1]
    var rows = 1
    for d in 0..<(rank - 1) { rows *= shape[d] }
    var index = [Int](repeating: 0, count: rank)
    var oa = offsetA, ob = offsetB
    for _ in 0..<rows {
        body(oa, ob, inner, sa, sb)
        var d = rank - 2
        while d >= 0 {
            index[d] += 1
            // Wrapping: stepping past the last row along a huge stride (`x[3::2**63-1]`) may leave
            // Int's range before the carry takes it back.
            oa &+= stridesA[d]; ob &+= stridesB[d]
            if index[d] < shape[d] { break }
            oa &-= stridesA[d] &* shape[d]; ob &-= stridesB[d] &* shape[d]
            index[d] = 0
            d -= 1
        }
    }
}

extension Tensor {
    /// Strides that present this tensor broadcast to `shape` (0 along broadcast dims).
    func broadcastStrides(to shape: [Int]) -> [Int] {
        let lead = shape.count - self.shape.count
        return (0..<shape.count).map { d in
            d < lead || self.shape[d - lead] == 1 && shape[d] != 1 ? 0 : strides[d - lead]
        }
    }

    /// Elementwise `f(self)` into a new contiguous tensor of element type `R`.
    func mapUnary<T: Element, R: Element>(_: T.Type, _: R.Type, _ f: (T) -> R) throws -> Tensor {
        let out = try Tensor.zeros(shape, dtype: R.dtype)
        let src = storage.pointer(T.self), dst = out.storage.pointer(R.self)
        if isContiguous {
            let s = src + offset
            parallelFor(count: out.numel, minChunk: parallelThreshold) { r in for i in r { dst[i] = f(s[i]) } }
        } else {
            var i = 0
            forEachRow(shape: shape, stridesA: strides, offsetA: offset, stridesB: strides, offsetB: offset) { o, _, n, st, _ in
                for k in 0..<n { dst[i + k] = f(src[o + k * st]) }
                i += n
            }
        }
        return out
    }

    /// Applies `f` in place to every element (views included).
    func mapInPlace<T: Element>(_: T.Type, _ f: (T) -> T) {
        let p = storage.pointer(T.self)
        if isContiguous {
            let s = p + offset
            for i in 0..<numel { s[i] = f(s[i]) }
        } else {
            forEachRow(shape: shape, stridesA: strides, offsetA: offset, stridesB: strides, offsetB: offset) { o, _, n, st, _ in
                for k in 0..<n { p[o + k * st] = f(p[o + k * st]) }
            }
        }
    }

    /// Elementwise `f(a, b)` with broadcasting; both operands must already hold `T`.
    static func mapBinary<T: Element, R: Element>(_ a: Tensor, _ b: Tensor, _: T.Type, _: R.Type,
                                                  _ f: (T, T) -> R) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let out = try Tensor.zeros(shape, dtype: R.dtype)
        let pa = a.storage.pointer(T.self), pb = b.storage.pointer(T.self), dst = out.storage.pointer(R.self)
        let n = out.numel
        if a.shape == shape && b.shape == shape && a.isContiguous && b.isContiguous {
            let sa = pa + a.offset, sb = pb + b.offset
            parallelFor(count: n, minChunk: parallelThreshold) { r in for i in r { dst[i] = f(sa[i], sb[i]) } }
        } else if a.shape == shape && a.isContiguous && b.numel == 1 {
            let sa = pa + a.offset, v = pb[b.offset]
            parallelFor(count: n, minChunk: parallelThreshold) { r in for i in r { dst[i] = f(sa[i], v) } }
        } else if b.shape == shape && b.isContiguous && a.numel == 1 {
            let sb = pb + b.offset, v = pa[a.offset]
            parallelFor(count: n, minChunk: parallelThreshold) { r in for i in r { dst[i] = f(v, sb[i]) } }
        } else {
            var i = 0
            forEachRow(shape: shape, stridesA: a.broadcastStrides(to: shape), offsetA: a.offset,
                       stridesB: b.broadcastStrides(to: shape), offsetB: b.offset) { oa, ob, cnt, sa, sb in
                for k in 0..<cnt { dst[i + k] = f(pa[oa + k * sa], pb[ob + k * sb]) }
                i += cnt
            }
        }
        return out
    }

    /// `self[...] = f(self[...], other[...])` in place, `other` broadcast to this shape.
    func combineInPlace<T: Element>(_ other: Tensor, _: T.Type, _ f: (T, T) -> T) throws {
        let bshape = try Shape.broadcast(shape, other.shape)
        if bshape != shape {
            throw TorchError.runtime("output with shape \(Shape.describe(shape)) doesn't match the broadcast shape \(Shape.describe(bshape))")
        }
        let p = storage.pointer(T.self), q = other.storage.pointer(T.self)
        forEachRow(shape: shape, stridesA: strides, offsetA: offset,
                   stridesB: other.broadcastStrides(to: shape), offsetB: other.offset) { oa, ob, cnt, sa, sb in
            for k in 0..<cnt { p[oa + k * sa] = f(p[oa + k * sa], q[ob + k * sb]) }
        }
    }

    /// A contiguous copy converted to `dtype` (self when nothing changes and `copy` is false).
    public func to(_ dtype: DType, copy: Bool = false) throws -> Tensor {
        if dtype == self.dtype && !copy { return self }
        let out = try Tensor.zeros(shape, dtype: dtype)
        try out.copyValues(from: self)
        return out
    }

    /// Copies values from `src` (broadcast to this shape), converting dtype; no autograd.
    func copyValues(from src: Tensor) throws {
        let bshape = try Shape.broadcast(shape, src.shape)
        if bshape != shape {
            throw TorchError.runtime("output with shape \(Shape.describe(shape)) doesn't match the broadcast shape \(Shape.describe(bshape))")
        }
        try dtype.dispatch(CopyInto(dst: self, src: src))
    }
}

/// Copies `src` into `dst` converting element types through the closest exact path.
private struct CopyInto: ElementVisitor {
    let dst: Tensor, src: Tensor
    func visit<D: Element>(_: D.Type) throws {
        let p = dst.storage.pointer(D.self)
        let sstr = src.broadcastStrides(to: dst.shape)
        func run<S: Element>(_: S.Type, _ convert: (S) -> D) {
            let q = src.storage.pointer(S.self)
            forEachRow(shape: dst.shape, stridesA: dst.strides, offsetA: dst.offset,
                       stridesB: sstr, offsetB: src.offset) { oa, ob, cnt, sa, sb in
                for k in 0..<cnt { p[oa + k * sa] = convert(q[ob + k * sb]) }
            }
        }
        if src.dtype == D.dtype { run(D.self) { $0 }; return }
        switch (src.dtype, D.dtype) {
        case (.float32, _): run(Float.self) { D(double: Double($0)) }
        case (.float64, _): run(Double.self) { D(double: $0) }
        case (.int64, _): run(Int64.self) { D(int64: $0) }
        case (.int32, _): run(Int32.self) { D(int64: Int64($0)) }
        case (.uint8, _): run(UInt8.self) { D(int64: Int64($0)) }
        case (.bool, _): run(Bool.self) { D(int64: $0 ? 1 : 0) }
        }
    }
}
