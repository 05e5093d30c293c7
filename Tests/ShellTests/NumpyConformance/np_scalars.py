# numpy scalar repr/str: np.float64(...)/np.float32(...)/np.int64(...)/np.True_, cutoffs 1e16 vs 1e6, containers, item(), format.
import numpy as np

vals64 = [1.5, 1.0, 0.1, 1e16, 1e15, 123456789012345.6, 1e-4, 9.9e-5, -0.0, float('nan'),
          float('-inf'), float('inf'), 1 / 3, 1e100, 2.5e-300, 5e-324, -2.0, 100.0]
for v in vals64:
    s = np.float64(v)
    print(repr(s), str(s))
vals32 = [0.1, 1.0, 1e6, 999999.0, 123456.7, 1 / 3, 16777216.0, 1e-5, 3.4e38, -2.5, 0.3]
for v in vals32:
    s = np.float32(v)
    print(repr(s), str(s))
for s in [np.int64(3), np.int32(-3), np.uint8(255), np.int64(-2**62)]:
    print(repr(s), str(s), type(s).__name__)
for s in [np.True_, np.False_, np.bool_(1), np.bool_(0)]:
    print(repr(s), str(s), bool(s), type(s).__name__)
print(repr(np.array([1.5, 2.5]).sum()), repr(np.array([1, 2]).sum()), repr(np.array([True, True]).sum()))
print(repr(np.array([1.0, 2.0])[0]), repr(np.array([1, 2], dtype=np.int32)[0]), repr(np.array([True])[0]))
print(repr(np.array([1.0], dtype=np.float32)[0]))
x = np.array([1.5])[0]
print(repr(x.item()), type(x.item()).__name__, type(float(x)).__name__, type(int(np.int64(4))).__name__)
print([np.float64(1.5), np.int64(2), np.True_])
print((np.float32(0.5),))
print({'a': np.True_, 'b': np.float64(0.25)})
print(f"{np.float64(1.5)}", "%s" % np.float32(0.1), format(np.float64(2.0), '.3f'), "%d" % np.int64(5))
print(f"{np.float32(0.1):.10f}", f"{np.int64(42):5d}|", f"{np.float64(1e-7)}")
print(np.float64(0.1) + np.float64(0.2), np.float32(0.1) + np.float32(0.2))
print(repr(np.float64(0.1) + np.float64(0.2)), repr(np.float32(0.1) + np.float32(0.2)))
print(repr(np.float64(3) * 2), repr(np.int64(3) * 2), repr(np.int64(3) / 2), repr(np.int64(7) // 2))
print(repr(np.float32(3) * 2), repr(np.float32(3) * 2.5), repr(np.int32(3) + 1))
print(np.float64(2.0) == 2, np.int64(3) == 3.0, hash(np.float64(1.5)) == hash(1.5))
print(isinstance(np.float64(1.0), float), isinstance(np.int64(1), int), isinstance(np.float32(1.0), float))
print(np.float64(1.5).dtype, np.int64(1).dtype, np.float32(1).dtype, np.True_.dtype)
print(np.dtype('float32'), repr(np.dtype('float32')), repr(np.array([1, 2]).dtype), np.array([1.0]).dtype.name)
print(np.float64(7.0).is_integer(), np.float64(2.5).as_integer_ratio())
print(round(np.float64(2.675), 2), repr(round(np.float64(2.5))), repr(np.round(np.float64(2.5))))
