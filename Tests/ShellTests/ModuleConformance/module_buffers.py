# buffers, register_buffer (persistent=False), register_parameter, add_module, get_submodule, get_parameter.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("running", torch.zeros(2))
        self.register_buffer("scratch", torch.ones(2), persistent=False)
        self.register_buffer("nothing", None)
        self.register_parameter("gain", nn.Parameter(torch.full((2,), 2.0)))
        self.register_parameter("unused", None)
        self.add_module("block", nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2)))

    def forward(self, x):
        return self.block(x * self.gain) + self.running


torch.manual_seed(0)
net = Net()
print(net)
print([n for n, _ in net.named_buffers()])
print([tuple(b.shape) for b in net.buffers()])
print(list(net.state_dict().keys()))
print([n for n, _ in net.named_parameters()])
print(net.nothing, net.unused)
print(net.scratch)
print(net.get_submodule("block.1"))
print(net.get_submodule("block"))
print(net.get_submodule("") is net)
print(net.get_parameter("gain"))
print(net.get_parameter("block.0.bias").shape)
print(net.get_buffer("block.1.num_batches_tracked"))
for bad in [lambda: net.get_submodule("block.5"), lambda: net.get_submodule("missing"),
            lambda: net.get_parameter("block.0.nope"), lambda: net.get_parameter("running")]:
    try:
        bad()
    except AttributeError as e:
        print(type(e).__name__, e)
for bad in [lambda: net.register_buffer("gain", torch.zeros(1)),
            lambda: net.register_buffer("a.b", torch.zeros(1)),
            lambda: net.register_buffer("x", [1, 2]),
            lambda: net.register_parameter("p", torch.zeros(1)),
            lambda: net.add_module("block", 3),
            lambda: net.add_module("", nn.ReLU())]:
    try:
        bad()
        print("ok")
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
net.running = torch.ones(2)
print(net.running, "running" in net._buffers)
print(net(torch.ones(3, 2)).shape)
