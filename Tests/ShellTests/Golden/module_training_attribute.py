import torch
import torch.nn as nn

# Assigning .training sets only this module's flag; train()/eval() set every child's.
m = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Sequential(nn.ReLU(), nn.MaxPool2d(2)))
m.training = False
print(m.training, m[0].training, m[1].training, m[1][0].training)
m.eval()
print(m.training, m[0].training, m[1].training, m[1][0].training)
m[1].training = True
print(m.training, m[0].training, m[1].training, m[1][0].training)
m.train()
print(m.training, m[0].training, m[1].training, m[1][0].training)
print(m)
