import torch
print(torch.ones(2).unbind(0))
torch.tensor(1.5).unbind(0)
