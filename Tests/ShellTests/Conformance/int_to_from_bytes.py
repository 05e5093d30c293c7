# int.to_bytes / int.from_bytes
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (1024).to_bytes(4, byteorder='big'), (5).to_bytes())
print((-1).to_bytes(2, 'big', signed=True), (-128).to_bytes(1, 'big', signed=True), (127).to_bytes(1, 'little', signed=True), (0).to_bytes(0, 'big'))
print((2**64).to_bytes(9, 'big'), (2**70 - 1).to_bytes(9, 'little'), (-(2**63)).to_bytes(8, 'big', signed=True), True.to_bytes(1, 'big'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xff', 'big', signed=True), int.from_bytes(b''))
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes(bytearray(b'\x80\x00'), 'big', signed=True), int.from_bytes(b'\x01' * 12, 'little'))
print(int.from_bytes(b'\xff' * 9, 'big', signed=True), int.from_bytes(b'\x00\x80', byteorder='little', signed=True), (7).from_bytes(b'\x07', 'big'))
print((255).bit_length(), (2**100).bit_length(), (-5).bit_count(), True.bit_length(), (3).as_integer_ratio(), (2**70).as_integer_ratio()[0] == 2**70, (5).conjugate())
for n in [0, 1, 255, 256, 65535, 2**31, 2**63 - 1, 2**63, 2**100]:
    for signed in (False, True):
        size = (n.bit_length() + 8) // 8
        assert int.from_bytes(n.to_bytes(size, 'big', signed=signed), 'big', signed=signed) == n
        if signed:
            assert int.from_bytes((-n).to_bytes(size, 'little', signed=True), 'little', signed=True) == -n
print('round trips ok')
for bad in ['(256).to_bytes(1, "big")', '(-1).to_bytes(1, "big")', '(128).to_bytes(1, "big", signed=True)', '(-129).to_bytes(1, "big", signed=True)',
            '(1).to_bytes(1, "middle")', '(1).to_bytes(-1, "big")', '(1).to_bytes(1, 5)', '(1000).to_bytes()', 'int.from_bytes("ab", "big")',
            'int.from_bytes(b"x", "sideways")', 'int.from_bytes(5)', '(1).to_bytes(1, "big", True)', 'int.from_bytes()', '(1).to_bytes(length="a")',
            'int.from_bytes([256])']:
    try:
        print(bad, '->', eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
