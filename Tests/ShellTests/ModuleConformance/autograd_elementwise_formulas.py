# Gradients of elementwise ops in derivatives.yaml's order of operations (div's denominator,
# reciprocal, rsqrt, square, pow), pow's vector and scalar paths (SLEEF's pow for whole vector
# steps, the tail in double for a Python exponent), hardsigmoid and hardswish in the tensor's dtype.
# (pow of a tensor to a tensor is left out: its exponent gradient takes log, which PyTorch computes with MKL.)
# Each value is hashed element by element, so any last-bit difference shows.
import torch
import torch.nn.functional as F


def digest(t):
    return hash(tuple(t.flatten().tolist()))


torch.manual_seed(0)
for dtype in (torch.float32, torch.float64):
    for n in (7, 100, 1000):
        a = torch.randn(n, dtype=dtype, requires_grad=True)
        b = (torch.rand(n, dtype=dtype) + 0.5).requires_grad_()
        g = torch.randn(n, dtype=dtype)
        cases = {
            "div": lambda: a / b, "mul": lambda: a * b, "reciprocal": lambda: torch.reciprocal(b), "rsqrt": lambda: torch.rsqrt(b),
            "square": lambda: torch.square(a), "pow2.5": lambda: b.pow(2.5), "pow0.75": lambda: b ** 0.75, "pow-1.3": lambda: torch.pow(b, -1.3),
            "pow3": lambda: a.pow(3), "hardsigmoid": lambda: F.hardsigmoid(a * 3),
            "hardswish": lambda: F.hardswish(a * 3), "softsign": lambda: F.softsign(a), "sigmoid": lambda: torch.sigmoid(a),
            "abs": lambda: a.abs(), "relu6": lambda: F.relu6(a * 4),
        }
        if dtype == torch.float32:  # float64 sigmoid is SLEEF's double exp in PyTorch, which nnsh does not call yet
            cases["glu"] = lambda: F.glu(torch.cat([a, b]).view(2, n), 0)
        else:
            del cases["sigmoid"]
        for name, f in cases.items():
            a.grad = b.grad = None
            y = f()
            y.backward(g if y.shape == g.shape else g[: y.numel()].reshape(y.shape))
            print(dtype, n, name, y.grad_fn.name(), digest(y), None if a.grad is None else digest(a.grad), None if b.grad is None else digest(b.grad))
x = torch.rand(3, 40) + 0.1
print(digest(x.pow(1.7)), digest(x.t().pow(1.7)), digest(x[:, ::2].pow(1.7)), digest(x.pow(torch.full((3, 40), 0.3))))
print(torch.tensor([0., -1., float("inf"), float("nan"), 2.]).pow(0.7), torch.tensor([4.]).pow(torch.tensor([0.5])))
