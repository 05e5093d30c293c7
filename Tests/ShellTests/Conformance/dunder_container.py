class Grid:
    def __init__(self):
        self.cells = {}
        self.log = []

    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.cells.get(key, 0)

    def __setitem__(self, key, value):
        self.log.append(("set", key))
        if isinstance(key, slice):
            key = (key.start, key.stop, key.step)
        self.cells[key] = value

    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells

g = Grid()
g[1, 2] = 5
g["a"] = "b"
print(g[1, 2], g[0, 0], g["a"])
print((1, 2) in g, (0, 0) in g, (0, 0) not in g)
del g[1, 2]
print((1, 2) in g, g.cells)
g[1:3] = "slice"
g[::2] = "step"
print(g.cells)
print(g.log)
try:
    del g["missing"]
except KeyError as e:
    print("KeyError", e)
g["n"] = 1
g["n"] += 5
print(g["n"], g.log[-3:])
