print(list(enumerate("abc", 1)), list(zip([1,2,3], "ab")), list(map(lambda a, b: a*b, [1,2], [3,4])))
print(list(filter(None, [0, 1, 2, 0])), list(reversed([1,2,3])), list(reversed(range(3))))
z = zip([1], [2])
print(type(z).__name__, repr(z).startswith("<zip object at"), repr(map(str, [])).startswith("<map object"))
def nat():
    n = 0
    while True:
        yield n
        n += 1
for i, v in enumerate(nat()):
    if i > 3: break
print(i, v)
print(list(zip(nat(), "xyz")))
try:
    list(zip([1,2], [1], strict=True))
except ValueError as e: print(e)
try:
    list(zip([1], [1,2], strict=True))
except ValueError as e: print(e)
try:
    list(zip([1,2],[1,2], [1], strict=True))
except ValueError as e: print(e)
try:
    reversed(nat())
except TypeError as e: print(e)
def g(): yield 1
print(type(g()), g.__name__, iter(g()) is not None)
it = g(); print(iter(it) is it)
def h():
    x = yield
    print("got", x)
hh = h(); next(hh)
try:
    hh.send(3)
except StopIteration:
    print("stop")
gen = (i * i for i in range(4))
print(sum(gen))
def withret():
    return (yield 5)
w = withret(); print(next(w))
try: w.send(9)
except StopIteration as e: print(e.value, e)
def yt():
    yield 1, 2
    yield
print(list(yt()))
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
c = closer(); next(c); c.close(); c.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn(); next(s)
try: s.close()
except RuntimeError as e: print("RuntimeError", e)
def drop():
    try:
        yield 1
    finally:
        print("dropped")
d = drop(); next(d); del d
print("after del")
print(g.__qualname__, type(g()).__name__)
class K:
    def items(self):
        yield from (1, 2)
        yield type(self).__name__
print(list(K().items()))
