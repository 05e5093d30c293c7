/// CPython 3.11's `dataclasses`: `@dataclass` (with `init`, `repr`, `eq`, `order`, `frozen`,
/// `unsafe_hash`), `field` (`default`, `default_factory`, `repr`, `compare`, `init`, `hash`),
/// `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`, `__post_init__`, `ClassVar` fields
/// skipped. As in CPython, the generated `__init__` is Python source run with `exec`, so its
/// signature and errors are a normal function's. Written for nnsh in Python; run on first import.
enum DataclassesLibrary {
    static let source = #"""
"""Data classes (CPython 3.11's dataclasses, as nnsh runs it)."""

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING', 'fields',
           'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,'
                'metadata=%r,kw_only=%r,_field_type=_FIELD)' % (self.name, self.type, self.default,
                self.default_factory, self.init, self.repr, self.hash, self.compare, self.metadata, self.kw_only))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith('typing.ClassVar') or text.startswith('ClassVar')


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    kw_seen = kw_only
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or annotation is _KW_ONLY_TYPE:
            kw_seen = True
            continue
        if _is_classvar(annotation) or isinstance(annotation, InitVar):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = kw_seen
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        if f.default is MISSING:
            if name in cls.__dict__:
                delattr(cls, name)
        else:
            setattr(cls, name, f.default)
        own.append(f)
    all_fields = {}
    for base in cls.__mro__[-1:0:-1]:
        params = getattr(base, '__dataclass_params__', None)
        if params is not None:
            if params['frozen'] and not frozen:
                raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
            if not params['frozen'] and frozen:
                raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
        for f in getattr(base, '__dataclass_fields__', {}).values():
            all_fields[f.name] = f
    for f in own:
        all_fields[f.name] = f
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = {'init': init, 'repr': repr, 'eq': eq, 'order': order, 'frozen': frozen}
    fields_list = list(all_fields.values())

    if init and '__init__' not in cls.__dict__:
        _make_init(cls, fields_list, frozen)
    if repr and '__repr__' not in cls.__dict__:
        shown = [f.name for f in fields_list if f.repr]

        def __repr__(self):
            return self.__class__.__qualname__ + '(' + ', '.join(
                ['%s=%r' % (name, getattr(self, name)) for name in shown]) + ')'
        __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
        cls.__repr__ = __repr__
    compared = [f.name for f in fields_list if f.compare]

    def _key(self):
        return tuple(getattr(self, name) for name in compared)
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')

            def method(self, other, op=op):
                if other.__class__ is self.__class__:
                    return op(_key(self), _key(other))
                return NotImplemented
            setattr(cls, name, method)
    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f"cannot assign to field '{name}'")
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f"cannot delete field '{name}'")
            object.__delattr__(self, name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    hashed = [f.name for f in fields_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(tuple(getattr(self, name) for name in hashed))
        cls.__hash__ = __hash__
    elif eq and '__hash__' not in cls.__dict__:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in fields_list if f.init and not f.kw_only)
    return cls


def _make_init(cls, fields_list, frozen):
    globals_ = {'MISSING': MISSING, '__dataclass_builtins_object__': object}
    positional, keyword, body = [], [], []
    seen_default = False
    for f in fields_list:
        if f.init:
            if f.default is not MISSING:
                globals_['__dataclass_dflt_' + f.name] = f.default
                param = '%s=__dataclass_dflt_%s' % (f.name, f.name)
                seen_default = True
            elif f.default_factory is not MISSING:
                globals_['__dataclass_factory_' + f.name] = f.default_factory
                param = '%s=MISSING' % f.name
                seen_default = True
            else:
                if seen_default and not f.kw_only:
                    raise TypeError(f'non-default argument {f.name!r} follows default argument')
                param = f.name
            (keyword if f.kw_only else positional).append(param)
        if f.default_factory is not MISSING:
            globals_['__dataclass_factory_' + f.name] = f.default_factory
            if f.init:
                value = '__dataclass_factory_%s() if %s is MISSING else %s' % (f.name, f.name, f.name)
            else:
                value = '__dataclass_factory_%s()' % f.name
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            globals_['__dataclass_dflt_' + f.name] = f.default
            value = '__dataclass_dflt_' + f.name
        else:
            continue
        if frozen:
            body.append('  __dataclass_builtins_object__.__setattr__(self, %r, %s)' % (f.name, value))
        else:
            body.append('  self.%s = %s' % (f.name, value))
    if hasattr(cls, '__post_init__'):
        body.append('  self.__post_init__()')
    params = ['self'] + positional + (['*'] + keyword if keyword else [])
    source = 'def __init__(%s):\n%s\n' % (', '.join(params), '\n'.join(body) or '  pass')
    locals_ = {}
    exec(source, globals_, locals_)
    fn = locals_['__init__']
    fn.__qualname__ = cls.__qualname__ + '.__init__'
    cls.__init__ = fn


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class."""
    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fs.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not (is_dataclass(obj) and not isinstance(obj, type)):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not (is_dataclass(obj) and not isinstance(obj, type)):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory([_astuple_inner(getattr(obj, f.name)) for f in fields(obj)])


def _astuple_inner(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple(_astuple_inner(getattr(obj, f.name)) for f in fields(obj))
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k), _astuple_inner(v)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not (is_dataclass(obj) and not isinstance(obj, type)):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    raise NotImplementedError("make_dataclass is not supported by nnsh yet; write a class with @dataclass")
"""#
}
