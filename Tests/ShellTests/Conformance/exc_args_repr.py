cases = [
    ValueError(),
    ValueError("one"),
    ValueError("one", 2),
    TypeError(42),
    KeyError(),
    KeyError("k"),
    KeyError("k", "j"),
    IndexError(3),
    Exception(None),
    RuntimeError(""),
    ZeroDivisionError("division by zero"),
    StopIteration(5),
]
for e in cases:
    print(type(e).__name__, "|", e.args, "|", str(e), "|", repr(e))

e = ValueError("x", [1, 2])
print(e.args[1], len(e.args))
e.args = ("changed",)
print(e, repr(e))
print(str(KeyError("a")) == "'a'", str(KeyError(1)))
print(StopIteration(5).value, StopIteration().value)
print(repr(Exception("quote's")), str(Exception('a"b')))
print([ValueError("in list")])
