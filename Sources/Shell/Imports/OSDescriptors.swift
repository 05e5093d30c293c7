import Foundation
import Torch

/// The descriptor layer of `os`: `open`/`close`/`read`/`write`/`fdopen`/`urandom` and the `O_*`
/// flags, as CPython's posixmodule gives them (what `tempfile.mkstemp` and its users need).
/// Sessions that may not change files (the fuzzers) refuse descriptors that could write and
/// closing any descriptor.
extension Interpreter {
    func addDescriptorFunctions(_ os: Namespace) {
        let flags: [(String, Int32)] = [
            ("O_RDONLY", O_RDONLY), ("O_WRONLY", O_WRONLY), ("O_RDWR", O_RDWR), ("O_APPEND", O_APPEND),
            ("O_CREAT", O_CREAT), ("O_EXCL", O_EXCL), ("O_TRUNC", O_TRUNC), ("O_NOFOLLOW", O_NOFOLLOW),
            ("O_CLOEXEC", O_CLOEXEC), ("O_DIRECTORY", O_DIRECTORY), ("O_NONBLOCK", O_NONBLOCK), ("O_NOCTTY", O_NOCTTY),
        ]
        for (name, value) in flags { os.members[name] = .int(Int(value)) }
        func descriptor(_ v: Value?, _ function: String) throws -> Int32 {
            guard let v else { throw PythonError.type("\(function)() missing required argument 'fd' (pos 1)") }
            let n = try asInt(v)
            guard let fd = Int32(exactly: n) else { throw PythonError.overflow("fd is greater than maximum") }
            return fd
        }
        os.members["open"] = .builtin(Builtin("open") { [unowned self] args in
            let b = try args.bind("open", ["path", "flags", "mode"], required: 2, keywordOnly: ["dir_fd"])
            let path = try self.pathArgument(b.values["path"], "open")
            let flags = try self.asInt(b.values["flags"] ?? .int(0))
            let mode = try b.values["mode"].map { try self.asInt($0) } ?? 0o777
            if let d = b.values["dir_fd"], !d.isNone { throw PythonError("NotImplementedError", "dir_fd unavailable on this platform") }
            guard let f = Int32(exactly: flags), let m = mode_t(exactly: mode) else { throw PythonError.overflow("signed integer is greater than maximum") }
            if f & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND) != 0 { try self.checkFileChangesAllowed("os.open") }
            var fd: Int32
            repeat { fd = Glibc.open(path, f | O_CLOEXEC, m) } while fd < 0 && errno == EINTR
            if fd < 0 { throw PythonError.os(errno: errno, path: path) }
            return .int(Int(fd))
        })
        os.members["close"] = .builtin(Builtin("close") { [unowned self] args in
            let fd = try descriptor(try args.bind("close", ["fd"], required: 1).values["fd"], "close")
            try self.checkFileChangesAllowed("os.close")
            if Glibc.close(fd) != 0 { throw PythonError.os(errno: errno, path: nil) }
            return .none
        })
        os.members["write"] = .builtin(Builtin("write") { args in
            guard args.keywords.isEmpty else { throw PythonError.type("write() takes no keyword arguments") }
            guard args.positional.count == 2 else { throw PythonError.type("write expected 2 arguments, got \(args.positional.count)") }
            let fd = try descriptor(args.positional[0], "write")
            let data = try PyBytes.requireBuffer(args.positional[1])
            var n: Int
            repeat { n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } } while n < 0 && errno == EINTR
            if n < 0 { throw PythonError.os(errno: errno, path: nil) }
            return .int(n)
        })
        os.members["read"] = .builtin(Builtin("read") { [unowned self] args in
            guard args.keywords.isEmpty else { throw PythonError.type("read() takes no keyword arguments") }
            guard args.positional.count == 2 else { throw PythonError.type("read expected 2 arguments, got \(args.positional.count)") }
            let fd = try descriptor(args.positional[0], "read")
            let count = try self.asInt(args.positional[1])
            if count < 0 { throw PythonError.os(errno: EINVAL, path: nil) }
            if count > MemoryLimit.bytes { throw PythonError("MemoryError", "reading \(count) bytes would pass the nnsh memory limit of \(MemoryLimit.bytes) bytes (NNSH_MAX_MEMORY)") }
            var buffer = [UInt8](repeating: 0, count: count)
            var n: Int
            repeat { n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) } } while n < 0 && errno == EINTR
            if n < 0 { throw PythonError.os(errno: errno, path: nil) }
            return .object(PyBytes(Array(buffer.prefix(n)), mutable: false))
        })
        os.members["fdopen"] = .builtin(Builtin("fdopen") { [unowned self] args in
            guard let fd = args.positional.first else { throw PythonError.type("fdopen() missing required argument 'fd' (pos 1)") }
            _ = try descriptor(fd, "fdopen")
            guard let open = self.builtinsStorage["open"] else { throw PythonError.runtime("open is missing") }
            return try self.call(open, args)
        })
        os.members["urandom"] = .builtin(Builtin("urandom") { [unowned self] args in
            let n = try self.asInt(try args.bind("urandom", ["size"], required: 1).values["size"] ?? .int(0))
            if n < 0 { throw PythonError.value("negative argument not allowed") }
            if n > MemoryLimit.bytes { throw PythonError("MemoryError", "") }
            // The system generator reads getrandom(2), as CPython's os.urandom does.
            var generator = SystemRandomNumberGenerator()
            var out = [UInt8](repeating: 0, count: n)
            var i = 0
            while i < n {
                var word = generator.next()
                for _ in 0..<Swift.min(8, n - i) { out[i] = UInt8(truncatingIfNeeded: word); word >>= 8; i += 1 }
            }
            return .object(PyBytes(out, mutable: false))
        })
    }
}
