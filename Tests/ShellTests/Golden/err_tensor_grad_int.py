import torch
# integer tensors cannot require grad
x = torch.tensor([1, 2], requires_grad=True)
