# A LeNet-5 trained for a few epochs on a synthetic data set, in the style of PyTorch's
# beginner tutorials: nn.Module subclass, TensorDataset + DataLoader, CrossEntropyLoss, SGD.
# `nnsh train_lenet.py` and `python train_lenet.py` print the same lines (expected_output.txt).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)


class LeNet(nn.Module):
    def __init__(self, classes):
        super(LeNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)

    def forward(self, x):
        out = F.max_pool2d(F.relu(self.conv1(x)), 2)
        out = F.max_pool2d(F.relu(self.conv2(out)), 2)
        out = out.view(out.size(0), -1)
        out = F.relu(self.fc1(out))
        out = F.relu(self.fc2(out))
        return self.fc3(out)

    def initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.xavier_normal_(m.weight.data)
                if m.bias is not None:
                    m.bias.data.zero_()
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight.data, 0, 0.1)
                m.bias.data.zero_()


# Four classes: a bright square in one of the image's quadrants, on noise.
def make_data(n):
    images = torch.randn(n, 1, 32, 32) * 0.5
    labels = torch.randint(0, 4, (n,))
    for i in range(n):
        r, c = divmod(int(labels[i]), 2)
        images[i, 0, r * 16 + 4:r * 16 + 12, c * 16 + 4:c * 16 + 12] += 2.0
    return TensorDataset(images, labels)


train_loader = DataLoader(make_data(256), batch_size=32, shuffle=True)
valid_loader = DataLoader(make_data(64), batch_size=64)

net = LeNet(classes=4)
net.initialize_weights()
print(net)
print("parameters:", sum(p.numel() for p in net.parameters()))

criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)

for epoch in range(4):
    net.train()
    total, correct, loss_sum = 0, 0, 0.0
    for inputs, labels in train_loader:
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).squeeze().sum().item()
        loss_sum += loss.item()
    scheduler.step()
    net.eval()
    with torch.no_grad():
        inputs, labels = next(iter(valid_loader))
        valid_acc = (net(inputs).argmax(dim=1) == labels).float().mean().item()
    print("epoch {} loss {:.4f} train acc {:.2%} valid acc {:.2%} lr {}".format(
        epoch, loss_sum / len(train_loader), correct / total, valid_acc, scheduler.get_last_lr()[0]))
