import torch
torch.zeros(0, 3).index_select(0, torch.tensor([0]))
