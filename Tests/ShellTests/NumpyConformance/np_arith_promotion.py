# numpy arithmetic and NEP 50 type promotion: int/float/bool mixes, python scalars are weak, division, floor div, pow, comparisons.
import numpy as np

i = np.array([1, 2, 3])
f = np.array([0.5, 1.5, 2.5])
f32 = np.array([0.5, 1.5], dtype=np.float32)
i32 = np.array([1, 2], dtype=np.int32)
u8 = np.array([200, 100], dtype=np.uint8)
b = np.array([True, False, True])
print(repr(i + f), repr(i * 2), repr(i * 2.0), repr(i / 2), repr(i // 2), repr(i % 2), repr(i ** 2), repr(i ** 0.5))
print(repr(-i), repr(abs(np.array([-1.5, 2]))), repr(i - 5), repr(5 - i), repr(1 / i))
print(repr(f32 * 2), repr(f32 * 2.0), repr(f32 + np.float64(1.0)), repr(f32 + np.array([1.0, 2.0])))
print(repr(i32 + 1), repr(i32 + np.int64(1)), repr(i32 + 1.5), repr(i32 * f32))
print(repr(u8 + 100), repr(u8 + np.array([100, 100], dtype=np.int64)), repr(u8 // 3))
print(repr(b + b), repr(b * 2), repr(b & np.array([True, True, False])), repr(~b), repr(b.sum()), repr(b + 1.5))
print(repr(np.array([7, -7]) // 2), repr(np.array([7, -7]) % 3), repr(np.array([7.0, -7.0]) // 2), repr(np.array([7.5, -7.5]) % 2))
with np.errstate(divide='ignore', invalid='ignore'):
    print(repr(np.array([1.0, -1.0, 0.0]) / 0.0))
    print(repr(np.array([1, 0]) / 0))
print(repr(i == 2), repr(i > f), repr(f != 1.5), repr((i > 1) & (i < 3)), repr(np.logical_not(b)))
print(repr(np.array([1, 2]) @ np.array([3, 4])), repr(np.arange(4).reshape(2, 2) @ np.arange(4).reshape(2, 2)))
print(repr(np.dot(np.ones((2, 3)), np.ones(3))), repr(np.outer(np.arange(2), np.arange(3))))
print(repr(np.arange(3) + np.arange(3)[:, None]), repr(np.ones((2, 3)) * np.array([1, 2, 3])))
print(repr(np.sqrt(np.array([4, 2]))), repr(np.exp(np.array([0.0, 1.0]))), repr(np.log(np.array([1.0, np.e]))))
print(repr(np.sin(np.array([0.0, np.pi / 2]))), repr(np.maximum(i, 2)), repr(np.minimum(f, 1)), repr(np.clip(i, 2, 2)))
print(repr(np.round(np.array([0.5, 1.5, 2.5, -0.5]))), repr(np.round(np.array([1.234, 5.678]), 1)), repr(np.floor(f)), repr(np.ceil(f)))
print(repr(np.sqrt(np.array([4.0], dtype=np.float32))), repr(np.exp(i32)), repr(np.float32(2) ** 2))
print(np.result_type(np.int32, np.float32), np.result_type(np.int64, np.float32), np.result_type(np.uint8, np.int32))
print(np.result_type(np.int32, 300), np.promote_types('i4', 'f4'))
print((i + 1.0).dtype, (i32 + 1.0).dtype, (f32 + 1).dtype, (u8 + 1).dtype, (b + 1).dtype, (b + b).dtype)
x = np.array([1, 2, 3])
x += 1
print(repr(x))
y = np.array([1.5, 2.5])
y *= 2
print(repr(y))
try:
    x += 1.5
except Exception as e:
    print(type(e).__name__, e)
try:
    np.array([1, 2]) + np.array([1, 2, 3])
except Exception as e:
    print(type(e).__name__, e)
try:
    np.uint8(300)
except Exception as e:
    print(type(e).__name__, e)
try:
    u8 + 300
except Exception as e:
    print(type(e).__name__, e)
