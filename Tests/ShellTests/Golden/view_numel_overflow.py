import torch
# every view re-checks that its sizes multiply within 64 bits (unsigned, in order), as TensorImpl does
a = torch.ones(2**62, 2, 0)
print(a.shape, torch.ones(2**62, 0, 2).permute(0, 2, 1).shape, torch.ones(2**62, 0, 4).permute(1, 0, 2).shape)
print(torch.ones(1, 1, 0).expand(2**62, 1, 0).shape, torch.ones(2**62, 0, 1).transpose(1, 2).shape)
torch.ones(2**62, 0, 4).permute(0, 2, 1)
