# random_split with lengths and fractions, with and without a generator; Subset indices.
import torch
from torch.utils.data import random_split, TensorDataset, Subset

data = list(range(10))
a, b = random_split(data, [7, 3], generator=torch.Generator().manual_seed(42))
print(type(a).__name__, len(a), len(b))
print(a.indices, b.indices)
print([a[i] for i in range(len(a))])
parts = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(0))
print([len(p) for p in parts], [p.indices for p in parts])
parts = random_split(range(11), [0.5, 0.5], generator=torch.Generator().manual_seed(0))
print([len(p) for p in parts], [sorted(p.indices) for p in parts])
print([len(p) for p in random_split(range(7), [0.34, 0.33, 0.33], generator=torch.Generator().manual_seed(1))])

torch.manual_seed(0)
c, d = random_split(TensorDataset(torch.arange(8.0)), [5, 3])
print(c.indices, d.indices)
print(c[0], type(c.dataset).__name__)
torch.manual_seed(0)
print(random_split(range(8), [5, 3])[0].indices)
g = torch.Generator().manual_seed(9)
first = random_split(range(6), [3, 3], generator=g)[0].indices
second = random_split(range(6), [3, 3], generator=g)[0].indices
print(first, second)
try:
    random_split(range(10), [5, 4])
except ValueError as e:
    print("ValueError", e)
try:
    random_split(range(10), [0.5, 0.6])
except ValueError as e:
    print("ValueError", e)
nested = Subset(a, [0, 1])
print(len(nested), nested[1], nested.dataset is a)
