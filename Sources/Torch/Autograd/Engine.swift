/// Reverse-mode differentiation, micrograd-style: sort the graph topologically, seed the root's
/// gradient, and run each node's rule in reverse order, accumulating into leaves' `.grad`.

/// `torch.is_grad_enabled()` / `torch.set_grad_enabled` / `torch.no_grad()`.
public enum GradMode {
    nonisolated(unsafe) public static var isEnabled = true

    /// Runs `body` with recording off (gradient rules, `torch.no_grad()`).
    public static func withoutGrad<R>(_ body: () throws -> R) rethrows -> R {
        let saved = isEnabled
        isEnabled = false
        defer { isEnabled = saved }
        return try body()
    }
}

extension Tensor {
    /// True when an op on these inputs must be recorded.
    static func recordsGrad(_ inputs: [Tensor]) -> Bool {
        GradMode.isEnabled && inputs.contains { $0.requiresGrad }
    }

    /// Attaches a node to an op's result when any input requires grad; returns the result.
    @discardableResult
    func recording(_ name: String, _ inputs: [Tensor], _ rule: @escaping (Tensor) throws -> [Tensor?]) -> Tensor {
        guard Tensor.recordsGrad(inputs) else { return self }
        gradFn = GradNode(name: name, inputs: inputs.map { $0.requiresGrad ? $0 : nil }, backward: rule)
        return self
    }

    /// An alias of this tensor whose node, named `name`, passes the gradient through unchanged:
    /// PyTorch's `BackwardHookFunction`, which module backward hooks hang their hooks on.
    /// Without grad recording (or an input that needs none) it is the tensor itself.
    /// Like the custom Function's outputs, the alias refuses in-place changes (`outputIndex` is its
    /// place among the function's outputs, for the message).
    public func passThrough(_ name: String, outputIndex: Int = 0) -> Tensor {
        guard Tensor.recordsGrad([self]) else { return self }
        let alias = detach()
        alias.customFunctionOutput = (String(name.dropLast("Backward".count)), outputIndex)
        return alias.recording(name, [self]) { g in [g] }
    }

    /// The output of a custom `torch.autograd.Function`: a tensor computed without grad recording gets a
    /// node named `name` over `inputs` whose rule is the user's backward (an output that already has a
    /// history, or is one of the inputs, is first aliased, as PyTorch makes it a view). Without grad
    /// recording, or when no input needs a gradient, it is returned as it is.
    public func customFunctionOutput(_ name: String, inputs: [Tensor], context: AnyObject?,
                                     _ rule: @escaping (Tensor) throws -> [Tensor?]) -> Tensor {
        guard Tensor.recordsGrad(inputs) else { return self }
        let out = gradFn != nil || leafRequiresGrad || inputs.contains(where: { $0 === self }) ? detach() : self
        out.recording(name, inputs, rule)
        out.gradFn?.isCustomFunction = true
        out.gradFn?.context = context
        return out
    }

    /// An alias whose node, named `name`, passes the gradient through: where PyTorch's own kernel is one
    /// node (its oneDNN LSTM layer, an in-place transpose) and nnsh's equivalent is several, the tensor
    /// users see carries PyTorch's name.
    public func aliasNode(_ name: String) -> Tensor {
        guard Tensor.recordsGrad([self]) else { return self }
        return detach().recording(name, [self]) { g in [g] }
    }

    /// `tensor.retain_grad()`: a leaf keeps its gradient anyway; a non-leaf starts keeping it.
    public func retainGrad() throws {
        guard requiresGrad else { throw TorchError.runtime("can't retain_grad on Tensor that has requires_grad=False") }
        if !isLeaf { retainsGrad = true }
    }

