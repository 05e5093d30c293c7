try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args, str(e) == "")

try:
    raise KeyError
except KeyError as e:
    print(repr(e), "[" + str(e) + "]")

def check(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x * 2

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(e), e.args)
try:
    assert [], ("tuple", "message")
except AssertionError as e:
    print(e.args)
assert True, "never"
print(issubclass(AssertionError, Exception))
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise NotImplementedError
except RuntimeError as e:
    print("NotImplementedError caught as RuntimeError:", type(e).__name__)
