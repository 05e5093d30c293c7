import torch
print(torch.ones(2).size(0), torch.ones(2).stride(-1))
torch.tensor(1.5).size(-1)
