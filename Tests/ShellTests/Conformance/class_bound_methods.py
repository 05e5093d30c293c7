class Counter:
    def __init__(self, name):
        self.name = name
        self.n = 0

    def bump(self, by=1):
        self.n += by
        return self.name + "=" + str(self.n)

a = Counter("a")
b = Counter("b")
f = a.bump
g = b.bump
print(f())
print(f(5))
print(g())
print(a.n, b.n)
print(f.__self__ is a, f.__func__ is Counter.bump)
print(f.__name__, f.__func__.__name__)
print(type(f).__name__, type(Counter.bump).__name__)
ops = [a.bump, b.bump, a.bump]
print([op(2) for op in ops])
unbound = Counter.bump
print(unbound(b, 100))
a.bump = lambda: "shadowed"
print(a.bump())
print(f())
del a.bump
print(a.bump())
print(f == a.bump, f == b.bump)
