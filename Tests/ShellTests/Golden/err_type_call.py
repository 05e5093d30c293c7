import torch
# TypeError: calling a function with too many arguments
def f(a):
    return a
print(f(1))
f(1, 2)
