class CM:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name

    def __exit__(self, t, v, tb):
        self.log.append("exit " + self.name + " " + (t.__name__ if t else "None"))
        return False

log = []
with CM("A", log) as a, CM("B", log) as b:
    log.append("body " + a + b)
print(log)

log = []
try:
    with CM("A", log) as a, CM("B", log) as b, CM("C", log):
        raise IndexError
except IndexError:
    log.append("caught")
print(log)

log = []
with CM("outer", log) as o:
    with CM("inner", log) as i:
        log.append("body " + o + "/" + i)
    log.append("between")
print(log)

log = []
with (CM("p1", log) as x,
      CM("p2", log) as y):
    log.append(x + y)
print(log)
