#!/usr/bin/env python
"""Golden outputs of real PyTorch's tensor repr and of Python's float repr / format().

    /work/main/.venv-torch/bin/python scripts/golden/make_printer_golden.py

writes Tests/TorchTests/Golden/printer.json and Tests/TorchTests/Golden/pyformat.json.
Values are stored as the hex bit pattern of the (exact) double, so nothing is re-parsed."""
import json, math, os, random, struct
import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'Tests', 'TorchTests', 'Golden')
DT = {'float32': torch.float32, 'float64': torch.float64, 'int64': torch.int64,
      'int32': torch.int32, 'uint8': torch.uint8, 'bool': torch.bool}

def dbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

rng = random.Random(20240611)

def rand_float(kind):
    r = rng.random()
    if kind == 'int':
        return float(rng.randint(-1000, 1000)) * rng.choice([1, 1, 1, 1000, 1e6])
    if kind == 'unit':
        return rng.uniform(-1, 1) * rng.choice([1, 10, 100])
    if kind == 'wide':
        return rng.uniform(-1, 1) * 10.0 ** rng.randint(-12, 12)
    if kind == 'special':
        return rng.choice([0.0, -0.0, math.nan, math.inf, -math.inf, 1.0, -1.0, 0.5, 1e-5, 12345.678, 1e8, 1.5e8])
    if kind == 'round':
        return round(rng.uniform(-10, 10), rng.randint(0, 5))
    return rng.gauss(0, 1)

def make_values(dtype, n):
    if dtype in ('float32', 'float64'):
        kinds = rng.sample(['int', 'unit', 'wide', 'special', 'round', 'gauss'], rng.randint(1, 3))
        return [rand_float(rng.choice(kinds)) for _ in range(n)]
    if dtype == 'bool':
        return [rng.random() < 0.5 for _ in range(n)]
    if dtype == 'uint8':
        return [rng.randint(0, 255) for _ in range(n)]
    if dtype == 'int32':
        lim = rng.choice([9, 1000, 2**31 - 1])
        return [rng.randint(-lim - 1, lim) for _ in range(n)]
    lim = rng.choice([9, 100000, 2**63 - 1])
    return [rng.randint(-lim - 1, lim) for _ in range(n)]

def encode(dtype, t):
    flat = t.reshape(-1).tolist()
    if dtype in ('float32', 'float64'):
        return [dbits(v) for v in flat]
    if dtype == 'bool':
        return [int(v) for v in flat]
    return [str(v) for v in flat]

def random_shape():
    nd = rng.choice([0, 1, 1, 1, 2, 2, 2, 3, 3, 4])
    big = rng.random() < 0.25
    shape = []
    for _ in range(nd):
        shape.append(rng.choice([0, 1, 2, 3, 5, 7]) if not big else rng.randint(1, 40 if nd <= 2 else 12))
    if nd == 1 and rng.random() < 0.3:
        shape = [rng.randint(0, 1500)]
    return shape

def case(dtype, shape, values, opts, transpose=False, requires_grad=False, parameter=False):
    torch.set_printoptions(profile='default', sci_mode=None)
    torch.set_printoptions(**opts)
    t = torch.tensor(values, dtype=DT[dtype]).reshape(shape)
    if transpose:
        t = t.t()
    if requires_grad:
        t.requires_grad_(True)
    if parameter:
        t = torch.nn.Parameter(t, requires_grad=requires_grad)
    text = repr(t)
    return {'dtype': dtype, 'shape': list(shape), 'transpose': transpose, 'requires_grad': requires_grad,
            'parameter': parameter, 'options': opts,
            'values': encode(dtype, torch.tensor(values, dtype=DT[dtype])), 'repr': text}

cases = []
# hand-picked shapes/values (values chosen here, output from torch)
fixed = [
    ('float32', [3], [1., 2., 3.]), ('float32', [2], [0.1, 20.5]), ('float32', [2, 2], [0.1, 20.5, -300.25, 4.0]),
    ('float32', [3], [-0.0, 0.0, 1.0]), ('float32', [2], [-0.0, 0.5]), ('float32', [4], [math.nan, math.inf, -math.inf, 0.5]),
    ('float32', [2], [math.nan, math.nan]), ('float32', [2], [math.inf, -math.inf]), ('float32', [3], [math.inf, 1e-6, math.nan]),
    ('float32', [], [3.5]), ('float32', [], [-0.0]), ('float32', [], [1e-6]), ('float32', [], [12345678.0]), ('int64', [], [2]),
    ('float64', [2], [1.5, 2.5]), ('int32', [2], [1, 2]), ('uint8', [3], [0, 7, 255]), ('bool', [3], [True, False, True]),
    ('int64', [2], [123456789012, -5]), ('int64', [2], [-2**63, 2**63 - 1]), ('float32', [2], [1e8, 1.0]),
    ('float32', [2], [1e-5, 1.0]), ('float32', [2], [1., 1000.]), ('float32', [2], [1., 2000.]), ('float64', [2], [1.5e300, -2.5e-300]),
    ('float32', [0], []), ('float32', [0, 3], []), ('int64', [0], []), ('float64', [2, 0, 4], []), ('bool', [0], []), ('int32', [0, 1], []),
    ('float64', [3], [0.1, 0.2, 0.30000000000000004]), ('float32', [1], [99.99995]), ('float64', [2], [5e-324, 1.0]),
    ('float64', [2], [1.7976931348623157e308, 1.0]), ('float32', [3], [1e38, -3e38, 1.0]),
]
for dtype, shape, values in fixed:
    for opts in ({}, {'precision': 2}, {'sci_mode': True}, {'sci_mode': False}, {'precision': 0}, {'linewidth': 20}):
        cases.append(case(dtype, shape, values, opts))
