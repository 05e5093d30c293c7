/// Shape operations that return views sharing storage (and the copies `reshape` falls back to).
/// Each records a gradient rule: the gradient of a view is scattered back through the same view
/// of a zero tensor shaped like the input.

/// One item of a subscript: `x[0, 1:3, None, ...]`.
public enum IndexItem {
    case int(Int)
    case slice(Int?, Int?, Int?)
    case none
    case ellipsis
    case tensor(Tensor)
}

extension Tensor {
    /// Records a view op whose gradient is "write g into the same view of zeros(input.shape)".
    func recordingView(_ name: String, _ input: Tensor, _ makeView: @escaping (Tensor) throws -> Tensor) -> Tensor {
        let inShape = input.shape, inType = input.dtype
        return recording(name, [input]) { g in
            let z = try Tensor.zeros(inShape, dtype: inType == g.dtype ? inType : g.dtype)
            try makeView(z).copyValues(from: g)
            return [z]
        }
    }

    /// Resolves one `-1` in a requested shape, with PyTorch's messages (`infer_size`).
    func inferShape(_ requested: [Int]) throws -> [Int] {
        _ = try Shape.checkedProduct(shape)   // an empty tensor's huge dims (PyTorch's numel overflow)
        var out = requested, inferred: Int?
        // `infer_size_impl`: the known sizes multiply in wrapping int64, so an empty target with huge
        // sizes (`flatten(2)` of a (2**63-1, 2, 0, 5) tensor) matches 0 elements as in PyTorch; a
        // target whose sizes truly overflow is then refused by the view's own numel check.
        var known = 1
        for (i, s) in requested.enumerated() {
            if s == -1 {
                if inferred != nil { throw TorchError.runtime("only one dimension can be inferred") }
                inferred = i
            } else if s < 0 {
                throw TorchError.runtime("invalid shape dimension \(s) at index \(i) of shape \(Shape.describe(requested))")
            } else {
                known = known &* s
            }
        }
        guard numel == known || (inferred != nil && known > 0 && numel % known == 0) else {
            throw TorchError.runtime("shape '\(Shape.describe(requested))' is invalid for input of size \(numel)")
        }
        if let i = inferred {
            if known == 0 {
                throw TorchError.runtime("cannot reshape tensor of 0 elements into shape \(Shape.describe(requested)) because the unspecified dimension size -1 can be any value and is ambiguous")
            }
            out[i] = numel / known
        }
        return out
    }

