class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, P) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "P(" + str(self.x) + ", " + str(self.y) + ")"

d = {P(1, 2): "a", P(3, 4): "b"}
print(d[P(1, 2)], d[P(3, 4)])
d[P(1, 2)] = "c"
print(len(d), d[P(1, 2)])
print(d)
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(2, 1) in s, P(9, 9) in s)
print(hash(P(1, 2)) == hash(P(1, 2)), hash(P(1, 2)) == hash((1, 2)))
print(P(1, 2) == P(1, 2), P(1, 2) == (1, 2))

class Fixed:
    def __hash__(self):
        return 42

print(hash(Fixed()), hash(Fixed()) == hash(Fixed()))
f1, f2 = Fixed(), Fixed()
print(len({f1, f2}), len({f1, f1}))
class MinusOne:
    def __hash__(self):
        return -1
print(hash(MinusOne()))
print({P(0, 0): 1}.get(P(0, 0)), {P(0, 0): 1}.get(P(0, 1), "none"))
