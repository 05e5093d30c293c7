import torch
# Python float semantics and repr
print(0.1 + 0.2, 0.1 * 3, 1 - 0.9, 1e-05, 0.0001, 0.00001234)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, 5.0 // 0.1)
print(2.0 ** 0.5, 2 ** 0.5, 10.0 ** 20, 10.0 ** 16, 10.0 ** 15, 2.0 ** -3)
print(float('1.5'), float(' 3 '), float(7), float('1e3'), float('-inf'))
print(1.0 == 1, 0.1 + 0.2 == 0.3, 3 > 2.5, -0.0 == 0.0)
print(100.0 / 3, 2 / 3, 1e300 * 1e10, -1e300 * 1e10)
print(round(3.14159, 3), round(-0.5), round(1.5), abs(-2.5), abs(-0.0))
print(1.0.is_integer(), 1.5.is_integer(), (3.0).real)
print(float(2 ** 53), float(2 ** 53 + 1), 1e16 + 1, 123456789012345678.0)
print(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308)
print(sum([0.1] * 10), sum([1, 2, 3], 0.5))
