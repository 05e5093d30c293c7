import torch
e = torch.ones(9223372036854775807, 0, 2**62)
e.permute(0, 2, 1).flatten(0, 1)
