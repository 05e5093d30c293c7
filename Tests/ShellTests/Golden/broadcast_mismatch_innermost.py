import torch
# infer_size walks from the last dim back: the innermost mismatch is reported
print((torch.ones(2, 1) + torch.ones(3)).shape)
torch.randn(2, 3) + torch.randn(3, 2)
