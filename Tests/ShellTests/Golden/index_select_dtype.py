import torch
torch.zeros(2, 3).index_select(1, torch.tensor([True]))
