import torch
print(float(torch.tensor([2.5])), int(torch.tensor([[7]])))
float(torch.randn(3))