# summarised / wrapped sequences
for n in (10, 11, 20, 1001, 2000):
    for dtype in ('float32', 'int64'):
        for opts in ({}, {'threshold': 10}, {'threshold': 10, 'edgeitems': 2}, {'threshold': 10, 'edgeitems': 0},
                     {'threshold': 10, 'edgeitems': 1, 'linewidth': 30}, {'profile': 'short'}, {'profile': 'full', 'linewidth': 100}):
            vals = [v / 7 if dtype == 'float32' else v * 37 for v in range(n)]
            cases.append(case(dtype, [n], vals, opts))
for shape in ([40, 30], [11, 11, 11], [3, 4, 5, 6], [7, 8]):
    n = math.prod(shape)
    for opts in ({}, {'threshold': 20}, {'threshold': 20, 'edgeitems': 1}, {'threshold': 20, 'edgeitems': 0},
                 {'linewidth': 40}, {'profile': 'short', 'threshold': 50}):
        cases.append(case('int64', shape, list(range(n)), opts))
        cases.append(case('float32', shape, [v * 0.5 - 3 for v in range(n)], opts))
# random cases
for _ in range(600):
    dtype = rng.choice(['float32', 'float32', 'float32', 'float64', 'int64', 'int32', 'uint8', 'bool'])
    shape = random_shape()
    n = math.prod(shape)
    values = make_values(dtype, n)
    opts = {}
    if rng.random() < 0.5:
        for k, choices in (('precision', [0, 1, 2, 3, 6, 8]), ('threshold', [5, 10, 50, 1000]),
                           ('edgeitems', [0, 1, 2, 3, 4]), ('linewidth', [10, 30, 40, 80, 120]),
                           ('sci_mode', [None, True, False]), ('profile', ['default', 'short', 'full'])):
            if rng.random() < 0.3:
                opts[k] = rng.choice(choices)
    transpose = len(shape) == 2 and rng.random() < 0.3
    rg = dtype in ('float32', 'float64') and rng.random() < 0.15
    param = dtype in ('float32', 'float64') and rng.random() < 0.05
    cases.append(case(dtype, shape, values, opts, transpose, rg, param))
torch.set_printoptions(profile='default', sci_mode=None)

# Python float repr and format()
specials = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.1, 1e-5, 1e-4, 1e16, 1e15, 9007199254740993.0,
            1234567890123456.0, 12345678901234567.0, 5e-324, 1.7976931348623157e308, 2.5, 0.5, 1.5, 100.0, 1e22, 123.456,
            0.30000000000000004, 1/3, 2/3, -123456.789, 999999.5, 0.000123456, 1e-7, 1.25e-300]
floats = list(specials)
for _ in range(1500):
    k = rng.random()
    if k < 0.4:
        floats.append(struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0])
    elif k < 0.7:
        floats.append(rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 25))
    elif k < 0.85:
        floats.append(float(struct.unpack('<f', struct.pack('<f', rng.gauss(0, 10)))[0]))
    else:
        floats.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 6)))
reprs = [{'bits': dbits(x), 'repr': repr(x)} for x in floats]

float_specs = ['', '.4f', '.0f', '.2e', '.4e', 'e', 'E', 'f', 'F', 'g', 'G', '.3g', '.10g', '.0g', '#.0f', '#.3g', '#g',
               '%', '.1%', '10.3f', '<10.2f', '^12.3e', '=+10.2f', '+.2f', ' .2f', '010.3f', '*>12.1f', 'z.1f', '-.3f',
               ',.2f', '_.2f', '015,.2f', '012,.1f', '.3', '.1', '.12', '10', ',', ',.3e', '#.0e', '+g', '08.2%', 'n',
               '.17g', '.20f', '.30e', 'z.0f', '+010.1f', '^10', 'x', 'd', '.2s', '10.2fx', '.f']
fmt_cases = []
for x in floats[:350]:
    for spec in rng.sample(float_specs, 12) + ['', '.4f', '.4e']:
        try:
            out, err = format(x, spec), None
        except Exception as e:
            out, err = None, '%s: %s' % (type(e).__name__, e)
        fmt_cases.append({'kind': 'float', 'bits': dbits(x), 'spec': spec, 'out': out, 'err': err})
int_specs = ['', 'd', '5d', '<5d', '^7', '+d', ' d', '05d', ',', '_', ',d', 'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b',
             '_b', '_x', '#010x', '08b', '.2f', 'e', '%', 'g', '.3', 'c', ',x', 'n', '=+8', '*^9,', '012,', 's', 'z']
ints = [0, 1, -1, 7, -7, 255, 1000, -1000, 123456789, -987654321, 2**31, 2**63 - 1, -2**63, 65, 10**15]
ints += [rng.randint(-10**12, 10**12) for _ in range(60)]
for n in ints:
    for spec in int_specs:
        try:
            out, err = format(n, spec), None
        except Exception as e:
            out, err = None, '%s: %s' % (type(e).__name__, e)
        fmt_cases.append({'kind': 'int', 'int': str(n), 'spec': spec, 'out': out, 'err': err})

with open(os.path.join(OUT, 'printer.json'), 'w') as f:
    json.dump({'torch': torch.__version__, 'cases': cases}, f, separators=(',', ':'))
with open(os.path.join(OUT, 'pyformat.json'), 'w') as f:
    json.dump({'repr': reprs, 'format': fmt_cases}, f, separators=(',', ':'))
print(len(cases), 'printer cases;', len(reprs), 'reprs;', len(fmt_cases), 'format cases')
