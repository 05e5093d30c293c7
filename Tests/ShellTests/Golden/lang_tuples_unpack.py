import torch
# tuples and unpacking
t = (1, 2, 3)
x, y, z = t
print(x, y, z)
a, b = b, a = 1, 2
print(a, b)
p, q = 'pq'
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
h, *mid, tl = range(5)
print(h, mid, tl)
for i, (k, v) in enumerate([('a', 1), ('b', 2)]):
    print(i, k, v)
print(t[1:], t[::-1], t.index(2), t.count(3), len(t), t + (4,), t * 2)
print((1, 2) < (1, 3), (1, 2) == (1, 2), tuple([1, 2]), tuple('ab'), (5,), ())
u = 1, 2
print(u, type(u))
s = torch.zeros(2, 3).shape
rows, cols = s
print(rows, cols, s[0], s[-1], len(s), s == (2, 3), tuple(s), list(s))
