# 3. nn.MaxPool2d and nn.AvgPool2d: downsample the photo by 2; divisor_override.
import os
import torch
import torch.nn as nn
from PIL import Image
import torchvision.transforms as transforms
from torchvision.utils import save_image

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
img = Image.open(os.path.join(BASE_DIR, "..", "astronaut.png")).convert("RGB")
img_tensor = transforms.ToTensor()(img)
img_tensor.unsqueeze_(dim=0)  # C*H*W to B*C*H*W
os.makedirs(os.path.join(BASE_DIR, "out"), exist_ok=True)

# ================================= maxpool ==================================
maxpool_layer = nn.MaxPool2d((2, 2), stride=(2, 2))  # input:(i, o, size) weights:(o, i , h, w)
img_pool = maxpool_layer(img_tensor)
print("before pooling: {}\nafter max pooling: {}".format(img_tensor.shape, img_pool.shape))
save_image(img_pool, os.path.join(BASE_DIR, "out", "03_maxpool.png"))

# ================================= avgpool ==================================
avgpool_layer = nn.AvgPool2d((2, 2), stride=(2, 2))
img_pool = avgpool_layer(img_tensor)
print("after average pooling: {}".format(img_pool.shape))
save_image(img_pool, os.path.join(BASE_DIR, "out", "03_avgpool.png"))
print("saved out/03_maxpool.png and out/03_avgpool.png")

# ================================= avgpool divisor_override ==================================
img_tensor = torch.ones((1, 1, 4, 4))
avgpool_layer = nn.AvgPool2d((2, 2), stride=(2, 2), divisor_override=3)
img_pool = avgpool_layer(img_tensor)
print("raw_img:\n{}\npooling_img:\n{}".format(img_tensor, img_pool))
