import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG, re.DEBUG)
print(repr(re.I | re.M), str(re.I | re.S), f'{re.X}', int(re.I | re.M), re.I | re.M == 10, re.I & re.M, re.I ^ re.I)
print(~re.I, ~re.NOFLAG, re.I | 1024, re.IGNORECASE is re.I, isinstance(re.I, int), re.I.value, re.I.name, (re.I | re.M).name)
print(re.findall('a', 'aAbA', re.I), re.findall('a', 'aAbA', flags=re.IGNORECASE))
print(re.findall(r'^\w', 'one\ntwo\nthree', re.M), re.findall(r'\w$', 'one\ntwo\n'), re.findall(r'\w$', 'one\ntwo\n', re.M))
print(re.findall('a.b', 'a\nb axb'), re.findall('a.b', 'a\nb axb', re.S))
print(re.findall(r'''
    (\d+)   # digits
    \s*     # space
    ([a-z]+) # word
''', '12 ab 3cd', re.X))
print(re.findall(r'\w+', 'café naïve 日本', re.A), re.findall(r'\w+', 'café naïve 日本'))
print(re.compile('a', re.I | re.M), re.compile('a', re.S | re.X | re.A), re.compile('(?ims)a'), re.compile('(?x) a').flags)
print(re.compile('a').flags, re.compile('a', re.A).flags, re.compile(b'a').flags, re.compile(b'a', re.L).flags)
print(re.match('(?i)HELLO', 'hello'), re.match('(?i:H)ello', 'hello'), re.match('H(?i:ELLO)', 'hello'))
print(re.match('(?i)h(?-i:E)', 'hE'), re.match('(?i)h(?-i:E)', 'he'))
print(re.findall('(?s:.)(.)', 'a\nb\n'), re.findall('(?m:^x)|y$', 'x\nxy\ny'))
print(re.search('k', 'K', re.I), re.search('ß', 'SS', re.I), re.search('σ', 'Σς', re.I))
print(re.findall('[a-z]', 'ABCxyz', re.I), re.findall('[^a-z]+', 'ABCxyz12', re.I))
