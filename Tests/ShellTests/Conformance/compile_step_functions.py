# Functions run many times (compiled from their second call) behave as on their first.
def unbound(flag):
    if flag:
        x = 1
    return x

for flag in (True, True, False):
    try:
        print(unbound(flag))
    except UnboundLocalError as e:
        print(type(e).__name__, e)

counter = 0
def bump(n):
    global counter
    counter += n
    return counter

print([bump(i) for i in range(4)], counter)

def outer():
    total = 0
    def add(k):
        nonlocal total
        total += k
        return total
    return add

add = outer()
print(add(1), add(2), add(3))

def make_closures():
    fs = []
    for i in range(3):
        def f(j=i):
            return j * 10 + i
        fs.append(f)
    return [f() for f in fs]

print(make_closures(), make_closures())

def deleter(v):
    y = v
    del y
    try:
        return y
    except NameError as e:
        return type(e).__name__

print(deleter(1), deleter(2))

class Box:
    def __init__(self):
        self.reads = 0
        self._v = 0
    @property
    def v(self):
        self.reads += 1
        return self._v
    @v.setter
    def v(self, x):
        self._v = x

calls = []
def get(b):
    calls.append(1)
    return b

def augment(b):
    get(b).v += 5
    return b.v

b = Box()
print(augment(b), augment(b), augment(b), len(calls), b.reads)

def grow(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if len(xs) < 6:
            xs.append(x + 10)
    return seen

print(grow([1, 2]), grow([3]))

def shadow_builtin(xs):
    return len(xs)

print(shadow_builtin([1, 2]), shadow_builtin([1]))
len = lambda xs: 99
print(shadow_builtin([1, 2]))
del len
print(shadow_builtin([1, 2, 3]))

def late_global():
    return later_defined * 2

try:
    late_global()
except NameError as e:
    print(e)
later_defined = 21
print(late_global(), late_global())

class Slotted:
    def __init__(self, x):
        self.x = x
    def step(self, d):
        self.x = self.x + d
        return self.x

s = Slotted(0)
for i in range(5):
    s.step(i)
s.step = lambda d: "instance attribute wins"
print(s.x, s.step(1))
Slotted.step = lambda self, d: "patched class"
t = Slotted(1)
print(t.step(1), t.step(2))

def unpack(pairs):
    out = []
    for a, (b, c) in pairs:
        out.append(a + b * c)
    return out

print(unpack([(1, (2, 3)), (4, [5, 6])]), unpack([(0, (0, 0))]))
try:
    unpack([(1, 2)])
except TypeError as e:
    print(e)
try:
    unpack([(1, (2, 3, 4))])
except ValueError as e:
    print(e)

def kinds(a, b=2, *rest, key=None, **kw):
    return (a, b, rest, key, sorted(kw))

for _ in range(2):
    print(kinds(1), kinds(1, 3, 4, key=5, z=6))

def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)

print(recurse(10), recurse(50))

def big(n):
    return n * n * n * n * n

print(big(10 ** 4), big(10 ** 5), big(-7))

def floats(x):
    return x * 2 + 0.5 - x

print(floats(1.5), floats(2), floats(True))

def strings(s):
    return f"{s!r:>8}|{len(s):03d}|{s * 2}"

print(strings("ab"), strings("é"))

def checked(x):
    assert x > 0, f"bad {x}"
    assert x < 100
    return x

for v in (1, 2, -3, 200):
    try:
        print(checked(v))
    except AssertionError as e:
        print("AssertionError", repr(e))

def bump_items(xs):
    xs[0] += 1
    xs[-1] *= 2
    xs[1] = xs[1] + 0.5
    return xs

print(bump_items([1, 2, 3]), bump_items([1.5, 2, [4]]))
try:
    bump_items([1])
except IndexError as e:
    print(e)
