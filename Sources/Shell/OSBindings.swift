import Foundation
import Torch

/// `os`, `os.path` (POSIX `posixpath` semantics) and a small `sys`: what tutorial scripts use to find their files.
/// Relative paths resolve against the process's current directory, as in Python.
enum PosixPath {
    static func join(_ first: String, _ rest: [String]) -> String {
        var path = first
        for b in rest {
            if b.hasPrefix("/") { path = b } else if path.isEmpty || path.hasSuffix("/") { path += b } else { path += "/" + b }
        }
        return path
    }

    /// Index just after the last `/` (0 when there is none).
    private static func tailStart(_ p: String) -> String.Index {
        if let i = p.lastIndex(of: "/") { return p.index(after: i) }
        return p.startIndex
    }

    static func dirname(_ p: String) -> String {
        var head = String(p[..<tailStart(p)])
        if !head.isEmpty && head != String(repeating: "/", count: head.count) {
            while head.hasSuffix("/") { head.removeLast() }
        }
        return head
    }

    static func basename(_ p: String) -> String { String(p[tailStart(p)...]) }

    static func split(_ p: String) -> (String, String) { (dirname(p), basename(p)) }

    static func splitext(_ p: String) -> (String, String) {
        let base = basename(p)
        guard let dot = base.lastIndex(of: "."), base[..<dot].contains(where: { $0 != "." }) else { return (p, "") }
        let ext = String(base[dot...])
        return (String(p.dropLast(ext.count)), ext)
    }

    static func normpath(_ p: String) -> String {
        if p.isEmpty { return "." }
        let initial = p.hasPrefix("/") ? ((p.hasPrefix("//") && !p.hasPrefix("///")) ? 2 : 1) : 0
        var out = [Substring]()
        for comp in p.split(separator: "/", omittingEmptySubsequences: true) where comp != "." {
            if comp != ".." || (initial == 0 && out.isEmpty) || (out.last == "..") {
                out.append(comp)
            } else if !out.isEmpty {
                out.removeLast()
            }
        }
        let joined = String(repeating: "/", count: initial) + out.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    static func cwd() -> String { FileManager.default.currentDirectoryPath }

    static func abspath(_ p: String) -> String { normpath(p.hasPrefix("/") ? p : join(cwd(), [p])) }

    static func exists(_ p: String) -> Bool { FileManager.default.fileExists(atPath: p) }

    static func isfile(_ p: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: p, isDirectory: &d) && !d.boolValue
    }

    /// `os.path.realpath`: symlinks resolved (the path itself when it does not exist).
    static func realpath(_ p: String) -> String {
        guard let r = Foundation.realpath(abspath(p), nil) else { return abspath(p) }
        defer { free(r) }
        return String(cString: r)
    }

    static func isdir(_ p: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue
    }

