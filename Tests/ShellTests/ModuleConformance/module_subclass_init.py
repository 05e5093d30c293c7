# nn.Module subclasses: both super() spellings, registration order, nested repr.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc2 = nn.Linear(84, 10)
        self.fc1 = nn.Linear(120, 84)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Small(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.layers = nn.Sequential(nn.Linear(n, n * 2), nn.Tanh(), nn.Linear(n * 2, 1))

    def forward(self, x):
        return self.layers(x)


torch.manual_seed(0)
net = Net()
print(net)
print([name for name, _ in net.named_children()])
print(net.training)
print(type(net).__name__, net.__class__.__name__)
out = net(torch.ones(2, 120))
print(out.shape, out.requires_grad, out.grad_fn.name())

s = Small(3)
print(s)
print(s.n)
y = s(torch.tensor([[1.0, 2.0, 3.0]]))
print(y.shape)
print(round(y.item(), 4))
print(len(list(s.parameters())))
print(sum(p.numel() for p in s.parameters()))
