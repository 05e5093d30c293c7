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
class Truthy:
    def __enter__(self):
        return None
    def __exit__(self, t, v, tb):
        return "yes"
with Truthy():
    1 / 0
print("a truthy non-bool return also suppresses")
class Replacer:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise RuntimeError("from exit")

try:
    with Replacer():
        raise ValueError("orig")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
