import Foundation

/// The REPL's history file (`~/.nnsh_history` or `$NNSH_HISTORY`).
///
/// One entry per line; a multi-line entry keeps its line breaks as `\n` (and a backslash as `\\`),
/// so it is recalled as one entry. Each entry is appended with a single `write` on an `O_APPEND`
/// descriptor, so two shells open at once interleave their entries and lose neither's. The file is
/// rewritten (through a temporary file and a rename) only when it has grown past twice the cap, and
/// then under an exclusive `flock` with the file read again inside it, so entries other shells
/// appended since this one loaded are kept; an appender that finds its descriptor's file renamed
/// away reopens the new one. An entry cut short by a full disk is taken back (or, if that fails, the
/// next append starts on a new line), so no two entries are ever glued together.
/// Problems reading or writing it are warnings, never failures.
public final class HistoryFile {
    public let path: String
    public let cap: Int
    public private(set) var entries: [String] = []
    private var appendFailed = false

    public init(path: String, cap: Int = 5000) {
        self.path = path
        self.cap = Swift.max(1, cap)
    }

    /// `$NNSH_HISTORY`, else `~/.nnsh_history` with the home folder from `$HOME` or, when that is
    /// unset, the password database (as CPython's `os.path.expanduser`); nil when there is no home,
    /// and then history is kept for the session only — never in whatever folder nnsh started in.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let p = environment["NNSH_HISTORY"], !p.isEmpty { return p }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.nnsh_history" }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir {
            let home = String(cString: dir)
            if home.hasPrefix("/") { return home + "/.nnsh_history" }
        }
        return nil
    }

    /// Reads the file. Returns a warning to show, or nil. A missing file is not a problem.
    @discardableResult
    public func load() -> String? {
        entries = []
        if path.isEmpty { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return nil }
        if isDir.boolValue { return "nnsh: warning: history file \(path) is a directory; history will not be saved" }
        // A FIFO or a device would block the prompt or never end: only regular files are history.
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            return "nnsh: warning: history file \(path) is not a regular file; history will not be saved"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return "nnsh: warning: can't read history file \(path); starting with empty history"
        }
        guard let text = String(data: data, encoding: .utf8), !data.contains(0) else {
            return "nnsh: warning: history file \(path) is corrupt (not UTF-8 text); starting with empty history"
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if lines.first == "_HiStOrY_V2_" {
            // Written by libedit's write_history: strvis-encoded.
            lines.removeFirst()
            entries = lines.map(HistoryFile.decodeVis)
        } else {
            entries = lines.map(HistoryFile.decode)
        }
        if entries.count > cap { entries.removeFirst(entries.count - cap) }
        if lines.count > 2 * cap { compact() }
        return nil
    }

    /// Adds an entry in memory and appends it to the file. Returns a warning the first time writing fails.
    @discardableResult
    public func append(_ entry: String) -> String? {
        let trimmed = entry.trimmingCharacters(in: .newlines)
        guard !trimmed.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        if entries.last == trimmed { return nil }
        entries.append(trimmed)
        if entries.count > cap { entries.removeFirst(entries.count - cap) }
        if path.isEmpty { return nil }
        let line = Array((HistoryFile.encode(trimmed) + "\n").utf8)
        guard let fd = openLocked(O_RDWR | O_APPEND | O_CREAT) else {  // read: the last byte
            defer { appendFailed = true }
            return appendFailed ? nil : "nnsh: warning: can't write history file \(path): \(String(cString: strerror(errno)))"
        }
        defer { close(fd) }  // closing releases the lock
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        // A previous entry cut short (a full disk, a killed shell) has no newline: start a new line.
        var last: UInt8 = 0
        let bytes = size > 0 && pread(fd, &last, 1, off_t(size - 1)) == 1 && last != UInt8(ascii: "\n") ? [UInt8(ascii: "\n")] + line : line
        let n = bytes.withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress, $0.count) }
        if n != bytes.count {
            // Take back the part written, so the next entry is not glued onto half of this one.
            if n > 0 { _ = ftruncate(fd, off_t(size)) }
            if !appendFailed {
                appendFailed = true
                return "nnsh: warning: can't write history file \(path)"
            }
        }
        return nil
    }

    /// The history file opened with an exclusive `flock`. A compaction by another shell renames a new
    /// file over the path while we wait for the lock; then the descriptor names the old, unlinked
    /// file, and we open the path again.
    private func openLocked(_ flags: Int32) -> Int32? {
        guard !path.isEmpty else { return nil }
        for _ in 0..<100 {
            let fd = open(path, flags | O_CLOEXEC | O_NONBLOCK, 0o600)
            if fd < 0 { return nil }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            var st = stat()
            guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { close(fd); errno = EINVAL; return nil }
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            var now = stat()
            if stat(path, &now) == 0 && now.st_ino == st.st_ino && now.st_dev == st.st_dev { return fd }
            close(fd)
        }
        return nil
    }

    /// Rewrites the file with its last `cap` entries (atomically, via rename), reading it again under
    /// the lock so entries appended by other shells since `load` are kept.
    func compact() {
        guard let fd = openLocked(O_RDONLY) else { return }
        defer { close(fd) }
        // readToEnd throws on a read error (readDataToEndOfFile would trap).
        guard let data = try? FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd() ?? Data() else { return }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        // A file libedit wrote is strvis-encoded under its header: rewritten in our encoding.
        if lines.first == "_HiStOrY_V2_" { lines = lines.dropFirst().map { HistoryFile.encode(HistoryFile.decodeVis($0)) } }
        let text = lines.suffix(cap).map { $0 + "\n" }.joined()
        let tmp = path + ".tmp\(getpid())"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return }
        if rename(tmp, path) != 0 { unlink(tmp) }
    }

    public static func encode(_ entry: String) -> String {
        var out = ""
        for c in entry {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out
    }

    public static func decode(_ line: String) -> String {
        var out = "", escaped = false
        for c in line {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// libedit's `\040`-style octal escapes and `\\`.
    static func decodeVis(_ line: String) -> String {
        var bytes = [UInt8](), src = Array(line.utf8), i = 0
        while i < src.count {
            if src[i] == UInt8(ascii: "\\"), i + 4 <= src.count,
               let v = UInt8(String(decoding: src[(i + 1)..<(i + 4)], as: UTF8.self), radix: 8) {
                bytes.append(v); i += 4
            } else if src[i] == UInt8(ascii: "\\"), i + 1 < src.count {
                bytes.append(src[i + 1]); i += 2
            } else { bytes.append(src[i]); i += 1 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
