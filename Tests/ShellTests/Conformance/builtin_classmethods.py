# Class methods of the builtin types: dict.fromkeys, float.fromhex, str.maketrans (with translate).
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
for s in ['0x1.8p+1', '-0X1P-2', '  0xap0 ', '0x.8', '1.5', 'inf', '-Infinity', 'nan', '0x1.fffffffffffffp+1023',
          '0x1p-1074', '0x1.00000000000008p0', '0x1.00000000000018p0']:
    print(s, float.fromhex(s))
for bad in ['0x1p', 'x', '0x1.8q3', '', '0x1p+2000']:
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()))
print('abcdd-cab'.translate(t))
print('hello'.translate(str.maketrans({'l': 'L', 'o': None})))
print((0.1).hex(), float.fromhex((0.1).hex()) == 0.1)
