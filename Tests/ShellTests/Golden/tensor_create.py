import torch
# tensor creation and dtype inference
a = torch.tensor([1, 2, 3])
b = torch.tensor([1.0, 2, 3])
c = torch.tensor([True, False])
d = torch.tensor([[1, 2], [3, 4]])
e = torch.tensor(3.5)
f = torch.tensor(7)
g = torch.tensor([])
h = torch.tensor([1, 2.5, True])
for t in [a, b, c, d, e, f, g, h]:
    print(t, t.dtype, t.shape, t.dim(), t.numel())
print(torch.tensor([1, 2], dtype=torch.float64), torch.tensor([1.7, -1.7], dtype=torch.int32), torch.tensor([0, 2], dtype=torch.bool))
print(torch.tensor([[1.5], [2.0]], dtype=torch.float16) if False else torch.tensor([300, -1], dtype=torch.uint8) if False else torch.tensor([3, 255], dtype=torch.uint8))
print(torch.tensor((1, 2)), torch.tensor([[1, 2], (3, 4)]))
print(torch.tensor(True), torch.tensor(-0.0), torch.tensor(1e-5), torch.tensor(123456789.0))
print(torch.get_default_dtype())
