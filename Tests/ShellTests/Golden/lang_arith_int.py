import torch
# Python int semantics: floor division, modulo of negatives, power, big-ish ints
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 0 % 5)
print(2 ** 10, 2 ** 62, (-2) ** 3, 2 ** -1, 10 ** -2, 0 ** 0)
print(2 ** 62 + (2 ** 62 - 1), -(2 ** 62) * 2, 9223372036854775807, -9223372036854775807 - 1)
print(123456789 * 987654321)
print(7 / 2, 6 / 3, -1 / 3, 1 / 7)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(abs(-5), abs(3), -(-4), +7, ~5, ~-1)
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2)
print(True + True, True * 3, False - 1, True / 2)
print(int(3.9), int(-3.9), int('42'), int(' -7 '), int(True))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.25, 1), round(2.675, 2), round(1234.5678, -2))
print(pow(3, 4), pow(2, -2), max(3, 9, 1), min(3, 9, 1))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 50
print(x)
