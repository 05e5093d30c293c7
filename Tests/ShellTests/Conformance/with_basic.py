class Resource:
    def __init__(self, name):
        self.name = name
        print("init", name)
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc, tb is None)
        return None
with Resource("db") as handle:
    print("inside with", handle)
print("after with")
with Resource("noas"):
    print("no as target")

class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *args):
        print("Pair exit args", args)
with Pair() as (a, b):
    print("unpacked", a, b)
holder = {}
with Resource("item") as holder["k"]:
    pass
print(holder)

def use():
    with Resource("fn"):
        return "returned inside with"
print(use())
for i in range(2):
    with Resource("loop" + str(i)):
        if i == 0:
            continue
        print("loop body", i)
