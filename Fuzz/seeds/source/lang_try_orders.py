def run(fail):
    print("-- fail =", fail)
    try:
        print("try start")
        if fail:
            raise ValueError("boom")
        print("try end")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
    print("after")
run(False)
run(True)
try:
    print("only finally")
finally:
    print("finally ran")
try:
    pass
except KeyError:
    print("never")
else:
    print("else without finally")
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))
try:
    raise TypeError("t")
except ValueError:
    print("wrong clause")
except TypeError:
    print("second clause")
except Exception:
    print("third clause")
