class Defaulting(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2

class Upper(dict):
    def __getitem__(self, key):
        return dict.__getitem__(self, key.upper())

    def keys_joined(self):
        return ",".join(sorted(self))

d = Defaulting(a=1)
print(d["a"], d["bb"])
print(d, len(d))
print(d.get("zz"), "zz" in d)
u = Upper()
u["A"] = 1
u["B"] = 2
print(u["a"], u["b"])
print(u.get("a"), u.get("A"))
print(u.keys_joined(), len(u))
print(u, type(u).__name__, isinstance(u, dict))
print(u == {"A": 1, "B": 2})
print(dict(u), type(dict(u)).__name__)
try:
    u["c"]
except KeyError as e:
    print("KeyError", e)
print([k.__name__ for k in Upper.__mro__])
