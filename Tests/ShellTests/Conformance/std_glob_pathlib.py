import os, glob, fnmatch
from pathlib import Path, PurePath, PosixPath
base = '/tmp/nnsh_glob_%d' % os.getpid()
os.makedirs(os.path.join(base, 'imgs', 'sub'))
for name in ['a.png', 'b.png', 'c.jpg', '.hidden.png', 'imgs/x.png', 'imgs/sub/y.png', 'imgs/sub/z.txt']:
    with open(os.path.join(base, name), 'w') as f:
        f.write(name)
rel = lambda ps: sorted(os.path.relpath(p, base) for p in ps)
print(rel(glob.glob(os.path.join(base, '*.png'))), rel(glob.glob(os.path.join(base, '*'))))
print(rel(glob.glob(os.path.join(base, '**', '*.png'), recursive=True)), rel(glob.glob(os.path.join(base, '*', '*.png'))))
print(rel(glob.glob(os.path.join(base, '[ab].*'))), rel(glob.glob(os.path.join(base, '?.jpg'))), glob.glob(os.path.join(base, 'none*')))
print(sorted(glob.glob('*.png', root_dir=base)), glob.has_magic('a*'), glob.escape('a*b?[c]'))
print(fnmatch.fnmatch('data_01.png', 'data_[0-9]*.png'), fnmatch.fnmatch('x.PNG', '*.png'), fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'), fnmatch.fnmatchcase('abc', 'a[!b]c'), fnmatch.fnmatchcase('[x', '[x'))
p = Path(base) / 'imgs' / 'x.png'
print(p.name, p.stem, p.suffix, p.parent.name, p.exists(), p.is_file(), p.is_dir(), p.parent.is_dir(), p.read_text())
print(repr(PurePath('a/b/c.tar.gz')), PurePath('a/b/c.tar.gz').suffixes, PurePath('/x/y').parts, PurePath('a', 'b', '/c', 'd'), PurePath('a//b/./c'), str(PurePath()))
print(Path('data') / 'train' / 'cat.jpg', PurePath('a/b.txt').with_suffix('.csv'), PurePath('a/b.txt').with_name('z.py'), PurePath('/a/b/c').relative_to('/a'), [str(q) for q in PurePath('/a/b/c').parents])
print(type(Path('x')).__name__, isinstance(Path('x'), PurePath), Path('a') == Path('a/'), Path('a') < Path('b'), os.fspath(Path('q/r')), PurePath('a/b.py').match('*.py'))
out = Path(base) / 'new' / 'deep'
out.mkdir(parents=True, exist_ok=True)
(out / 'note.txt').write_text('hello path')
print((out / 'note.txt').read_text(), sorted(q.name for q in Path(base).iterdir()), sorted(q.name for q in (Path(base) / 'imgs').glob('*.png')))
print(sorted(str(q.relative_to(base)) for q in Path(base).rglob('*.png')))
with (out / 'note.txt').open() as f:
    print(f.read())
print(os.path.exists(str(out / 'note.txt')), open(out / 'note.txt').read())
try:
    PurePath('/a/b').relative_to('/c')
except ValueError as e:
    print('ValueError:', e)
try:
    Path('x').with_suffix('csv')
except ValueError as e:
    print('ValueError:', e)
for r, d, fs in os.walk(base, topdown=False):
    for f in fs: os.remove(os.path.join(r, f))
    os.rmdir(r)
print(os.path.exists(base))
