def f(n, *a, k=1, **kw):
    return [i * k for i in range(n) if i % 2] + list(a)
d = {"a": 1, (1, 2): [3]}
print(f(5, 1, k=2, z=3), d, "%s-%d" % ("x", 3), "{:>8.3f}".format(3.14159))
while True:
    break
else:
    pass
assert not None, "msg"
lambda x, y=2: x if y else -x
