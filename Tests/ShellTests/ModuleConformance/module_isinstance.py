# isinstance / type checks on modules.
import torch
import torch.nn as nn


class Base(nn.Module):
    pass


class Net(Base):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4, 2)
        self.seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())


net = Net()
print(isinstance(net, nn.Module), isinstance(net, Base), isinstance(net, Net))
print(isinstance(net.fc, nn.Module), isinstance(3, nn.Module))
print(issubclass(Net, nn.Module), issubclass(Net, Base), issubclass(nn.Linear, nn.Module))
print(issubclass(nn.BatchNorm2d, nn.Linear))
for m in net.modules():
    print(type(m).__name__, isinstance(m, nn.Linear), type(m) is nn.Conv2d, isinstance(m, (nn.Conv2d, nn.BatchNorm2d)))
print(nn.Linear.__name__, nn.Conv2d.__name__, nn.Sequential.__name__)
print([c.__name__ for c in type(net).__mro__])
print(type(net.seq) is nn.Sequential, isinstance(net.seq, nn.Module))
print(type(net.fc) == nn.Linear)
print(type(net.fc))
print(nn.ReLU)
print(isinstance(net.fc.weight, nn.Parameter), isinstance(net.bn.running_mean, nn.Parameter))
print(type(net.fc.weight).__name__, type(net.bn.running_mean).__name__)
print(net.__class__ is Net, net.__class__.__bases__[0].__name__)
print(sum(1 for m in net.modules() if isinstance(m, nn.Linear)))
print(callable(net), callable(net.fc))
