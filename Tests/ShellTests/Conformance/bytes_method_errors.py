# argument errors of bytes methods, as CPython's argument parsers word them
tests = [
    'b"x".split(1,2,3)', 'b"x".split(x=1)', 'b"x".startswith()', 'b"x".count()', 'b"x".decode(1,2,3)', 'b"x".hex(1,2,3)',
    'b"x".upper(1)', 'b"x".upper(a=1)', 'b"x".join()', 'b"x".join(1,2)', 'b"x".replace(b"a")', 'b"x".replace(b"a", b"b", 1, 2)',
    'bytearray(b"x").append()', 'bytearray(b"x").append(1,2)', 'b"x".center()', 'b"x".split(sep=1)', 'b"x".fromhex()',
    'bytes.fromhex("zz")', 'bytes.fromhex("abc")', 'bytes.fromhex(1)', 'b"x".translate()', 'b"x".translate(b"short")',
    'b"x".decode(encoding=1)', 'b"x".split(b"x", maxsplit=1, sep=b"y")', 'b"x".strip(1)', 'b"x".find(1.5)',
    'b"abc".index(b"z")', 'b"abc".rindex(b"z", 1)', 'b"x".join([1])', 'b"x".join(["a"])', 'b"x".split(b"")',
    'b"x".partition(b"")', 'b"x".startswith("x")', 'b"x".startswith(["x"])', 'b"x".startswith((b"y", 1))',
    'b"x".center(5, b"ab")', 'b"x".center(5, "a")', 'b"x".zfill()', 'b"x".zfill("3")', 'bytes.maketrans(b"ab", b"c")',
    'b"x".hex("ab")', 'b"x".hex(1)', 'b"x".removeprefix("x")', 'b"x".count(256)', 'b"x".decode("utf-8", "strict", 3)',
    'bytes.upper("x")', 'bytes.upper()', 'b"x".nope', 'b"x".expandtabs("a")', 'b"x".splitlines(1, 2)', 'b"x".rsplit(maxsplit="a")',
    'b"x".decode(errors=5)', 'b"x".find()', 'b"x".find(b"a", 1, 2, 3)', 'b"x".count(b"x", "a")',
]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__ + ':', e)
