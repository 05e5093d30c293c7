import torch
from torch import nn

# The device line of PyTorch's current beginner tutorials ("Build the Neural Network").
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
print(torch.accelerator.is_available(), torch.accelerator.device_count())
torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(4, 3), nn.ReLU()).to(device)
print(model)
x = torch.rand(2, 2, 2, device=device)
print(model(x))
print(model[1](model[0](x)))
