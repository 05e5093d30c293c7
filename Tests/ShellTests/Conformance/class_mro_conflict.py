class A:
    pass

class B(A):
    pass

class C(B):
    pass

print([k.__name__ for k in C.__mro__])
try:
    class Bad1(A, C):
        pass
except TypeError as e:
    print("caught:", e)

class Fine(C, A):
    pass

print([k.__name__ for k in Fine.__mro__])
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("caught:", e)

print("about to fail")

class Broken(A, B):
    pass

print("never printed")
