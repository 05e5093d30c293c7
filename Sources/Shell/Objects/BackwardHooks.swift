import NN
import Torch

/// One call of a module that has full backward hooks or backward pre-hooks: PyTorch's
/// `torch.utils.hooks.BackwardHook`. The input tensor and the output tensor are replaced by
/// aliases whose `BackwardHookFunctionBackward` nodes carry the hooks: the output's node collects
/// `grad_output` (and runs the pre-hooks), the input's node hands `grad_input` to the user hooks
/// and passes on what they return. When no input needs a gradient, the user hooks run from the
/// output's node with `grad_input` all None, as PyTorch's do.
///
/// PyTorch joins all tensor arguments (and all tensor results) in one multi-output node, so a hook
/// sees every gradient at once; nnsh's graph has one node per tensor, so a call where two inputs,
/// or two outputs, need gradients is refused rather than reported piecemeal.
final class BackwardHookCall {
    private unowned let interpreter: Interpreter
    private let module: Module
    /// The hooks as they were when the module was called (PyTorch snapshots them too).
    private let hooks: [Value], preHooks: [Value]
    private let inputCount: Int
    /// Position of the input that needs a gradient; nil when none does.
    private var wrappedInput: Int?
    /// The other tensor arguments: PyTorch's hook node covers them too, so their `grad_input`
    /// slots hold zeros rather than None.
    private var otherTensors: [(index: Int, tensor: Tensor)] = []
    private var outputCount = 0
    /// `grad_output` as the pre-hooks left it, between the output's node and the input's.
    private var gradOutputs: [Value]?

    init?(_ interpreter: Interpreter, _ module: Module, _ state: ModuleState, _ positional: inout [Value]) throws {
        guard !state.backwardHooks.isEmpty || !state.backwardPreHooks.isEmpty, GradMode.isEnabled else { return nil }
        self.interpreter = interpreter
        self.module = module
        hooks = state.backwardHooks.map(\.hook)
        preHooks = state.backwardPreHooks.map(\.hook)
        inputCount = positional.count
        let needing = positional.indices.filter { if case .tensor(let t) = positional[$0] { return t.requiresGrad } else { return false } }
        if needing.count > 1 { throw Self.refusal(module, "inputs") }
        if let i = needing.first, case .tensor(let t) = positional[i] {
            for (j, v) in positional.enumerated() where j != i { if case .tensor(let o) = v { otherTensors.append((j, o)) } }
            let alias = t.passThrough("BackwardHookFunctionBackward", outputIndex: positional[..<i].count { if case .tensor = $0 { return true } else { return false } })
            alias.gradFn?.postHooks.append { [self] grads, _ in try self.inputGradients(grads) }
            positional[i] = .tensor(alias)
            wrappedInput = i
        }
    }

    private static func refusal(_ m: Module, _ what: String) -> PythonError {
        PythonError("NotImplementedError", "nnsh supports full backward hooks on modules with one tensor among their \(what) that requires grad; this call of \(m.typeName) has several")
    }

    /// `setup_output_hook`: the forward's result (after the forward hooks), with its tensor wrapped.
    func wrapOutputs(_ out: Value) throws -> Value {
        var items: [Value], isTuple = false
        switch out {
        case .tuple(let t): items = t; isTuple = true
        case .tensor: items = [out]
        default:
            try interpreter.warnFromLibrary("For backward hooks to be called, module output should be a Tensor or a tuple of Tensors but received \(typeOf(out).repr())")
            return out
        }
        let needing = items.indices.filter { if case .tensor(let t) = items[$0] { return t.requiresGrad } else { return false } }
        guard let i = needing.first, case .tensor(let t) = items[i] else { return out }
        if needing.count > 1 { throw Self.refusal(module, "outputs") }
        outputCount = items.count
        let alias = t.passThrough("BackwardHookFunctionBackward", outputIndex: items[..<i].count { if case .tensor = $0 { return true } else { return false } })
        alias.gradFn?.preHooks.append { [self] g in try self.outputGradient(g, at: i) }
        items[i] = .tensor(alias)
        return isTuple ? .tuple(items) : items[0]
    }

    private func outputGradient(_ g: Tensor, at index: Int) throws -> Tensor? {
        var packed = [Value](repeating: .none, count: outputCount)
        packed[index] = .tensor(g)
        for hook in preHooks {
            let r = try interpreter.call(hook, Arguments([.module(module), .tuple(packed)]))
            if r.isNone { continue }
            let items = try sequence(r, "pre hook", "grad_output")
            if items.count != packed.count {
                throw PythonError.runtime("Backward pre hook returned an invalid number of grad_output, got \(items.count), but expected \(packed.count)")
            }
            packed = items
        }
        gradOutputs = packed
        guard wrappedInput == nil else {
            if case .tensor(let replaced) = packed[index] { return replaced }
            return nil
        }
        // No input needs a gradient: the user hooks run here, with grad_input all None.
        if !hooks.isEmpty {
            try interpreter.warnFromLibrary("Full backward hook is firing when gradients are computed with respect to module outputs since no inputs require gradients. See https://docs.pytorch.org/docs/main/generated/torch.nn.Module.html#torch.nn.Module.register_full_backward_hook for more details.")
        }
        let none = Value.tuple(Array(repeating: .none, count: inputCount))
        for hook in hooks {
            let r = try interpreter.call(hook, Arguments([.module(module), none, .tuple(packed)]))
            if r.isNone { continue }
            if case .tuple(let t) = r, t.allSatisfy(\.isNone) { continue }
            throw PythonError.runtime("Backward hook for Modules where no input requires gradient should always return None or None for all gradients.")
        }
        gradOutputs = nil
        return nil
    }

    private func inputGradients(_ grads: [Tensor?]) throws -> [Tensor?]? {
        guard let gradOutputs, let index = wrappedInput else { return nil }
        var packed = [Value](repeating: .none, count: inputCount)
        if let g = grads.first ?? nil { packed[index] = .tensor(g) }
        for (j, t) in otherTensors { packed[j] = .tensor(try Tensor.zerosLike(t)) }
        for hook in hooks {
            let r = try interpreter.call(hook, Arguments([.module(module), .tuple(packed), .tuple(gradOutputs)]))
            if r.isNone { continue }
            let items = try sequence(r, "hook", "grad_input")
            if items.count != packed.count {
                throw PythonError.runtime("Backward hook returned an invalid number of grad_input, got \(items.count), but expected \(packed.count)")
            }
            packed = items
        }
        self.gradOutputs = nil
        switch packed[index] {
        case .tensor(let t): return [t]
        case .none: return [nil]
        default:
            throw PythonError.type("expected a Tensor or None as grad_input[\(index)] from a backward hook, got '\(packed[index].typeName)'")
        }
    }

    private func sequence(_ v: Value, _ kind: String, _ what: String) throws -> [Value] {
        switch v {
        case .tuple(let t): return t
        case .list(let l): return l.items
        default: throw PythonError.type("Backward \(kind) must return None or a tuple of \(what) gradients, got '\(v.typeName)'")
        }
    }
}
