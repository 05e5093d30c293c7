# torch.Generator: manual_seed chaining, initial_seed, seed-equal streams, randn/rand/randint/randperm/normal with generator=.
import torch

g = torch.Generator()
print(type(g).__name__, g.device)
print(g.manual_seed(123) is g, g.initial_seed())
print(torch.randn(3, generator=g).round(decimals=4))
print(torch.rand(2, 2, generator=g).round(decimals=4))
print(torch.randint(0, 10, (6,), generator=g))
print(torch.randint(5, (3,), generator=g))
print(torch.randperm(8, generator=g))
print(torch.normal(2.0, 0.5, (3,), generator=g).round(decimals=4))

a = torch.Generator().manual_seed(7)
b = torch.Generator().manual_seed(7)
print(torch.equal(torch.rand(5, generator=a), torch.rand(5, generator=b)))
print(torch.equal(torch.rand(5, generator=a), torch.rand(5, generator=a)))

torch.manual_seed(7)
print(torch.equal(torch.rand(4), torch.rand(4, generator=torch.Generator().manual_seed(7))))

torch.manual_seed(0)
expected = torch.randn(4)
torch.manual_seed(0)
side = torch.Generator().manual_seed(99)
torch.randn(100, generator=side)
torch.randperm(20, generator=side)
print(torch.equal(torch.randn(4), expected))
print(torch.initial_seed(), side.initial_seed())

d = torch.default_generator
print(type(d).__name__, d.initial_seed())
print(torch.manual_seed(5) is torch.default_generator, torch.initial_seed())
print(torch.bernoulli(torch.full((6,), 0.5), generator=torch.Generator().manual_seed(4)))
state = g.get_state()
print(type(state).__name__, state.dtype)
first = torch.rand(3, generator=g)
g.set_state(state)
print(torch.equal(first, torch.rand(3, generator=g)))
print(torch.normal(torch.zeros(3), torch.tensor([1.0, 10.0, 100.0]), generator=torch.Generator().manual_seed(8)).round(decimals=2))
print(torch.multinomial(torch.tensor([0.1, 0.0, 0.9]), 4, replacement=True, generator=torch.Generator().manual_seed(3)))
