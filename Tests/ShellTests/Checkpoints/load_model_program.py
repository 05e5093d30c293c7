# Loads what save_model_program.py saved (sys.argv[1]) and prints the models and what they compute.
import sys

import torch
import torch.nn as nn

from model_classes import Block, ScaledLinear  # noqa: F401  (pickle finds them here)


class Net(nn.Module):  # the same class as the saving program's: pickle names it __main__.Net
    def __init__(self):
        super().__init__()

    def forward(self, x):
        return self.fc(self.features(x))


net = torch.load(sys.argv[1], weights_only=False)
print(net)
print(type(net).__name__, type(net.fc).__module__, net.training, net.features[0][1].training, net.name)
print(net.aux[0] is net.fc, net.steps, net.scratch, list(net.state_dict().keys()))
print(net.features[0][1].running_mean, net.features[0][1].num_batches_tracked)
torch.manual_seed(1)
print(net(torch.randn(2, 1, 8, 8)))
saved = torch.load(sys.argv[1] + ".layers", weights_only=False)
print(saved["shared"][0] is saved["shared"][1], saved["shared"][0].scale)
torch.manual_seed(2)
for k, m in saved["layers"].items():
    print(k, m, m.training, [(n, p.shape, p.requires_grad) for n, p in m.named_parameters()])
d = saved["layers"]
print(d["c2"](torch.randn(1, 1, 5, 5)).sum().item(), d["emb"](torch.tensor([1, 2])), d["prelu"].weight)
print(d["ce"](torch.randn(3, 2), torch.tensor([0, 1, 1])).item(), d["ct"](torch.randn(1, 2, 3, 3)).shape)
try:
    torch.load(sys.argv[1])
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[-1])
