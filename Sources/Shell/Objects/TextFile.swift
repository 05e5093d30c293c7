import Foundation
import Torch

/// A text file from `open()`: CPython's `_io.TextIOWrapper` over a buffered file descriptor, with
/// its modes (`r w x a` and `+`), universal newlines, the utf-8 / ascii / latin-1 codecs and its
/// errors (`ValueError: I/O operation on closed file.`, `io.UnsupportedOperation: not readable`).
/// The file is its own iterator, reading a line per step, so `for line in f: ... break` leaves the
/// rest for `f.read()` as in CPython.
final class TextFile: LazyIterator, ContextManager {
    enum Codec: String { case utf8 = "utf-8", utf8Sig = "utf-8-sig", ascii, latin1 = "latin-1" }
    enum Errors: String { case strict, ignore, replace, backslashreplace }

    /// The first argument of `open()` (a path string or a descriptor number), for `name` and the repr.
    let name: Value
    let mode: String
    let codec: Codec
    /// What `encoding` reports: as the caller spelled it, or CPython's default `UTF-8`.
    let encodingName: String
    let errors: Errors
    /// `newline=`: nil translates `\r\n` and `\r` to `\n` on reading; `""` keeps line endings and
    /// splits at any of them; `"\n"`, `"\r"`, `"\r\n"` split at that one and write it for `\n`.
    let newline: String?
    let canRead: Bool, canWrite: Bool
    private var fd: Int32
    private let closeDescriptor: Bool

    /// Decoded text not yet returned, with each scalar's width in the file's bytes (for `tell()`).
    private var text: [Unicode.Scalar] = []
    private var widths: [UInt8] = []
    private var position = 0
    /// Bytes read but not decoded yet (an incomplete utf-8 sequence at a chunk's end).
    private var undecoded: [UInt8] = []
    private var sawEOF = false
    /// Byte offset in the file where the next read(2) starts, and the byte offset of the first
    /// undecoded byte (both for `tell()`).
    private var fileOffset: Int64 = 0
    private var writeBuffer: [UInt8] = []
    private var startedReading = false
    /// For `writelines` over any iterable.
    weak var interpreter: Interpreter?

    static let chunkSize = 64 * 1024

    init(fd: Int32, name: Value, mode: String, codec: Codec, encodingName: String, errors: Errors, newline: String?,
         canRead: Bool, canWrite: Bool, closeDescriptor: Bool) {
        self.fd = fd
        self.name = name
        self.mode = mode
        self.codec = codec
        self.encodingName = encodingName
        self.errors = errors
        self.newline = newline
        self.canRead = canRead
        self.canWrite = canWrite
        self.closeDescriptor = closeDescriptor
        super.init()
        fileOffset = Int64(lseek(fd, 0, SEEK_CUR))
        if fileOffset < 0 { fileOffset = 0 }
    }

    deinit { try? close() }

    override var typeName: String { "_io.TextIOWrapper" }
    override var pyType: PyType { PyType.textIOWrapper }
    var closed: Bool { fd < 0 }

    override func repr() -> String {
        "<_io.TextIOWrapper name=\(name.repr) mode=\(pythonStringRepr(mode)) encoding=\(pythonStringRepr(encodingName))>"
    }

    // MARK: opening

