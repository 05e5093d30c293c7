class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Both(" + repr(self.v) + ")"
    def __str__(self):
        return "<" + str(self.v) + ">"

class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"

class StrOnly:
    def __str__(self):
        return "just str"

b = Both("x")
print(b)
print(str(b), repr(b))
print([b, Both(2)])
print((b,), {"k": b})
print(f"{b} {b!r} {b!s}")
print("%s %r" % (b, b))
print(ReprOnly(), str(ReprOnly()), [ReprOnly()])
print(StrOnly(), str(StrOnly()))
print("Both(1)" == repr(Both(1)), len(str(b)))
print(str(Both(Both("in"))), repr(Both(Both("in"))))
print("{} {!r}".format(b, b))
print(format(b), format(ReprOnly()))
