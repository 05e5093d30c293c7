# Tensor.unfold: sliding windows as a strided view (shapes, strides, sharing storage), its
# gradient (overlapping windows summed in window order) and PyTorch's checks.
import torch


def digest(t):
    return hash(tuple(t.flatten().tolist()))


x = torch.arange(12.).reshape(3, 4)
w = x.unfold(1, 2, 1)
print(w, w.shape, w.stride(), w.is_contiguous())
print(x.unfold(0, 2, 1), x.unfold(1, 3, 2).shape, x.unfold(-1, 4, 4), x.unfold(0, 3, 5).shape)
w[0, 0, 1] = 100.
print(x[0])
print(torch.tensor(5.).unfold(0, 1, 1), torch.tensor(5.).unfold(0, 0, 2).shape, torch.arange(10).unfold(0, 3, 3))
torch.manual_seed(0)
for size, step in [(3, 1), (2, 2), (4, 3), (1, 1), (5, 1)]:
    a = torch.randn(4, 9, 5, requires_grad=True)
    win = a.unfold(1, size, step)
    g = torch.randn(win.shape)
    win.backward(g)
    print(size, step, win.shape, win.grad_fn.name(), digest(win), digest(a.grad))
b = torch.randn(2, 3, 8, 8, dtype=torch.float64, requires_grad=True)
patches = b.unfold(2, 4, 4).unfold(3, 4, 4)
print(patches.shape, patches.stride())
(patches * torch.arange(patches.numel(), dtype=torch.float64).reshape(patches.shape)).sum().backward()
print(digest(b.grad))
for args in [(1, 5, 1), (1, 2, 0), (1, -1, 1), (2, 1, 1)]:
    try:
        x.unfold(*args)
    except Exception as e:
        print(type(e).__name__, e)
