import torch
# operator precedence and associativity
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** -1, 7 - -3, not 1 + 1 == 2)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, 1 < 3 > 2)
print(True or False and False, (True or False) and False, not True or True)
print(1 and 2, 0 and 2, 1 or 2, 0 or '', None or 'd', [] or [0])
print(5 & 3 | 8, 1 + 2 << 3, 6 ^ 3 & 5, -7 // 2 * 2)
print('a' + 'b' * 3, [1] * 3 + [2], (1, 2) + (3,))
print(3 if 1 > 2 else 4 if 2 > 1 else 5)
print(1 in [1, 2], 3 not in (1, 2), 'b' in 'abc', 'x' in {'x': 1}, None is None, 1 is not None)
