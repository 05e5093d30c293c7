import torch
# torch.autograd.grad with create_graph=True: higher-order gradients
u = torch.tensor(2.0, requires_grad=True)
v = u ** 3
(du,) = torch.autograd.grad(v, u, create_graph=True)
print(du)
(d2u,) = torch.autograd.grad(du, u)
print(d2u)
