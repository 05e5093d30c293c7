class Circle:
    def __init__(self, r):
        self._r = r
        self.log = []
    @property
    def radius(self):
        self.log.append("get")
        return self._r
    @radius.setter
    def radius(self, value):
        self.log.append("set " + str(value))
        if value < 0:
            raise ValueError("radius must be >= 0")
        self._r = value
    @radius.deleter
    def radius(self):
        self.log.append("del")
        self._r = 0
    @property
    def area(self):
        return 3 * self._r * self._r
c = Circle(2)
print(c.radius, c.area)
c.radius = 5
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError:", e)
del c.radius
print(c.radius)
print(c.log)
try:
    c.area = 10
except AttributeError as e:
    print("AttributeError:", e)
print(type(Circle.radius).__name__)
print("radius" in c.__dict__, sorted(c.__dict__))
