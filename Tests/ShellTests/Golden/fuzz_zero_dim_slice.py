import torch
torch.tensor(1.5)[1:]
