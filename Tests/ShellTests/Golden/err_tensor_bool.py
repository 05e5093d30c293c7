import torch
# truth value of a multi-element tensor
x = torch.tensor([1, 2])
if x:
    print('yes')
