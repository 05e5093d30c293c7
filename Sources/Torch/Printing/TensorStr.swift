// A port of `torch/_tensor_str.py` (PyTorch 2.15), function for function, same names.

/// `torch._tensor_str.__PrinterOptions` / `PRINT_OPTS`.
public struct PrintOptions: Equatable, Sendable {
    public var precision = 4
    /// `inf` under the `full` profile, hence a Double.
    public var threshold: Double = 1000
    public var edgeitems = 3
    public var linewidth = 80
    public var sciMode: Bool? = nil

    public init() {}

    /// `PRINT_OPTS`: the options every `tensorRepr` uses.
    nonisolated(unsafe) public static var current = PrintOptions()

    public static let `default` = PrintOptions()
    public static var short: PrintOptions { var o = PrintOptions(); o.precision = 2; o.edgeitems = 2; return o }
    public static var full: PrintOptions { var o = PrintOptions(); o.threshold = .infinity; return o }
}

/// `torch.set_printoptions(...)`. As in PyTorch, `sciMode` is always assigned (nil restores automatic),
/// the profile is applied first, and an unknown profile name is ignored.
public func setPrintOptions(precision: Int? = nil, threshold: Double? = nil, edgeitems: Int? = nil,
                            linewidth: Int? = nil, profile: String? = nil, sciMode: Bool? = nil) {
    var o = PrintOptions.current
    if let profile {
        let keepSci = o.sciMode
        switch profile {
        case "default": o = .default
        case "short": o = .short
        case "full": o = .full
        default: break
        }
        o.sciMode = keepSci
    }
    // Absurd values are clamped so printing stays finite (precision=10**9 would format forever,
    // negative edgeitems built invalid ranges).
    if let precision { o.precision = min(max(precision, 0), 1000) }
    if let threshold { o.threshold = threshold.isNaN ? 0 : threshold }
    if let edgeitems { o.edgeitems = min(max(edgeitems, 0), 1 << 20) }
    if let linewidth { o.linewidth = min(max(linewidth, 1), 1 << 20) }
    o.sciMode = sciMode
    PrintOptions.current = o
}

/// `torch.get_printoptions()`.
public func getPrintOptions() -> PrintOptions { PrintOptions.current }

/// `str(torch.Size([2, 3]))` → `torch.Size([2, 3])`.
public func sizeRepr(_ shape: [Int]) -> String {
    "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
}

