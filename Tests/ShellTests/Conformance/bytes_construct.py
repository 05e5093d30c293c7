# bytes() and bytearray() constructors
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes((1, 2)), bytes(b'xy'), bytes(bytearray(b'z')))
print(bytes('héllo', 'utf-8'), bytes('abc', encoding='ascii'), bytes('é', 'latin-1'), bytes(source=b'q'))
print(bytes('x\u20ac', 'ascii', 'replace'), bytes('x\u20ac', 'ascii', errors='ignore'), bytes(iter([1, 2])))
print(bytearray(), bytearray(2), bytearray(b'ab'), bytearray([0, 255]), bytearray('hi', 'utf-8'), bytearray(range(3)))
print(bytes(True), bytes([True, False]), bytes({5: 0}))
for bad in ['bytes(-1)', 'bytes("a")', 'bytes([256])', 'bytes([-1])', 'bytes(1.5)', 'bytes(None)', 'bytes(["a"])',
            'bytes(1, "utf-8")', 'bytes(b"a", "utf-8")', 'bytes(b"", errors="x")', 'bytes(x=1)', 'bytes(2**70)',
            'bytearray(1.5)', 'bytearray([256])', 'bytearray("a")', 'bytearray(-1)', 'bytes("a", "nope")', 'bytes("a", 5)',
            'bytes(1, 2, 3, 4)', 'bytes(object())']:
    try:
        print(bad, '->', eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
