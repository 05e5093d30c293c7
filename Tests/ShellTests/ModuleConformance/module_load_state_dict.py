# load_state_dict: round trip, result repr, strict=False, size mismatch and missing keys errors.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, hidden=3):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn(self.fc1(x))))


torch.manual_seed(0)
a = Net()
torch.manual_seed(1)
b = Net()
x = torch.tensor([[1.0, 2.0], [0.5, -1.0]])
a.eval()
b.eval()
print(torch.equal(a(x), b(x)))
result = b.load_state_dict(a.state_dict())
print(result)
print(type(result).__name__, result.missing_keys, result.unexpected_keys)
print(torch.equal(a(x), b(x)))
print(torch.equal(a.fc1.weight, b.fc1.weight), a.fc1.weight is b.fc1.weight)

partial = {k: v for k, v in a.state_dict().items() if not k.startswith("fc2")}
partial["extra.weight"] = torch.zeros(1)
r = b.load_state_dict(partial, strict=False)
print(r)
print(r.missing_keys)
print(r.unexpected_keys)

try:
    Net(hidden=4).load_state_dict(a.state_dict())
except RuntimeError as e:
    print(type(e).__name__)
    print(str(e).splitlines()[0])
    print(repr(str(e)))

try:
    b.load_state_dict(partial)
except RuntimeError as e:
    print(str(e).splitlines()[0])
    print(e)

sd = a.state_dict()
sd["fc2.bias"] = torch.tensor([5.0])
a.load_state_dict(sd)
print(a.fc2.bias)
a.fc1.load_state_dict({"weight": torch.ones(3, 2), "bias": torch.zeros(3)})
print(a.fc1.weight)
del sd["fc1.weight"]
try:
    a.load_state_dict(sd)
except RuntimeError as e:
    print(repr(str(e)))
print(a.load_state_dict(sd, strict=False))
