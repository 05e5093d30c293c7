def f():
    pass

class C:
    def m(self):
        pass

values = [1, 1.5, "s", [1], {"a": 1}, (1,), {1, 2}, True, None, f, C, C(), 2j, b"x",
          range(3), len, lambda: 0, C().m, frozenset(), slice(1), NotImplemented, Ellipsis]
for v in values:
    print(type(v))
print(type(C), type(type), type(object), type(int))
print(int.__name__, str.__name__, type(None).__name__, type.__name__)
print(type(1) is int, type(True) is int, type(True) is bool)
print(type(1.0) == float, type("") is not str)
c = C()
print(c.__class__ is C, c.__class__.__class__ is type)
print(type(f).__name__, type(len).__name__, type(c.m).__name__)
print(type(3)(7), type("x")(5), type([])((1, 2)))
print(type(c).__name__, type(c).__module__, type(1).__module__)
