class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

for k in (K1, K2, K3, Z):
    print(k.__name__, [c.__name__ for c in k.__mro__])

class X:
    def who(self):
        return "X"
class Y:
    def who(self):
        return "Y"
    def only_y(self):
        return "only Y"
class XY(X, Y): pass
class YX(Y, X): pass

print(XY().who(), YX().who(), XY().only_y())
print([c.__name__ for c in XY.__mro__])
print([c.__name__ for c in YX.__mro__])
print([b.__name__ for b in Z.__bases__])
print(XY.mro() == list(XY.__mro__))
print(issubclass(Z, B), issubclass(K3, B))
