class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print("Meters.__add__", type(other).__name__)
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        return NotImplemented

class Feet:
    def __add__(self, other):
        print("Feet.__add__")
        return NotImplemented

    def __radd__(self, other):
        print("Feet.__radd__")
        return NotImplemented

def attempt(label, fn):
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)

attempt("m + str", lambda: Meters(1) + "x")
attempt("str + m", lambda: "x" + Meters(1))
attempt("m + feet", lambda: Meters(1) + Feet())
attempt("feet + feet", lambda: Feet() + Feet())
attempt("m - m", lambda: Meters(1) - Meters(1))
attempt("-m", lambda: -Meters(1))
attempt("m * 2", lambda: Meters(1) * 2)
attempt("m < m", lambda: Meters(1) < Meters(2))
attempt("m == m", lambda: Meters(1) == Meters(1))
attempt("m + m", lambda: (Meters(1) + Meters(2)).v)
attempt("None + 1", lambda: None + 1)
attempt("[] + ()", lambda: [] + ())
