class Base:
    pass

class Mixin:
    pass

class Child(Base, Mixin):
    flag = 1

class Explicit(object):
    pass

print(Child.__name__, Child.__qualname__)
print([k.__name__ for k in Child.__bases__])
print(Child.__bases__)
print(Base.__bases__, Explicit.__bases__)
print(Base.__bases__ == Explicit.__bases__)
print(object.__bases__, object.__name__)
print([k.__name__ for k in Child.__mro__])
print(Child.__base__.__name__, bool.__base__.__name__)
print([k.__name__ for k in bool.__mro__])
print(int.__bases__, type.__bases__)
print(Child)
print(str(Child), repr(Base))
print(Child.__class__, Child.__class__.__name__)
print(Base.__subclasses__() == [Child])
print([k.__name__ for k in Base.__subclasses__()])
print(Child.__dict__["flag"], "flag" in Base.__dict__)
