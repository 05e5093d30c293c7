# torchvision resnet50(num_classes=10): bottleneck repr, counts, fc, eval forward on a small input.
import torch
from torchvision import models

torch.manual_seed(0)
m = models.resnet50(num_classes=10)
print(m.layer1[0])
print(m.fc)
print(sum(p.numel() for p in m.parameters()))
print(sum(p.numel() for p in m.parameters() if p.requires_grad))
print(sum(b.numel() for b in m.buffers()))
print(len(list(m.modules())), len(m.state_dict()))
print([len(getattr(m, "layer%d" % i)) for i in range(1, 5)])
print(type(m.layer2[0]).__name__, m.layer2[0].expansion)
print(m.layer4[2].conv3.weight.shape, m.layer4[2].bn3.weight[:3])
print(m.fc.weight.shape, m.fc.bias.shape)
m.eval()
with torch.no_grad():
    out = m(torch.zeros(2, 3, 32, 32))
print(out.shape)
print(torch.equal(out[0], out[1]))
