# torch.nn.utils: clip_grad_norm_ (2, inf and 1 norms), clip_grad_value_, get_total_norm, parameters_to_vector/vector_to_parameters.
import torch, torch.nn as nn
from torch.nn.utils import clip_grad_norm_, parameters_to_vector, vector_to_parameters
import torch.nn.utils
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(10, 20), nn.Tanh(), nn.Linear(20, 3))
x = torch.randn(16, 10); y = torch.randint(0, 3, (16,))
loss = nn.CrossEntropyLoss()(net(x), y) * 50
loss.backward()
print(clip_grad_norm_(net.parameters(), max_norm=1.0))
print(torch.nn.utils.get_total_norm([p.grad for p in net.parameters()]))
print(net[0].bias.grad[:5])
print(nn.utils.clip_grad_norm_(net.parameters(), 0.5, norm_type=float('inf')), net[2].bias.grad)
print(nn.utils.clip_grad_norm_(net[2].weight, 100.0, norm_type=1))
nn.utils.clip_grad_value_(net.parameters(), 0.01); print(net[2].bias.grad)
v = parameters_to_vector(net.parameters()); print(v.shape, v[:4])
vector_to_parameters(v * 0 + 1, net.parameters()); print(net[0].weight[0, :3])
net[0].weight.grad[0, 0] = float('nan')
try:
    clip_grad_norm_(net.parameters(), 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print(e)
print(clip_grad_norm_([], 1.0))
