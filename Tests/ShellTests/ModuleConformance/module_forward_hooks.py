# register_forward_hook: capturing shapes, replacing the output, handle.remove(), hooks on children.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        return self.fc(x.flatten(1))


torch.manual_seed(0)
net = Net()
shapes = []


def record(module, inputs, output):
    shapes.append((type(module).__name__, type(inputs).__name__, len(inputs), tuple(inputs[0].shape), tuple(output.shape)))


handles = [m.register_forward_hook(record) for m in net.children()]
x = torch.randn(1, 1, 6, 6)
out = net(x)
for s in shapes:
    print(s)
print(type(handles[0]).__name__)
for h in handles:
    h.remove()
shapes.clear()
net(x)
print(shapes)

h = net.fc.register_forward_hook(lambda m, i, o: o * 0)
print(net(x))
h.remove()
print(net(x).abs().sum().item() > 0)

h = net.register_forward_hook(lambda m, i, o: None)
print(torch.equal(net(x), out))
h.remove()

seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
names = []
for name, m in seq.named_children():
    m.register_forward_hook(lambda mod, inp, outp, name=name: names.append((name, tuple(outp.shape))))
seq(torch.ones(5, 2))
print(names)
h1 = seq.register_forward_hook(lambda m, i, o: o + 100)
h2 = seq.register_forward_hook(lambda m, i, o: o * 0 + 1)
print(seq(torch.ones(2, 2)))
h2.remove()
print((seq(torch.ones(1, 2)) > 50).item())
