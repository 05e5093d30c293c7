# gc: cycles are found and freed, live cycles are left alone, and the module's controls behave as
# CPython's. The counts printed are ones nnsh and CPython 3.11 agree on (simple cycles).
import gc

print(gc)
print(gc.isenabled(), gc.get_threshold())
gc.collect()

a = []
a.append(a)
del a
print("self list", gc.collect())


class A:
    pass


a = A()
a.me = a
del a
print("self instance", gc.collect())

t = ([],)
t[0].append(t)
del t
print("list-tuple", gc.collect())

d = {}
d["self"] = d
del d
print("self dict", gc.collect())

x, y = {}, {}
x["y"], y["x"] = x, y
del x, y
print("dict pair", gc.collect())


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


gc.disable()  # so the count does not depend on when an automatic collection ran
for _ in range(1000):
    root = Node()
    Node(root)
    Node(root)
del root
print("trees", gc.collect())
gc.enable()

# Live cycles survive a collection intact.
live = [1, 2]
live.append(live)
ring = {"name": "ring"}
ring["me"] = ring
n1, n2 = Node(), Node()
n1.other, n2.other = n2, n1
shared = (live, ring)
holder = [shared, shared, [shared]]
holder.append(holder)
gc.collect()
print(live, ring, n1.other.other is n1, len(holder), holder[0] is holder[1], holder[2][0] is shared)


# Functions, classes and closures: freed, and the survivors still work.
def outer():
    def inner(n):
        return inner(n - 1) if n else "done"
    return inner


keep = outer()
for _ in range(100):
    outer()
gc.collect()
print(keep(5))


class WithProperty:
    @property
    def value(self):
        return 42

    @staticmethod
    def s():
        return "static"

    @classmethod
    def c(cls):
        return cls.__name__


w = WithProperty()
del WithProperty
gc.collect()
print(w.value, w.s(), w.c(), type(w).__name__, type(w).__mro__)

# Exceptions whose context points back at themselves.
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        err = e
        raise KeyError("outer")
except KeyError as k:
    err.__context__ = k
    saved = k
gc.collect()
print(repr(saved), repr(saved.__context__), repr(saved.__context__.__context__))

gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(type(gc.get_count()), len(gc.get_count()))
print(gc.collect(0), gc.collect(generation=1), gc.collect(2))
print(gc.garbage, gc.callbacks)

for call in ["gc.enable(1)", "gc.isenabled(2)", "gc.collect(5)", "gc.collect(-1)", "gc.collect('a')",
             "gc.set_threshold()", "gc.set_threshold(1, 2, 3, 4)", "gc.set_threshold(1.5)",
             "gc.get_threshold(0)"]:
    try:
        print(call, "->", eval(call))
    except Exception as e:
        print(call, "->", type(e).__name__, e)
