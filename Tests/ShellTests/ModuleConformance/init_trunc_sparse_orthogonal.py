# nn.init.trunc_normal_ (both of PyTorch 2.15's rejection samplers), sparse_ and orthogonal_.
import torch
import torch.nn as nn

torch.manual_seed(0)
print(nn.init.trunc_normal_(torch.empty(3, 5)))
print(nn.init.trunc_normal_(torch.empty(20), std=0.02))
# Most of the mass outside [a, b]: uniform proposals with acceptance tests.
print(nn.init.trunc_normal_(torch.empty(4, 4), mean=0., std=1., a=1.5, b=3.0))
print(nn.init.trunc_normal_(torch.empty(7, dtype=torch.float64), mean=1., std=2., a=-1, b=0.5))
print(nn.init.trunc_normal_(torch.empty(2, 3), mean=5.))
g = torch.Generator().manual_seed(3)
print(nn.init.trunc_normal_(torch.empty(40), std=0.5, generator=g).sum())
w = torch.empty(64, 32)
nn.init.trunc_normal_(w, std=0.02, a=-0.04, b=0.04)
print(w.min() >= -0.04, w.max() <= 0.04, w.mean())

print(nn.init.sparse_(torch.empty(6, 4), sparsity=0.4))
print(nn.init.sparse_(torch.empty(5, 3), 0.1, std=1.0))
print((nn.init.sparse_(torch.empty(10, 8), 0.5) == 0).sum(0))

print(nn.init.orthogonal_(torch.empty(3, 5)))
print(nn.init.orthogonal_(torch.empty(4, 2), gain=2))
w = torch.empty(6, 3, 2)
nn.init.orthogonal_(w)
flat = w.view(6, -1)
print(w.shape, torch.allclose(flat.t() @ flat, torch.eye(6), atol=1e-5))

class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)
        self.proj = nn.Linear(4, 4)
        self.apply(self._init)

    def _init(self, m):
        if isinstance(m, nn.Linear):
            nn.init.trunc_normal_(m.weight, std=.02)
            nn.init.constant_(m.bias, 0)

print(Block().fc.weight)

for bad in [lambda: nn.init.orthogonal_(torch.empty(3)), lambda: nn.init.sparse_(torch.empty(2, 2, 2), 0.5),
            lambda: nn.init.trunc_normal_(torch.empty(3), std=0.), lambda: nn.init.trunc_normal_(torch.empty(3), a=2., b=1.),
            lambda: nn.init.sparse_(torch.empty(3, 3), float('nan')), lambda: nn.init.trunc_normal_(torch.empty(3, dtype=torch.long))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(torch.rand(2))
