import torch
torch.arange(5.).chunk(9223372036854775806)
