# Generators as tutorials use them: batching, pipelines, running averages, coroutine-style send.
def batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

def squares(xs):
    for x in xs:
        yield x * x

def running_mean():
    total, n = 0.0, 0
    value = yield
    while True:
        total += value
        n += 1
        value = yield total / n

print(list(batches(range(7), 3)))
print(list(squares(b[0] for b in batches(range(10), 2))))
avg = running_mean()
next(avg)
for v in [10, 20, 30, 45]:
    print(round(avg.send(v), 3))
avg.close()
print(avg.gi_running, list(avg))

def countdown(n):
    print("start", n)
    while n > 0:
        yield n
        n -= 1
    print("end")
c = countdown(3)
print("created")
for v in c:
    print(v)
print(list(c))

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab", range(2), countdown(1))))

def take(n, it):
    for i, x in enumerate(it):
        if i == n:
            return
        yield x
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x for x in naturals() if x % 3 == 0))))
print(list(map(lambda p: p[0] * p[1], zip(naturals(), take(4, naturals())))))
print(next(filter(lambda x: x > 100, (x * x for x in naturals()))))

def nested():
    try:
        yield 1
        try:
            yield 2
        finally:
            print("inner finally")
    finally:
        print("outer finally")
n = nested()
print(next(n), next(n))
n.close()
print("closed")

def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("caught", repr(e))
k = catcher(); next(k)
k.throw(KeyError("a"))
k.throw(KeyError, "b")
try:
    k.throw(IndexError("c"))
except IndexError as e:
    print("propagated", e)
print(next(k, "exhausted"))

def gen_with_return():
    yield 1
    return [1, 2]
def delegator():
    result = yield from gen_with_return()
    yield result
print(list(delegator()))
def uses_locals(a, *rest, k=3, **kw):
    yield a, rest, k, sorted(kw.items())
print(next(uses_locals(1, 2, 3, z=4)))
try:
    uses_locals()
except TypeError as e:
    print(e)
