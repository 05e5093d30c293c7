import torch
torch.tensor(5.).index_select(0, torch.tensor([0, 0]))
