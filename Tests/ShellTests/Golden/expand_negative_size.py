import torch
# a negative size other than -1 is caught by the numel check
torch.randn(1, 2).expand(-2, 2)
