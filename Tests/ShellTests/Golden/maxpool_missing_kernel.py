import torch.nn as nn
nn.MaxPool2d()