    /// `open(file, mode, buffering, encoding, errors, newline, closefd)` for text modes.
    static func open(_ file: Value, mode: String, encoding: String?, errors: String?, newline: String?,
                     closefd: Bool) throws -> Value {
        var seen = Set<Character>()
        for c in mode {
            guard "rwxabt+".contains(c), !seen.contains(c) else { throw PythonError.value("invalid mode: \(pythonStringRepr(mode))") }
            seen.insert(c)
        }
        let kinds = ["r", "w", "x", "a"].filter { seen.contains(Character($0)) }
        if seen.contains("t") && seen.contains("b") { throw PythonError.value("can't have text and binary mode at once") }
        if kinds.count > 1 { throw PythonError.value("must have exactly one of create/read/write/append mode") }
        guard let kind = kinds.first else {
            throw PythonError.value("Must have exactly one of create/read/write/append mode and at most one plus")
        }
        let plus = seen.contains("+")
        if seen.contains("b") {
            if encoding != nil { throw PythonError.value("binary mode doesn't take an encoding argument") }
            if errors != nil { throw PythonError.value("binary mode doesn't take an errors argument") }
            if newline != nil { throw PythonError.value("binary mode doesn't take a newline argument") }
            let (fd, closeDescriptor) = try descriptor(for: file, kind: kind, plus: plus, closefd: closefd)
            if kind == "a" { lseek(fd, 0, SEEK_END) }
            return .object(BinaryFile(fd: fd, name: file, mode: binaryModeName(kind, plus: plus), canRead: kind == "r" || plus,
                                      canWrite: kind != "r" || plus, closeDescriptor: closeDescriptor))
        }
        let (codec, encodingName) = try codecNamed(encoding)
        let errorMode: Errors
        switch errors ?? "strict" {
        case "strict": errorMode = .strict
        case "ignore": errorMode = .ignore
        case "replace": errorMode = .replace
        case "backslashreplace": errorMode = .backslashreplace
        case let other: throw PythonError("LookupError", "unknown error handler name \(pythonStringRepr(other))")
        }
        let canRead = kind == "r" || plus, canWrite = kind != "r" || plus
        let (fd, closeDescriptor) = try descriptor(for: file, kind: kind, plus: plus, closefd: closefd)
        let f = TextFile(fd: fd, name: file, mode: mode, codec: codec, encodingName: encodingName, errors: errorMode,
                         newline: newline, canRead: canRead, canWrite: canWrite, closeDescriptor: closeDescriptor)
        if kind == "a" { f.fileOffset = Int64(lseek(fd, 0, SEEK_END)) }
        return .object(f)
    }

    /// CPython's `mode` attribute of a binary file: `rb`, `wb`, `ab`, `xb`, `rb+`, …
    static func binaryModeName(_ kind: String, plus: Bool) -> String { kind + "b" + (plus ? "+" : "") }