    /// `os.path.relpath(path, start)`: `path` relative to `start` (the current directory by default).
    static func relpath(_ path: String, start: String = ".") -> String {
        let target = abspath(path).split(separator: "/"), base = abspath(start).split(separator: "/")
        var common = 0
        while common < target.count && common < base.count && target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

extension Interpreter {
    /// A str argument (or a path-like str) with Python's wording when it is something else.
    func pathArgument(_ v: Value?, _ function: String) throws -> String {
        guard let v else { throw PythonError.type("\(function)() missing required argument 'path'") }
        var value = v
        // os.PathLike: an object with __fspath__ (pathlib.Path) stands for its path string.
        if case .object(let i as PyInstance) = v, let fspath = i.type.lookup("__fspath__") {
            value = try call(bind(fspath, to: v, type: i.type), Arguments())
        }
        guard case .str(let s) = value else {
            throw PythonError.type("\(function): path should be string, bytes or os.PathLike, not \(v.typeName)")
        }
        if s.utf8.contains(0) { throw PythonError.value("embedded null byte") }
        return s
    }

    func makeOSModule() -> Namespace {
        let os = Namespace("os")
        let path = Namespace("posixpath")
        func def(_ ns: Namespace, _ name: String, _ f: @escaping (Arguments) throws -> Value) {
            ns.members[name] = .builtin(Builtin(name, f))
        }
        def(path, "join") { [unowned self] args in
            guard !args.positional.isEmpty else { throw PythonError.type("join() missing 1 required positional argument: 'a'") }
            let parts = try args.positional.map { try self.pathArgument($0, "join") }
            return .str(PosixPath.join(parts[0], Array(parts.dropFirst())))
        }
        func unary(_ name: String, _ f: @escaping (String) -> Value) {
            def(path, name) { [unowned self] args in
                let b = try args.bind(name, ["path"], required: 1)
                return f(try self.pathArgument(b.values["path"], name))
            }
        }
        unary("dirname") { .str(PosixPath.dirname($0)) }
        unary("basename") { .str(PosixPath.basename($0)) }
        unary("abspath") { .str(PosixPath.abspath($0)) }
        unary("realpath") { .str(URL(fileURLWithPath: PosixPath.abspath($0)).resolvingSymlinksInPath().path) }
        unary("normpath") { .str(PosixPath.normpath($0)) }
        unary("normcase") { .str($0) }
        def(path, "relpath") { [unowned self] args in
            let b = try args.bind("relpath", ["path", "start"], required: 1)
            let p = try self.pathArgument(b.values["path"], "relpath")
            var s = "."
            if let start = b.values["start"], !start.isNone { s = try self.pathArgument(start, "relpath") }
            if p.isEmpty { throw PythonError("ValueError", "no path specified") }
            return .str(PosixPath.relpath(p, start: s))
        }
        unary("exists") { .bool(PosixPath.exists($0)) }
        unary("isdir") { .bool(PosixPath.isdir($0)) }
        unary("isfile") { p in
            var st = stat()
            return .bool(stat(p, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG)
        }
        unary("islink") { p in
            var st = stat()
            return .bool(lstat(p, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
        }
        unary("lexists") { p in
            var st = stat()
            return .bool(lstat(p, &st) == 0)
        }
        for name in ["getmtime", "getatime", "getctime"] {
            def(path, name) { [unowned self] args in
                let p = try self.pathArgument(try args.bind(name, ["filename"], required: 1).values["filename"], name)
                var st = stat()
                if stat(p, &st) != 0 { throw PythonError.os(errno: errno, path: p) }
                let t = name == "getmtime" ? st.st_mtim : name == "getatime" ? st.st_atim : st.st_ctim
                return .float(Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9)
            }
        }
        unary("isabs") { .bool($0.hasPrefix("/")) }
        unary("split") { let (h, t) = PosixPath.split($0); return .tuple([.str(h), .str(t)]) }
        unary("splitext") { let (h, t) = PosixPath.splitext($0); return .tuple([.str(h), .str(t)]) }
        unary("expanduser") { p in
            guard p == "~" || p.hasPrefix("~/") else { return .str(p) }
            return .str((ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + p.dropFirst())
        }
        unary("getsize") { p in
            let size = (try? FileManager.default.attributesOfItem(atPath: p)[.size] as? NSNumber)??.intValue
            return .int(size ?? 0)
        }
        path.members["sep"] = .str("/")

        os.members["path"] = .namespace(path)
        os.members["sep"] = .str("/")
        os.members["name"] = .str("posix")
        os.members["curdir"] = .str(".")
        os.members["pardir"] = .str("..")
        def(os, "getcwd") { args in
            _ = try args.bind("getcwd", [])
            return .str(PosixPath.cwd())
        }
        def(os, "makedirs") { [unowned self] args in
            try self.checkFileChangesAllowed("os.\("makedirs")")
            let b = try args.bind("makedirs", ["name", "mode", "exist_ok"], required: 1)
            let p = try self.pathArgument(b.values["name"], "makedirs")
            let existOK = try b.bool("exist_ok", false)
            if PosixPath.exists(p) {
                if existOK && PosixPath.isdir(p) { return .none }
                throw PythonError("FileExistsError", "[Errno 17] File exists: \(pythonStringRepr(p))")
            }
            do { try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true) }
            catch { throw PythonError("OSError", "cannot create directory \(pythonStringRepr(p)): \(error.localizedDescription)") }
            return .none
        }
        def(os, "mkdir") { [unowned self] args in
            try self.checkFileChangesAllowed("os.\("mkdir")")
            let b = try args.bind("mkdir", ["path", "mode"], required: 1)
            let p = try self.pathArgument(b.values["path"], "mkdir")
            // mkdir(2) itself: atomic (tempfile.mkdtemp relies on it), the mode under the umask, errno's error.
            let mode = try b.values["mode"].map { try self.asInt($0) } ?? 0o777
            guard let m = mode_t(exactly: mode) else { throw PythonError.overflow("mode is out of range") }
            if Glibc.mkdir(p, m) != 0 { throw PythonError.os(errno: errno, path: p) }
            return .none
        }
        def(os, "listdir") { [unowned self] args in
            let b = try args.bind("listdir", ["path"])
            let p = b["path"] == nil ? "." : try self.pathArgument(b.values["path"], "listdir")
            if !PosixPath.exists(p) { throw PythonError("FileNotFoundError", "[Errno 2] No such file or directory: \(pythonStringRepr(p))") }
            if !PosixPath.isdir(p) { throw PythonError("NotADirectoryError", "[Errno 20] Not a directory: \(pythonStringRepr(p))") }
            // readdir's order, as CPython's listdir returns it.
            guard let dir = opendir(p) else { throw PythonError.os(errno: errno, path: p) }
            defer { closedir(dir) }
            var names: [Value] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name != "." && name != ".." { names.append(.str(name)) }
            }
            return .list(PyList(names))
        }
        def(os, "fspath") { [unowned self] args in
            let v = try args.bind("fspath", ["path"], required: 1).values["path"]!
            if case .str = v { return v }
            if case .object(let i as PyInstance) = v, i.type.lookup("__fspath__") != nil { return .str(try self.pathArgument(v, "fspath")) }
            throw PythonError.type("expected str, bytes or os.PathLike object, not \(v.typeName)")
        }
        def(os, "getpid") { args in
            _ = try args.bind("getpid", [])
            return .int(Int(Glibc.getpid()))
        }
        def(os, "chdir") { [unowned self] args in
            try self.checkFileChangesAllowed("os.\("chdir")")
            let p = try self.pathArgument(try args.bind("chdir", ["path"], required: 1).values["path"], "chdir")
            if Glibc.chdir(p) != 0 { throw PythonError.os(errno: errno, path: p) }
            return .none
        }
        for name in ["rename", "replace"] {
            def(os, name) { [unowned self] args in
                try self.checkFileChangesAllowed("os.\(name)")
                let b = try args.bind(name, ["src", "dst"], required: 2)
                let src = try self.pathArgument(b.values["src"], name), dst = try self.pathArgument(b.values["dst"], name)
                if Glibc.rename(src, dst) != 0 {
                    let code = errno
                    throw PythonError.os(errno: code, path: nil).withMessage(
                        "[Errno \(code)] \(String(cString: strerror(code))): \(pythonStringRepr(src)) -> \(pythonStringRepr(dst))")
                }
                return .none
            }
        }
        def(os, "rmdir") { [unowned self] args in
            try self.checkFileChangesAllowed("os.\("rmdir")")
            let p = try self.pathArgument(try args.bind("rmdir", ["path"], required: 1).values["path"], "rmdir")
            if Glibc.rmdir(p) != 0 { throw PythonError.os(errno: errno, path: p) }
            return .none
        }
        for name in ["remove", "unlink"] {
            def(os, name) { [unowned self] args in
                try self.checkFileChangesAllowed("os.\(name)")
                let p = try self.pathArgument(try args.bind(name, ["path"], required: 1).values["path"], name)
                if Glibc.unlink(p) != 0 { throw PythonError.os(errno: errno, path: p) }
                return .none
            }
        }
        // os.stat / os.lstat: the raw fields from stat(2) here, the `stat_result` type in Python (_osstat).
        def(os, "_raw_stat") { [unowned self] args in
            let b = try args.bind("stat", ["path", "follow"], required: 2)
            let p = try self.pathArgument(b.values["path"], "stat")
            var st = stat()
            let rc = try self.truthy(b.values["follow"]!) ? stat(p, &st) : lstat(p, &st)
            if rc != 0 { throw PythonError.os(errno: errno, path: p) }
            func time(_ t: timespec) -> [Value] { [.int(t.tv_sec), .float(Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9), .int(t.tv_sec * 1_000_000_000 + t.tv_nsec)] }
            return .tuple([.int(Int(st.st_mode)), .int(Int(st.st_ino)), .int(Int(st.st_dev)), .int(Int(st.st_nlink)), .int(Int(st.st_uid)),
                           .int(Int(st.st_gid)), .int(Int(st.st_size))] + time(st.st_atim) + time(st.st_mtim) + time(st.st_ctim)
                          + [.int(Int(st.st_blksize)), .int(Int(st.st_blocks)), .int(Int(st.st_rdev))])
        }
        for name in ["stat", "lstat"] {
            os.lazyMembers[name] = { [unowned self] in
                guard case .namespace(let helper)? = self.builtinModule(named: "_osstat"), let f = try helper.member(name) else {
                    throw PythonError("ImportError", "os.\(name) is unavailable")
                }
                return f
            }
        }
        os.lazyMembers["stat_result"] = { [unowned self] in
            guard case .namespace(let helper)? = self.builtinModule(named: "_osstat"), let t = try helper.member("stat_result") else {
                throw PythonError("ImportError", "os.stat_result is unavailable")
            }
            return t
        }
        def(os, "chmod") { [unowned self] args in
            try self.checkFileChangesAllowed("os.chmod")
            let b = try args.bind("chmod", ["path", "mode"], required: 2, keywordOnly: ["dir_fd", "follow_symlinks"])
            let p = try self.pathArgument(b.values["path"], "chmod")
            let mode = try b.int("mode")
            guard mode >= 0, mode <= 0o7777 else { throw PythonError.overflow("mode is out of range") }
            if Glibc.chmod(p, mode_t(mode)) != 0 { throw PythonError.os(errno: errno, path: p) }
            return .none
        }
        os.lazyMembers["walk"] = { [unowned self] in
            guard case .namespace(let helper)? = self.builtinModule(named: "_oswalk"), let walk = try helper.member("walk") else {
                throw PythonError("ImportError", "os.walk is unavailable")
            }
            return walk
        }
        let environ = PyDict()
        for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) { environ.set(.str(k), .str(v)) }
        os.members["environ"] = .dict(environ)
        def(os, "getenv") { args in
            let b = try args.bind("getenv", ["key", "default"], required: 1)
            let k = try b.string("key", "")
            return ProcessInfo.processInfo.environment[k].map { .str($0) } ?? (b.values["default"] ?? .none)
        }
        addDescriptorFunctions(os)
        return os
    }
}
