from abc import ABC, ABCMeta, abstractmethod, abstractproperty
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'
try: Shape()
except TypeError as e: print(e)
class Half(Shape):
    def area(self): return 1
try: Half()
except TypeError as e: print(e)
class Square(Half):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
sq = Square(3)
print(sq.describe(), isinstance(sq, Shape), issubclass(Square, Shape), type(Shape), type(ABC), Shape.__abstractmethods__ == {'area', 'perimeter'}, sorted(Square.__abstractmethods__))
class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self): pass
class Impl(Base):
    def run(self): return 'ran'
print(Impl().run(), isinstance(Impl(), Base))
class Plugin(ABC): pass
class Outside: pass
Plugin.register(Outside)
print(isinstance(Outside(), Plugin), issubclass(Outside, Plugin), issubclass(int, Plugin), Plugin.register(int) is int, isinstance(3, Plugin))
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any('__len__' in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented
class HasLen:
    def __len__(self): return 0
class Child(HasLen): pass
print(isinstance(HasLen(), Sized), isinstance(Outside(), Sized), issubclass(Child, Sized))
try: Plugin.register(5)
except TypeError as e: print(e)
try: Shape.register(Square)
except Exception as e: print(type(e).__name__, e)
print(Shape.register(Square) is Square)
