def tag(name):
    print("making tag", name)
    def deco(fn):
        print("applying tag", name, "to", fn.__name__)
        def wrapper():
            return "<" + name + ">" + fn() + "</" + name + ">"
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco

@tag("b")
@tag("i")
@tag("u")
def text():
    return "hi"

print(text())

def trace(label):
    def deco(fn):
        def wrapper(x):
            print("enter", label, x)
            r = fn(x)
            print("leave", label, r)
            return r
        return wrapper
    return deco

@trace("outer")
@trace("inner")
def double(x):
    return x * 2

print(double(5))
def plain(fn):
    return fn
text2 = tag("s")(tag("em")(plain(lambda: "manual")))
print(text2())
