import torch.nn as nn
print(nn.init.calculate_gain('tanh', 'ignored'), nn.init.calculate_gain('leaky_relu', 2), nn.init.calculate_gain('leaky_relu', None))
nn.init.calculate_gain('leaky_relu', True)
