# Legacy API the older tutorials use: torch.autograd.Variable, torch.FloatTensor/LongTensor/... constructors, isinstance and x.type(...).
import torch
from torch.autograd import Variable
import torch.autograd as autograd
v = Variable(torch.ones(2), requires_grad=True); print(v, v.is_leaf, isinstance(torch.ones(1), Variable), Variable)
d = autograd.Variable(torch.randn(2, 5)); print(d.shape, d.requires_grad)
print(torch.LongTensor([1, 2]), torch.FloatTensor(2, 3).shape, torch.FloatTensor([[1, 2]]), torch.LongTensor, type(torch.LongTensor))
print(torch.ones(2).type(torch.LongTensor), isinstance(torch.ones(2), torch.FloatTensor), isinstance(torch.ones(2), torch.LongTensor))
print(torch.ones(2).type('torch.DoubleTensor'), torch.ones(2).type(), torch.arange(3).type(torch.FloatTensor))
print(torch.FloatTensor(), torch.ByteTensor([1]), torch.BoolTensor([True]), torch.DoubleTensor(1), torch.IntTensor(torch.Size([2])))
for f in [lambda: torch.LongTensor(2.5), lambda: torch.FloatTensor(torch.ones(1, dtype=torch.long))]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
from torch.autograd.function import Function, once_differentiable
class Sq(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g
x = torch.tensor([1., 2.], requires_grad=True)
y = Sq.apply(x); y.sum().backward(); print(x.grad, y.grad_fn.name())