/// `str(tuple(shape))` → `(0, 3)`, `(5,)`, `()`.
func tupleRepr(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

/// Python's `'{:.Nf}'.format(x)` (nan is always `nan`, never `-nan`).
func formatFixed(_ x: Double, _ precision: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return cFormat("%.*f", Int32(precision), x)
}

/// Python's `'{:.Ne}'.format(x)`.
func formatSci(_ x: Double, _ precision: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return cFormat("%.*e", Int32(precision), x)
}

/// A strided window on a tensor's storage: `self[i]` without allocating tensors.
struct _TensorView {
    let t: Tensor
    let shape: [Int]
    let strides: [Int]
    let offset: Int

    init(_ t: Tensor) { self.t = t; shape = t.shape; strides = t.strides; offset = t.offset }
    init(t: Tensor, shape: [Int], strides: [Int], offset: Int) {
        self.t = t; self.shape = shape; self.strides = strides; self.offset = offset
    }

    var dim: Int { shape.count }
    var numel: Int { Shape.elementCount(shape) }
    func size(_ d: Int) -> Int { shape[d] }

    /// `self[i]`.
    subscript(i: Int) -> _TensorView {
        _TensorView(t: t, shape: Array(shape.dropFirst()), strides: Array(strides.dropFirst()),
                    offset: offset + i * strides[0])
    }

    /// Storage offsets of every element, row-major (`reshape(-1)`). The walk adds and takes back strides
    /// in wrapping arithmetic, so a size-1 dimension with a huge stride (`x[3::2**63-1]`) cannot overflow.
    var elementOffsets: [Int] {
        if dim == 0 { return [offset] }
        if numel == 0 { return [] }
        var out = [Int]()
        out.reserveCapacity(numel)
        var index = [Int](repeating: 0, count: dim)
        var o = offset
        for k in 0..<numel {
            // Ctrl-C: stop early; the caller's repr is thrown away as KeyboardInterrupt.
            if k & 0xFFFF == 0xFFFF && TorchInterrupt.requested { return out }
            out.append(o)
            var d = dim - 1
            while d >= 0 {
                index[d] += 1
                o &+= strides[d]   // wrapping: past the last element a huge stride may leave Int's range
                if index[d] < shape[d] { break }
                o &-= strides[d] &* shape[d]
                index[d] = 0
                d -= 1
            }
        }
        return out
    }
}

/// `_Formatter`: picks int mode / fixed / scientific and the common width from the values shown.
struct _Formatter {
    let floatingDtype: Bool
    var intMode = true
    var sciMode = false
    var maxWidth = 1
    let precision: Int

    /// `values`: storage offsets into `t` of the (summarised) data.
    init(_ t: Tensor, _ values: [Int], options: PrintOptions) {
        floatingDtype = t.dtype.isFloatingPoint
        precision = options.precision
        if !floatingDtype {
            for o in values {
                maxWidth = max(maxWidth, _Formatter.intString(t, o).count)
            }
            return
        }
        if TorchInterrupt.requested { return }
        let nonzeroFinite = values.map { t.flatDouble($0) }.filter { $0.isFinite && $0 != 0 }
        if nonzeroFinite.isEmpty || TorchInterrupt.requested { return }
        let absValues = nonzeroFinite.map { abs($0) }
        let nonzeroFiniteMin = absValues.min()!, nonzeroFiniteMax = absValues.max()!
        for value in nonzeroFinite where value != value.rounded(.up) {
            intMode = false
            break
        }
        sciMode = options.sciMode ?? (nonzeroFiniteMax / nonzeroFiniteMin > 1000.0
                                       || nonzeroFiniteMax > 1.0e8 || nonzeroFiniteMin < 1.0e-4)
        // Each loop formats every value shown: minutes for 10⁸ of them, so Ctrl-C ends it early.
        if intMode && !sciMode {
            for value in nonzeroFinite { maxWidth = max(maxWidth, formatFixed(value, 0).count + 1); if TorchInterrupt.requested { break } }
        } else if sciMode {
            for value in nonzeroFinite { maxWidth = max(maxWidth, formatSci(value, precision).count); if TorchInterrupt.requested { break } }
        } else {
            for value in nonzeroFinite { maxWidth = max(maxWidth, formatFixed(value, precision).count); if TorchInterrupt.requested { break } }
        }
    }

    /// `f"{value}"` of an integer or bool element.
    static func intString(_ t: Tensor, _ o: Int) -> String {
        if t.dtype == .bool { return t.flatInt(o) != 0 ? "True" : "False" }
        return String(t.flatInt(o))
    }

    func width() -> Int { maxWidth }

    /// `format(value)` for the element at storage offset `o`.
    func format(_ t: Tensor, _ o: Int) -> String {
        if TorchInterrupt.requested { return "" }
        let ret: String
        if floatingDtype {
            let value = t.flatDouble(o)
            if sciMode {
                ret = formatSci(value, precision)
            } else if intMode {
                ret = formatFixed(value, 0) + (value.isInfinite || value.isNaN ? "" : ".")
            } else {
                ret = formatFixed(value, precision)
            }
        } else {
            ret = _Formatter.intString(t, o)
        }
        return String(repeating: " ", count: max(0, maxWidth - ret.count)) + ret
    }
}

/// `_scalar_str`.
func _scalar_str(_ view: _TensorView, _ formatter: _Formatter) -> String {
    formatter.format(view.t, view.offset)
}

/// `_vector_str`.
func _vector_str(_ view: _TensorView, _ indent: Int, _ summarize: Bool, _ formatter: _Formatter,
                 _ options: PrintOptions) -> String {
    let elementLength = formatter.width() + 2
    let elementsPerLine = max(1, Int((Double(options.linewidth - indent) / Double(elementLength)).rounded(.down)))
    let edge = options.edgeitems
    var data: [String]
    let n = view.size(0)
    func fmt(_ i: Int) -> String { formatter.format(view.t, view.offset + i * view.strides[0]) }
    if TorchInterrupt.requested { return "" }
    if summarize && edge == 0 {
        data = ["..."]
    } else if summarize && n > 2 * edge {
        data = (0..<edge).map(fmt) + [" ..."] + ((n - edge)..<n).map(fmt)
    } else {
        data = (0..<n).map(fmt)
    }
    var lines = [String]()
    var i = 0
    while i < data.count {
        lines.append(data[i..<min(i + elementsPerLine, data.count)].joined(separator: ", "))
        i += elementsPerLine
    }
    return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
}

/// `_tensor_str_with_formatter`.
func _tensor_str_with_formatter(_ view: _TensorView, _ indent: Int, _ summarize: Bool,
                                _ formatter: _Formatter, _ options: PrintOptions) -> String {
    let dim = view.dim
    if dim == 0 { return _scalar_str(view, formatter) }
    if dim == 1 { return _vector_str(view, indent, summarize, formatter, options) }
    let edge = options.edgeitems
    let n = view.size(0)
    var slices: [String]
    if summarize && n > 2 * edge {
        slices = (0..<edge).map { _tensor_str_with_formatter(view[$0], indent + 1, summarize, formatter, options) }
            + ["..."]
            + ((n - edge)..<n).map { _tensor_str_with_formatter(view[$0], indent + 1, summarize, formatter, options) }
    } else {
        slices = (0..<n).map { _tensor_str_with_formatter(view[$0], indent + 1, summarize, formatter, options) }
    }
    let sep = "," + String(repeating: "\n", count: dim - 1) + String(repeating: " ", count: indent + 1)
    return "[" + slices.joined(separator: sep) + "]"
}

/// `get_summarized_data`, returning the storage offsets of the kept elements.
func get_summarized_data(_ view: _TensorView, _ options: PrintOptions) -> [Int] {
    let dim = view.dim
    let edge = options.edgeitems
    if dim == 0 { return [view.offset] }
    if dim == 1 {
        let n = view.size(0)
        if n > 2 * edge && edge > 0 {
            let at = { (i: Int) in view.offset + i * view.strides[0] }
            return (0..<edge).map(at) + ((n - edge)..<n).map(at)
        }
        // `self[-0:]` is the whole tensor, so edgeitems=0 keeps everything (as PyTorch does).
        return view.elementOffsets
    }
    if edge == 0 { return [] }
    let n = view.size(0)
    let rows = n > 2 * edge ? Array(0..<edge) + Array((n - edge)..<n) : Array(0..<n)
    return rows.flatMap { get_summarized_data(view[$0], options) }
}

/// `_tensor_str`.
func _tensor_str(_ t: Tensor, _ indent: Int, _ options: PrintOptions) -> String {
    if t.numel == 0 { return "[]" }
    let summarize = Double(t.numel) > options.threshold
    let view = _TensorView(t)
    let formatter = _Formatter(t, summarize ? get_summarized_data(view, options) : view.elementOffsets,
                               options: options)
    if TorchInterrupt.requested { return "" }
    return _tensor_str_with_formatter(view, indent, summarize, formatter, options)
}

/// `_add_suffixes`.
func _add_suffixes(_ tensorStr: String, _ suffixes: [String], _ indent: Int, _ forceNewline: Bool,
                   _ options: PrintOptions) -> String {
    var tensorStrs = [tensorStr]
    let chars = Array(tensorStr.unicodeScalars)
    let lastNewline = chars.lastIndex(of: "\n") ?? -1
    var lastLineLen = chars.count - lastNewline + 1
    var forceNewline = forceNewline
    for suffix in suffixes {
        let suffixLen = suffix.unicodeScalars.count
        if forceNewline || lastLineLen + suffixLen + 2 > options.linewidth {
            tensorStrs.append(",\n" + String(repeating: " ", count: indent) + suffix)
            lastLineLen = indent + suffixLen
            forceNewline = false
        } else {
            tensorStrs.append(", " + suffix)
            lastLineLen += suffixLen + 2
        }
    }
    tensorStrs.append(")")
    return tensorStrs.joined()
}

/// `_str_intern` for a dense CPU tensor (default dtype float32).
func _str_intern(_ t: Tensor, _ options: PrintOptions) -> String {
    let prefix = "tensor("
    let indent = prefix.count
    var suffixes = [String]()
    let hasDefaultDtype = t.dtype == .float32 || t.dtype == .int64 || t.dtype == .bool
    let tensorStr: String
    if t.numel == 0 {
        if t.dim != 1 { suffixes.append("size=" + tupleRepr(t.shape)) }
        if t.dtype != .float32 { suffixes.append("dtype=" + t.dtype.description) }
        tensorStr = "[]"
    } else {
        if options.edgeitems == 0 { suffixes.append("size=" + tupleRepr(t.shape)) }
        if !hasDefaultDtype { suffixes.append("dtype=" + t.dtype.description) }
        tensorStr = _tensor_str(t, indent, options)
    }
    if let gradFn = t.gradFn {
        suffixes.append("grad_fn=<\(gradFn.name)>")
    } else if t.requiresGrad {
        suffixes.append("requires_grad=True")
    }
    return _add_suffixes(prefix + tensorStr, suffixes, indent, false, options)
}

/// Exactly what `repr(t)` / `print(t)` shows in PyTorch, under `PrintOptions.current`. Ctrl-C during
/// a long repr returns an incomplete text at once: callers check `TorchInterrupt` before using it.
public func tensorRepr(_ t: Tensor) -> String {
    tensorRepr(t, options: PrintOptions.current)
}

/// `repr(t)` under explicit print options.
public func tensorRepr(_ t: Tensor, options: PrintOptions) -> String {
    let s = _str_intern(t, options)
    return t.isParameter ? "Parameter containing:\n" + s : s
}
