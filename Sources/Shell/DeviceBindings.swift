import Kernels
import Torch

/// `torch.device`: a device type and optional index, as PyTorch parses and prints them. nnsh
/// computes on the CPU only, so a CUDA device can be named and compared but not used: what a
/// CPU-only PyTorch build says (`AssertionError: Torch not compiled with CUDA enabled`).
final class DeviceObject: PyObject, TypedObject, ContextManager {
    static let type = PyType.builtin("device", module: "torch")
    var pyType: PyType { DeviceObject.type }
    let kind: String
    let index: Int?
    init(_ kind: String = "cpu", index: Int? = nil) {
        self.kind = kind
        self.index = index
    }
    static let cpu = DeviceObject()
    /// PyTorch 2.x's device types, in the order its parser lists them.
    static let types = ["cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga",
                        "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone"]

    override var typeName: String { "device" }
    override func repr() -> String { "device(type='\(kind)'\(index.map { ", index=\($0)" } ?? ""))" }
    override func str() -> String { kind + (index.map { ":\($0)" } ?? "") }
    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "type": return .str(kind)
        case "index": return index.map { .int($0) } ?? Value.none
        default: return nil
        }
    }
    override var memberNames: [String] { ["index", "type"] }

    /// `with torch.device(d):` makes d the factories' default; nnsh has only the CPU, so entering any
    /// other device is refused as using it would be.
    func enter() throws -> Value {
        try DeviceObject.requireCPU(.object(self))
        return .object(self)
    }
    func exit() {}

    /// `torch.device("cuda:1")`, `torch.device("cuda", 1)`, `torch.device(device)`, `torch.device(0)`.
    static func parse(_ v: Value, index: Value? = nil) throws -> DeviceObject {
        switch v {
        case .object(let d as DeviceObject): return d
        case .int(let i):
            guard i >= 0 else { throw PythonError.runtime("Device index must not be negative") }
            return DeviceObject("cuda", index: i)
        case .str(let s):
            var kind = s, parsedIndex: Int?
            if let colon = s.firstIndex(of: ":") {
                kind = String(s[..<colon])
                let digits = s[s.index(after: colon)...]
                guard let i = Int(digits), !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
                    throw PythonError.runtime("Invalid device string: '\(s)'")
                }
                parsedIndex = i
            }
            guard types.contains(kind) else {
                throw PythonError.runtime("Expected one of \(types.joined(separator: ", ")) device type at start of device string: \(s)")
            }
            if let index, !index.isNone {
                guard parsedIndex == nil else { throw PythonError.value("type (string) must not include an index because index was passed explicitly: \(s)") }
                guard case .int(let i) = index else { throw PythonError.type("device(): argument 'index' must be int, not \(index.typeName)") }
                guard i >= 0 else { throw PythonError.runtime("Device index must not be negative") }
                parsedIndex = i
            }
            if kind == "cpu", let i = parsedIndex, i != 0 {
                throw PythonError.runtime("CPU device index must be -1 or zero, got \(i)")
            }
            return DeviceObject(kind, index: parsedIndex)
        default:
            throw PythonError.type("device() received an invalid combination of arguments - got (\(v.typeName)), but expected one of:\n * (torch.device device)\n * (str type, int index = -1)")
        }
    }

    /// The device a tensor may be put on: the CPU; anything else is refused as a CPU-only PyTorch does.
    static func requireCPU(_ v: Value?) throws {
        // Only device-like values: `m.to(torch.float64)` binds its dtype to `device` too.
        switch v {
        case .str?, .int?, .object(is DeviceObject)?: break
        default: return
        }
        guard let v else { return }
        let d = try parse(v)
        switch d.kind {
        case "cpu": return
        case "cuda": throw PythonError("AssertionError", "Torch not compiled with CUDA enabled")
        case "mps": throw PythonError.runtime("PyTorch is not linked with support for mps devices")
        default: throw PythonError("NotImplementedError", "nnsh computes on the CPU only; device '\(d.str())' is not available")
        }
    }
}

extension Interpreter {
    /// `torch.device`, `torch.cuda`, `torch.backends` and the thread settings.
    func addDeviceBindings(_ m: inout [String: Value]) {
        constructors[ObjectIdentifier(DeviceObject.type)] = Builtin("device") { args in
            let b = try args.bind("device", ["type", "index"], required: 1)
            return .object(try DeviceObject.parse(b.values["type"]!, index: b.values["index"]))
        }
        m["device"] = .object(DeviceObject.type)
        m["set_default_device"] = .builtin(Builtin("set_default_device") { args in
            let b = try args.bind("set_default_device", ["device"], required: 1)
            if let d = b["device"], !d.isNone { try DeviceObject.requireCPU(d) }
            return .none
        })
        m["get_default_device"] = .builtin(Builtin("get_default_device") { args in
            _ = try args.bind("get_default_device", [])
            return .object(DeviceObject.cpu)
        })
        m["get_num_threads"] = .builtin(Builtin("get_num_threads") { args in
            _ = try args.bind("get_num_threads", [])
            return .int(kernelThreadCount)
        })
        m["set_num_threads"] = .builtin(Builtin("set_num_threads") { args in
            let n = try args.bind("set_num_threads", ["int"], required: 1).int("int")
            guard n > 0 else { throw PythonError.runtime("set_num_threads expects a positive integer") }
            setKernelThreadCount(n)
            return .none
        })
        m["cuda"] = .namespace(makeCudaNamespace())
        m["backends"] = .namespace(makeBackendsNamespace())
        m["accelerator"] = .namespace(makeAcceleratorNamespace())
    }

