print({10, 3}, {3, 10}, {1, 2, 3, 4, 5, 16}, set([1, 2, 3, 4, 5, 16]), set({1, 2, 3, 4, 5, 16}))
s = set(range(10)); s.discard(3); s.add(30); print(s)
s.add(3); print(s)
a = {x * 7 % 50 for x in range(40)}
print(a)
b = set(range(0, 100, 9))
print(a | b, a & b, a - b, b - a, a ^ b)
print(b.pop(), b.pop(), b)
c = set()
for i in range(100): c.add(i * 37 % 1000)
for i in range(0, 100, 3): c.discard(i * 37 % 1000)
print(c)
c |= {5, 6, 7}; print(c)
c &= set(range(0, 1000, 2)); print(c)
c -= {6}; print(c)
c ^= {1, 2, 6}; print(c)
print({-1, -2, 5}, {2**40, 1, 7}, {1.5, 2, 0.25}, {True, 1, 1.0, 2})
print({(1, 2), (2, 1), (0, 0)})
d = {}
for i in range(20000): d[i] = i * i
print(len(d), d[19999], 5000 in d, 20000 in d)
for i in range(0, 20000, 2): del d[i]
print(len(d), list(d)[:5], d.popitem(), len(d))
s = set(range(100000)); print(len(s), 99999 in s)
print(hash(0.5), hash(-1.5), hash(1e100), hash(2**61 - 1), hash(float('inf')), hash((1, 2.5, 'x')) == hash((1.0, 2.5, 'x')))
e = {1: 'a'}; e[1.0] = 'b'; e[True] = 'c'; print(e)
print({1: 2} | {3: 4, 1: 5})
try:
    {[1]: 2}
except TypeError as ex: print(ex)
try:
    s = {1}; s.add([1])
except TypeError as ex: print(ex)
try:
    {1, 2} & [1]
except TypeError as ex: print(ex)
print(set('abracadabra') == set('abrcd'), sorted({'b', 'a'}))
print(set([1, 2, 3]).intersection([2, 3, 4], (3,)), {1, 2}.union([5], (9,)), {1, 2, 3}.difference([1], {2}))
x = {1, 2, 3}; x.intersection_update([2, 3, 4]); x.difference_update({3}); print(x)
x.symmetric_difference_update({2, 9}); print(x, x.issubset({9, 10}), {9}.issuperset(x), x.isdisjoint({1}))
