import torch
torch.ones(3).topk(4)
