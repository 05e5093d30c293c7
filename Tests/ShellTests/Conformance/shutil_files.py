# shutil as CPython 3.11's: copies, trees, moves, rmtree and their errors, in a scratch folder.
import os
import shutil

base = os.path.join('/tmp', 'nnsh_shutil_conformance_%d' % os.getpid())
os.makedirs(base)
def rel(p):
    return os.path.relpath(p, base) if isinstance(p, str) else p
def tree():
    out = []
    for root, dirs, files in os.walk(base):
        dirs.sort()
        for f in sorted(files):
            full = os.path.join(root, f)
            out.append((rel(full), open(full).read()))
    return out

src = os.path.join(base, 'a.txt')
with open(src, 'w') as f:
    f.write('hello\n')
print(rel(shutil.copyfile(src, os.path.join(base, 'b.txt'))))
os.makedirs(os.path.join(base, 'd', 'e'))
print(rel(shutil.copy(src, os.path.join(base, 'd'))))
print(rel(shutil.copy2(src, os.path.join(base, 'd', 'e', 'c.txt'))))
print(rel(shutil.copytree(os.path.join(base, 'd'), os.path.join(base, 'd2'))))
print(tree())
print(rel(shutil.move(os.path.join(base, 'b.txt'), os.path.join(base, 'd2'))))
print(rel(shutil.move(os.path.join(base, 'd2', 'e'), os.path.join(base, 'moved'))))
shutil.rmtree(os.path.join(base, 'd'))
print(tree())
for f in [lambda: shutil.copyfile(src, src), lambda: shutil.copyfile(os.path.join(base, 'nope'), os.path.join(base, 'x')),
          lambda: shutil.copytree(os.path.join(base, 'd2'), os.path.join(base, 'moved')), lambda: shutil.rmtree(os.path.join(base, 'gone')),
          lambda: shutil.copyfile(os.path.join(base, 'd2'), os.path.join(base, 'y'))]:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, str(e).replace(base, '<base>'))
shutil.rmtree(os.path.join(base, 'gone'), ignore_errors=True)
print(shutil.which('sh') is not None, shutil.which('no-such-command-here'), issubclass(shutil.SameFileError, OSError))
shutil.rmtree(base)
print(os.path.exists(base))
