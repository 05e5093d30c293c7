# apply(fn) visiting order, train()/eval() propagation, requires_grad_(False), zero_grad().
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(2, 3), nn.Dropout(0.5), nn.ReLU())
        self.head = nn.Linear(3, 1)

    def forward(self, x):
        return self.head(self.features(x))


visited = []
torch.manual_seed(0)
net = Net()
result = net.apply(lambda m: visited.append(type(m).__name__))
print(visited)
print(result is net)


def flags(model):
    return [(name, m.training) for name, m in model.named_modules()]


print(flags(net))
print(net.eval() is net)
print(flags(net))
net.features.train()
print(flags(net))
net.train(False)
print(all(not m.training for m in net.modules()))
net.train()
print(all(m.training for m in net.modules()))

loss = net(torch.ones(4, 2)).sum()
loss.backward()
print([p.grad is not None for p in net.parameters()])
print(net.head.bias.grad)
net.zero_grad()
print([p.grad for p in net.parameters()])
net.requires_grad_(False)
print([p.requires_grad for p in net.parameters()])
print(net(torch.ones(1, 2)).requires_grad)
net.head.requires_grad_()
print([(n, p.requires_grad) for n, p in net.named_parameters()])


def init(m):
    if isinstance(m, nn.Linear):
        with torch.no_grad():
            m.weight.fill_(0.5)
            m.bias.zero_()


net.apply(init)
print(net.head.weight, net.features[0].bias)
net.eval()
print(net(torch.ones(1, 2)))
