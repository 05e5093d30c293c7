import torch
# def, defaults, *args/**kwargs, lambda, recursion, closures
def add(a, b=10):
    return a + b
print(add(1), add(1, 2), add(b=5, a=1))
def varargs(*args, **kwargs):
    return args, kwargs
print(varargs(), varargs(1, 2, k=3))
def kwonly(a, *, scale=2):
    return a * scale
print(kwonly(3), kwonly(3, scale=5))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(12)])
sq = lambda x: x * x
print(sq(7), (lambda a, b=1: a - b)(5), list(map(lambda v: v + 1, [1, 2])), list(filter(lambda v: v % 2, range(6))))
def make_counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = make_counter()
c()
c()
print(c())
def noret():
    pass
print(noret())
def multi():
    return 1, 'two'
a, b = multi()
print(a, b, multi())
args = [1, 2]
kw = {'b': 3}
print(add(*args), add(1, **kw))
def apply(f, *xs):
    return [f(x) for x in xs]
print(apply(abs, -1, -2), apply(str, 1, 2.5))
g = 5
def read_global():
    return g * 2
print(read_global(), sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=lambda p: p[1]))
