class Plain:
    def method(self):
        return 1

class WithCall:
    def __call__(self):
        return "called"

def func():
    pass

print(callable(Plain), callable(Plain()), callable(WithCall()))
print(callable(func), callable(lambda: 0), callable(len), callable(print))
print(callable(5), callable("s"), callable(None), callable([]))
print(callable(Plain().method), callable(Plain.method), callable(int), callable(type))
print(WithCall()())
try:
    Plain()()
except TypeError as e:
    print("TypeError:", e)
try:
    "text"()
except TypeError as e:
    print("TypeError:", e)
try:
    None()
except TypeError as e:
    print("TypeError:", e)
wc = WithCall()
wc.__call__ = lambda: "instance attr"
print(wc(), wc.__call__())
