import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(2, 3)
print(F.softmax(x), F.log_softmax(torch.randn(3)), F.softmax(torch.randn(2, 2, 2)).sum(0))
