class NoHash:
    __hash__ = None

class EqOnly:
    def __eq__(self, other):
        return True

class EqAndHash:
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 7

class Child(EqAndHash):
    pass

for cls in (NoHash, EqOnly, EqAndHash, Child):
    obj = cls()
    try:
        print(cls.__name__, "hash", hash(obj))
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)
print(EqOnly.__hash__ is None, NoHash.__dict__["__hash__"] is None)
try:
    {NoHash(): 1}
except TypeError as e:
    print("dict key TypeError:", e)
try:
    set([EqOnly()])
except TypeError as e:
    print("set TypeError:", e)
try:
    hash([1, 2])
except TypeError as e:
    print("list TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), hash(5), hash(True))
