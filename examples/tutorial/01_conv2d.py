# 1. nn.Conv2d: convolve a photo with one random 3x3 kernel.
import os
import torch
import torch.nn as nn
from PIL import Image
import torchvision.transforms as transforms
from torchvision.utils import save_image

_ = torch.manual_seed(1)  # the tutorial's kernel is random; the seed makes the numbers repeatable

# ================================= load img ==================================
BASE_DIR = os.path.dirname(os.path.abspath(__file__))
path_img = os.path.join(BASE_DIR, "..", "astronaut.png")
img = Image.open(path_img).convert("RGB")  # 0~255
print("image size: {}, mode: {}".format(img.size, img.mode))

# convert to tensor
img_transform = transforms.Compose([transforms.ToTensor()])
img_tensor = img_transform(img)
img_tensor.unsqueeze_(dim=0)  # C*H*W to B*C*H*W
print("input shape: {}".format(img_tensor.shape))

# ================================= create convolution layer ==================================
conv_layer = nn.Conv2d(3, 1, 3)  # input:(i, o, size) weights:(o, i , h, w)
nn.init.xavier_normal_(conv_layer.weight.data)

# calculation
img_conv = conv_layer(img_tensor)

print("before convolution: {}\nafter convolution: {}".format(img_tensor.shape, img_conv.shape))
print("kernel shape: {}".format(conv_layer.weight.shape))

# ================================= visualization ==================================
# the feature map scaled to [0, 1], padded back to 512x512, next to the input
fmap = img_conv.detach()
fmap = (fmap - fmap.min()) / (fmap.max() - fmap.min())
fmap = nn.functional.pad(fmap, (1, 1, 1, 1)).repeat(1, 3, 1, 1)
os.makedirs(os.path.join(BASE_DIR, "out"), exist_ok=True)
save_image(torch.cat([img_tensor, fmap]), os.path.join(BASE_DIR, "out", "01_conv2d.png"), nrow=2)
print("saved out/01_conv2d.png")
