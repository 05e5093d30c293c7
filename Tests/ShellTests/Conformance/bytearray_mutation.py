# bytearray: item and slice assignment, deletion, in-place operators, mutating methods
ba = bytearray(b'hello')
ba[0] = 72
ba[-1] = ord('O')
print(ba, len(ba))
ba[1:3] = b'EY'
print(ba)
ba[1:3] = b'xyz123'
print(ba)
ba[2:5] = []
print(ba)
ba[::2] = b'___'
print(ba)
ba[len(ba):] = [33, 33]
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
del ba[1:]
print(ba)
ba.append(98)
ba.extend(b'cd')
ba.extend([101, 102])
ba.extend(bytearray(b'g'))
ba.extend(iter(range(104, 106)))
ba.insert(0, 64)
ba.insert(100, 35)
ba.insert(-1, 36)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(99)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(c, ba, c is ba)
ba += b'++'
ba *= 2
print(ba, type(ba).__name__)
alias = ba
ba += b'!'
print(alias is ba, alias)
for bad in ['bytearray(b"ab")[0] = 256', 'bytearray(b"ab")[0] = -1', 'bytearray(b"ab")[0] = "a"', 'bytearray(b"ab")[5] = 1',
            'bytearray(b"ab")[::2] = b"xyz"', 'bytearray(b"ab")[0:1] = 5', 'bytearray(b"ab")[0:1] = "s"', 'bytearray(b"ab")[0:1] = [300]',
            'del bytearray(b"ab")[9]', 'bytearray().pop()', 'bytearray(b"x").pop(5)', 'bytearray(b"x").remove(5)', 'bytearray(b"x").remove(300)',
            'bytearray(b"x").append(256)', 'bytearray(b"x").append("a")', 'bytearray(b"x").extend(5)', 'bytearray(b"x").extend("ab")',
            'bytearray(b"x").extend([1, "a"])', 'bytearray(b"x").insert(0, 999)', 'hash(bytearray(b"x"))', '{bytearray(b"x"): 1}',
            'bytearray(b"x").pop(1, 2)', 'bytearray(b"x").clear(1)']:
    try:
        exec(bad)
        print(bad, '-> ok')
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
