class Proxy:
    real = "class attribute"

    def __init__(self, target):
        self.target = target
        self.misses = []

    def __getattr__(self, name):
        self.misses.append(name)
        if name.startswith("no_"):
            raise AttributeError("Proxy has no " + name)
        return getattr(self.target, name)

class Target:
    color = "red"
    def shout(self, s):
        return s.upper() + "!"

p = Proxy(Target())
print(p.real, p.color)
print(p.shout("hi"))
print(p.target.__class__.__name__)
print(hasattr(p, "no_thing"), hasattr(p, "color"))
try:
    p.no_way
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(p, "no_x", "default"))
p.color = "blue"
print(p.color, p.target.color)
print(p.misses)
try:
    p.missing_on_target
except AttributeError as e:
    print("AttributeError:", e)
