import Torch

extension Interpreter {
    /// `torch.autograd._nnsh_attach(name, ctx, args, output, backward)`, the native half of
    /// `Function.apply`: the output of `forward` gets a node named `name` over the tensor arguments,
    /// whose rule calls `backward(ctx, grad)` and checks what it returns as PyTorch's engine does
    /// (one gradient per forward argument, None for the non-tensors, shapes that sum to the input's).
    func customFunctionAttach() -> Builtin {
        Builtin("_nnsh_attach") { [unowned self] args in
            guard args.positional.count == 5, case .str(let name) = args.positional[0] else {
                throw PythonError.type("_nnsh_attach(name, ctx, args, output, backward)")
            }
            let ctx = args.positional[1], output = args.positional[3], backward = args.positional[4]
            let forwardArgs = try self.iterate(args.positional[2])
            let inputs = forwardArgs.compactMap { v -> Tensor? in if case .tensor(let t) = v { return t }; return nil }
            guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return output }
            let outputs: [Value]
            if case .tuple(let items) = output { outputs = items } else { outputs = [output] }
            var nonDifferentiable = [Tensor]()
            if case .tuple(let marked)? = try? self.getAttribute(ctx, "non_differentiable") {
                nonDifferentiable = marked.compactMap { if case .tensor(let t) = $0 { return t }; return nil }
            }
            let differentiable = outputs.enumerated().compactMap { i, v -> (Int, Tensor)? in
                guard case .tensor(let t) = v, t.dtype.isFloatingPoint, !nonDifferentiable.contains(where: { $0 === t }) else { return nil }
                return (i, t)
            }
            guard differentiable.count <= 1 else {
                throw PythonError("NotImplementedError", "nnsh: a custom autograd.Function whose forward returns \(differentiable.count) differentiable tensors is not supported yet (one is)")
            }
            guard let (position, result) = differentiable.first else { return output }
            let node = result.customFunctionOutput(name, inputs: inputs, context: { if case .object(let o) = ctx { return o }; return nil }()) { [unowned self] g in
                let returned = try self.call(backward, Arguments([ctx, .tensor(g)]))
                let grads: [Value]
                if case .tuple(let items) = returned { grads = items } else { grads = [returned] }
                if grads.count != forwardArgs.count {
                    throw PythonError.runtime("function \(name) returned an incorrect number of gradients (expected \(forwardArgs.count), got \(grads.count))")
                }
                var out = [Tensor?]()
                for (i, (arg, grad)) in zip(forwardArgs, grads).enumerated() {
                    guard case .tensor(let input) = arg else {
                        if !grad.isNone {
                            throw PythonError.runtime("function \(name) returned a gradient different than None at position \(i + 1), but the corresponding forward input was not a Variable")
                        }
                        continue
                    }
                    guard case .tensor(let gt) = grad else {
                        if grad.isNone { out.append(nil); continue }
                        throw PythonError.type("\(name).backward must return tensors or None, not \(grad.typeName)")
                    }
                    if gt.shape == input.shape || !input.requiresGrad { out.append(input.requiresGrad ? gt : nil); continue }
                    guard (try? Shape.broadcast(input.shape, gt.shape)) == gt.shape, gt.numel >= input.numel else {
                        throw PythonError.runtime("Function \(name) returned an invalid gradient at index \(i) - got \(Shape.describe(gt.shape)) but expected shape compatible with \(Shape.describe(input.shape))")
                    }
                    out.append(try gt.sumTo(input.shape))
                }
                return out
            }
            if case .tuple = output {} else { return .tensor(node) }
            var items = outputs
            items[position] = .tensor(node)
            return .tuple(items)
        }
    }
}
