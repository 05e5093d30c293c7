# Saves the checkpoint the interop tests exchange between nnsh and PyTorch (path: sys.argv[1]).
import sys
from collections import OrderedDict
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.Flatten(), nn.Linear(8, 3))
model(torch.randn(4, 1, 4, 4))
grid = torch.arange(12.0).view(3, 4)
torch.save({
    "state_dict": model.state_dict(),
    "view": grid[:, 1:3],
    "grid": grid,
    "ints": torch.tensor([1, -2, 3]),
    "int32": torch.tensor([7, 8], dtype=torch.int32),
    "bytes": torch.tensor([0, 255], dtype=torch.uint8),
    "mask": torch.tensor([True, False]),
    "double": torch.ones(2, dtype=torch.float64) / 3,
    "scalar": torch.tensor(2.5),
    "param": nn.Parameter(torch.full((2,), 0.5)),
    "epoch": 7, "big": 2 ** 40, "negative": -300000, "lr": 0.25, "name": "héllo",
    "misc": [1, (2, 3), None, True, [], {}],
    "size": torch.Size([2, 3]),
    "dtype": torch.float64,
    "ordered": OrderedDict([("b", 1), ("a", 2)]),
}, sys.argv[1])
