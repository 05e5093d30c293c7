# A beginner-tutorial training loop: Linear+ReLU classifier, CrossEntropyLoss, SGD.
import torch
import torch.nn as nn
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(2, 8)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        x = self.relu(self.fc1(x))
        return self.fc2(x)


torch.manual_seed(0)
inputs = torch.randn(12, 2)
labels = torch.tensor([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2])
inputs = inputs + torch.stack([labels.float() * 2.0, -labels.float()], dim=1)

net = Net()
print(net)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)

running_loss = 0.0
for epoch in range(20):
    optimizer.zero_grad()
    outputs = net(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    running_loss += loss.item()
    if epoch % 5 == 4:
        print("[%d] loss: %.4f" % (epoch + 1, running_loss / 5))
        running_loss = 0.0

print("Finished Training")
net.eval()
with torch.no_grad():
    outputs = net(inputs)
    _, predicted = torch.max(outputs.data, 1)
    total = labels.size(0)
    correct = (predicted == labels).sum().item()
print(predicted)
print("Accuracy: %d %%" % (100 * correct // total))
print(f"correct={correct} total={total}")
