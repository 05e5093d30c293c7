import Foundation
import Kernels
/// An error raised by a tensor operation, carrying the Python exception type and PyTorch's wording.
public struct TorchError: Error, Equatable, CustomStringConvertible {
    /// The Python exception class: `RuntimeError`, `IndexError`, `TypeError`, `ValueError`, …
    public var kind: String
    public var message: String

    public init(_ kind: String, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func runtime(_ message: String) -> TorchError { TorchError("RuntimeError", message) }
    public static func index(_ message: String) -> TorchError { TorchError("IndexError", message) }
    public static func type(_ message: String) -> TorchError { TorchError("TypeError", message) }
    public static func value(_ message: String) -> TorchError { TorchError("ValueError", message) }

    public var description: String { "\(kind): \(message)" }
}

/// Ctrl-C while a tensor op runs: kernels poll `requested` and stop early; Torch throws `KeyboardInterrupt`.
public enum TorchInterrupt {
    public static var requested: Bool {
        get { KernelInterrupt.requested }
        set { KernelInterrupt.requested = newValue }
    }
    /// Throws `KeyboardInterrupt` if Ctrl-C was pressed (the interpreter clears the flag).
    public static func check() throws {
        if KernelInterrupt.requested { throw TorchError("KeyboardInterrupt", "") }
    }
}

/// A cap on tensor memory, checked before every allocation so a typo like `torch.zeros(10**6, 10**6)`
/// is an error, not an out-of-memory kill. Default: half of physical memory, or the container's
/// cgroup limit when that is smaller; `NNSH_MAX_MEMORY` (bytes, or with a K/M/G/T suffix, `KiB`/`KB`
/// spellings and spaces accepted) overrides it, and a value that is not a size is refused with a
/// warning on stderr.
public enum MemoryLimit {
    nonisolated(unsafe) public static var bytes: Int = defaultBytes()

    static func defaultBytes() -> Int {
        let fallback = systemDefault()
        if let text = getenvString("NNSH_MAX_MEMORY") {
            if let value = parse(text) { return value }
            let message = "nnsh: NNSH_MAX_MEMORY='\(text)' is not a size (bytes, or a number with K, M, G or T, such as 2G); using \(fallback) bytes\n"
            fputs(message, stderr)
        }
        return fallback
    }

    /// Half the physical memory, capped by the cgroup (v2 `memory.max`, v1 `memory.limit_in_bytes`).
    static func systemDefault() -> Int {
        var limit: Int
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        if pages > 0, pageSize > 0 {
            let (total, overflow) = pages.multipliedReportingOverflow(by: pageSize)
            limit = overflow ? Int.max / 2 : total / 2
        } else {
            limit = 8 << 30
        }
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let f = fopen(path, "r") else { continue }
            defer { fclose(f) }
            var buf = [CChar](repeating: 0, count: 64)
            guard fgets(&buf, 64, f) != nil else { continue }
            let text = String(cString: buf).trimmingCharacters(in: .whitespacesAndNewlines)
            if let cg = Int(text), cg > 0 { limit = Swift.min(limit, cg) }
        }
        return limit
    }

    /// Parses `123`, `512M`, `4G`, `1.5G`, `512MiB`, `2 GB` into bytes (binary units); nil for
    /// anything else (negative, NaN, infinite or past Int).
    public static func parse(_ text: String) -> Int? {
        let units: [String: Double] = ["": 1, "K": 0x1p10, "M": 0x1p20, "G": 0x1p30, "T": 0x1p40]
        var t = text.uppercased().filter { $0 != " " && $0 != "_" }
        if t.hasSuffix("IB") { t.removeLast(2) } else if t.hasSuffix("B") { t.removeLast() }
        var unit = ""
        if let last = t.last, units[String(last)] != nil, last.isLetter { unit = String(last); t.removeLast() }
        guard let scale = units[unit], !t.isEmpty, t.allSatisfy({ $0.isNumber || $0 == "." }),
              let v = Double(t), v.isFinite, v >= 0, v * scale < Double(Int.max) else { return nil }
        return Int(v * scale)
    }

    /// Throws PyTorch-style when `count` elements of `dtype` would pass the cap.
    public static func check(count: Int, dtype: DType) throws {
        let (size, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow || size > bytes {
            let shown = overflow ? "more than \(Int.max)" : "\(size)"
            throw TorchError.runtime(
                "[enforce fail at alloc_cpu.cpp] DefaultCPUAllocator: can't allocate memory: you tried to allocate \(shown) bytes (nnsh memory limit: \(bytes) bytes; set NNSH_MAX_MEMORY to change it)")
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func getenvString(_ name: String) -> String? {
    guard let p = getenv(name) else { return nil }
    return String(cString: p)
}
