import Figures
import Foundation
import NN
import Pictures
import Torch

// The Pictures module as PyTorch users spell it: `from PIL import Image`, `torchvision.transforms`,
// `torchvision.utils.save_image` / `make_grid`, and nnsh's own `show(...)` and `plot(...)` builtins.

/// Per-interpreter picture settings: who hears about saved files (transcript/notebook modes) and
/// where `show()` writes pictures when a notebook is being made.
public final class PictureSession {
    /// Called with the path of every picture `save_image`, `Image.save`, `show(path=)` or `plot(path=)` writes.
    public var onSaved: ((String) -> Void)?
    /// When set, `show(x)` without a path also writes `DIR/figN.png` (so a notebook can link it).
    public var autoSaveDirectory: String?
    /// Whether `show` draws inline and `plot` uses colour; defaults to `isatty(1)`.
    public var isTerminal: Bool = isatty(STDOUT_FILENO) != 0
    var figureCount = 0
    init() {}

    func saved(_ path: String) { onSaved?(path) }

    /// The next `DIR/figN.png` of `autoSaveDirectory`, the folder made first; nil when not making a
    /// notebook. A folder that cannot be made is an OSError naming it (not a failure to write the
    /// picture inside it, which said nothing about why).
    func nextAutoSavePath() throws -> String? {
        guard let dir = autoSaveDirectory else { return nil }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            if !isDir.boolValue { throw PythonError("FileExistsError", "[Errno 17] File exists: '\(dir)' (nnsh writes the pictures of this document there; it is not a folder)") }
        } else {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                let code = (error as NSError).underlyingErrorCode
                throw PythonError(code == EACCES || code == EPERM ? "PermissionError" : "OSError",
                                  "[Errno \(code)] \(String(cString: strerror(code))): '\(dir)' (the pictures folder of this document)")
            }
        }
        figureCount += 1
        return PosixPath.join(dir, ["fig\(figureCount).png"])
    }
}

private extension NSError {
    /// The POSIX errno under a Foundation file error (EACCES when unknown).
    var underlyingErrorCode: Int32 {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        if let u = userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain { return Int32(u.code) }
        return EACCES
    }
}

extension Interpreter {
    /// A tensor or an image argument as a CHW tensor (images go through `ToTensor`).
    func pictureTensor(_ v: Value, _ function: String) throws -> Tensor {
        switch v {
        case .tensor(let t): return t
        case .object(let o as ImageObject): return try toTensor(o.image)
        default: throw PythonError.type("\(function)(): expected a Tensor or a PIL Image, got \(v.typeName)")
        }
    }

    // MARK: PIL.Image

