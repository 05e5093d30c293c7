import itertools
from itertools import *
print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), repr(count(3)), repr(count(1, 0.5)))
print(list(islice(cycle("ab"), 5)), list(repeat(1, 3)), repr(repeat("x", 2)), repr(repeat(7)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)))
print(list(chain([1, 2], "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))), list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise("abcd")))
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in groupby(sorted([3, 1, 2, 1, 3, 3]))])
print([k for k, g in groupby([1, 1, 2, 3, 3], key=lambda x: x % 2)])
print(list(islice("abcdefg", 2, None)), list(islice("abcdefg", 0, None, 2)), list(islice(range(10), 2, 8, 3)))
a, b = tee([1, 2, 3])
print(list(a), list(b))
print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(product("ab", range(2))), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations(range(3))), list(permutations("abc", 2)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations([], 0)), list(combinations([1], 2)))
print(list(combinations_with_replacement("abc", 2)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
print(type(count()).__name__, type(chain()).__name__, type(groupby([])).__name__)
for msg in [lambda: islice([], -1), lambda: islice([], 1, -2), lambda: islice([], 0, 2, 0), lambda: count("a"), lambda: combinations([1], -1)]:
    try:
        msg()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
it = iter(range(10))
print(list(islice(it, 3)), next(it))
