import torch
# dict methods and iteration order
d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), d['a'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, '->', v)
print(d.pop('a'), d)
print(d.setdefault('e', 5), d.setdefault('b', 0), d)
d.update({'f': 6, 'b': 7})
print(d)
e = dict(x=1, y=2)
print(e, dict([('p', 1), ('q', 2)]), dict(zip('ab', [1, 2])))
print({k: v * 2 for k, v in e.items()}, {i: i * i for i in range(4)})
del e['x']
print(e, {1: 'a'} == {1: 'a'}, {(1, 2): 't'}[(1, 2)])
counts = {}
for ch in 'hello':
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts), max(counts, key=counts.get))
print(d.copy(), list(reversed([1, 2, 3])))
