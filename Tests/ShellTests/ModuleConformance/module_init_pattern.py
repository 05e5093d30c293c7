# The initialisation lesson: for m in self.modules(): isinstance checks and nn.init functions.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(32)
        self.fc = nn.Linear(32, 10)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight.data, mode="fan_out", nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                nn.init.constant_(m.bias, 0.1)


def stats(name, t):
    print("%s mean=%.4f std=%.4f min=%.4f max=%.4f" % (name, t.mean().item(), t.std().item(), t.min().item(), t.max().item()))


torch.manual_seed(0)
net = Net()
for name, p in net.named_parameters():
    stats(name, p.data)
print(net.bn1.weight[:4], net.fc.bias[:3])

torch.manual_seed(0)
w = torch.empty(4, 3)
nn.init.xavier_uniform_(w)
print(w)
nn.init.kaiming_uniform_(w, a=5 ** 0.5)
print(w)
nn.init.xavier_normal_(w, gain=nn.init.calculate_gain("tanh"))
print(w)
nn.init.uniform_(w, -0.1, 0.1)
print(w)
nn.init.ones_(w)
print(w.sum().item())
print(nn.init.calculate_gain("relu"), nn.init.calculate_gain("leaky_relu", 0.2), nn.init.calculate_gain("sigmoid"))
nn.init.eye_(w)
print(w)
