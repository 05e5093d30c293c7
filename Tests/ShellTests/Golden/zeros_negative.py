import torch
print(torch.ones(3).new_zeros(2, requires_grad=True), torch.ones(3, dtype=torch.int32).new_empty((2, 3)).shape)
torch.zeros(2, -1)
