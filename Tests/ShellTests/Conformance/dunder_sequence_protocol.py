class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        print("getitem", i)
        if i >= self.n:
            raise IndexError(i)
        return i * i

s = Squares(4)
print(list(s))
print(9 in s)
print(5 in s)
for v in Squares(2):
    print("item", v)
a, b = Squares(2)
print(a, b)
print(s[3], s[-1])

class Sized(Squares):
    def __len__(self):
        return self.n

print(len(Sized(3)), sorted(Sized(3), reverse=True))
it = iter(Squares(1))
print(next(it), next(it, "exhausted"))

class NotIterable:
    pass

try:
    for x in NotIterable():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    NotIterable()[0]
except TypeError as e:
    print("TypeError:", e)
