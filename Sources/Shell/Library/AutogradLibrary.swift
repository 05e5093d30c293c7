/// The parts of `torch.autograd` PyTorch writes in Python, written here in Python too: custom
/// `Function`s (`torch/autograd/function.py`: `apply` runs `forward` without grad, then the one native
/// step — `torch.autograd._nnsh_attach` — hangs a `<Name>Backward` node on the output whose rule calls
/// the class's `backward`), the legacy `Variable`, and the legacy tensor types (`torch.FloatTensor`, …).
enum AutogradLibrary {
    static let function = #"""
import functools
import warnings
import torch

__all__ = ["FunctionCtx", "BackwardCFunction", "Function", "once_differentiable"]


class FunctionCtx:
    def save_for_backward(self, *tensors):
        for i, t in enumerate(tensors):
            if t is not None and not isinstance(t, torch.Tensor):
                raise TypeError("save_for_backward can only save variables, but argument %d is of type %s" % (i, type(t).__name__))
        self.to_save = tensors

    def save_for_forward(self, *tensors):
        self.saved_for_forward = tensors

    def mark_dirty(self, *args):
        self.dirty_tensors = args

    def mark_non_differentiable(self, *args):
        self.non_differentiable = args

    def set_materialize_grads(self, value):
        self.materialize_grads = value

    @property
    def saved_tensors(self):
        return tuple(getattr(self, "to_save", ()))


class BackwardCFunction(FunctionCtx):
    pass


class Function:
    def __init__(self, *args, **kwargs):
        warnings.warn(
            f"{self.__class__} should not be instantiated. Methods on autograd functions "
            "are all static, so you should invoke them on the class itself. "
            "Instantiating an autograd function will raise an "
            "error in a future version of PyTorch.",
            DeprecationWarning,
            stacklevel=2,
        )

    def __call__(self, *args, **kwargs):
        raise RuntimeError(
            "Legacy autograd function with non-static forward method is deprecated. "
            "Please use new-style autograd function with static forward method. "
            "(Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)"
        )

    generate_vmap_rule = False

    @staticmethod
    def forward(*args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError(
            "You must implement either the backward or vjp method for "
            "your custom autograd.Function to use it with backward "
            "mode AD."
        )

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError(
            "You must implement the jvp function for custom "
            "autograd.Function to use it with forward mode AD."
        )

    @classmethod
    def apply(cls, *args, **kwargs):
        ctx = BackwardCFunction()
        grad_on = torch.is_grad_enabled()
        ctx.needs_input_grad = tuple(grad_on and isinstance(a, torch.Tensor) and a.requires_grad for a in args)
        with torch.no_grad():
            if cls.setup_context is not Function.setup_context:
                output = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, args, output)
            else:
                output = cls.forward(ctx, *args, **kwargs)
        return torch.autograd._nnsh_attach(cls.__name__ + "Backward", ctx, args, output, cls._backward_rule)

    @classmethod
    def _backward_rule(cls, ctx, *grad_outputs):
        if cls.backward is not Function.backward and cls.vjp is not Function.vjp:
            raise RuntimeError(
                "Implementing both 'backward' and 'vjp' for a custom "
                "Function is not allowed. You should only implement one "
                "of them."
            )
        user_fn = cls.vjp if cls.vjp is not Function.vjp else cls.backward
        return user_fn(ctx, *grad_outputs)


def once_differentiable(fn):
    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with torch.no_grad():
            return fn(ctx, *args)
    return wrapper
"""#

    /// `torch.autograd.variable`: `Variable(data, requires_grad)` is the data as a new leaf, and every
    /// tensor is an instance of it.
    static let variable = #"""
import warnings
import torch

__all__ = ["Variable"]


class VariableMeta(type):
    def __instancecheck__(cls, other):
        return isinstance(other, torch.Tensor)


class Variable(metaclass=VariableMeta):
    def __new__(cls, data=None, requires_grad=False, volatile=False):
        if volatile:
            warnings.warn("volatile was removed and now has no effect. Use `with torch.no_grad():` instead.", stacklevel=2)
        if data is None:
            data = torch.tensor([])
        if not isinstance(data, torch.Tensor):
            raise TypeError("Variable data has to be a tensor, but got " + type(data).__name__)
        out = data.detach()
        if requires_grad:
            out.requires_grad_()
        return out
"""#

    /// `torch.FloatTensor` and the other legacy CPU tensor types: constructors (sizes, or a sequence
    /// of data) and `isinstance` by dtype, as `torch/csrc/tensor/python_tensor.cpp`.
    static let legacyTensorTypes = #"""
import torch


_cpp_names = {torch.float32: "float", torch.float64: "double", torch.int64: "long int", torch.int32: "int",
              torch.uint8: "unsigned char", torch.bool: "bool"}


def _options(dtype):
    return ("TensorOptions(dtype=%s, device=cpu, layout=Strided, requires_grad=false (default), "
            "pinned_memory=false (default), memory_format=(nullopt))" % _cpp_names[dtype])


class tensortype(type):
    __module__ = "torch"

    def __instancecheck__(cls, other):
        return isinstance(other, torch.Tensor) and other.dtype == cls.dtype

    def __call__(cls, *args, **kwargs):
        for k in kwargs:
            if k != "device":
                raise TypeError("new() received an invalid combination of arguments - got an unexpected keyword argument '%s'" % k)
        if not args:
            return torch.tensor([], dtype=cls.dtype)
        if len(args) == 1 and isinstance(args[0], torch.Tensor):
            if args[0].dtype != cls.dtype:
                raise TypeError("expected %s (got %s)" % (_options(cls.dtype), _options(args[0].dtype)))
            return args[0]
        if len(args) == 1 and isinstance(args[0], torch.Size):
            return torch.zeros(args[0], dtype=cls.dtype)
        if all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            return torch.zeros(args, dtype=cls.dtype)
        if len(args) == 1:
            if isinstance(args[0], (list, tuple)):
                return torch.tensor(args[0], dtype=cls.dtype)
            raise TypeError("new(): data must be a sequence (got %s)" % type(args[0]).__name__)
        raise TypeError("new() received an invalid combination of arguments")

    def __repr__(cls):
        return "<class 'torch.%s'>" % cls.__name__


class FloatTensor(metaclass=tensortype):
    dtype = torch.float32


class DoubleTensor(metaclass=tensortype):
    dtype = torch.float64


class LongTensor(metaclass=tensortype):
    dtype = torch.int64


class IntTensor(metaclass=tensortype):
    dtype = torch.int32


class ByteTensor(metaclass=tensortype):
    dtype = torch.uint8


class BoolTensor(metaclass=tensortype):
    dtype = torch.bool
"""#
}
