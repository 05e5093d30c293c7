import torch
# scoping: locals, globals, closures, default argument evaluation time, shadowing builtins locally
x = 'global'
def show():
    return x
def shadow():
    x = 'local'
    return x
print(show(), shadow(), x)
def outer():
    y = 1
    def inner():
        return y + 1
    y = 10
    return inner()
print(outer())
n = 5
def default_time(a=n):
    return a
n = 6
print(default_time())
def uses_len(seq):
    len = 3
    return len
print(uses_len([1, 2]), len([1, 2]))
fs = [lambda v, k=k: v * k for k in range(3)]
print([f(10) for f in fs])
def acc(items, out=None):
    if out is None:
        out = []
    for i in items:
        out.append(i * i)
    return out
print(acc([1, 2]), acc([3]))
total = 0
for i in range(4):
    total += i
print(total, i)
print([j for j in range(3)], 'j' in dir())
