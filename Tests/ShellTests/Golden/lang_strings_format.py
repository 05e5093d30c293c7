import torch
# str.format with specs, positional, named, attributes, indices
print('{} {}'.format(1, 'a'), '{1} {0} {1}'.format('x', 'y'), '{name}={val}'.format(name='n', val=3))
print('{:5d}|{:<5d}|{:^5d}|{:>5}'.format(42, 42, 42, 'r'))
print('{:.3f} {:.2e} {:g} {:%} {:.1%}'.format(3.14159, 12345.678, 0.0001, 0.25, 0.123))
print('{:,} {:_} {:08.3f} {:+d} {: d}'.format(1234567, 1234567, -3.14159, 5, 5))
print('{:x} {:X} {:#x} {:o} {:b} {:#b} {:08b}'.format(255, 255, 255, 8, 5, 5, 5))
print('{:*^10} {:-<6} {:>8.3}'.format('mid', 'l', 'abcdef'))
print('{0[1]} {0[0]} {1[k]}'.format([10, 20], {'k': 'v'}))
x = torch.zeros(2, 3)
print('shape={0.shape} dtype={0.dtype} dim={1}'.format(x, x.dim()))
print('{{literal}} {}'.format(7), '{!r} {!s}'.format('q', 'q'))
print('{:e} {:E} {:.0f} {:.0e} {:10.4f}|'.format(0.000123, 1e10, 2.5, 15000, 3.14159))
print('{:g} {:g} {:g} {:g} {:.3g} {:.10g}'.format(1e16, 123456789.0, 1.5, 100000.0, 1234.5, 1 / 3))
print(format(3.5, '.2f'), format(10, 'b'), format(0.5), format('s', '>3'), format(1e-5, 'f'))
w = 8
print('{:{}}|{:>{w}.2f}'.format('ab', 5, 3.14159, w=w))
