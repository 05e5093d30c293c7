# Plain attributes, __dict__, assigning None, reassigning a child, del.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = 4
        self.names = ["a", "b"]
        self.title = "net"
        self.fc = nn.Linear(2, self.hidden)
        self.w = nn.Parameter(torch.zeros(2))
        self.register_buffer("mean", torch.zeros(3))

    def forward(self, x):
        return self.fc(x)


net = Net()
print(net.hidden, net.names, net.title)
print("fc" in net.__dict__, "w" in net.__dict__, "hidden" in net.__dict__)
print(sorted(net._modules.keys()), sorted(net._parameters.keys()), sorted(net._buffers.keys()))
print(net.fc)
print(net.w)
print(net.mean)
net.names.append("c")
print(net.names)

net.fc = nn.Conv2d(1, 1, 1)
print(net)
net.fc = None
print(net.fc, list(net._modules.items()))
print(net)
net.w = None
print(net.w, [n for n, _ in net.named_parameters()])
net.w = nn.Parameter(torch.ones(1))
print([n for n, _ in net.named_parameters()])

del net.fc
print("fc" in net._modules, hasattr(net, "fc"))
del net.w
print(hasattr(net, "w"))
del net.title
print(hasattr(net, "title"))
del net.mean
print(list(net.state_dict().keys()))
net.extra = nn.ReLU()
print(net)
print(list(net._modules.keys()))
