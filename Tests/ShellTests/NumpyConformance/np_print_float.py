# numpy float64/float32 array repr/str: positional vs scientific choice, padding, trailing '.', -0., nan/inf, 0-d arrays.
import numpy as np

cases = [
    [1.0, 2.0, 3.0],
    [1.5, 2.25, 3.0],
    [0.1, 0.2, 0.3],
    [-1.5, 2.0],
    [1 / 3, 2 / 3],
    [1.23456789012, 2.0],
    [0.5, 100.123456789],
    [0.125],
    [0.001, 0.01],
    [100.0, 0.1],
    [100.0, 0.099],
    [1.0, 1000.0],
    [1.0, 1001.0],
    [1e7, 1.0],
    [1e8],
    [99999999.0],
    [123456789.0],
    [1e16],
    [1e-4],
    [1e-4, 1.0],
    [0.00011, 0.5],
    [1e-5, 1.0],
    [1e-5, 1.5e-5, -2e-3],
    [-1e-5, 1e5],
    [12345.678, 0.001],
    [1e100, 1e-5],
    [1e-10],
    [0.0, -0.0, 1.0],
    [-0.0],
    [0.0],
    [0.0, 0.0],
]
for c in cases:
    a = np.array(c)
    print(repr(a))
    print(a)

specials = [
    [np.nan, 1.0, -np.inf],
    [np.nan],
    [np.inf, -np.inf],
    [np.nan, np.inf],
    [np.nan, 1.5],
    [np.nan, 1e-5],
    [-np.inf, 1e-5, 2.5],
    [1.0, np.nan, 1e10],
    [[np.nan, 1.0], [2.0, 3.0]],
]
for c in specials:
    a = np.array(c)
    print(repr(a))
    print(a)

f32 = [
    [3.14159],
    [0.1, 0.2],
    [1 / 3],
    [1e6, 1.0],
    [1e6],
    [999999.0],
    [123456.7],
    [16777217.0],
    [1e-5, 2.0],
]
for c in f32:
    a = np.array(c, dtype=np.float32)
    print(repr(a))
    print(a)
print(repr(np.array([0.3], dtype=np.float32).astype(np.float64)))
print(repr(np.array([[1, 2], [3, 4]], dtype=np.float32)))

for v in [5.0, -0.0, np.nan, 1e20, 0.1, 2.5, -np.inf]:
    z = np.array(v)
    print(repr(z), str(z), z.shape, z.ndim)
z32 = np.array(0.1, dtype=np.float32)
print(repr(z32), str(z32))
print(repr(np.array([[1e-5, 1.0], [2.0, 3.0]])))
print(repr(np.linspace(0, 1, 5)))
print(repr(np.arange(0.0, 1.0, 0.25)))
print(repr(np.array([1.0, 2.0]) / 3))
