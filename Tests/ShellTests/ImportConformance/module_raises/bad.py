print("bad starts")


def fail():
    raise ValueError("bad module failed")


fail()
