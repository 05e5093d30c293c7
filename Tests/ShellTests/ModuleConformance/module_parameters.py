# parameters / named_parameters with prefix= and recurse=False.
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(4, 2)
        self.temperature = nn.Parameter(torch.tensor(1.5))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.alpha = nn.Parameter(torch.zeros(3))
        self.features = nn.Sequential(nn.Linear(3, 4, bias=False), nn.ReLU(), nn.Linear(4, 4))
        self.head = Head()


torch.manual_seed(0)
net = Net()
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad, type(p).__name__)
print([n for n, _ in net.named_parameters(prefix="model")])
print([n for n, _ in net.named_parameters(recurse=False)])
print([tuple(p.shape) for p in net.parameters(recurse=False)])
print([n for n, _ in net.head.named_parameters()])
print([n for n, _ in net.features.named_parameters(prefix="f")])
print(len(list(net.parameters())))
print(sum(p.numel() for p in net.parameters()))
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
p = next(net.parameters())
print(p)
print(isinstance(p, torch.Tensor), isinstance(p, nn.Parameter))
print(nn.Parameter(torch.ones(2), requires_grad=False))
print(net.head.temperature)
print(net.features[0].bias)
print(net.features[2].bias.shape)
