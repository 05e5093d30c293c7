d = {'a': 1, 'b': 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 'a' in k, 2 in v, ('b', 2) in it, ('b', 3) in it)
d['c'] = 3
print(k, v, it, type(k).__name__, type(v).__name__, type(it).__name__)
print(k == {'a', 'b', 'c'}, k & {'a', 'z'}, sorted(k | {'z'}), k - {'a', 'b'}, it == {('a', 1), ('b', 2), ('c', 3)})
print(bool({}.keys()), bool(k), {}.keys(), {}.items(), {}.values(), v == v, k == k)
print(list(reversed(list(k))), [x * 2 for x in v], dict(it) == d, sorted(d.items(), key=lambda kv: -kv[1]))
e = {1: 'x', 2: 'y'}
print(e.keys() & {2, 3}, e.keys() | [3], e.keys() - [1], e.keys() ^ {1, 5})
print(d.popitem(), d, len(it))
try:
    {}.popitem()
except KeyError as ex:
    print('KeyError:', ex)
try:
    d.keys()[0]
except TypeError as ex:
    print('TypeError:', ex)
m = {1: 'a'} | {2: 'b', 1: 'c'}
m |= {3: 'd'}
print(m)
