# register_full_backward_hook / register_full_backward_pre_hook: grad_input/grad_output tuples, None entries,
# replacing gradients, handle.remove(), firing order, prepend=True, forward hooks, one-of-two inputs, errors.
import warnings
import torch
import torch.nn as nn


def desc(grads):
    return [None if g is None else tuple(g.shape) for g in grads]


torch.manual_seed(0)
lin = nn.Linear(3, 2)
log = []
h = lin.register_full_backward_hook(lambda m, gi, go: log.append((type(m).__name__, len(gi), len(go), desc(gi), desc(go), gi[0], go[0])))
x = torch.randn(4, 3, requires_grad=True)
out = lin(x)
print(out.grad_fn.name(), out.grad_fn.next_functions[0][0].name(), out.requires_grad)
out.sum().backward()
for entry in log:
    print(entry)
print(x.grad)
print(type(h).__name__)

# the input does not require grad: the hook fires at the output with grad_input == (None,) and a warning
log.clear()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    lin(torch.ones(1, 3)).sum().backward()
print(log[0][:5], log[0][6])
print([type(w.message).__name__ for w in caught], str(caught[0].message)[:80])
h.remove()
log.clear()
lin(x).sum().backward()
print(log)

# hooks are captured when the module is called: removing/adding after forward does not affect that graph
out = lin(x)
h = lin.register_full_backward_hook(lambda m, gi, go: print("late hook"))
out.sum().backward()
out = lin(x)
h.remove()
out.sum().backward(retain_graph=True)
out.sum().backward()
with torch.no_grad():
    print(lin(x).grad_fn)

# a hook returning a replacement grad_input: scales the leaf's .grad
conv = nn.Conv2d(1, 2, 3)
img = torch.randn(1, 1, 4, 4, requires_grad=True)
conv(img).sum().backward()
plain = img.grad.clone()
img.grad = None
seen = []
hc = conv.register_full_backward_hook(lambda m, gi, go: seen.append((desc(gi), desc(go))) or (gi[0] * 10,))
y = conv(img)
print(y.grad_fn.name())
y.sum().backward()
print(seen, torch.allclose(img.grad, plain * 10))
print(conv.weight.grad.shape, conv.bias.grad)
hc.remove()

# pre-hooks (grad_output) and full hooks with several hooks, prepend=True, and forward hooks
relu = nn.ReLU()
order = []
relu.register_forward_hook(lambda m, i, o: order.append(("fwd", i[0].grad_fn.name(), o.grad_fn.name())))
relu.register_full_backward_pre_hook(lambda m, go: order.append(("pre1", go[0].tolist())))
relu.register_full_backward_pre_hook(lambda m, go: order.append(("pre2", go[0].tolist())) or (go[0] * 2,))
relu.register_full_backward_pre_hook(lambda m, go: order.append(("pre0", go[0].tolist())), prepend=True)
relu.register_full_backward_hook(lambda m, gi, go: order.append(("full1", gi[0].tolist(), go[0].tolist())))
relu.register_full_backward_hook(lambda m, gi, go: order.append(("full0", gi[0].tolist())), prepend=True)
relu.register_full_backward_hook(lambda m, gi, go: order.append(("full2", gi[0].tolist())) or (gi[0] + 1,))
v = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
r = relu(v)
print(r, r.grad_fn.name())
(r * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
for entry in order:
    print(entry)
print(v.grad)


# a user module with a tensor and a non-tensor argument, and two tensors of which only one requires grad
class Scale(nn.Module):
    def forward(self, a, k, b):
        return a * k + b


sc = Scale()
sc.register_full_backward_hook(lambda m, gi, go: print("Scale", len(gi), desc(gi), gi[0], desc(go)))
a = torch.tensor([1.0, 2.0], requires_grad=True)
sc(a, 3.0, torch.tensor([5.0, 6.0])).sum().backward()
print(a.grad)

# inside nn.Sequential: children fire last-to-first, then the container when its input's grad is ready
torch.manual_seed(1)
seq = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
fired = []
for name, child in seq.named_children():
    child.register_full_backward_hook(lambda m, gi, go, name=name: fired.append((name, desc(gi), desc(go))))
seq.register_full_backward_hook(lambda m, gi, go: fired.append(("seq", desc(gi), desc(go))))
seq.register_full_backward_pre_hook(lambda m, go: fired.append(("seq pre", desc(go))))
inp = torch.randn(5, 2, requires_grad=True)
seq(inp).mean().backward()
for entry in fired:
    print(entry)
fired.clear()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    seq(torch.randn(5, 2)).mean().backward()
print(fired)

# a forward hook replacing the output: grad_output is taken w.r.t. the replaced output
dbl = nn.Identity()
dbl.register_forward_hook(lambda m, i, o: o * 2)
dbl.register_full_backward_hook(lambda m, gi, go: print("Identity", gi, go))
w = torch.tensor([1.0, -1.0], requires_grad=True)
z = dbl(w)
print(z, z.grad_fn.name(), z.grad_fn.next_functions[0][0].name())
(z * 3).sum().backward()
print(w.grad)

