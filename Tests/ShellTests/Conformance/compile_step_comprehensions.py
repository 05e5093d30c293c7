# Comprehensions inside compiled functions and module-level loops: their own scope, CPython's rules.
def nested(n):
    k = 10
    grid = [[i * k + j for j in range(n) if j != i] for i in range(n)]
    flat = [v for row in grid for v in row if v % 2 == 0]
    pairs = {(a, b) for a in range(n) for b in range(a)}
    table = {str(i): [j * k for j in range(i)] for i in range(n)}
    return grid, flat, sorted(pairs), table

for _ in range(2):
    print(nested(3))

def shadow(x):
    return [x for x in x], x

print(shadow([1, 2]), shadow("ab"))

def walrus(xs):
    found = [y for x in xs if (y := x * 3) > 4]
    return found, y

print(walrus([1, 2, 3]), walrus([5]))

def unbound_enclosing():
    out = [later for _ in range(1)]
    later = 1
    return out

for _ in range(2):
    try:
        unbound_enclosing()
    except NameError as e:
        print(type(e).__name__, e)

def consumes(it):
    it = iter(it)
    return [(a, next(it, None)) for a in it]

print(consumes(range(7)), consumes([]))

def with_lambdas(n):
    fs = [lambda v, i=i: v + i for i in range(n)]
    return [f(100) for f in fs]

print(with_lambdas(3), with_lambdas(1))

def unpacking(d):
    return [k * v for k, v in d.items()], {v: k for k, v in d.items()}

print(unpacking({"a": 1, "b": 2}))
try:
    print([a for a, b in [(1, 2), (3,)]])
except ValueError as e:
    print(e)

total = 0
for r in range(3):
    total += sum([r * c for c in range(4) if c])
    squares = {c: c * c for c in range(r)}
print(total, squares)

def deep(n):
    base = 2
    return [[[base ** (i + j + k) for k in range(n)] for j in range(n)] for i in range(n)]

print(deep(2))
print([i for i in range(10**6) if i % 250000 == 0])
