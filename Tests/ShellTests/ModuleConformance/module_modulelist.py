# nn.ModuleList: append, extend, insert, indexing, slicing, len, iteration, repr of repeated blocks.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])
        self.mixed = nn.ModuleList([nn.Linear(4, 4), nn.ReLU(), nn.ReLU(), nn.Linear(4, 4), nn.Linear(4, 2)])

    def forward(self, x):
        for block in self.blocks:
            x = torch.relu(block(x))
        return x


net = Net()
print(net)
print(len(net.blocks), len(list(net.parameters())))
print(net.blocks[-1])
print(net.blocks[1:])
print(type(net.blocks[1:]).__name__)
ml = nn.ModuleList()
print(ml, len(ml))
ml.append(nn.Conv2d(1, 2, 3))
ml.extend([nn.ReLU(), nn.MaxPool2d(2)])
ml.insert(0, nn.Identity())
print(ml)
print([type(m).__name__ for m in ml])
print([n for n, _ in ml.named_children()])
ml[1] = nn.Conv2d(1, 4, 3)
print(ml[1])
del ml[0]
print(ml)
print(ml[0] in list(ml), len(ml))
print(ml.pop(1))
print(ml)
print(nn.ModuleList([nn.Linear(2, 2)] * 2))
print(nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2), nn.Linear(2, 3)]))
torch.manual_seed(0)
print(net(torch.ones(1, 4)).shape)
try:
    nn.ModuleList([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    net.blocks[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    net.blocks(torch.ones(1, 4))
except NotImplementedError as e:
    print(type(e).__name__, e)
