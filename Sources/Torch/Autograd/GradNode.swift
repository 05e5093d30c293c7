/// One recorded operation in the autograd graph: its PyTorch name (`MulBackward0`), the inputs it
/// needs gradients for, and the rule that maps the output's gradient to theirs.
public final class GradNode {
    /// What `grad_fn=<…>` prints: PyTorch's node name.
    public let name: String
    /// The differentiable inputs, in the order `backward` returns their gradients (nil: no grad needed).
    private(set) var inputs: [Tensor?]
    /// Gradient rule: output gradient → one gradient (or nil) per input. Runs with grad recording off.
    /// (`var` only so that `deinit` can hand it to the trashcan.)
    private(set) var backward: (Tensor) throws -> [Tensor?]
    /// The tensors `next_functions` points at (nil: an input that needs no gradient).
    public var nextTensors: [Tensor?] { inputs }
    /// Set once a backward pass without `retain_graph` has run through this node.
    var released = false
    /// Hooks on the node itself, as `grad_fn.register_prehook` / `register_hook`: a pre-hook sees the
    /// output's gradient (after the tensor's own hooks) and may replace it; a post-hook sees the
    /// inputs' gradients and the output's, and may replace the former. Module backward hooks use them.
    public var preHooks: [(Tensor) throws -> Tensor?] = []
    public var postHooks: [([Tensor?], Tensor) throws -> [Tensor?]?] = []
    /// A node of a Python `torch.autograd.Function` (`torch.autograd.function.NAME` in its repr), and the
    /// Python context object it carries.
    public internal(set) var isCustomFunction = false
    public var context: AnyObject?

    init(name: String, inputs: [Tensor?], backward: @escaping (Tensor) throws -> [Tensor?]) {
        self.name = name
        self.inputs = inputs
        self.backward = backward
    }

    /// A long graph (`y = y + 1` in a loop) is a chain node → tensor → node: free it iteratively.
    deinit {
        var parts: [Any] = [inputs, backward, preHooks, postHooks, context as Any]
        context = nil
        inputs = []
        backward = { _ in [] }
        preHooks = []
        postHooks = []
        Trashcan.dispose(&parts)
    }
}
