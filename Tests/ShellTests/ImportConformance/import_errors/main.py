def attempt(code):
    try:
        exec_import(code)
    except ImportError as e:
        print(type(e).__name__ + ":", str(e).replace(here, "<dir>"))
    except Exception as e:
        print(type(e).__name__ + ":", e)


import os
here = os.path.dirname(os.path.abspath(__file__))


def exec_import(code):
    if code == 1:
        import nosuchmodule
    elif code == 2:
        import plain.sub
    elif code == 3:
        from plain import y
    elif code == 4:
        from pack import nothing
    elif code == 5:
        import pack.nothing
    elif code == 8:
        from sys import nosuchname
    elif code == 9:
        import nosuch.sub.mod


for code in range(1, 10):
    attempt(code)
try:
    from plain import *
except AttributeError as e:
    print(type(e).__name__ + ":", e)
try:
    from badall import *
except TypeError as e:
    print(type(e).__name__ + ":", e)
import sys
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__ + ":", e)
import plain
print(plain.x)
