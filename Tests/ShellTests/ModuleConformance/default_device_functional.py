# torch.set_default_device/get_default_device, `with torch.device('cpu')`, and the torch.functional module.
import torch
import torch.functional as F
torch.set_default_device("cpu")
print(torch.get_default_device())
with torch.device("cpu") as d:
    print(d, torch.ones(2).device)
torch.set_default_device(None)
print(F.norm(torch.ones(4)), F.split(torch.arange(4), 2))
