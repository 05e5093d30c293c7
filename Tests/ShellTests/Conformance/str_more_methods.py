# str.casefold, expandtabs, format_map, maketrans, ascii()
print('Straße'.casefold(), 'ΣΊΣΥΦΟΣ'.casefold(), 'ﬁ'.casefold(), 'İ'.casefold(), 'ı'.casefold(), 'µ'.casefold(), 'ᏸ'.casefold(), 'ꭰ'.casefold())
print('HeLLo'.casefold() == 'hello', 'ǅ'.casefold(), 'ᾈ'.casefold(), 'ß'.casefold() == 'SS'.casefold())
folded = [c for c in map(chr, range(0x3000)) if c.casefold() != c.lower()]
print(len(folded), ''.join(folded[:40]))
print('a\tb\tc'.expandtabs(), 'a\tbc\td'.expandtabs(4), 'ab\n\tc'.expandtabs(2), '\t'.expandtabs(0), 'x\ty'.expandtabs(tabsize=3), 'é\tx'.expandtabs(4))
print('{name} is {age:>4}'.format_map({'name': 'Ann', 'age': 7}), '{a[0]}-{a[1]}'.format_map({'a': 'xy'}), '{{}} {x}'.format_map({'x': 1}))
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{known} {unknown}'.format_map(Default(known=1)))
print(str.maketrans('ab', 'xy'), str.maketrans('ab', 'xy', 'c'), str.maketrans({'a': 'A', 98: None}), 'abc'.translate(str.maketrans('ab', 'xy', 'c')))
print('x'.maketrans('a', 'b'), ascii('é'), ascii('plain'), ascii(['ü', 'x', '😀']), ascii(1.5), ascii("it's \n"))
for t in ['"{}".format_map({})', '"{0}".format_map({})', '"{x}".format_map({})', '"x".format_map()', '"x".casefold(1)', '"x".expandtabs("a")',
          'str.maketrans("ab", "c")', 'str.maketrans(1)', 'str.maketrans("a")', 'str.maketrans({"ab": 1})', 'str.maketrans("a", "b", 1)',
          'str.maketrans(1, 2, 3, 4)', 'ascii()', 'ascii(1, 2)', '"x".encode(encoding="ascii", foo=1)']:
    try:
        print(t, '->', eval(t))
    except Exception as e:
        print(t, '->', type(e).__name__, e)
