# 2. nn.ConvTranspose2d: a transposed convolution upsamples the photo (stride 2).
import os
import torch
import torch.nn as nn
from PIL import Image
import torchvision.transforms as transforms
from torchvision.utils import save_image

_ = torch.manual_seed(1)  # the tutorial's kernel is random; the seed makes the numbers repeatable

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
img = Image.open(os.path.join(BASE_DIR, "..", "astronaut.png")).convert("RGB")
img_tensor = transforms.ToTensor()(img)
img_tensor.unsqueeze_(dim=0)  # C*H*W to B*C*H*W

# ================================= transposed convolution ==================================
conv_layer = nn.ConvTranspose2d(3, 1, 3, stride=2)  # input:(i, o, size)
nn.init.xavier_normal_(conv_layer.weight.data)
img_conv = conv_layer(img_tensor)

print("before transposed convolution: {}\nafter transposed convolution: {}".format(img_tensor.shape, img_conv.shape))
print("output size = (512 - 1) * 2 + 3 = {}".format((512 - 1) * 2 + 3))

# ================================= visualization ==================================
fmap = img_conv.detach()
fmap = (fmap - fmap.min()) / (fmap.max() - fmap.min())
os.makedirs(os.path.join(BASE_DIR, "out"), exist_ok=True)
save_image(fmap, os.path.join(BASE_DIR, "out", "02_conv_transpose2d.png"))
print("saved out/02_conv_transpose2d.png")
