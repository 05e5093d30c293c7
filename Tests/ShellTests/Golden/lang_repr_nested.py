import torch
# str/repr of nested containers, floats inside containers, special strings
print([0.1, 1e-05, 1e16, -0.0, float('inf')], (1.0, 2.50), {'a': [1.5, (2,)]})
print(str([['a', "b'c"], {'k': None}]), repr(('x',)), [[]], [()], ({},))
print(repr('\t\n\\'), repr('é'), repr('日本'), 'caf\u00e9', len('日本'), '日本'[1])
print(str(1e-4), str(1e-5), str(123456789012.0), str(1.0e15), str(1.5e16), str(0.000123), str(-1e-7))
print(repr(2.0 ** 70), repr(1 / 3 * 3), 3.0 * 1.1, 1.1 + 2.2, 1e308 * 10, -1e308 * 10)
print(list(range(0)), tuple(range(2)), [True, None, 'x', 3], repr([True, None]))
print(torch.Size([2, 3]), repr(torch.Size([])), torch.Size([4]), torch.zeros(2, 3).shape == torch.Size([2, 3]))
print(torch.float32, torch.int64, torch.bool, torch.uint8, torch.float64, torch.int32, [torch.float32], str(torch.int64))
print(torch.float, torch.double, torch.long, torch.int, torch.float == torch.float32)
