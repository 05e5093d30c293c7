# torchvision AlexNet: repr, parameter counts, modules, seeded weights, eval forward shape, num_classes.
import torch
import torchvision
from torchvision import models

torch.manual_seed(0)
m = models.alexnet()
print(m)
print(type(m).__name__, type(m).__module__)
print(isinstance(m, torch.nn.Module), isinstance(m, models.AlexNet))
print(sum(p.numel() for p in m.parameters()))
print(len(list(m.modules())), len(list(m.children())), len(m.state_dict()))
print([n for n, _ in m.named_parameters()][:4])
print(m.features[0].weight.shape, m.classifier[6].weight.shape)
print(m.features[0].bias[:3].round(decimals=4))
print(m.features[0].weight[0, 0, 0, :4].round(decimals=4))
print(m.classifier[6].bias[:3].round(decimals=4))

m10 = models.AlexNet(num_classes=10, dropout=0.25)
print(m10.classifier)
print(sum(p.numel() for p in m10.parameters()))
m.eval()
with torch.no_grad():
    out = m(torch.zeros(1, 3, 64, 64))
print(out.shape)
print(out[0, :4].round(decimals=4))
print(m.avgpool, m.training, m.features[0].training)
print(torchvision.models.alexnet is models.alexnet)
