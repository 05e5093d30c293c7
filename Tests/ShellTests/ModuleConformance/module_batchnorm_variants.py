# BatchNorm variants: momentum=None (cumulative average), affine=False, track_running_stats=False, errors.
import torch
import torch.nn as nn

x1 = torch.tensor([[1.0, 0.0], [3.0, 4.0]])
x2 = torch.tensor([[5.0, 2.0], [7.0, 2.0]])
x3 = torch.tensor([[0.0, 1.0], [0.0, 3.0]])

cum = nn.BatchNorm1d(2, momentum=None)
for x in (x1, x2, x3):
    cum(x)
    print(cum.running_mean, cum.running_var, cum.num_batches_tracked.item())

plain = nn.BatchNorm1d(2, affine=False)
print(plain.weight, plain.bias)
print([n for n, _ in plain.named_parameters()], list(plain.state_dict().keys()))
print(plain(x1))

nostats = nn.BatchNorm1d(2, track_running_stats=False)
print(nostats.running_mean, nostats.running_var, nostats.num_batches_tracked)
print(list(nostats.state_dict().keys()))
nostats.eval()
print(nostats(x2))

bn = nn.BatchNorm1d(2)
bn.eval()
print(bn(x2))

for bad in [lambda: nn.BatchNorm1d(2)(torch.ones(2, 2, 2, 2)),
            lambda: nn.BatchNorm2d(2)(torch.ones(2, 2)),
            lambda: nn.BatchNorm1d(3)(torch.ones(4, 2)),
            lambda: nn.BatchNorm1d(2)(torch.ones(1, 2))]:
    try:
        bad()
        print("no error")
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
