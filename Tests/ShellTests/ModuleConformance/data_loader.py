# DataLoader: batch_size, drop_last, len(loader), default collate of tuples/dicts/ints/floats, next(iter(...)).
import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset

x = torch.arange(14.0).reshape(7, 2)
y = torch.arange(7)
loader = DataLoader(TensorDataset(x, y), batch_size=3)
print(len(loader), loader.batch_size, loader.drop_last)
for i, (xb, yb) in enumerate(loader):
    print(i, xb.shape, yb.tolist(), yb.dtype)
print(len(DataLoader(TensorDataset(x, y), batch_size=3, drop_last=True)))
print([b[1].tolist() for b in DataLoader(TensorDataset(x, y), batch_size=3, drop_last=True)])

class Mixed(Dataset):
    def __len__(self):
        return 5
    def __getitem__(self, i):
        return {"id": i, "score": i / 2, "vec": torch.full((2,), float(i))}, i % 2 == 0

batch = next(iter(DataLoader(Mixed(), batch_size=2)))
print(type(batch).__name__, len(batch))
d, flags = batch
print(sorted(d.keys()))
print(d["id"], d["id"].dtype)
print(d["score"], d["score"].dtype)
print(d["vec"])
print(flags, flags.dtype)

class Ints(Dataset):
    def __len__(self):
        return 4
    def __getitem__(self, i):
        return i * 10

print(list(DataLoader(Ints(), batch_size=3)))
print(list(DataLoader(Ints(), batch_size=None)))
print(list(DataLoader(Ints())))
pairs = DataLoader([(1, 2.5), (3, 4.5), (5, 6.5)], batch_size=2)
print(list(pairs))
print(list(DataLoader([[1, 2], [3, 4]], batch_size=2)))
print(len(DataLoader(range(10), batch_size=4)), list(DataLoader(range(10), batch_size=4))[-1])
