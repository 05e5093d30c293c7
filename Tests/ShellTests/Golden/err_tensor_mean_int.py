import torch
# mean of an integer tensor
x = torch.tensor([1, 2, 3])
print(x.float().mean())
x.mean()
