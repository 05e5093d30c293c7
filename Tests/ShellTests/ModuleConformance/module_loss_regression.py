# MSELoss, L1Loss, SmoothL1Loss, BCELoss with sigmoid, BCEWithLogitsLoss: values, grad_fn, gradients.
import torch
import torch.nn as nn

pred = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
target = torch.tensor([[1.0, -1.5], [0.0, 0.25]])

for loss_fn in [nn.MSELoss(), nn.L1Loss(), nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=0.5), nn.MSELoss(reduction="sum")]:
    pred.grad = None
    loss = loss_fn(pred, target)
    loss.backward()
    print(loss_fn, round(loss.item(), 4), loss.grad_fn.name())
    print(pred.grad)

print(nn.L1Loss(reduction="none")(pred, target))
print(nn.MSELoss(reduction="none")(pred, target))
print(nn.SmoothL1Loss(reduction="none")(pred, target))

logits = torch.tensor([1.0, -2.0, 0.5, 3.0], requires_grad=True)
labels = torch.tensor([1.0, 0.0, 0.0, 1.0])
probs = torch.sigmoid(logits)
bce = nn.BCELoss()
print(bce)
l1 = bce(probs, labels)
print(round(l1.item(), 4), l1.grad_fn.name())
l1.backward()
print(logits.grad)
logits.grad = None
bwl = nn.BCEWithLogitsLoss()
print(bwl)
l2 = bwl(logits, labels)
print(round(l2.item(), 4), l2.grad_fn.name())
l2.backward()
print(logits.grad)
print(torch.allclose(l1, l2))
print(nn.BCEWithLogitsLoss(reduction="none")(logits, labels))
print(round(nn.BCELoss(weight=torch.tensor([1.0, 2.0, 1.0, 0.5]))(probs, labels).item(), 4))
print(round(nn.BCEWithLogitsLoss(reduction="sum")(logits, labels).item(), 4))
