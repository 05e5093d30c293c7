from collections import namedtuple, defaultdict, deque, Counter, OrderedDict
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
print(isinstance(p, tuple), p == (1, 2), len(p), Point.__name__, Point.__doc__)
x, y = p
print(x + y, sorted([Point(2, 1), Point(1, 5)]))
Row = namedtuple("Row", ["a", "b", "c"], defaults=[0, 9])
print(Row(1), Row(1, 2), Row._field_defaults)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, x=2), lambda: Point(1, 2, z=3),
            lambda: namedtuple("A", "x x"), lambda: namedtuple("A", "_x"), lambda: namedtuple("A", "def"), lambda: namedtuple("1A", "x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
d = defaultdict(list)
d["a"].append(1); d["b"].append(2); d["a"].append(3)
print(d, d["a"], dict(d), len(d), "c" in d)
c = defaultdict(int)
for w in "the cat the hat the".split(): c[w] += 1
print(c, sorted(c.items()))
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError", e)
q = deque([1, 2, 3])
q.append(4); q.appendleft(0)
print(q, q.popleft(), q.pop(), q, len(q), q[0], q[-1], list(q))
q.rotate(1); print(q)
q.rotate(-2); print(q)
m = deque(maxlen=3)
for i in range(5): m.append(i)
print(m, m.maxlen)
try:
    deque().pop()
except IndexError as e:
    print(e)
cnt = Counter("abracadabra")
print(cnt, cnt.most_common(2), cnt["z"], cnt.total())
cnt.update("aaz"); print(cnt)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(sorted(Counter("hello").elements()), Counter())
od = OrderedDict([("b", 1), ("a", 2)])
print(od, list(od.keys()))