    func makeImageModule() -> Namespace {
        let ns = Namespace("PIL.Image")
        ns.members["open"] = .builtin(Builtin("open") { [unowned self] args in
            let b = try args.bind("open", ["fp", "mode", "formats"], required: 1)
            let path = try self.pathArgument(b.values["fp"], "open")
            let (image, format) = try PILImage.openWithFormat(path)
            return .object(ImageObject(image, session: self.pictures, format: format))
        })
        ns.members["new"] = .builtin(Builtin("new") { [unowned self] args in
            let b = try args.bind("new", ["mode", "size", "color"], required: 2)
            let mode = try b.string("mode", "RGB")
            let size = try b.values["size"]!.asIntList("size", "new")
            guard let ch = PILImage.channelCount(mode) else { throw PythonError.value("unrecognized image mode") }
            guard size.count == 2 else { throw PythonError.type("Size must be a list or tuple") }
            if size.contains(where: { $0 > Int(Int32.max) }) { throw PythonError.overflow("signed integer is greater than maximum") }
            if size.contains(where: { $0 < 0 }) { throw PythonError.value("Width and height must be >= 0") }
            let (area, o1) = size[0].multipliedReportingOverflow(by: size[1])
            let (bytes, o2) = area.multipliedReportingOverflow(by: ch)
            if o1 || o2 || bytes > MemoryLimit.bytes {
                throw PythonError("MemoryError", "a \(size[0])x\(size[1]) \(mode) image would pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
            }
            var fill = [UInt8](repeating: 0, count: ch)
            if let c = b["color"] {
                // PIL's colour rules: an int packs the bands little-endian; a tuple gives them (one,
                // three or four values); anything else is a TypeError.
                switch c {
                case .int(let v):
                    for i in 0..<ch { fill[i] = UInt8(truncatingIfNeeded: ch == 1 ? v : v >> (8 * i)) }
                case .bool(let v): fill[0] = v ? 1 : 0
                case .tuple(let items):
                    guard items.count == 1 || items.count == ch || (ch >= 3 && (items.count == 3 || items.count == 4)) else {
                        throw PythonError.type(ch == 1 ? "color must be int or single-element tuple" : "color must be int, or tuple of one, three or four elements")
                    }
                    let parts = try items.map { v -> Int in
                        guard case .int(let i) = v else { throw PythonError.type("color must be int or tuple") }
                        return i
                    }
                    for i in 0..<ch {
                        fill[i] = i < parts.count ? UInt8(clamping: parts[i]) : (i == 3 ? 255 : UInt8(clamping: parts[0]))
                    }
                default:
                    throw PythonError.type(ch == 1 ? "color must be int or single-element tuple" : "color must be int, or tuple of one, three or four elements")
                }
            }
            var pixels = [UInt8](); pixels.reserveCapacity(size[0] * size[1] * ch)
            for _ in 0..<(size[0] * size[1]) { pixels.append(contentsOf: fill) }
            return .object(ImageObject(try PILImage(width: size[0], height: size[1], mode: mode, pixels: pixels), session: self.pictures))
        })
        // Image.fromarray(arr): uint8 H×W is "L", H×W×2 "LA", H×W×3 "RGB", H×W×4 "RGBA" (PIL's typemap).
        ns.members["fromarray"] = .builtin(Builtin("fromarray") { [unowned self] args in
            let b = try args.bind("fromarray", ["obj", "mode"], required: 1)
            guard case .object(let a as NDArrayObject) = b.values["obj"]! else {
                if case .tensor = b.values["obj"]! { throw PythonError("AttributeError", "'Tensor' object has no attribute '__array_interface__'") }
                throw PythonError("AttributeError", "'\(b.values["obj"]!.typeName)' object has no attribute '__array_interface__'")
            }
            let t = a.array
            let key = "(" + (["1", "1"] + (t.dim > 2 ? t.shape[2...].map(String.init) : [])).joined(separator: ", ") + ")"
            let typeKey = "\(key), \(t.dtype.numpyStr)"
            guard t.dim == 1 || t.dim == 2 || t.dim == 3 else { throw PythonError.type("Cannot handle this data type: \(typeKey)") }
            let channels = t.dim == 3 ? t.shape[2] : 1
            let modes = [1: "L", 2: "LA", 3: "RGB", 4: "RGBA"]
            guard t.dtype == .uint8, let mode = modes[channels] else {
                if t.dim == 2 && (t.dtype == .float32 || t.dtype == .float64 || t.dtype == .bool || t.dtype == .int32) {
                    let m = t.dtype == .bool ? "1" : t.dtype == .int32 ? "I" : "F"
                    throw PythonError("NotImplementedError", "nnsh's PIL has no mode '\(m)' images; convert with .astype('uint8') first")
                }
                throw PythonError.type("Cannot handle this data type: \(typeKey)")
            }
            if let m = b["mode"], m.str != mode { throw PythonError.value("nnsh's Image.fromarray makes the mode the array implies (\(mode)), not \(m.str)") }
            let height = t.shape[0], width = t.dim >= 2 ? t.shape[1] : 1
            let pixels = try t.contiguous().ints().map { UInt8(truncatingIfNeeded: $0) }
            return .object(ImageObject(try PILImage(width: width, height: height, mode: mode, pixels: pixels), session: self.pictures))
        })
        for (i, name) in ["NEAREST", "LANCZOS", "BILINEAR", "BICUBIC", "BOX", "HAMMING"].enumerated() {
            ns.members[name] = .int(i)
        }
        return ns
    }

    // MARK: torchvision.transforms

    func makeTransformsModule() -> Namespace {
        let ns = Namespace("torchvision.transforms")
        func def(_ name: String, _ params: [String], required: Int = 0,
                 _ make: @escaping (BoundArguments) throws -> Value) {
            ns.members[name] = .builtin(Builtin(name) { args in try make(try args.bind("\(name).__init__", params, required: required)) })
        }
        def("Compose", ["transforms"], required: 1) { [unowned self] b in
            let steps = try self.iterate(b.values["transforms"]!)
            let body = steps.map { "    " + $0.repr.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n")
            return .object(TransformObject("Compose", repr: "Compose(\n\(body)\n)") { [unowned self] v in
                var x = v
                for s in steps { x = try self.call(s, Arguments([x])) }
                return x
            })
        }
        def("ToTensor", []) { _ in
            .object(TransformObject("ToTensor", repr: "ToTensor()") { v in
                switch v {
                case .object(let o as ImageObject): return .tensor(try toTensor(o.image))
                case .object(let a as NDArrayObject):
                    // torchvision's to_tensor: H×W(×C) to C×H×W; uint8 becomes float32 / 255, other dtypes stay.
                    var t = a.array
                    guard t.dim == 2 || t.dim == 3 else { throw PythonError.value("pic should be 2/3 dimensional. Got \(t.dim) dimensions.") }
                    if t.dim == 2 { t = try t.unsqueeze(2) }
                    let chw = try t.permute([2, 0, 1]).contiguous()
                    if t.dtype == .uint8 { return .tensor(try Tensor.binary(try chw.to(.float32), Tensor.wrapped(255), .div)) }
                    return .tensor(try chw.clone())
                default: throw PythonError.type("pic should be PIL Image or ndarray. Got <class '\(v.typeName == "Tensor" ? "torch.Tensor" : v.typeName)'>")
                }
            })
        }
        def("PILToTensor", []) { _ in
            .object(TransformObject("PILToTensor", repr: "PILToTensor()") { v in
                guard case .object(let o as ImageObject) = v else { throw PythonError.type("pic should be PIL Image. Got \(v.typeName)") }
                return .tensor(try pilToTensor(o.image))
            })
        }
        def("ToPILImage", ["mode"]) { [unowned self] b in
            let mode = b["mode"].map { $0.str }
            return .object(TransformObject("ToPILImage", repr: mode.map { "ToPILImage(mode=\($0))" } ?? "ToPILImage()") { [unowned self] v in
                guard case .tensor(var t) = v else { throw PythonError.type("pic should be Tensor or ndarray. Got \(v.typeName).") }
                if t.dim == 4 && t.shape[0] == 1 { t = try t.reshape(Array(t.shape.dropFirst())) }
                return .object(ImageObject(try toPILImage(t, mode: mode), session: self.pictures))
            })
        }
        def("Normalize", ["mean", "std", "inplace"], required: 2) { [unowned self] b in
            let meanV = b.values["mean"]!, stdV = b.values["std"]!
            let mean = try self.iterate(meanV).map { try $0.asDouble("mean", "Normalize") }
            let std = try self.iterate(stdV).map { try $0.asDouble("std", "Normalize") }
            return .object(TransformObject("Normalize", repr: "Normalize(mean=\(meanV.repr), std=\(stdV.repr))") { v in
                guard case .tensor(let t) = v else { throw PythonError.type("img should be Tensor Image. Got \(v.typeName)") }
                return .tensor(try normalize(t, mean: mean, std: std))
            })
        }
        def("Grayscale", ["num_output_channels"]) { [unowned self] b in
            let n = try b.int("num_output_channels", 1)
            return .object(TransformObject("Grayscale", repr: "Grayscale(num_output_channels=\(n))") { [unowned self] v in
                guard case .object(let o as ImageObject) = v else { throw PythonError.type("nnsh's Grayscale takes a PIL Image, got \(v.typeName)") }
                return .object(ImageObject(try grayscale(o.image, numOutputChannels: n), session: self.pictures))
            })
        }
        def("Resize", ["size", "interpolation", "max_size", "antialias"], required: 1) { [unowned self] b in
            let sizeV = b.values["size"]!
            let size = try sizeV.asIntList("size", "Resize")
            let maxSize = try b["max_size"].map { try $0.asInt("max_size", "Resize") }
            let interp: Resample
            switch b["interpolation"] {
            case nil: interp = .bilinear
            case .int(let i)?: interp = [.nearest, .lanczos, .bilinear, .bicubic, .box, .hamming][Swift.max(0, Swift.min(5, i))]
            case let other?: interp = Resample(rawValue: other.str.lowercased()) ?? .bilinear
            }
            let repr = "Resize(size=\(sizeV.repr), interpolation=\(interp.rawValue), max_size=\(maxSize.map(String.init) ?? "None"), antialias=True)"
            return .object(TransformObject("Resize", repr: repr) { [unowned self] v in
                guard case .object(let o as ImageObject) = v else { throw PythonError.type("nnsh's Resize takes a PIL Image, got \(v.typeName)") }
                return .object(ImageObject(try resize(o.image, size: size, interpolation: interp, maxSize: maxSize), session: self.pictures))
            })
        }
        return ns
    }

    // MARK: torchvision.utils

    func gridOptions(_ b: BoundArguments, _ function: String) throws -> (nrow: Int, padding: Int, normalize: Bool, range: (Double, Double)?, scaleEach: Bool, padValue: Double) {
        var range: (Double, Double)? = nil
        if let r = b["value_range"] {
            let items = try iterate(r).map { try $0.asDouble("value_range", function) }
            guard items.count == 2 else { throw PythonError.value("value_range has to be a tuple (min, max) if specified. min and max are numbers") }
            range = (items[0], items[1])
        }
        return (try b.int("nrow", 8), try b.int("padding", 2), try b.bool("normalize", false), range,
                try b.bool("scale_each", false), try b.double("pad_value", 0))
    }

    /// A tensor or a list of same-shaped tensors (stacked, as torchvision does).
    func gridInput(_ v: Value, _ function: String) throws -> Tensor {
        if case .list = v {
            let ts = try iterate(v).map { try pictureTensor($0, function) }
            guard let first = ts.first else { throw PythonError.value("\(function)(): empty list of tensors") }
            var values = [Double]()
            for t in ts {
                guard t.shape == first.shape else { throw PythonError.runtime("stack expects each tensor to be equal size, but got \(sizeRepr(first.shape)) and \(sizeRepr(t.shape))") }
                values += try t.doubles()
            }
            return try Tensor.from(doubles: values, shape: [ts.count] + first.shape, dtype: first.dtype)
        }
        return try pictureTensor(v, function)
    }

    func makeVisionUtilsModule() -> Namespace {
        let ns = Namespace("torchvision.utils")
        let names = ["tensor", "nrow", "padding", "normalize", "value_range", "scale_each", "pad_value"]
        ns.members["make_grid"] = .builtin(Builtin("make_grid") { [unowned self] args in
            let b = try args.bind("make_grid", names, required: 1)
            let o = try self.gridOptions(b, "make_grid")
            return .tensor(try makeGrid(try self.gridInput(b.values["tensor"]!, "make_grid"), nrow: o.nrow, padding: o.padding,
                                        normalize: o.normalize, valueRange: o.range, scaleEach: o.scaleEach, padValue: o.padValue))
        })
        ns.members["save_image"] = .builtin(Builtin("save_image") { [unowned self] args in
            let b = try args.bind("save_image", ["tensor", "fp", "nrow", "padding", "normalize", "value_range", "scale_each", "pad_value", "format"], required: 2)
            let o = try self.gridOptions(b, "save_image")
            let path = try self.pathArgument(b.values["fp"], "save_image")
            try saveImage(try self.gridInput(b.values["tensor"]!, "save_image"), path, nrow: o.nrow, padding: o.padding,
                          normalize: o.normalize, valueRange: o.range, scaleEach: o.scaleEach, padValue: o.padValue)
            self.pictures.saved(path)
            return .none
        })
        return ns
    }

    // MARK: show and plot

    /// `show(x, path=None)` and `plot(...)`, bare names in every session.
    func makePictureBuiltins() -> [String: Value] {
        var t = [String: Value]()
        t["show"] = .builtin(Builtin("show") { [unowned self] args in
            let b = try args.bind("show", ["x", "path", "columns"], required: 1)
            let tensor = try self.pictureTensor(b.values["x"]!, "show")
            let session = self.pictures
            var path = try b["path"].map { try self.pathArgument($0, "show") }
            if path == nil { path = try session.nextAutoSavePath() }
            let shown = try showText(tensor.detach(), maxColumns: try b.int("columns", 80), savePath: path)
            if session.isTerminal { self.write(shown.text.hasSuffix("\n") ? shown.text : shown.text + "\n") }
            self.write(shown.note + "\n")
            if let path { session.saved(path) }
            return .none
        })
        t["plot"] = .builtin(Builtin("plot") { [unowned self] args in try self.plotBuiltin(args) })
        return t
    }

    private func isCallable(_ v: Value) -> Bool {
        switch v {
        case .module, .builtin, .function: return true
        case .object(let o): return o is PyCallable
        default: return false
        }
    }

    private func plotNumbers(_ v: Value) throws -> [Double] {
        if case .tensor(let t) = v { return try t.doubles() }
        return try iterate(v).map { try $0.asDouble("y", "plot") }
    }

    private func curveName(_ f: Value) -> String {
        switch f {
        case .module(let m): return m.repr.contains("\n") ? m.typeName : m.repr
        case .builtin(let b): return b.name
        case .function(let fn): return fn.name
        default: return f.repr
        }
    }

    /// `plot(y)`, `plot(x, y1, y2, ..., labels=[...])`, `plot(f, lo, hi, derivative=True)` (f a module, a
    /// function or a list of them; derivatives through autograd), `title=`, `path=` (writes a PNG).
    func plotBuiltin(_ args: Arguments) throws -> Value {
        var options = [String: Value]()
        let known = ["labels", "title", "path", "derivative", "steps", "xlabel", "ylabel", "columns", "rows"]
        for (k, v) in args.keywords {
            guard known.contains(k) else { throw PythonError.type("plot() got an unexpected keyword argument '\(k)'") }
            options[k] = v
        }
        let pos = args.positional
        guard let first = pos.first else { throw PythonError.type("plot() missing 1 required positional argument: 'x'") }
        var chart = Plot(title: options["title"].map { $0.str } ?? "", xLabel: options["xlabel"].map { $0.str } ?? "",
                         yLabel: options["ylabel"].map { $0.str } ?? "")
        var names = [String]()
        var curves = [(xs: [Double]?, ys: [Double])]()
        var functions: [Value]? = isCallable(first) ? [first] : nil
        if case .list(let l) = first, !l.items.isEmpty, l.items.allSatisfy(isCallable) { functions = l.items }
        if let functions {
            let lo = pos.count > 1 ? try pos[1].asDouble("lo", "plot") : -6
            let hi = pos.count > 2 ? try pos[2].asDouble("hi", "plot") : 6
            guard pos.count <= 3 else { throw PythonError.type("plot(f, lo, hi) takes at most 3 positional arguments") }
            let steps = try options["steps"].map { try $0.asInt("steps", "plot") } ?? 200
            guard steps >= 2 else { throw PythonError.value("plot(): steps must be at least 2") }
            let derivative = try options["derivative"].map { try truthy($0) } ?? false
            for f in functions {
                let x = try Tensor.linspace(lo, hi, steps)
                if derivative { try x.setRequiresGrad(true) }
                guard case .tensor(let y) = try call(f, Arguments([.tensor(x)])) else {
                    throw PythonError.type("plot(): \(curveName(f)) did not return a tensor")
                }
                let xs = try x.doubles()
                curves.append((xs, try y.doubles())); names.append(curveName(f))
                if derivative {
                    try y.sum().backward()
                    guard let g = x.grad else { throw PythonError.runtime("plot(): \(curveName(f)) is not differentiable (x.grad is None)") }
                    curves.append((xs, try g.doubles())); names.append(functions.count == 1 ? "derivative" : "\(curveName(f)) derivative")
                }
            }
        } else if pos.count == 1 {
            curves.append((nil, try plotNumbers(first))); names.append("y")
        } else {
            let xs = try plotNumbers(first)
            for (i, y) in pos.dropFirst().enumerated() {
                curves.append((xs, try plotNumbers(y))); names.append(pos.count == 2 ? "y" : "y\(i + 1)")
            }
        }
        if let labels = options["labels"] {
            let given = try iterate(labels).map { $0.str }
            for (i, l) in given.enumerated() where i < names.count { names[i] = l }
        }
        for (name, c) in zip(names, curves) { try chart.add(name, xs: c.xs, ys: c.ys) }
        let session = pictures
        let color = session.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let text = try chart.renderBraille(columns: try options["columns"].map { try $0.asInt() } ?? 60,
                                           rows: try options["rows"].map { try $0.asInt() } ?? 15, color: color)
        write(text.hasSuffix("\n") ? text : text + "\n")
        if let p = options["path"], !p.isNone {
            let path = try pathArgument(p, "plot")
            guard path.lowercased().hasSuffix(".png") else { throw PythonError.value("plot(path=...) writes a PNG file; got '\(path)'") }
            guard chart.series.contains(where: { zip($0.xs, $0.ys).contains { $0.isFinite && $1.isFinite } }) else {
                throw PythonError.value("nothing to plot: no series has a finite point")
            }
            try Figure(plot: chart).writePNG(path)
            write("saved \(path)\n")
            session.saved(path)
        }
        return .none
    }
}

/// An object Python code can call (transforms); `Interpreter.call` dispatches to it.
protocol PyCallable: AnyObject {
    func call(_ args: Arguments) throws -> Value
}

/// A torchvision transform: a callable with torchvision's repr.
final class TransformObject: PyObject, PyCallable {
    let name: String
    let text: String
    let apply: (Value) throws -> Value
    init(_ name: String, repr: String, _ apply: @escaping (Value) throws -> Value) {
        self.name = name
        self.text = repr
        self.apply = apply
    }
    override var typeName: String { name }
    override func repr() -> String { text }
    func call(_ args: Arguments) throws -> Value {
        let b = try args.bind("\(name).__call__", ["pic"], required: 1)
        return try apply(b.values["pic"]!)
    }
}

/// A `PIL.Image.Image`: size, mode, convert, resize, crop, save, getpixel.
final class ImageObject: PyObject {
    let image: PILImage
    /// `"PNG"` / `"JPEG"` for images from `Image.open`, nil for derived ones (PIL's `im.format`).
    let format: String?
    let session: PictureSession
    init(_ image: PILImage, session: PictureSession, format: String? = nil) {
        self.image = image
        self.session = session
        self.format = format
    }
    override var typeName: String { format.map { $0 == "JPEG" ? "JpegImageFile" : "PngImageFile" } ?? "Image" }
    override func repr() -> String {
        let cls = format.map { $0 == "JPEG" ? "PIL.JpegImagePlugin.JpegImageFile" : "PIL.PngImagePlugin.PngImageFile" } ?? "PIL.Image.Image"
        let address = String(UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque()), radix: 16, uppercase: true)
        return "<\(cls) image mode=\(image.mode) size=\(image.width)x\(image.height) at 0x\(address)>"
    }
    override var memberNames: [String] {
        ["size", "width", "height", "mode", "format", "convert", "resize", "crop", "save", "getpixel", "copy"]
    }

    private func derived(_ im: PILImage) -> Value { .object(ImageObject(im, session: session)) }

    override func attribute(_ name: String) throws -> Value? {
        let im = image
        func method(_ body: @escaping (Arguments) throws -> Value) -> Value {
            .builtin(Builtin(name, receiver: "\(typeName) object", body))
        }
        switch name {
        case "size": return .tuple([.int(im.width), .int(im.height)])
        case "width": return .int(im.width)
        case "height": return .int(im.height)
        case "mode": return .str(im.mode)
        case "format": return format.map { .str($0) } ?? Value.none
        case "convert":
            return method { args in
                let b = try args.bind("convert", ["mode"])
                return self.derived(try im.convert(try b.string("mode", im.mode)))
            }
        case "copy": return method { _ in self.derived(try im.convert(im.mode)) }
        case "resize":
            return method { args in
                let b = try args.bind("resize", ["size", "resample"], required: 1)
                let s = try b.values["size"]!.asIntList("size", "resize")
                guard s.count == 2 else { throw PythonError.value("size must be a (width, height) pair") }
                var filter = Resample.bicubic
                if let r = b["resample"] { filter = [.nearest, .lanczos, .bilinear, .bicubic, .box, .hamming][Swift.max(0, Swift.min(5, try r.asInt()))] }
                return self.derived(try im.resize((s[0], s[1]), resample: filter))
            }
        case "crop":
            return method { args in
                let box = try args.bind("crop", ["box"], required: 1).values["box"]!.asIntList("box", "crop")
                guard box.count == 4 else { throw PythonError.value("crop box must be (left, upper, right, lower)") }
                return self.derived(try im.crop(box[0], box[1], box[2], box[3]))
            }
        case "getpixel":
            return method { args in
                let xy = try args.bind("getpixel", ["xy"], required: 1).values["xy"]!.asIntList("xy", "getpixel")
                guard xy.count == 2 else { throw PythonError.type("getpixel() takes an (x, y) pair") }
                let px = try im.getpixel(xy[0], xy[1])
                return px.count == 1 ? .int(Int(px[0])) : .tuple(px.map { .int(Int($0)) })
            }
        case "save":
            return method { args in
                let b = try args.bind("save", ["fp", "format", "quality"], required: 1)
                guard case .str(let path) = b.values["fp"]! else { throw PythonError.type("save() expects a path string") }
                if let f = b["format"] {
                    try writeFileAtomically(path, try im.encoded(format: f.str, quality: try b.int("quality", 75)))
                } else {
                    try im.save(path, quality: try b.int("quality", 75))
                }
                self.session.saved(path)
                return .none
            }
        default: return nil
        }
    }
}
