class Outer:
    class Inner:
        class Deep:
            pass

        def method(self):
            return 1

    def method(self):
        return 2

def make():
    class Local:
        pass
    return Local

print(Outer.__name__, Outer.__qualname__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.Inner.Deep.__qualname__)
print(Outer.Inner.method.__qualname__, Outer.method.__qualname__)
print(make().__qualname__, make().__name__)
print(Outer.__module__, Outer.Inner.__module__)
print(__name__)
o = Outer()
print(o.__class__.__name__, o.__class__ is Outer)
print(Outer.Inner().__class__.__qualname__)
print(Outer)
print(Outer.Inner)
print(Outer.Inner.Deep)
print(repr(Outer.Inner))
print(make.__qualname__, make.__module__)
print(Outer.method.__name__)
