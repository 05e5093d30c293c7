# Generators whose yields are statements run without a thread; their semantics are CPython's.
def loop_shapes(n):
    for i in range(n):
        if i == 1:
            continue
        if i == 4:
            break
        yield i
    else:
        yield "no break"
    k = 0
    while k < 3:
        k += 1
        if k == 2:
            continue
        yield ("w", k)
    else:
        yield "while done"
    for a in range(2):
        for b in range(3):
            if b == 2:
                break
            yield (a, b)
    return "end"

print(list(loop_shapes(3)))
print(list(loop_shapes(10)))

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

def catcher():
    for i in range(3):
        yield i

g = catcher()
print(next(g))
try:
    g.throw(ValueError("inside"))
except ValueError as e:
    print("thrown out:", e)
print(list(g))

g = catcher()
next(g)
g.close()
print(list(g), g.gi_running)

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

g = with_finally()
print(next(g))
g.close()

def pep479():
    yield 1
    raise StopIteration("oops")

try:
    print(list(pep479()))
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

total = 0
def accumulate(xs):
    global total
    for x in xs:
        total += x
        yield total

print(list(accumulate([1, 2, 3])), total)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)

def nested(depth):
    if depth == 0:
        yield "leaf"
        return
    for x in nested(depth - 1):
        yield x + "!"

print(list(nested(4)))

def unbound_gen(flag):
    if flag:
        v = 1
    yield v

print(list(unbound_gen(True)))
try:
    list(unbound_gen(False))
except UnboundLocalError as e:
    print(e)

def early_return(n):
    for i in range(n):
        if i == 2:
            return i
        yield i

g = early_return(5)
print(list(g))
print(sum(x * x for x in early_return(10)))

def lazy():
    print("started")
    yield 1

g = lazy()
print("created")
print(next(g))
print(next(g, "exhausted"))

def running():
    yield gen_ref.gi_running

gen_ref = running()
print(next(gen_ref))

def reentrant():
    yield next(me)

me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)

def send_first():
    x = yield
    yield x

g = send_first()
try:
    g.send(1)
except TypeError as e:
    print(e)
print(next(g), g.send(5))
