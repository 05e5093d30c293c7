# state_dict keys and shapes for nested models with BatchNorm; printing a small state_dict.
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(c)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 2, 1)
        self.blocks = nn.Sequential(Block(2), Block(2))
        self.head = nn.ModuleDict({"fc": nn.Linear(2, 3), "bn": nn.BatchNorm1d(3)})
        self.register_buffer("step", torch.tensor(0))


net = Net()
sd = net.state_dict()
print(type(sd).__name__)
for k, v in sd.items():
    print(k, tuple(v.shape), v.dtype)
print(len(sd), len(list(net.parameters())), len(list(net.buffers())))
print(sd["blocks.0.bn.num_batches_tracked"])
print(sd["head.bn.running_var"])
print(sd["blocks.1.bn.weight"].requires_grad, net.blocks[1].bn.weight.requires_grad)
print(list(net.blocks.state_dict().keys())[:5])
print(list(net.state_dict(prefix="model.").keys())[:2])
print(net.state_dict(keep_vars=True)["stem.bias"].requires_grad)

small = nn.Linear(2, 2)
with torch.no_grad():
    small.weight.copy_(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
    small.bias.copy_(torch.tensor([0.5, -0.5]))
print(small.state_dict())
print(nn.BatchNorm1d(2).state_dict())
print(nn.ReLU().state_dict())
print(sd["stem.weight"].data_ptr() == net.stem.weight.data_ptr())
