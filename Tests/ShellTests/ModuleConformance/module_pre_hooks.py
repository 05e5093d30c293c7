# register_forward_pre_hook: inspecting and modifying the input tuple.
import torch
import torch.nn as nn


class Adder(nn.Module):
    def forward(self, a, b):
        return a + b


m = Adder()
seen = []


def show(module, args):
    seen.append((type(module).__name__, len(args), [t.tolist() for t in args]))


h = m.register_forward_pre_hook(show)
print(m(torch.tensor([1.0]), torch.tensor([2.0])))
print(seen)
h.remove()


def swap(module, args):
    a, b = args
    return (b * 10, a)


h = m.register_forward_pre_hook(swap)
print(m(torch.tensor([1.0]), torch.tensor([2.0])))
h.remove()
print(m(torch.tensor([1.0]), torch.tensor([2.0])))

lin = nn.Linear(2, 1)
with torch.no_grad():
    lin.weight.fill_(1.0)
    lin.bias.fill_(0.0)
h = lin.register_forward_pre_hook(lambda mod, inp: inp[0] * 2)
print(lin(torch.tensor([[1.0, 2.0]])))
h2 = lin.register_forward_pre_hook(lambda mod, inp: (inp[0] + 1,))
print(lin(torch.tensor([[1.0, 2.0]])))
h.remove()
h2.remove()
print(lin(torch.tensor([[1.0, 2.0]])))

order = []
seq = nn.Sequential(nn.Identity(), nn.Identity())
seq.register_forward_pre_hook(lambda mod, inp: order.append("pre seq"))
seq.register_forward_hook(lambda mod, inp, out: order.append("post seq"))
for i, child in enumerate(seq):
    child.register_forward_pre_hook(lambda mod, inp, i=i: order.append("pre %d" % i))
    child.register_forward_hook(lambda mod, inp, out, i=i: order.append("post %d" % i))
seq(torch.zeros(1))
print(order)
