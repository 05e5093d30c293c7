class Temp:
    unit = "C"
    made = 0

    def __init__(self, deg):
        self.deg = deg

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        cls.made += 1
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit

class Kelvin(Temp):
    unit = "K"

print(Temp.c_to_f(100), Temp(0).c_to_f(37))
t = Temp.from_f(212)
print(type(t).__name__, t.deg)
k = Kelvin.from_f(32)
print(type(k).__name__, k.deg)
print(Temp.describe(), Kelvin.describe())
print(t.describe(), k.describe())
print(k.from_f(50).__class__.__name__)
print(Temp.made, Kelvin.made)
print(type(Temp.__dict__["c_to_f"]).__name__, type(Temp.__dict__["from_f"]).__name__)
sm = Temp.c_to_f
print(sm(0))
cm = Kelvin.describe
print(cm())
print(cm.__self__ is Kelvin)