    /// Opens (or adopts) the descriptor `open()` reads and writes: a path string or a descriptor number.
    static func descriptor(for file: Value, kind: String, plus: Bool, closefd: Bool) throws -> (Int32, Bool) {
        var fd: Int32
        var closeDescriptor = true
        switch file {
        case .int(let n):
            guard let d = Int32(exactly: n), d >= 0 else { throw PythonError.value("negative file descriptor") }
            fd = d
            closeDescriptor = closefd
        case .str(let path):
            guard closefd else { throw PythonError.value("Cannot use closefd=False with file name") }
            if path.utf8.contains(0) { throw PythonError.value("embedded null byte") }
            var flags: Int32 = O_CLOEXEC
            switch kind {
            case "r": flags |= plus ? O_RDWR : O_RDONLY
            case "w": flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC
            case "x": flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL
            default: flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND
            }
            fd = Glibc.open(path, flags, 0o666)
            if fd < 0 { throw PythonError.os(errno: errno, path: path) }
            var st = stat()
            if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                Glibc.close(fd)
                throw PythonError.os(errno: EISDIR, path: path)
            }
        default:
            throw PythonError.type("expected str, bytes or os.PathLike object, not \(file.typeName)")
        }
        return (fd, closeDescriptor)
    }

    /// The codecs nnsh has, by any of the names CPython accepts for them.
    static func codecNamed(_ name: String?) throws -> (Codec, String) {
        guard let name else { return (.utf8, "UTF-8") }
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8", "u8", "utf": return (.utf8, name)
        case "utf-8-sig", "utf8-sig": return (.utf8Sig, name)
        case "ascii", "us-ascii", "646": return (.ascii, name)
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "8859", "cp819": return (.latin1, name)
        default:
            throw PythonError("LookupError", "unknown encoding: \(name) (nnsh reads utf-8, ascii and latin-1 text files)")
        }
    }

    // MARK: state checks

    private func checkOpen() throws {
        if closed { throw PythonError.value("I/O operation on closed file.") }
    }

    private func checkReadable() throws {
        try checkOpen()
        if !canRead { throw PythonError("io.UnsupportedOperation", "not readable") }
    }

    private func checkWritable() throws {
        try checkOpen()
        if !canWrite { throw PythonError("io.UnsupportedOperation", "not writable") }
    }

    // MARK: reading

    /// Reads and decodes the next chunk; false at the end of the file.
    private func fill() throws -> Bool {
        if sawEOF { return false }
        try flushWrites()
        var chunk = [UInt8](repeating: 0, count: TextFile.chunkSize)
        var n: Int
        repeat {
            n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, TextFile.chunkSize) }
        } while n < 0 && errno == EINTR
        if n < 0 { throw PythonError.os(errno: errno, path: nil) }
        fileOffset += Int64(n)
        if n == 0 { sawEOF = true } else { undecoded += chunk[0..<n] }
        try decode(final: sawEOF)
        return true
    }

    /// Moves what `undecoded` holds into `text`, keeping an incomplete utf-8 sequence (and, when
    /// newlines are translated, a final `\r` that may start a `\r\n`) for the next chunk.
    private func decode(final: Bool) throws {
        if position > 0 && position == text.count { text.removeAll(keepingCapacity: true); widths.removeAll(keepingCapacity: true); position = 0 }
        var bytes = undecoded
        undecoded = []
        var start = 0
        if codec == .utf8Sig && !startedReading && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            start = 3
        }
        if codec == .utf8Sig && !startedReading && bytes.count < 3 && !final && [0xEF, 0xBB, 0xBF].starts(with: bytes) {
            undecoded = bytes
            return
        }
        startedReading = true
        var i = start
        var scalars: [Unicode.Scalar] = []
        var sizes: [UInt8] = []
        scalars.reserveCapacity(bytes.count - start)
        while i < bytes.count {
            let b = bytes[i]
            switch codec {
            case .latin1:
                scalars.append(Unicode.Scalar(b)); sizes.append(1); i += 1
                continue
            case .ascii:
                if b < 0x80 { scalars.append(Unicode.Scalar(b)); sizes.append(1); i += 1; continue }
                try decodeError(b, at: i, reason: "ordinal not in range(128)", &scalars, &sizes)
                i += 1
                continue
            case .utf8, .utf8Sig:
                if b < 0x80 { scalars.append(Unicode.Scalar(b)); sizes.append(1); i += 1; continue }
                let need: Int, minimum: UInt32, initial: UInt32
                switch b {
                case 0xC2...0xDF: need = 1; minimum = 0x80; initial = UInt32(b & 0x1F)
                case 0xE0...0xEF: need = 2; minimum = 0x800; initial = UInt32(b & 0x0F)
                case 0xF0...0xF4: need = 3; minimum = 0x10000; initial = UInt32(b & 0x07)
                default:
                    try decodeError(b, at: i, reason: "invalid start byte", &scalars, &sizes)
                    i += 1
                    continue
                }
                if i + need >= bytes.count && !final {
                    // Possibly a sequence the next chunk completes.
                    var valid = true
                    for k in (i + 1)..<bytes.count where bytes[k] & 0xC0 != 0x80 { valid = false }
                    if valid { undecoded = Array(bytes[i...]); bytes.removeSubrange(i...); break }
                }
                var value = initial
                var ok = true
                var k = 1
                while k <= need {
                    guard i + k < bytes.count, bytes[i + k] & 0xC0 == 0x80 else { ok = false; break }
                    value = value << 6 | UInt32(bytes[i + k] & 0x3F)
                    k += 1
                }
                if ok, value >= minimum, let s = Unicode.Scalar(value) {
                    scalars.append(s); sizes.append(UInt8(need + 1)); i += need + 1
                } else {
                    let reason = i + k >= bytes.count && k <= need ? "unexpected end of data" : "invalid continuation byte"
                    try decodeError(b, at: i, reason: reason, &scalars, &sizes)
                    i += Swift.max(1, k)
                }
            }
        }
        if newline == nil {
            // Universal newlines: `\r\n` and `\r` read as `\n`.
            var out: [Unicode.Scalar] = [], outSizes: [UInt8] = []
            out.reserveCapacity(scalars.count)
            var j = 0
            while j < scalars.count {
                let s = scalars[j]
                if s == "\r" {
                    if j + 1 < scalars.count {
                        if scalars[j + 1] == "\n" { out.append("\n"); outSizes.append(sizes[j] + sizes[j + 1]); j += 2; continue }
                    } else if !final && undecoded.isEmpty {
                        undecoded = [0x0D]
                        break
                    }
                    out.append("\n"); outSizes.append(sizes[j]); j += 1
                    continue
                }
                out.append(s); outSizes.append(sizes[j]); j += 1
            }
            scalars = out; sizes = outSizes
        }
        text += scalars
        widths += sizes
    }

    private func decodeError(_ byte: UInt8, at i: Int, reason: String, _ scalars: inout [Unicode.Scalar], _ sizes: inout [UInt8]) throws {
        switch errors {
        case .strict:
            let codecName = codec == .ascii ? "ascii" : "utf-8"
            throw PythonError("UnicodeDecodeError",
                              "'\(codecName)' codec can't decode byte 0x\(String(byte, radix: 16, uppercase: false).leftPadded(to: 2)) in position \(i): \(reason)")
        case .ignore:
            if let last = sizes.indices.last { sizes[last] += 1 } else { scalars.append("\u{FFFF}"); sizes.append(1); scalars.removeLast(); sizes.removeLast() }
        case .replace:
            scalars.append("\u{FFFD}"); sizes.append(1)
        case .backslashreplace:
            // `\xNN`: the byte's size counts once, on the backslash.
            let escaped = "\\x" + String(byte, radix: 16).leftPadded(to: 2)
            for (k, u) in escaped.unicodeScalars.enumerated() { scalars.append(u); sizes.append(k == 0 ? 1 : 0) }
        }
    }

    /// Up to `count` scalars (all that is left when nil).
    func read(_ count: Int?) throws -> String {
        try checkReadable()
        if let count {
            while text.count - position < count, try fill() {}
            let end = Swift.min(text.count, position + count)
            defer { position = end }
            return String(String.UnicodeScalarView(text[position..<end]))
        }
        while try fill() {
            if text.count - position > MemoryLimit.bytes / 4 {
                throw PythonError("MemoryError", "the file is larger than the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)")
            }
        }
        defer { position = text.count }
        return String(String.UnicodeScalarView(text[position...]))
    }

    /// The next line with its ending, `""` at the end of the file; at most `limit` scalars.
    func readLine(limit: Int? = nil) throws -> String {
        try checkReadable()
        var scanned = position
        while true {
            while scanned < text.count {
                if let limit, scanned - position >= limit { return take(upTo: scanned) }
                let s = text[scanned]
                if let end = lineEnd(at: scanned, s) { return take(upTo: end) }
                scanned += 1
            }
            if try !fill() { return take(upTo: text.count) }
            // `fill` may have dropped consumed text; rescan relative to the new start.
            scanned = Swift.min(scanned, text.count)
            if scanned < position { scanned = position }
        }
    }

    /// Where the line ending at `i` ends (exclusive), or nil if `i` ends no line.
    private func lineEnd(at i: Int, _ s: Unicode.Scalar) -> Int? {
        switch newline {
        case nil, "\n"?: return s == "\n" ? i + 1 : nil
        case "\r"?: return s == "\r" ? i + 1 : nil
        case "\r\n"?: return s == "\n" && i > position && text[i - 1] == "\r" ? i + 1 : nil
        default:
            // newline="": any of `\n`, `\r`, `\r\n` ends a line.
            if s == "\n" { return i + 1 }
            if s == "\r" {
                if i + 1 < text.count { return text[i + 1] == "\n" ? i + 2 : i + 1 }
                if sawEOF { return i + 1 }
                return nil
            }
            return nil
        }
    }

    private func take(upTo end: Int) -> String {
        defer { position = end }
        return String(String.UnicodeScalarView(text[position..<end]))
    }

    override func next() throws -> Value? {
        try checkOpen()
        let line = try readLine()
        return line.isEmpty ? nil : .str(line)
    }

    // MARK: writing

    func write(_ s: String) throws -> Int {
        try checkWritable()
        if position < text.count || !undecoded.isEmpty { try discardReadAhead() }
        var bytes: [UInt8]
        switch codec {
        case .utf8, .utf8Sig:
            bytes = Array(s.utf8)
            if codec == .utf8Sig && fileOffset == 0 && writeBuffer.isEmpty && !startedReading {
                bytes = [0xEF, 0xBB, 0xBF] + bytes
                startedReading = true
            }
        case .ascii, .latin1:
            let limit: UInt32 = codec == .ascii ? 0x80 : 0x100
            bytes = []
            for (i, u) in s.unicodeScalars.enumerated() {
                if u.value < limit { bytes.append(UInt8(u.value)); continue }
                switch errors {
                case .strict:
                    let c = codec == .ascii ? "ascii" : "latin-1"
                    throw PythonError("UnicodeEncodeError", "'\(c)' codec can't encode character '\\u\(String(u.value, radix: 16).leftPadded(to: 4))' in position \(i): ordinal not in range(\(limit))")
                case .ignore: break
                case .replace: bytes.append(UInt8(ascii: "?"))
                case .backslashreplace:
                    let hex = String(u.value, radix: 16)
                    let escaped = u.value < 0x100 ? "\\x" + hex.leftPadded(to: 2) : u.value < 0x10000 ? "\\u" + hex.leftPadded(to: 4) : "\\U" + hex.leftPadded(to: 8)
                    bytes += Array(escaped.utf8)
                }
            }
        }
        if let newline, newline == "\r" || newline == "\r\n" {
            let nl = Array(newline.utf8)
            bytes = bytes.flatMap { $0 == 0x0A ? nl : [$0] }
        }
        writeBuffer += bytes
        if writeBuffer.count >= 8192 { try flushWrites() }
        return s.unicodeScalars.count
    }

    func flushWrites() throws {
        guard !writeBuffer.isEmpty, fd >= 0 else { return }
        var offset = 0
        while offset < writeBuffer.count {
            let n = writeBuffer[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                writeBuffer.removeAll()
                throw PythonError.os(errno: e, path: nil)
            }
            offset += n
        }
        fileOffset += Int64(writeBuffer.count)
        writeBuffer.removeAll(keepingCapacity: true)
    }

    /// Before a write or a seek: forget decoded text not yet returned, putting the descriptor
    /// back where the caller's position is.
    private func discardReadAhead() throws {
        let logical = try tell()
        text.removeAll(); widths.removeAll(); position = 0; undecoded.removeAll(); sawEOF = false
        if lseek(fd, off_t(logical), SEEK_SET) < 0 { throw PythonError.os(errno: errno, path: nil) }
        fileOffset = logical
    }

    // MARK: positioning

    func tell() throws -> Int64 {
        try checkOpen()
        var ahead = Int64(undecoded.count)
        for k in position..<widths.count { ahead += Int64(widths[k]) }
        return fileOffset - ahead + Int64(writeBuffer.count)
    }

    func seek(_ offset: Int64, whence: Int32) throws -> Int64 {
        try checkOpen()
        if whence == SEEK_CUR && offset != 0 { throw PythonError("io.UnsupportedOperation", "can't do nonzero cur-relative seeks") }
        if whence == SEEK_END && offset != 0 { throw PythonError("io.UnsupportedOperation", "can't do nonzero end-relative seeks") }
        if whence == SEEK_SET && offset < 0 { throw PythonError.value("negative seek position \(offset)") }
        let target: Int64
        if whence == SEEK_CUR { target = try tell() } else { target = offset }
        try flushWrites()
        text.removeAll(); widths.removeAll(); position = 0; undecoded.removeAll(); sawEOF = false
        let r = lseek(fd, off_t(target), whence == SEEK_END ? SEEK_END : SEEK_SET)
        if r < 0 { throw PythonError.os(errno: errno, path: nil) }
        fileOffset = Int64(r)
        return fileOffset
    }

    func truncate(_ size: Int64?) throws -> Int64 {
        try checkWritable()
        try flushWrites()
        let at = try size ?? tell()
        if ftruncate(fd, off_t(at)) < 0 { throw PythonError.os(errno: errno, path: nil) }
        return at
    }

    func close() throws {
        guard fd >= 0 else { return }
        defer {
            if closeDescriptor { Glibc.close(fd) }
            fd = -1
            text = []; widths = []; undecoded = []
        }
        try flushWrites()
    }

    // MARK: the context manager protocol

    func enter() throws -> Value {
        try checkOpen()
        return .object(self)
    }

    func exit() { try? close() }

    // MARK: attributes

    override var memberNames: [String] {
        ["read", "readline", "readlines", "write", "writelines", "close", "closed", "flush", "seek", "tell",
         "truncate", "readable", "writable", "seekable", "fileno", "isatty", "name", "mode", "encoding", "errors",
         "newlines", "line_buffering", "__enter__", "__exit__", "__iter__", "__next__"]
    }

    override func attribute(_ attr: String) throws -> Value? {
        func method(_ f: @escaping (Arguments) throws -> Value) -> Value {
            .builtin(Builtin(attr, receiver: "_io.TextIOWrapper object", f))
        }
        func size(_ v: Value?, _ fn: String) throws -> Int? {
            switch v {
            case nil, .none?: return nil
            case .int(let n)?: return n < 0 ? nil : n
            case .bool(let b)?: return b ? 1 : 0
            case let other?: throw PythonError.type("argument should be integer or None, not '\(other.typeName)'")
            }
        }
        switch attr {
        case "read": return method { a in
            let b = try a.bind("read", ["size"])
            return .str(try self.read(try size(b["size"], "read"))) }
        case "readline": return method { a in
            let b = try a.bind("readline", ["size"])
            return .str(try self.readLine(limit: try size(b["size"], "readline"))) }
        case "readlines": return method { a in
            let b = try a.bind("readlines", ["hint"])
            let hint = try size(b["hint"], "readlines")
            var lines: [Value] = [], total = 0
            while true {
                let line = try self.readLine()
                if line.isEmpty { break }
                lines.append(.str(line))
                total += line.unicodeScalars.count
                if let hint, hint > 0, total >= hint { break }
            }
            return .list(PyList(lines)) }
        case "write": return method { a in
            let b = try a.bind("write", ["text"], required: 1)
            guard case .str(let s) = b.values["text"]! else {
                throw PythonError.type("write() argument must be str, not \(b.values["text"]!.typeName)")
            }
            return .int(try self.write(s)) }
        case "writelines": return method { a in
            let lines = try a.bind("writelines", ["lines"], required: 1).values["lines"]!
            let items: [Value]
            if let interp = self.interpreter { items = try interp.iterate(lines) } else if case .list(let l) = lines { items = l.items } else { items = [] }
            for item in items {
                guard case .str(let s) = item else { throw PythonError.type("write() argument must be str, not \(item.typeName)") }
                _ = try self.write(s)
            }
            return .none }
        case "flush": return method { a in
            _ = try a.bind("flush", [])
            try self.checkOpen()
            try self.flushWrites()
            return .none }
        case "close": return method { a in
            _ = try a.bind("close", [])
            try self.close()
            return .none }
        case "tell": return method { a in
            _ = try a.bind("tell", [])
            return .int(Int(try self.tell())) }
        case "seek": return method { a in
            let b = try a.bind("seek", ["cookie", "whence"], required: 1)
            guard case .int(let off) = b.values["cookie"]! else {
                throw PythonError.type("'\(b.values["cookie"]!.typeName)' object cannot be interpreted as an integer")
            }
            var whence: Int32 = SEEK_SET
            if let w = b["whence"] {
                guard case .int(let n) = w, (0...2).contains(n) else {
                    throw PythonError.value("invalid whence (\(w.repr), should be 0, 1 or 2)")
                }
                whence = Int32(n)
            }
            return .int(Int(try self.seek(Int64(off), whence: whence))) }
        case "truncate": return method { a in
            let b = try a.bind("truncate", ["pos"])
            var at: Int64?
            if case .int(let n)? = b["pos"] { at = Int64(n) }
            return .int(Int(try self.truncate(at))) }
        case "readable": return method { _ in try self.checkOpen(); return .bool(self.canRead) }
        case "writable": return method { _ in try self.checkOpen(); return .bool(self.canWrite) }
        case "seekable": return method { _ in try self.checkOpen(); return .bool(lseek(self.fd, 0, SEEK_CUR) >= 0) }
        case "isatty": return method { _ in try self.checkOpen(); return .bool(isatty(self.fd) == 1) }
        case "fileno": return method { _ in try self.checkOpen(); return .int(Int(self.fd)) }
        case "__enter__": return method { _ in try self.enter() }
        case "__exit__": return method { _ in try self.close(); return .none }
        case "closed": return .bool(closed)
        case "name": return name
        case "mode": return .str(mode)
        case "encoding": return .str(encodingName)
        case "errors": return .str(errors.rawValue)
        case "newlines": return Value.none
        case "line_buffering": return .bool(false)
        default: return try super.attribute(attr)
        }
    }
}

