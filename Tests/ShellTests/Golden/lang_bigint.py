import torch
# Python ints are unbounded: values past 64 bits
print(2 ** 63, -(2 ** 63) - 1, 2 ** 64 // 3, 10 ** 20 % 7)
print(2 ** 100, 123456789 ** 3, -2 ** 70)
print(int('99999999999999999999') + 1, float(2 ** 80), str(2 ** 65)[:5])
