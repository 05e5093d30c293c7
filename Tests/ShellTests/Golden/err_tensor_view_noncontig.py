import torch
# view of a non-contiguous tensor
x = torch.arange(6).view(2, 3).t()
print(x.is_contiguous())
x.view(6)
