counter = 0
name = "module"

def bump():
    global counter
    counter += 1
    return counter

def shadow():
    name = "local"
    return name

def create():
    global fresh
    fresh = "created in function"

print(bump(), bump(), counter)
print(name + " read", shadow(), name)
create()
print(fresh)

def outer():
    x = "outer"
    def inner():
        global x
        x = "global x"
        return x
    r = inner()
    return x, r

print(outer(), x)
total = 10

def adder(n):
    global total
    for i in range(n):
        total += i

adder(4)
print(total, "counter" in globals(), globals()["counter"])
