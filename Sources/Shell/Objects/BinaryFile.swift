import Foundation
import Torch

/// A file opened in binary mode (`open(p, 'rb')`, `'wb'`, `'ab'`, `'xb'`, `'r+b'`): CPython's
/// `_io.BufferedReader` / `BufferedWriter` / `BufferedRandom` over a descriptor. Reads come
/// through a read-ahead buffer (lines need one); writes go straight to the descriptor, so the
/// file is always what Python wrote to it. Iteration yields lines, as CPython's does. Methods are
/// declared in the registry.
final class BinaryFile: LazyIterator, ContextManager {
    let name: Value
    let mode: String
    let canRead: Bool, canWrite: Bool
    private var fd: Int32
    private let closeDescriptor: Bool
    /// Bytes read from the descriptor and not yet returned.
    private var readAhead: [UInt8] = []
    private var position = 0

    init(fd: Int32, name: Value, mode: String, canRead: Bool, canWrite: Bool, closeDescriptor: Bool) {
        self.fd = fd
        self.name = name
        self.mode = mode
        self.canRead = canRead
        self.canWrite = canWrite
        self.closeDescriptor = closeDescriptor
    }

    deinit { try? close() }

    var closed: Bool { fd < 0 }
    private var kind: String { canRead && canWrite ? "BufferedRandom" : canRead ? "BufferedReader" : "BufferedWriter" }
    override var typeName: String { "_io." + kind }
    override var pyType: PyType { BinaryFile.types[kind] ?? .object }
    private static let types: [String: PyType] = Dictionary(uniqueKeysWithValues: ["BufferedReader", "BufferedWriter", "BufferedRandom"].map {
        ($0, PyType.builtin($0, module: "_io"))
    })

    override func repr() -> String { "<\(typeName) name=\(name.repr)>" }

    // MARK: state checks

    private func checkOpen(_ what: String? = nil) throws {
        if closed { throw PythonError.value(what.map { "\($0) of closed file" } ?? "I/O operation on closed file") }
    }

    private func checkReadable(_ what: String) throws {
        try checkOpen(what)
        if !canRead { throw PythonError("io.UnsupportedOperation", "read") }
    }

    private func checkWritable() throws {
        try checkOpen("write to")
        if !canWrite { throw PythonError("io.UnsupportedOperation", "write") }
    }

    // MARK: reading

    private var buffered: Int { readAhead.count - position }

