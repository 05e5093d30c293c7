import torch
x = torch.zeros(2, 1).expand(2, 3)
x.relu_()