extension PythonError {
    /// The `OSError` subclass CPython raises for `code`, worded as it words it:
    /// `FileNotFoundError: [Errno 2] No such file or directory: 'x.txt'`.
    static func os(errno code: Int32, path: String?) -> PythonError {
        let kind: String
        switch code {
        case ENOENT: kind = "FileNotFoundError"
        case EEXIST: kind = "FileExistsError"
        case EISDIR: kind = "IsADirectoryError"
        case ENOTDIR: kind = "NotADirectoryError"
        case EACCES, EPERM: kind = "PermissionError"
        case EAGAIN, EALREADY, EINPROGRESS: kind = "BlockingIOError"
        case EPIPE, ESHUTDOWN: kind = "BrokenPipeError"
        case EINTR: kind = "InterruptedError"
        case ETIMEDOUT: kind = "TimeoutError"
        default: kind = "OSError"
        }
        let reason = String(cString: strerror(code))
        let message = "[Errno \(code)] \(reason)" + (path.map { ": " + pythonStringRepr($0) } ?? "")
        return PythonError(kind, message)
    }

    func withMessage(_ m: String) -> PythonError {
        var e = self
        e.message = m
        return e
    }
}

extension String {
    /// Zero-padded on the left to `width` (hex digits in messages and reprs).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
