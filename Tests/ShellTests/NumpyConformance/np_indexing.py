# numpy indexing: basic slices, negative/step, fancy int arrays, boolean masks, assignment, views vs copies, errors.
import numpy as np

a = np.arange(12).reshape(3, 4)
print(repr(a[0]), repr(a[-1]), repr(a[1, 2]), repr(a[1][2]), repr(a[:, 1]), repr(a[1:, ::2]), repr(a[::-1]))
print(repr(a[..., -1]), repr(a[None, 0].shape), repr(a[:, np.newaxis, 0]), repr(a[0:0]))
print(repr(a[[0, 2]]), repr(a[[0, 2], [1, 3]]), repr(a[:, [3, 0]]), repr(a[np.array([1, 1, 0])]))
print(repr(a[a > 5]), repr(a[a % 2 == 0]), repr(a[np.array([True, False, True])]), repr(a[:, a[0] > 1]))
v = np.arange(6.0)
print(repr(v[2]), repr(v[-1]), repr(v[1:4]), repr(v[::2]), repr(v[[0, -1]]), repr(v[v > 2.5]), repr(v[5:1:-2]))
b = a.copy()
b[0] = 100
b[1, 1:3] = [-1, -2]
b[b > 10] = 0
print(repr(b))
c = np.zeros(5)
c[[1, 3]] = 7
c[c == 0] += 1.5
print(repr(c))
view = a[0]
view2 = a[[0]]
print(np.shares_memory(view, a), np.shares_memory(view2, a), view.base is a)
d = np.arange(5)
s = d[1:3]
s[0] = 99
print(repr(d))
m = np.arange(6).reshape(2, 3)
m[:, 0] = np.array([10, 20])
print(repr(m))
print(repr(np.where(a > 5, a, -1)), repr(np.where(np.array([0, 1, 0, 1]))), repr(np.nonzero(np.array([[1, 0], [0, 1]]))))
print(repr(np.take(np.arange(5) * 10, [0, 4])), repr(np.argwhere(np.array([0, 3, 0, 4]))))
x = np.arange(4)
x[1] = 2.9
print(repr(x))
for bad in [lambda: a[3], lambda: a[0, 4], lambda: a[1, 2, 3], lambda: a[[0, 5]], lambda: a[np.array([True, False])],
            lambda: a[1.5], lambda: v.__setitem__(0, 'x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
