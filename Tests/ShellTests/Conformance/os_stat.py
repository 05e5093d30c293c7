# os.stat / os.lstat / os.chmod as CPython's: the fields scripts read, the tuple form, and the errors.
import os

base = os.path.join('/tmp', 'nnsh_stat_conformance_%d' % os.getpid())
os.makedirs(base)
p = os.path.join(base, 'f.txt')
with open(p, 'w') as f:
    f.write('12345')
os.chmod(p, 0o640)
st = os.stat(p)
print(st.st_size, oct(st.st_mode & 0o777), st.st_mode >> 12, st.st_nlink, len(st), st[6], type(st.st_mtime).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == st[8], abs(st.st_mtime - st[8]) < 1, isinstance(st, tuple), st == tuple(st))
print(os.stat(base).st_mode >> 12, os.lstat(p).st_size, repr(os.stat(p)).startswith('os.stat_result(st_mode='))
for bad in [lambda: os.stat(os.path.join(base, 'missing')), lambda: os.chmod(os.path.join(base, 'missing'), 0o600)]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, str(e).replace(base, '<base>'))
os.remove(p)
os.rmdir(base)
