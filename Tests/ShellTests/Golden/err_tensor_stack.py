import torch
# stack with different shapes
torch.stack([torch.ones(2), torch.ones(3)])
