import torch
# string methods
s = '  Hello World  '
print(s.strip(), '|' + s.lstrip() + '|', '|' + s.rstrip() + '|')
print(s.upper(), s.lower(), 'hello world'.title(), 'hello'.capitalize(), 'HeLLo'.swapcase())
print('a,b,,c'.split(','), 'a b  c'.split(), 'a,b,c'.split(',', 1), 'a-b-c'.rsplit('-', 1))
print('-'.join(['x', 'y', 'z']), ''.join(['a', 'b']), ', '.join(str(i) for i in range(3)))
print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'hello'.find('l'), 'hello'.find('z'), 'hello'.rfind('l'))
print('hello'.index('e'), 'hello'.count('l'), 'hello'.startswith('he'), 'hello'.endswith('lo'), 'hello'.startswith(('x', 'h')))
print('123'.isdigit(), 'abc'.isalpha(), 'ab1'.isalnum(), '   '.isspace(), 'abc'.islower(), 'ABC'.isupper())
print('42'.zfill(5), '-42'.zfill(5), 'ab'.center(6, '*'), 'ab'.ljust(5, '.'), 'ab'.rjust(5))
print('a\nb\nc'.splitlines(), 'xxhixx'.strip('x'), 'prefix_name'.removeprefix('prefix_'), 'file.py'.removesuffix('.py'))
print('a=1'.partition('='), 'no'.partition('='))
print('%s and %r' % ('x', 'x'), '%d%%' % 50, '%5.2f|%-6d|%06.1f' % (3.14159, 42, -2.5), '%x %o %e' % (255, 8, 12345.678))
print('%s' % [1, 2], '%s %s' % (1, None), '%10s|%-10s|' % ('r', 'l'), '%.3s' % 'abcdef', '%+d % d' % (5, 5))
