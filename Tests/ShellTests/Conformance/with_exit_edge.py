class Truthy:
    def __enter__(self):
        return None

    def __exit__(self, t, v, tb):
        return "yes"

with Truthy() as nothing:
    1 / 0
print("a truthy non-bool return also suppresses", nothing)

class Falsy:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        return 0

try:
    with Falsy():
        raise KeyError("kept")
except KeyError as e:
    print("falsy return propagates", repr(e))

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
try:
    with Replacer():
        print("clean body, exit still raises")
except RuntimeError as e:
    print(repr(e), e.__context__)
