/// CPython 3.11's `copy` (`copy`, `deepcopy`, `__copy__`/`__deepcopy__`, memo), with PyTorch's tensor rules.
/// Written for nnsh in Python; run as the module on first import.
enum CopyLibrary {
    static let source = #"""
"""Generic (shallow and deep) copying operations (CPython 3.11's copy), with PyTorch's rules for
tensors: a deep copy of a graph leaf is a detached clone keeping requires_grad (a Parameter stays
a Parameter); of any other tensor, PyTorch's RuntimeError."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, type, range, type(...), type(NotImplemented), type(len))


def _is_atomic(x):
    if isinstance(x, _atomic) and type(x) in _atomic:
        return True
    return callable(x) and type(x).__name__ in ('function', 'builtin_function_or_method')


def _torch():
    import torch
    return torch


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    torch = _torch()
    if isinstance(x, torch.Tensor):
        return x.detach() if not x.requires_grad else x.view_as(x)
    if isinstance(x, torch.nn.Module):
        # The same parameters, buffers, children and attributes in a new module (PyTorch's copy
        # also shares the tables themselves; here each module has its own).
        y = torch.nn._nnsh_module_shell(x)
        params, buffers, children, attrs = torch.nn._nnsh_module_parts(x)
        torch.nn._nnsh_module_fill(y, params, buffers, children, dict(attrs))
        return y
    if isinstance(x, dict):
        y = cls()
        for k, v in x.items():
            y[k] = v
        return y
    if isinstance(x, list):
        y = cls()
        y.extend(x)
        return y
    y = cls.__new__(cls)
    for k, v in x.__dict__.items():
        y.__dict__[k] = v
    return y


def _deepcopy_tensor(x, memo):
    torch = _torch()
    if not x.is_leaf:
        raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                           "protocol at the moment.  If you were attempting to deepcopy a module, this may be "
                           "because of a torch.nn.utils.weight_norm usage, see "
                           "https://github.com/pytorch/pytorch/pull/103001")
    if isinstance(x, torch.nn.Parameter):
        y = torch.nn.Parameter(x.detach().clone(), x.requires_grad)
    else:
        y = x.detach().clone()
        if x.requires_grad:
            y.requires_grad_(True)
    if x.grad is not None:
        y.grad = _deepcopy_tensor(x.grad, memo)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    copier = getattr(cls, "__deepcopy__", None)
    torch = _torch()
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    elif copier is not None:
        y = copier(x, memo)
    elif isinstance(x, torch.Tensor):
        y = _deepcopy_tensor(x, memo)
    elif isinstance(x, torch.nn.Module):
        # Module's __dict__ as PyTorch's generic __reduce_ex__ copies it, through the same memo.
        y = torch.nn._nnsh_module_shell(x)
        memo[d] = y
        params, buffers, children, attrs = torch.nn._nnsh_module_parts(x)
        torch.nn._nnsh_module_fill(
            y,
            [(n, deepcopy(t, memo)) for n, t in params],
            [(n, deepcopy(t, memo), p) for n, t, p in buffers],
            [(n, deepcopy(c, memo)) for n, c in children],
            {k: deepcopy(v, memo) for k, v in attrs.items()})
    elif isinstance(x, dict):
        y = cls()
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif isinstance(x, list):
        y = cls()
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    else:
        y = cls.__new__(cls)
        memo[d] = y
        for key, value in x.__dict__.items():
            y.__dict__[key] = deepcopy(value, memo)
    if y is not x:
        memo[d] = y
    return y
"""#
}
