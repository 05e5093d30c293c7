/// `typing`: every name scripts use in annotations; subscripting gives aliases printed as CPython's.
/// Written for nnsh in Python; run as the module on first import.
enum TypingLibrary {
    static let source = #"""
"""Support for type hints: every name usable in annotations (CPython 3.11's typing, without
the runtime checks nnsh does not need: subscripting gives an alias that prints as CPython's)."""

__all__ = ['Any', 'AnyStr', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generator', 'Iterable',
           'Iterator', 'List', 'Literal', 'Mapping', 'NoReturn', 'Optional', 'Sequence', 'Set', 'Tuple',
           'Type', 'TypeVar', 'Union', 'TYPE_CHECKING', 'cast', 'overload', 'no_type_check', 'final',
           'Hashable', 'Sized', 'Collection', 'Container', 'MutableMapping', 'MutableSequence', 'Deque',
           'DefaultDict', 'OrderedDict', 'Counter', 'NamedTuple', 'Protocol', 'Generic', 'Annotated',
           'get_type_hints', 'Self', 'TypeAlias']

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


class _GenericAlias:
    def __init__(self, origin, name, args):
        self.__origin__ = origin
        self._name = name
        self.__args__ = args

    def __repr__(self):
        if self._name == 'Optional' or self._name == 'Union' and len(self.__args__) == 2 and type(None) in self.__args__:
            other = [a for a in self.__args__ if a is not type(None)]
            if len(other) == 1:
                return f'typing.Optional[{_type_repr(other[0])}]'
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], (list, tuple)):
            params = ', '.join(_type_repr(a) for a in self.__args__[0])
            return f'typing.Callable[[{params}], {_type_repr(self.__args__[1])}]'
        if not self.__args__:
            return f'typing.{self._name}[()]'
        return f'typing.{self._name}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f"Type {self._name} cannot be instantiated")
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))


class _SpecialGeneric:
    """`List`, `Dict`, `Optional`…: subscripting makes an alias; bare, it prints as `typing.List`."""

    def __init__(self, name, origin=None, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return f'typing.{self._name}'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Optional':
            if len(params) != 1:
                raise TypeError(f"typing.Optional requires a single type.")
            return _GenericAlias(None, 'Optional', (params[0], type(None)))
        if self._name == 'Union':
            flat = []
            for p in params:
                p = type(None) if p is None else p
                if p not in flat:
                    flat.append(p)
            if len(flat) == 1:
                return flat[0]
            return _GenericAlias(None, 'Union', tuple(flat))
        if self._nparams >= 0 and len(params) != self._nparams and not (self._name == 'Tuple'):
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for typing.{self._name}; "
                            f"actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, self._name, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f"Cannot instantiate typing.{self._name}")
        raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _AnyMeta:
    def __repr__(self):
        return 'typing.Any'

    def __call__(self, *args, **kwargs):
        raise TypeError("Any cannot be instantiated")


Any = _AnyMeta()
NoReturn = _SpecialGeneric('NoReturn')
Never = _SpecialGeneric('Never')
Self = _SpecialGeneric('Self')
TypeAlias = _SpecialGeneric('TypeAlias')
ClassVar = _SpecialGeneric('ClassVar', None, 1)
Final = _SpecialGeneric('Final', None, 1)
Union = _SpecialGeneric('Union')
Optional = _SpecialGeneric('Optional')
Literal = _SpecialGeneric('Literal')
Annotated = _SpecialGeneric('Annotated')
List = _SpecialGeneric('List', list, 1)
Dict = _SpecialGeneric('Dict', dict, 2)
Set = _SpecialGeneric('Set', set, 1)
FrozenSet = _SpecialGeneric('FrozenSet', frozenset, 1)
Tuple = _SpecialGeneric('Tuple', tuple)
Type = _SpecialGeneric('Type', type, 1)
Callable = _SpecialGeneric('Callable')
Iterable = _SpecialGeneric('Iterable', None, 1)
Iterator = _SpecialGeneric('Iterator', None, 1)
Generator = _SpecialGeneric('Generator', None, 3)
Sequence = _SpecialGeneric('Sequence', None, 1)
MutableSequence = _SpecialGeneric('MutableSequence', None, 1)
Mapping = _SpecialGeneric('Mapping', None, 2)
MutableMapping = _SpecialGeneric('MutableMapping', None, 2)
Collection = _SpecialGeneric('Collection', None, 1)
Container = _SpecialGeneric('Container', None, 1)
Hashable = _SpecialGeneric('Hashable', None, 0)
Sized = _SpecialGeneric('Sized', None, 0)
Deque = _SpecialGeneric('Deque', None, 1)
DefaultDict = _SpecialGeneric('DefaultDict', None, 2)
OrderedDict = _SpecialGeneric('OrderedDict', None, 2)
Counter = _SpecialGeneric('Counter', None, 1)
AnyStr = _SpecialGeneric('AnyStr')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class Generic:
    pass


class Protocol:
    pass


def NamedTuple(typename, fields=None, /, **kwargs):
    from collections import namedtuple
    if fields is None:
        fields = kwargs.items()
    return namedtuple(typename, [name for name, _ in fields])


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', {}))
"""#
}
