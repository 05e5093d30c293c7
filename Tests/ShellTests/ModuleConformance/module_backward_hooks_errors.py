# Full backward hooks: error messages (wrong tuple lengths, non-None grads when no input requires grad,
# in-place on a hooked output, mixing hook kinds) and the warning for a module returning a list.
import warnings
import torch
import torch.nn as nn


# a module returning a list: the hooks are not called and a warning is emitted
class Listy(nn.Module):
    def forward(self, t):
        return [t * 2]


ls = Listy()
ls.register_full_backward_hook(lambda m, gi, go: print("Listy hook", gi))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    res = ls(torch.ones(2, requires_grad=True))
print(type(res).__name__, res[0].grad_fn.name(), [str(c.message) for c in caught])
res[0].sum().backward()
print("after Listy backward")

# errors: wrong tuple lengths, non-None grads when no input requires grad, in-place on the output, mixing hook kinds
attempts = []
bad = nn.Linear(2, 2)
bad.register_full_backward_hook(lambda m, gi, go: (gi[0], gi[0]))
attempts.append(("full length", lambda: bad(torch.ones(1, 2, requires_grad=True)).sum().backward()))
badpre = nn.Linear(2, 2)
badpre.register_full_backward_pre_hook(lambda m, go: (go[0], go[0]))
attempts.append(("pre length", lambda: badpre(torch.ones(1, 2)).sum().backward()))
noin = nn.Linear(2, 2)
noin.register_full_backward_hook(lambda m, gi, go: (torch.ones(1, 2),))
attempts.append(("no input grad", lambda: noin(torch.ones(1, 2)).sum().backward()))
inpl = nn.Linear(2, 2)
inpl.register_full_backward_hook(lambda m, gi, go: None)
attempts.append(("inplace", lambda: inpl(torch.ones(1, 2)).mul_(2)))
mixed = nn.Linear(2, 2)
mixed.register_full_backward_hook(lambda m, gi, go: None)
attempts.append(("mixed", lambda: mixed.register_backward_hook(lambda m, gi, go: None)))


class Inc(nn.Module):
    def forward(self, t):
        return t.add_(1)


inc = Inc()
inc.register_full_backward_pre_hook(lambda m, go: None)
attempts.append(("inplace input", lambda: inc(torch.ones(2, requires_grad=True) * 1)))
attempts.append(("inplace no grad", lambda: print(inc(torch.ones(2)))))
first = nn.Linear(2, 2)
first.register_backward_hook(lambda m, gi, go: None)
attempts.append(("mixed 2", lambda: first.register_full_backward_hook(lambda m, gi, go: None)))
for label, attempt in attempts:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            attempt()
        print(label, "no error")
    except RuntimeError as e:
        print(label, type(e).__name__, e)
