# torch.multinomial (Gumbel path and cumulative search) and exponential_, bit-exact draws, errors.
import torch
torch.manual_seed(0)
p = torch.tensor([0.1, 0.2, 0.3, 0.4])
print(torch.multinomial(p, 1), torch.multinomial(p, 1, replacement=True), torch.multinomial(p, 3), torch.multinomial(p, 6, replacement=True))
print(torch.rand(1))
w = torch.tensor([[1., 2., 0., 5.], [0.5, 0.5, 3., 1.]])
print(torch.multinomial(w, 2), w.multinomial(5, True), torch.multinomial(w, 4))
g = torch.Generator().manual_seed(2)
print(torch.multinomial(torch.ones(10), 10, generator=g))
print(torch.multinomial(torch.arange(1., 30.).double(), 7, True))
print(torch.empty(6).exponential_(), torch.empty(3, dtype=torch.float64).exponential_(2.5), torch.empty(2, 3).t().exponential_(0.5))
print(torch.empty(4).exponential_(lambd=3., generator=g))
x = torch.empty(3, 4); x.t().exponential_(); print(x)
for f in [lambda: torch.multinomial(torch.tensor([1., -1.]), 1), lambda: torch.multinomial(torch.tensor([0., 0.]), 1),
          lambda: torch.multinomial(torch.tensor([1., -1.]), 2, True), lambda: torch.multinomial(torch.tensor([0., 0.]), 2, True),
          lambda: torch.multinomial(torch.tensor([1., float('inf')]), 2, True), lambda: torch.multinomial(torch.tensor([1., float('nan')]), 1),
          lambda: torch.multinomial(torch.ones(3), 4), lambda: torch.multinomial(torch.ones(3), 0), lambda: torch.multinomial(torch.ones(2, 2, 2), 1),
          lambda: torch.multinomial(torch.tensor([1, 2]), 1), lambda: torch.empty(3).exponential_(0), lambda: torch.empty(3).exponential_(-1.),
          lambda: torch.empty(3, dtype=torch.long).exponential_(), lambda: torch.multinomial(torch.ones(3), -1, True), lambda: torch.multinomial(torch.tensor(1.), 1),
          lambda: torch.multinomial(torch.zeros(0), 1, True), lambda: torch.multinomial(torch.zeros(0, 3), 2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(torch.multinomial(torch.tensor([[0., 1.], [1., 0.]]), 1, True), torch.rand(2))
