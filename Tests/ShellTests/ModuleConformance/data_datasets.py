# TensorDataset, custom Dataset subclasses, Subset, ConcatDataset (+), indexing, len, errors.
import torch
from torch.utils.data import Dataset, TensorDataset, Subset, ConcatDataset

x = torch.arange(12.0).reshape(6, 2)
y = torch.tensor([0, 1, 0, 1, 1, 0])
ds = TensorDataset(x, y)
print(type(ds).__name__, len(ds), len(ds.tensors))
print(ds[2])
print(ds[-1])
print(ds[1:3])
print(isinstance(ds, Dataset))

class Squares(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return {"x": float(i), "y": i * i}

sq = Squares(5)
print(len(sq), sq[3])
sub = Subset(sq, [4, 0, 2])
print(type(sub).__name__, len(sub), sub.indices, sub[0], sub[2])
print(sub.dataset is sq)
cat = ConcatDataset([ds, TensorDataset(x[:2] * 10, y[:2])])
print(type(cat).__name__, len(cat), cat.cumulative_sizes)
print(cat[6], cat[-1])
both = sq + Squares(3)
print(type(both).__name__, len(both), both[5], both.cumulative_sizes)
print(len(both + sq))
print([item["y"] for item in Subset(both, range(4, 8))])
try:
    TensorDataset(x, torch.zeros(5))
except AssertionError as e:
    print("AssertionError", e)
try:
    cat[8]
except IndexError as e:
    print("IndexError", e)
try:
    cat[-9]
except ValueError as e:
    print("ValueError", e)
try:
    len(Dataset())
except TypeError as e:
    print("TypeError", e)
try:
    Dataset()[0]
except NotImplementedError as e:
    print("NotImplementedError", e)
