registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls

def add_greeting(cls):
    def greet(self):
        return "hello from " + type(self).__name__
    cls.greet = greet
    cls.decorated = True
    return cls

def with_prefix(prefix):
    def deco(cls):
        print("with_prefix applied to", cls.__name__, "has greet:", hasattr(cls, "greet"))
        cls.prefix = prefix
        return cls
    return deco

@register
@add_greeting
@with_prefix("pre")
class Widget:
    def __init__(self, n):
        self.n = n

@register
class Gadget(Widget):
    pass

print(sorted(registry), registry["Widget"] is Widget)
w, g = Widget(1), Gadget(2)
print(w.greet(), g.greet())
print(Widget.decorated, Gadget.decorated, Widget.prefix, g.prefix)
print("greet" in Widget.__dict__, "greet" in Gadget.__dict__)

@lambda cls: cls()
class Config:
    value = 10
print(Config.value, type(Config).__name__)
