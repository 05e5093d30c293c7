# Nested reprs: user classes inside user classes, Sequential inside a class, extra_repr, __repr__.
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, padding=1)
        self.bn = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


class Scale(nn.Module):
    def __init__(self, factor):
        super().__init__()
        self.factor = factor

    def extra_repr(self):
        return "factor={}".format(self.factor)

    def forward(self, x):
        return x * self.factor


class Named(nn.Module):
    def __repr__(self):
        return "Named<custom>"


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = Block(3, 8)
        self.body = nn.Sequential(Block(8, 16), nn.MaxPool2d(2), Scale(0.5))
        self.head = nn.Sequential()
        self.named = Named()
        self.empty = Scale(2)

    def forward(self, x):
        return self.body(self.stem(x))


enc = Encoder()
print(enc)
print(repr(enc.body[2]))
print(str(Scale(3)))
print(enc.named)
print(nn.Sequential())
print(Block(1, 2).extra_repr() == "")
print(nn.Linear(3, 4).extra_repr())
print(nn.Conv2d(1, 2, 3, stride=2).extra_repr())
torch.manual_seed(0)
print(enc(torch.randn(1, 3, 8, 8)).shape)
