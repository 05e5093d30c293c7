# int is arbitrary precision: results past 64 bits, back into 64 bits, and every operator,
# conversion and builtin on them as CPython 3.11 gives them.
import math

big = 2**100
print(big, -big, type(big), type(big) is int, isinstance(big, int))
print(2**63, -2**63, 2**63 - 1, -(-2**63), 9223372036854775807 + 1, -9223372036854775808 - 1)
print(123456789012345678901234567890, 0x1_0000_0000_0000_0000_0000, 0o7777777777777777777777777, 0b1 << 64)
print(big + 1, big - big, big * big, big // 7, big % 7, -big // 7, -big % 7, big // -7, big % -7)
print(divmod(big, 12345), divmod(-big, 12345), big / 3, big / big, 10**400 / 10**399, 1 / big)
print(big ** 2, (-3) ** 41, 7 ** 30, 2 ** -2, pow(big, 3, 10**9 + 7), pow(3, -1, 7), pow(-big, 3, -97))
print(big << 3, big >> 3, -big >> 99, -big >> 200, big >> 200, 1 << 100 >> 100, (-1) << 70)
print(big & (2**70 - 1), big | 1, big ^ big, -big & 0xFFFF, -big | 5, -big ^ 2**80, ~big, ~-big)
print(big == 2**100, big != 2**100, big < 2**101, big > -big, 2**64 == 2.0**64, 2**64 < 2.0**64 + 4097)
print(big == float(big), 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, big < float("inf"), big > float("-inf"), big == float("nan"))
print(float(big), float(2**1023 * 3 // 2), float(2**54 + 1), float(2**54 + 3), int(float(big)), int(1e30), int(-1e30))
print(hash(big), hash(-big), hash(2**61), hash(2**61 - 1), hash(-(2**61 - 1)), hash(2**64), hash(2.0**64) == hash(2**64))
print({big: "a"}[2**100], 2**100 in {big}, sorted([big, -big, 1, 2.5, 2**99]), max(big, 3), min(-big, 0))
print(abs(-big), -(-big), +big, bool(big), bool(big - big), int(big), round(big), round(big, -20), round(12345, -2), round(-12350, -2), round(1e20))
print(str(big), repr(big), f"{big:,}", f"{big:_x}", f"{big:#o}", f"{-big:>40}", f"{big:e}", format(big, "b")[:12], "%d" % big if False else "")
print(hex(big), oct(-big), bin(2**70), big.bit_length(), (-big).bit_length(), big.bit_count(), big.real, big.imag, big.numerator, big.denominator)
print(int("99999999999999999999"), int("-123456789012345678901234567890"), int("1" * 40, 2), int("f" * 30, 16), int("0x" + "f" * 30, 0), int("1_000_000_000_000_000_000_000"))
print(sum([2**62, 2**62, 2**62]), sum(range(10**6)) * 10**12, math.prod([10**10] * 4), 2**62 * 4 // 4)
print(math.factorial(30), math.factorial(50) // math.factorial(48), math.comb(100, 50), math.perm(30, 20), math.isqrt(10**40 + 1))
print(math.gcd(2**100, 6**50), math.lcm(2**70, 3**40), math.floor(1e30), math.ceil(-1.5e25), math.trunc(2.5e19), math.floor(big))
n = 1
for i in range(1, 40):
    n *= i
print(n, n // math.factorial(38), n - math.factorial(39))
x = 2**64
x += 1
x -= 2
x *= 3
x //= 5
print(x, x % 2**32, -x // 2**64)

for expr in ["2**100 // 0", "2**100 % 0", "divmod(2**100, 0)", "2**100 / 0", "1 << -1", "2**100 >> -1",
             "float(2**2000)", "2**2000 / 3", "10**400 / 10**-1", "[1, 2][2**100]",
             "int('1' * 5000)", "str(10**5000)", "pow(2, 10, 0)", "pow(2**100, 0.5, 7)", "pow(2, -1, 4)",
             "math.factorial(-2**70)", "math.isqrt(-2**100)", "'ab' * 2**70", "2**100 @ 3", "int('12a', 50)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)

# Unicode decimal digits and whitespace in int(), as CPython reads them.
for text in ["٣٤", "１２３", "\u2003 42\u3000", "-٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤", "٣_٤", "٣x", "é"]:
    try:
        print(int(text))
    except ValueError as e:
        print("ValueError", e)
print(int("१२", 16))
