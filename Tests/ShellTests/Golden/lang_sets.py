import torch
# set displays, methods and comprehensions
s = {3, 1, 2}
s.add(2)
print(len(s), sorted(s), 2 in s, sorted({x % 3 for x in range(10)}))
t = set([1, 2, 2, 3])
print(sorted(t | {9}), sorted(t & {2, 3, 4}), sorted(t - {1}), {1, 2} == {2, 1}, len(set()))
