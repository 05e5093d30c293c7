def repeat(times, sep=" "):
    def deco(fn):
        def wrapper(*args):
            return sep.join([fn(*args) for _ in range(times)])
        return wrapper
    return deco

@repeat(3)
def word(w):
    return w

@repeat(2, sep="-")
def pair(a, b):
    return a + b

print(word("ha"))
print(pair("x", "y"))

def validate(**types):
    def deco(fn):
        def wrapper(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs[k], t):
                    raise TypeError(k + " must be " + t.__name__)
            return fn(**kwargs)
        return wrapper
    return deco

@validate(n=int, s=str)
def build(n, s):
    return s * n

print(build(n=3, s="ab"))
try:
    build(n="3", s="ab")
except TypeError as e:
    print("TypeError:", e)
factory = repeat(4, sep="")
print(factory(lambda: "z")())
