import a
value = "b.value"


def use_a():
    return a.value
