print("never printed")
class C:
    yield 1
