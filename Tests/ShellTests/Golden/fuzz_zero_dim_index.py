# Indexing 0-d tensors and 0-d boolean masks, as PyTorch does (found while fixing fuzzer reports).
import torch
x = torch.tensor(1.5)
y = torch.arange(6.).reshape(2, 3)
print(x[None], x[...], x[torch.tensor(True)], x[torch.tensor(False)])
print(y[torch.tensor(True)].shape, y[torch.tensor(False)].shape, y[:, torch.tensor(True)].shape)
print(y[torch.tensor(True), 1], y[y > 2])
x[0]
