import Foundation

/// The REPL's history file (`~/.nnsh_history` or `$NNSH_HISTORY`).
///
/// One entry per line; a multi-line entry keeps its line breaks as `\n` (and a backslash as `\\`),
/// so it is recalled as one entry. Each entry is appended with a single `write` on an `O_APPEND`
/// descriptor, so two shells open at once interleave their entries and lose neither's. The file is
/// rewritten (through a temporary file and a rename) only when it has grown past twice the cap.
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

    /// `$NNSH_HISTORY`, else `~/.nnsh_history`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["NNSH_HISTORY"], !p.isEmpty { return p }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.nnsh_history" }
        return ".nnsh_history"
    }

    /// Reads the file. Returns a warning to show, or nil. A missing file is not a problem.
    @discardableResult
    public func load() -> String? {
        entries = []
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return nil }
        if isDir.boolValue { return "nnsh: warning: history file \(path) is a directory; history will not be saved" }
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
        let line = Array((HistoryFile.encode(trimmed) + "\n").utf8)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else {
            defer { appendFailed = true }
            return appendFailed ? nil : "nnsh: warning: can't write history file \(path): \(String(cString: strerror(errno)))"
        }
        defer { close(fd) }
        let n = line.withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress, $0.count) }
        if n != line.count && !appendFailed {
            appendFailed = true
            return "nnsh: warning: can't write history file \(path)"
        }
        return nil
    }

    /// Rewrites the file with the last `cap` entries (atomically, via rename).
    func compact() {
        let tmp = path + ".tmp\(getpid())"
        let text = entries.map { HistoryFile.encode($0) + "\n" }.joined()
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
