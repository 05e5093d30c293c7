/// CPython 3.11's `fnmatch`, `glob` and `pathlib` (the POSIX `Path`/`PurePath` half), over `os`
/// and `os.path`. Shell patterns are matched by a small backtracking matcher (`*`, `?`, `[seq]`,
/// `[!seq]`) rather than translated to a regular expression, as nnsh has no `re` yet.
/// Written for nnsh in Python; each runs as its module on first import.
enum FnmatchLibrary {
    static let source = #"""
"""Filename matching with shell patterns (CPython 3.11's fnmatch)."""

import os

__all__ = ["filter", "fnmatch", "fnmatchcase"]


def _class_end(pat, i):
    """The index after the `]` closing a `[...]` that starts at i, or -1."""
    j = i + 1
    if j < len(pat) and pat[j] == '!':
        j += 1
    if j < len(pat) and pat[j] == ']':
        j += 1
    while j < len(pat) and pat[j] != ']':
        j += 1
    return j + 1 if j < len(pat) else -1


def _in_class(body, c):
    negate = body[:1] == '!'
    if negate:
        body = body[1:]
    hit = False
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == '-':
            if body[k] <= c <= body[k + 2]:
                hit = True
            k += 3
        else:
            if body[k] == c:
                hit = True
            k += 1
    return hit != negate


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    n, m = len(name), len(pat)
    i = j = 0
    star_j = -1
    star_i = 0
    while i < n:
        if j < m:
            p = pat[j]
            if p == '*':
                star_j = j
                star_i = i
                j += 1
                continue
            if p == '?':
                i += 1
                j += 1
                continue
            if p == '[':
                end = _class_end(pat, j)
                if end > 0:
                    if _in_class(pat[j + 1:end - 1], name[i]):
                        i += 1
                        j = end
                        continue
                elif name[i] == '[':
                    i += 1
                    j += 1
                    continue
            elif p == name[i]:
                i += 1
                j += 1
                continue
        if star_j >= 0:
            star_i += 1
            i = star_i
            j = star_j + 1
            continue
        return False
    while j < m and pat[j] == '*':
        j += 1
    return j == m


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (case-normalised as the OS does: not on POSIX)."""
    return fnmatchcase(os.path.normcase(name), os.path.normcase(pat))


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = os.path.normcase(pat)
    return [name for name in names if fnmatchcase(os.path.normcase(name), pat)]
"""#
}

