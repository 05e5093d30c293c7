import torch
# starred expressions in displays and assignment targets
a = [1, 2]
print([*a, 3], (*a, *a), [*range(3)])
x = *a, 5
print(x)
for p, *q in [(1, 2, 3), (4,)]:
    print(p, q)
*s, = 'ab'
print(s)
h, *m, t = torch.arange(5).tolist()
print(h, m, t)
