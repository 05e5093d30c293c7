/// The parts of nnsh's numpy written in Python, as numpy writes them (`numpy/_core/arrayprint.py`).
enum NumPyLibrary {
    static let source = #"""
import contextlib


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    import numpy as np
    opts = np.get_printoptions()
    try:
        np.set_printoptions(*args, **kwargs)
        yield np.get_printoptions()
    finally:
        for k in ('formatter', 'legacy', 'override_repr'):
            opts.pop(k)
        np.set_printoptions(**opts)


# nnsh's numpy computes without raising floating-point warnings, so the error state is recorded
# (and reported back) but changes nothing.
_errstate = {'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}


def geterr():
    return dict(_errstate)


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    old = geterr()
    for k, v in (('divide', divide), ('over', over), ('under', under), ('invalid', invalid)):
        v = all if v is None else v
        if v is not None:
            if v not in ('ignore', 'warn', 'raise', 'call', 'print', 'log'):
                raise ValueError("invalid error value %r" % (v,))
            _errstate[k] = v
    return old


class errstate:
    def __init__(self, *, call=None, all=None, divide=None, over=None, under=None, invalid=None):
        self._kw = dict(all=all, divide=divide, over=over, under=under, invalid=invalid)

    def __enter__(self):
        self._old = seterr(**self._kw)

    def __exit__(self, *exc):
        seterr(**self._old)
"""#
}
