import torch
# no index can address an empty dim: PyTorch's own message
print(torch.zeros(2, 0)[:, []].shape)
torch.zeros(2, 0)[:, [0]]
