# PyTorch 2.x's keyword-only bias=False on BatchNorm and GroupNorm: an affine weight without a bias,
# in the repr, the parameters, the state dict and (for batch norm) the values and gradients.
import torch
import torch.nn as nn

torch.manual_seed(0)
for m in [nn.BatchNorm2d(3, bias=False), nn.BatchNorm1d(4, affine=False, bias=False), nn.BatchNorm3d(2, bias=True), nn.GroupNorm(2, 4, bias=False)]:
    print(m, [n for n, _ in m.named_parameters()], list(m.state_dict().keys()), m.bias)
bn = nn.BatchNorm2d(3, bias=False)
x = torch.randn(4, 3, 5, 5, requires_grad=True)
y = bn(x)
y.pow(2).sum().backward()
print(hash(tuple(y.flatten().tolist())), hash(tuple(x.grad.flatten().tolist())), bn.weight.grad, bn.running_mean)
bn.eval()
print(hash(tuple(bn(x).flatten().tolist())))
print(nn.Sequential(nn.Conv2d(3, 8, 3, bias=False), nn.BatchNorm2d(8, bias=False), nn.ReLU()))
