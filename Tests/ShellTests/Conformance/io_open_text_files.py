import os, io
d = {'a': 1, 'b': 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 'a' in k, 2 in v, ('b', 2) in it, ('b', 3) in it)
d['c'] = 3
print(k, list(v), list(it), type(k).__name__, type(v).__name__, type(it).__name__)
print(k == {'a', 'b', 'c'}, k & {'a', 'z'}, sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}), it == {('a', 1), ('b', 2), ('c', 3)})
print(bool({}.keys()), bool(k), {}.keys(), {}.items())
for key, val in d.items(): print(key, val, end='; ')
print()
print(d.popitem(), d)
path = '/tmp/nnsh_io_%d.txt' % os.getpid()
with open(path, 'w') as f:
    print(type(f), f.name == path, f.mode, f.closed, f.writable(), f.readable())
    n = f.write('first line\nsecond\r\nthird\rfourth')
    print(n)
    print('printed', 42, file=f)
    f.writelines(['x\n', 'y\n'])
print(f.closed)
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()))
    for line in f:
        print(repr(line))
        break
    print(repr(f.read()))
    print(repr(f.read()), repr(f.readline()))
with open(path, newline='') as f:
    print(f.readlines())
with open(path, newline='') as f:
    print(repr(f.read(5)), f.tell(), repr(f.read(3)), f.tell())
    f.seek(0)
    print(repr(f.read(4)))
with open(path, 'a') as f:
    f.write('appended\n')
print(open(path).read().splitlines()[-2:])
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)
try:
    open('does/not/exist.txt')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError:', str(e).replace(path, 'PATH'))
try:
    open('.', 'r')
except IsADirectoryError as e:
    print('IsADirectoryError:', e)
for bad in ['rw', 'q', 'rr', 'tb', '+']:
    try:
        open(path, bad)
    except ValueError as e:
        print('ValueError:', e)
with open(path) as f:
    try:
        f.write('no')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e, isinstance(e, OSError), isinstance(e, ValueError))
with open(path, 'w', encoding='utf-8') as f:
    f.write('卷积层 José ✓\n')
with open(path, encoding='utf-8') as f:
    s = f.read()
    print(s, len(s))
with open(path, encoding='latin-1') as f:
    print(len(f.read()))
try:
    with open(path, encoding='ascii') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
with open(path, 'w') as f:
    f.write('abc\xff')
with open(path, 'r+') as f:
    print(f.read(2)); f.seek(0); f.write('Z'); f.seek(0); print(f.read())
try:
    open(path + '\0x')
except ValueError as e:
    print('ValueError:', e)
s = io.StringIO()
s.write('hello\nworld\n')
print('to stringio', file=s)
print(repr(s.getvalue()))
s.seek(0)
print(s.readline(), s.readlines())
print(list(io.StringIO('a\nb\nc')))
os.remove(path)
print(os.path.exists(path))
