# numpy summarisation above threshold=1000: '...', edgeitems, shape= suffix in repr, formatting width from the corners only.
import numpy as np

print(repr(np.arange(1000)))
print(repr(np.arange(1001)))
print(np.arange(1001))
print(repr(np.arange(1001, dtype=np.int32)))
print(repr(np.arange(1001, dtype=np.float32)))
print(repr(np.arange(2000).reshape(40, 50)))
print(np.arange(2000).reshape(40, 50))
print(repr(np.arange(2000.0).reshape(2, 1000)))
print(repr(np.zeros((3, 400))))
print(np.zeros((3, 400)))
print(repr(np.arange(1200).reshape(10, 10, 12)))
print(repr(np.linspace(0, 1, 1001)))
print(repr(np.ones(1001, dtype=bool)))
print(repr(np.arange(5000)[::5]))
x = np.arange(1001.0)
x[500] = 1e9
print(repr(x))
x[0] = 1e9
print(repr(x))