    /// `tensor.requires_grad_(flag)`, with PyTorch's checks.
    /// PyTorch words the dtype refusal differently per entry point (`requires_grad_()`, the attribute,
    /// factories); `dtypeMessage` is the caller's.
    public func setRequiresGrad(_ flag: Bool,
                                dtypeMessage: String = "Only Tensors of floating point and complex dtype can require gradients") throws {
        if !isLeaf {
            if flag { return }
            throw TorchError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        if flag && !dtype.isFloatingPoint {
            throw TorchError.runtime(dtypeMessage)
        }
        leafRequiresGrad = flag
    }

    /// `tensor.backward(gradient=None, retain_graph=None)`.
    public func backward(_ gradient: Tensor? = nil, retainGraph: Bool = false) throws {
        guard requiresGrad else {
            throw TorchError.runtime("element 0 of tensors does not require grad and does not have a grad_fn")
        }
        let seed: Tensor
        if let g = gradient {
            if g.shape != shape {
                throw TorchError.runtime("Mismatch in shape: grad_output[0] has a shape of \(sizeDescription(g.shape)) and output[0] has a shape of \(sizeDescription(shape)).")
            }
            seed = g
        } else {
            if numel != 1 { throw TorchError.runtime("grad can be implicitly created only for scalar outputs") }
            seed = try Tensor.onesLike(self)
        }
        let grads = try Tensor.runBackward(roots: [self], seeds: [seed], retainGraph: retainGraph, inputs: nil)
        _ = grads
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs)`: gradients returned, `.grad` untouched.
    public static func autogradGrad(outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?],
                                    retainGraph: Bool = false, allowUnused: Bool = false) throws -> [Tensor?] {
        var seeds = [Tensor]()
        for (i, o) in outputs.enumerated() {
            guard o.requiresGrad else {
                throw TorchError.runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
            }
            if i < gradOutputs.count, let g = gradOutputs[i] { seeds.append(g) }
            else if o.numel != 1 { throw TorchError.runtime("grad can be implicitly created only for scalar outputs") }
            else { seeds.append(try onesLike(o)) }
        }
        let found = try runBackward(roots: outputs, seeds: seeds, retainGraph: retainGraph, inputs: inputs)
        var result = [Tensor?]()
        for (i, t) in inputs.enumerated() {
            guard t.requiresGrad else {
                throw TorchError.runtime("One of the differentiated Tensors does not require grad")
            }
            let g = found[ObjectIdentifier(t)]
            if g == nil && !allowUnused {
                throw TorchError.runtime("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
            }
            _ = i
            result.append(g)
        }
        return result
    }

    /// The engine. With `inputs` nil, leaves accumulate into `.grad`; otherwise the gradients of
    /// `inputs` are returned and nothing is accumulated.
    static func runBackward(roots: [Tensor], seeds: [Tensor], retainGraph: Bool,
                            inputs: [Tensor]?) throws -> [ObjectIdentifier: Tensor] {
        // Topological order over tensors that carry a node (post-order DFS, iterative: graphs can be deep).
        var order = [Tensor]()
        var visited = Set<ObjectIdentifier>()
        var stack: [(Tensor, Bool)] = roots.reversed().map { ($0, false) }
        while let (t, expanded) = stack.popLast() {
            if expanded { order.append(t); continue }
            if visited.contains(ObjectIdentifier(t)) { continue }
            visited.insert(ObjectIdentifier(t))
            stack.append((t, true))
            if let node = t.gradFn {
                if node.released {
                    throw TorchError.runtime("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")
                }
                for case let input? in node.inputs where !visited.contains(ObjectIdentifier(input)) {
                    stack.append((input, false))
                }
            }
        }
        let wanted = inputs.map { Set($0.map(ObjectIdentifier.init)) }
        var pending = [ObjectIdentifier: Tensor]()
        var captured = [ObjectIdentifier: Tensor]()
        try GradMode.withoutGrad {
            for (r, s) in zip(roots, seeds) { try accumulate(&pending, r, s) }
            for t in order.reversed() {
                guard var g = pending.removeValue(forKey: ObjectIdentifier(t)) else { continue }
                for (_, hook) in t.gradHooks { if let replaced = try hook(g) { g = replaced } }
                if let wanted, wanted.contains(ObjectIdentifier(t)) { captured[ObjectIdentifier(t)] = g }
                if let node = t.gradFn {
                    if wanted == nil && t.retainsGrad {
                        t.grad = try t.grad.map { try $0.adding(g) } ?? g.to(t.dtype, copy: true)
                    }
                    for hook in node.preHooks { if let replaced = try hook(g) { g = replaced } }
                    var grads = try node.backward(g)
                    for hook in node.postHooks { if let replaced = try hook(grads, g) { grads = replaced } }
                    for (input, grad) in zip(node.inputs, grads) {
                        guard let input, let grad else { continue }
                        try accumulate(&pending, input, grad)
                    }
                    if !retainGraph { node.released = true }
                } else if wanted == nil && t.leafRequiresGrad {
                    let g2 = try g.shape == t.shape ? g : g.sumTo(t.shape)
                    if let existing = t.grad {
                        t.grad = try existing.adding(g2)
                    } else {
                        t.grad = try g2.to(t.dtype, copy: true)
                    }
                }
            }
        }
        return captured
    }

    private static func accumulate(_ pending: inout [ObjectIdentifier: Tensor], _ t: Tensor, _ g: Tensor) throws {
        let key = ObjectIdentifier(t)
        if let existing = pending[key] { pending[key] = try existing.adding(g) } else { pending[key] = g }
    }
}

/// `torch.Size([2, 3])` inside autograd messages.
func sizeDescription(_ shape: [Int]) -> String {
    "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
}
