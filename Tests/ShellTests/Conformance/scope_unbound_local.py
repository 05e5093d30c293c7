x = 10

def bad():
    print(x)
    x = 5
try:
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def bad_augment():
    x += 1
try:
    bad_augment()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
    print(isinstance(e, NameError))

def conditional(flag):
    if flag:
        y = "set"
    return y
print(conditional(True))
try:
    conditional(False)
except NameError as e:
    print(type(e).__name__ + ":", e)

def closure_unbound():
    def inner():
        return z
    r = None
    try:
        r = inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    z = 1
    return inner()
print(closure_unbound())
