def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("could not parse " + repr(s)) from e
try:
    parse("abc")
except RuntimeError as e:
    print("caught:", e)
    print("cause:", repr(e.__cause__))
    print("cause type:", type(e.__cause__).__name__)
    print("suppress:", e.__suppress_context__)
    print("context is cause:", e.__context__ is e.__cause__)

def again():
    try:
        raise KeyError("first")
    except KeyError:
        print("handling, re-raising")
        raise
try:
    again()
except KeyError as e:
    print("re-raised:", repr(e))
try:
    try:
        raise ValueError("low")
    except ValueError:
        raise TypeError("high") from None
except TypeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    raise IndexError("ix") from ValueError("why")
except IndexError as e:
    print(repr(e), repr(e.__cause__))
err = ValueError("plain")
print(err.__cause__, err.__context__, err.__suppress_context__)
