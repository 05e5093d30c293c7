import torch
# an integer index out of range is reported at its position in the index tuple, as PyTorch's applySelect
x = torch.zeros(2, 3)
print(x[None, 1].shape, x[..., 2].shape, x[1, ..., 2])
x[0, 5]
