import functools
from functools import partial, reduce, wraps, lru_cache, cache, cached_property, cmp_to_key, total_ordering
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
print(square(7), partial(power, 2)(10), square.func is power, square.args, square.keywords)
print(repr(partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key=<built-in function abs>)"))
p2 = partial(square, 3)
print(p2(), p2.args, p2.keywords)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        "inner doc"
        return f(*a, **k) * 2
    return inner
@deco
def add(a, b):
    "Add two numbers."
    return a + b
print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)
calls = []
@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n
print(slow(1), slow(2), slow(1), slow(3), slow(2), calls, slow.cache_info())
slow.cache_clear(); print(slow.cache_info())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info())
class Data:
    def __init__(self, xs):
        self.xs = xs
    @cached_property
    def total(self):
        print("computing")
        return sum(self.xs)
d = Data([1, 2, 3])
print(d.total, d.total, d.__dict__)
print(type(Data.total).__name__)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
try:
    lru_cache("x")
except TypeError as e:
    print(e)
try:
    partial(3)
except TypeError as e:
    print(e)
