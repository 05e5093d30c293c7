// Target "structured": the fuzz bytes choose a well-formed program — tensors of random (often
// invalid) shapes and dtypes, tensor ops, layers and functional ops with random arguments —
// so inputs reach the kernels instead of dying in the parser. Each statement runs as its own
// `Session.run` in one session (state carries over, an error does not stop the next statement),
// as lines typed at the prompt would.
import Shell
#if canImport(Glibc)
import Glibc
#endif

struct Bytes {
    let data: UnsafeBufferPointer<UInt8>
    var i = 0
    var exhausted: Bool { i >= data.count }
    mutating func byte() -> Int {
        guard i < data.count else { return 0 }
        defer { i += 1 }
        return Int(data[i])
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[byte() % xs.count] }
    mutating func chance(_ outOf: Int) -> Bool { byte() % outOf == 0 }
}

struct ProgramGenerator {
    var b: Bytes
    let vars = ["a", "b", "c", "d", "e"]
    let layers = ["m", "n"]

    static let smallInts = ["0", "1", "2", "3", "4", "5", "1", "2", "3", "-1", "-2", "7", "16"]
    static let wildInts = ["0", "-1", "-3", "64", "1000", "2**31", "2**40", "2**62", "9223372036854775807", "-2**63",
                           "10**9", "True", "None", "2.5", "float('nan')", "float('inf')", "int(1e30)", "'a'",
                           "(1, 2)", "[2]", "-2**62", "2**32+1",
                           // Past 64 bits (arbitrary-precision ints) and at the size limit's edge.
                           "2**64", "-2**100", "10**30", "(1 << 70) + 1", "2**2000", "-(2**63)", "~2**65"]
    static let floats = ["0.0", "0.5", "-1.5", "1e30", "-1e30", "float('nan')", "float('inf')", "-0.0", "1e-30", "3"]
    static let dtypes = ["torch.float32", "torch.float64", "torch.int64", "torch.int32", "torch.uint8", "torch.bool",
                         "torch.float16", "torch.long", "torch.float", "torch.double"]
    static let unaryMethods = ["abs", "neg", "exp", "log", "sqrt", "sigmoid", "tanh", "relu", "sin", "cos", "floor",
                               "ceil", "round", "trunc", "sign", "reciprocal", "rsqrt", "square", "t", "contiguous",
                               "clone", "detach", "float", "double", "long", "int", "bool", "byte", "half",
                               "flatten", "sum", "mean", "prod", "std", "norm", "max", "min", "argmax", "cumsum",
                               "tolist", "item", "numel", "dim", "size", "stride", "isnan", "isinf", "isfinite",
                               "logical_not", "erf", "expm1", "log1p", "log2", "log10", "exp2", "zero_", "relu_",
                               "sigmoid_", "tanh_", "neg_", "exp_", "sqrt_", "square_", "detach_", "requires_grad_",
                               "unbind", "is_contiguous", "squeeze", "mT", "T", "shape", "dtype", "grad", "data",
                               "unsqueeze_", "retain_grad", "sort", "softmax", "element_size", "storage_offset",
                               "log_", "sin_", "cos_", "reciprocal_", "floor_", "round_", "trunc_", "sign_", "rsqrt_",
                               "tril", "triu", "tril_", "triu_", "trace", "diag", "diagonal", "diag_embed", "exponential_"]
    static let intArgMethods = ["view", "reshape", "permute", "transpose", "squeeze", "unsqueeze", "flatten",
                                "expand", "repeat", "narrow", "select", "chunk", "split", "sum", "mean", "max",
                                "min", "argmax", "cumsum", "softmax", "topk", "flip", "std", "prod", "norm",
                                "size", "stride", "unbind", "sort", "new_zeros", "fill_", "clamp", "pow", "pow_",
                                "add", "mul", "div", "sub", "remainder", "floor_divide", "masked_fill", "index_select",
                                "random_", "uniform_", "normal_", "bernoulli_", "add_", "mul_", "div_", "sub_",
                                "tril", "triu", "tril_", "triu_", "diag", "diagonal", "diag_embed", "multinomial",
                                "exponential_", "round_", "clamp_"]
    static let binaryMethods = ["add", "sub", "mul", "div", "matmul", "mm", "bmm", "mv", "dot", "maximum", "minimum",
                                "eq", "ne", "lt", "le", "gt", "ge", "pow", "remainder", "copy_", "expand_as",
                                "view_as", "type_as", "add_", "mul_", "sub_", "div_", "masked_fill", "index_select",
                                "floor_divide", "where"]
    static let binaryOps = ["+", "-", "*", "/", "//", "%", "**", "@", "==", "<", ">=", "!=", "&", "|", "^"]
    static let torchFunctions = ["cat", "stack", "where", "allclose", "equal", "matmul", "max", "min", "sum", "abs",
                                 "numel", "is_tensor", "zeros_like", "ones_like", "full_like", "randn_like", "softmax",
                                 "sigmoid", "tanh", "relu", "flatten", "transpose", "squeeze", "unsqueeze", "mean",
                                 "multinomial", "trace", "diag", "tril", "triu", "norm", "diagonal"]
    static let layerKinds = ["Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
                             "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d",
                             "MaxUnpool1d", "MaxUnpool2d", "MaxUnpool3d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d",
                             "Linear", "ReLU", "LeakyReLU", "PReLU", "RReLU", "ELU", "GELU", "SiLU", "Sigmoid", "Tanh",
                             "Softmax", "LogSoftmax", "Softplus", "Hardtanh", "Dropout", "Dropout2d", "Flatten",
                             "Identity", "ZeroPad2d", "ConstantPad1d", "ConstantPad2d", "ReflectionPad1d",
                             "ReflectionPad2d", "ReplicationPad2d", "ReplicationPad3d", "CircularPad2d", "Upsample",
                             "BatchNorm2d", "Sequential", "RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell"]
    static let layerKeywords = ["kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode",
                                "output_padding", "return_indices", "ceil_mode", "count_include_pad", "inplace", "dim",
                                "negative_slope", "num_parameters", "p", "start_dim", "end_dim", "divisor_override",
                                "min_val", "max_val", "alpha", "beta", "threshold", "lower", "upper", "scale_factor",
                                "mode", "value", "output_size", "approximate", "in_features", "out_features",
                                "hidden_size", "num_layers", "batch_first", "bidirectional", "proj_size", "nonlinearity",
                                "dropout"]
    static let functional = ["conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                             "max_pool1d", "max_pool2d", "max_pool3d", "avg_pool1d", "avg_pool2d", "avg_pool3d",
                             "max_unpool2d", "adaptive_avg_pool2d", "linear", "relu", "leaky_relu", "softmax",
                             "log_softmax", "dropout", "pad", "gelu", "elu", "hardtanh", "prelu", "sigmoid", "tanh",
                             "interpolate", "silu", "softplus", "rrelu"]
    static let initFunctions = ["dirac_", "eye_", "zeros_", "ones_", "constant_", "uniform_", "normal_", "xavier_uniform_",
                                "xavier_normal_", "kaiming_uniform_", "kaiming_normal_", "_calculate_fan_in_and_fan_out",
                                "calculate_gain", "trunc_normal_", "sparse_", "orthogonal_"]
    static let padModes = ["'constant'", "'reflect'", "'replicate'", "'circular'", "'zeros'", "'bogus'", "'same'", "'valid'"]

