class Failing:
    def __enter__(self):
        print("Failing.__enter__")
        raise OSError("cannot open")
    def __exit__(self, t, v, tb):
        print("Failing.__exit__ should not run")
        return True

class Ok:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("Ok.__enter__", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("Ok.__exit__", self.name, t.__name__ if t else None)
        return False

try:
    with Failing():
        print("body should not run")
except OSError as e:
    print("caught", e)

try:
    with Ok("first"), Failing(), Ok("never"):
        print("body should not run")
except OSError as e:
    print("caught again", e)

class NoExit:
    def __enter__(self):
        return 1

try:
    with NoExit():
        print("body")
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
