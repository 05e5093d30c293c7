import b
value = "a.value"


def use_b():
    return b.value
