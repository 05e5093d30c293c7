import re

patterns = ['(', ')', 'a)', '(a', '[a', '[', '*', '+a', 'a**', 'a{2}{3}', '^*', 'a|*', 'a{3,2}',
            '[z-a]', r'[\w-z]', '\\', r'\q', r'[\q]', r'\x4', r'\u12', r'\U00110000', r'\N{NOT A NAME}',
            r'\400', r'\1', r'(a)\2', r'(a\1)', '(?', '(?P', '(?Px)', '(?P<>a)', '(?P<a', '(?P<1a>x)',
            '(?P<a>x)(?P<a>y)', '(?P=a)', '(?<x)', '(?z)', '(?#abc', 'a(?i)b', '(?i', '(?i-:a)', '(?-i)',
            '(?i-i:a)', '(?L)a', '(?au)a', '(?(1)a)', '(?(0)a)', '(?(x)a)', '(a)(?(1)a|b|c)', '(?<=a+)b',
            'x\n(', 'abc\ndef\n[gh', 'a{99999999999}']
for p in patterns:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(p), '->', type(e).__name__, e)
for p, f in [('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'\\u1234', 0)]:
    try:
        re.compile(p, f)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for call in [lambda: re.compile(5), lambda: re.match('a', 5), lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'),
             lambda: re.compile(re.compile('a'), re.I), lambda: re.compile('a').match(), lambda: re.compile('a').match('a', 'x'),
             lambda: re.compile('a').search('a', pos=1, nope=2)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
e = re.error('custom')
print(e, isinstance(e, Exception), re.error.__module__, re.error.__name__)
try:
    re.compile('(')
except Exception as e:
    print(type(e), type(e).__module__)
re.compile('a\n  (b')
