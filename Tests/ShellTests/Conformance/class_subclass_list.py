class MyList(list):
    def total(self):
        s = 0
        for v in self:
            s += v
        return s

    def append(self, v):
        print("append", v)
        super().append(v * 10)

m = MyList([3, 1, 2])
print(m, len(m), m.total())
m.append(4)
print(m, len(m), m.total())
m.extend([5])
print(m)
m.sort()
print(m)
print(m[0], m[-1], m[1:3], type(m[1:3]).__name__)
print(type(m).__name__, isinstance(m, list), type(m) is list)
print(type(m + [1]).__name__)
print(m == [1, 2, 3, 5, 40], bool(MyList()))
e = MyList()
print(e, len(e), e.total())
m.tag = "tagged"
print(m.tag, m.__dict__)
print(repr(m), str(m))
print([x * 2 for x in m])
print(sorted(MyList([9, 8]))[0])
print(list(m) == m, [k.__name__ for k in MyList.__mro__])
