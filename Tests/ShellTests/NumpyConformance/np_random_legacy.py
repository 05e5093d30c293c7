# numpy legacy RandomState stream: seed/rand/randn/normal/uniform/randint/choice/shuffle/permutation/get_state + errors.
import numpy as np

np.random.seed(0)
print(repr(np.random.rand()), type(np.random.rand()).__name__)
print(repr(np.random.rand(3)))
print(repr(np.random.random((2, 2))), repr(np.random.random_sample(2)))
print(repr(np.random.randn()), repr(np.random.randn(2, 3)))
print(repr(np.random.standard_normal(3)), repr(np.random.normal(3, 2, 4)), repr(np.random.normal()))
print(repr(np.random.normal(loc=1.0, scale=0.5, size=(2, 2))))
print(repr(np.random.uniform()), repr(np.random.uniform(-2, 5, 3)), repr(np.random.uniform(size=2)))
print(repr(np.random.randint(10)), type(np.random.randint(10)).__name__)
print(repr(np.random.randint(10, size=8)), repr(np.random.randint(-5, 7, size=(2, 4))), repr(np.random.randint(0, 2**40, 3)))
print(repr(np.random.randint(5, dtype=np.int64)), repr(np.random.randint(5, size=3, dtype=np.int32)))
print(repr(np.random.randint(3, 200, size=6)), repr(np.random.randint(0, 2, size=10)))
print(repr(np.random.randint(5, size=())), repr(np.random.randint(1, 2, 4)))
print(repr(np.random.choice(5)), type(np.random.choice(5)).__name__, repr(np.random.choice(5, 6)))
print(repr(np.random.choice([10, 20, 30], 4)), repr(np.random.choice([1.5, 2.5])), repr(np.random.choice(['a', 'b', 'c'], 3)))
print(repr(np.random.choice(10, 4, replace=False)), repr(np.random.choice(4, 8, p=[0.1, 0.2, 0.3, 0.4])))
print(repr(np.random.choice(5, 3, replace=False, p=[0.1, 0.1, 0.3, 0.3, 0.2])))
print(repr(np.random.permutation(10)), repr(np.random.permutation([1.5, 2.5, 3.5])))
print(repr(np.random.permutation(np.arange(6).reshape(3, 2))))
arr = np.arange(10)
np.random.shuffle(arr)
print(repr(arr))
lst = list(range(8))
np.random.shuffle(lst)
print(lst)
m = np.arange(8).reshape(4, 2)
np.random.shuffle(m)
print(repr(m))

np.random.seed(0)
st = np.random.get_state()
print(type(st).__name__, len(st), st[0], st[1].dtype, st[1].shape, st[1][:4], st[2], st[3], st[4])
np.random.randn()
st = np.random.get_state()
print(st[1][:2], st[2], st[3], repr(st[4]))
print(repr(np.random.randn()))
np.random.set_state(st)
print(repr(np.random.randn()))
np.random.seed(42)
x1 = np.random.rand(5)
np.random.seed(42)
print(np.array_equal(x1, np.random.rand(5)), repr(x1))
r = np.random.RandomState(123)
print(repr(r.rand(3)), repr(r.randint(100, size=5)), repr(r.randn(2)))
print(repr(np.random.RandomState(7).normal(size=3)), repr(np.random.RandomState([1, 2, 3]).rand(2)))
print(repr(np.random.RandomState(2**32 - 1).randint(1000, size=4)))
np.random.seed(1)
print(repr(np.random.randn(1001)[-3:]), repr(np.random.rand(700)[::100]))
errs = [lambda: np.random.seed(-1), lambda: np.random.seed(2**32), lambda: np.random.seed(1.5), lambda: np.random.seed([]),
        lambda: np.random.seed([[1, 2]]), lambda: np.random.randint(5, 5), lambda: np.random.randint(5, 3),
        lambda: np.random.randint(0), lambda: np.random.randint(7, 2),
        lambda: np.random.randint(0, 10, size=-1), lambda: np.random.choice(0), lambda: np.random.choice([]),
        lambda: np.random.choice([[1, 2], [3, 4]]), lambda: np.random.choice(3, 5, replace=False),
        lambda: np.random.choice(3, p=[0.5, 0.5]), lambda: np.random.choice(2, p=[0.5, 0.6]),
        lambda: np.random.choice(2, p=[-0.5, 1.5]), lambda: np.random.normal(0, -1), lambda: np.random.uniform(0, np.inf),
        lambda: np.random.rand(-1), lambda: np.random.permutation(np.array(5.0)), lambda: np.random.RandomState(-3)]
for e_ in errs:
    try:
        e_()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
