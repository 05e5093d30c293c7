import Foundation
import Torch

/// One documented callable: its Python signature (with defaults), a short description,
/// the output-shape rule and an example. The same table drives `help(...)`, `name?`
/// and keyword-argument completion.
public struct HelpEntry: Sendable {
    /// `torch.nn.Conv2d`, `torch.zeros`, `torch.nn.functional.relu`, `torch.nn.init.xavier_uniform_`, `Tensor.view`.
    public let qualifiedName: String
    /// The parameter list as Python prints it, without the name: `(in_channels, out_channels, kernel_size, stride=1)`.
    public let signature: String
    public let summary: String
    public let shape: String?
    public let example: String?

    public var name: String { String(qualifiedName.split(separator: ".").last ?? "") }

    /// The namespace part: `torch.nn` for `torch.nn.Conv2d`.
    public var namespace: String {
        let parts = qualifiedName.split(separator: ".")
        return parts.dropLast().joined(separator: ".")
    }

    /// Parameters in order: name, default text (nil if required), and kind.
    public var parameters: [HelpParameter] { HelpParameter.parse(signature) }

    /// The names one can pass as `name=` (not `*args`, `**kwargs`, or positional-only).
    public var keywordNames: [String] {
        parameters.filter { $0.kind == .normal || $0.kind == .keywordOnly }.map(\.name)
    }
}

public struct HelpParameter: Equatable, Sendable {
    public enum Kind: Sendable { case normal, keywordOnly, varPositional, varKeyword }
    public let name: String
    public let defaultText: String?
    public let kind: Kind

