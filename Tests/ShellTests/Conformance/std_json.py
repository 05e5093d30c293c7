import json, os
data = {'name': 'LeNet', 'layers': [6, 16, 120], 'lr': 0.01, 'nested': {'ok': True, 'none': None, 'pi': 3.141592653589793},
        'tuple': (1, 2), 'unicode': '卷积层 José ✓ 😀', 'esc': 'a"b\\c\n\t\x01', 1: 'int key', 2.5: 'float key', None: 'n', True: 't'}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2))
print(json.dumps({'b': 1, 'a': [1, {'z': 2, 'y': []}], 'c': {}}, indent=4, sort_keys=True))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps({'a': 1}, indent='\t'), json.dumps('plain'), json.dumps(1e100), json.dumps(-0.0))
print(json.dumps([float('nan'), float('inf'), -float('inf')]))
for bad, kw in [(float('nan'), {'allow_nan': False}), ({(1, 2): 3}, {}), (object, {}), ({object(): 1}, {})]:
    try:
        json.dumps(bad, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
loop = []; loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print('ValueError', e)
print(json.dumps({'s': {1, 2}}, default=sorted))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point): return [o.x, o.y]
        return super().default(o)
print(json.dumps({'p': Point(3, 4)}, cls=Enc))
text = json.dumps(data)
back = json.loads(text)
print(back, type(back['layers']), back['tuple'])
print(json.loads('  [1, 2.5, -3e2, 1E+2, 0, -0, "x", true, false, null, {}, []]  '))
print(json.loads('{"a": 1, "a": 2, "b": 3}'), json.loads('"\\u00e9\\ud83d\\ude00\\n"'), json.loads('NaN'), json.loads('-Infinity'))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads('[1, 2]', parse_int=float), json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads('Infinity', parse_constant=lambda c: 'const ' + c))
for doc in ['', '   ', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '{1: 2}', '"abc', '[1] x', 'tru', '"a\\qb"', '"\\u12"', '"a\x01"', '{', '[', '01', '{"a":1}\n\n  }', '\ufeff[]', 'nul']:
    try:
        print(repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(json.loads('"a\x01"', strict=False) == 'a\x01')
try:
    json.loads(5)
except TypeError as e:
    print(e)
path = '/tmp/nnsh_json_%d.json' % os.getpid()
with open(path, 'w') as f:
    json.dump({'epochs': 10, 'losses': [0.5, 0.25]}, f, indent=2)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(json.load(f))
os.remove(path)
print(json.JSONDecodeError.__mro__[1].__name__, json.JSONDecodeError.__module__, json.decoder.JSONDecodeError is json.JSONDecodeError if hasattr(json, 'decoder') else True)
