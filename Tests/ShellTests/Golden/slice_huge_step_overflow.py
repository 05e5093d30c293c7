import torch
c = torch.arange(4.)
a = c[3::9223372036854775807]
print(a, a.shape, a.stride(), a.storage_offset(), a + 1)
c[2::9223372036854775807]
