try:
    try:
        {}["a"]
    except KeyError:
        1 / 0
except ZeroDivisionError as e:
    print("caught:", repr(e))
    print("context:", repr(e.__context__))
    print("cause:", e.__cause__)
    print("suppress:", e.__suppress_context__)

def handler():
    try:
        raise ValueError("first")
    except ValueError as first:
        try:
            raise TypeError("second")
        except TypeError as second:
            print("second.__context__ is first:", second.__context__ is first)
            raise RuntimeError("third")
try:
    handler()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__ + ":" + str(cur))
        cur = cur.__context__
    print(chain)
try:
    raise OSError("no context")
except OSError as e:
    print(e.__context__)
try:
    try:
        raise ValueError("v")
    finally:
        print("finally sees exception in flight")
except ValueError as e:
    print("outer:", e, e.__context__)
