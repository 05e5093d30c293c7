#!/usr/bin/env python
"""Golden outputs of real PyTorch's CPU random numbers, as bit patterns.

    /work/main/.venv-torch/bin/python scripts/golden/make_rng_golden.py

writes Tests/TorchTests/Golden/rng.json: for each seed, one stream of calls (run in order in the
same generator, so caches and draw counts carry over) with each result in logical row-major
order: float32 as 8 hex digits, float64 as 16, integers as decimal strings."""
import json, math, os, random, struct, warnings
import torch

warnings.filterwarnings('ignore')
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'Tests', 'TorchTests', 'Golden')
DT = {'float32': torch.float32, 'float64': torch.float64, 'int64': torch.int64,
      'int32': torch.int32, 'uint8': torch.uint8, 'bool': torch.bool}
rng = random.Random(777)

def enc(t):
    flat = t.detach().reshape(-1).tolist()
    if t.dtype == torch.float32:
        return ['%08x' % struct.unpack('<I', struct.pack('<f', v))[0] for v in flat]
    if t.dtype == torch.float64:
        return ['%016x' % struct.unpack('<Q', struct.pack('<d', v))[0] for v in flat]
    return [str(int(v)) for v in flat]

def dbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

def run(step):
    op = step['op']
    n = step.get('n', 0)
    dt = DT[step.get('dtype', 'float32')]
    if op == 'rand':
        return torch.rand(step['shape'], dtype=dt)
    if op == 'randn':
        return torch.randn(step['shape'], dtype=dt)
    if op == 'normal':
        return torch.empty(n, dtype=dt).normal_(step['mean'], step['std'])
    if op == 'normal_t':                       # transposed view: scalar path, memory order
        base = torch.zeros(n, 3, dtype=dt)
        base.t().normal_(step['mean'], step['std'])
        return base
    if op == 'uniform':
        return torch.empty(n, dtype=dt).uniform_(step['from'], step['to'])
    if op == 'uniform_t':
        base = torch.zeros(n, 2, dtype=dt)
        base.t().uniform_(step['from'], step['to'])
        return base
    if op == 'bernoulli':
        return torch.empty(n, dtype=dt).bernoulli_(step['p'])
    if op == 'randint':
        return torch.randint(int(step['low']), int(step['high']), (n,), dtype=dt)
    if op == 'random':
        return torch.empty(n, dtype=dt).random_()
    if op == 'randperm':
        return torch.randperm(n, dtype=dt)
    if op == 'randn_like_t':
        return torch.randn_like(torch.zeros(step['shape'], dtype=dt).t())
    if op == 'rand_like_t':
        return torch.rand_like(torch.zeros(step['shape'], dtype=dt).t())
    if op == 'rrelu':
        xs = [struct.unpack('<d', struct.pack('<Q', int(h, 16)))[0] for h in step['x']]
        x = torch.tensor(xs, dtype=dt).reshape(step['shape'])
        if step.get('transpose'):
            x = x.t()
        return torch.nn.RReLU(step['lower'], step['upper'])(x)
    raise ValueError(op)

