import torch
# missing required positional arguments
def f(a, b, c=1):
    return a + b + c
print(f(1, 2))
f(1)
