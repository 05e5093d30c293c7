# nn.ModuleDict: keys/values/items/update/pop/in/len/iteration/indexing.
import torch
import torch.nn as nn

d = nn.ModuleDict({"conv": nn.Conv2d(1, 4, 3), "pool": nn.MaxPool2d(2)})
print(d)
print(list(d.keys()), len(d))
print("conv" in d, "fc" in d)
print(d["conv"])
d["act"] = nn.ReLU()
d.update({"fc": nn.Linear(4, 2)})
d.update([("drop", nn.Dropout(0.2))])
print(list(d.keys()))
print([type(v).__name__ for v in d.values()])
for k, v in d.items():
    print(k, type(v).__name__)
print([k for k in d])
print(d.pop("pool"))
print(list(d.keys()))
del d["drop"]
print(d)
print(d.act)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.choices = nn.ModuleDict({"relu": nn.ReLU(), "tanh": nn.Tanh()})
        self.fc = nn.Linear(2, 2)

    def forward(self, x, act):
        return self.choices[act](self.fc(x))


torch.manual_seed(0)
net = Net()
print(net)
x = torch.tensor([[1.0, -2.0]])
print(net(x, "relu"))
print(net(x, "tanh"))
print([n for n, _ in net.named_modules()])
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
d.clear()
print(d, len(d))
