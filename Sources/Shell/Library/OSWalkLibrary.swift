/// `os.walk` as CPython 3.11's `os.py` writes it (top-down by default, the caller may prune
/// `dirnames` in place, `onerror`, `followlinks`), over `os.listdir` and `os.path`.
/// Written for nnsh in Python; `os.walk` loads it on first use.
enum OSWalkLibrary {
    static let source = #"""
import os


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames) for each directory."""
    stack = [top]
    islink, join = os.path.islink, os.path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = os.listdir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for name in entries:
            full = join(top, name)
            try:
                is_dir = os.path.isdir(full)
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(name)
            else:
                nondirs.append(name)
            if not topdown and is_dir:
                if followlinks or not islink(full):
                    walk_dirs.append(full)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)
"""#
}

/// `os.stat_result` as CPython prints and indexes it: a 10-tuple (integer times) with the float
/// `st_atime`/`st_mtime`/`st_ctime`, the `_ns` times, `st_blksize`, `st_blocks`, `st_rdev`.
enum OSStatLibrary {
    static let source = #"""
"""os.stat and os.stat_result for nnsh (over os._raw_stat)."""
import os

_fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')


class stat_result(tuple):
    def __new__(cls, raw):
        self = tuple.__new__(cls, tuple(raw[:7]) + (raw[7], raw[10], raw[13]))
        self._extra = raw
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra[8])
    st_mtime = property(lambda self: self._extra[11])
    st_ctime = property(lambda self: self._extra[14])
    st_atime_ns = property(lambda self: self._extra[9])
    st_mtime_ns = property(lambda self: self._extra[12])
    st_ctime_ns = property(lambda self: self._extra[15])
    st_blksize = property(lambda self: self._extra[16])
    st_blocks = property(lambda self: self._extra[17])
    st_rdev = property(lambda self: self._extra[18])

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(f'{n}={v!r}' for n, v in zip(_fields, self)) + ')'


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(os._raw_stat(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(os._raw_stat(path, False))
"""#
}
