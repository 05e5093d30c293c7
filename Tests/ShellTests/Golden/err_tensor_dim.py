import torch
# dimension out of range
x = torch.ones(2, 3)
print(x.sum(1))
x.sum(2)
