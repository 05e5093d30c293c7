class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns, **kwargs):
        ns['created_by'] = mcs.__name__
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.tag = kwargs.get('tag', name.lower())

    def describe(cls):
        return f'{cls.__name__} made by {cls.created_by}'


class Base(metaclass=Registry):
    pass


class Child(Base, tag='kid'):
    def hello(self):
        return 'hi from ' + type(self).__name__


print(Registry.classes, Base.tag, Child.tag, Child.created_by)
print(type(Base), type(Child), isinstance(Child, Registry), isinstance(Child, type), issubclass(Registry, type))
print(Child.describe(), Child().hello(), Child.__class__.__name__, type(Child()).__name__)
print(Registry.__mro__)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value=0):
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)


class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print('prepare', name, bases)
        return {}

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls.fields = [k for k in ns if not k.startswith('__')]
        return cls


class Point(metaclass=Ordered):
    x = 1
    y = 2
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


print(Point.fields, Point().norm())


class Sized(type):
    def __len__(cls):
        return 42

    def __iter__(cls):
        return iter(range(3))

    def __getitem__(cls, key):
        return key * 2

    def __contains__(cls, item):
        return item == 'yes'

    def __repr__(cls):
        return f'<sized {cls.__name__}>'

    def __bool__(cls):
        return False


class Box(metaclass=Sized):
    pass


print(len(Box), list(Box), Box[21], 'yes' in Box, 'no' in Box, repr(Box), str(Box), bool(Box), [Box])

Dyn = type('Dyn', (Base,), {'x': 5, 'double': lambda self: self.x * 2})
print(type(Dyn), Dyn().double(), Dyn.created_by, Registry.classes[-1])


class Other(type):
    pass


class O(metaclass=Other):
    pass


try:
    class Bad(Base, O):
        pass
except TypeError as e:
    print('TypeError:', e)


class Meta2(Registry):
    pass


class Derived(Base, metaclass=Meta2):
    pass


print(type(Derived), Derived.created_by)


class Validated(type):
    def __new__(mcs, name, bases, ns):
        for key, value in ns.items():
            if key.startswith('test_') and not callable(value):
                raise TypeError(f'{name}.{key} must be callable')
        return super().__new__(mcs, name, bases, ns)


try:
    class T(metaclass=Validated):
        test_a = 5
except TypeError as e:
    print('TypeError:', e)
