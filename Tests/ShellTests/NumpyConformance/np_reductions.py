# numpy reductions: sum/mean/std/var/min/max/argmax/prod/cumsum/any/all with axis/keepdims, result dtypes and scalar reprs.
import numpy as np

a = np.arange(12).reshape(3, 4)
f = np.array([[1.5, 2.5], [3.5, -4.0]])
print(repr(a.sum()), repr(a.sum(axis=0)), repr(a.sum(axis=1)), repr(a.sum(axis=1, keepdims=True)))
print(repr(a.mean()), repr(a.mean(axis=0)), repr(f.mean(axis=1)), repr(a.std()), repr(a.var(axis=0)))
print(repr(f.std(ddof=1)), repr(np.std(np.array([1.0, 2.0, 4.0]))))
print(repr(a.min()), repr(a.max(axis=1)), repr(f.min()), repr(f.max(axis=0)), repr(np.amax(a)))
print(repr(a.argmax()), repr(a.argmin(axis=1)), repr(f.argmax(axis=0)), repr(np.argmax(np.array([1, 3, 3]))))
print(repr(a.prod(axis=0)), repr(np.prod(np.array([1.5, 2.0]))), repr(a.cumsum()), repr(a.cumsum(axis=1)), repr(f.cumprod()))
print(repr((a > 5).any()), repr((a > 5).all(axis=1)), repr(np.any(np.array([0, 0]))), repr(np.all([])))
print(repr(np.sum(np.array([True, True, False]))), repr(np.count_nonzero(a % 2)), repr(np.mean(np.array([1, 2], dtype=np.int32))))
print(repr(np.sum(np.array([0.5, 0.25], dtype=np.float32))), repr(np.mean(np.array([1, 2], dtype=np.float32))))
print(repr(np.median(np.array([3, 1, 2]))), repr(np.median(np.array([4, 1, 2, 3]))), repr(np.percentile(np.arange(5), 50)))
print(repr(np.sort(np.array([3, 1, 2]))), repr(np.argsort(np.array([3, 1, 2]))), repr(np.sort(f, axis=0)))
print(repr(np.unique(np.array([3, 1, 3, 2, 1]))), repr(np.unique(np.array([2, 1, 2]), return_counts=True)))
print(repr(np.sum(a, axis=(0, 1))), repr(np.sum(np.zeros((0, 3)), axis=0)), repr(np.sum(np.array([]))))
print(repr(np.nansum(np.array([1.0, np.nan])) ), repr(np.nanmean(np.array([1.0, np.nan, 3.0]))), repr(np.isnan(np.array([1.0, np.nan]))))
print(repr(np.linalg.norm(np.array([3.0, 4.0]))), repr(np.trace(a[:, :3])), repr(np.diff(np.array([1, 4, 9]))))
print(repr(a.sum(dtype=np.float32)), repr(np.add.reduce(a, axis=0)), repr(np.maximum.reduce(f, axis=1)))
print(repr(np.sum(np.arange(100000, dtype=np.float64) * 0.1)), repr(np.sum(np.full(10, 0.1))))
for bad in [lambda: a.sum(axis=2), lambda: np.array([]).max(), lambda: np.argmax(np.array([]))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
