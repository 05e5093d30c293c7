class Sym:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        print("__eq__", self.name)
        return "(" + self.name + " == " + str(getattr(other, "name", other)) + ")"
    def __lt__(self, other):
        return [self.name, other]
    __hash__ = None

a, b = Sym("a"), Sym("b")
print(a == b)
print(a == 3)
print(3 == a)
print(a != b)
print(a < 5)
print(a in [b])
print(a in [a])
print([a] == [b])
r = a == b
print(type(r).__name__, bool(r))
class Never:
    def __eq__(self, other):
        return NotImplemented
n = Never()
print(n == n, n == Never(), n != n)
print(n == 1, 1 == n, n != 1)
