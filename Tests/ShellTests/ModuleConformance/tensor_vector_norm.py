# Tensor.norm / torch.norm / torch.linalg.vector_norm in ATen's reduction order (8 float lanes for p=2 over the last dim, sequential folds otherwise), gradients, errors; number / tensor as reciprocal * number.
import torch
torch.manual_seed(0)
t = torch.randn(1000) * 3
print((7.0 / (t.abs() + 1e-6))[:5].tolist())
print(t.norm().item(), t.norm(1).item(), t.norm(float('inf')).item(), t.view(10, 100).norm().item(), torch.stack([t.norm(), t[:10].norm()]).norm().item())
print(torch.randn(64, 300).norm().item(), torch.randn(7).norm(3).item())
x = torch.randn(6, 50)
print(x.norm(dim=1).tolist()[:3], x.norm(dim=0)[:3].tolist(), x.t().norm().item(), x.norm(p=1, dim=1)[:2].tolist(), x.norm(3, dim=(0, 1)).item())
print(torch.linalg.vector_norm(x, ord=float('inf')).item(), torch.linalg.norm(x).item(), torch.norm(x, dim=1, keepdim=True).shape, torch.randn(100000).norm(1).item(), torch.randn(70000).norm(float('inf')).item())
print(torch.randn(10, dtype=torch.float64).norm().item(), torch.randn(40000).norm().item(), torch.randn(5).norm(0).item(), torch.randn(5).norm(-1).item())
w = torch.randn(4, 3, requires_grad=True)
for p in [2, 1, float('inf'), 3, 0.5, 1.5]:
    w.grad = None
    w.norm(p).backward(); print(p, w.grad[0].tolist())
w.grad = None; w.norm(dim=1).sum().backward(); print(w.grad[0].tolist(), w.norm().grad_fn.name())
for f in [lambda: torch.ones(3, dtype=torch.long).norm(), lambda: torch.zeros(0).norm(float('inf'))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(torch.zeros(0).norm(), torch.zeros(3, requires_grad=True).norm())
import torch
x = torch.tensor([3., 7.], requires_grad=True)
y = 2 / x
print(y, (1 / torch.tensor([3, 4])))
def f(t):
    return 5.0 / t
for _ in range(3): z = f(x)
print(z)
