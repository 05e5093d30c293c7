import torch
# indexing with a float tensor
x = torch.arange(4)
x[torch.tensor([1.0])]
