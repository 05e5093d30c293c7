# 6. Activation layers: Sigmoid, Tanh, ReLU, LeakyReLU, PReLU, RReLU on a few values.
import torch
import torch.nn as nn

_ = torch.manual_seed(1)  # RReLU draws its negative slopes at random in training mode

x = torch.tensor([-3., -1., -0.5, 0., 0.5, 1., 3.])

for layer in [nn.Sigmoid(), nn.Tanh(), nn.ReLU(), nn.LeakyReLU(0.1), nn.PReLU(), nn.RReLU()]:
    print("{}:\n{}".format(layer, layer(x)))

# RReLU uses the mean slope (lower + upper) / 2 in eval mode
rrelu = nn.RReLU(0.1, 0.3)
rrelu.eval()
print("RReLU eval: {}".format(rrelu(x)))

# derivatives through autograd
x.requires_grad_()
y = torch.sigmoid(x)
y.sum().backward()
print("sigmoid'(x): {}".format(x.grad))
