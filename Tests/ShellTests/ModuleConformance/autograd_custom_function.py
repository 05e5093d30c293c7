# torch.autograd.Function: ctx.save_for_backward/saved_tensors/needs_input_grad, setup_context style, gradients through user backward, PyTorch's errors.
import torch
import math

class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)

class MulConstant(torch.autograd.Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        print("needs", ctx.needs_input_grad)
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None

class Exp(torch.autograd.Function):
    @staticmethod
    def forward(i):
        return i.exp()
    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(output)
    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result

torch.manual_seed(0)
x = torch.linspace(-1, 1, 5, requires_grad=True)
P3 = LegendrePolynomial3.apply
y = P3(x)
print(y)
print(y.grad_fn.name(), type(y.grad_fn).__name__, y.requires_grad, y.is_leaf)
y.sum().backward()
print(x.grad)
z = MulConstant.apply(x, 3.0)
print(z)
z.sum().backward(); print(x.grad)
e = Exp.apply(x); print(e); e.sum().backward(); print(x.grad)
with torch.no_grad():
    print(P3(x))
print(P3(torch.ones(2)))
w = torch.randn(3, requires_grad=True)
out = P3(w * 2).sum() * 2
out.backward(); print(w.grad)
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b
    @staticmethod
    def backward(ctx, g):
        return g
class BadShape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2
    @staticmethod
    def backward(ctx, g):
        return torch.ones(7)
class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2
for f in [lambda: Bad.apply(x, x).sum().backward(), lambda: BadShape.apply(x).sum().backward(), lambda: NoBackward.apply(x).sum().backward()]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(isinstance(LegendrePolynomial3(), torch.autograd.Function))
