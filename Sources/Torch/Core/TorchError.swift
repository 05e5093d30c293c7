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

    /// Half the physical memory, capped at half the address-space limit and three quarters of the cgroup's limit (v2 `memory.max`, v1
    /// `memory.limit_in_bytes`): the kernel kills at the limit, which also counts the binary, the
    /// libraries and the stacks, so the cap has to leave them room.
    static func systemDefault() -> Int {
        var limit: Int
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        if pages > 0, pageSize > 0 {
            let (total, overflow) = pages.multipliedReportingOverflow(by: pageSize)
            limit = overflow ? Int.max / 2 : total / 2
        } else {
            limit = 8 << 30
        }
        // An address-space limit (`ulimit -v`, `prlimit --as`): the binary, its libraries and the
        // interpreter's 1 GiB stack reservation count against it too, so half of it.
        var space = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &space) == 0, space.rlim_cur < UInt(Int.max) {  // RLIM_INFINITY is all ones
            limit = Swift.min(limit, Int(space.rlim_cur) / 2)
        }
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let f = fopen(path, "r") else { continue }
            defer { fclose(f) }
            var buf = [CChar](repeating: 0, count: 64)
            guard fgets(&buf, 64, f) != nil else { continue }
            let text = String(cString: buf).trimmingCharacters(in: .whitespacesAndNewlines)
            if let cg = Int(text), cg > 0 { limit = Swift.min(limit, cg / 4 * 3) }
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

    /// Bytes of memory the process holds now (its resident set, `/proc/self/statm`): every tensor,
    /// string, list and dict that has been touched, and what the kernel's OOM killer goes by. One
    /// `pread` on a descriptor kept open; 0 where there is no /proc.
    public static func residentBytes() -> Int {
        if statmDescriptor == -2 { statmDescriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC) }
        guard statmDescriptor >= 0 else { return 0 }
        var buf = [UInt8](repeating: 0, count: 96)
        let n = buf.withUnsafeMutableBytes { pread(statmDescriptor, $0.baseAddress, 95, 0) }
        guard n > 0 else { return 0 }
        // "size resident shared text lib data dt", in pages.
        let fields = buf[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages.multipliedReportingOverflow(by: pageSize).partialValue
    }
    nonisolated(unsafe) static var statmDescriptor: Int32 = -2
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The cap is on everything alive, not on one allocation: many medium tensors, a list of them or a
    /// long autograd chain pass it together. Reading the resident size is a system call, so it is done
    /// for every large request and every 64th small one.
    nonisolated(unsafe) static var requestsSinceLook = 0

    /// Whether `size` more bytes still fit under the cap with what is alive now; nil when they fit,
    /// else the bytes in use.
    public static func overBudget(adding size: Int) -> Int? {
        requestsSinceLook += 1
        guard size >= 1 << 20 || requestsSinceLook >= 64 else { return nil }
        requestsSinceLook = 0
        let used = residentBytes()
        let (total, overflow) = used.addingReportingOverflow(size)
        return overflow || total > bytes ? used : nil
    }

    /// Throws PyTorch-style when `count` elements of `dtype` would pass the cap.
    public static func check(count: Int, dtype: DType) throws {
        let (size, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow || size > bytes {
            let shown = overflow ? "more than \(Int.max)" : "\(size)"
            throw TorchError.runtime(
                "[enforce fail at alloc_cpu.cpp] DefaultCPUAllocator: can't allocate memory: you tried to allocate \(shown) bytes (nnsh memory limit: \(bytes) bytes; set NNSH_MAX_MEMORY to change it)")
        }
        if let used = overBudget(adding: size) {
            throw TorchError.runtime(
                "[enforce fail at alloc_cpu.cpp] DefaultCPUAllocator: not enough memory: you tried to allocate \(size) bytes with \(used) bytes in use (nnsh memory limit: \(bytes) bytes; set NNSH_MAX_MEMORY to change it)")
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
