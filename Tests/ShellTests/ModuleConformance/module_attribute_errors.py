# AttributeError / TypeError messages of Module.__getattr__ and __setattr__; @property.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.w = nn.Parameter(torch.ones(2))
        self._scale = 3

    @property
    def scale(self):
        return self._scale * 2

    @property
    def out_channels(self):
        return self.conv.out_channels


class Early(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)
        super().__init__()


class EarlyParam(nn.Module):
    def __init__(self):
        self.p = nn.Parameter(torch.zeros(1))
        super().__init__()


net = Net()
print(net.scale, net.out_channels)
for attempt in [
    lambda: net.x,
    lambda: net.conv.nothing,
    lambda: Early(),
    lambda: EarlyParam(),
    lambda: setattr(net, "conv", 3),
    lambda: setattr(net, "w", torch.zeros(2)),
    lambda: setattr(net, "conv", torch.zeros(2)),
    lambda: nn.Linear(2, 2).missing,
    lambda: getattr(nn.Sequential(), "layer"),
]:
    try:
        attempt()
        print("no error")
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)

print(getattr(net, "x", "default"))
print(hasattr(net, "conv"), hasattr(net, "w"), hasattr(net, "x"))
net.conv = nn.Linear(2, 2)
print(net.conv)
net.w = nn.Parameter(torch.zeros(3))
print(net.w.shape)
try:
    del net.nothing
except AttributeError as e:
    print(type(e).__name__, e)
