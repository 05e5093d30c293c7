class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("__bool__", self.v)
        return self.v

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("__len__", self.n)
        return self.n

class Both:
    def __bool__(self): return True
    def __len__(self): return 0

class Neither: pass
class BadBool:
    def __bool__(self):
        return 1

print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)))
print(bool(Both()), len(Both()), bool(Neither()))
if B(False):
    print("wrong")
else:
    print("else branch")
print(not L(0), not B(True))
print(B(False) or "fallback", (L(2) and "second"))
n = 2
while L(n):
    n -= 1
print("loop done", n, "yes" if L(1) else "no")
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
