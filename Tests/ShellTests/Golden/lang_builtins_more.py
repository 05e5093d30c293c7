import torch
# less common builtins: hex/oct/bin, sets, int('0x..', 16)
print(hex(255), oct(8), bin(5), hex(-1), bin(0))
print(int('0x1f', 16), int('0b11', 0))
s = {3, 1, 2}
s.add(2)
print(len(s), sorted(s), 2 in s, sorted({x % 3 for x in range(10)}))
