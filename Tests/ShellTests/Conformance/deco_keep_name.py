def keep(fn):
    def wrapper(*args):
        return fn(*args)
    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper

def lose(fn):
    def wrapper(*args):
        return fn(*args)
    return wrapper

@keep
def documented(a, b):
    """Adds two things."""
    return a + b

@lose
def forgotten(a):
    """Never seen."""
    return a

print(documented(1, 2), documented.__name__, documented.__qualname__)
print(documented.__doc__)
print(documented.__wrapped__(3, 4), documented.__wrapped__.__name__)
print(forgotten(5), forgotten.__name__, forgotten.__qualname__)
print(forgotten.__doc__)
class K:
    @keep
    def method(self):
        """method doc"""
        return "m"
print(K().method(), K.method.__name__, K.method.__qualname__, K.method.__doc__)
print(documented.__module__)
