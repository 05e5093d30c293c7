# Layers nnsh writes in Python over its ops: padding modules, pixel and channel shuffles,
# instance norm, local response norm, RMS norm, distances, alpha dropout, GLU, Softmax2d,
# torch.finfo/iinfo. Values are hashed element by element, so they must match bit for bit.
import torch
import torch.nn as nn
import torch.nn.functional as F


def digest(t):
    return hash(tuple(t.flatten().tolist()))


def attempt(f):
    try:
        r = f()
        print(r.shape if isinstance(r, torch.Tensor) else r)
    except Exception as e:
        print(type(e).__name__, e)


torch.manual_seed(0)
x = torch.randn(2, 3, 4, 5, requires_grad=True)
pads = [nn.ZeroPad2d(1), nn.ZeroPad2d((1, 2, 0, 3)), nn.ConstantPad2d((2, 1, 1, 0), 3.5), nn.ReflectionPad2d(2),
        nn.ReplicationPad2d((1, 0, 2, 1)), nn.CircularPad2d(1)]
for m in pads:
    y = m(x)
    (y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
    print(m, y.shape, digest(y), digest(x.grad))
    x.grad = None
x1 = torch.randn(2, 3, 6)
for m in [nn.ZeroPad1d((2, 1)), nn.ConstantPad1d(2, -1), nn.ReflectionPad1d(3), nn.ReplicationPad1d(2), nn.CircularPad1d((1, 2))]:
    print(m, m(x1).shape, digest(m(x1)))
x3 = torch.randn(1, 2, 3, 4, 3)
for m in [nn.ZeroPad3d(1), nn.ConstantPad3d((1, 0, 0, 1, 1, 0), 2), nn.ReflectionPad3d(1), nn.ReplicationPad3d((1, 1, 0, 0, 2, 0)), nn.CircularPad3d(1)]:
    print(m, m(x3).shape, digest(m(x3)))
attempt(lambda: nn.CircularPad2d(1)(torch.randn(5)))
attempt(lambda: nn.ReflectionPad2d(4)(x))

# shuffles
ps = nn.PixelShuffle(2)
s = torch.randn(2, 8, 3, 3, requires_grad=True)
y = ps(s)
(y * torch.arange(y.numel()).reshape(y.shape)).sum().backward()
print(ps, y.shape, digest(y), digest(s.grad), y.is_contiguous())
pu = nn.PixelUnshuffle(3)
print(pu, pu(torch.arange(36.).reshape(1, 1, 6, 6)))
print(torch.equal(pu(ps(s)).detach() if False else F.pixel_unshuffle(F.pixel_shuffle(s, 2), 2), s))
print(F.pixel_shuffle(torch.arange(16.).reshape(4, 2, 2), 2))
cs = nn.ChannelShuffle(3)
print(cs, cs(torch.arange(12.).reshape(1, 6, 2, 1)).flatten())
attempt(lambda: F.pixel_shuffle(torch.randn(1, 3, 2, 2), 2))
attempt(lambda: F.pixel_shuffle(torch.randn(3, 2), 2))
attempt(lambda: F.pixel_shuffle(torch.randn(1, 4, 2, 2), 0))
attempt(lambda: F.pixel_unshuffle(torch.randn(1, 1, 5, 4), 2))
attempt(lambda: F.pixel_unshuffle(torch.randn(1, 1, 4, 5), 2))
attempt(lambda: F.channel_shuffle(torch.randn(1, 5, 2), 2))
attempt(lambda: F.channel_shuffle(torch.randn(1, 4, 2), 0))

# instance norm
for m in [nn.InstanceNorm2d(3), nn.InstanceNorm2d(3, affine=True), nn.InstanceNorm2d(3, track_running_stats=True, momentum=0.3),
          nn.InstanceNorm1d(4, eps=1e-3), nn.InstanceNorm3d(2, affine=True, track_running_stats=True)]:
    inp = torch.randn({1: (3, 4, 7), 2: (2, 3, 4, 5), 3: (2, 2, 3, 3, 4)}[m._get_no_batch_dim() - 1], requires_grad=True)
    y = m(inp)
    y.pow(2).sum().backward()
    print(m, y.shape, digest(y), digest(inp.grad), None if m.running_mean is None else digest(m.running_mean),
          None if m.running_var is None else digest(m.running_var), [n for n, _ in m.named_parameters()], [n for n, _ in m.named_buffers()])
m = nn.InstanceNorm2d(3, track_running_stats=True)
m(torch.randn(2, 3, 4, 4))
m.eval()
print(digest(m(torch.randn(2, 3, 4, 4))), m.num_batches_tracked, digest(m(torch.randn(3, 4, 4))))
attempt(lambda: nn.InstanceNorm2d(3)(torch.randn(2, 3, 1, 1)))
attempt(lambda: nn.InstanceNorm2d(3)(torch.randn(3, 4)))
attempt(lambda: nn.InstanceNorm2d(3, affine=True)(torch.randn(2, 4, 3, 3)))
print(digest(F.instance_norm(torch.randn(2, 3, 5))), nn.InstanceNorm1d(3).state_dict())

# local response norm, RMS norm
lrn = nn.LocalResponseNorm(3)
a = torch.randn(2, 5, 4, 4, requires_grad=True)
y = lrn(a)
y.sum().backward()
print(lrn, digest(y), digest(a.grad))
# (beta=0.5 would be pow(0.5), which PyTorch computes as MKL's vsSqrt: not reproducible, docs/numerics.md)
print(digest(F.local_response_norm(torch.randn(2, 6, 7), 2, alpha=1e-2, beta=0.6, k=2.0)), digest(nn.LocalResponseNorm(4)(torch.randn(1, 4, 2, 3, 3))))
attempt(lambda: F.local_response_norm(torch.randn(3, 4), 2))
r = nn.RMSNorm(5)
a = torch.randn(3, 4, 5, requires_grad=True)
y = r(a)
y.sum().backward()
print(r, nn.RMSNorm((4, 5), eps=1e-5, elementwise_affine=False), digest(y), digest(a.grad), digest(r.weight.grad), y.grad_fn.name())
print(digest(F.rms_norm(torch.randn(2, 3, 4, dtype=torch.float64), (3, 4))), digest(torch.rms_norm(torch.randn(6, 8), [8], torch.rand(8), 1e-3)))
attempt(lambda: F.rms_norm(torch.randn(3, 4), (5,)))

# distances
cos = nn.CosineSimilarity(dim=1, eps=1e-6)
u, v = torch.randn(4, 7, requires_grad=True), torch.randn(4, 7, requires_grad=True)
y = cos(u, v)
y.sum().backward()
print(cos, y, digest(u.grad), digest(v.grad))
print(F.cosine_similarity(torch.randn(3, 1, 5), torch.randn(1, 4, 5), dim=-1).shape, torch.cosine_similarity(torch.zeros(2, 3), torch.ones(2, 3)))
print(F.cosine_similarity(torch.randn(5, 3, dtype=torch.float64), torch.randn(5, 3, dtype=torch.float64), dim=0))
pd = nn.PairwiseDistance(p=2)
y = pd(u, v)
print(pd, y, digest(nn.PairwiseDistance(p=1, keepdim=True)(u, v)), digest(F.pairwise_distance(u, v, 3.0)), F.pairwise_distance(torch.randn(5), torch.randn(5)))

# alpha dropout: the mask is drawn from the generator as PyTorch draws it
ad = nn.AlphaDropout(0.3)
torch.manual_seed(1)
h = torch.randn(4, 6, requires_grad=True)
y = ad(h)
y.sum().backward()
print(ad, digest(y), digest(h.grad), torch.randn(2))
fad = nn.FeatureAlphaDropout(0.4)
print(fad, digest(fad(torch.randn(3, 5, 2, 2))), torch.randn(1))
ad.eval()
print(torch.equal(ad(h), h), digest(F.alpha_dropout(torch.randn(10), 0.5, True)), F.alpha_dropout(torch.ones(3), 1.0, True), F.alpha_dropout(torch.ones(3), 0.0, True))
attempt(lambda: nn.AlphaDropout(1.5))
attempt(lambda: F.feature_alpha_dropout(torch.ones(3), 0.5, True))

# GLU, Softmax2d
g = nn.GLU()
a = torch.randn(3, 10, requires_grad=True)
y = g(a)
y.sum().backward()
print(g, digest(y), digest(a.grad), digest(F.glu(torch.randn(2, 6, 40), 1)), digest(nn.GLU(0)(torch.randn(4, 3))))
attempt(lambda: F.glu(torch.randn(3, 5)))
attempt(lambda: F.glu(torch.tensor(1.)))
sm = nn.Softmax2d()
print(sm, digest(sm(torch.randn(2, 3, 4, 4))), digest(sm(torch.randn(3, 2, 2))))
attempt(lambda: sm(torch.randn(3, 3)))

# finfo / iinfo
for d in [torch.float32, torch.float64]:
    f = torch.finfo(d)
    print(f, f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype)
for d in [torch.int64, torch.int32, torch.uint8]:
    i = torch.iinfo(d)
    print(i, i.bits, i.max, i.min, i.dtype)
print(torch.finfo(), torch.finfo(torch.float32) == torch.finfo(torch.float), torch.finfo(torch.double).eps)
attempt(lambda: torch.finfo(torch.int64))
attempt(lambda: torch.iinfo(torch.float32))
attempt(lambda: torch.iinfo(torch.bool))
