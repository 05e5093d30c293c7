def accumulate():
    items = []

    def add(v):
        items.append(v)
        return len(items)

    return add, items

add, items = accumulate()
print(add("a"), add("b"))
print(items)

def shadowing():
    v = "outer"
    def f():
        v = "inner"
        return v
    return f(), v

print(shadowing())

def adders():
    fs = {}
    for n in (1, 2, 3):
        def add(x, n=n):
            return x + n
        fs[n] = add
    return fs

fs = adders()
print(fs[1](10), fs[3](10))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), compose(str, len)("abcd"))
def power(e):
    return lambda b: b ** e
print(list(map(power(2), [1, 2, 3])), power(3)(2))
