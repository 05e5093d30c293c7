x: int = 3
y: list
z: "str" = "hello"
print(x, z)
print(__annotations__)
try:
    print(y)
except NameError as e:
    print("NameError:", e)

def f(a: int, b: str = "s", *args: float, c: bool = True, **kw: dict) -> str:
    local: int = 5
    return b * a

print(f(2))
print(f.__annotations__)
print(f.__annotations__["return"], f.__annotations__["a"].__name__)

def g(a, b):
    return a
print(g.__annotations__)

def h():
    v: int
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(h())

class C:
    attr: int = 7
    other: str
print(C.__annotations__, C.attr, hasattr(C, "other"))
lst = [0]
lst[0]: int = 9
print(lst, __annotations__ == {"x": int, "y": list, "z": "str"})
