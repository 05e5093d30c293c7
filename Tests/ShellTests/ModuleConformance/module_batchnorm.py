# BatchNorm1d/2d: running statistics after train forwards, eval output, repr.
import torch
import torch.nn as nn

bn = nn.BatchNorm1d(3)
print(bn)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(bn.weight, bn.bias)
x = torch.tensor([[1.0, 2.5, 3.0], [3.0, 6.0, -1.0], [2.0, 1.0, 0.0], [0.0, -1.0, 2.0]])
for step in range(3):
    y = bn(x * (step + 1))
    print(step, bn.running_mean, bn.running_var, bn.num_batches_tracked.item())
print(y)
print(y.mean(0).abs().max().item() < 1e-6)
bn.eval()
print(bn.training)
print(bn(x))

bn2 = nn.BatchNorm2d(2, eps=1e-3, momentum=0.5)
print(bn2)
inp = torch.arange(16.0).reshape(2, 2, 2, 2)
out = bn2(inp)
print(out.shape)
print(out[0, 0])
print(bn2.running_mean, bn2.running_var)
bn2.eval()
print(bn2(inp)[1, 1])
print(nn.BatchNorm2d(4, affine=False))
print(nn.BatchNorm1d(5, track_running_stats=False))
print(nn.BatchNorm1d(5, momentum=None))
torch.manual_seed(0)
print(nn.BatchNorm1d(2)(torch.randn(4, 2, 3)).shape)
bn.reset_running_stats()
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
