import re

print(re.sub(r'\d+', '#', 'a1b22c333'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@home you@work'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k>', 'a=1, b=2'))
print(re.sub(r'x*', '-', 'abxd'), re.sub(r'', '-', 'abc'), re.sub(r'\b', '|', 'hi there'))
print(re.sub('a', r'\n\t\\', 'bab'), repr(re.sub('a', r'\&', 'a')))
print(re.sub(r'(\w)', lambda m: m.group(1).upper() * 2, 'abc'))
print(re.sub(r'\d', lambda m: None, 'a1b2'))
print(re.subn(r'o', '0', 'foo boo'), re.subn(r'o', '0', 'foo boo', 2), re.subn('z', 'y', 'abc'))
print(re.sub('a', 'b', 'aaaa', count=3))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.split(r',\s*', 'a, b,c,   d'))
print(re.split(r'(,)\s*', 'a, b,c'))
print(re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'x*', 'axbc'), re.split(r'', 'abc'), re.split(r'\b', 'hi there'))
print(re.split(r',', 'a,b,c,d', maxsplit=2), re.split(r',', 'a,b,c', 1), re.split(',', ''))
print(re.split(r'\s+', '  leading and trailing  '))
p = re.compile(r'\W+')
print(p.split('This is a test, short and sweet.'), p.split('This is a test.', 1))
print(p.sub('_', 'hello, world!'), p.subn('_', 'a b c'))
for bad in [r'\3', r'\g<x>', r'\g<', r'\g<1', r'\g<a-b>', r'\q', r'\777', 'x\\']:
    try:
        re.sub(r'(a)(b)', bad, 'ab')
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub('a', b'x', 'a')
except TypeError as e:
    print('TypeError', e)
print(re.escape('1.5*2+[x] (y) {z} a-b ^$|?\\ #~&'))
print(re.escape(b'a.b c'), re.escape('ünï.'))
words = 'The quick brown fox jumps over the lazy dog'
print(re.sub(r'\b(\w)(\w*)\b', lambda m: m.group(2) + m.group(1) + 'ay', words))
print(sorted(set(re.findall(r'[aeiou]', words))))
