from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from abc import ABC, abstractmethod
from typing import List, ClassVar

@dataclass
class Config:
    lr: float = 0.01
    epochs: int = 10
    layers: List[int] = field(default_factory=lambda: [6, 16])
    name: str = 'lenet'
    registry: ClassVar[int] = 0

c = Config()
print(c, Config(0.1, 3), Config(epochs=5, name='x'), c == Config(), c == Config(lr=0.2), c.layers is not Config().layers)
print([f.name for f in fields(c)], asdict(c), astuple(c), replace(c, lr=0.5), is_dataclass(c), is_dataclass(Config), is_dataclass(1))
print(Config.__init__.__qualname__, Config.__eq__ is not None, Config.__hash__, Config.registry)

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = 0
    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p, p.norm2(), p < Point(3, 5), sorted([Point(2), Point(1, 9), Point(1, 2)]), hash(p) == hash(Point(3, 4)), {p: 'a'}[Point(3, 4)])
try:
    p.x = 9
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e, isinstance(e, AttributeError))

@dataclass
class Base:
    x: int
    y: int = 0

@dataclass
class Child(Base):
    z: int = 1
print(Child(1, 2, 3), [f.name for f in fields(Child)])
try:
    @dataclass
    class Thaw(Point):
        z: int = 1
except TypeError as e:
    print('TypeError:', e)

@dataclass
class WithPost:
    a: int
    b: int = field(default=2, repr=False)
    c: int = field(init=False, default=0)
    def __post_init__(self):
        self.c = self.a + self.b
print(WithPost(1), WithPost(1, 5).c)
for bad in [lambda: Config(1, 2, [3], 'n', 'extra'), lambda: Point(), lambda: Point(1, y=2, w=3)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
try:
    @dataclass
    class Order:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError:', e)

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

class Half(Shape):
    def area(self): return 1

class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s

print(Square(3).describe(), Square(2).perimeter(), isinstance(Square(1), Shape))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print('TypeError:', e)
from abc import ABCMeta
class Old(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...
class Impl(Old):
    def run(self): return 'ran'
print(Impl().run(), isinstance(Impl(), Old))
try:
    Old()
except TypeError as e:
    print('TypeError:', e)
