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
