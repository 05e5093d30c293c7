import torch
# item() on a multi-element tensor
x = torch.ones(3)
print(x[0].item())
x.item()
