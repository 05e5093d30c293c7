import torch
# Slice strides are stride × step in wrapping int64 (found while fixing a fuzzer crash in slicing).
print(torch.empty(0, 2**40)[:, ::2**62].stride(), torch.empty(3, 0, 2**61)[::2].stride())
print(torch.ones(3, 4)[::2**62].stride(), torch.ones(3, 2)[::2**62-1].stride(), torch.ones(5)[::2].stride())
x = torch.ones(3, 4)[::2**62]
print(x, x.sum(), x.contiguous().stride())
torch.empty(3, 0, 2**62)[::2]
