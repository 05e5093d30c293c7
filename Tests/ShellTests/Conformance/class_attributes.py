class Point:
    kind = "point"
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(3, -4)
q = p.moved(1, 1)
print(p.x, p.y, q.x, q.y)
print(p.norm1(), q.norm1())
print(Point.kind, p.kind, q.kind)
print(Point.count, p.count)
p.kind = "mine"
print(p.kind, q.kind, Point.kind)
print(p.__dict__)
print(q.__dict__)
del p.kind
print(p.kind)
Point.kind = "changed"
print(p.kind, q.kind)
print(Point.norm1(q))
print("kind" in Point.__dict__, "x" in Point.__dict__)
p.count += 10
print(p.count, Point.count, q.count)
print(sorted(p.__dict__))