    static func parse(_ signature: String) -> [HelpParameter] {
        var inner = signature.trimmingCharacters(in: .whitespaces)
        if inner.hasPrefix("(") { inner.removeFirst() }
        if inner.hasSuffix(")") { inner.removeLast() }
        // Split on commas outside brackets and quotes.
        var pieces = [String](), current = "", depth = 0, quote: Character? = nil
        for c in inner {
            if let q = quote { current.append(c); if c == q { quote = nil }; continue }
            switch c {
            case "'", "\"": quote = c; current.append(c)
            case "(", "[", "{": depth += 1; current.append(c)
            case ")", "]", "}": depth -= 1; current.append(c)
            case "," where depth == 0: pieces.append(current); current = ""
            default: current.append(c)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { pieces.append(current) }
        var result = [HelpParameter](), keywordOnly = false
        for raw in pieces {
            let p = raw.trimmingCharacters(in: .whitespaces)
            if p == "*" { keywordOnly = true; continue }
            if p == "/" || p.isEmpty { continue }
            if p.hasPrefix("**") { result.append(HelpParameter(name: String(p.dropFirst(2)), defaultText: nil, kind: .varKeyword)); continue }
            if p.hasPrefix("*") { result.append(HelpParameter(name: String(p.dropFirst()), defaultText: nil, kind: .varPositional)); keywordOnly = true; continue }
            let parts = p.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            result.append(HelpParameter(name: parts[0], defaultText: parts.count > 1 ? parts[1] : nil,
                                        kind: keywordOnly ? .keywordOnly : .normal))
        }
        return result
    }
}

/// The documentation table.
public enum HelpTable {
    public static let entries: [HelpEntry] = build()

    nonisolated(unsafe) private static var byName: [String: HelpEntry] = {
        var d = [String: HelpEntry]()
        for e in entries { d[e.qualifiedName] = e }
        return d
    }()

    /// Looks up `torch.nn.Conv2d`; also accepts `nn.Conv2d`, `F.relu`, `init.zeros_` and bare names.
    public static func entry(_ name: String) -> HelpEntry? {
        if let e = byName[name] { return e }
        let aliases = [("nn.functional.", "torch.nn.functional."), ("F.", "torch.nn.functional."), ("nn.init.", "torch.nn.init."),
                       ("init.", "torch.nn.init."), ("nn.", "torch.nn."), ("functional.", "torch.nn.functional.")]
        for (short, long) in aliases where name.hasPrefix(short) {
            if let e = byName[long + name.dropFirst(short.count)] { return e }
        }
        if !name.contains(".") {
            for ns in ["torch.nn.", "torch.", "torch.nn.functional.", "torch.nn.init.", "Tensor."] {
                if let e = byName[ns + name] { return e }
            }
        }
        return nil
    }

    /// Documented names directly inside a namespace (`torch.nn` → `Conv2d`, …).
    public static func names(in namespace: String) -> [String] {
        entries.filter { $0.namespace == namespace }.map(\.name)
    }

    // MARK: the table

    private static func build() -> [HelpEntry] {
        var t = [HelpEntry]()
        func add(_ q: String, _ sig: String, _ summary: String, shape: String? = nil, example: String? = nil) {
            t.append(HelpEntry(qualifiedName: q, signature: sig, summary: summary, shape: shape, example: example))
        }
        let dimNames = [1: ["L"], 2: ["H", "W"], 3: ["D", "H", "W"]]
        func dims(_ n: Int, _ suffix: String) -> String { dimNames[n]!.map { $0 + suffix }.joined(separator: ", ") }
        func sample(_ n: Int) -> String { [1: "1, 16, 50", 2: "1, 16, 32, 32", 3: "1, 16, 8, 32, 32"][n]! }

        // Convolutions.
        for n in 1...3 {
            let d = dims(n, "_in"), o = dims(n, "_out"), first = dimNames[n]!.first!
            add("torch.nn.Conv\(n)d",
                "(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros', device=None, dtype=None)",
                "Applies a \(n)D convolution over an input signal made of several input planes. Each of the out_channels filters is a learned kernel of shape (in_channels/groups, kernel_size…) slid over the input with the given stride, padding and dilation; padding may also be 'same' or 'valid'.",
                shape: "Input (N, C_in, \(d)) → Output (N, C_out, \(o)), where for each spatial dim\n    \(first)_out = floor((\(first)_in + 2*padding - dilation*(kernel_size - 1) - 1) / stride + 1)",
                example: ">>> m = nn.Conv\(n)d(16, 33, 3, stride=2)\n>>> m(torch.randn(\(sample(n)))).shape")
            add("torch.nn.ConvTranspose\(n)d",
                "(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros', device=None, dtype=None)",
                "Applies a \(n)D transposed convolution (the gradient of Conv\(n)d with respect to its input), often called a fractionally-strided convolution or deconvolution. It upsamples: with stride s the spatial size grows roughly s times. output_padding resolves the ambiguity of which input size a strided convolution came from.",
                shape: "Input (N, C_in, \(d)) → Output (N, C_out, \(o)), where for each spatial dim\n    \(first)_out = (\(first)_in - 1)*stride - 2*padding + dilation*(kernel_size - 1) + output_padding + 1",
                example: ">>> m = nn.ConvTranspose\(n)d(16, 33, 3, stride=2)\n>>> m(torch.randn(\(sample(n)))).shape")
        }
        // Pooling.
        for n in 1...3 {
            let d = dims(n, "_in"), o = dims(n, "_out"), first = dimNames[n]!.first!
            add("torch.nn.MaxPool\(n)d", "(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)",
                "Applies a \(n)D max pooling: each output element is the maximum of a kernel_size window of the input. stride defaults to kernel_size; padding is implicit negative infinity. With return_indices=True it also returns the argmax positions, for MaxUnpool\(n)d.",
                shape: "Input (N, C, \(d)) → Output (N, C, \(o)), where for each spatial dim\n    \(first)_out = floor((\(first)_in + 2*padding - dilation*(kernel_size - 1) - 1) / stride + 1)   (ceil with ceil_mode=True)",
                example: ">>> m = nn.MaxPool\(n)d(3, stride=2)\n>>> m(torch.randn(\(sample(n)))).shape")
            add("torch.nn.AvgPool\(n)d",
                n == 1 ? "(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)"
                       : "(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)",
                "Applies a \(n)D average pooling: each output element is the mean of a kernel_size window of the input. stride defaults to kernel_size; zero padding counts toward the mean unless count_include_pad=False.",
                shape: "Input (N, C, \(d)) → Output (N, C, \(o)), where for each spatial dim\n    \(first)_out = floor((\(first)_in + 2*padding - kernel_size) / stride + 1)   (ceil with ceil_mode=True)",
                example: ">>> m = nn.AvgPool\(n)d(3, stride=2)\n>>> m(torch.randn(\(sample(n)))).shape")
            add("torch.nn.MaxUnpool\(n)d", "(kernel_size, stride=None, padding=0)",
                "Computes a partial inverse of MaxPool\(n)d: puts each value back at the position recorded in indices and sets every other element to zero. Pass the indices returned by MaxPool\(n)d(..., return_indices=True), and output_size= when the pooled size was ambiguous.",
                shape: "Input (N, C, \(d)) → Output (N, C, \(o)), where for each spatial dim\n    \(first)_out = (\(first)_in - 1)*stride - 2*padding + kernel_size",
                example: ">>> pool = nn.MaxPool\(n)d(2, stride=2, return_indices=True)\n>>> unpool = nn.MaxUnpool\(n)d(2, stride=2)\n>>> out, idx = pool(torch.randn(\(sample(n))))\n>>> unpool(out, idx).shape")
        }
        // Other layers.
        let same = "Input (*) → Output (*), the same shape as the input"
        add("torch.nn.Linear", "(in_features, out_features, bias=True, device=None, dtype=None)",
            "Applies an affine transformation y = x Aᵀ + b. The weight has shape (out_features, in_features) and is initialised uniformly in ±1/sqrt(in_features), as is the bias.",
            shape: "Input (*, in_features) → Output (*, out_features)",
            example: ">>> m = nn.Linear(20, 30)\n>>> m(torch.randn(128, 20)).shape")
        add("torch.nn.Identity", "(*args, **kwargs)", "A placeholder layer that returns its input unchanged; its arguments are ignored.",
            shape: same, example: ">>> m = nn.Identity()\n>>> m(torch.randn(2, 3)).shape")
        add("torch.nn.Flatten", "(start_dim=1, end_dim=-1)",
            "Flattens a contiguous range of dimensions into one; by default every dimension but the batch dimension.",
            shape: "Input (*, S_start, …, S_end, *) → Output (*, S_start*…*S_end, *)",
            example: ">>> m = nn.Flatten()\n>>> m(torch.randn(32, 1, 5, 5)).shape")
        add("torch.nn.Sequential", "(*args)",
            "A container that chains modules: its forward passes the input through each module in order. Index it like a list (model[0]) to reach a layer.",
            shape: "Input → output of the last module",
            example: ">>> model = nn.Sequential(nn.Conv2d(1, 20, 5), nn.ReLU(), nn.Conv2d(20, 64, 5), nn.ReLU())\n>>> model(torch.randn(1, 1, 28, 28)).shape")
        func activation(_ name: String, _ sig: String, _ what: String, _ example: String) {
            add("torch.nn.\(name)", sig, what, shape: same, example: ">>> m = nn.\(example)\n>>> m(torch.randn(2))")
        }
        activation("Sigmoid", "()", "Applies the logistic sigmoid elementwise: Sigmoid(x) = 1 / (1 + exp(-x)). Squashes values into (0, 1).", "Sigmoid()")
        activation("Tanh", "()", "Applies the hyperbolic tangent elementwise: Tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)). Squashes values into (-1, 1).", "Tanh()")
        activation("ReLU", "(inplace=False)", "Applies the rectified linear unit elementwise: ReLU(x) = max(0, x). With inplace=True it overwrites its input.", "ReLU()")
        activation("LeakyReLU", "(negative_slope=0.01, inplace=False)", "Applies LeakyReLU(x) = max(0, x) + negative_slope * min(0, x) elementwise: like ReLU but with a small slope for negative inputs.", "LeakyReLU(0.1)")
        activation("PReLU", "(num_parameters=1, init=0.25, device=None, dtype=None)", "Applies PReLU(x) = max(0, x) + a * min(0, x), where the slope a is a learnable parameter (one shared, or one per channel with num_parameters=C), initialised to init.", "PReLU()")
        activation("RReLU", "(lower=0.125, upper=0.3333333333333333, inplace=False)", "Randomized leaky ReLU: in training the negative slope is sampled uniformly from [lower, upper] for each element; in eval mode it is fixed at (lower + upper) / 2.", "RReLU(0.1, 0.3)")
        activation("Softmax", "(dim=None)", "Rescales the input along dim so the elements lie in [0, 1] and sum to 1: Softmax(x_i) = exp(x_i) / Σ_j exp(x_j). Always pass dim.", "Softmax(dim=0)")
        activation("LogSoftmax", "(dim=None)", "Applies log(Softmax(x)) along dim, computed in a numerically stable way.", "LogSoftmax(dim=0)")
        activation("ELU", "(alpha=1.0, inplace=False)", "Applies the exponential linear unit elementwise: ELU(x) = x if x > 0, else alpha * (exp(x) - 1).", "ELU()")
        activation("GELU", "(approximate='none')", "Applies the Gaussian error linear unit GELU(x) = x * Φ(x), where Φ is the standard normal CDF; approximate='tanh' uses the tanh approximation.", "GELU()")
        activation("SiLU", "(inplace=False)", "Applies the sigmoid linear unit (swish) elementwise: SiLU(x) = x * sigmoid(x).", "SiLU()")
        activation("Softplus", "(beta=1.0, threshold=20.0)", "Applies Softplus(x) = 1/beta * log(1 + exp(beta * x)), a smooth approximation of ReLU; above threshold it reverts to the identity for numerical stability.", "Softplus()")
        activation("Hardtanh", "(min_val=-1.0, max_val=1.0, inplace=False)", "Clamps the input elementwise to [min_val, max_val].", "Hardtanh(-2, 2)")
        add("torch.nn.Dropout", "(p=0.5, inplace=False)",
            "During training, zeroes each element with probability p (drawn from a Bernoulli distribution) and scales the rest by 1/(1-p). In eval mode (m.eval()) it is the identity.",
            shape: same, example: ">>> m = nn.Dropout(p=0.2)\n>>> m(torch.randn(20, 16)).shape")

        // torch functions.
        let fac = "(*size, *, dtype=None, device=None, requires_grad=False)"
        add("torch.tensor", "(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False)",
            "Constructs a tensor by copying data (a number, or nested lists/tuples of numbers). The dtype is inferred: int64 for integers, float32 for floats, bool for booleans.",
            example: ">>> torch.tensor([[1., -1.], [1., -1.]])")
        add("torch.zeros", fac, "Returns a tensor filled with 0, of the shape given by size (separate ints, or one list/tuple).", example: ">>> torch.zeros(2, 3)")
        add("torch.ones", fac, "Returns a tensor filled with 1, of the shape given by size.", example: ">>> torch.ones(2, 3)")
        add("torch.empty", fac, "Returns a tensor of the given shape with unspecified contents (nnsh fills it with zeros).", example: ">>> torch.empty(2, 3)")
        add("torch.full", "(size, fill_value, *, dtype=None, device=None, requires_grad=False)", "Returns a tensor of shape size filled with fill_value.", example: ">>> torch.full((2, 3), 3.141592)")
        add("torch.randn", "(*size, *, generator=None, dtype=None, device=None, requires_grad=False)",
            "Returns a tensor of random numbers from the standard normal distribution N(0, 1). Seed with torch.manual_seed for the same numbers as PyTorch.",
            example: ">>> torch.manual_seed(0)\n>>> torch.randn(2, 3)")
        add("torch.rand", "(*size, *, generator=None, dtype=None, device=None, requires_grad=False)",
            "Returns a tensor of random numbers uniformly distributed on [0, 1).", example: ">>> torch.rand(4)")
        add("torch.randint", "(low=0, high, size, *, generator=None, dtype=None, device=None, requires_grad=False)",
            "Returns a tensor of random integers drawn uniformly from [low, high). size is a tuple; the dtype is int64.",
            example: ">>> torch.randint(3, 10, (2, 2))")
        add("torch.randperm", "(n, *, generator=None, dtype=torch.int64, device=None, requires_grad=False)", "Returns a random permutation of the integers 0 … n-1.", example: ">>> torch.randperm(4)")
        add("torch.arange", "(start=0, end, step=1, *, dtype=None, device=None, requires_grad=False)",
            "Returns a 1-D tensor of the values in [start, end) taken with the given step. The dtype is int64 when all arguments are integers, else float32.",
            example: ">>> torch.arange(5)\n>>> torch.arange(1, 2.5, 0.5)")
        add("torch.linspace", "(start, end, steps, *, dtype=None, device=None, requires_grad=False)",
            "Returns a 1-D tensor of steps values evenly spaced from start to end, both included.", example: ">>> torch.linspace(-10, 10, steps=5)")
        add("torch.eye", "(n, m=None, *, dtype=None, device=None, requires_grad=False)", "Returns a 2-D tensor with ones on the diagonal and zeros elsewhere.", example: ">>> torch.eye(3)")
        add("torch.zeros_like", "(input, *, dtype=None, device=None, requires_grad=False, memory_format=torch.preserve_format)", "Returns a tensor of zeros with the same shape (and dtype) as input.", example: ">>> torch.zeros_like(torch.empty(2, 3))")
        add("torch.ones_like", "(input, *, dtype=None, device=None, requires_grad=False, memory_format=torch.preserve_format)", "Returns a tensor of ones with the same shape (and dtype) as input.", example: ">>> torch.ones_like(torch.empty(2, 3))")
        add("torch.randn_like", "(input, *, dtype=None, device=None, requires_grad=False, memory_format=torch.preserve_format)", "Returns a tensor of standard normal random numbers with the same shape as input.", example: ">>> torch.randn_like(torch.zeros(2, 3))")
        add("torch.manual_seed", "(seed)", "Seeds the random number generator, so randn, rand, randint, dropout and layer initialisation give the same numbers as PyTorch with the same seed.", example: ">>> torch.manual_seed(42)\n>>> torch.rand(2)")
        add("torch.cat", "(tensors, dim=0, *, out=None)", "Concatenates a sequence of tensors along an existing dimension dim; all other dimensions must match.",
            shape: "Output size along dim is the sum of the inputs' sizes along dim", example: ">>> x = torch.randn(2, 3)\n>>> torch.cat((x, x, x), 0).shape")
        add("torch.stack", "(tensors, dim=0, *, out=None)", "Stacks tensors of equal shape along a new dimension inserted at dim.",
            shape: "k inputs of shape S → output with a new dimension of size k at dim", example: ">>> x = torch.randn(2, 3)\n>>> torch.stack((x, x)).shape")
        add("torch.matmul", "(input, other, *, out=None)",
            "Matrix product of two tensors: dot product for 1-D × 1-D, matrix multiplication for 2-D, and batched matrix multiplication with broadcasting for higher dimensions. Also written input @ other.",
            shape: "(*, n, m) @ (*, m, p) → (*, n, p)", example: ">>> torch.matmul(torch.randn(10, 3, 4), torch.randn(4, 5)).shape")
        add("torch.mm", "(input, mat2, *, out=None)", "Matrix multiplication of two 2-D tensors, without broadcasting.", shape: "(n, m) × (m, p) → (n, p)", example: ">>> torch.mm(torch.randn(2, 3), torch.randn(3, 3)).shape")
        add("torch.bmm", "(input, mat2, *, out=None)", "Batched matrix multiplication of two 3-D tensors.", shape: "(b, n, m) × (b, m, p) → (b, n, p)", example: ">>> torch.bmm(torch.randn(10, 3, 4), torch.randn(10, 4, 5)).shape")
        add("torch.where", "(condition, input, other)", "Returns a tensor of elements chosen from input where condition is True and from other elsewhere (broadcasting).", example: ">>> x = torch.randn(3)\n>>> torch.where(x > 0, x, 0.)")
        add("torch.allclose", "(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)", "Returns True if |input - other| <= atol + rtol * |other| elementwise.", example: ">>> torch.allclose(torch.tensor([1.0]), torch.tensor([1.0 + 1e-9]))")
        add("torch.sum", "(input, dim=None, keepdim=False, *, dtype=None)", "Sums all elements, or reduces over dim.", example: ">>> torch.sum(torch.ones(2, 3), dim=1)")
        add("torch.mean", "(input, dim=None, keepdim=False, *, dtype=None)", "Mean of all elements, or over dim (floating-point input).", example: ">>> torch.mean(torch.arange(4.))")
        add("torch.max", "(input, dim=None, keepdim=False)", "The largest element; with dim, a (values, indices) pair along dim.", example: ">>> torch.max(torch.tensor([[1, 5], [7, 2]]), dim=1)")
        add("torch.argmax", "(input, dim=None, keepdim=False)", "Index of the largest element (of the flattened input, or along dim).", example: ">>> torch.argmax(torch.tensor([1, 5, 2]))")
        add("torch.reshape", "(input, shape)", "Returns a tensor with the same data and number of elements in the given shape; one dimension may be -1 (inferred).", example: ">>> torch.reshape(torch.arange(6), (2, 3))")
        add("torch.flatten", "(input, start_dim=0, end_dim=-1)", "Flattens dimensions start_dim … end_dim into one.", example: ">>> torch.flatten(torch.zeros(2, 3, 4), 1).shape")
        add("torch.transpose", "(input, dim0, dim1)", "Returns a view with dimensions dim0 and dim1 swapped.", example: ">>> torch.transpose(torch.zeros(2, 3), 0, 1).shape")
        add("torch.squeeze", "(input, dim=None)", "Removes dimensions of size 1 (all of them, or only dim).", example: ">>> torch.squeeze(torch.zeros(2, 1, 3)).shape")
        add("torch.unsqueeze", "(input, dim)", "Inserts a dimension of size 1 at dim.", example: ">>> torch.unsqueeze(torch.zeros(3), 0).shape")
        add("torch.clamp", "(input, min=None, max=None)", "Clamps every element into [min, max].", example: ">>> torch.clamp(torch.randn(4), min=-0.5, max=0.5)")
        add("torch.softmax", "(input, dim, dtype=None)", "Softmax along dim: exponentiates and normalises so each slice sums to 1.", example: ">>> torch.softmax(torch.randn(2, 3), dim=1)")
        add("torch.numel", "(input)", "The total number of elements of input.", example: ">>> torch.numel(torch.zeros(2, 3))")
        add("torch.normal", "(mean, std, size=None, *, generator=None)", "Random numbers from normal distributions with the given mean(s) and standard deviation(s).", example: ">>> torch.normal(0.0, 1.0, size=(2, 2))")
        add("torch.no_grad", "()", "A context manager that disables gradient tracking inside its with-block.", example: ">>> with torch.no_grad():\n...     y = x * 2")
        add("torch.set_printoptions", "(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)", "Sets how tensors print: digits of precision, summarisation threshold, line width, scientific notation.", example: ">>> torch.set_printoptions(precision=2)")

        // torch.nn.functional.
        let F = "torch.nn.functional"
        for n in 1...3 {
            add("\(F).conv\(n)d", "(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)",
                "Applies a \(n)D convolution with the given weight (out_channels, in_channels/groups, kernel…) and optional bias. See nn.Conv\(n)d for the output shape.",
                shape: "(N, C_in, \(dims(n, "_in"))) → (N, C_out, \(dims(n, "_out"))), as nn.Conv\(n)d", example: ">>> F.conv\(n)d(torch.randn(\(sample(n))), torch.randn(8, 16, \(Array(repeating: "3", count: n).joined(separator: ", ")))).shape")
            add("\(F).conv_transpose\(n)d", "(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1)",
                "Applies a \(n)D transposed convolution; weight has shape (in_channels, out_channels/groups, kernel…). See nn.ConvTranspose\(n)d.",
                shape: "as nn.ConvTranspose\(n)d", example: ">>> F.conv_transpose\(n)d(torch.randn(\(sample(n))), torch.randn(16, 8, \(Array(repeating: "3", count: n).joined(separator: ", ")))).shape")
            add("\(F).max_pool\(n)d", "(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)",
                "Applies \(n)D max pooling. See nn.MaxPool\(n)d.", shape: "as nn.MaxPool\(n)d", example: ">>> F.max_pool\(n)d(torch.randn(\(sample(n))), 2).shape")
            add("\(F).avg_pool\(n)d", n == 1 ? "(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)"
                                             : "(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)",
                "Applies \(n)D average pooling. See nn.AvgPool\(n)d.", shape: "as nn.AvgPool\(n)d", example: ">>> F.avg_pool\(n)d(torch.randn(\(sample(n))), 2).shape")
            add("\(F).max_unpool\(n)d", "(input, indices, kernel_size, stride=None, padding=0, output_size=None)",
                "Partial inverse of max_pool\(n)d: scatters input to the positions in indices, zeros elsewhere. See nn.MaxUnpool\(n)d.", shape: "as nn.MaxUnpool\(n)d")
        }
        add("\(F).linear", "(input, weight, bias=None)", "Applies y = x Wᵀ + b.", shape: "(*, in_features) → (*, out_features)", example: ">>> F.linear(torch.randn(4, 3), torch.randn(2, 3)).shape")
        func fact(_ name: String, _ sig: String, _ what: String) {
            add("\(F).\(name)", sig, what, shape: same, example: ">>> F.\(name)(torch.randn(4))")
        }
        fact("relu", "(input, inplace=False)", "Applies ReLU(x) = max(0, x) elementwise.")
        fact("leaky_relu", "(input, negative_slope=0.01, inplace=False)", "Applies max(0, x) + negative_slope * min(0, x) elementwise.")
        add("\(F).prelu", "(input, weight)", "Applies max(0, x) + weight * min(0, x) with a learnable weight per channel.", shape: same)
        fact("rrelu", "(input, lower=0.125, upper=0.3333333333333333, training=False, inplace=False)", "Randomized leaky ReLU; see nn.RReLU.")
        fact("elu", "(input, alpha=1.0, inplace=False)", "Applies ELU elementwise: x if x > 0 else alpha * (exp(x) - 1).")
        fact("gelu", "(input, approximate='none')", "Applies GELU(x) = x * Φ(x) elementwise.")
        fact("silu", "(input, inplace=False)", "Applies x * sigmoid(x) elementwise.")
        fact("softplus", "(input, beta=1.0, threshold=20.0)", "Applies 1/beta * log(1 + exp(beta * x)) elementwise.")
        fact("hardtanh", "(input, min_val=-1.0, max_val=1.0, inplace=False)", "Clamps elementwise to [min_val, max_val].")
        fact("sigmoid", "(input)", "Applies 1 / (1 + exp(-x)) elementwise.")
        fact("tanh", "(input)", "Applies the hyperbolic tangent elementwise.")
        add("\(F).softmax", "(input, dim=None, dtype=None)", "Softmax along dim: each slice along dim becomes positive and sums to 1.", shape: same, example: ">>> F.softmax(torch.randn(2, 3), dim=1)")
        add("\(F).log_softmax", "(input, dim=None, dtype=None)", "log(softmax(x)) along dim, computed stably.", shape: same, example: ">>> F.log_softmax(torch.randn(2, 3), dim=1)")
        add("\(F).dropout", "(input, p=0.5, training=True, inplace=False)", "Zeroes each element with probability p and scales the rest by 1/(1-p) when training is True.", shape: same, example: ">>> F.dropout(torch.ones(8), p=0.5)")
        add("\(F).pad", "(input, pad, mode='constant', value=None)",
            "Pads the last dimensions: pad = (left, right) for the last one, (left, right, top, bottom) for the last two, and so on. mode is 'constant', 'reflect', 'replicate' or 'circular'.",
            shape: "each padded dimension grows by its before + after amounts", example: ">>> F.pad(torch.ones(1, 2, 2), (1, 1)).shape")

        // torch.nn.init.
        let I = "torch.nn.init"
        func initFn(_ name: String, _ sig: String, _ what: String) {
            add("\(I).\(name)", sig, what + " Modifies tensor in place (under no_grad) and returns it.", example: ">>> w = torch.empty(3, 5)\n>>> nn.init.\(name)(w\(sig.contains("val") ? ", 0.3" : sig.contains("sparsity") ? ", 0.1" : ""))")
        }
        initFn("uniform_", "(tensor, a=0.0, b=1.0, generator=None)", "Fills tensor with values from the uniform distribution U(a, b).")
        initFn("normal_", "(tensor, mean=0.0, std=1.0, generator=None)", "Fills tensor with values from the normal distribution N(mean, std²).")
        initFn("constant_", "(tensor, val)", "Fills tensor with the value val.")
        initFn("ones_", "(tensor)", "Fills tensor with 1.")
        initFn("zeros_", "(tensor)", "Fills tensor with 0.")
        initFn("eye_", "(tensor)", "Fills a 2-D tensor with the identity matrix.")
        initFn("dirac_", "(tensor, groups=1)", "Fills a 3-, 4- or 5-D tensor with the Dirac delta, so a convolution with it preserves its input channels.")
        initFn("xavier_uniform_", "(tensor, gain=1.0, generator=None)", "Glorot initialisation: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).")
        initFn("xavier_normal_", "(tensor, gain=1.0, generator=None)", "Glorot initialisation: N(0, std²) with std = gain * sqrt(2 / (fan_in + fan_out)).")
        initFn("kaiming_uniform_", "(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu', generator=None)", "He initialisation: U(-bound, bound) with bound = gain * sqrt(3 / fan_mode).")
        initFn("kaiming_normal_", "(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu', generator=None)", "He initialisation: N(0, std²) with std = gain / sqrt(fan_mode).")
        initFn("trunc_normal_", "(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None)", "Fills tensor from N(mean, std²) truncated to [a, b], by rejection sampling as PyTorch 2.15 does.")
        initFn("orthogonal_", "(tensor, gain=1, generator=None)", "Fills tensor with a (semi-)orthogonal matrix, scaled by gain.")
        initFn("sparse_", "(tensor, sparsity, std=0.01, generator=None)", "Fills a 2-D tensor from N(0, std²), then zeroes ceil(sparsity · rows) random rows of each column.")
        add("\(I).calculate_gain", "(nonlinearity, param=None)", "The recommended gain for a nonlinearity: 1 for linear/sigmoid, 5/3 for tanh, sqrt(2) for relu, sqrt(2/(1+slope²)) for leaky_relu.",
            example: ">>> nn.init.calculate_gain('leaky_relu', 0.2)")

        // Tensor methods (for keyword completion and help(x.view)).
        let methods: [(String, String, String)] = [
            ("view", "(*shape)", "A view of the same data with another shape (-1 infers one dimension)."),
            ("reshape", "(*shape)", "Like view, but copies when the data is not contiguous."),
            ("permute", "(*dims)", "A view with the dimensions reordered."),
            ("transpose", "(dim0, dim1)", "A view with two dimensions swapped."),
            ("flatten", "(start_dim=0, end_dim=-1)", "Flattens dimensions start_dim … end_dim."),
            ("unsqueeze", "(dim)", "Inserts a dimension of size 1."),
            ("squeeze", "(dim=None)", "Removes dimensions of size 1."),
            ("sum", "(dim=None, keepdim=False, dtype=None)", "Sum of elements, or along dim."),
            ("mean", "(dim=None, keepdim=False, dtype=None)", "Mean of elements, or along dim."),
            ("max", "(dim=None, keepdim=False)", "Largest element, or (values, indices) along dim."),
            ("min", "(dim=None, keepdim=False)", "Smallest element, or (values, indices) along dim."),
            ("argmax", "(dim=None, keepdim=False)", "Index of the largest element."),
            ("std", "(dim=None, correction=1, keepdim=False)", "Standard deviation."),
            ("clamp", "(min=None, max=None)", "Clamps elements into [min, max]."),
            ("to", "(dtype=None, device=None, copy=False)", "Converts to another dtype."),
            ("size", "(dim=None)", "The shape, or the size of dimension dim."),
            ("normal_", "(mean=0, std=1, generator=None)", "Fills in place from N(mean, std²)."),
            ("uniform_", "(from_=0, to=1, generator=None)", "Fills in place from U(from_, to)."),
            ("backward", "(gradient=None, retain_graph=None, create_graph=False)", "Computes gradients of this tensor with respect to graph leaves."),
        ]
        for (n, s, what) in methods { add("Tensor.\(n)", s, what) }
        return t
    }
}

// MARK: rendering help text

extension Interpreter {
    /// The qualified name under which `v` is documented, found by identity in the torch namespaces.
    func documentedName(of v: Value) -> String? {
        guard case .namespace(let torch)? = builtinsStorage["__torch__"] else { return nil }
        var stack: [(Namespace, Int)] = [(torch, 0)]
        var seen = Set<ObjectIdentifier>()
        while let (ns, depth) = stack.popLast() {
            guard seen.insert(ObjectIdentifier(ns)).inserted else { continue }
            for (k, member) in ns.members.sorted(by: { $0.key < $1.key }) {
                if case .namespace(let sub) = member, depth < 3 { stack.insert((sub, depth + 1), at: 0); continue }
                if valuesEqual(member, v) && HelpTable.entry("\(ns.name).\(k)") != nil { return "\(ns.name).\(k)" }
            }
        }
        switch v {
        case .builtin(let b):
            if b.receiver == "Tensor object", HelpTable.entry("Tensor.\(b.name)") != nil { return "Tensor.\(b.name)" }
            return HelpTable.entry(b.name)?.qualifiedName
        case .module(let m): return HelpTable.entry("torch.nn." + moduleTypeName(m))?.qualifiedName
        default: return nil
        }
    }

    /// What `help(v)` prints.
    public func helpText(for v: Value) -> String {
        if case .str(let topic) = v { return helpText(topic: topic) }
        if let q = documentedName(of: v), let e = HelpTable.entry(q) {
            var prefix = ""
            if case .module = v { prefix = "Layer instance:\n    \(v.repr.replacingOccurrences(of: "\n", with: "\n    "))\n\n" }
            return prefix + Interpreter.render(e)
        }
        // A registry method documents itself from its one declaration.
        if case .builtin(let b) = v, let m = b.native { return "\(b.name)\(m.signature.text)\n    \(m.doc)\n" }
        switch v {
        case .tensor(let t):
            var s = "Tensor\n    shape: \(Value.size(t.shape).repr)\n    dtype: \(t.dtype.description)\n"
            s += "    requires_grad: \(t.requiresGrad ? "True" : "False")\n\n"
            s += "A multi-dimensional array of one dtype; supports arithmetic (+ - * / @ **), indexing and slicing.\n\n"
            s += "Main attributes: shape, dtype, ndim, T, grad, requires_grad\n"
            s += "Main methods:\n"
            s += wrap(["size()", "dim()", "numel()", "item()", "tolist()", "view(*shape)", "reshape(*shape)", "permute(*dims)",
                       "transpose(d0, d1)", "flatten()", "unsqueeze(d)", "squeeze()", "sum()", "mean()", "max()", "min()",
                       "argmax()", "abs()", "exp()", "clamp(min, max)", "matmul(o)", "clone()", "detach()", "backward()"], indent: 4)
            s += "\nType x.<Tab> to see all of them; help(x.view) for one.\n"
            return s
        case .namespace(let ns):
            let names = (Set(ns.memberNames).union(HelpTable.names(in: ns.name))).filter { !$0.hasPrefix("_") }.sorted()
            return "Module \(ns.name)\n\nMembers:\n" + wrap(names, indent: 4)
        case .function(let f):
            let params = f.parameters.map(\.name).joined(separator: ", ")
            return "\(f.name)(\(params))\n    A function defined in this session.\n"
        case .builtin(let b):
            return "\(b.name)(...)\n    \(b.receiver.map { "Method of a \($0)." } ?? "Built-in function.") No further documentation.\n"
        default:
            return "\(v.typeName) object: \(v.repr.prefix(200))\n" + (memberNames(v).isEmpty ? "" : "Members:\n" + wrap(memberNames(v).sorted(), indent: 4))
        }
    }

    /// `help("Conv2d")`, `help("magics")`, `help("keys")`, `help()`.
    public func helpText(topic: String) -> String {
        let key = topic.trimmingCharacters(in: .whitespaces)
        if key.isEmpty || key == "topics" {
            let layers = HelpTable.names(in: "torch.nn")
            return """
            Welcome to nnsh — PyTorch semantics in a Swift shell.

            Ask about anything:  help(nn.Conv2d)   nn.Conv2d?   help(x)   dir(x)
            Topics:              help("layers")  help("torch")  help("functional")  help("init")
                                 help("magics")  help("keys")

            Layers (torch.nn):
            \(wrap(layers.sorted(), indent: 4))
            Press Tab to complete names, members (x.<Tab>) and keyword arguments (nn.Conv2d(3, 8, 3, pa<Tab>).

            """
        }
        switch key {
        case "layers", "nn": return "Layers (torch.nn):\n" + wrap(HelpTable.names(in: "torch.nn").sorted(), indent: 4)
        case "torch": return "torch functions:\n" + wrap(HelpTable.names(in: "torch").sorted(), indent: 4)
        case "functional", "F": return "torch.nn.functional (import torch.nn.functional as F):\n" + wrap(HelpTable.names(in: "torch.nn.functional").sorted(), indent: 4)
        case "init": return "torch.nn.init:\n" + wrap(HelpTable.names(in: "torch.nn.init").sorted(), indent: 4)
        case "magics", "%": return Magics.helpText
        case "keys", "keyboard":
            return """
            Keys (emacs style):
                Tab           complete names, members, keyword arguments, file names in strings
                Up / Down     previous / next history entry;  Ctrl-R  search history
                Ctrl-A / E    start / end of line;   Alt-B / Alt-F   word left / right
                Ctrl-K / U    delete to end / start of line;  Ctrl-W  delete previous word
                Ctrl-C        cancel the line, or interrupt a running computation
                Ctrl-D        leave (also exit() or quit())

            """
        default:
            if let e = HelpTable.entry(key) { return Interpreter.render(e) }
            return "No help found for '\(key)'. Try help() for topics.\n"
        }
    }

    static func render(_ e: HelpEntry) -> String {
        let shown = e.qualifiedName
            .replacingOccurrences(of: "torch.nn.functional.", with: "F.")
            .replacingOccurrences(of: "torch.nn.init.", with: "nn.init.")
            .replacingOccurrences(of: "torch.nn.", with: "nn.")
        var s = "\(shown)\(e.signature)\n\n"
        s += wrapText(e.summary, indent: 4) + "\n"
        if let shape = e.shape { s += "\nShape:\n    \(shape)\n" }
        if let ex = e.example { s += "\nExample:\n" + ex.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n" }
        return s
    }
}

/// Names in columns.
func wrap(_ items: [String], indent: Int, width: Int = 78) -> String {
    guard !items.isEmpty else { return "" }
    let col = (items.map(\.count).max() ?? 0) + 2
    let perLine = Swift.max(1, (width - indent) / col)
    var out = ""
    for (i, item) in items.enumerated() {
        if i % perLine == 0 { out += String(repeating: " ", count: indent) }
        let last = i % perLine == perLine - 1 || i == items.count - 1
        out += last ? item + "\n" : item.padding(toLength: col, withPad: " ", startingAt: 0)
    }
    return out
}

/// Prose wrapped at word boundaries.
func wrapText(_ text: String, indent: Int, width: Int = 78) -> String {
    var lines = [String](), line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty && indent + line.count + 1 + word.count > width { lines.append(line); line = "" }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.map { String(repeating: " ", count: indent) + $0 }.joined(separator: "\n")
}

extension Interpreter {
    /// `help` as a builtin (registered from `makeBuiltins`).
    func makeHelpBuiltins() -> [String: Value] {
        ["help": .builtin(Builtin("help") { [unowned self] args in
            if let v = args.positional.first { self.write(self.helpText(for: v)) }
            else { self.write(self.helpText(topic: "")) }
            return .none
        })]
    }
}
