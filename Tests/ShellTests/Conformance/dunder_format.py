class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        print("__format__ called with", repr(spec))
        if spec == "":
            return str(self)
        if spec == "short":
            return "$" + str(self.cents // 100)
        return format(self.cents / 100, spec)

    def __str__(self):
        return "Money(" + str(self.cents) + ")"

m = Money(12345)
print(f"{m}")
print(f"{m:short}")
print(f"{m:.1f}")
print(f"[{m:>12.2f}]")
print(format(m, "short"))
print("{:short} and {}".format(m, m))
print(f"{m!s}")
width = 10
print(f"[{m:>{width}.3f}]")

class Plain:
    def __str__(self):
        return "plain"

print(f"{Plain()}", format(Plain(), ""))
try:
    f"{Plain():>10}"
except TypeError as e:
    print("TypeError:", e)
