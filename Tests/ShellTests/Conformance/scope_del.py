a = 1
b = [1, 2, 3]
print(a, b)
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
del b[0]
print(b)
del b[:]
print(b)
a = "again"
print(a)
def f():
    v = "local"
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
d = {"k": 1, "j": 2}
del d["k"]
print(d)
p, q = 1, 2
del p, q
print("p" in globals(), "q" in globals())
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
for n in range(2):
    pass
del n
print("n" in globals())
