# Embedding: repr, weight after manual_seed, padding_idx (positive and negative), gradient rows, errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
emb = nn.Embedding(5, 3)
print(emb)
print(emb.num_embeddings, emb.embedding_dim, emb.padding_idx)
print(emb.weight.round(decimals=4))
idx = torch.tensor([[0, 2, 2], [4, 1, 0]])
out = emb(idx)
print(out.shape, out.grad_fn.__class__.__name__)
print(out[1].round(decimals=4))
out.sum().backward()
print(emb.weight.grad)

torch.manual_seed(1)
ep = nn.Embedding(4, 2, padding_idx=1)
print(ep, ep.padding_idx)
print(ep.weight.round(decimals=4))
y = ep(torch.tensor([1, 3, 1, 0]))
(y * torch.tensor([[1.0, 2.0]])).sum().backward()
print(ep.weight.grad)

en = nn.Embedding(4, 2, padding_idx=-1)
print(en, en.padding_idx)
print(en.weight[3])
print(emb(torch.tensor(3)).shape)

w = torch.arange(8.0).reshape(4, 2).requires_grad_()
r = F.embedding(torch.tensor([3, 0, 3]), w)
print(r)
r.sum().backward()
print(w.grad)
pre = nn.Embedding.from_pretrained(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
print(pre, pre.weight.requires_grad)
print(pre(torch.tensor([1, 1, 0])))

for bad in [torch.tensor([5]), torch.tensor([-1])]:
    try:
        emb(bad)
    except IndexError as e:
        print("IndexError", e)
try:
    nn.Embedding(3, 2, padding_idx=3)
except AssertionError as e:
    print("AssertionError", e)
try:
    emb(torch.tensor([1.0]))
except RuntimeError as e:
    print("RuntimeError", str(e).splitlines()[0])
