/// CPython 3.11's `abc` for what class hierarchies use: `ABC`, `abstractmethod`, and the
/// `TypeError` for instantiating a class with abstract methods left. nnsh has no metaclasses, so
/// `ABCMeta` exists only to be named (`class A(metaclass=ABCMeta)` is refused by the class statement);
/// `ABC` checks for abstract methods in `__new__` instead of the metaclass's `__call__`.
/// Written for nnsh in Python; run as the module on first import.
enum AbcLibrary {
    static let source = #"""
"""Abstract Base Classes (the parts of CPython 3.11's abc that nnsh can express without metaclasses)."""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod", "abstractstaticmethod",
           "abstractproperty", "get_cache_token"]


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    """Deprecated: use classmethod with abstractmethod."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: use staticmethod with abstractmethod."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated: use property with abstractmethod."""
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    for part in ('fget', 'fset', 'fdel', '__func__'):
        inner = getattr(value, part, None)
        if inner is not None and getattr(inner, '__isabstractmethod__', False):
            return True
    return False


def _abstract_methods(cls):
    names = set()
    seen = set()
    for klass in cls.__mro__:
        for name, value in klass.__dict__.items():
            if name in seen:
                continue
            seen.add(name)
            if _is_abstract(value):
                names.add(name)
    return names


class ABCMeta:
    """Metaclass for defining Abstract Base Classes (named only: nnsh has no metaclasses)."""


class ABC:
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        abstract = _abstract_methods(cls)
        if abstract:
            names = sorted(abstract)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return object.__new__(cls)


def get_cache_token():
    return 0
"""#
}
