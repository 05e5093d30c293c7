# A small training loop over a shuffled DataLoader: Linear + MSELoss + SGD, losses per epoch.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.linspace(-1, 1, 12).unsqueeze(1)
y = 3 * x - 0.5
ds = TensorDataset(x, y)
loader = DataLoader(ds, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(1))
model = nn.Linear(1, 1)
print(round(model.weight.item(), 4), round(model.bias.item(), 4))
opt = torch.optim.SGD(model.parameters(), lr=0.2)
loss_fn = nn.MSELoss()
for epoch in range(5):
    total = 0.0
    for step, (xb, yb) in enumerate(loader):
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    print(epoch, step, round(total / len(ds), 4))
print(round(model.weight.item(), 4), round(model.bias.item(), 4))
with torch.no_grad():
    print(model(torch.tensor([[0.0], [1.0]])).round(decimals=4))
seen = 0
for xb, yb in DataLoader(ds, batch_size=5):
    seen += xb.shape[0]
print(seen, len(DataLoader(ds, batch_size=5)))
