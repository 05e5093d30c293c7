/// Joining and splitting: `cat`, `stack`, `chunk`, `split`.
extension Tensor {
    public static func cat(_ tensors: [Tensor], dim d: Int = 0) throws -> Tensor {
        guard let first = tensors.first(where: { !($0.dim == 1 && $0.numel == 0) }) ?? tensors.first else {
            throw TorchError.value("torch.cat(): expected a non-empty list of Tensors")
        }
        let parts = tensors.filter { !($0.dim == 1 && $0.numel == 0) || $0 === first }
        if first.dim == 0 {
            throw TorchError.runtime("zero-dimensional tensor (at position 0) cannot be concatenated")
        }
        let at = try Shape.wrapDim(d, first.dim)
        var total = 0
        for (i, t) in parts.enumerated() {
            if t.dim != first.dim {
                throw TorchError.runtime("Tensors must have same number of dimensions: got \(first.dim) and \(t.dim)")
            }
            for k in 0..<t.dim where k != at && t.shape[k] != first.shape[k] {
                throw TorchError.runtime("Sizes of tensors must match except in dimension \(at). Expected size \(first.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
            }
            total &+= t.shape[at]   // PyTorch's int64 sum wraps (then fails as a negative dimension)
        }
        let dtype = resultType(parts)
        var shape = first.shape
        shape[at] = total
        let out = try zeros(shape, dtype: dtype)
        var start = 0
        var sizes = [Int]()
        for t in parts {
            let n = t.shape[at]
            // An empty part copies nothing (and its slice offset may lie past the storage).
            if t.numel > 0 { try out.slice(at, start, start + n, 1).copyValues(from: t) }
            start &+= n
            sizes.append(n)
        }
        return out.recording("CatBackward0", parts) { g in
            var s = 0
            return try sizes.map { n in defer { s &+= n }; return try g.slice(at, s, s &+ n, 1) }
        }
    }

    public static func stack(_ tensors: [Tensor], dim d: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TorchError.runtime("stack expects a non-empty TensorList") }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TorchError.runtime("stack expects each tensor to be equal size, but got \(Shape.describe(first.shape)) at entry 0 and \(Shape.describe(t.shape)) at entry \(i)")
        }
        let at = try Shape.wrapDim(d, first.dim + 1)
        let out = try GradMode.withoutGrad { try cat(tensors.map { try $0.unsqueeze(at) }, dim: at) }
        return out.recording("StackBackward0", tensors) { g in
            try (0..<tensors.count).map { try g.select(at, $0) }
        }
    }

    public func split(_ size: Int, dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let at = try Shape.wrapDim(d, dim)
        if size < 0 { throw TorchError.runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        if size == 0 && shape[at] > 0 { throw TorchError.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(shape[at])") }
        // Each piece is a tensor object (~256 bytes): an expanded view's 2**40 rows must not become 2**40 objects.
        let pieces = size == 0 ? 1 : (shape[at] - 1) / size + 1
        let objectBytes = pieces.multipliedReportingOverflow(by: 256)
        try MemoryLimit.check(count: objectBytes.overflow ? Int.max : objectBytes.partialValue, dtype: .uint8)
        var out = [Tensor](), s = 0
        repeat {
            out.append(try slice(at, s, s + size, 1))
            s += size
        } while s < shape[at]
        return out
    }

    public func split(sizes: [Int], dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let at = try Shape.wrapDim(d, dim)
        let total = sizes.reduce((0, false)) { acc, n in
            let (r, o) = acc.0.addingReportingOverflow(n)
            return (r, acc.1 || o)
        }
        guard !total.1, total.0 == shape[at], sizes.allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime("split_with_sizes expects split_sizes to sum exactly to \(shape[at]) (input tensor's size at dimension \(at)), but got split_sizes=\(Shape.describe(sizes))")
        }
        var out = [Tensor](), s = 0
        for n in sizes { out.append(try slice(at, s, s + n, 1)); s += n }
        return out
    }

    public func chunk(_ chunks: Int, dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw TorchError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let at = try Shape.wrapDim(d, dim)
        let n = shape[at]
        // PyTorch's int64 arithmetic, wrap-around included, so a huge `chunks` meets PyTorch's errors.
        let size = (n &+ chunks &- 1) / chunks
        if size == 0 && n == 0 {
            // An empty dim splits into `chunks` empty tensors (PyTorch first builds a vector of their sizes).
            guard chunks < 1 << 60 else { throw TorchError.runtime("cannot create std::vector larger than max_size()") }
            try MemoryLimit.check(count: chunks, dtype: .int64)
            return try (0..<chunks).map { _ in try slice(at, 0, 0, 1) }
        }
        return try split(size, dim: at)
    }
}
