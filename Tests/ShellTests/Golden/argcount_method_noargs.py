import torch
a = torch.tensor([[1.0, -2.0]])
print(a.relu(), a.t(), a.dim(), a.numel(), a.detach(), a.is_floating_point(), a.abs(), a.exp2())
a.relu(1, 2)
