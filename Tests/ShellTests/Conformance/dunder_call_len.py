class Adder:
    def __init__(self, base):
        self.base = base
        self.calls = 0

    def __call__(self, x, y=0, *rest, **kw):
        self.calls += 1
        return self.base + x + y + sum(rest) + sum(kw.values())

class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

add = Adder(100)
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, z=5))
print(add.calls, callable(add), callable(Bag()))
print(list(map(add, [1, 2, 3])))
b = Bag(1, 2, 3)
print(len(b), len(Bag()))
print(bool(b), bool(Bag()))
print("non-empty" if b else "empty", "non-empty" if Bag() else "empty")

class BadLen:
    def __len__(self):
        return -1

try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
try:
    len(add)
except TypeError as e:
    print("TypeError:", e)
