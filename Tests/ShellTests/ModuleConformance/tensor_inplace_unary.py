# In-place unary ops, clamp_ and masked_fill_: values (inf.neg_() is -inf), graph nodes, gradients through the pre-op values.
import torch
x = torch.tensor([float("inf"), 1., -2.])
print(x.neg_(), x.abs_())
for op in ["exp_", "log_", "sqrt_", "sin_", "cos_", "tanh_", "sigmoid_", "relu_", "abs_", "neg_", "square_", "reciprocal_", "rsqrt_", "log1p_", "expm1_", "erf_", "floor_", "ceil_", "round_", "trunc_", "sign_", "exp2_", "log2_", "log10_"]:
    y0 = torch.tensor([0.5, 1.5, 2.25], requires_grad=True)
    y = y0 * 1
    try:
        r = getattr(y, op)()
        print(op, r is y, y, y.grad_fn.name())
        (y * torch.tensor([1., 2., 3.])).sum().backward()
        print(y0.grad)
    except Exception as e:
        print(op, type(e).__name__, e)
try:
    torch.tensor([1, 2]).exp_()
except Exception as e:
    print(type(e).__name__, e)
print(torch.tensor([-1, 2]).abs_(), torch.tensor([-1, 2]).neg_())
w = torch.tensor([0.5, -1.5, 2.25], requires_grad=True)
y = w * 2
y.clamp_(-1, 1)
print(y, y.grad_fn.name())
y.masked_fill_(torch.tensor([True, False, False]), 0.)
print(y, y.grad_fn.name())
y.sum().backward(); print(w.grad)
a = torch.zeros(3, requires_grad=True)
try:
    a.exp_()
except RuntimeError as e:
    print(e)
with torch.no_grad():
    a.exp_()
print(a)
x = torch.arange(6.).view(2, 3)
for args in [(torch.tensor([1, 0, 1]), 0.), (torch.tensor([True, False, True]), torch.tensor([1., 2.])), (torch.tensor([True, False, True]), torch.tensor(7.)), (torch.tensor([[True], [False]]), 5)]:
    for f in [lambda: x.masked_fill(*args), lambda: x.clone().masked_fill_(*args), lambda: torch.ones(3).masked_fill_(torch.ones(2, 3, dtype=torch.bool), 0.)]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
