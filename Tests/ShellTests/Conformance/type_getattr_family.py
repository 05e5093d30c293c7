class Box:
    size = 3
    def __init__(self):
        self.item = "apple"

b = Box()
print(getattr(b, "item"), getattr(b, "size"), getattr(b, "none", "dflt"))
print(getattr(b, "none", None), getattr(Box, "size"))
print(hasattr(b, "item"), hasattr(b, "size"), hasattr(b, "ghost"))
setattr(b, "ghost", "boo")
print(b.ghost, hasattr(b, "ghost"))
setattr(Box, "shared", [1])
print(b.shared, Box().shared)
delattr(b, "ghost")
print(hasattr(b, "ghost"))
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(Box, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(b, 5)
except TypeError as e:
    print("TypeError:", e)
print(getattr(b, "__class__").__name__, getattr(5, "real"))
name = "dyn" + "amic"
setattr(b, name, 1)
print(b.dynamic, sorted(vars(b)))
print(getattr("abc", "upper")(), getattr([], "append").__name__)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
