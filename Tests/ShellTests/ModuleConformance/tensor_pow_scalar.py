# Tensor ** Python number: PyTorch's special cases (x*x*x for 3, 1/(x*x) for -2, ...) and pow's gradients.
import torch
torch.manual_seed(0)
x = torch.randn(2000)
print(torch.equal(x.pow(3), x*x*x), torch.equal(x ** 2, x * x), torch.equal(x ** -2, 1 / (x * x)), torch.equal(x ** -1, 1 / x))
print(torch.equal(x.abs() ** 0.5, x.abs().sqrt()), torch.equal(x.abs() ** -0.5, x.abs().rsqrt()))
print((x ** 3).sum().item(), (x.abs() ** 1.5).sum().item())
w = torch.randn(5, requires_grad=True)
(w ** 3).sum().backward(); print(w.grad.tolist())
w.grad = None; (w ** 0).sum().backward(); print(w.grad.tolist())
w.grad = None; (w.abs() ** 2.5).sum().backward(); print(w.grad.tolist())
e = torch.tensor([0., 1., 2., 3., 0.5], requires_grad=True)
z = torch.zeros(5, requires_grad=True)
(z ** e).sum().backward(); print(z.grad.tolist(), e.grad.tolist())
print(torch.tensor([2, 3]) ** 2, torch.tensor([4]) ** 0.5, 2 ** torch.tensor([1., 3.]))
a = torch.linspace(-2, 2, 200)
y = a + 0.5 * a ** 2 - 0.1 * a ** 3
print(y.sum().item(), (y ** 2).sum().item())
