def shout(fn):
    print("decorating", fn.__name__)
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        return str(result).upper()
    return wrapper

@shout
def greet(name, punct="!"):
    return "hello " + name + punct

print(greet("bob"))
print(greet("amy", punct="?"))
print(greet.__name__, greet.__qualname__)

def replace(fn):
    return 42

@replace
def gone():
    pass
print(gone, type(gone).__name__)

def register(fn):
    registry.append(fn.__name__)
    return fn

registry = []
@register
def one():
    return 1
@register
def two():
    return 2
print(registry, one(), two())
print((lambda f: f)(one) is one)
