# A StopIteration escaping a generator's body becomes RuntimeError (PEP 479), uncaught here.
def inner():
    yield 1
    next(iter([]))
print(list(zip("ab", [1, 2])))
for x in inner():
    print(x)
