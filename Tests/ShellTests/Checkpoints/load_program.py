# Loads a checkpoint (path: sys.argv[1]) and prints what it holds, as PyTorch prints it.
import sys
import torch
import torch.nn as nn

ckpt = torch.load(sys.argv[1])
print(type(ckpt).__name__, list(ckpt.keys()))
sd = ckpt["state_dict"]
print(type(sd).__name__, list(sd.keys()))
for k, v in sd.items():
    print(k, v.dtype, tuple(v.shape), v.flatten()[:3])
torch.manual_seed(1)
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.Flatten(), nn.Linear(8, 3))
print(model.load_state_dict(sd))
print(torch.equal(model[3].bias, sd["3.bias"]), model[1].num_batches_tracked)
for k in ["view", "grid", "ints", "int32", "bytes", "mask", "double", "scalar", "param"]:
    print(k, repr(ckpt[k]))
view = ckpt["view"]
print(view.stride(), view.storage_offset(), view.is_contiguous())
ckpt["grid"][0, 1] = 100.0
print("shared storage:", view[0].tolist())
for k in ["epoch", "big", "negative", "lr", "name", "misc", "size", "dtype", "ordered"]:
    print(k, repr(ckpt[k]))
