# DataLoader(shuffle=True): orders after manual_seed, several epochs, generator=, RandomSampler.
import torch
from torch.utils.data import DataLoader, TensorDataset, RandomSampler, SequentialSampler

ds = TensorDataset(torch.arange(10))
torch.manual_seed(0)
loader = DataLoader(ds, batch_size=4, shuffle=True)
for epoch in range(3):
    print(epoch, [b[0].tolist() for b in loader])
torch.manual_seed(0)
print([b[0].tolist() for b in loader])

g = torch.Generator().manual_seed(42)
gl = DataLoader(ds, batch_size=5, shuffle=True, generator=g)
print([b[0].tolist() for b in gl])
print([b[0].tolist() for b in gl])
g.manual_seed(42)
print([b[0].tolist() for b in gl])

torch.manual_seed(1)
before = torch.rand(1).item()
torch.manual_seed(1)
list(DataLoader(ds, batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(3)))
print(torch.rand(1).item() == before)

torch.manual_seed(5)
print([b[0].tolist() for b in DataLoader(ds, batch_size=3, shuffle=True, drop_last=True)])
print(type(loader.sampler).__name__, type(DataLoader(ds).sampler).__name__)
print(type(loader.batch_sampler).__name__, loader.batch_sampler.batch_size)
print(list(SequentialSampler(range(4))))
print(list(RandomSampler(range(6), generator=torch.Generator().manual_seed(7))))
torch.manual_seed(2)
print([int(v) for v in next(iter(DataLoader(torch.arange(100, 110), batch_size=6, shuffle=True)))])
