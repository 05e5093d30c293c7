class Pair:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def swap(self):
        self.left, self.right = self.right, self.left
        return self

    def total(self):
        return self.left + self.right

p = Pair(1, 2)
print(p.left, p.right)
p.swap()
print(p.left, p.right, p.total())
p.left = 10
print(p.total())
print(Pair.__slots__)
print(hasattr(p, "left"), hasattr(p, "nope"))
print(getattr(p, "right"))
class Sub(Pair):
    __slots__ = ("extra",)

    def __init__(self):
        super().__init__("a", "b")
        self.extra = "c"

s = Sub()
print(s.left + s.right + s.extra)
print(s.swap().total())
print(isinstance(s, Pair), Sub.__slots__)