def steps_for(si, sizes):
    out = []
    for n in sizes:
        m, s = 0.5 + si, 0.25 * (si + 1)
        for dt in ('float32', 'float64'):
            out.append({'op': 'rand', 'shape': [n], 'dtype': dt})
            out.append({'op': 'randn', 'shape': [n], 'dtype': dt})
            out.append({'op': 'normal', 'n': n, 'mean': m, 'std': s, 'dtype': dt})
            out.append({'op': 'uniform', 'n': n, 'from': -m, 'to': 3 * s, 'dtype': dt})
        out.append({'op': 'normal_t', 'n': n, 'mean': -m, 'std': s, 'dtype': rng.choice(['float32', 'float64'])})
        out.append({'op': 'uniform_t', 'n': n, 'from': -s, 'to': m, 'dtype': 'float64'})
        out.append({'op': 'bernoulli', 'n': n, 'p': rng.choice([0.3, 0.5, 0.9]), 'dtype': 'float32'})
    out.append({'op': 'randn', 'shape': [2, 3, 4]})
    out.append({'op': 'rand', 'shape': [3, 6]})
    for lo, hi in [(0, 10), (-5, 5), (3, 8), (0, 2**28 - 1), (0, 2**28), (-2**40, 2**40), (0, 2**62),
                   (-2**63, 2**63 - 1), (-2**62, 2**63 - 1), (0, 2**24 + 7), (-(2**53) - 9, 2**53 + 11)]:
        for dt in ('int64', 'float32', 'float64'):
            out.append({'op': 'randint', 'low': str(lo), 'high': str(hi), 'n': 17, 'dtype': dt})
    for lo, hi, dt in [(0, 256, 'uint8'), (-100, 100, 'int32'), (0, 2, 'bool'), (-2**31, 2**31, 'int32')]:
        out.append({'op': 'randint', 'low': str(lo), 'high': str(hi), 'n': 9, 'dtype': dt})
    for dt in ('int64', 'float32', 'float64', 'int32', 'uint8', 'bool'):
        out.append({'op': 'random', 'n': 7, 'dtype': dt})
    for n in (0, 1, 2, 5, 100, 1000):
        out.append({'op': 'randperm', 'n': n, 'dtype': 'int64'})
    out.append({'op': 'randperm', 'n': 10, 'dtype': 'float32'})
    out.append({'op': 'randn', 'shape': [3]})            # leaves the cache full
    out.append({'op': 'randn', 'shape': [16]})           # vectorised: cache survives
    out.append({'op': 'normal', 'n': 1, 'mean': 2.0, 'std': 0.5, 'dtype': 'float32'})
    out.append({'op': 'randn_like_t', 'shape': [5, 4]})
    out.append({'op': 'rand_like_t', 'shape': [5, 4], 'dtype': 'float64'})
    for lower, upper, dt in [(1.0 / 8, 1.0 / 3, 'float32'), (0.1, 0.3, 'float32'), (0.1, 0.3, 'float64')]:
        xs = [-1.0, -2.0, 0.0, 1.5, -0.0] + [rng.gauss(0, 1) for _ in range(40)]
        out.append({'op': 'rrelu', 'shape': [45], 'x': [dbits(v) for v in xs], 'lower': lower, 'upper': upper, 'dtype': dt})
    xs = [rng.gauss(0, 1) for _ in range(24)]
    out.append({'op': 'rrelu', 'shape': [6, 4], 'transpose': True, 'x': [dbits(v) for v in xs],
                'lower': 0.1, 'upper': 0.3, 'dtype': 'float32'})
    return out

seeds = [0, 1, 42, 12345, 2**32 + 5, 7, 2024, 2**63, -1, -12345, 2**64 - 1]
streams = []
for si, seed in enumerate(seeds):
    sizes = [1, 2, 7, 15, 16, 17, 31, 32, 33, 100] + ([1000] if si < 2 else [])
    steps = steps_for(si, sizes)
    torch.manual_seed(seed)
    for st in steps:
        t = run(st)
        st['out'] = enc(t)
        if si < 4:                         # also what print() shows (printer + RNG together)
            st['repr'] = repr(t)
    streams.append({'seed': str(seed), 'initial_seed': str(torch.initial_seed()), 'steps': steps})

def err(f):
    try:
        f()
        return None
    except Exception as e:
        return '%s: %s' % (type(e).__name__, str(e).split('\n')[0])

errors = []
def E(op, **kw):
    st = dict(op=op, **kw)
    errors.append(dict(st, err=err(lambda: run(st))))
E('uniform', n=3, **{'from': 2.0, 'to': 1.0})
E('uniform', n=3, **{'from': -1e300, 'to': 1e300})
E('uniform', n=3, dtype='float64', **{'from': -1e308, 'to': 1e308})
E('uniform', n=3, dtype='float32', **{'from': 0.0, 'to': math.inf})
E('uniform', n=3, dtype='int64', **{'from': 0.0, 'to': 1.0})
E('normal', n=3, mean=0.0, std=-1.0)
E('normal', n=3, mean=0.0, std=-1.5)
E('normal', n=3, mean=0.0, std=-0.001)
E('normal', n=3, mean=0.0, std=1.0, dtype='int64')
E('randint', low='5', high='3', n=2, dtype='int64')
E('randint', low='5', high='5', n=2, dtype='int64')
E('randint', low='0', high='300', n=2, dtype='uint8')
E('randint', low='-1', high='3', n=2, dtype='uint8')
E('randint', low='0', high=str(2**40), n=2, dtype='int32')
E('randint', low='0', high='3', n=2, dtype='bool')
E('bernoulli', n=3, p=1.5)
E('bernoulli', n=3, p=-0.5)
E('randperm', n=5, dtype='bool')
E('rand', shape=[3], dtype='int64')
E('randn', shape=[3], dtype='int32')
E('rand', shape=[-1])
for e in errors:   # JSON has no inf/nan: such bounds are written as strings ('inf')
    for k, v in e.items():
        if isinstance(v, float) and not math.isfinite(v):
            e[k] = repr(v)
with open(os.path.join(OUT, 'rng.json'), 'w') as f:
    json.dump({'torch': torch.__version__, 'capability': torch.backends.cpu.get_cpu_capability(),
               'streams': streams, 'errors': errors}, f, separators=(',', ':'))
print(len(streams), 'streams,', sum(len(s['steps']) for s in streams), 'steps,', len(errors), 'error cases')
