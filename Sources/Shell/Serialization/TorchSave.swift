import Foundation
import Pictures
import Torch

/// `torch.save` / `torch.load` in PyTorch's own checkpoint format: a zip archive named after the
/// file (`model.pth` → `model/`), holding `data.pkl` (protocol-2 pickle), `byteorder`, `version`,
/// `.format_version`, `.storage_alignment`, one `data/<key>` record per storage and
/// `.data/serialization_id`, so files go both ways between nnsh and PyTorch.
extension Interpreter {
    func torchSave(_ obj: Value, _ path: String) throws {
        var pickler = PickleWriter()
        pickler.describeModule = { [unowned self] m in try self.describeModule(m) }
        try pickler.write(obj)
        pickler.finish()
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let archive = base.isEmpty ? "archive" : base
        var zip = ZipWriter()
        zip.add("\(archive)/data.pkl", pickler.bytes)
        zip.add("\(archive)/.format_version", Array("1".utf8))
        zip.add("\(archive)/.storage_alignment", Array("64".utf8))
        zip.add("\(archive)/byteorder", Array("little".utf8))
        // The zip end record counts entries in 16 bits (the 64-bit extension is not written).
        if pickler.storages.count > 60_000 {
            throw PythonError.runtime("nnsh writes checkpoints of at most 60000 storages (the zip format without its 64-bit extension)")
        }
        var size = pickler.bytes.count
        for (key, t) in pickler.storages {
            let data = t.storageBytes
            size += data.count
            if size > Int(UInt32.max) - (1 << 20) {
                throw PythonError.runtime("nnsh writes checkpoints below 4 GiB (the zip format without its 64-bit extension)")
            }
            zip.add("\(archive)/data/\(key)", data)
        }
        zip.add("\(archive)/version", Array("3\n".utf8))
        // PyTorch writes a random id; a content checksum keeps nnsh's files reproducible.
        let id = String(format: "%040u", CRC32.checksum(zip.bytes))
        zip.add("\(archive)/.data/serialization_id", Array(id.utf8))
        try writeFileAtomically(path, zip.finished())
    }

    func makeSerializationBindings(_ m: inout [String: Value]) {
        m["save"] = .builtin(Builtin("save") { [unowned self] args in
            let b = try args.bind("save", ["obj", "f", "pickle_module", "pickle_protocol", "_use_new_zipfile_serialization",
                                           "_disable_byteorder_record"], required: 2)
            if let proto = b["pickle_protocol"], try proto.asInt("pickle_protocol", "save") != 2 {
                throw PythonError.value("nnsh writes pickle protocol 2, PyTorch's default")
            }
            if !(try b.bool("_use_new_zipfile_serialization", true)) {
                throw PythonError.value("nnsh writes only the zip checkpoint format")
            }
            try self.torchSave(b.values["obj"]!, try self.pathArgument(b.values["f"], "save"))
            return .none
        })
        m["load"] = .builtin(Builtin("load") { [unowned self] args in
            let b = try args.bind("load", ["f", "map_location", "pickle_module"], required: 1, keywordOnly: ["weights_only", "mmap"])
            if let loc = b["map_location"] {
                // Everything is on the CPU: "cpu", torch.device("cpu") and identity maps are accepted.
                switch loc {
                case .str(let s) where s == "cpu": break
                case .builtin, .function: break
                default:
                    if loc.str != "cpu" && loc.repr != "device(type='cpu')" {
                        throw PythonError.runtime("nnsh has only the CPU: map_location=\(loc.repr) is not supported")
                    }
                }
            }
            // PyTorch 2.6 and later default to the weights-only unpickler; False allows any global.
            let weightsOnly = try b["weights_only"].map { $0.isNone ? true : try self.truthy($0) } ?? true
            return try self.torchLoad(try self.pathArgument(b.values["f"], "load"), weightsOnly: weightsOnly)
        })
    }

    func torchLoad(_ path: String, weightsOnly: Bool = true) throws -> Value {
        let bytes = try PILImage.readFile(path)
        if bytes.starts(with: [0x80]) {
            throw PythonError.runtime("nnsh reads the zip checkpoint format PyTorch writes since 1.6; this file is in the legacy format")
        }
        guard bytes.starts(with: [0x50, 0x4b]) else {
            throw PythonError("UnpicklingError", "invalid load key, '\(bytes.first.map { String(UnicodeScalar($0)) } ?? "")'.")
        }
        let zip = try ZipReader(bytes)
        guard let pickleName = zip.order.first(where: { $0.hasSuffix("/data.pkl") || $0 == "data.pkl" }),
              let pickle = zip.data(pickleName) else {
            throw PythonError.runtime("PytorchStreamReader failed locating file data.pkl: file not found")
        }
        let prefix = String(pickleName.dropLast("data.pkl".count))
        var storages = [String: Storage]()
        var reader = PickleReader(pickle) { key, dtype in
            if let s = storages[key] { return s }
            guard let data = zip.data("\(prefix)data/\(key)") else {
                throw PythonError.runtime("PytorchStreamReader failed locating file data/\(key): file not found")
            }
            let s = try Tensor.storage(fromBytes: data, dtype: dtype)
            storages[key] = s
            return s
        }
        if !weightsOnly { reader.objects = InterpreterPickleObjects(interpreter: self) }
        return try reader.load()
    }
}