    init(_ data: UnsafeBufferPointer<UInt8>) { b = Bytes(data: data) }

    mutating func int() -> String { b.chance(5) ? b.pick(Self.wildInts) : b.pick(Self.smallInts) }
    mutating func float() -> String { b.pick(Self.floats) }
    mutating func scalar() -> String { b.chance(2) ? int() : float() }
    mutating func ints(_ max: Int) -> [String] { (0..<(b.byte() % (max + 1))).map { _ in int() } }
    mutating func shape() -> String {
        let dims = ints(5)
        switch b.byte() % 3 {
        case 0: return dims.joined(separator: ", ")
        case 1: return "(" + dims.joined(separator: ", ") + (dims.count == 1 ? ",)" : ")")
        default: return "[" + dims.joined(separator: ", ") + "]"
        }
    }
    mutating func tuple(_ max: Int) -> String {
        let xs = ints(max)
        return "(" + xs.joined(separator: ", ") + (xs.count == 1 ? ",)" : ")")
    }
    mutating func v() -> String { b.pick(vars) }
    mutating func dtypeKw() -> String { b.chance(3) ? ", dtype=\(b.pick(Self.dtypes))" : "" }

    mutating func nested(_ depth: Int) -> String {
        if depth == 0 || b.chance(3) { return scalar() }
        let n = b.byte() % 4
        return "[" + (0..<n).map { _ in nested(depth - 1) }.joined(separator: ", ") + "]"
    }

