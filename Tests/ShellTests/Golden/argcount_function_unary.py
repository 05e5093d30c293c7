import torch
a = torch.tensor([1.0, -2.0])
print(torch.relu(a), torch.relu(input=a), torch.neg(a))
torch.relu(a, 1)
