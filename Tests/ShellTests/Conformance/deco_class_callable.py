class CountCalls:
    def __init__(self, fn):
        print("CountCalls.__init__", fn.__name__)
        self.fn = fn
        self.calls = 0
        self.__name__ = fn.__name__

    def __call__(self, *args, **kwargs):
        self.calls += 1
        print("call #" + str(self.calls), "of", self.fn.__name__)
        return self.fn(*args, **kwargs)

@CountCalls
def square(x):
    return x * x

print(square(3), square(4))
print(square.calls, square.__name__, type(square).__name__)
print(isinstance(square, CountCalls), callable(square))

class Prefix:
    def __init__(self, prefix):
        self.prefix = prefix

    def __call__(self, fn):
        def wrapper(s):
            return self.prefix + fn(s)
        return wrapper

@Prefix(">> ")
def echo(s):
    return s

print(echo("hello"))
print(echo.__name__)
memo_calls = CountCalls(lambda v: v + 1)
print(memo_calls(1), memo_calls.calls)