    mutating func tensorExpr() -> String {
        switch b.byte() % 14 {
        case 0: return "torch.randn(\(shape())\(dtypeKw()))"
        case 1: return "torch.zeros(\(shape())\(dtypeKw()))"
        case 2: return "torch.ones(\(shape())\(dtypeKw()))"
        case 3: return "torch.arange(\(int()))"
        case 4: return "torch.arange(\(scalar()), \(scalar()), \(scalar())\(dtypeKw()))"
        case 5: return "torch.tensor(\(nested(3))\(dtypeKw()))"
        case 6: return "torch.full(\(tuple(4)), \(scalar())\(dtypeKw()))"
        case 7: return "torch.rand(\(shape())\(b.chance(2) ? ", requires_grad=True" : ""))"
        case 8: return "torch.randint(\(int()), \(int()), \(tuple(4)))"
        case 9: return "torch.linspace(\(scalar()), \(scalar()), \(int()))"
        case 10: return "torch.eye(\(int()))"
        case 11: return "torch.randn(\(int()), \(int()), \(int()), \(int()), requires_grad=True)"
        case 12: return "torch.empty(\(shape()))"
        default: return "torch.randperm(\(int()))"
        }
    }

    mutating func arg() -> String {
        switch b.byte() % 8 {
        case 0, 1, 2: return int()
        case 3: return v()
        case 4: return float()
        case 5: return tuple(4)
        case 6: return b.pick(Self.dtypes)
        default: return "dim=\(int())"
        }
    }
    mutating func args(_ max: Int) -> String { (0..<(b.byte() % (max + 1))).map { _ in arg() }.joined(separator: ", ") }

    mutating func index() -> String {
        func one(_ g: inout ProgramGenerator) -> String {
            switch g.b.byte() % 8 {
            case 0, 1: return g.int()
            case 2: return "\(g.b.chance(2) ? g.int() : ""):\(g.b.chance(2) ? g.int() : "")\(g.b.chance(3) ? ":" + g.int() : "")"
            case 3: return "None"
            case 4: return "..."
            case 5: return "\(g.v()) > 0"
            case 6: return "[\(g.int()), \(g.int())]"
            default: return g.v()
            }
        }
        return (0..<(1 + b.byte() % 3)).map { _ in one(&self) }.joined(separator: ", ")
    }

    mutating func layer() -> String {
        let kind = b.pick(Self.layerKinds)
        if kind == "Sequential" { return "nn.Sequential(\(b.pick(layers)), nn.\(b.pick(Self.layerKinds))(\(int())))" }
        var parts = (0..<(b.byte() % 4)).map { _ in int() }
        for _ in 0..<(b.byte() % 4) {
            let k = b.pick(Self.layerKeywords)
            let value: String
            switch b.byte() % 5 {
            case 0: value = tuple(3)
            case 1: value = b.pick(Self.padModes)
            case 2: value = b.chance(2) ? "True" : "False"
            default: value = int()
            }
            parts.append("\(k)=\(value)")
        }
        return "nn.\(kind)(\(parts.joined(separator: ", ")))"
    }

