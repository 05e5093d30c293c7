# numpy <-> torch interop: torch.from_numpy/tensor(ndarray)/.numpy() dtype mapping, memory sharing, printing both sides.
import numpy as np
import torch

a = np.array([1.5, 2.5, 3.5])
t = torch.from_numpy(a)
print(t, t.dtype)
t[0] = 10.0
print(repr(a))
print(torch.tensor(np.arange(4)), torch.tensor(np.arange(4)).dtype)
print(torch.tensor(np.array([1.0, 2.0], dtype=np.float32)).dtype, torch.tensor(np.array([True, False])))
print(torch.as_tensor(np.array([[1, 2], [3, 4]], dtype=np.int32)))
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
n = x.numpy()
print(repr(n), n.dtype, n.shape)
n[0, 0] = -1.0
print(x)
print(repr(torch.arange(5).numpy()), repr(torch.tensor([True, False]).numpy()), repr(torch.tensor([1.5]).double().numpy()))
print(repr(torch.zeros(2, 3).numpy()), repr(torch.tensor(3.5).numpy()), repr(torch.tensor(7).item()))
print(repr(np.asarray(torch.tensor([1.0, 2.0]))))
print(repr(torch.tensor([1.5, 2.5]).tolist()), repr(torch.tensor([1.0, 2.0]).numpy().tolist()))
print(torch.from_numpy(np.array([0.1, 0.2], dtype=np.float32)) * 2)
print(torch.from_numpy(np.zeros((2, 2), dtype=np.int64)) + 1)
print(repr((torch.ones(3) * 2).numpy() + np.array([1.0, 2.0, 3.0])))
print(repr(np.float64(2.5) * torch.tensor([1.0, 2.0])), repr(torch.tensor([1.0, 2.0]) * np.float64(2.5)))
print(torch.tensor(np.float64(1.5)), torch.tensor(np.int64(3)), torch.tensor(np.float32(0.1)))
print(repr(torch.randn(2, 2, generator=torch.Generator().manual_seed(0)).numpy().round(4)))
np.random.seed(0)
print(torch.from_numpy(np.random.rand(3)).to(torch.float32))
print(repr(np.array(torch.tensor([[1, 2]]))), np.array(torch.tensor([[1, 2]])).dtype)
try:
    torch.from_numpy([1, 2])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1.0], requires_grad=True).numpy()
except Exception as e:
    print(type(e).__name__, e)
print(repr(torch.tensor([1.0], requires_grad=True).detach().numpy()))
