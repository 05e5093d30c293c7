class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Range2:
    def __init__(self, stop):
        self.stop = stop

    def __iter__(self):
        return Countdown(self.stop)

for x in Countdown(3):
    print("tick", x)
print(list(Countdown(4)))
r = Range2(3)
print(list(r), list(r), sum(r), max(r))
print(2 in r, 7 in r)
print(list(zip(Range2(3), "abc")))
print(list(enumerate(Countdown(2))))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
c = Countdown(5)
print(iter(c) is c, sorted(c))
a, b, *rest = Countdown(5)
print(a, b, rest)
print([v * 10 for v in Range2(3)], tuple(Range2(2)))
