import os
base = '/tmp/nnsh_walk_%d' % os.getpid()
os.makedirs(os.path.join(base, 'a', 'b'))
os.makedirs(os.path.join(base, 'c'))
for p in ['a/x.txt', 'a/b/y.txt', 'c/z.txt', 'top.txt']:
    with open(os.path.join(base, p), 'w') as f:
        f.write(p)
out = []
for root, dirs, files in os.walk(base):
    dirs.sort()
    out.append((os.path.relpath(root, base), sorted(dirs), sorted(files)))
print(out)
print(sorted(os.path.relpath(r, base) for r, d, f in os.walk(base, topdown=False)))
pruned = []
for root, dirs, files in os.walk(base):
    if 'a' in dirs: dirs.remove('a')
    pruned.append(os.path.relpath(root, base))
print(sorted(pruned))
os.rename(os.path.join(base, 'top.txt'), os.path.join(base, 'moved.txt'))
print(sorted(os.listdir(base)), os.path.isfile(os.path.join(base, 'moved.txt')), os.path.islink(base), os.path.getmtime(base) > 0)
try:
    os.rename(os.path.join(base, 'nope'), os.path.join(base, 'x'))
except FileNotFoundError as e:
    print(str(e).replace(base, 'BASE'))
try:
    os.rmdir(os.path.join(base, 'a'))
except OSError as e:
    print(type(e).__name__, str(e).replace(base, 'BASE'))
try:
    os.remove('victim\x00.bak')
except ValueError as e:
    print('ValueError:', e)
for r, d, f in os.walk(base, topdown=False):
    for name in f: os.remove(os.path.join(r, name))
    os.rmdir(r)
print(os.path.exists(base), os.getpid() > 1)
