import torch
# less common builtins: hex/oct/bin, int() with a base
print(hex(255), oct(8), bin(5), hex(-1), bin(0))
print(int('0x1f', 16), int('0b11', 0))
