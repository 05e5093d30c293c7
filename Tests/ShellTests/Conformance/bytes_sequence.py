# bytes as a sequence: indexing, slicing, iteration, operators, comparisons, hashing
b = b'hello world'
print(b[0], b[-1], b[1:4], b[::-1], b[::2], b[100:], b[-3:])
print(list(b'abc'), tuple(b'\x00\x01'), sorted(b'cab'), sum(b'\x01\x02\x03'), max(b'az'))
print(b'ab' + b'cd', b'ab' * 3, 2 * b'x', b'ab' * 0, b'ab' * -1)
print(b'ab' == b'ab', b'ab' != b'ac', b'ab' < b'b', b'ab' <= b'ab', b'b' > b'abc', b'' < b'a')
print(b'x' == 'x', b'x' != 'x', b'x' == bytearray(b'x'), bytearray(b'x') == b'x')
print(b'lo' in b, 108 in b, 0 in b, b'' in b, b'xyz' in b)
print(hash(b'abc') == hash(b'abc'), hash(b'abc') == hash(bytearray(b'abc').__class__ and b'abc'))
d = {b'one': 1, b'two': 2}
print(d[b'one'], b'two' in d, len({b'a', b'a', b'b'}))
print(bool(b''), bool(b'\x00'), len(b'\x00\x00'), not b'')
for i, c in enumerate(b'hi'):
    print(i, c, chr(c))
it = iter(b'xy')
print(next(it), next(it), next(it, 'done'))
x = b'ab'
x += b'cd'
print(x, type(x).__name__)
for bad in ["b'a'[5]", "b'a' + 'b'", "b'a' + 1", "b'a' * 1.5", "b'a' < 'a'", "'a' in b'a'", "256 in b'a'", "b'a'[0] = 1", "del b'a'[0]", "b'a'['x']"]:
    try:
        eval(bad) if not bad.startswith(("b'a'[0] =", "del")) else exec(bad)
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
