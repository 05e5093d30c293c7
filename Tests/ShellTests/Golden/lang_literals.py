import torch
# literals: ints, floats, strings, booleans, None, containers
print(0, 7, -3, 1_000_000, 0x1F, 0o17, 0b101)
print(1.5, -0.0, 1e-05, 1e16, 1.5e-7, 3.0, 2e3, .5, 123456789.0)
print(1e22, 1e15, 12345678901234567.0, 0.1, 1/3)
print(True, False, None)
print('single', "double", '''triple''', "a'b", 'a"b')
print(repr('single'), repr("it's"), repr('say "hi"'), repr('both \' and "'))
print([1, 2.5, 'x', None, True], (1,), (), [], {})
print({'a': 1, 'b': [2, 3], 3: 'c'})
print(repr(1.0), repr(-2.5), repr(100.0), repr(1e100), repr(float('inf')), repr(float('-inf')), repr(float('nan')))
print(type(1), type(1.0), type('s'), type(True), type(None), type([]), type(()), type({}))
