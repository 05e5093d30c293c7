# Found by the structured fuzzer: dim-wise operations on 0-d tensors indexed an empty shape.
# PyTorch lets dims 0 and -1 stand for a 0-d tensor's one element in reductions.
import torch
x = torch.tensor(1.5)
print(x.sum(0), x.sum(-1, keepdim=True), x.mean(0), x.prod(0), x.std(0), x.var(0))
print(x.max(0))
print(x.min(-1, keepdim=True))
print(x.argmax(0), x.argmin(0, keepdim=True), x.norm(dim=0), x.norm(p=1, dim=0))
print((x > 1).all(0), (x > 1).any(0))
print(x.topk(1, 0))
print(x.topk(0))
print(x.sort(0), x.cumsum(0), x.squeeze(0), x.flatten(0, 0), x.transpose(0, 0))
print(torch.stack([x, x], 0), x.softmax(0), x.log_softmax(-1))
y = torch.tensor(2.0, requires_grad=True)
(y.sum(0) * 3).backward()
print(y.grad)
y.grad = None
y.max(0).values.backward()
print(y.grad)
y.grad = None
y.mean(0, keepdim=True).backward()
print(y.grad)
print(torch.ones(3).topk(3))
