# float.hex() as CPython writes it: normal, subnormal, signed zeros, infinities and nan.
for v in [1.5, -0.1, 0.0, -0.0, 5e-324, 1e308, float('inf'), float('nan'), 2.0**-1022, 3.141592653589793]:
    print(v.hex())
