# Error messages of the newer layers: wrong input dims, bad shapes, bad sizes; ends uncaught.
import torch
import torch.nn as nn
import torch.nn.functional as F

attempts = [
    ("avgpool1d 4d", lambda: nn.AdaptiveAvgPool1d(2)(torch.zeros(1, 2, 3, 4))),
    ("avgpool2d 1d", lambda: nn.AdaptiveAvgPool2d(2)(torch.zeros(5))),
    ("avgpool3d 3d", lambda: nn.AdaptiveAvgPool3d(1)(torch.zeros(2, 3, 4))),
    ("maxpool2d 2d", lambda: nn.AdaptiveMaxPool2d(1)(torch.zeros(3, 4))),
    ("layernorm shape", lambda: nn.LayerNorm(4)(torch.zeros(2, 3))),
    ("layernorm list", lambda: nn.LayerNorm([2, 3])(torch.zeros(3, 2))),
    ("groupnorm channels", lambda: nn.GroupNorm(2, 4)(torch.zeros(2, 6, 3))),
    ("embedding index", lambda: nn.Embedding(3, 2)(torch.tensor([[0, 3]]))),
    ("dropout3d 2d", lambda: nn.Dropout3d()(torch.zeros(2, 3))),
    ("dropout p", lambda: nn.Dropout1d(-0.1)),
    ("softmin no dim", lambda: F.softmin(torch.zeros(2, 2), dim=2)),
]
for label, attempt in attempts:
    try:
        r = attempt()
        print(label, "no error", tuple(r.shape) if isinstance(r, torch.Tensor) else type(r).__name__)
    except (RuntimeError, ValueError, IndexError) as e:
        print(label, type(e).__name__, str(e).splitlines()[0])
ln = nn.LayerNorm((3, 2))
print(ln(torch.zeros(4, 3, 2)).shape)
nn.Embedding(10, 3)(torch.tensor([10]))
