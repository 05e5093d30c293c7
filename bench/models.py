# Model-level workloads of issue 21, timed the same way by nnsh and by PyTorch: this one script runs
# under both (`nnsh bench/models.py` and `python bench/models.py`), so both sides build the same
# networks from the same code. Rules as ../shared/bench/WORKLOADS.md: float32, 2 threads, inputs
# made once, two warm-up calls, then the median of 15 timed calls (5 when one call takes over 100 ms).
# Prints `NAME<TAB>MEDIAN_MS` per workload; `scripts/bench-models.sh` puts the two side by side.
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
import torchvision

torch.set_num_threads(2)
torch.manual_seed(0)


def timed(f):
    f()
    f()
    start = time.perf_counter()
    f()
    one = time.perf_counter() - start
    n = 5 if one > 0.1 else 15
    times = []
    for _ in range(n):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[n // 2] * 1e3


class LeNet(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def lenet_train_step():
    net = LeNet()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(64, 1, 32, 32)
    y = torch.randint(0, 10, (64,))

    def step():
        optimizer.zero_grad()
        loss = criterion(net(x), y)
        loss.backward()
        optimizer.step()
    return step


def resnet18_forward():
    model = torchvision.models.resnet18()
    model.eval()
    x = torch.randn(8, 3, 224, 224)

    def forward():
        with torch.no_grad():
            model(x)
    return forward


def batchnorm2d_forward_backward():
    bn = nn.BatchNorm2d(64)
    x = torch.randn(32, 64, 56, 56).requires_grad_()

    def step():
        bn.zero_grad()
        x.grad = None
        bn(x).sum().backward()
    return step


def dataloader_epoch():
    data = TensorDataset(torch.randn(10000, 3, 8, 8), torch.randint(0, 10, (10000,)))
    loader = DataLoader(data, batch_size=64, shuffle=True)

    def epoch():
        for xb, yb in loader:
            pass
    return epoch


workloads = [
    ("lenet_train_step_b64_32", lenet_train_step),
    ("resnet18_forward_b8_224", resnet18_forward),
    ("batchnorm2d_fwd_bwd_32x64x56x56", batchnorm2d_forward_backward),
    ("dataloader_epoch_10k_b64", dataloader_epoch),
]

wanted = sys.argv[1] if len(sys.argv) > 1 else ""
for name, make in workloads:
    if wanted in name:
        print("{}\t{:.4f}".format(name, timed(make())))
