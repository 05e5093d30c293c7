class Recorder:
    def __init__(self):
        object.__setattr__(self, "names", [])
        self.a = 1
        self.b = 2

    def __setattr__(self, name, value):
        self.names.append(name)
        if name == "frozen":
            raise AttributeError("cannot set frozen")
        object.__setattr__(self, name, value * 10 if isinstance(value, int) else value)

    def __delattr__(self, name):
        self.names.append("-" + name)
        object.__delattr__(self, name)

r = Recorder()
print(r.a, r.b, r.names)
r.c = 3
r.a = "text"
setattr(r, "d", 4)
print(r.a, r.c, r.d)
try:
    r.frozen = 1
except AttributeError as e:
    print("AttributeError:", e)
del r.c
print(hasattr(r, "c"))
print(r.names)
print(sorted(r.__dict__))
r.__dict__["raw"] = 5
print(r.raw, r.names[-1])
