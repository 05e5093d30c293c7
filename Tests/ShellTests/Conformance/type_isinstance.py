class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C))
print(isinstance(b, (C, A)), isinstance(b, (C, int)), isinstance(b, ()))
print(isinstance(b, object), isinstance(5, object), isinstance(None, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance("s", (int, (float, str))))
print(issubclass(bool, int), issubclass(int, bool), issubclass(bool, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, B), issubclass(B, (C, A)))
print(issubclass(A, object), issubclass(type, object), issubclass(object, type))
print(isinstance(A, type), isinstance(int, type), isinstance(type, type), isinstance(type, object))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple))
try:
    isinstance(b, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
print(type(b) is B, type(b) is A, b.__class__ is B)
print(True + True, True * 10, int(True), bool(2))