    /// Strides for viewing this tensor as `newShape` without copying, or nil (`computeStride`).
    func viewStrides(_ newShape: [Int]) -> [Int]? {
        if numel == 0 || shape.isEmpty { return Shape.contiguousStrides(newShape) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewD = newShape.count - 1
        var chunkBaseStride = strides.last ?? 1
        var tensorNumel = 1, viewNumel = 1
        var tensorD = shape.count - 1
        while tensorD >= 0 {
            tensorNumel *= shape[tensorD]
            if tensorD == 0 || (shape[tensorD - 1] != 1 && strides[tensorD - 1] != tensorNumel * chunkBaseStride) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBaseStride
                    viewNumel *= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if tensorD > 0 {
                    chunkBaseStride = strides[tensorD - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
            tensorD -= 1
        }
        return viewD == -1 ? newStrides : nil
    }

    public func view(_ requested: [Int]) throws -> Tensor {
        let newShape = try inferShape(requested)
        guard let st = viewStrides(newShape) else {
            throw TorchError.runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return try makeView(shape: newShape, strides: st, offset: offset)
            .recordingView("ViewBackward0", self) { try $0.view(newShape) }
    }

    public func reshape(_ requested: [Int]) throws -> Tensor {
        let newShape = try inferShape(requested)
        if viewStrides(newShape) != nil { return try view(newShape) }
        let copy = try GradMode.withoutGrad { try contiguous() }
        let out = try copy.makeView(shape: newShape, strides: Shape.contiguousStrides(newShape), offset: 0)
        out.base = nil
        let inShape = shape
        return out.recording("UnsafeViewBackward0", [self]) { g in [try g.reshape(inShape)] }
    }

    /// A contiguous tensor with the same values (self when already contiguous).
    public func contiguous() throws -> Tensor {
        if isContiguous { return self }
        let out = try to(dtype, copy: true)
        return out.recording("CloneBackward0", [self]) { g in [g] }
    }

    public func clone() throws -> Tensor {
        let out = try to(dtype, copy: true)
        return out.recording("CloneBackward0", [self]) { g in [g] }
    }

    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if dim == 0 { return try reshape([1]) }
        let s = try Shape.wrapDim(startDim, dim), e = try Shape.wrapDim(endDim, dim)
        if s > e { throw TorchError.runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        let merged = try Shape.checkedProduct(shape[s...e])
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    public func permute(_ dims: [Int]) throws -> Tensor {
        guard dims.count == dim else {
            throw TorchError.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(dims.count)")
        }
        let wrapped = try dims.map { try Shape.wrapDim($0, dim) }
        if Set(wrapped).count != dim { throw TorchError.runtime("permute(): duplicate dims are not allowed.") }
        let out = try makeView(shape: wrapped.map { shape[$0] }, strides: wrapped.map { strides[$0] }, offset: offset)
        return out.recordingView("PermuteBackward0", self) { try $0.permute(wrapped) }
    }

    public func transpose(_ d0: Int, _ d1: Int, name: String = "TransposeBackward0") throws -> Tensor {
        let a = try Shape.wrapDim(d0, dim), b = try Shape.wrapDim(d1, dim)
        var sh = shape, st = strides
        if dim > 0 { sh.swapAt(a, b); st.swapAt(a, b) }
        return try makeView(shape: sh, strides: st, offset: offset)
            .recordingView(name, self) { try $0.transpose(a, b) }
    }

    /// `t()`: 2-d transpose (0-d and 1-d unchanged).
    public func t() throws -> Tensor {
        guard dim <= 2 else { throw TorchError.runtime("t() expects a tensor with <= 2 dimensions, but self is \(dim)D") }
        return dim < 2 ? try transpose(0, 0, name: "TBackward0") : try transpose(0, 1, name: "TBackward0")
    }

    public func unsqueeze(_ d: Int) throws -> Tensor {
        let at = try Shape.wrapDim(d, dim + 1)
        var sh = shape, st = strides
        // Wrapping, as in PyTorch's int64: the stride of a size-1 dim is never used to step.
        let newStride = at < dim ? shape[at] &* strides[at] : 1
        sh.insert(1, at: at)
        st.insert(newStride, at: at)
        return try makeView(shape: sh, strides: st, offset: offset)
            .recordingView("UnsqueezeBackward0", self) { try $0.unsqueeze(at) }
    }

    public func squeeze(_ d: Int? = nil) throws -> Tensor {
        var keep = Array(0..<dim)
        var name = "SqueezeBackward0"
        if let d {
            let at = try Shape.wrapDim(d, dim)
            if dim > 0 && shape[at] == 1 { keep.remove(at: at) }
            name = "SqueezeBackward1"
        } else {
            keep = keep.filter { shape[$0] != 1 }
        }
        let out = try makeView(shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }, offset: offset)
        let inShape = shape
        return out.recording(name, [self]) { g in [try g.reshape(inShape)] }
    }

    public func expand(_ sizes: [Int]) throws -> Tensor {
        guard sizes.count >= dim else {
            throw TorchError.runtime("expand(torch.FloatTensor{\(Shape.describe(shape))}, size=\(Shape.describe(sizes))): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        // PyTorch's `inferExpandGeometry`: from the last dim back, so a leading dim's stride is the next
        // dim's extent (`expand(1, 3)` of a (3,) tensor has strides (3, 1)); only -1 is refused in a
        // leading dim, and other negative sizes fall to the numel check (`numel: integer multiplication overflow`).
        let n = sizes.count, lead = n - dim
        var sh = sizes, st = [Int](repeating: 0, count: n)
        if dim > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                let d = i - lead
                var size = d >= 0 ? shape[d] : 1
                var step = d >= 0 ? strides[d] : (i + 1 < n ? sh[i + 1] &* st[i + 1] : 1)
                var target = sizes[i]
                if target == -1 {
                    guard d >= 0 else {
                        throw TorchError.runtime("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension \(i)")
                    }
                    target = size
                }
                if size != target {
                    guard size == 1 else {
                        throw TorchError.runtime("The expanded size of the tensor (\(target)) must match the existing size (\(size)) at non-singleton dimension \(i).  Target sizes: \(Shape.describe(sizes)).  Tensor sizes: \(Shape.describe(shape))")
                    }
                    (size, step) = (target, 0)
                }
                (sh[i], st[i]) = (size, step)
            }
        }
        _ = try Shape.checkedProduct(sh)
        // A negative size the product lets through (`expand(-2, 0)`) PyTorch keeps; nnsh refuses it, since
        // every loop over a tensor assumes sizes ≥ 0.
        if let s = sh.first(where: { $0 < 0 }) {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(s): \(Shape.describe(sh))")
        }
        let out = try makeView(shape: sh, strides: st, offset: offset)
        let inShape = shape
        return out.recording("ExpandBackward0", [self]) { g in [try g.sumTo(inShape)] }
    }

    /// The storage offset of element `index` along a dimension of stride `stride`, in PyTorch's
    /// wrapping int64 arithmetic: it only leaves the storage for an empty tensor with huge dims
    /// (`torch.cat([torch.randn(10**9, 0, 2**32+1, 3)] * 2)[10**9]`), where PyTorch rejects a
    /// negative result and keeps a wrapped positive one.
    func viewOffset(_ index: Int, _ stride: Int) throws -> Int {
        let o = offset &+ index &* stride
        if o < 0 { throw TorchError.runtime("Tensor: invalid storage offset \(o)") }
        return o
    }

    /// `x[i]` along dimension `d`. Indexing passes the item's position in the index tuple as
    /// `reportedDim`, the dimension PyTorch's `applySelect` names (`x[0, 5]` of a (2, 3) tensor: "dimension 1").
    public func select(_ d: Int, _ i: Int, reportedDim: Int? = nil) throws -> Tensor {
        guard dim > 0 else { throw TorchError.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number") }
        let at = try Shape.wrapDim(d, dim)
        let size = shape[at]
        guard i >= -size && i < size else {
            throw TorchError.index("index \(i) is out of bounds for dimension \(reportedDim ?? at) with size \(size)")
        }
        let idx = i < 0 ? i + size : i
        var sh = shape, st = strides
        sh.remove(at: at); st.remove(at: at)
        return try makeView(shape: sh, strides: st, offset: try viewOffset(idx, strides[at]))
            .recordingView("SelectBackward0", self) { try $0.select(at, idx) }
    }

    /// `x.index_select(dim, index)`, with the checks and messages of PyTorch's CPU kernel: the index is
    /// a vector of int32/int64 with no negative entries; dim 1 of a matrix-or-more (and any dim of an
    /// empty tensor) is checked by its fast path ("INDICES element is out of DATA bounds").
    public func indexSelect(_ d: Int, _ index: Tensor) throws -> Tensor {
        let at = try Shape.wrapDim(d, dim)
        guard index.dim <= 1 else { throw TorchError.index("index_select(): Index is supposed to be a vector") }
        if dim == 0 && index.numel != 1 {
            throw TorchError.runtime("index_select(): Index to scalar can have only 1 value, got \(index.numel) value(s)")
        }
        guard index.dtype == .int64 || index.dtype == .int32 else {
            throw TorchError.runtime("index_select(): Expected dtype int32 or int64 for index")
        }
        let size = dim == 0 ? 1 : shape[at]
        let picks = try index.ints().map { Int($0) }
        if dim > 1 && !picks.isEmpty && (numel == 0 || at == 1) {
            if numel == 0 && size == 0 { throw TorchError.runtime("index_select(): self indexing axis dim should be positive") }
            if let bad = picks.first(where: { $0 < 0 || $0 >= size }) {
                throw TorchError.runtime("INDICES element is out of DATA bounds, id=\(bad) axis_dim=\(size)")
            }
        }
        if picks.contains(where: { $0 < 0 || $0 >= size }) { throw TorchError.index("index out of range in self") }
        let vector = try index.reshape([picks.count])
        if dim == 0 { return try reshape([1]).indexSelectAdvanced(0, vector, gradName: "IndexSelectBackward0").reshape([]) }
        return try indexSelectAdvanced(at, vector, gradName: "IndexSelectBackward0")
    }

    /// `x[start:stop:step]` along dimension `d`, with Python's clamping of bounds.
    public func slice(_ d: Int, _ start: Int?, _ stop: Int?, _ step: Int?) throws -> Tensor {
        let at = try Shape.wrapDim(d, dim)
        let size = shape[at]
        let st = step ?? 1
        if st <= 0 { throw TorchError.value("step must be greater than zero") }
        func clamp(_ v: Int?, _ def: Int) -> Int {
            guard var v else { return def }
            if v < 0 { v += size }
            return Swift.min(Swift.max(v, 0), size)
        }
        let lo = clamp(start, 0), hi = Swift.max(clamp(stop, size), lo)
        // PyTorch's round-up `(len + step - 1) / step` in wrapping int64: a step near 2^63 over two or
        // more elements wraps it to -1, which the storage check below rejects as PyTorch does.
        let count = hi > lo ? (hi &- lo &+ st &- 1) / st : 0
        var sh = shape, strd = strides
        sh[at] = count
        // PyTorch's stride × step in wrapping int64: it only wraps for huge steps (which select one
        // element) or empty tensors with huge dims, and PyTorch then rejects what its SymInt cannot
        // hold (below -2^62 - 1) and other negative strides.
        strd[at] = strides[at] &* st
        let newOffset = try viewOffset(lo, strides[at])
        if strd[at] < -(1 << 62) - 1 {
            throw TorchError.runtime("IntArrayRef contains an int that cannot be represented as a SymInt: \(strd[at])")
        }
        if strd[at] < 0 {
            throw TorchError.runtime("as_strided: Negative strides are not supported at the moment, got strides: \(Shape.describe(strd))")
        }
        if count < 0 {
            throw TorchError.runtime("Storage size calculation overflowed with sizes=\(Shape.describe(sh)) and strides=\(Shape.describe(strd))")
        }
        return try makeView(shape: sh, strides: strd, offset: newOffset)
            .recordingView("SliceBackward0", self) { try $0.slice(at, lo, hi, st) }
    }

    /// `Tensor.unfold(dimension, size, step)` (TensorShape.cpp): the windows as a view, the dim's
    /// stride times `step` and a new last dim with the dim's stride. Its backward (unfold_backward)
    /// sums each input element's windows from zero in window order.
    public func unfold(_ d: Int, size: Int, step: Int) throws -> Tensor {
        let at = try Shape.wrapDim(d, Swift.max(dim, 1))
        let maxSize = dim == 0 ? 1 : shape[at]
        guard size <= maxSize else { throw TorchError.runtime("maximum size for tensor at dimension \(at) is \(maxSize) but size is \(size)") }
        guard size >= 0 else { throw TorchError.runtime("size is \(size) but must be >= 0") }
        guard step > 0 else { throw TorchError.runtime("step is \(step) but must be > 0") }
        var sh = shape, st = strides
        sh.append(size)
        st.append(dim == 0 ? 1 : strides[at])
        if at < dim {
            sh[at] = (shape[at] - size) / step + 1
            st[at] = strides[at] &* step   // wraps only when step > the dim, where there is one window
        }
        let view = try makeView(shape: sh, strides: st, offset: offset)
        guard Tensor.recordsGrad([self]) else { return view }
        let inShape = shape, n = dim
        return view.recording("UnfoldBackward0", [self]) { g in
            let gc = try g.contiguous()
            let gin = try Tensor.zeros(inShape, dtype: g.dtype)
            var inStride = [Int](repeating: 1, count: Swift.max(n, 1))
            for k in stride(from: n - 2, through: 0, by: -1) { inStride[k] = inStride[k + 1] * inShape[k + 1] }
            let outShape = gc.shape
            func run<T: Element & FloatingPoint>(_: T.Type) {
                let src = gc.storage.pointer(T.self) + gc.offset, dst = gin.storage.pointer(T.self)
                var index = [Int](repeating: 0, count: outShape.count)
                for i in 0..<gc.numel {
                    // In logical order the window index moves slower than the position in the
                    // window, so each input element receives its windows in increasing order.
                    var off = 0
                    for k in 0..<n { off += (k == at ? index[k] * step + index[outShape.count - 1] : index[k]) * inStride[k] }
                    if n == 0 { off = 0 }
                    dst[off] += src[i]
                    var k = outShape.count - 1
                    while k >= 0 { index[k] += 1; if index[k] < outShape[k] { break }; index[k] = 0; k -= 1 }
                }
            }
            if g.dtype == .float64 { run(Double.self) } else if g.dtype == .float32 { run(Float.self) }
            return [gin]
        }
    }

    public func narrow(_ d: Int, _ start: Int, _ length: Int) throws -> Tensor {
        // PyTorch's order of checks, so the first failing one gives its message.
        guard dim > 0 else { throw TorchError.runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let at = try Shape.wrapDim(d, dim)
        guard length >= 0 else { throw TorchError.runtime("narrow(): length must be non-negative.") }
        let size = shape[at]
        guard start >= -size && start <= size else {
            throw TorchError.index("start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let begin = start < 0 ? start + size : start
        guard length <= size - begin else {
            throw TorchError.runtime("start (\(begin)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return try slice(at, begin, begin + length, 1)
    }

    /// Basic indexing (`x[0, 1:3, None, ...]`); integer or boolean tensors index like PyTorch's advanced indexing.
    public func index(_ items: [IndexItem]) throws -> Tensor {
        var result = self
        var d = 0
        // A boolean mask consumes as many dims as it has (a 0-d one none: it adds a dim of size 1 or 0).
        let consuming = items.reduce(0) { n, item in
            switch item {
            case .none, .ellipsis: return n
            case .tensor(let t) where t.dtype == .bool: return n + t.dim
            default: return n + 1
            }
        }
        try Tensor.checkSingleEllipsis(items)
        if dim == 0, items.count == 1 {
            // PyTorch's messages for the two commonest mistakes on a 0-d tensor.
            if case .int = items[0] {
                throw TorchError.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
            }
            if case .slice = items[0] { throw TorchError.index("slice() cannot be applied to a 0-dim tensor.") }
        }
        if consuming > dim {
            throw TorchError.index("too many indices for tensor of dimension \(dim)")
        }
        if needsCombinedAdvancedIndexing(items) {
            let plan = try advancedPlan(items)
            return try plan.gather()
        }
        for (position, item) in items.enumerated() {
            switch item {
            case .int(let i): result = try result.select(d, i, reportedDim: position)
            case .slice(let a, let b, let c): result = try result.slice(d, a, b, c); d += 1
            case .none: result = try result.unsqueeze(d); d += 1
            case .ellipsis: d += dim - consuming
            case .tensor(let t) where t.dtype == .bool && t.dim == 0:
                result = try result.unsqueeze(d)
                if try t.item() == 0 { result = try result.slice(d, 0, 0, 1) }
                d += 1
            case .tensor(let t):
                result = try result.indexSelectAdvanced(d, t)
                d += t.dtype == .bool ? 1 : t.dim
            }
        }
        return result
    }

    /// `x[idx]` with an integer tensor along `d` (a gather, which copies) or a boolean mask.
    func indexSelectAdvanced(_ d: Int, _ idx: Tensor, gradName: String = "IndexBackward0") throws -> Tensor {
        if idx.dtype == .bool {
            let mask = idx
            guard d == 0, Array(shape.prefix(mask.dim)) == mask.shape else {
                throw TorchError.index("The shape of the mask \(Shape.describe(mask.shape)) at index 0 does not match the shape of the indexed tensor \(Shape.describe(shape)) at index 0")
            }
            let flatSelf = try reshape([-1] + Array(shape.dropFirst(mask.dim)))
            let positions = try mask.ints()   // checked against the cap: an expanded mask may stand for 2^40 values.enumerated().filter { $0.element != 0 }.map { Int64($0.offset) }
            return try flatSelf.indexSelectAdvanced(0, Tensor.from(positions))
        }
        guard idx.dtype.isIntegral else {
            throw TorchError.index("tensors used as indices must be long, int, byte or bool tensors")
        }
        guard d < dim else { throw TorchError.index("too many indices for tensor of dimension \(dim)") }
        let size = shape[d]
        // PyTorch's AdvancedIndex: no index can address an empty dim, and its own message says so.
        if size == 0 && idx.numel > 0 { throw TorchError.index("index is out of bounds for dimension with size 0") }
        // The pick list holds one Int per index element (an expanded index can stand for 2^40 of them).
        try MemoryLimit.check(count: idx.numel, dtype: .int64)
        var picks = [Int]()
        picks.reserveCapacity(idx.numel)
        var failure: TorchError?
        idx.forEachOffset { o in
            if failure != nil { return }
            let v = idx.flatInt(o)
            guard v >= -Int64(size) && v < Int64(size) else {
                // The kernel numbers dims among the index tensors: this one is the only one.
                failure = TorchError.index("index \(v) is out of bounds for dimension 0 with size \(size)")
                return
            }
            picks.append(Int(v < 0 ? v + Int64(size) : v))
        }
        if let failure { throw failure }
        let pre = Array(shape[..<d]), post = Array(shape[(d + 1)...])
        let out = try Tensor.zeros(pre + idx.shape + post, dtype: dtype)
        // A non-empty result bounds every product below; an empty one has nothing to copy.
        let outer = out.numel == 0 ? 0 : Shape.elementCount(pre)
        let inner = out.numel == 0 ? 0 : Shape.elementCount(post)
        if out.numel > 0 && !isContiguous && numel > out.numel {
            // A strided source larger than the result (`ones(1).expand(2**40)[idx]`): copy pick by pick
            // through views rather than materialising the source.
            let rows = try out.view(pre + [picks.count] + post)
            for (k, p) in picks.enumerated() {
                try GradMode.withoutGrad { try rows.select(d, k).copyValues(from: try self.select(d, p)) }
            }
        } else if out.numel > 0 {
            // One row of `inner` elements per (outer position, pick), copied as bytes.
            let src = try GradMode.withoutGrad { try self.contiguous() }
            let rowBytes = inner * dtype.itemSize
            let from = src.storage.bytes + src.offset * dtype.itemSize, to = out.storage.bytes
            for o in 0..<outer {
                for (k, p) in picks.enumerated() {
                    (to + ((o * picks.count + k) * rowBytes)).copyMemory(from: from + ((o * size + p) * rowBytes), byteCount: rowBytes)
                }
            }
        }
        let inShape = shape
        return out.recording(gradName, [self]) { g in
            // Repeated picks accumulate, in pick order (as index_put_ with accumulate=True on CPU).
            let z = try Tensor.zeros(inShape, dtype: g.dtype)
            guard z.numel > 0 && g.numel > 0 else { return [z] }
            let go = try g.dense()
            func run<T: KFloat>(_: T.Type) {
                let gp = ptr(go, T.self), zp = ptr(z, T.self)
                for o in 0..<outer {
                    for (k, p) in picks.enumerated() {
                        let dst = zp + (o * size + p) * inner, srcRow = gp + (o * picks.count + k) * inner
                        for j in 0..<inner { dst[j] += srcRow[j] }
                    }
                }
            }
            if g.dtype == .float64 { run(Double.self) } else { run(Float.self) }
            return [z]
        }
    }

    /// `x[items] = value` (value broadcast), in place through the view.
    public func indexAssign(_ items: [IndexItem], _ value: Tensor) throws {
        if case .tensor(let mask)? = items.first, items.count == 1, mask.dtype == .bool, mask.shape == shape {
            let p = try mask.ints()
            var k = 0
            let v = value.numel == 1 ? try value.doubles().first ?? 0 : 0
            let values = value.numel == 1 ? [] : try value.doubles()
            var vi = 0
            forEachOffset { o in
                if p[k] != 0 {
                    if values.isEmpty { setFlat(o, v) } else if vi < values.count { setFlat(o, values[vi]); vi += 1 }
                }
                k += 1
            }
            return
        }
        if items.contains(where: { if case .tensor = $0 { return true }; return false }) {
            try GradMode.withoutGrad { try advancedPlan(items).scatter(value) }
            return
        }
        let target = try GradMode.withoutGrad { try index(items) }
        // PyTorch's copy_to fills for a Python number and copies a tensor. A fill is idempotent, so an
        // expanded target is fine and each memory location is written once (`x[None] = 1` on a
        // 2^33-element expanded view looped 2^33 times: structured fuzzer); copy_ refuses a target
        // whose elements share memory.
        if value.isWrappedNumber {
            try target.distinctElements.copyValues(from: value)
            return
        }
        try target.assertNoInternalOverlap()
        // PyTorch's copy_to: leading size-1 dims of the value are dropped, then it is expanded to the
        // target (so a mismatch reads "The expanded size of the tensor (2) must match …").
        var source = value
        while source.dim > target.dim, source.shape.first == 1 { source = try source.reshape(Array(source.shape.dropFirst())) }
        let expanded = try GradMode.withoutGrad { try source.expand(target.shape) }
        try target.copyValues(from: expanded)
    }

    /// More than one tensor index, or any mask: PyTorch broadcasts the index tensors together
    /// (`x[rows, cols]` picks pairs, not a product).
    static func checkSingleEllipsis(_ items: [IndexItem]) throws {
        if items.filter({ if case .ellipsis = $0 { return true }; return false }).count > 1 {
            throw TorchError.index("an index can only have a single ellipsis ('...')")
        }
    }

    func needsCombinedAdvancedIndexing(_ items: [IndexItem]) -> Bool {
        var count = 0, zeroDimMasks = 0
        for case .tensor(let t) in items {
            count += t.dtype == .bool ? 2 : 1
            if t.dtype == .bool && t.dim == 0 { zeroDimMasks += 1 }
        }
        // A lone 0-d mask is a new dim of size 1 or 0, done in `index` with views.
        if count == 2 && zeroDimMasks == 1 { return false }
        return count > 1
    }

    /// Advanced indexing as PyTorch does it: basic items applied as views, then every index tensor
    /// (a bool mask counts as one long index per dimension it covers) broadcast to one shape `B`.
    /// The result is `before + B + after` when the indexed dims are adjacent, else `B + rest`.
    func advancedPlan(_ items: [IndexItem]) throws -> AdvancedIndexPlan {
        // `x[..., ..., i] = v` reaches here without passing `index` (found by the fuzzer).
        try Tensor.checkSingleEllipsis(items)
        var view = self
        var d = 0
        var indexed = [(dim: Int, index: Tensor)]()
        let consuming = items.filter { if case .none = $0 { return false }; if case .ellipsis = $0 { return false }; return true }
            .reduce(0) { n, item in if case .tensor(let t) = item, t.dtype == .bool { return n + Swift.max(t.dim, 1) }; return n + 1 }
        if consuming > dim { throw TorchError.index("too many indices for tensor of dimension \(dim)") }
        for (position, item) in items.enumerated() {
            switch item {
            case .int(let i): view = try view.select(d, i, reportedDim: position)
            case .slice(let a, let b, let c): view = try view.slice(d, a, b, c); d += 1
            case .none: view = try view.unsqueeze(d); d += 1
            case .ellipsis: d += dim - consuming
            case .tensor(let t):
                if t.dtype == .bool {
                    let covered = Array(view.shape[d..<Swift.min(d + t.dim, view.dim)])
                    guard covered == t.shape else {
                        throw TorchError.index("The shape of the mask \(Shape.describe(t.shape)) at index \(d) does not match the shape of the indexed tensor \(Shape.describe(view.shape)) at index \(d)")
                    }
                    let nz = try t.nonzero()
                    for j in 0..<t.dim { indexed.append((d + j, try nz.select(1, j))) }
                    d += t.dim
                } else {
                    guard t.dtype.isIntegral else {
                        throw TorchError.index("tensors used as indices must be long, int, byte or bool tensors")
                    }
                    indexed.append((d, t)); d += 1
                }
            }
        }
        var b = [Int]()
        for (_, t) in indexed {
            do { b = try Shape.broadcast(b, t.shape) } catch {
                throw TorchError.index("shape mismatch: indexing tensors could not be broadcast together with shapes \(indexed.map { Shape.describe($0.index.shape) }.joined(separator: ", "))")
            }
        }
        // The broadcast index lists are materialised (one Int per element and indexed dim): a huge
        // broadcast (`x[i[:, None], i[None, :]]` over 10⁶ indices) is refused before allocating.
        let broadcastCount = b.reduce(into: (1, false)) { acc, n in
            let (p, o) = acc.0.multipliedReportingOverflow(by: n); acc = (p, acc.1 || o)
        }
        let listCount = broadcastCount.0.multipliedReportingOverflow(by: Swift.max(indexed.count, 1))
        try MemoryLimit.check(count: broadcastCount.1 || listCount.overflow ? Int.max : listCount.partialValue, dtype: .int64)
        if indexed.contains(where: { view.shape[$0.dim] == 0 }) && !b.contains(0) {
            throw TorchError.index("index is out of bounds for dimension with size 0")
        }
        // PyTorch's kernel walks the elements and, at each, the index tensors in order; its message
        // numbers a dim by its index tensor (`x[[0, 7], [5, 0]]`: "index 5 … dimension 1").
        var columns = [[Int]](), firstFailure: (element: Int, message: String)?
        for (j, (dimension, t)) in indexed.enumerated() {
            let size = view.shape[dimension]
            var column = try t.expand(b).ints().map { Int($0) }
            if let bad = column.firstIndex(where: { !($0 >= -size && $0 < size) }), bad < (firstFailure?.element ?? Int.max) {
                firstFailure = (bad, "index \(column[bad]) is out of bounds for dimension \(j) with size \(size)")
            }
            for k in column.indices where column[k] < 0 { column[k] += size }
            columns.append(column)
        }
        if let firstFailure { throw TorchError.index(firstFailure.message) }
        let dims = indexed.map(\.dim)
        let adjacent = zip(dims, dims.dropFirst()).allSatisfy { $1 == $0 + 1 }
        return AdvancedIndexPlan(view: view, dims: dims, columns: columns, broadcastShape: b, adjacent: adjacent)
    }
}

/// What `advancedPlan` worked out: the basic-indexed view, its indexed dims, and the broadcast indices.
struct AdvancedIndexPlan {
    let view: Tensor
    let dims: [Int]
    /// One flat (broadcast, non-negative) index list per indexed dim.
    let columns: [[Int]]
    let broadcastShape: [Int]
    let adjacent: Bool

    var restDims: [Int] { (0..<view.dim).filter { !dims.contains($0) } }
    /// Where the broadcast dims go in the result.
    var insertAt: Int { adjacent ? (dims.first ?? 0) : 0 }
    var resultShape: [Int] {
        let rest = restDims.map { view.shape[$0] }
        return Array(rest[..<insertAt]) + broadcastShape + Array(rest[insertAt...])
    }

    /// `x[idx…]`: indexed dims moved to the front and flattened, one gather along them, then `B` moved back.
    func gather() throws -> Tensor {
        let rest = restDims
        let moved = try view.permute(dims + rest)
        let indexedSizes = dims.map { view.shape[$0] }
        let flat = try moved.reshape([try Shape.checkedProduct(indexedSizes)] + rest.map { view.shape[$0] })
        let count = Shape.elementCount(broadcastShape)
        var linear = [Int64](repeating: 0, count: count)
        for k in 0..<count {
            var l = 0
            for (j, size) in indexedSizes.enumerated() { l = l * size + columns[j][k] }
            linear[k] = Int64(l)
        }
        let picked = try flat.indexSelectAdvanced(0, Tensor.from(ints: linear, shape: broadcastShape, dtype: .int64))
        guard insertAt > 0 else { return picked }
        // picked is B + rest; put B after the first `insertAt` rest dims.
        let nb = broadcastShape.count, nr = rest.count
        let order = Array(nb..<(nb + insertAt)) + Array(0..<nb) + Array((nb + insertAt)..<(nb + nr))
        return try picked.permute(order)
    }

    /// `x[idx…] = value`: writes through the storage (value broadcast to the result shape).
    func scatter(_ value: Tensor) throws {
        let shape = resultShape
        let v = try value.to(view.dtype).expand(shape)
        // A one-element value (`x[idx] = 3`) is written as is; any other is materialised at the
        // result's size first (checked against the cap: `e[e.int()] = t` on a 1000×1000 `e` is 10⁹ values).
        let single = v.numel > 0 && value.numel == 1
        if !single { try MemoryLimit.check(count: v.numel, dtype: .float64) }
        let values = view.dtype.isFloatingPoint ? (single ? [v.flatDouble(v.offset)] : try v.doubles()) : []
        let ints = view.dtype.isFloatingPoint ? [] : (single ? [v.flatInt(v.offset)] : try v.ints())
        let rest = restDims
        let restShape = rest.map { view.shape[$0] }
        _ = try Shape.checkedProduct(dims.map { view.shape[$0] })   // as `gather`: PyTorch's numel overflow
        let count = Shape.elementCount(broadcastShape)
        let restCount = Shape.elementCount(restShape)
        // Nothing to write; the offsets below could leave Int's range along an empty tensor's huge dims
        // (`torch.ones(2**63-1, 0, 2**62)[[0, 4]] = 3`).
        if count == 0 || restCount == 0 { return }
        // The rest dims before the index dims and those after it, walked as odometers: a table of
        // every rest position's offset was 16 GB for `a[[3, 2]] = 16` on `a = x.expand(4, 2**31)`
        // (structured fuzzer), which PyTorch writes without allocating.
        // One value written along a stride-0 (expanded) dim lands on the same element every time:
        // write it once per element, as PyTorch's result is the same.
        let walked = rest.indices.filter { !single || view.strides[rest[$0]] != 0 }
        let outerDims = walked.filter { $0 < insertAt }.map { rest[$0] }, innerDims = walked.filter { $0 >= insertAt }.map { rest[$0] }
        let innerShape = innerDims.map { view.shape[$0] }, innerStrides = innerDims.map { view.strides[$0] }
        var k = 0
        try forEachStridedOffset(outerDims.map { view.shape[$0] }, outerDims.map { view.strides[$0] }, start: view.offset) { outer in
            for bi in 0..<count {
                var base = outer
                for (j, dimension) in dims.enumerated() { base &+= columns[j][bi] &* view.strides[dimension] }
                try forEachStridedOffset(innerShape, innerStrides, start: base) { o in
                    if k & 0xFFFFF == 0 { try TorchInterrupt.check() }
                    let source = single ? 0 : k
                    if view.dtype.isFloatingPoint { view.setFlat(o, values[source]) } else { view.setFlatInt(o, ints[source]) }
                    k += 1
                }
            }
        }
    }
}
