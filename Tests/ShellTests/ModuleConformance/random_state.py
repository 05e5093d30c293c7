# torch.get_rng_state/set_rng_state (PyTorch's 5056-byte layout), Generator.get_state/set_state/clone_state, torch.random.fork_rng.
import torch
torch.manual_seed(5)
s = torch.get_rng_state()
print(s.dtype, s.shape, s[:32])
a = torch.randn(3)
torch.randn(1)
s1 = torch.get_rng_state()
print(s1[:24], s1[5016:])
b = torch.randn(5)
torch.set_rng_state(s1)
print(torch.equal(torch.randn(5), b))
torch.set_rng_state(s)
print(torch.equal(torch.randn(3), a))
g = torch.Generator().manual_seed(7)
st = g.get_state()
x = torch.rand(4, generator=g)
print(g.set_state(st) is g, torch.equal(torch.rand(4, generator=g), x))
h = g.clone_state()
print(torch.equal(torch.rand(4, generator=g), torch.rand(4, generator=h)))
torch.manual_seed(1); torch.randn(1, dtype=torch.float64); print(torch.get_rng_state()[5016:])
bad = torch.get_rng_state().clone(); bad[8:12] = 0
for f in [lambda: torch.set_rng_state(torch.zeros(10, dtype=torch.uint8)), lambda: torch.set_rng_state(torch.zeros(5056)), lambda: torch.set_rng_state([1,2]), lambda: torch.set_rng_state(bad), lambda: torch.Generator().set_state(3)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
import torch.random
print(torch.random.initial_seed() > 0)
from torch.random import fork_rng
torch.manual_seed(0)
with fork_rng():
    print(torch.rand(2))
print(torch.rand(2))
with torch.random.fork_rng(enabled=False):
    print(torch.rand(1))
print(torch.rand(1))
