import torch
print(torch.arange(5).narrow(0, -2, 2))
torch.tensor(1.5).narrow(0, 0, 1)
