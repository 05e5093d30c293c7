# numpy array creation: array/zeros/ones/full/arange/linspace/eye/empty-like, dtype inference, shape/ndim/size/itemsize.
import numpy as np

for a in [np.array([1, 2, 3]), np.array([1.0, 2]), np.array([True, 1]), np.array([1, 2.5, True]),
          np.array([[1, 2], [3, 4]]), np.array(3), np.array([]), np.array([[]])]:
    print(repr(a), a.dtype, a.shape, a.ndim, a.size, a.itemsize, a.nbytes)
print(repr(np.zeros(3)), repr(np.zeros((2, 2), dtype=int)), repr(np.ones(4, dtype=np.float32)))
print(repr(np.ones((2, 3), dtype=bool)), repr(np.zeros(2, dtype=np.uint8)))
print(repr(np.full((2, 2), 7)), repr(np.full(3, 2.5)), repr(np.full(2, True)), repr(np.full(2, 7, dtype=np.float64)))
print(repr(np.arange(5)), repr(np.arange(2, 10, 3)), repr(np.arange(5.0)), repr(np.arange(0, 1, 0.1)))
print(repr(np.arange(10, 0, -3)), repr(np.arange(0)), repr(np.arange(3, dtype=np.float32)))
print(repr(np.linspace(0, 1, 5)), repr(np.linspace(0, 10, 4, endpoint=False)), repr(np.linspace(1, 2, 1)))
print(repr(np.linspace(0, 1, 3, dtype=np.float32)))
print(repr(np.eye(3)), repr(np.eye(2, 3, dtype=int)), repr(np.identity(2)))
print(repr(np.zeros_like(np.array([1, 2]))), repr(np.ones_like(np.array([1.5, 2]))), repr(np.full_like(np.arange(3), 9)))
print(repr(np.array([1, 2], dtype=np.float32)), repr(np.array([1.7, -1.7]).astype(int)), repr(np.array([0, 3]).astype(bool)))
print(repr(np.asarray([1, 2])), repr(np.array((1, 2))), repr(np.array(range(4))))
print(repr(np.arange(6).reshape(2, 3)), repr(np.arange(6).reshape(3, -1)), repr(np.arange(6).reshape(2, 3).T))
print(repr(np.arange(6).reshape(2, 3).ravel()), repr(np.arange(6).reshape(2, 3).flatten()), np.arange(6).reshape(2, 3).tolist())
print(repr(np.concatenate([np.arange(3), np.arange(2)])), repr(np.stack([np.arange(2), np.arange(2)])))
print(repr(np.vstack([np.arange(2), np.arange(2)])), repr(np.hstack([np.arange(2), np.arange(3)])))
print(repr(np.expand_dims(np.arange(3), 0)), repr(np.arange(3)[:, None]), repr(np.squeeze(np.zeros((1, 3, 1)))))
print(repr(np.tile(np.arange(2), 3)), repr(np.repeat(np.arange(3), 2)))
print(repr(np.array([[1, 2], [3, 4]]).astype(np.float32)), np.arange(3).dtype, np.arange(3.0).dtype)
print(repr(np.meshgrid(np.arange(2), np.arange(3))[0]))
print(repr(np.diag([1, 2])), repr(np.tri(3, dtype=int)), repr(np.triu(np.ones((3, 3)))))
for bad in [lambda: np.zeros(-1), lambda: np.arange(6).reshape(4, 2), lambda: np.array([[1, 2], [3]]),
            lambda: np.concatenate([np.zeros(2), np.zeros((2, 2))]), lambda: np.linspace(0, 1, -1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
