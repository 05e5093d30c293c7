# Ends with an uncaught AttributeError from Module.__getattr__.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)

    def forward(self, x):
        return self.classifier(x)


net = Net()
print(net)
print(net.fc1.out_features)
net(torch.ones(1, 4))
