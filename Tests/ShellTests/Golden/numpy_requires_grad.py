import torch
import torch.nn as nn
nn.Linear(3, 2)(torch.randn(1, 3)).numpy()
