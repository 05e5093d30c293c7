def trigger(kind):
    if kind == 0:
        return int("zz")
    if kind == 1:
        return {}["missing"]
    if kind == 2:
        return [1][5]
    if kind == 3:
        raise RuntimeError("rt")
    return "fine"

for k in range(5):
    try:
        print("result", trigger(k))
    except (ValueError, KeyError) as e:
        print(k, "tuple caught", type(e).__name__, e)
    except (IndexError,) as e:
        print(k, "single tuple caught", type(e).__name__, e)
    except:
        print(k, "bare except")

errors = (ZeroDivisionError, OverflowError)
try:
    1 / 0
except errors as e:
    print("from variable tuple:", type(e).__name__)

try:
    raise KeyError("k")
except LookupError as e:
    print("name e bound:", repr(e))
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
