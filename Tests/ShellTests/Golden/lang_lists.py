import torch
# list methods, slicing, slice assignment
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a[1:3], a[-3:], a[::3], a[::-2], a[5:1:-1], len(a))
a.append(7)
a.extend([8, 8])
a.insert(0, 0)
print(a)
print(a.pop(), a.pop(0), a.index(4), a.count(1))
a.remove(1)
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
b = a.copy()
b[0] = 100
print(a[0], b[0])
a[1:3] = ['x', 'y', 'z']
print(a)
del a[0]
del a[-1]
print(a, 'x' in a, 42 in a)
c = [[0] * 2 for _ in range(3)]
c[0][1] = 5
print(c)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [] == [], list('abc'), list(range(3)))
print(sorted([3, 1, 2]), sorted(['b', 'A', 'a']), sorted([3, 1, 2], reverse=True), sorted(['aa', 'b', 'ccc'], key=len))
a.clear()
print(a)
