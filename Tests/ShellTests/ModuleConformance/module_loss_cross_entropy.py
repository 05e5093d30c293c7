# nn.CrossEntropyLoss (mean/sum/none, weight=, ignore_index=) and nn.NLLLoss with LogSoftmax.
import torch
import torch.nn as nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3], [-1.0, 3.0, 0.0], [0.0, 0.0, 2.0]], requires_grad=True)
target = torch.tensor([0, 2, 1, 1])

ce = nn.CrossEntropyLoss()
print(ce)
loss = ce(logits, target)
print(round(loss.item(), 4), loss.grad_fn.name(), loss.shape)
loss.backward()
print(logits.grad)
print(round(nn.CrossEntropyLoss(reduction="sum")(logits, target).item(), 4))
per = nn.CrossEntropyLoss(reduction="none")(logits, target)
print(per)
w = torch.tensor([1.0, 2.0, 0.5])
wl = nn.CrossEntropyLoss(weight=w)
print(wl)
print(round(wl(logits, target).item(), 4))
print(nn.CrossEntropyLoss(weight=w, reduction="none")(logits, target))
ig = nn.CrossEntropyLoss(ignore_index=1)
print(round(ig(logits, target).item(), 4))
print(nn.CrossEntropyLoss(ignore_index=1, reduction="none")(logits, target))
print(nn.CrossEntropyLoss(ignore_index=-100).ignore_index, ce.reduction)

log_softmax = nn.LogSoftmax(dim=1)
nll = nn.NLLLoss()
print(log_softmax, nll)
lp = log_softmax(logits)
print(lp.grad_fn.name())
nl = nll(lp, target)
print(round(nl.item(), 4), nl.grad_fn.name())
print(torch.allclose(nl, ce(logits, target)))
print(nn.NLLLoss(reduction="none")(lp, target))
print(round(nn.NLLLoss(weight=w)(lp, target).item(), 4))

logits.grad = None
nn.CrossEntropyLoss(reduction="sum")(logits, target).backward()
print(logits.grad)
img = torch.zeros(1, 3, 2, 2)
img[0, 1] = 1.0
print(round(nn.CrossEntropyLoss()(img, torch.tensor([[[1, 0], [2, 1]]])).item(), 4))
