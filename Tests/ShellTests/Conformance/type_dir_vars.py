class Shape:
    sides = 0
    def area(self):
        return 0
    def _private(self):
        return None

class Square(Shape):
    sides = 4
    def __init__(self, s):
        self.s = s
        self._hidden = True
    def area(self):
        return self.s * self.s
    def perimeter(self):
        return 4 * self.s

sq = Square(3)
print([n for n in dir(sq) if not n.startswith("_")])
print([n for n in dir(Square) if not n.startswith("_")])
print([n for n in dir(Shape) if not n.startswith("_")])
print(vars(sq))
sq.color = "red"
print(vars(sq))
print(vars(sq) is sq.__dict__)
print("area" in dir(sq), "__init__" in dir(sq), "_hidden" in dir(sq))
print([n for n in dir(5) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:6])
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(dir(sq) == sorted(dir(sq)))
