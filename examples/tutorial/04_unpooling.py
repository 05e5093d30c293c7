# 4. nn.MaxUnpool2d: put pooled values back where the maxima were.
import os
import torch
import torch.nn as nn
from PIL import Image
import torchvision.transforms as transforms
from torchvision.utils import save_image

_ = torch.manual_seed(1)  # randint and randn below are random; the seed makes them repeatable

# ================================= small example ==================================
img_tensor = torch.randint(high=5, size=(1, 1, 4, 4), dtype=torch.float)
maxpool_layer = nn.MaxPool2d((2, 2), stride=(2, 2), return_indices=True)
img_pool, indices = maxpool_layer(img_tensor)

# unpooling other data with the same indices
img_reconstruct = torch.randn_like(img_pool, dtype=torch.float)
maxunpool_layer = nn.MaxUnpool2d((2, 2), stride=(2, 2))
img_unpool = maxunpool_layer(img_reconstruct, indices)

print("raw_img:\n{}\nimg_pool:\n{}".format(img_tensor, img_pool))
print("indices:\n{}".format(indices))
print("img_reconstruct:\n{}\nimg_unpool:\n{}".format(img_reconstruct, img_unpool))

# ================================= the photo ==================================
BASE_DIR = os.path.dirname(os.path.abspath(__file__))
img = Image.open(os.path.join(BASE_DIR, "..", "astronaut.png")).convert("RGB")
photo = transforms.ToTensor()(img).unsqueeze(0)
pooled, where = nn.MaxPool2d(2, stride=2, return_indices=True)(photo)
unpooled = nn.MaxUnpool2d(2, stride=2)(pooled, where)
print("photo: {} -> pooled: {} -> unpooled: {}".format(photo.shape, pooled.shape, unpooled.shape))
print("nonzero after unpooling: {:.2%}".format((unpooled != 0).float().mean().item()))

# other data through the same indices: random values land where the photo's maxima were
noise = torch.rand_like(pooled)
unpooled_noise = nn.MaxUnpool2d(2, stride=2)(noise, where)
os.makedirs(os.path.join(BASE_DIR, "out"), exist_ok=True)
save_image(torch.cat([photo, unpooled, unpooled_noise]), os.path.join(BASE_DIR, "out", "04_unpooling.png"), nrow=3)
print("saved out/04_unpooling.png")
