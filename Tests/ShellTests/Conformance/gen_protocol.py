def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

g = count(3)
print(type(g).__name__, repr(g).startswith("<generator object count at 0x"))
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value))
print(list(count(5)), sum(count(10)))
for x in count(4):
    if x == 2: break
    print("x", x)

def echo():
    received = None
    while True:
        received = yield received
        if received == "q":
            return 42
e = echo()
print(e.send(None), e.send(1), e.send("hi"))
try:
    e.send("q")
except StopIteration as s:
    print("returned", s.value, s.args)

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
f = fin()
print(next(f))
f.close()
print("closed")

def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "r"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
o = outer()
print(next(o), o.send("s"), next(o), next(o))
print(list(outer()))

def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
fg = fib()
print([next(fg) for _ in range(10)])
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield "after"
t = thrower(); next(t)
print(t.throw(ValueError("boom")))
print(t.throw(ValueError, "x") if False else "skip")
def gen_running():
    yield g2.gi_running
g2 = gen_running()
print(next(g2), g2.gi_running)
def recurse():
    yield next(r)
r = recurse()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
x = count(2)
try:
    x.send(5)
except TypeError as e:
    print("TypeError:", e)
def tree(n):
    if n == 0:
        yield 0
        return
    yield from tree(n - 1)
    yield n
print(list(tree(5)))
a, b, *rest = count(5)
print(a, b, rest)
print(max(count(7)), sorted(count(3), reverse=True), dict(zip("abc", count(3))))
def deep(n):
    if n: yield from deep(n-1)
    else: yield "bottom"
print(list(deep(200)))
