# Found by the structured fuzzer: unsqueeze of an empty tensor with a 2**62 dim overflowed the new stride.
import torch
import torch.nn as nn
a = torch.randint(0, 3, (4, 0, 2**62))
print(a.shape, a.unsqueeze(0).shape, a.unsqueeze(1).unsqueeze(0).shape)
nn.Conv2d(3, 4, 3)(a)
