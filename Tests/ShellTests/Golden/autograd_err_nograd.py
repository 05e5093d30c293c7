import torch
# backward on a tensor that does not require grad
x = torch.tensor([1.0, 2.0])
print(x.requires_grad)
x.sum().backward()
