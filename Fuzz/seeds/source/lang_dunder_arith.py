class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "Vec" + repr(tuple(self.c))
    def __add__(self, o):
        print("__add__")
        return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __sub__(self, o):
        return Vec(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        print("__mul__")
        return Vec(*[a * k for a in self.c])
    def __rmul__(self, k):
        print("__rmul__")
        return Vec(*[k * a for a in self.c])
    def __matmul__(self, o):
        return sum([a * b for a, b in zip(self.c, o.c)])
    def __neg__(self):
        return Vec(*[-a for a in self.c])
    def __truediv__(self, k):
        return Vec(*[a / k for a in self.c])
    def __iadd__(self, o):
        print("__iadd__")
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self

u, v = Vec(1, 2), Vec(3, 5)
print(u + v, v - u)
print(u * 3, 3 * u)
print(u @ v, -v, v / 2)
w = u
w += v
print(w, u, w is u)
x = Vec(1, 1)
y = x
y = y - Vec(1, 0)
print(x, y, x is y)
print(-(u * 2), (u + v) @ Vec(1, 1))
