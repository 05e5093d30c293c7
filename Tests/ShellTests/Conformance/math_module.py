# math as CPython 3.11 computes it: values, the functions' special cases and their errors.
import math
vals = [0.0, -0.0, 0.5, 1.0, -1.5, 2.0, 10.0, 1e-300, 1e300, float('inf'), float('-inf'), float('nan')]
one = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
       'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'cbrt', 'fabs', 'degrees',
       'radians', 'ulp', 'frexp', 'modf']
for name in one:
    out = []
    for v in vals:
        try:
            out.append(repr(getattr(math, name)(v)))
        except Exception as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(name, out)
two = ['pow', 'atan2', 'copysign', 'fmod', 'remainder', 'nextafter', 'hypot', 'log']
pairs = [(2.0, 3.0), (-8.0, 1 / 3), (0.0, -1.0), (10.0, 0.0), (float('inf'), 2.0), (5.5, 2.0), (-7.0, 2.0), (1e308, 10.0), (2.0, 1.0)]
for name in two:
    out = []
    for a, b in pairs:
        try:
            out.append(repr(getattr(math, name)(a, b)))
        except Exception as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(name, out)
print(math.hypot(3, 4, 12), math.hypot(), math.hypot(-2.5), math.dist((1, 2), (4, 6)), math.hypot(1e-320, 1e-320))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.factorial(20), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.isqrt(10**18 + 12345), math.comb(30, 15), math.perm(10, 3), math.perm(5))
print([(math.floor(v), math.ceil(v), math.trunc(v)) for v in [0.0, -0.0, 0.5, -1.5, 2.0, 1e15, -2.5e9]])
print(math.ldexp(0.75, 4), math.ldexp(1.0, -1074), math.prod([1, 2, 3]), math.prod([0.5, 4], start=2))
for bad in ['math.factorial(-1)', 'math.isqrt(-4)', 'math.comb(5, -1)', 'math.ldexp(1.0, 2000)', 'math.fsum([1e308, 1e308])',
            "math.fsum([float('inf'), float('-inf')])", 'math.log(10, 1)', 'math.isclose(1, 2, rel_tol=-1)', 'math.factorial(2.0)',
            'math.floor(float("nan"))', 'math.ceil(float("inf"))', 'math.dist((1,), (1, 2))']:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, type(e).__name__ + ':', e)