    mutating func statement() -> String {
        let target = v()
        switch b.byte() % 20 {
        case 0, 1, 2: return "\(target) = \(tensorExpr())"
        case 3: return "\(target) = \(v()).\(b.pick(Self.unaryMethods))\(b.chance(4) ? "" : "()")"
        case 4, 5: return "\(target) = \(v()).\(b.pick(Self.intArgMethods))(\(args(4)))"
        case 6: return "\(target) = \(v()).\(b.pick(Self.binaryMethods))(\(v())\(b.chance(3) ? ", " + arg() : ""))"
        case 7: return "\(target) = \(v()) \(b.pick(Self.binaryOps)) \(b.chance(2) ? v() : scalar())"
        case 8: return "\(target) = \(v())[\(index())]"
        case 9: return "\(v())[\(index())] = \(b.chance(2) ? v() : scalar())"
        case 10: return "\(b.pick(layers)) = \(layer())"
        case 11, 12: return "\(target) = \(b.pick(layers))(\(v())\(b.chance(4) ? ", " + v() : ""))"
        case 13: return "\(target) = F.\(b.pick(Self.functional))(\(v())\(b.chance(2) ? ", " + v() : "")\(b.chance(2) ? ", " + args(3) : ""))"
        case 14: return "\(target) = F.pad(\(v()), \(tuple(6)), mode=\(b.pick(Self.padModes))\(b.chance(2) ? ", value=" + scalar() : ""))"
        case 15: return "\(v()).sum().backward()"
        case 16: return "print(\(v()))"
        case 17: return "\(target) = torch.\(b.pick(Self.torchFunctions))(\(b.chance(2) ? "[\(v()), \(v())]" : v())\(b.chance(2) ? ", " + args(2) : ""))"
        case 18: return "\(target) = \(v()).to(\(b.pick(Self.dtypes)))"
        default:
            // Rarer surfaces, behind a third of case 19 so that existing corpus inputs keep their meaning.
            if b.chance(3) {
                switch b.byte() % 5 {
                case 4:
                    // Reference cycles through the collector, with a tensor inside and a big int beside.
                    return "\(target) = [\(v()), \(b.pick(Self.wildInts))]; \(target).append(\(target)); import gc; gc.collect(); \(target) = \(target)[0]"
                case 0: return "nn.init.\(b.pick(Self.initFunctions))(\(v())\(b.chance(2) ? ", " + args(2) : ""))"
                case 1: return "nn.explain(\(b.pick(layers)), \(b.chance(3) ? v() : tuple(5)))"
                case 2: return "\(target) = torch.Size(\(tuple(4))).numel()"
                default: return "\(target) = \(b.pick(layers))(\(v()), \(b.chance(2) ? v() : tuple(5)))"
                }
            }
            return "\(target) = \(b.pick(layers)).\(b.pick(["weight", "bias", "parameters()", "eval()", "train()", "zero_grad()", "extra_repr()", "state_dict()", "weight.grad", "__repr__()"]))"
        }
    }

    /// Chunks to run for one input: a prelude (one chunk: it cannot fail), then one statement per
    /// few bytes until the bytes run out.
    mutating func program() -> [String] {
        let prelude = ["import torch", "import torch.nn as nn", "import torch.nn.functional as F",
                       "torch.manual_seed(\(b.byte()))",
                       "a = torch.randn(2, 3, 8, 8)", "b = torch.randn(3, 3, 3, 3)", "c = torch.randn(4)",
                       "d = torch.arange(6)", "e = torch.randn(1, 2, 5, requires_grad=True)",
                       "m = nn.Conv2d(3, 4, 3)", "n = nn.MaxPool2d(2, return_indices=True)"]
        var out = [prelude.joined(separator: "\n")]
        while !b.exhausted && out.count < 30 { out.append(statement()) }
        return out
    }
}

/// `NNSH_FUZZ_PRINT=1 .build/fuzz/fuzz-structured FILE` shows the program an input stands for.
let printPrograms = getenv("NNSH_FUZZ_PRINT") != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var gen = ProgramGenerator(UnsafeBufferPointer(start: data, count: size))
    let session = makeFuzzSession()
    let program = gen.program()
    if printPrograms {
        print(program.joined(separator: "\n") + "\n# ----")
        fflush(stdout)   // before a crash, which would lose buffered output
    }
    for line in program {
        if case .exit = session.run(line + "\n") { break }
    }
    Interpreter.interruptRequested = false
    return 0
}
