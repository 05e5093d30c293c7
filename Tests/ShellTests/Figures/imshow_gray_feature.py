# Convolve a photo with one random 3x3 kernel and show the feature map in gray.
import os
import torch
import torch.nn as nn
import torchvision.transforms as transforms
from matplotlib import pyplot as plt
from PIL import Image

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(BASE_DIR, '..', '..', '..', 'examples', 'astronaut.png')

img = Image.open(PATH).convert('RGB')
img = img.resize((128, 128))
img_tensor = transforms.ToTensor()(img)
img_tensor.unsqueeze_(dim=0)  # C*H*W to B*C*H*W

torch.manual_seed(1)
conv = nn.Conv2d(3, 1, 3)
nn.init.xavier_normal_(conv.weight.data)
out = conv(img_tensor)

img_conv = out[0, 0].detach().numpy()
plt.imshow(img_conv, cmap='gray')
plt.show()
