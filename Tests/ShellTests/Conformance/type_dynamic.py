class Base:
    def hello(self):
        return "hello from " + type(self).__name__

def describe(self):
    return "x is " + str(self.x)

Dyn = type("Dyn", (Base,), {"x": 1, "describe": describe})
d = Dyn()
print(Dyn.__name__, Dyn.__qualname__, Dyn.__module__)
print([k.__name__ for k in Dyn.__mro__])
print(d.x, d.describe(), d.hello())
print(isinstance(d, Base), type(d) is Dyn, type(Dyn))
print(Dyn)
Empty = type("Empty", (), {})
print([k.__name__ for k in Empty.__mro__], Empty.__bases__)
e = Empty()
e.v = 5
print(e.v, vars(e))
Dyn.x = 2
print(d.describe())
Sub = type("Sub", (Dyn,), {"x": 10, "__repr__": lambda self: "Sub()"})
print(Sub(), [Sub()], Sub().describe(), Sub().hello())
print(type(5).__name__, type(type(5)).__name__)
Counter = type("Counter", (), {"__init__": lambda self, n: setattr(self, "n", n), "__len__": lambda self: self.n})
print(len(Counter(4)), vars(Counter(7)))
try:
    type("Bad", 5, {})
except TypeError as e:
    print("TypeError:", e)
