import torch
# Found by the structured fuzzer: concatenating empty tensors with huge dims; slicing past int64.
a = torch.randn(10**9, 0, 2**32+1, 3)
b = torch.cat([a, a])
print(b.shape, b.stride())
print(b[-1].shape, b[-1].storage_offset(), b.select(0, 1999999999).storage_offset())
print(a[5*10**8:].storage_offset(), torch.cat([torch.empty(2**62, 0)] * 4).shape)
e = torch.zeros(0, 3, requires_grad=True)
torch.cat([e, e]).sum().backward()
print(e.grad.shape)
b[10**9]
