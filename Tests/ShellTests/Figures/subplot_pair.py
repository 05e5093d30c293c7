# The course's picture pair: the input on the left, the feature map on the right.
import os
import torch
import torch.nn as nn
import torchvision.transforms as transforms
from matplotlib import pyplot as plt
from PIL import Image

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(BASE_DIR, '..', '..', '..', 'examples', 'astronaut.png')

img_raw = Image.open(PATH).convert('RGB').resize((128, 128))
img_tensor = transforms.ToTensor()(img_raw)
img_tensor.unsqueeze_(dim=0)

torch.manual_seed(1)
conv = nn.Conv2d(3, 1, 3)
nn.init.xavier_normal_(conv.weight.data)
img_conv = conv(img_tensor)[0, 0].detach().numpy()

plt.subplot(122).imshow(img_conv, cmap='gray')
plt.subplot(121).imshow(img_raw)
plt.show()
