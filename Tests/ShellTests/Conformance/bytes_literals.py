# bytes literals: prefixes, escapes, implicit concatenation, reprs
print(b'abc', B"abc", rb'\x41\n', Rb"\d", bR'x', br'\\')
print(b'\x00\x7f\x80\xff', b'\t\n\r\\', b"it's", b'say "hi"', b'both \' and "')
print(b'\101\102\7', b'\777', b'\u0041\N{DASH}\q')
print(b'a' b'b' B'c', len(b''), b'' == b'')
print(b"""multi
line""")
print(type(b'x'), type(b'x').__name__, isinstance(b'x', bytes), isinstance(b'x', bytearray))
print(repr(b'x'), str(b'x'), f'{b"x"!r}', '%s|%r' % (b'y', b'z'), format(b'q'))
print(ascii(b'\xff'), [b'a', b'b'], (b'k',), {b'k': b'v'})