enum GlobLibrary {
    static let source = #"""
"""Filename globbing utility (CPython 3.11's glob)."""

import os
import fnmatch

__all__ = ["glob", "iglob", "escape", "has_magic"]


def has_magic(s):
    return any(c in s for c in '*?[')


def _ishidden(path):
    return path[0] == '.'


def _listdir(dirname, dironly):
    try:
        names = os.listdir(dirname or os.curdir)
    except OSError:
        return []
    if dironly:
        names = [n for n in names if os.path.isdir(os.path.join(dirname, n))]
    return names


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = [x for x in names if not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly):
    if basename:
        if os.path.lexists(os.path.join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def _rlistdir(dirname, dironly, include_hidden):
    for x in _listdir(dirname, dironly):
        if include_hidden or not _ishidden(x):
            yield x
            path = os.path.join(dirname, x) if dirname else x
            if os.path.isdir(path) and not os.path.islink(path):
                for y in _rlistdir(path, dironly, include_hidden):
                    yield os.path.join(x, y)


def _glob2(dirname, pattern, dironly, include_hidden):
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _iglob(pathname, root_dir, dir_fd, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(os.path.join(root_dir, pathname) if root_dir else pathname):
                yield pathname
        elif os.path.isdir(os.path.join(root_dir, dirname) if root_dir else dirname):
            yield pathname
        return
    if not dirname:
        if recursive and basename == '**':
            yield from _glob2(root_dir or '', basename, dironly, include_hidden)
        else:
            for name in (_glob1(root_dir or '', basename, dironly, include_hidden) if has_magic(basename)
                         else _glob0(root_dir or '', basename, dironly)):
                yield name
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, dir_fd, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    for d in dirs:
        full = os.path.join(root_dir, d) if root_dir else d
        if recursive and basename == '**':
            names = list(_glob2(full, basename, dironly, include_hidden))
        elif has_magic(basename):
            names = _glob1(full, basename, dironly, include_hidden)
        else:
            names = _glob0(full, basename, dironly)
        for name in names:
            yield os.path.join(d, name)


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return an iterator which yields the paths matching a pathname pattern."""
    pathname = os.fspath(pathname) if hasattr(os, 'fspath') else pathname
    it = _iglob(pathname, root_dir, dir_fd, recursive, False, include_hidden)
    if not pathname or recursive and pathname.startswith('**'):
        first = next(it, None)
        if first is not None and first:
            yield first
    yield from it


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return a list of paths matching a pathname pattern (in the directory's order, as CPython)."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def escape(pathname):
    drive, pathname = '', pathname
    out = ''
    for c in pathname:
        out += '[' + c + ']' if c in '*?[' else c
    return drive + out
"""#
}

enum PathlibLibrary {
    static let source = #"""
"""Object-oriented filesystem paths (the POSIX half of CPython 3.11's pathlib)."""

import os
import fnmatch

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse(parts):
    joined = []
    for a in parts:
        if isinstance(a, PurePath):
            a = str(a)
        elif hasattr(a, '__fspath__'):
            a = a.__fspath__()
        if not isinstance(a, str):
            raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(a).__name__)
        if a.startswith('/'):
            joined = [a]
        elif a:
            joined.append(a)
    path = '/'.join(joined)
    root = ''
    if path.startswith('//') and not path.startswith('///'):
        root = '//'
    elif path.startswith('/'):
        root = '/'
    names = [x for x in path.split('/') if x and x != '.']
    return root, names


class PurePath(object):
    """A path as a string with structure: no system calls."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        self._root, self._parts = _parse(args)

    @classmethod
    def _from(cls, root, parts):
        p = object.__new__(cls)
        p._root = root
        p._parts = list(parts)
        return p

    def __str__(self):
        s = self._root + '/'.join(self._parts)
        return s or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def __truediv__(self, key):
        try:
            return type(self)(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return type(self)(self, *args)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts <= other.parts

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts > other.parts

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts >= other.parts

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._parts:
            p = p.parent
            out.append(p)
        return tuple(out)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError("Invalid name %r" % (name,))
        return self._from(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and not suffix.startswith('.')) or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = (name[:-len(old)] if old else name) + suffix
        return self._from(self._root, self._parts[:-1] + [name])

    def is_absolute(self):
        return bool(self._root)

    def relative_to(self, *other):
        base = type(self)(*other)
        n = len(base.parts)
        if self.parts[:n] != base.parts or (base._root != self._root):
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the other is "
                             "absolute.".format(str(self), str(base)))
        return self._from('', list(self.parts[n:]))

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, pattern):
        pat = PurePath(pattern)
        if not pat._parts:
            raise ValueError("empty pattern")
        if pat._root:
            if len(pat.parts) != len(self.parts):
                return False
        elif len(pat._parts) > len(self._parts):
            return False
        for part, p in zip(reversed(self._parts), reversed(pat._parts)):
            if not fnmatch.fnmatchcase(part, p):
                return False
        return True


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    """A path with the filesystem operations of CPython's PosixPath."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        if self._root:
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        p = os.path.realpath(str(self))
        if strict and not os.path.exists(p):
            raise FileNotFoundError("[Errno 2] No such file or directory: %r" % str(self))
        return type(self)(p)

    def expanduser(self):
        return type(self)(os.path.expanduser(str(self)))

    def exists(self):
        return os.path.exists(str(self))

    def is_file(self):
        return os.path.isfile(str(self))

    def is_dir(self):
        return os.path.isdir(str(self))

    def is_symlink(self):
        return os.path.islink(str(self))

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self / name

    def glob(self, pattern):
        import glob as _glob
        base = str(self)
        # pathlib's patterns match names starting with a dot too.
        for p in _glob.glob(pattern, root_dir=base, recursive='**' in pattern, include_hidden=True):
            yield self / p

    def rglob(self, pattern):
        return self.glob('**/' + pattern)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            if parents:
                os.makedirs(str(self), exist_ok=exist_ok)
            else:
                os.mkdir(str(self))
        except FileExistsError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(str(self), str(target))
        return type(self)(target)

    def replace(self, target):
        os.replace(str(self), str(target))
        return type(self)(target)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError("[Errno 17] File exists: %r" % str(self))
            return
        with open(str(self), 'a'):
            pass

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with self.open(encoding=encoding, errors=errors) as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def stat(self):
        raise NotImplementedError("Path.stat() is not supported by nnsh yet; os.path.getsize and getmtime are")


class PosixPath(Path, PurePosixPath):
    pass
"""#
}
