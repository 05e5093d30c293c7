import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `_shutil`: the byte-level half of `shutil` (Library/ShutilLibrary.swift): copying a file's
/// bytes, mode and times, and telling whether two paths are one file. Every call that changes the
/// disk goes through `checkFileChangesAllowed` (off in the fuzzers).
extension Interpreter {
    func makeShutilCoreModule() -> Namespace {
        let ns = Namespace("_shutil")
        func def(_ name: String, _ body: @escaping (Arguments) throws -> Value) { ns.members[name] = .builtin(Builtin(name, body)) }
        def("copy_bytes") { [unowned self] args in
            try self.checkFileChangesAllowed("shutil.copyfile")
            let b = try args.bind("copy_bytes", ["src", "dst"], required: 2)
            let src = try self.pathArgument(b.values["src"], "copyfile"), dst = try self.pathArgument(b.values["dst"], "copyfile")
            let input = Glibc.open(src, O_RDONLY | O_CLOEXEC)
            if input < 0 { throw PythonError.os(errno: errno, path: src) }
            defer { Glibc.close(input) }
            var st = stat()
            if fstat(input, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { throw PythonError.os(errno: EISDIR, path: src) }
            let output = Glibc.open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            if output < 0 { throw PythonError.os(errno: errno, path: dst) }
            defer { Glibc.close(output) }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; throw PythonError.os(errno: errno, path: src) }
                if n == 0 { break }
                var written = 0
                while written < n {
                    let w = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + written, n - written) }
                    if w < 0 { if errno == EINTR { continue }; throw PythonError.os(errno: errno, path: dst) }
                    written += w
                }
                if Interpreter.interruptRequested { throw PythonError("KeyboardInterrupt", "") }
            }
            return .none
        }
        def("copy_mode") { [unowned self] args in
            try self.checkFileChangesAllowed("shutil.copymode")
            let b = try args.bind("copy_mode", ["src", "dst"], required: 2)
            let src = try self.pathArgument(b.values["src"], "copymode"), dst = try self.pathArgument(b.values["dst"], "copymode")
            var st = stat()
            if stat(src, &st) != 0 { throw PythonError.os(errno: errno, path: src) }
            if Glibc.chmod(dst, st.st_mode & 0o7777) != 0 { throw PythonError.os(errno: errno, path: dst) }
            return .none
        }
        def("copy_times") { [unowned self] args in
            try self.checkFileChangesAllowed("shutil.copystat")
            let b = try args.bind("copy_times", ["src", "dst"], required: 2)
            let src = try self.pathArgument(b.values["src"], "copystat"), dst = try self.pathArgument(b.values["dst"], "copystat")
            var st = stat()
            if stat(src, &st) != 0 { throw PythonError.os(errno: errno, path: src) }
            var times = [st.st_atim, st.st_mtim]
            if utimensat(AT_FDCWD, dst, &times, 0) != 0 { throw PythonError.os(errno: errno, path: dst) }
            return .none
        }
        def("same_file") { [unowned self] args in
            let b = try args.bind("same_file", ["a", "b"], required: 2)
            let a = try self.pathArgument(b.values["a"], "samefile"), c = try self.pathArgument(b.values["b"], "samefile")
            var s1 = stat(), s2 = stat()
            guard stat(a, &s1) == 0, stat(c, &s2) == 0 else { return .bool(false) }
            return .bool(s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino)
        }
        def("is_executable") { [unowned self] args in
            let p = try self.pathArgument(try args.bind("is_executable", ["path"], required: 1).values["path"], "which")
            var st = stat()
            return .bool(stat(p, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR && access(p, X_OK) == 0)
        }
        return ns
    }
}

/// CPython 3.11's `shutil`, the part scripts use: `copyfile`, `copy`, `copy2`, `copymode`,
/// `copystat`, `copytree`, `rmtree`, `move`, `which`, with its exceptions and messages.
enum ShutilLibrary {
    static let source = #"""
"""Utility functions for copying and archiving files and directory trees (CPython 3.11's shutil, in part)."""
import os
import _shutil

__all__ = ['copyfile', 'copymode', 'copystat', 'copy', 'copy2', 'copytree', 'move', 'rmtree', 'Error', 'SameFileError', 'which',
           'ignore_patterns']


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy data from src to dst in the most efficient way possible."""
    if os.path.exists(src) and os.path.exists(dst) and _shutil.same_file(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    _shutil.copy_bytes(src, dst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copy mode bits from src to dst."""
    _shutil.copy_mode(src, dst)


def copystat(src, dst, *, follow_symlinks=True):
    """Copy the permission bits and the access and modification times from src to dst."""
    _shutil.copy_mode(src, dst)
    _shutil.copy_times(src, dst)


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and mode bits ("cp src dst"). Return the file's destination."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copy data and metadata. Return the file's destination."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """Function that can be used as copytree() ignore parameter."""
    import fnmatch

    def _ignore_patterns(path, names):
        ignored_names = []
        for pattern in patterns:
            ignored_names.extend(fnmatch.filter(names, pattern))
        return set(ignored_names)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy a directory tree and return the destination directory."""
    names = sorted(os.listdir(src))
    ignored_names = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored_names:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        try:
            if os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function, ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None):
    """Recursively delete a directory tree."""
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        if os.path.islink(path):
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError:
        onerror(os.path.islink, path, None)
        return
    try:
        names = os.listdir(path)
    except OSError:
        onerror(os.listdir, path, None)
        return
    for name in names:
        fullname = os.path.join(path, name)
        if os.path.isdir(fullname) and not os.path.islink(fullname):
            rmtree(fullname, ignore_errors, onerror)
        else:
            try:
                os.unlink(fullname)
            except OSError:
                onerror(os.unlink, fullname, None)
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, None)


def _basename(path):
    sep = os.path.sep
    return os.path.basename(path.rstrip(sep))


def move(src, dst, copy_function=copy2):
    """Recursively move a file or directory to another location (like "mv"). Return the destination."""
    real_dst = dst
    if os.path.isdir(dst):
        if os.path.exists(src) and _shutil.same_file(src, dst):
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(src))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.isdir(src):
            if os.path.abspath(real_dst).startswith(os.path.abspath(src).rstrip(os.path.sep) + os.path.sep):
                raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


def which(cmd, mode=None, path=None):
    """Given a command, the path of the file that would run it, or None."""
    if os.path.dirname(cmd):
        return cmd if _shutil.is_executable(cmd) else None
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            path = os.defpath if hasattr(os, "defpath") else "/bin:/usr/bin"
    if not path:
        return None
    seen = set()
    for dir in path.split(os.pathsep if hasattr(os, "pathsep") else ":"):
        normdir = os.path.normcase(dir) if hasattr(os.path, "normcase") else dir
        if normdir not in seen:
            seen.add(normdir)
            name = os.path.join(dir, cmd)
            if _shutil.is_executable(name):
                return name
    return None
"""#
}
