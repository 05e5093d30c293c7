import torch.nn as nn
nn.Sequential().add_module('training', nn.ReLU())
