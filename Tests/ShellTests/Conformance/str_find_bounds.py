s = 'abracadabra'
for args in [('a',), ('a', 1), ('a', 1, 3), ('a', -4), ('bra', 2, -1), ('', 11), ('', 12), ('z',), ('a', 20), ('', 3, 1)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args))
print(s.startswith('bra', 1), s.startswith(('x', 'ab')), s.endswith('cad', 0, 7), s.startswith('', 11), s.startswith('', 12), s.endswith('a', -1))
print('aaaa'.count('aa'), ''.count(''), 'abc'.count('', 1), 'abc'.index('c', -1))
try:
    s.index('q')
except ValueError as e: print(e)
try:
    s.startswith(('a', 1))
except TypeError as e: print(e)
print('é'.find('e'), 'naïve café'.find('café'), len('卷积层'), '卷积层'.find('层'))
