class Guard:
    def __init__(self, suppress):
        self.suppress = suppress

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit clean")
        else:
            print("exit with", exc_type.__name__, repr(exc), isinstance(exc, exc_type))
            print("traceback given:", tb is not None)
        return self.suppress

with Guard(True):
    raise ValueError("quiet")
print("suppressed, continuing")

try:
    with Guard(False):
        raise KeyError("loud")
except KeyError as e:
    print("propagated", repr(e))

with Guard(True) as g:
    print("clean body", g.suppress)

def inside():
    with Guard(True):
        raise ZeroDivisionError("in function")
    return "function continued"

print(inside())
for i in range(2):
    with Guard(True):
        raise IndexError(i)
print("loop survived", i)
