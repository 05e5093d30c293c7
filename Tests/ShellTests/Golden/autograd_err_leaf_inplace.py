import torch
# in-place on a leaf that requires grad
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x)
x.add_(1)
