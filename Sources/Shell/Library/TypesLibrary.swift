/// CPython 3.11's `types`: the type objects nnsh has (`FunctionType`, `GeneratorType`, …) and `SimpleNamespace`.
/// Written for nnsh in Python; run as the module on first import.
enum TypesLibrary {
    static let source = #"""
"""Names for built-in types (CPython 3.11's types module, as far as nnsh has the types)."""

import sys


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)


class SimpleNamespace:
    def __init__(self, /, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        return "{}({})".format("namespace" if type(self) is SimpleNamespace else type(self).__name__,
                               ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


del sys, _f, _g, _C
"""#
}
