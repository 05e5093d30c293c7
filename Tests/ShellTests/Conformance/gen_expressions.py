g = (x * 2 for x in range(5) if x % 2 == 0)
print(repr(g).startswith("<generator object <genexpr> at 0x"), type(g).__name__)
print(next(g), list(g), list(g))
def f():
    return (y for y in [1, 2])
print(repr(f()).split(" at ")[0])
print(sum(x for x in range(100)), max((x % 7 for x in range(20))), sorted(c for c in "hello"))
import math
def nat():
    n = 0
    while True:
        yield n
        n += 1
sq = (n * n for n in nat())
print([next(sq) for _ in range(5)])
print(list((a, b) for a in range(3) for b in range(a)))
print(any(x > 3 for x in nat()))
print(dict((k, v) for k, v in zip("ab", [1, 2])), tuple(str(i) for i in range(3)))
print(", ".join(str(i) for i in range(4)))
def g2():
    yield 1
    yield 2
print(set(g2()), list(enumerate(g2())))
