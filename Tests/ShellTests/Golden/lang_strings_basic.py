import torch
# string escapes, repr quoting, slicing, indexing
s = 'hello, world'
print(s[0], s[-1], s[2:5], s[:5], s[7:], s[::2], s[::-1], s[-5:-1], s[100:], s[3:1])
print(len(s), s * 2, 'ab' + 'cd')
print('tab\there', 'new\nline', 'back\\slash', 'quote\'s', "dq\"s", 'uni\u00e9', '\x41')
print(repr('tab\there'), repr('new\nline'), repr('back\\slash'), repr('\x00\x7f'), repr('caf\u00e9'))
print(repr(''), repr("'"), repr('"'), repr('\'"'), str('x'), str(12), str(1.5), str(None), str([1, 'a']))
print(r'raw\n', repr(r'raw\n'))
print('abc' < 'abd', 'B' < 'a', 'abc' == 'abc', 'a' * 0 == '')
print("implicit" " concat")
t = """multi
line"""
print(t, len(t))
