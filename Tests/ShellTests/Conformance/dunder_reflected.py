class Meters:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Meters(" + repr(self.v) + ")"

    def __add__(self, other):
        print("Meters.__add__", type(other).__name__)
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, int):
            return Meters(self.v + other)
        return NotImplemented

    def __radd__(self, other):
        print("Meters.__radd__", other)
        if other == 0:
            return self
        return NotImplemented

class Feet:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        print("Feet.__radd__", other)
        return Meters(other.v + self.v * 0.5)

print(Meters(1) + Meters(2))
print(Meters(1) + 5)
print(0 + Meters(7))
print(sum([Meters(1), Meters(2)]))
print(Meters(1) + Feet(4))
m = Meters(2)
m += 3
print(m)