    /// A function of a device namespace whose answer does not depend on its (checked) arguments.
    static func defineFixed(_ ns: Namespace, _ name: String, _ params: [String], _ result: @escaping () throws -> Value) {
        ns.members[name] = .builtin(Builtin(name) { args in
            _ = try args.bind(name, params)
            return try result()
        })
    }

    /// `torch.accelerator` (PyTorch 2.6+, what the current beginner tutorials pick the device with)
    /// of a CPU-only build: no accelerator was compiled in, so `current_accelerator()` is None,
    /// nothing is available, and whatever needs a device raises ATen's RuntimeError.
    private func makeAcceleratorNamespace() -> Namespace {
        let ns = Namespace("torch.accelerator")
        func def(_ name: String, _ params: [String] = [], _ result: @escaping () throws -> Value) {
            Interpreter.defineFixed(ns, name, params, result)
        }
        let none = { () throws -> Value in throw PythonError.runtime("Cannot access accelerator device when none is available.") }
        def("is_available") { .bool(false) }
        def("device_count") { .int(0) }
        def("current_accelerator", ["check_available"]) { .none }
        for name in ["current_device_index", "current_device_idx", "current_stream", "empty_cache", "memory_stats",
                     "memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved",
                     "reset_peak_memory_stats", "reset_accumulated_memory_stats", "get_memory_info"] {
            def(name, ["device"], none)
        }
        for name in ["set_device_index", "set_device_idx", "synchronize", "get_device_capability"] { def(name, ["device"], none) }
        def("set_stream", ["stream"], none)
        return ns
    }

    /// `torch.cuda` of a CPU-only build: nothing available, seeds accepted (queued, as PyTorch's
    /// lazy seeding does), and whatever needs the device raises PyTorch's AssertionError.
    private func makeCudaNamespace() -> Namespace {
        let ns = Namespace("torch.cuda")
        func def(_ name: String, _ params: [String] = [], _ result: @escaping () throws -> Value) {
            Interpreter.defineFixed(ns, name, params, result)
        }
        let notCompiled = { () throws -> Value in throw PythonError("AssertionError", "Torch not compiled with CUDA enabled") }
        def("is_available") { .bool(false) }
        def("device_count") { .int(0) }
        def("is_initialized") { .bool(false) }
        def("manual_seed", ["seed"]) { .none }
        def("manual_seed_all", ["seed"]) { .none }
        def("seed") { .none }
        def("seed_all") { .none }
        def("empty_cache") { .none }
        def("memory_allocated", ["device"]) { .int(0) }
        def("max_memory_allocated", ["device"]) { .int(0) }
        def("memory_reserved", ["device"]) { .int(0) }
        def("current_device", [], notCompiled)
        def("get_device_name", ["device"], notCompiled)
        def("get_device_properties", ["device"], notCompiled)
        def("get_device_capability", ["device"], notCompiled)
        def("set_device", ["device"], notCompiled)
        def("synchronize", ["device"], notCompiled)
        def("init", [], notCompiled)
        return ns
    }

    private func makeBackendsNamespace() -> Namespace {
        let cudnn = Namespace("torch.backends.cudnn", [
            "enabled": .bool(true), "benchmark": .bool(false), "deterministic": .bool(false), "allow_tf32": .bool(true),
        ])
        cudnn.members["is_available"] = .builtin(Builtin("is_available") { _ in .bool(false) })
        cudnn.members["version"] = .builtin(Builtin("version") { _ in .none })
        let mps = Namespace("torch.backends.mps")
        mps.members["is_available"] = .builtin(Builtin("is_available") { _ in .bool(false) })
        mps.members["is_built"] = .builtin(Builtin("is_built") { _ in .bool(false) })
        let mkldnn = Namespace("torch.backends.mkldnn", ["enabled": .bool(true)])
        mkldnn.members["is_available"] = .builtin(Builtin("is_available") { _ in .bool(true) })
        let openmp = Namespace("torch.backends.openmp")
        openmp.members["is_available"] = .builtin(Builtin("is_available") { _ in .bool(true) })
        let cpu = Namespace("torch.backends.cpu")
        cpu.members["get_cpu_capability"] = .builtin(Builtin("get_cpu_capability") { _ in .str(CPUInfo.capability) })
        let cuda = Namespace("torch.backends.cuda")
        cuda.members["is_built"] = .builtin(Builtin("is_built") { _ in .bool(false) })
        return Namespace("torch.backends", [
            "cudnn": .namespace(cudnn), "mps": .namespace(mps), "mkldnn": .namespace(mkldnn),
            "openmp": .namespace(openmp), "cuda": .namespace(cuda), "cpu": .namespace(cpu),
        ])
    }
}
