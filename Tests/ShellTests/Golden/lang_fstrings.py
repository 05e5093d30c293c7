import torch
# f-strings with specs and conversions
name = 'nnsh'
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f'{name} {n} {pi}')
print(f'{n:5d}|{n:<5}|{n:^7}|{n:>4}|{n:04d}|{n:x}|{n:b}')
print(f'{pi:.2f} {pi:10.3f}| {pi:e} {pi:.3g} {pi:+.1f}')
print(f'{name!r} {name!s} {name:>8} {name:*<8}')
print(f'{items} {items[0] + items[-1]} {len(items)} {sum(items) / len(items):.2f}')
print(f'{{braces}} {n * 2} {"inner"} {n if n > 40 else 0}')
width = 10
prec = 3
print(f'{pi:{width}.{prec}f}|')
d = {'k': 'v'}
print(f"{d['k']} {d}")
t = torch.tensor([1.5, 2.5])
print(f'{t.sum():.3f} {t.shape} {t.dtype} {t[0].item()}')
print(f'{1e-05} {0.1 + 0.2} {1e16} {-0.0} {2**40}')