    /// Reads one more chunk into the read-ahead; false at the end of the file.
    private func fill() throws -> Bool {
        if position > 0 {
            readAhead.removeFirst(position)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var n: Int
        repeat { n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) } } while n < 0 && errno == EINTR
        if n < 0 { throw PythonError.os(errno: errno, path: nil) }
        if n == 0 { return false }
        readAhead += chunk[0..<n]
        return true
    }

    func read(_ count: Int?) throws -> [UInt8] {
        try checkReadable("read")
        if let count, count >= 0 {
            while buffered < count, try fill() {}
            return take(Swift.min(count, buffered))
        }
        // Everything: straight into one growing array, in chunks that double (a regular file's
        // size is known up front), checked against the memory limit as it grows.
        var out = take(buffered)
        readAhead = []
        position = 0
        var st = stat()
        var chunk = 64 * 1024
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
            let here = lseek(fd, 0, SEEK_CUR)
            if here >= 0, Int(st.st_size) > Int(here) { chunk = Swift.max(chunk, Int(st.st_size) - Int(here) + 1) }
        }
        while true {
            let (total, overflow) = out.count.addingReportingOverflow(chunk)
            if overflow || total > MemoryLimit.bytes {
                throw PythonError("MemoryError", "reading the whole file would pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
            }
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: chunk))
            var n: Int
            repeat {
                n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress.map { $0 + start }, chunk) }
            } while n < 0 && errno == EINTR
            if n < 0 { throw PythonError.os(errno: errno, path: nil) }
            out.removeLast(chunk - n)
            if n == 0 { return out }
            chunk = Swift.min(chunk * 2, 64 << 20)
        }
    }

    func readLine(limit: Int? = nil) throws -> [UInt8] {
        try checkReadable("readline")
        var scanned = 0
        while true {
            if let nl = readAhead[(position + scanned)...].firstIndex(of: 10) {
                let length = nl - position + 1
                return take(limit.map { $0 >= 0 ? Swift.min($0, length) : length } ?? length)
            }
            if let limit, limit >= 0, buffered >= limit { return take(limit) }
            scanned = buffered
            if try !fill() { return take(limit.map { $0 >= 0 ? Swift.min($0, buffered) : buffered } ?? buffered) }
        }
    }

    private func take(_ n: Int) -> [UInt8] {
        let out = Array(readAhead[position..<(position + n)])
        position += n
        return out
    }

    override func next() throws -> Value? {
        let line = try readLine()
        return line.isEmpty ? nil : .object(PyBytes(line, mutable: false))
    }

    // MARK: writing and positioning

    func write(_ bytes: [UInt8]) throws -> Int {
        try checkWritable()
        try discardReadAhead()
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PythonError.os(errno: errno, path: nil)
            }
            done += n
        }
        return bytes.count
    }

    /// Moves the descriptor back to where Python's position is, forgetting what was read ahead.
    private func discardReadAhead() throws {
        if buffered > 0 { lseek(fd, off_t(-buffered), SEEK_CUR) }
        readAhead = []
        position = 0
    }

    func tell() throws -> Int {
        try checkOpen()
        let at = lseek(fd, 0, SEEK_CUR)
        if at < 0 { throw PythonError.os(errno: errno, path: nil) }
        return Int(at) - buffered
    }

    func seek(_ offset: Int, whence: Int) throws -> Int {
        try checkOpen("seek")
        guard (0...2).contains(whence) else { throw PythonError.value("whence value \(whence) unsupported") }
        try discardReadAhead()
        let at = lseek(fd, off_t(offset), Int32(whence))
        if at < 0 { throw PythonError.os(errno: errno, path: nil) }
        return Int(at)
    }

    func close() throws {
        guard fd >= 0 else { return }
        if closeDescriptor { Glibc.close(fd) }
        fd = -1
        readAhead = []
        position = 0
    }

    func enter() throws -> Value {
        try checkOpen()
        return .object(self)
    }

    func exit() { try? close() }

    override func attribute(_ attr: String) throws -> Value? {
        switch attr {
        case "closed": return .bool(closed)
        case "name": return name
        case "mode": return .str(mode)
        case "__iter__":
            try checkOpen()
            return .builtin(Builtin("__iter__", receiver: typeName) { [self] _ in .object(self) })
        default: return try super.attribute(attr)
        }
    }

    override var memberNames: [String] { ["closed", "name", "mode"] }

    // MARK: the methods

    private static func file(_ c: NativeCall) -> BinaryFile? {
        if case .object(let f as BinaryFile) = c.receiver { return f }
        return nil
    }

    /// `read(size)`'s argument: an int, or None / -1 for everything.
    private static func size(_ v: Value, _ interp: Interpreter) throws -> Int? {
        switch v {
        case .none: return nil
        case .int, .bool: return try interp.asInt(v)
        default: throw PythonError.type("argument should be integer or None, not '\(v.typeName)'")
        }
    }

    static let methods = NativeMethodTable("_io._BufferedIOBase", [
        NativeMethod("read", "(size=-1, /)", "Read and return up to size bytes; all of them when size is negative or None.") { c in
            guard let f = file(c) else { return .none }
            return .object(PyBytes(try f.read(try size(c[0], c.interp)), mutable: false))
        },
        NativeMethod("readline", "(size=-1, /)", "Read and return a line, up to size bytes.") { c in
            guard let f = file(c) else { return .none }
            return .object(PyBytes(try f.readLine(limit: try size(c[0], c.interp)), mutable: false))
        },
        NativeMethod("readlines", "(hint=-1, /)", "Return a list of lines from the stream.") { c in
            guard let f = file(c) else { return .none }
            let hint = try size(c[0], c.interp) ?? -1
            var lines: [Value] = [], total = 0
            while true {
                let line = try f.readLine()
                if line.isEmpty { break }
                lines.append(.object(PyBytes(line, mutable: false)))
                total += line.count
                if hint > 0 && total >= hint { break }
            }
            return .list(PyList(lines))
        },
        NativeMethod("write", "(buffer, /)", "Write the given buffer to the stream and return its length.") { c in
            guard let f = file(c) else { return .none }
            return .int(try f.write(try PyBytes.requireBuffer(c[0])))
        },
        NativeMethod("writelines", "(lines, /)", "Write a list of bytes objects to the stream.") { c in
            guard let f = file(c) else { return .none }
            for line in try c.interp.iterate(c[0]) { _ = try f.write(try PyBytes.requireBuffer(line)) }
            return .none
        },
        NativeMethod("seek", "(target, whence=0, /)", "Change the stream position to the given byte offset.") { c in
            guard let f = file(c) else { return .none }
            return .int(try f.seek(try c.interp.asInt(c[0]), whence: try c.interp.asInt(c[1])))
        },
        NativeMethod("tell", "()", "Return the current stream position.") { c in .int(try file(c)?.tell() ?? 0) },
        NativeMethod("flush", "()", "Flush the write buffers (writes are not buffered here).") { c in
            try file(c)?.checkOpen("flush")
            return .none
        },
        NativeMethod("close", "()", "Flush and close the stream.") { c in try file(c)?.close(); return .none },
        NativeMethod("readable", "()", "True if the stream can be read from.") { c in
            try file(c)?.checkOpen()
            return .bool(file(c)?.canRead ?? false)
        },
        NativeMethod("writable", "()", "True if the stream can be written to.") { c in
            try file(c)?.checkOpen()
            return .bool(file(c)?.canWrite ?? false)
        },
        NativeMethod("seekable", "()", "True if the stream supports random access.") { c in
            guard let f = file(c) else { return .bool(false) }
            try f.checkOpen()
            return .bool(lseek(f.fd, 0, SEEK_CUR) >= 0)
        },
        NativeMethod("fileno", "()", "Return the underlying file descriptor.") { c in
            guard let f = file(c) else { return .none }
            try f.checkOpen()
            return .int(Int(f.fd))
        },
        NativeMethod("__enter__", "()", "Return the file itself.") { c in try file(c)?.enter() ?? .none },
        NativeMethod("__exit__", "(exc_type=None, exc_value=None, traceback=None, /)", "Close the file.") { c in try file(c)?.close(); return .none },
    ])
}
