trace = False

class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def key(self):
        return (self.major, self.minor)

    def __eq__(self, other):
        return self.key() == other.key()

    def __lt__(self, other):
        if trace:
            print("lt", self, other)
        return self.key() < other.key()

    def __repr__(self):
        return "V" + str(self.major) + "." + str(self.minor)

a, b, c = Version(1, 2), Version(1, 10), Version(0, 9)
print(a == Version(1, 2), a != b, a == b)
trace = True
print(a < b, b < a)
print(b > a)
trace = False
print(sorted([a, b, c]))
print(min(a, b, c), max([a, b, c]))
print(sorted([a, b, c], reverse=True))
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
try:
    a < 3
except AttributeError as e:
    print("AttributeError:", e)
print(a in [c, Version(1, 2)], [a, b].index(Version(1, 10)))
