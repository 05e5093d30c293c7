fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
i = 99
print([f() for f in fs])

gs = [lambda: j for j in range(3)]
print([g() for g in gs])

hs = [lambda j=j: j for j in range(3)]
print([h() for h in hs])
print(hs[0](42))

def make(n):
    return lambda: n
ms = [make(k) for k in range(3)]
print([m() for m in ms])

def builders():
    out = []
    for k in "abc":
        def f(k=k):
            return k * 2
        out.append(f)
    return out
print([b() for b in builders()])

x = "global"
def later():
    return x
x = "rebound"
print(later())
def closure_after():
    def f():
        return y
    y = "assigned after def"
    return f()
print(closure_after())
print([f.__defaults__ for f in hs])
