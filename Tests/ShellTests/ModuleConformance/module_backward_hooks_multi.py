# Full backward hooks on modules with several inputs that require grad and with tuple outputs:
# grad_input/grad_output per position, None for unused outputs, replacing several grads at once.
import torch
import torch.nn as nn


def vals(grads):
    return [None if g is None else g.tolist() for g in grads]


class Mix(nn.Module):
    def forward(self, a, b):
        return a * b + b


mix = Mix()
mix.register_full_backward_pre_hook(lambda m, go: print("pre", vals(go)))
mix.register_full_backward_hook(lambda m, gi, go: print("full", len(gi), vals(gi), vals(go)))
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, -1.0], requires_grad=True)
y = mix(a, b)
print(y, y.grad_fn.name())
(y * torch.tensor([1.0, 10.0])).sum().backward()
print(a.grad, b.grad)


class Pair(nn.Module):
    def forward(self, a, b):
        return a * 2, b * 3


pair = Pair()
pair.register_full_backward_pre_hook(lambda m, go: print("pair pre", vals(go)))
pair.register_full_backward_hook(lambda m, gi, go: print("pair full", vals(gi), vals(go)))
a.grad = b.grad = None
u, v = pair(a, b)
print(u.grad_fn.name(), v.grad_fn.name(), u.grad_fn is v.grad_fn)
(u.sum() + 2 * v.sum()).backward()
print(a.grad, b.grad)
a.grad = b.grad = None
u, v = pair(a, b)
u.sum().backward()
print(a.grad, b.grad)

# replacing both grad_inputs, and both grad_outputs from a pre-hook
swap = Mix()
swap.register_full_backward_hook(lambda m, gi, go: (gi[1], gi[0] * 0))
a.grad = b.grad = None
swap(a, b).sum().backward()
print(a.grad, b.grad)
pp = Pair()
pp.register_full_backward_pre_hook(lambda m, go: (go[0] * 5, None if go[1] is None else go[1] * 7))
pp.register_full_backward_hook(lambda m, gi, go: print("pp full", vals(gi), vals(go)))
a.grad = b.grad = None
u, v = pp(a, b)
(u + v).sum().backward()
print(a.grad, b.grad)

# a Linear inside a user module that takes (x, h) with both requiring grad
torch.manual_seed(0)


class Cell(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)

    def forward(self, x, h):
        return torch.tanh(self.lin(x) + h)


cell = Cell()
cell.register_full_backward_hook(lambda m, gi, go: print("cell", [tuple(g.shape) for g in gi], gi[1]))
x = torch.randn(3, 2, requires_grad=True)
h = torch.randn(3, 2, requires_grad=True)
cell(x, h).sum().backward()
print(x.grad)
print(h.grad)
