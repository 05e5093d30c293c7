# The losses beside the seed's: margin ranking, hinge embedding, triplet margin (bit for bit:
# hashes of every element), and soft margin, cosine embedding, multilabel soft margin, Poisson
# and Gaussian NLL (printed: they call exp, log or sqrt, which PyTorch computes with MKL).
import torch
import torch.nn as nn
import torch.nn.functional as F


def digest(t):
    return hash(tuple(t.flatten().tolist()))


torch.manual_seed(0)
a, b = torch.randn(50, requires_grad=True), torch.randn(50, requires_grad=True)
t = torch.randint(0, 2, (50,)).float() * 2 - 1
for m in [nn.MarginRankingLoss(), nn.MarginRankingLoss(margin=0.5, reduction="sum"), nn.MarginRankingLoss(margin=0.2, reduction="none")]:
    a.grad = b.grad = None
    loss = m(a, b, t)
    loss.sum().backward()
    print(m, loss.shape, loss.grad_fn.name(), digest(loss), digest(a.grad), digest(b.grad))
x = torch.randn(6, 7, requires_grad=True)
y = torch.randint(0, 2, (6, 7)).float() * 2 - 1
for m in [nn.HingeEmbeddingLoss(), nn.HingeEmbeddingLoss(margin=0.3, reduction="none")]:
    x.grad = None
    loss = m(x, y)
    loss.sum().backward()
    print(m, digest(loss), digest(x.grad))
anc, pos, neg = (torch.randn(8, 16, requires_grad=True) for _ in range(3))
for m in [nn.TripletMarginLoss(), nn.TripletMarginLoss(margin=0.5, p=1, swap=True), nn.TripletMarginLoss(reduction="none", eps=1e-3)]:
    anc.grad = None
    loss = m(anc, pos, neg)
    loss.sum().backward()
    print(m, loss.grad_fn.name(), digest(loss), digest(anc.grad))
tm = nn.TripletMarginWithDistanceLoss(distance_function=lambda u, v: 1.0 - F.cosine_similarity(u, v), margin=0.4)
print(tm, round(tm(anc, pos, neg).item(), 4), digest(nn.TripletMarginWithDistanceLoss(reduction="none")(anc, pos, neg)))

# printed to four decimals
print(nn.SoftMarginLoss()(x, y), F.soft_margin_loss(x, y, reduction="none")[0])
u, v = torch.randn(5, 3), torch.randn(5, 3)
print(nn.CosineEmbeddingLoss()(u, v, torch.tensor([1, -1, 1, -1, 1])), F.cosine_embedding_loss(u, v, torch.tensor([1, 1, -1, -1, 1]), margin=0.2, reduction="none"))
print(F.cosine_embedding_loss(u[0], v[0], torch.tensor(-1)))
logits = torch.randn(4, 5, requires_grad=True)
labels = torch.randint(0, 2, (4, 5)).float()
ml = nn.MultiLabelSoftMarginLoss()
loss = ml(logits, labels)
loss.backward()
print(ml, loss, logits.grad[0], F.multilabel_soft_margin_loss(logits, labels, weight=torch.rand(5), reduction="none"))
rate = torch.randn(6)
counts = torch.poisson(torch.full((6,), 3.0)) if False else torch.tensor([0., 1., 2., 5., 3., 7.])
print(nn.PoissonNLLLoss()(rate, counts), nn.PoissonNLLLoss(log_input=False, full=True)(rate.exp(), counts), F.poisson_nll_loss(rate, counts, reduction="none"))
mu, target, var = torch.randn(4, 3), torch.randn(4, 3), torch.rand(4, 3) + 0.1
print(nn.GaussianNLLLoss()(mu, target, var), nn.GaussianNLLLoss(full=True, reduction="sum")(mu, target, var[:, 0]), F.gaussian_nll_loss(mu, target, 0.5))

# checks
for f in [lambda: F.margin_ranking_loss(a, b[:3].reshape(3, 1), t), lambda: nn.TripletMarginLoss(margin=0), lambda: F.triplet_margin_loss(anc, pos, neg[0]),
          lambda: F.cosine_embedding_loss(u, v, torch.ones(5, 1)), lambda: F.cosine_embedding_loss(u, v, torch.tensor(1.)),
          lambda: F.gaussian_nll_loss(mu, target, -1.0), lambda: F.gaussian_nll_loss(mu, target, torch.rand(2)), lambda: F.hinge_embedding_loss(x, y, reduction="avg"),
          lambda: nn.MarginRankingLoss(size_average=False)(a, b, t), lambda: F.poisson_nll_loss(rate, counts, reduction="max")]:
    try:
        r = f()
        print(r if not isinstance(r, torch.Tensor) else round(r.item(), 4))
    except Exception as e:
        print(type(e).__name__, e)
