import torch
# x[i] += v is getitem, in-place add, setitem: an advanced index writes the copy back
x = torch.arange(4.)
x[[0, 0]] += 1
print(x)
y = torch.arange(6.).reshape(2, 3)
y[[0, 1], [2, 2]] += 5
y[0, [0, 0]] *= 3
y[:, 1:] -= 1
print(y)
l = [1, 2]
l[0] += 5
d = {'a': 1}
d['a'] += 2
print(l, d)
