# torchvision resnet18/resnet34 via both import styles: reprs of parts, counts, seeded init, eval forward.
import torch
import torchvision.models as models
from torchvision.models import resnet34, ResNet

torch.manual_seed(0)
m = models.resnet18()
print(type(m).__name__, isinstance(m, ResNet))
print(m.conv1, m.bn1, m.relu, m.maxpool, m.avgpool, m.fc, sep="\n")
print(m.layer1)
print(m.layer2[0].downsample)
print(type(m.layer3[1]).__name__, m.layer3[1].stride if hasattr(m.layer3[1], "stride") else None)
print(sum(p.numel() for p in m.parameters()))
print(len(list(m.modules())), len(list(m.named_children())), len(m.state_dict()))
print(list(m.state_dict().keys())[:8])
print(m.conv1.weight[0, 0, 0, :4].round(decimals=4))
print(m.bn1.weight[:3], m.bn1.bias[:3], m.bn1.running_var[:3])
print(m.fc.weight[0, :4].round(decimals=4), m.fc.bias[:3].round(decimals=4))
print(m.layer1[0].bn2.weight[:3])
m.eval()
torch.manual_seed(1)
x = torch.randn(1, 3, 64, 64)
with torch.no_grad():
    out = m(x)
print(out.shape, out.dtype, out.requires_grad)
print(out[0, :4].round(decimals=4))
print(out.argmax().item())

m34 = resnet34(weights=None)
print(sum(p.numel() for p in m34.parameters()))
print([len(getattr(m34, "layer%d" % i)) for i in range(1, 5)])
print(m34.fc)
print(len(list(m34.modules())))
