class MyError(Exception):
    pass

class Detailed(MyError):
    def __init__(self, what, n):
        super().__init__(what + " #" + str(n))
        self.n = n

def work(n):
    if n > 2:
        raise Detailed("too big", n)
    return n

for i in range(3):
    print("work", work(i))
try:
    work(5)
except MyError as e:
    print("handled", e, e.n)
print("now failing for real")
raise MyError("msg")
