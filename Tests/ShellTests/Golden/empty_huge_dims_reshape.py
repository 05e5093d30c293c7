import torch
e = torch.ones(9223372036854775807, 0, 2**62)
e.permute(2, 0, 1).reshape(2**62, -1)
